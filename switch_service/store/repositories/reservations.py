"""Money held for calls: reserve, settle, release, and the recovery of reservations a crash left open.

Every balance change is one conditional UPDATE on `accounts`, so two calls can never spend the same cent on any
of the three databases (MagnusBilling #38 let 30 calls through on 1 credit):

- `reserve` raises `reserved` only `WHERE` the account is active and can afford the amount; the row lock the
  UPDATE takes serialises concurrent reservations, and each re-checks the condition on the committed row.
- `settle` and `release` first flip the reservation from `open` with a conditional UPDATE; only the caller that
  flipped it touches the account, so a repeated or concurrent settle debits once.

None of these functions commit: the caller owns the transaction. On SQLite call `reserve` before any other write
of the transaction (its first write takes the database write lock; the busy timeout of `make_engine` waits).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, case, delete, insert, literal, select, update
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.elements import BindParameter, Case

from switch_service.errors import UserError
from switch_service.store.models import Account, LiveCall, Reservation
from switch_service.store.models.enums import AccountKind, ReservationStatus, Status
from switch_service.store.types import Money, utcnow

ZERO = Decimal(0)


def _money(amount: Decimal) -> BindParameter[Decimal]:
    """A bound money value typed as the column, so SQLite gets millionths even inside expressions."""
    return literal(amount, Money())


def _rowcount(session: Session, statement: Executable) -> int:
    result = cast(CursorResult[Any], session.execute(statement))
    return result.rowcount


def _limit() -> Case[Decimal]:
    """What an account may go below zero: the credit limit if postpaid, else the overdraft."""
    return case((Account.kind == AccountKind.POSTPAID, Account.credit_limit), else_=Account.overdraft)


def reserve(session: Session, account_id: int, call_id: str, amount: Decimal) -> Reservation | None:
    """Hold `amount` for the call; None (nothing written) when the account is not active or cannot afford it.

    A call_id that already has a reservation is not reserved twice: the existing reservation is returned when
    this transaction can see it (a retried authorisation), else None.
    """
    if amount <= 0:
        raise ValueError(f"a reservation must be positive, not {amount}")
    held = _rowcount(session,
        update(Account)
        .where(Account.id == account_id, Account.status == Status.ACTIVE,
               Account.balance + _limit() - Account.reserved >= _money(amount))
        .values(reserved=Account.reserved + _money(amount))
        .execution_options(synchronize_session=False)
    )
    if held != 1:
        return None
    now = utcnow()
    inserted = session.scalar(
        _insert_once(session).values(account_id=account_id, call_id=call_id, amount=amount,
                                     status=ReservationStatus.OPEN, created_at=now)
        .returning(Reservation.id)
    )
    if inserted is None:  # the call already holds money: give back what was just taken
        session.execute(
            update(Account).where(Account.id == account_id)
            .values(reserved=Account.reserved - _money(amount)).execution_options(synchronize_session=False)
        )
        existing = session.scalar(select(Reservation).where(Reservation.call_id == call_id))
        return existing if existing is not None and existing.account_id == account_id else None
    return session.get_one(Reservation, inserted)


def _insert_once(session: Session) -> Insert:
    """INSERT that does nothing (returns no row) when the call_id exists, instead of failing the transaction."""
    table = Reservation
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=["call_id"])
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=["call_id"])
    if dialect in ("mysql", "mariadb"):
        return mysql.insert(table).prefix_with("IGNORE")
    return insert(table)


def settle(session: Session, call_id: str, cost: Decimal, *, now: dt.datetime | None = None) -> Decimal:
    """Debit the real cost and free the reservation; returns what was debited.

    Idempotent: settling a settled call changes nothing and returns the first debit (a released one returns 0).
    The full cost is debited even when it exceeds the reservation (rounding of the last block): money is never
    lost, and the balance may then end below -overdraft by that excess, which is why reservations should
    be sized with the rounding included.
    """
    if cost < 0:
        raise ValueError(f"a call cannot cost {cost}")
    return _close(session, call_id, ReservationStatus.SETTLED, cost, now or utcnow())


def release(session: Session, call_id: str, *, now: dt.datetime | None = None) -> Decimal:
    """Free the reservation without a debit (call not answered). Idempotent; returns what was debited (0)."""
    return _close(session, call_id, ReservationStatus.RELEASED, ZERO, now or utcnow())


def _close(session: Session, call_id: str, status: ReservationStatus, debit: Decimal, now: dt.datetime) -> Decimal:
    claimed = _rowcount(session,
        update(Reservation)
        .where(Reservation.call_id == call_id, Reservation.status == ReservationStatus.OPEN)
        .values(status=status, debited=debit, settled_at=now)
        .execution_options(synchronize_session=False)
    )
    row = session.execute(
        select(Reservation.account_id, Reservation.amount, Reservation.debited)
        .where(Reservation.call_id == call_id).execution_options(populate_existing=True)
    ).one_or_none()
    if row is None:
        raise UserError(f"call {call_id} has no reservation")
    if claimed != 1:  # closed before: nothing more to do
        return row.debited if row.debited is not None else ZERO
    session.execute(
        update(Account).where(Account.id == row.account_id)
        .values(balance=Account.balance - _money(debit), reserved=Account.reserved - _money(row.amount))
        .execution_options(synchronize_session=False)
    )
    return debit


def available(session: Session, account_id: int) -> Decimal:
    """Balance + overdraft (credit limit if postpaid) - open reservations."""
    account = session.execute(
        select(Account.kind, Account.balance, Account.overdraft, Account.credit_limit, Account.reserved)
        .where(Account.id == account_id)
    ).one_or_none()
    if account is None:
        raise UserError(f"account {account_id} does not exist")
    limit = account.credit_limit if account.kind == AccountKind.POSTPAID else account.overdraft
    result: Decimal = account.balance + limit - account.reserved
    return result


def recover_open_reservations(session: Session, now: dt.datetime,
                              cost_of: Callable[[LiveCall], Decimal]) -> int:
    """At restart: settle each open reservation whose call was answered (priced by `cost_of`, which rates
    answered_at -> last_seen_at), release the others; the calls' live rows are deleted. Returns how many closed.
    """
    open_calls = session.execute(
        select(Reservation.call_id, LiveCall)
        .outerjoin(LiveCall, LiveCall.call_id == Reservation.call_id)
        .where(Reservation.status == ReservationStatus.OPEN)
        .order_by(Reservation.id)
    ).all()
    closed = 0
    for call_id, live in open_calls:
        if live is not None and live.answered_at is not None:
            settle(session, call_id, cost_of(live), now=now)
        else:
            release(session, call_id, now=now)
        if live is not None:
            session.execute(delete(LiveCall).where(LiveCall.id == live.id))
        closed += 1
    return closed
