"""Resellers' balances on every backend: the ledger's conditional charge, and 50 recharges by one reseller racing
for its balance + credit limit never overspend it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, CommissionRule, Payment, PaymentResellerLine, Reseller
from switch_service.store.models.enums import PaymentKind, ResellerKind, Status
from switch_service.store.repositories import ledger
from switch_service.store.repositories.resellers import ResellerShortfallError, pay_commissions
from tests.store.test_reservations import THREADS, racing_engine, run_together

D = Decimal


def _reseller(engine: Engine, balance: str, credit_limit: str, accounts: int = 1) -> tuple[int, list[int]]:
    with Session(engine) as session, session.begin():
        reseller = Reseller(name="Retail", kind=ResellerKind.PINLESS, balance=D(balance),
                            credit_limit=D(credit_limit), currency="USD")
        session.add(reseller)
        session.flush()
        session.add(CommissionRule(reseller_id=reseller.id, basis="sales_percent", prefix="", percent=D(10)))
        customers = [Account(number=f"R{i}", name="Customer", currency="USD", reseller_id=reseller.id)
                     for i in range(accounts)]
        session.add_all(customers)
        session.flush()
        return reseller.id, [account.id for account in customers]


def test_charge_is_conditional_and_credit_adds(db_engine: Engine) -> None:
    reseller_id, _account = _reseller(db_engine, "5", "1")
    with Session(db_engine) as session, session.begin():
        assert ledger.charge_reseller(session, reseller_id, D("6"))
        assert not ledger.charge_reseller(session, reseller_id, D("0.000001"))
        assert ledger.credit_reseller(session, reseller_id, D("2.5"))
        session.get_one(Reseller, reseller_id).status = Status.SUSPENDED
    with Session(db_engine) as session, session.begin():
        assert not ledger.charge_reseller(session, reseller_id, D("0.5"))  # suspended: sells nothing
        assert session.get_one(Reseller, reseller_id).balance == D("1.5")


def _recharge(engine: Engine, reseller_id: int, account_id: int, amount: Decimal) -> bool:
    """What the payments route does for a reseller user's recharge, in one transaction."""
    with Session(engine) as session, session.begin():
        assert ledger.move_balance(session, account_id, amount)
        payment = ledger.add_receipted(session, Payment(account_id=account_id, kind=PaymentKind.TOPUP,
                                                        amount=amount, currency="USD",
                                                        created_at=dt.datetime.now(dt.UTC)))
        try:
            pay_commissions(session, payment, reseller_id, reseller_id)
        except ResellerShortfallError:
            session.rollback()
            return False
        return True


def test_fifty_recharges_by_one_reseller_never_overspend(db_engine: Engine) -> None:
    """Each thread recharges its own customer: they race for the reseller's row alone."""
    reseller_id, accounts = _reseller(db_engine, "10", "2.5", THREADS)
    engine = racing_engine(db_engine)
    try:
        results = run_together(THREADS, lambda index: _recharge(engine, reseller_id, accounts[index], D("1")))
    finally:
        engine.dispose()
    # each takes 0.90 (1 less 10 %) from 10 + 2.5: exactly 13 fit (11.70), a 14th would need 12.60
    assert results.count(True) == 13
    with Session(db_engine) as session:
        assert session.get_one(Reseller, reseller_id).balance == D("-1.7")
        assert session.scalar(select(func.sum(Account.balance))) == D("13")
        assert session.scalar(select(func.count()).select_from(Payment)) == 13
        assert session.scalar(select(func.sum(PaymentResellerLine.balance_change))) == D("-11.7")
