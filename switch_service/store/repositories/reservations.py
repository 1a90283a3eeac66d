"""Money held for calls: reserve, settle, release, and the recovery of reservations a crash left open.

A reservation is a row of its own; the account's `reserved` and `balance` move through the ledger
(`store.repositories.ledger`), each change one conditional UPDATE on `accounts`, so two calls can never spend the
same cent on any of the three databases (MagnusBilling #38 let 30 calls through on 1 credit):

- `hold` (and `reserve`) raises `reserved` only `WHERE` the account is active and can afford the amount (the
  ledger's `hold`); the row lock the UPDATE takes serialises concurrent reservations, and each re-checks the
  condition on the committed row.
- `settle` and `release` first flip the reservation from `open` with a conditional UPDATE; only the caller that
  flipped it touches the account, so a repeated or concurrent settle debits once.
- `extend` (money in slices, aaa/slices.py) first moves the reservation's grant with a conditional UPDATE (from
  the grant the caller read; the lock order of `close`), then raises `reserved` like `hold`: two extensions of one
  call, or an extension and the Stop, never both pass.

None of these functions commit: the caller owns the transaction (a `Session` or a Core `Connection`). On SQLite
call `hold` before any other write of the transaction (its first write takes the database write lock; the busy
timeout of `make_engine` waits). The statements are built once (the RADIUS hot path runs them thousands of times a
second) and leave `accounts.updated_at` alone: that column tells caches such as the switch's snapshot that an
account's settings changed, and calls move money many times a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    Executable,
    Integer,
    String,
    bindparam,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from switch_service.errors import UserError
from switch_service.store.base import Base
from switch_service.store.models import LiveCall, Reservation
from switch_service.store.models.enums import ReservationStatus
from switch_service.store.repositories import ledger
from switch_service.store.repositories.ledger import ACCOUNT as _ACCOUNT
from switch_service.store.repositories.ledger import AMOUNT as _AMOUNT
from switch_service.store.repositories.ledger import Db
from switch_service.store.types import Money, UTCDateTime, utcnow

ZERO = Decimal(0)
_CALL: BindParameter[str] = bindparam("b_call")
_EXISTING = select(Reservation.id, Reservation.account_id).where(Reservation.call_id == _CALL)
_GRANTED: BindParameter[int | None] = bindparam("b_granted", type_=Integer())
_NODE: BindParameter[str | None] = bindparam("b_node", type_=String(64))
_EXTEND = (update(Reservation)
           .where(Reservation.call_id == _CALL, Reservation.status == ReservationStatus.OPEN,
                  Reservation.granted_s == bindparam("b_from"))
           .values(amount=Reservation.amount + _AMOUNT, granted_s=_GRANTED))
_CLAIM = (update(Reservation).where(Reservation.call_id == _CALL, Reservation.status == ReservationStatus.OPEN)
          .values(status=bindparam("b_status"), debited=bindparam("debit", type_=Money()),
                  settled_at=bindparam("now", type_=UTCDateTime())))
_CLOSED = select(Reservation.account_id, Reservation.amount, Reservation.debited).where(Reservation.call_id == _CALL)
_INSERT_ONCE: dict[str, Insert] = {}


def _rowcount(db: Db, statement: Executable, params: dict[str, Any]) -> int:
    result = cast(CursorResult[Any], db.execute(statement, params))
    return result.rowcount


def insert_once(model: type[Base], dialect: str, keys: Sequence[str] = ("call_id",)) -> Insert:
    """INSERT that does nothing (returns no row) when a row with the same unique `keys` (by default the call's
    `call_id`) is there already, instead of failing the transaction."""
    if dialect == "postgresql":
        return postgresql.insert(model).on_conflict_do_nothing(index_elements=list(keys))
    if dialect == "sqlite":
        return sqlite.insert(model).on_conflict_do_nothing(index_elements=list(keys))
    if dialect in ("mysql", "mariadb"):
        return mysql.insert(model).prefix_with("IGNORE")
    return insert(model)


def _hold_in_one_statement() -> Any:
    """PostgreSQL: the ledger's hold and the reservation's INSERT as one statement (data-modifying CTEs), one round
    trip instead of two on the RADIUS hot path. Answers (held: 0 or 1, the new reservation's id or NULL)."""
    held = ledger.hold_cte("held")
    inserted = (postgresql.insert(Reservation)
                .from_select(["account_id", "call_id", "amount", "status", "created_at", "granted_s", "node"],
                             select(held.c.id, _CALL, _AMOUNT, literal(ReservationStatus.OPEN.value),
                                    bindparam("now", type_=UTCDateTime()), _GRANTED, _NODE))
                .on_conflict_do_nothing(index_elements=["call_id"])
                .returning(Reservation.id).cte("inserted"))
    return select(select(func.count()).select_from(held).scalar_subquery().label("held"),
                  select(inserted.c.id).scalar_subquery().label("id"))


_HOLD_ONCE_PG = _hold_in_one_statement()


def _insert_once(dialect: str) -> Insert:
    statement = _INSERT_ONCE.get(dialect)
    if statement is None:
        statement = insert_once(Reservation, dialect).values(
            account_id=_ACCOUNT, call_id=_CALL, amount=_AMOUNT, status=ReservationStatus.OPEN,
            created_at=bindparam("now", type_=UTCDateTime()), granted_s=_GRANTED, node=_NODE
        ).returning(Reservation.id)
        _INSERT_ONCE[dialect] = statement
    return statement


def hold(db: Db, account_id: int, call_id: str, amount: Decimal, *, now: dt.datetime | None = None,
         granted_s: int | None = None, node: str | None = None) -> int | None:
    """Hold `amount` for the call (which pays for `granted_s` seconds of talk, when known), owned by switch `node`:
    the reservation's id, or None (nothing written) when the account is not active or cannot afford it.

    A call_id that already has a reservation is not held twice: the existing reservation's id is returned when it
    is this account's and this transaction can see it (a retried authorisation), else None.
    """
    if amount <= 0:
        raise ValueError(f"a reservation must be positive, not {amount}")
    dialect = db.get_bind().dialect.name if isinstance(db, Session) else db.dialect.name
    row = {"b_account": account_id, "b_amount": amount, "b_call": call_id, "now": now or utcnow(),
           "b_granted": granted_s, "b_node": node}
    if dialect == "postgresql":
        outcome = db.execute(_HOLD_ONCE_PG, row).one()
        if not outcome.held:
            return None
        if outcome.id is not None:
            return int(outcome.id)
    else:
        if not ledger.hold(db, account_id, amount):
            return None
        inserted = db.execute(_insert_once(dialect), row).scalar()
        if inserted is not None:
            return int(inserted)
    ledger.give_back(db, account_id, amount)  # the call already holds money: give back what was just taken
    existing = db.execute(_EXISTING, {"b_call": call_id}).one_or_none()
    return int(existing.id) if existing is not None and existing.account_id == account_id else None


def extend(db: Db, account_id: int, call_id: str, *, granted_from: int, granted_to: int, delta: Decimal) -> bool:
    """The call's grant from `granted_from` to `granted_to` seconds, its hold raised by `delta` (the cost of the
    longer call less what it holds; negative gives back). False when the grant moved since it was read (another
    extension, the Stop) or the account cannot afford `delta`: then the caller rolls back, nothing is kept."""
    grant = {"b_amount": delta, "b_call": call_id, "b_from": granted_from, "b_granted": granted_to}
    if _rowcount(db, _EXTEND, grant) != 1:
        return False
    if delta > 0:
        return ledger.hold(db, account_id, delta)
    if delta < 0:
        ledger.give_back(db, account_id, -delta)
    return True


def reserve(session: Session, account_id: int, call_id: str, amount: Decimal) -> Reservation | None:
    """`hold`, answering with the Reservation row (None: nothing held)."""
    held = hold(session, account_id, call_id, amount)
    return session.get_one(Reservation, held) if held is not None else None


def settle(db: Db, call_id: str, cost: Decimal, *, now: dt.datetime | None = None) -> Decimal:
    """Debit the real cost and free the reservation; returns what was debited.

    Idempotent: settling a settled call changes nothing and returns the first debit (a released one returns 0).
    The full cost is debited even when it exceeds the reservation (rounding of the last block): money is never
    lost, and the balance may then end below -overdraft by that excess, which is why reservations should
    be sized with the rounding included.
    """
    if cost < 0:
        raise ValueError(f"a call cannot cost {cost}")
    return close(db, call_id, ReservationStatus.SETTLED, cost, now or utcnow())[1]


def release(db: Db, call_id: str, *, now: dt.datetime | None = None) -> Decimal:
    """Free the reservation without a debit (call not answered). Idempotent; returns what was debited (0)."""
    return close(db, call_id, ReservationStatus.RELEASED, ZERO, now or utcnow())[1]


def close(db: Db, call_id: str, status: ReservationStatus, debit: Decimal, now: dt.datetime) -> tuple[bool, Decimal]:
    """Settle (`debit`) or release the call's reservation: (whether this call closed it, what was debited).

    The conditional flip from `open` comes first, so a caller that did not flip it changes nothing; a call without
    a reservation is a UserError.
    """
    claimed = _rowcount(db, _CLAIM, {"b_call": call_id, "b_status": status, "debit": debit, "now": now}) == 1
    row = db.execute(_CLOSED, {"b_call": call_id}).one_or_none()
    if row is None:
        raise UserError(f"call {call_id} has no reservation")
    if not claimed:  # closed before: nothing more to do
        return False, row.debited if row.debited is not None else ZERO
    ledger.settle(db, row.account_id, debit, row.amount)
    return True, debit


def owned_by(column: InstrumentedAttribute[str | None], node: str | None, *, legacy: bool) -> ColumnElement[bool]:
    """Rows of switch `node` (every row when None); with `legacy`, also rows written before nodes had names."""
    if node is None:
        return true()
    return or_(column == node, column.is_(None)) if legacy else column == node


def recover_open_reservations(session: Session, now: dt.datetime,
                              cost_of: Callable[[LiveCall], Decimal], *, node: str | None = None,
                              legacy: bool = True) -> int:
    """At restart: settle each open reservation of `node` (see `owned_by`) whose call was answered (priced by
    `cost_of`, which rates answered_at -> last_seen_at), release the others; the calls' live rows are deleted.
    Returns how many closed.
    """
    open_calls = session.execute(
        select(Reservation.call_id, LiveCall)
        .outerjoin(LiveCall, LiveCall.call_id == Reservation.call_id)
        .where(Reservation.status == ReservationStatus.OPEN, owned_by(Reservation.node, node, legacy=legacy))
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
