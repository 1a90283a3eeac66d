"""Recharge vouchers: make up to 1000 at once (admin; their codes are in that answer only), list, one voucher,
and redeem a code onto an account.

Redemption (`store.repositories.payments.redeem_voucher`, the rule an IVR's recharge over RADIUS uses too) claims
the voucher with one conditional UPDATE (`store.repositories.cards.claim_voucher`), so a code is used once even
when two clerks type it at the same moment, then credits the account as a payment is (`payments.credit`: receipt,
one atomic balance UPDATE), with the receipt's answer and the audit, all in one transaction.
Admins and support may redeem onto any account, a reseller onto its subtree's; a voucher sold by a reseller only
onto accounts under that reseller.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import HTTPException, Query, status
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, Context, CurrentUser, DbSession, Pins
from switch_service.api.idempotency import Keyed
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.request_errors import FieldProblems, conflict, error_responses, invalid, not_found
from switch_service.api.routes.anis import visible_account
from switch_service.api.routes.cards import expiry, reseller_owned
from switch_service.api.routes.payments import payment_receipt
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, ReceiptOut, SortOrder
from switch_service.api.schemas.cards import VoucherCodeOut, VoucherCreate, VoucherOut, VoucherPage, VoucherRedeem
from switch_service.api.sorting import Order, SortKeys
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Reseller, Voucher
from switch_service.store.models.enums import PaymentKind
from switch_service.store.repositories.accounts import payment_refusal
from switch_service.store.repositories.cards import (
    VoucherSpec,
    create_vouchers,
    normalise_code,
    reseller_chain,
)
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.payments import AccountGoneError, redeem_voucher
from switch_service.store.types import utcnow

router = api_router(prefix="/vouchers", tags=["vouchers"])

_RESPONSES = error_responses(401, 403, 404)


def voucher_out(voucher: Voucher) -> VoucherOut:
    return VoucherOut(id=voucher.id, value=voucher.value, currency=voucher.currency, label=voucher.label,
                      reseller_id=voucher.reseller_id, used=voucher.used_at is not None,
                      used_by_account_id=voucher.used_by_account_id, used_at=voucher.used_at,
                      expires_at=voucher.expires_at, created_at=voucher.created_at)


@router.post("", status_code=status.HTTP_201_CREATED, responses=_RESPONSES)
def make_vouchers(body: VoucherCreate, session: DbSession, user: Admin, context: Context,
                  cipher: Pins) -> list[VoucherCodeOut]:
    """Up to 1000 vouchers at once (quick enough not to need a job); their codes are in this answer only."""
    problems = FieldProblems()
    problems.row(session, Reseller, body.reseller_id, "reseller_id", "reseller")
    expires_at = expiry(problems, body.expires_at)
    problems.raise_any()
    spec = VoucherSpec(count=body.count, value=body.value,
                       currency=body.currency or read_company(session, context.settings).currency,
                       label=body.label, reseller_id=body.reseller_id, expires_at=expires_at)
    made = []
    for voucher, code in create_vouchers(session, cipher, spec):
        out = voucher_out(voucher)
        record_created(session, user, "voucher", voucher.id, out,
                       leave_out=frozenset({"used", "used_at", "used_by_account_id"}))
        made.append(VoucherCodeOut(**out.model_dump(), code=code))
    return made


VoucherSort = Literal["label", "value", "currency", "used", "created_at"]
VOUCHER_SORT: SortKeys[VoucherSort] = SortKeys(VoucherSort, {
    "label": func.lower(Voucher.label), "value": Voucher.value, "currency": Voucher.currency,
    "used": case((Voucher.used_at.is_(None), 0), else_=1), "created_at": Voucher.created_at,
})


@router.get("", responses=_RESPONSES)
def list_vouchers(
    session: DbSession,
    user: CurrentUser,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[VoucherSort | None, VOUCHER_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    label: Annotated[str | None, Query(max_length=120, description="exactly this label")] = None,
    used: Annotated[bool | None, Query()] = None,
    reseller_id: IdQuery = None,
    account_id: Annotated[IdQuery, Query(description="redeemed onto this account")] = None,
) -> VoucherPage:
    query = select(Voucher).where(reseller_owned(Voucher.reseller_id, user))
    if label is not None:
        query = query.where(Voucher.label == label)
    if used is not None:
        query = query.where(Voucher.used_at.is_not(None) if used else Voucher.used_at.is_(None))
    if reseller_id is not None:
        query = query.where(Voucher.reseller_id == reseller_id)
    if account_id is not None:
        query = query.where(Voucher.used_by_account_id == account_id)
    rows, next_after = keyset_page(session, query, Voucher.id, after, limit,
                                   ordering=VOUCHER_SORT.ordering(sort, order))
    return VoucherPage(items=[voucher_out(voucher) for voucher in rows], next_after=next_after)


@router.get("/{voucher_id:int}", responses=_RESPONSES)
def get_voucher(voucher_id: ObjectId, session: DbSession, user: CurrentUser) -> VoucherOut:
    voucher = session.scalar(select(Voucher).where(Voucher.id == voucher_id,
                                                   reseller_owned(Voucher.reseller_id, user)))
    if voucher is None:
        raise not_found("voucher", voucher_id)
    return voucher_out(voucher)


def _refusal(session: Session, cipher: PinCipher, code: str, account: Account, now: dt.datetime) -> HTTPException:
    """Why no voucher could be claimed. A voucher the account may not use looks exactly like a missing one."""
    voucher = session.scalar(select(Voucher).where(Voucher.code_index == cipher.index(code)))
    if voucher is None or (voucher.reseller_id is not None
                           and voucher.reseller_id not in reseller_chain(session, account.reseller_id)):
        return HTTPException(status.HTTP_404_NOT_FOUND, f"no voucher with this code can be used on account "
                                                        f"{account.id}")
    if voucher.used_at is not None:
        return conflict(f"voucher {voucher.id} was already used on {voucher.used_at:%Y-%m-%d %H:%M} UTC")
    if voucher.currency != account.currency:
        return conflict(f"voucher {voucher.id} is in {voucher.currency}; account {account.id} is in "
                        f"{account.currency}")
    if voucher.expires_at is not None and voucher.expires_at <= now:
        return conflict(f"voucher {voucher.id} expired on {voucher.expires_at:%Y-%m-%d %H:%M} UTC")
    # A snapshot older than a concurrent redemption (MariaDB's repeatable read) still shows it unused.
    return conflict(f"voucher {voucher.id} was just used by another redemption")


@router.post("/redeem", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403, 404, 409))
def redeem(body: VoucherRedeem, session: DbSession, user: CurrentUser, cipher: Pins, keyed: Keyed) -> ReceiptOut:
    """Use the voucher once and credit its value to the account; the answer is the payment's receipt (again, for
    the same request sent again with its `Idempotency-Key`)."""
    try:
        code = normalise_code(body.code.get_secret_value())
    except ValueError as exc:
        raise invalid(("body", "code"), str(exc)) from None

    def use() -> ReceiptOut:
        account = visible_account(session, user, body.account_id)
        if (refusal := payment_refusal(account, PaymentKind.VOUCHER)) is not None:
            raise conflict(refusal)
        now = utcnow()
        try:
            redeemed = redeem_voucher(session, cipher, code, account, now, created_by=user.id)
        except AccountGoneError:
            raise not_found("account", account.id) from None
        if redeemed is None:
            raise _refusal(session, cipher, code, account, now)
        voucher, payment = redeemed
        receipt = payment_receipt(session, user, payment)
        record_audit(session, user, "redeem", "voucher", voucher.id,
                     {"account_id": account.id, "value": voucher.value, "receipt_number": receipt.receipt_number})
        return receipt

    return keyed.write_once(session, user, body, answer=ReceiptOut, work=use)
