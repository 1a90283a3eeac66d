"""Payments on an account: enter one (top-up, payment, refund, adjustment) with a receipt; keyset-paged list.

A reseller user may recharge the accounts of its subtree (top-up or payment): the recharge is taken from its
reseller's balance (plus credit limit) less its commission, or refused with 409 saying why and nothing written.
A top-up or payment on an account under payment-based resellers credits them their commissions in the same
transaction (store/repositories/payments.py `pay_in`, which the IVR's retail-agent recharge uses too)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from fastapi import Depends, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_created
from switch_service.api.deps import Context, DbSession, require_roles
from switch_service.api.idempotency import Keyed
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.request_errors import conflict, error_responses, forbidden, invalid, not_found
from switch_service.api.routes.anis import visible_account
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    ManualPaymentKind,
    PaymentCreate,
    PaymentKind,
    PaymentOut,
    PaymentPage,
    ReceiptOut,
    SortOrder,
)
from switch_service.api.schemas.resellers import PaymentResellerLineOut, PaymentResellerLinesOut
from switch_service.api.sorting import Order, SortKeys
from switch_service.api.visibility import reseller_subtree
from switch_service.billing.money import currency_places, in_cash_units
from switch_service.store.models import Account, Payment, PaymentResellerLine, Reseller, User
from switch_service.store.models.enums import PaymentKind as StorePaymentKind
from switch_service.store.models.enums import Role
from switch_service.store.repositories import ledger
from switch_service.store.repositories.accounts import payment_refusal
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.payments import AccountGoneError, pay_in
from switch_service.store.repositories.resellers import ResellerShortfallError
from switch_service.store.types import utcnow

router = api_router(prefix="/accounts/{account_id}/payments", tags=["payments"])

# What the support and reseller roles may enter; refunds and adjustments are for admins.
_SUPPORT_KINDS = frozenset({ManualPaymentKind.TOPUP, ManualPaymentKind.PAYMENT})

Cashier = Annotated[User, Depends(require_roles(Role.ADMIN, Role.SUPPORT, Role.RESELLER))]

_RESPONSES = error_responses(401, 403, 404)
_WRITE_RESPONSES = error_responses(401, 403, 404, 409)


def payment_out(payment: Payment) -> PaymentOut:
    return PaymentOut(
        id=payment.id,
        receipt_number=payment.receipt_number,
        account_id=payment.account_id,
        kind=PaymentKind(payment.kind.value),
        amount=payment.amount,
        currency=payment.currency,
        method=payment.method,
        reference=payment.reference,
        note=payment.note,
        created_by=payment.created_by,
        created_at=payment.created_at,
    )


PaymentSort = Literal["created_at", "receipt_number", "kind", "amount", "method"]
PAYMENT_SORT: SortKeys[PaymentSort] = SortKeys(PaymentSort, {
    "created_at": Payment.created_at, "receipt_number": Payment.receipt_number, "kind": Payment.kind,
    "amount": Payment.amount, "method": Payment.method,
})


@router.get("", responses=_RESPONSES)
def list_payments(
    account_id: ObjectId,
    session: DbSession,
    user: Cashier,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[PaymentSort | None, PAYMENT_SORT.query()] = None,
    order: Order = SortOrder.DESC,
) -> PaymentPage:
    """Newest first unless sorted otherwise."""
    visible_account(session, user, account_id)
    rows, next_after = keyset_page(session, select(Payment).where(Payment.account_id == account_id), Payment.id,
                                   after, limit, ordering=PAYMENT_SORT.ordering(sort, order))
    return PaymentPage(items=[payment_out(p) for p in rows], next_after=next_after)


def _cash_amount(body: PaymentCreate, currency: str, cash_rounding: str) -> Decimal:
    """The amount as the counter takes it: to the currency's smallest unit, refused (422) or rounded as the company
    says; an adjustment keeps every digit."""
    amount = body.amount
    if body.kind is ManualPaymentKind.ADJUSTMENT or in_cash_units(amount, currency) == amount:
        return amount
    if cash_rounding != "round":
        unit = Decimal(1).scaleb(-currency_places(currency))
        raise invalid(("body", "amount"), f"{currency} is paid in units of {unit}: {amount.normalize():f} has more "
                      "decimals than that", str(amount))
    rounded = in_cash_units(amount, currency)
    if rounded <= 0:
        raise invalid(("body", "amount"), f"rounds to nothing in {currency}", str(amount))
    return rounded


@router.post("", status_code=status.HTTP_201_CREATED, responses=_WRITE_RESPONSES)
def add_payment(account_id: ObjectId, body: PaymentCreate, *, session: DbSession, user: Cashier, context: Context,
                keyed: Keyed) -> ReceiptOut:
    """Money in or out at the counter. Send an `Idempotency-Key` so that sending it again after a timeout returns
    the first receipt instead of paying twice. An amount finer than the currency's smallest unit (a cent) is
    refused or rounded as the company's `cash_rounding` says; an adjustment keeps every digit (it corrects a
    balance). A reseller user's recharge is taken from its reseller's balance less its commission (409 when that
    does not cover it)."""
    if user.role is not Role.ADMIN and body.kind not in _SUPPORT_KINDS:
        raise forbidden(f"the {user.role.value} role may not enter a {body.kind.value} (admin only)")

    kind = StorePaymentKind(body.kind.value)

    def check() -> tuple[Account, Decimal]:
        account = visible_account(session, user, account_id)
        if (refusal := payment_refusal(account, kind)) is not None:
            raise conflict(refusal)
        return account, _cash_amount(body, account.currency, read_company(session, context.settings).cash_rounding)

    def pay(checked: tuple[Account, Decimal]) -> ReceiptOut:
        account, amount = checked
        return record_payment(session, user, account, kind, amount, method=body.method, reference=body.reference,
                              note=body.note)

    return keyed.checked_write_once(session, user, body, answer=ReceiptOut, check=check, work=pay)


def record_payment(session: Session, user: User, account: Account, kind: StorePaymentKind, amount: Decimal, *,
                   method: str, reference: str = "", note: str = "") -> ReceiptOut:
    """The payment with its resellers' lines (`store.repositories.payments.pay_in`: receipt, the ledger's one atomic
    balance UPDATE, the commissions, and the recharge a reseller user sold taken from its reseller) and the audit
    entry, all in the caller's transaction. Package fees use it too."""
    acting = user.reseller_id if user.role is Role.RESELLER else None
    try:
        payment = pay_in(session, account, kind, amount, acting_reseller_id=acting, method=method,
                         reference=reference, note=note, created_by=user.id, now=utcnow())
    except AccountGoneError:  # deleted since it was read: roll everything back
        raise not_found("account", account.id) from None
    except ResellerShortfallError as exc:
        raise conflict(str(exc), "reseller_balance") from None
    return payment_receipt(session, user, payment)


