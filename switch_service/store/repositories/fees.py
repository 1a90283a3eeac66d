"""Charging recurring fees (maintenance, DID rent, package fees): every occurrence once, whoever runs it.

A run takes the active fees whose `next_due_at` has passed and charges each in a transaction of its own: first
the conditional UPDATE that moves `next_due_at` from the value read to the first occurrence after now — a second
runner at the same moment matches no row and charges nothing —, then, per occurrence missed, one FEE payment per
account (booked at the due instant, so a run after a downtime puts each fee in its own period) and the balances
debited by one UPDATE. A fee of every account (no account) is charged to every active account with set-based
INSERT ... SELECT and UPDATE statements, so a million accounts cost two statements per occurrence, not two million.
Only active accounts are charged; an occurrence that falls while an account is suspended is not charged later.
The amount is charged in each account's own currency as written on the fee.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, String, func, insert, literal, select, update
from sqlalchemy.orm import Session

from switch_service.billing.periods import Period, zone_named
from switch_service.billing.recurring_fees import RecurringFee as BillingFee
from switch_service.billing.recurring_fees import fees_due, next_due_after
from switch_service.store.models import Account, Payment, RecurringFee
from switch_service.store.models.enums import PaymentKind, Status
from switch_service.store.repositories import ledger
from switch_service.store.types import Money

FEE_METHOD = "recurring fee"


@dataclass(frozen=True, slots=True)
class FeeRun:
    """What one fee's run charged: `occurrences` due dates, each to `accounts` accounts."""

    fee_id: int
    name: str
    occurrences: tuple[dt.datetime, ...]
    accounts: int
    next_due_at: dt.datetime


def first_due_after(fee: RecurringFee, after: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The stored fee's first occurrence after `after`, counted from its anchor in `zone`."""
    return next_due_after(_billing_fee(fee), after, zone)


def _billing_fee(fee: RecurringFee) -> BillingFee:
    return BillingFee(fee.name, fee.amount, Period(fee.period.value), fee.anchor_at)


def charge_due_fees(engine: Engine, now: dt.datetime, company_zone: str) -> list[FeeRun]:
    """Charge every occurrence of every active fee due at or before `now`; what each fee's run charged."""
    with Session(engine) as session:
        due = session.scalars(select(RecurringFee.id).where(RecurringFee.active.is_(True),
                                                            RecurringFee.next_due_at <= now)
                              .order_by(RecurringFee.id)).all()
    runs = []
    for fee_id in due:
        with Session(engine) as session, session.begin():
            run = _charge_fee(session, fee_id, now, company_zone)
        if run is not None:
            runs.append(run)
    return runs


def _charge_fee(session: Session, fee_id: int, now: dt.datetime, company_zone: str) -> FeeRun | None:
    fee = session.get(RecurringFee, fee_id)
    if fee is None or not fee.active or fee.next_due_at > now:
        return None  # changed since the list was read
    account = session.get(Account, fee.account_id) if fee.account_id is not None else None
    zone = zone_named(account.time_zone if account is not None else company_zone)
    billing_fee = _billing_fee(fee)
    occurrences = tuple(due.due_at for due in fees_due([billing_fee], fee.next_due_at - dt.timedelta(microseconds=1),
                                                       now, zone))
    following = next_due_after(billing_fee, now, zone)
    claim = (update(RecurringFee).where(RecurringFee.id == fee.id, RecurringFee.next_due_at == fee.next_due_at)
             .values(next_due_at=following).execution_options(synchronize_session=False))
    if session.execute(claim).rowcount != 1:  # type: ignore[attr-defined]
        return None  # another runner charged it
    charged = [Account.status == Status.ACTIVE]
    if fee.account_id is not None:
        charged.append(Account.id == fee.account_id)
    accounts = session.scalar(select(func.count()).select_from(Account).where(*charged)) or 0
    for due in occurrences:
        _charge_occurrence(session, fee, due, charged)
    return FeeRun(fee.id, fee.name, occurrences, accounts, following)


def _charge_occurrence(session: Session, fee: RecurringFee, due: dt.datetime,
                       charged: list[ColumnElement[bool]]) -> None:
    """One FEE payment per charged account (receipt F-<fee>-<due date>-<account>) and their balances debited."""
    columns = Payment.__table__.c
    rows = select(ledger.fee_receipt(fee.id, due), Account.id, literal(PaymentKind.FEE, columns.kind.type),
                  literal(fee.amount, Money()), Account.currency,
                  literal(FEE_METHOD, String(32)), literal(fee.name, String(120)),
                  literal(f"due {due.isoformat()}", String(200)), literal(due, columns.created_at.type)
                  ).where(*charged)
    # the accounts' rows first, then the payments naming them: money writes lock in one order (a payment row's
    # foreign key takes a shared lock on its account, which the UPDATE after it wanted exclusive: on MariaDB that
    # deadlocked with the calls' reservations)
    ledger.move_balances(session, -fee.amount, *charged)
    session.execute(insert(Payment).from_select(
        ["receipt_number", "account_id", "kind", "amount", "currency", "method", "reference", "note", "created_at"],
        rows))
