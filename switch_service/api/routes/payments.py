"""Payments on an account: enter one (top-up, payment, refund, adjustment) with a receipt; keyset-paged list."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import uuid4

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy import literal, select, update

from switch_service.api.audit import record_audit
from switch_service.api.deps import DbSession, require_roles
from switch_service.api.routes.anis import visible_account
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    ErrorOut,
    ManualPaymentKind,
    PaymentCreate,
    PaymentKind,
    PaymentOut,
    PaymentPage,
    ReceiptOut,
)
from switch_service.store.models import Account, Payment, User
from switch_service.store.models.enums import PaymentKind as StorePaymentKind
from switch_service.store.models.enums import Role
from switch_service.store.types import Money, utcnow

router = APIRouter(prefix="/accounts/{account_id}/payments", tags=["payments"])

Staff = Annotated[User, Depends(require_roles(Role.ADMIN, Role.SUPPORT))]

# What the support role may enter; refunds and adjustments are for admins.
_SUPPORT_KINDS = frozenset({ManualPaymentKind.TOPUP, ManualPaymentKind.PAYMENT})

_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut},
}


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


@router.get("", responses=_RESPONSES)
def list_payments(
    account_id: int,
    session: DbSession,
    user: Staff,
    after: Annotated[int | None, Query(ge=0, description="id of the last payment of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
) -> PaymentPage:
    visible_account(session, user, account_id)
    query = (select(Payment).where(Payment.account_id == account_id)
             .order_by(Payment.id.desc()).limit(limit + 1))
    if after is not None:
        query = query.where(Payment.id < after)
    rows = list(session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    return PaymentPage(items=[payment_out(p) for p in rows], next_after=rows[-1].id if more else None)


@router.post("", status_code=status.HTTP_201_CREATED, responses=_RESPONSES)
def add_payment(account_id: int, body: PaymentCreate, session: DbSession, user: Staff) -> ReceiptOut:
    if user.role is not Role.ADMIN and body.kind not in _SUPPORT_KINDS:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            f"the {user.role.value} role may not enter a {body.kind.value} (admin only)")
    account = visible_account(session, user, account_id)
    now = utcnow()
    payment = Payment(
        receipt_number=f"tmp-{uuid4().hex[:24]}",  # replaced below, once the id is known
        account_id=account_id,
        kind=StorePaymentKind(body.kind.value),
        amount=body.amount,
        currency=account.currency,
        method=body.method,
        reference=body.reference,
        note=body.note,
        created_by=user.id,
        created_at=now,
    )
    session.add(payment)
    session.flush()
    # Derived from the primary key: unique without a read-then-write race between two clerks.
    payment.receipt_number = f"R-{now.year}-{payment.id:06d}"
    delta = -body.amount if body.kind is ManualPaymentKind.REFUND else body.amount
    # One atomic UPDATE in the database: a concurrent call settlement is never overwritten.
    session.execute(
        update(Account).where(Account.id == account_id)
        .values(balance=Account.balance + literal(delta, Money()))
        .execution_options(synchronize_session=False)
    )
    session.flush()
    balance = session.scalar(select(Account.balance).where(Account.id == account_id))
    if balance is None:  # deleted by someone else since it was read: roll everything back
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"account {account_id} does not exist")
    session.refresh(payment)
    receipt = ReceiptOut(**payment_out(payment).model_dump(), balance=balance)
    record_audit(session, user, "create", "payment", payment.id,
                 receipt.model_dump(mode="json", exclude={"id", "created_at"}))
    return receipt
