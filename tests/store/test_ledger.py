"""The ledger on every backend: the one `available` rule (Python and SQL agree), each money write, receipts, and
holds racing payments on one account."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from sqlalchemy import Engine, String, insert, literal, select
from sqlalchemy.orm import Session
from test_reservations import THREADS, account_row, make_account, racing_engine, run_together

from switch_service.errors import UserError
from switch_service.store.models import Account, Payment
from switch_service.store.models.enums import AccountKind, PaymentKind, Status
from switch_service.store.repositories import ledger

D = Decimal
T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("kind", "expected"), [(AccountKind.PREPAID, D("11.5")), (AccountKind.POSTPAID, D("44"))])
def test_available_is_balance_plus_overdraft_or_credit_limit_less_holds(kind: AccountKind, expected: D) -> None:
    account = Account(kind=kind, balance=D("10"), overdraft=D("5"), credit_limit=D("37.5"), reserved=D("3.5"))
    assert ledger.available(account) == expected
    assert ledger.limit_of(kind, D("5"), D("37.5")) == (D("37.5") if kind is AccountKind.POSTPAID else D("5"))
    assert ledger.spendable(D("10.00"), D("5.00"), D("3.50")) == D("11.50")


def test_sql_and_python_agree_on_available(db_engine: Engine) -> None:
    prepaid = make_account(db_engine, "-1.000001", overdraft="3", credit_limit="100")
    postpaid = make_account(db_engine, "-20", overdraft="100", credit_limit="50.25", kind=AccountKind.POSTPAID)
    with Session(db_engine) as session, session.begin():
        assert ledger.hold(session, prepaid, D("0.5"))
        assert ledger.hold(session, postpaid, D("30"))
    with Session(db_engine) as session:
        rows = session.execute(select(Account.id, ledger.AVAILABLE.label("available")))
        in_sql = {row.id: row.available for row in rows}
        for account in session.scalars(select(Account)):
            assert in_sql[account.id] == ledger.available(account) == ledger.standing(session, account.id).available
        assert in_sql == {prepaid: D("1.499999"), postpaid: D("0.25")}
        with pytest.raises(UserError):
            ledger.standing(session, 999_999)


def test_call_money_moves_exactly_and_leaves_updated_at(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "10", overdraft="1.5")
    stamped = account_row(db_engine, account_id).updated_at
    with Session(db_engine) as session, session.begin():
        assert ledger.hold(session, account_id, D("11.5"))
        assert not ledger.hold(session, account_id, D("0.000001"))  # nothing left to hold
        ledger.give_back(session, account_id, D("1.5"))
        ledger.settle(session, account_id, D("2.345678"), D("10"))  # debit, and its hold freed
        ledger.debit_call(session, account_id, D("1"))  # a call that held nothing
        ledger.lock(session, account_id)
    account = account_row(db_engine, account_id)
    assert (account.balance, account.reserved) == (D("6.654322"), D(0))
    assert account.updated_at == stamped  # calls' money does not tell caches the settings changed


@pytest.mark.parametrize("status", [Status.SUSPENDED, Status.CLOSED])
def test_an_inactive_account_holds_nothing(db_engine: Engine, status: Status) -> None:
    account_id = make_account(db_engine, "100", status=status)
    with Session(db_engine) as session, session.begin():
        assert not ledger.hold(session, account_id, D(1))
    assert account_row(db_engine, account_id).reserved == D(0)


def test_counter_money_moves_one_account_or_many(db_engine: Engine) -> None:
    first = make_account(db_engine, "10")
    second = make_account(db_engine, "0", kind=AccountKind.POSTPAID)
    suspended = make_account(db_engine, "5", status=Status.SUSPENDED)
    with Session(db_engine) as session, session.begin():
        assert ledger.move_balance(session, first, D("2.5"))
        assert ledger.move_balance(session, first, D("-0.000001"))
        assert not ledger.move_balance(session, 999_999, D(1))  # no such account: nothing moved
        assert ledger.move_balances(session, D("-1.25"), Account.status == Status.ACTIVE) == 2
    balances = {account_id: account_row(db_engine, account_id).balance for account_id in (first, second, suspended)}
    assert balances == {first: D("11.249999"), second: D("-1.25"), suspended: D(5)}


def test_receipts_are_numbered_by_year_and_payment_id(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "0")
    with Session(db_engine) as session, session.begin():
        receipts = [ledger.add_receipted(session, Payment(account_id=account_id, kind=PaymentKind.TOPUP,
                                                          amount=D(1), currency="USD", method="cash",
                                                          created_at=T0.replace(year=year)))
                    for year in (2026, 2027)]
        session.flush()
        numbers = [(payment.id, payment.receipt_number) for payment in receipts]
    assert [number for _, number in numbers] == [f"R-{year}-{payment_id:06d}"
                                                  for (payment_id, _), year in zip(numbers, (2026, 2027), strict=True)]
    with Session(db_engine) as session:
        stored = session.scalars(select(Payment.receipt_number).order_by(Payment.id)).all()
    assert stored == [number for _, number in numbers]


def test_fee_receipts_name_the_fee_the_day_and_the_account(db_engine: Engine) -> None:
    account_id = make_account(db_engine, "0")
    with Session(db_engine) as session, session.begin():
        session.execute(insert(Payment).from_select(
            ["receipt_number", "account_id", "kind", "amount", "currency", "method", "created_at"],
            select(ledger.fee_receipt(7, T0), Account.id, literal(PaymentKind.FEE, Payment.__table__.c.kind.type),
                   literal(D(1), Payment.__table__.c.amount.type), Account.currency, literal("fee", String(32)),
                   literal(T0, Payment.__table__.c.created_at.type))))
        number = session.scalars(select(Payment.receipt_number)).one()
    assert number == f"F-7-20260301-{account_id}"
    assert re.fullmatch(r"F-\d+-\d{8}-\d+", number)


def test_payments_racing_holds_lose_no_update(db_engine: Engine) -> None:
    """Half the threads hold 0.75 each, half pay 1 in: every payment counts and no hold passes what was available
    when it ran (the UPDATEs do the arithmetic on the locked row)."""
    account_id = make_account(db_engine, "5")
    amount = D("0.75")
    engine = racing_engine(db_engine)
    try:
        def work(index: int) -> bool:
            with Session(engine) as session, session.begin():
                if index % 2:
                    return ledger.move_balance(session, account_id, D(1))
                return ledger.hold(session, account_id, amount)

        results = run_together(THREADS, work)
    finally:
        engine.dispose()
    holds = [won for index, won in enumerate(results) if index % 2 == 0]
    account = account_row(db_engine, account_id)
    assert account.balance == D(5 + THREADS // 2)
    assert account.reserved == amount * holds.count(True)
    assert holds.count(True) >= int(D(5) // amount)  # at least what the opening balance paid for
    assert ledger.available(account) >= 0
