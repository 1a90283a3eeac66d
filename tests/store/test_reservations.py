"""Reservations on every backend: the arithmetic, idempotence, crash recovery and 50 calls racing for one credit."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from switch_service.errors import UserError
from switch_service.store.engine import make_engine
from switch_service.store.models import Account, LiveCall, Reservation
from switch_service.store.models.enums import AccountKind, ReservationStatus, Status
from switch_service.store.repositories.ledger import standing
from switch_service.store.repositories.reservations import (
    recover_open_reservations,
    release,
    reserve,
    settle,
)

T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def make_account(engine: Engine, balance: str, *, overdraft: str = "0", credit_limit: str = "0",
                 kind: AccountKind = AccountKind.PREPAID, status: Status = Status.ACTIVE) -> int:
    with Session(engine) as session, session.begin():
        account = Account(number=f"A{balance}{kind}{status}", name="test", balance=Decimal(balance),
                          overdraft=Decimal(overdraft), credit_limit=Decimal(credit_limit), kind=kind,
                          status=status)
        session.add(account)
        session.flush()
        return account.id


def account_row(engine: Engine, account_id: int) -> Account:
    with Session(engine) as session:
        account = session.get(Account, account_id)
        assert account is not None
        return account


def test_reserve_settle_release_and_available(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "10", overdraft="1.5")
    with Session(db_engine) as session, session.begin():
        assert standing(session, account_id).available == Decimal("11.5")
        held = reserve(session, account_id, "call-1", Decimal("4.000001"))
        assert held is not None and held.status is ReservationStatus.OPEN
        assert reserve(session, account_id, "call-2", Decimal("3")) is not None
        assert standing(session, account_id).available == Decimal("4.499999")
        assert reserve(session, account_id, "call-3", Decimal("4.5")) is None  # 0.000001 short
    with Session(db_engine) as session, session.begin():
        assert settle(session, "call-1", Decimal("1.234567")) == Decimal("1.234567")
        assert release(session, "call-2") == Decimal(0)
        assert standing(session, account_id).available == Decimal("10.265433")
    account = account_row(db_engine, account_id)
    assert account.balance == Decimal("8.765433")
    assert account.reserved == Decimal(0)
    with Session(db_engine) as session:
        statuses = dict(session.execute(select(Reservation.call_id, Reservation.status)).all())
        debited = session.scalar(select(Reservation.debited).where(Reservation.call_id == "call-1"))
    assert statuses == {"call-1": ReservationStatus.SETTLED, "call-2": ReservationStatus.RELEASED}
    assert debited == Decimal("1.234567")


def test_unaffordable_reservation_writes_nothing(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "1")
    with Session(db_engine) as session, session.begin():
        assert reserve(session, account_id, "big", Decimal("1.000001")) is None
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(Reservation)) == 0
    assert account_row(db_engine, account_id).reserved == Decimal(0)


def test_postpaid_uses_the_credit_limit_not_the_overdraft(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "0", overdraft="100", credit_limit="50", kind=AccountKind.POSTPAID)
    with Session(db_engine) as session, session.begin():
        assert standing(session, account_id).available == Decimal(50)
        assert reserve(session, account_id, "p1", Decimal("50.000001")) is None
        assert reserve(session, account_id, "p2", Decimal(50)) is not None
        assert standing(session, account_id).available == Decimal(0)


@pytest.mark.parametrize("status", [Status.SUSPENDED, Status.CLOSED])
def test_inactive_account_cannot_reserve(db_engine: Engine, status: Status) -> None:
    account_id = make_account(db_engine, "100", status=status)
    with Session(db_engine) as session, session.begin():
        assert reserve(session, account_id, "s1", Decimal(1)) is None
    assert account_row(db_engine, account_id).reserved == Decimal(0)


def test_duplicate_call_id_does_not_reserve_twice(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "10")
    with Session(db_engine) as session, session.begin():
        first = reserve(session, account_id, "dup", Decimal(2))
        assert first is not None
        first_id = first.id
    with Session(db_engine) as session, session.begin():
        again = reserve(session, account_id, "dup", Decimal(2))
        assert again is not None and again.id == first_id
    other = make_account(db_engine, "20")
    with Session(db_engine) as session, session.begin():
        assert reserve(session, other, "dup", Decimal(2)) is None
    assert account_row(db_engine, account_id).reserved == Decimal(2)
    assert account_row(db_engine, other).reserved == Decimal(0)


def test_settle_is_idempotent_and_can_exceed_the_hold(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "5")
    with Session(db_engine) as session, session.begin():
        reserve(session, account_id, "c", Decimal(1))
    with Session(db_engine) as session, session.begin():
        assert settle(session, "c", Decimal("1.000004")) == Decimal("1.000004")  # rounding past the hold
    with Session(db_engine) as session, session.begin():
        assert settle(session, "c", Decimal(3)) == Decimal("1.000004")
        assert release(session, "c") == Decimal("1.000004")
    account = account_row(db_engine, account_id)
    assert (account.balance, account.reserved) == (Decimal("3.999996"), Decimal(0))
    with Session(db_engine) as session, pytest.raises(UserError):
        settle(session, "unknown", Decimal(1))


def test_recovery_settles_answered_calls_and_releases_the_rest(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "10")
    with Session(db_engine) as session, session.begin():
        reserve(session, account_id, "answered", Decimal(3))
        reserve(session, account_id, "ringing", Decimal(2))
        reserve(session, account_id, "vanished", Decimal(1))
        session.add_all([
            LiveCall(call_id="answered", account_id=account_id, caller="1", destination="44", state="answered",
                     sell_rate=Decimal("0.6"), started_at=T0, answered_at=T0,
                     last_seen_at=T0 + dt.timedelta(seconds=150)),
            LiveCall(call_id="ringing", account_id=account_id, caller="1", destination="44", state="ringing",
                     started_at=T0, last_seen_at=T0),
        ])
    priced: list[str] = []

    def cost_of(call: LiveCall) -> Decimal:
        priced.append(call.call_id)
        assert call.answered_at is not None and call.sell_rate is not None
        seconds = int((call.last_seen_at - call.answered_at).total_seconds())
        return call.sell_rate * Decimal(-(-seconds // 60))  # 60/60 billing: 3 minutes

    with Session(db_engine) as session, session.begin():
        assert recover_open_reservations(session, T0 + dt.timedelta(minutes=5), cost_of) == 3
    with Session(db_engine) as session, session.begin():
        assert recover_open_reservations(session, T0, cost_of) == 0
        statuses = dict(session.execute(select(Reservation.call_id, Reservation.status)).all())
        assert session.scalar(select(func.count()).select_from(LiveCall)) == 0
    assert priced == ["answered"]
    assert statuses == {"answered": ReservationStatus.SETTLED, "ringing": ReservationStatus.RELEASED,
                        "vanished": ReservationStatus.RELEASED}
    account = account_row(db_engine, account_id)
    assert (account.balance, account.reserved) == (Decimal("8.2"), Decimal(0))


THREADS = 50


def racing_engine(db_engine: Engine) -> Engine:
    """One connection per thread (NullPool): the threads really race inside the database."""
    return make_engine(db_engine.url.render_as_string(hide_password=False), poolclass=NullPool)


def run_together(count: int, work: Callable[[int], object]) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count
    errors: list[BaseException] = []

    def runner(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except BaseException as exc:  # reported below, with the thread's traceback
            errors.append(exc)

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results


def test_fifty_simultaneous_calls_never_overspend(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "10", overdraft="2.5")
    amount = Decimal("0.75")
    engine = racing_engine(db_engine)
    try:
        def call(index: int) -> bool:
            with Session(engine) as session, session.begin():
                return reserve(session, account_id, f"race-{index}", amount) is not None

        won = run_together(THREADS, call)
        assert won.count(True) == int(Decimal("12.5") // amount)  # 16 of 50
        account = account_row(db_engine, account_id)
        assert account.reserved == amount * won.count(True)
        assert account.reserved <= account.balance + account.overdraft

        def hang_up(index: int) -> Decimal:
            with Session(engine) as session, session.begin():
                if won[index]:
                    return settle(session, f"race-{index}", amount)
                return Decimal(0)

        run_together(THREADS, hang_up)
    finally:
        engine.dispose()
    account = account_row(db_engine, account_id)
    assert account.balance == Decimal(-2)
    assert account.balance >= -account.overdraft
    assert account.reserved == Decimal(0)


def test_fifty_simultaneous_settles_of_one_call_debit_once(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "10")
    with Session(db_engine) as session, session.begin():
        reserve(session, account_id, "one", Decimal(2))
    engine = racing_engine(db_engine)
    try:
        def hang_up(_index: int) -> Decimal:
            with Session(engine) as session, session.begin():
                return settle(session, "one", Decimal("1.5"))

        debits = run_together(THREADS, hang_up)
    finally:
        engine.dispose()
    assert set(debits) == {Decimal("1.5")}
    account = account_row(db_engine, account_id)
    assert (account.balance, account.reserved) == (Decimal("8.5"), Decimal(0))
