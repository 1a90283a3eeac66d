"""A DID's monthly fee charged as its account's recurring fee, on every backend: first month at assignment, then
monthly on that day; a new amount from the next month; a move to another account starts that account's month; a
DID switched off stops charging and does not catch up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Did, Payment, RecurringFee
from switch_service.store.models.enums import DidKind, PaymentKind
from switch_service.store.repositories.did_fees import drop_did_fee, sync_did_fee
from switch_service.store.repositories.fees import charge_due_fees

MAR_10 = dt.datetime(2026, 3, 10, 15, 30, tzinfo=dt.UTC)


def _month(months: int, days: int = 0) -> dt.datetime:
    """MAR_10 plus whole months (the anchor day kept) plus days."""
    return MAR_10.replace(month=MAR_10.month + months) + dt.timedelta(days=days)


def _charges(engine: Engine) -> list[tuple[str, Decimal, dt.datetime]]:
    with Session(engine) as session:
        return [(number, amount, at) for number, amount, at in session.execute(
            select(Account.number, Payment.amount, Payment.created_at).join(Account, Account.id == Payment.account_id)
            .where(Payment.kind == PaymentKind.FEE).order_by(Payment.created_at, Account.number))]


def _change(engine: Engine, did_id: int, at: dt.datetime, **values: object) -> None:
    with Session(engine) as session, session.begin():
        did = session.get(Did, did_id)
        assert did is not None
        for name, value in values.items():
            setattr(did, name, value)
        sync_did_fee(session, did, at)


def test_a_dids_monthly_fee_follows_the_did(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        ana = Account(number="ana", name="Ana", balance=Decimal("20"))
        bob = Account(number="bob", name="Bob", balance=Decimal("20"))
        session.add_all([ana, bob])
        session.flush()
        did = Did(number="442079460000", kind=DidKind.FORWARD, account_id=ana.id, forward_to="13055550101",
                  monthly_fee=Decimal("2.5"))
        free = Did(number="18005550100", kind=DidKind.ACCESS_NUMBER, monthly_fee=Decimal("9"))  # the operator's
        session.add_all([did, free])
        session.flush()
        assert sync_did_fee(session, free, MAR_10) is None
        fee = sync_did_fee(session, did, MAR_10)
        assert fee is not None and (fee.name, fee.account_id, fee.amount) == (
            "DID 442079460000 monthly fee", ana.id, Decimal("2.5"))
        did_id = did.id

    charge_due_fees(db_engine, MAR_10, "UTC")  # the first month, at assignment
    charge_due_fees(db_engine, _month(1, days=2), "UTC")  # April's
    assert _charges(db_engine) == [("ana", Decimal("2.5"), MAR_10), ("ana", Decimal("2.5"), _month(1))]

    _change(db_engine, did_id, _month(1, days=3), monthly_fee=Decimal("3"))  # from May on
    charge_due_fees(db_engine, _month(2), "UTC")
    assert _charges(db_engine)[-1] == ("ana", Decimal("3"), _month(2))

    moved = _month(2, days=5)
    with Session(db_engine) as session:
        bob_id = session.scalars(select(Account.id).where(Account.number == "bob")).one()
    _change(db_engine, did_id, moved, account_id=bob_id)  # Bob's month starts at the move
    charge_due_fees(db_engine, moved, "UTC")
    assert _charges(db_engine)[-1] == ("bob", Decimal("3"), moved.replace(microsecond=0))

    _change(db_engine, did_id, _month(3), active=False)  # switched off before Bob's next month
    assert charge_due_fees(db_engine, _month(6), "UTC") == []
    back = _month(6, days=1)
    _change(db_engine, did_id, back, active=True)  # no catching up: the months off are not charged
    charge_due_fees(db_engine, back, "UTC")
    assert [who for who, _amount, _at in _charges(db_engine)] == ["ana", "ana", "ana", "bob", "bob"]
    with Session(db_engine) as session:
        balances = {number: balance for number, balance in session.execute(select(Account.number, Account.balance))}
    assert balances == {"ana": Decimal("12"), "bob": Decimal("14")}

    with Session(db_engine) as session, session.begin():
        drop_did_fee(session, did_id)
        session.delete(session.get(Did, did_id))
    with Session(db_engine) as session:
        assert session.scalars(select(RecurringFee)).all() == []
    assert len(_charges(db_engine)) == 5  # the payments it made stay