def payment_receipt(session: Session, user: User, payment: Payment) -> ReceiptOut:
    """The payment's receipt with the account's balance after it, recorded in the audit as created by `user`."""
    session.flush()
    assert payment.account_id is not None  # an account's payment
    money = ledger.standing(session, payment.account_id)
    session.refresh(payment)
    receipt = ReceiptOut(**payment_out(payment).model_dump(), balance=money.balance, available=money.available)
    record_created(session, user, "payment", payment.id, receipt)
    return receipt


@router.get("/{payment_id}/reseller-lines", responses=_RESPONSES)
def payment_reseller_lines(account_id: ObjectId, payment_id: ObjectId, session: DbSession,
                           user: Cashier) -> PaymentResellerLinesOut:
    """The resellers' commissions of a payment, level 0 (the account's own reseller) first, and what each one's
    balance moved by. Admins see them all; a reseller user those of its own subtree; support none (403)."""
    if user.role is Role.SUPPORT:
        raise forbidden("the support role sees no commissions (allowed: admin, reseller)")
    visible_account(session, user, account_id)
    payment = session.scalar(select(Payment).where(Payment.id == payment_id, Payment.account_id == account_id))
    if payment is None:
        raise not_found("payment", payment_id)
    query = (select(PaymentResellerLine, Reseller.name).join(Reseller, Reseller.id == PaymentResellerLine.reseller_id)
             .where(PaymentResellerLine.payment_id == payment.id).order_by(PaymentResellerLine.level))
    if user.role is Role.RESELLER:
        query = query.where(PaymentResellerLine.reseller_id.in_(reseller_subtree(user.reseller_id or 0)))
    items = [PaymentResellerLineOut(reseller_id=line.reseller_id, reseller_name=name, level=line.level,
                                    sell=line.sell, buy=line.buy, commission=line.commission,
                                    balance_change=line.balance_change, currency=line.currency)
             for line, name in session.execute(query)]
    return PaymentResellerLinesOut(payment_id=payment.id, receipt_number=payment.receipt_number, items=items)
