"""Money is exact on every backend: sub-cent rates round-trip, SQL arithmetic never drifts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Cdr, Rate, Tariff

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_sub_cent_rate_round_trips_unchanged(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        tariff = Tariff(name="t")
        session.add(tariff)
        session.flush()
        session.add(Rate(tariff_id=tariff.id, prefix="44", price_per_minute=Decimal("0.012345"), valid_from=EPOCH))
    with Session(db_engine) as session:
        price = session.scalar(select(Rate.price_per_minute))
    assert price == Decimal("0.012345")
    assert isinstance(price, Decimal)
    assert str(price) == "0.012345"


@pytest.mark.parametrize("amount", ["999999999999.999999", "-123456789.000001", "0.000001"])
def test_extreme_amounts_keep_every_digit(db_engine: Engine, amount: str) -> None:
    with Session(db_engine) as session, session.begin():
        session.add(Account(number="1", name="a", balance=Decimal(amount)))
    with Session(db_engine) as session:
        assert session.scalar(select(Account.balance)) == Decimal(amount)


def test_repeated_debits_in_sql_are_exact(db_engine: Engine) -> None:
    """Ten debits of 0.1 in SQL leave exactly 9.0 of 10 (a float column would not)."""
    with Session(db_engine) as session, session.begin():
        session.add(Account(number="1", name="a", balance=Decimal("10")))
    for _ in range(10):
        with Session(db_engine) as session, session.begin():
            session.execute(update(Account).values(balance=Account.balance - Decimal("0.1")))
    with Session(db_engine) as session:
        assert session.scalar(select(Account.balance)) == Decimal("9.000000")


def test_sum_of_many_small_prices_is_exact(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        session.add_all(
            Cdr(call_id=f"c{i}", caller="1", destination="2", started_at=EPOCH, result="answered",
                price=Decimal("0.000123"))
            for i in range(1000)
        )
    with Session(db_engine) as session:
        assert session.scalar(select(func.sum(Cdr.price))) == Decimal("0.123000")


def test_float_money_is_refused(db_engine: Engine) -> None:
    with Session(db_engine) as session, pytest.raises(Exception, match="Decimal, not float"):
        session.add(Account(number="1", name="a", balance=0.1))
        session.flush()


def test_times_are_stored_in_utc_and_come_back_aware(db_engine: Engine) -> None:
    local = dt.datetime(2026, 7, 1, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    with Session(db_engine) as session, session.begin():
        session.add(Cdr(call_id="c", caller="1", destination="2", started_at=local, result="answered"))
    with Session(db_engine) as session:
        stored = session.scalar(select(Cdr.started_at))
    assert stored == local
    assert stored is not None and stored.tzinfo == dt.UTC and stored.hour == 13
