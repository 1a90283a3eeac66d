"""Recurring fees charged on every backend: each occurrence once (two runners racing included), the anchor day kept
after a short month, a fee of every account charged to the active accounts only."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Payment, RecurringFee
from switch_service.store.models.enums import PaymentKind, Period, Status
from switch_service.store.repositories.fees import charge_due_fees

JAN_31 = dt.datetime(2026, 1, 31, 9, tzinfo=dt.UTC)


def _account(session: Session, number: str, balance: str, *, status: Status = Status.ACTIVE,
             time_zone: str = "UTC") -> int:
    account = Account(number=number, name=number, balance=Decimal(balance), status=status, time_zone=time_zone)
    session.add(account)
    session.flush()
    return account.id


def _fee(session: Session, amount: str, period: Period, anchor: dt.datetime, account_id: int | None) -> int:
    fee = RecurringFee(name="DID rent" if account_id else "maintenance", account_id=account_id,
                       amount=Decimal(amount), period=period, anchor_at=anchor, next_due_at=anchor)
    session.add(fee)
    session.flush()
    return fee.id


def _balances_and_fees(engine: Engine) -> tuple[dict[str, Decimal], list[tuple[str, str, Decimal, dt.datetime]]]:
    with Session(engine) as session:
        balances = {number: balance for number, balance in session.execute(select(Account.number, Account.balance))}
        fees = [(number, receipt, amount, at) for number, receipt, amount, at in session.execute(
            select(Account.number, Payment.receipt_number, Payment.amount, Payment.created_at)
            .join(Account, Account.id == Payment.account_id).where(Payment.kind == PaymentKind.FEE)
            .order_by(Payment.created_at, Account.number))]
    return balances, fees


def test_missed_monthly_occurrences_are_charged_once_on_the_anchor_day(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        ana = _account(session, "ana", "20")
        fee_id = _fee(session, "2.5", Period.MONTHLY, JAN_31, ana)
    april = dt.datetime(2026, 4, 15, tzinfo=dt.UTC)
    (run,) = charge_due_fees(db_engine, april, "UTC")
    assert run.occurrences == (JAN_31, dt.datetime(2026, 2, 28, 9, tzinfo=dt.UTC),
                               dt.datetime(2026, 3, 31, 9, tzinfo=dt.UTC))
    assert (run.fee_id, run.accounts, run.next_due_at) == (fee_id, 1, dt.datetime(2026, 4, 30, 9, tzinfo=dt.UTC))
    assert charge_due_fees(db_engine, april, "UTC") == []  # nothing more is due
    balances, fees = _balances_and_fees(db_engine)
    assert balances == {"ana": Decimal("12.5")}
    assert [(receipt, amount, at) for _number, receipt, amount, at in fees] == [
        (f"F-{fee_id}-20260131-{ana}", Decimal("2.5"), JAN_31),
        (f"F-{fee_id}-20260228-{ana}", Decimal("2.5"), dt.datetime(2026, 2, 28, 9, tzinfo=dt.UTC)),
        (f"F-{fee_id}-20260331-{ana}", Decimal("2.5"), dt.datetime(2026, 3, 31, 9, tzinfo=dt.UTC))]


def test_a_fee_of_every_account_charges_the_active_ones_in_the_company_zone(db_engine: Engine) -> None:
    monday_madrid = dt.datetime(2026, 3, 1, 23, tzinfo=dt.UTC)  # Monday 2 March, 00:00 in Madrid
    with Session(db_engine) as session, session.begin():
        _account(session, "ana", "5")
        _account(session, "ben", "0.25")
        _account(session, "cy", "9", status=Status.SUSPENDED)
        _fee(session, "0.5", Period.WEEKLY, monday_madrid, None)
    assert charge_due_fees(db_engine, monday_madrid - dt.timedelta(seconds=1), "Europe/Madrid") == []
    (run,) = charge_due_fees(db_engine, monday_madrid + dt.timedelta(days=7), "Europe/Madrid")
    assert (len(run.occurrences), run.accounts) == (2, 2)
    balances, fees = _balances_and_fees(db_engine)
    assert balances == {"ana": Decimal("4"), "ben": Decimal("-0.75"), "cy": Decimal("9")}
    assert sorted(number for number, *_ in fees) == ["ana", "ana", "ben", "ben"]


def test_two_runners_at_once_charge_each_occurrence_once(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        for n in range(20):
            _account(session, f"acct{n:02d}", "10")
        _fee(session, "1", Period.DAILY, JAN_31, None)
    later = JAN_31 + dt.timedelta(days=2, hours=1)
    barrier = threading.Barrier(2)
    charged: list[int] = []

    def run() -> None:
        barrier.wait(timeout=10)
        charged.extend(len(r.occurrences) * r.accounts for r in charge_due_fees(db_engine, later, "UTC"))

    runners = [threading.Thread(target=run) for _ in range(2)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(timeout=60)
    assert charged == [60]  # 3 days x 20 accounts, by one of the two
    balances, fees = _balances_and_fees(db_engine)
    assert set(balances.values()) == {Decimal("7")} and len(fees) == 60


def test_an_inactive_fee_is_not_charged(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        fee = session.get(RecurringFee, _fee(session, "1", Period.DAILY, JAN_31, _account(session, "ana", "3")))
        assert fee is not None
        fee.active = False
    assert charge_due_fees(db_engine, JAN_31 + dt.timedelta(days=5), "UTC") == []
    assert _balances_and_fees(db_engine) == ({"ana": Decimal("3")}, [])
