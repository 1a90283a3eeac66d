"""A tariff repriced by a percentage on every backend (MariaDB through its temporary-table path): the prices worked out
by hand, empty band prices left empty, fees moved only when asked, more rates than one batch, the version bumped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from switch_service.store.models import Rate, Tariff
from switch_service.store.repositories import routing as repository

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_every_price_of_a_tariff_moves_by_the_percentage(db_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository, "RAISE_BATCH", 2)  # three rates: two batches
    with Session(db_engine) as session, session.begin():
        tariff = Tariff(name="Retail")
        session.add(tariff)
        session.flush()
        session.add_all([
            Rate(tariff_id=tariff.id, prefix="44", price_per_minute=Decimal("0.012"),
                 offpeak_price=Decimal("0.01"), connect_fee=Decimal("0.05"), valid_from=T0),
            Rate(tariff_id=tariff.id, prefix="447", price_per_minute=Decimal("0.036543"),
                 step1_after_s=60, step1_price=Decimal("0.02"), valid_from=T0),
            Rate(tariff_id=tariff.id, prefix="33", price_per_minute=Decimal("0.1"), min_cost=Decimal("0.2"),
                 valid_from=T0)])
        tariff_id = tariff.id
    seen: list[tuple[int, int]] = []
    with Session(db_engine) as session, session.begin():
        stored = session.get(Tariff, tariff_id)
        assert stored is not None
        assert repository.raise_tariff(session, stored, Decimal("5"),
                                       progress=lambda done, total: seen.append((done, total))) == 3
    assert seen == [(0, 3), (2, 3), (3, 3)]
    with Session(db_engine) as session:
        rates = {rate.prefix: rate for rate in session.scalars(select(Rate))}
        assert session.get(Tariff, tariff_id).version == 2  # type: ignore[union-attr]
        assert "raised_rates" not in inspect(session.connection()).get_table_names()
    # 0.012 x 1.05 = 0.0126; 0.01 x 1.05 = 0.0105; 0.036543 x 1.05 = 0.03837015 -> 0.03837 (half up, 6 places)
    assert (rates["44"].price_per_minute, rates["44"].offpeak_price, rates["44"].weekend_price) == (
        Decimal("0.0126"), Decimal("0.0105"), None)
    assert (rates["447"].price_per_minute, rates["447"].step1_price) == (Decimal("0.03837"), Decimal("0.021"))
    assert (rates["44"].connect_fee, rates["33"].min_cost) == (Decimal("0.05"), Decimal("0.2"))  # not asked

    with Session(db_engine) as session, session.begin():
        stored = session.get(Tariff, tariff_id)
        assert stored is not None
        repository.raise_tariff(session, stored, Decimal("-10"), step=Decimal("0.001"), fees=True)
    with Session(db_engine) as session:
        rates = {rate.prefix: rate for rate in session.scalars(select(Rate))}
    # 0.0126 x 0.9 = 0.01134 -> up to 0.012; 0.05 x 0.9 = 0.045; 0.105 x 0.9 = 0.0945 -> 0.095; 0.2 -> 0.18
    assert (rates["44"].price_per_minute, rates["44"].connect_fee) == (Decimal("0.012"), Decimal("0.045"))
    assert (rates["33"].price_per_minute, rates["33"].min_cost) == (Decimal("0.095"), Decimal("0.18"))
