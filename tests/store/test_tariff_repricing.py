"""A tariff repriced by a percentage on every backend (through its staging table): the prices worked out
by hand, empty band prices left empty, fees moved only when asked, more rates than one batch, the version bumped; and
staged, so an edit meanwhile, a cancel or a refusal at the write changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.routing.blend import BlendedRate
from switch_service.store.models import Rate, Tariff
from switch_service.store.models.enums import DisconnectFeeRule
from switch_service.store.repositories import tariff_repricing as repository

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
AT = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
BLENDED = (BlendedRate("44", "UK", Decimal("0.0105"), Decimal("0.013"), ("Gamma",), 1, 1, Decimal(0)),
           BlendedRate("1", "US", Decimal("0.0045"), Decimal("0.000001"), ("Delta",), 6, 6, Decimal("0.01")))


class StopError(Exception):
    pass


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
    assert repository.raise_tariff(db_engine, tariff_id, Decimal("5"),
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

    repository.raise_tariff(db_engine, tariff_id, Decimal("-10"), step=Decimal("0.001"), fees=True)
    with Session(db_engine) as session:
        rates = {rate.prefix: rate for rate in session.scalars(select(Rate))}
    # 0.0126 x 0.9 = 0.01134 -> up to 0.012; 0.05 x 0.9 = 0.045; 0.105 x 0.9 = 0.0945 -> 0.095; 0.2 -> 0.18
    assert (rates["44"].price_per_minute, rates["44"].connect_fee) == (Decimal("0.012"), Decimal("0.045"))
    assert (rates["33"].price_per_minute, rates["33"].min_cost) == (Decimal("0.095"), Decimal("0.18"))


def _tariff_with_rates(engine: Engine, count: int) -> int:
    with Session(engine) as session, session.begin():
        tariff = Tariff(name="Retail")
        session.add(tariff)
        session.flush()
        session.add_all(Rate(tariff_id=tariff.id, prefix=str(100 + n), price_per_minute=Decimal("0.01"),
                             valid_from=T0) for n in range(count))
        return tariff.id


def _prices(engine: Engine, tariff_id: int) -> tuple[set[Decimal], int]:
    with Session(engine) as session:
        prices = set(session.scalars(select(Rate.price_per_minute).where(Rate.tariff_id == tariff_id)))
        return prices, session.get_one(Tariff, tariff_id).version


def test_an_edit_while_the_prices_are_worked_out_makes_the_raise_change_nothing(
        db_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository, "RAISE_BATCH", 2)
    tariff_id = _tariff_with_rates(db_engine, 3)

    def edit_meanwhile(done: int, _total: int) -> None:
        if done == 2:  # as every edit of a rate does, through the API
            with Session(db_engine) as session, session.begin():
                session.get_one(Tariff, tariff_id).version += 1

    with pytest.raises(UserError, match="changed while its new prices were worked out; nothing changed"):
        repository.raise_tariff(db_engine, tariff_id, Decimal("50"), progress=edit_meanwhile)
    assert _prices(db_engine, tariff_id) == ({Decimal("0.01")}, 2)


def test_a_raise_cancelled_while_pricing_or_refused_at_the_write_changes_nothing(
        db_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository, "RAISE_BATCH", 2)
    tariff_id = _tariff_with_rates(db_engine, 3)

    def cancel(done: int, _total: int) -> None:
        if done == 2:
            raise StopError

    def refuse(_session: Session, changed: int) -> None:
        assert changed == 3
        raise StopError

    with pytest.raises(StopError):
        repository.raise_tariff(db_engine, tariff_id, Decimal("50"), progress=cancel)
    with pytest.raises(StopError):
        repository.raise_tariff(db_engine, tariff_id, Decimal("50"), finish=refuse)
    assert _prices(db_engine, tariff_id) == ({Decimal("0.01")}, 1)
    assert repository.raise_tariff(db_engine, tariff_id, Decimal("50")) == 3  # the staging table went each time
    assert _prices(db_engine, tariff_id) == ({Decimal("0.015")}, 2)


def test_a_blend_replaces_the_rates_in_one_short_write_only_if_the_tariff_is_unchanged(db_engine: Engine) -> None:
    tariff_id = _tariff_with_rates(db_engine, 3)
    versions: list[int] = []
    assert repository.write_sell_tariff_staged(db_engine, tariff_id, BLENDED, AT, seen_version=1,
                                               finish=lambda _session, version: versions.append(version)) == 2
    assert versions == [2]
    with Session(db_engine) as session:
        stored = {row.prefix: (row.destination, row.price_per_minute, row.initial_block_s, row.increment_s,
                               row.connect_fee, row.valid_from, row.valid_until, row.disconnect_fee,
                               row.disconnect_fee_rule, row.min_duration_s, row.grace_s)
                  for row in session.scalars(select(Rate).where(Rate.tariff_id == tariff_id))}
    defaults = (Decimal(0), DisconnectFeeRule.BELOW_THRESHOLD, 0, 0)
    assert stored == {"44": ("UK", Decimal("0.013"), 1, 1, Decimal(0), AT, None, *defaults),
                      "1": ("US", Decimal("0.000001"), 6, 6, Decimal("0.01"), AT, None, *defaults)}
    with pytest.raises(UserError, match="changed while it was blended; nothing changed"):
        repository.write_sell_tariff_staged(db_engine, tariff_id, BLENDED[:1], AT, seen_version=1)
    with pytest.raises(StopError):
        repository.write_sell_tariff_staged(db_engine, tariff_id, BLENDED[:1], AT, seen_version=2,
                                            finish=lambda _session, _version: _stop())
    assert _prices(db_engine, tariff_id) == ({Decimal("0.013"), Decimal("0.000001")}, 2)


def _stop() -> None:
    raise StopError
