"""Loading routing views from real databases, and minutes per carrier from CDRs in SQL (all three backends)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from routing_db import AT, cdr, fill
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.routing.blend import BlendedRate
from switch_service.routing.carriers import NumberFormat
from switch_service.routing.dial_plans import Strategy
from switch_service.routing.results import SkipReason
from switch_service.store.models import Rate, Tariff
from switch_service.store.models.enums import CdrKind
from switch_service.store.repositories import routing as repository

HOUR = dt.timedelta(hours=1)


def test_minutes_used_today_and_this_month(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        ids = fill(session)
        alpha, beta, delta = ids["Alpha"], ids["Beta"], ids["Delta"]
        session.add_all([
            cdr(alpha, AT - HOUR, 120),  # today
            cdr(alpha, AT.replace(hour=0), 30),  # today, at midnight
            cdr(alpha, AT - dt.timedelta(days=1), 600),  # this month
            cdr(alpha, dt.datetime(2026, 3, 1, tzinfo=dt.UTC), 45),  # first instant of the month
            cdr(alpha, dt.datetime(2026, 2, 28, 23, 59, 59, tzinfo=dt.UTC), 999),  # last month
            cdr(alpha, AT - HOUR, 500, kind=CdrKind.ATTEMPT),  # attempts are not counted twice
            cdr(beta, AT - dt.timedelta(days=3), 61),
            cdr(delta, AT - 2 * HOUR, 400),
            cdr(delta, AT - 3 * HOUR, 260),
        ])
    with Session(db_engine) as session:
        used = repository.minutes_used(session, AT)
        assert used == {
            alpha: repository.CarrierMinutes(150, 795),
            beta: repository.CarrierMinutes(0, 61),
            delta: repository.CarrierMinutes(660, 660),
        }
        # in New York the day starts at 04:00 UTC (EDT from 8 March), so Alpha's midnight-UTC call was yesterday,
        # and March at 05:00 UTC on the 1st (EST), so its call at 00:00 UTC that day was in February
        new_york = repository.minutes_used(session, AT, "America/New_York")
        assert new_york[alpha] == repository.CarrierMinutes(120, 750)
        state = repository.routing_state(session, AT)
        assert state.loads[delta].seconds_today == 660


def test_load_views_and_route(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        ids = fill(session)
        session.add(cdr(ids["Delta"], AT - HOUR, 660))
    with Session(db_engine) as session:
        plan = repository.load_dial_plan(session, ids["plan"])
        assert plan.match("19005551234").blocked  # type: ignore[union-attr]
        assert plan.match("447700900123").strategy is Strategy.LCR  # type: ignore[union-attr]
        router = repository.load_router(session, AT)
        beta = router.carriers[ids["Beta"]]
        assert beta.number_format is NumberFormat.NATIONAL and beta.failover_codes == frozenset({403})
        sell = repository.sell_rate(session, ids["Retail"], "447700900123", AT)
        assert sell is not None and sell.price_per_minute == Decimal("0.060000")
        state = repository.routing_state(session, AT)
    result = router.route("447700900123", AT, sell, plan, state)
    assert result.carriers == ("Beta", "Alpha")
    assert result.routes[0].number == "777#07700900123"
    assert result.skip_reasons() == {"Gamma": SkipReason.AT_LOSS, "Delta": SkipReason.OVER_CAP,
                                     "Epsilon": SkipReason.DISABLED}


def test_write_sell_tariff_replaces_rates(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        fill(session)
        version = session.scalar(select(Tariff.version).where(Tariff.name == "Retail"))
        rates = [BlendedRate("44", "UK", Decimal("0.0105"), Decimal("0.013"), ("Gamma",), 1, 1, Decimal(0)),
                 BlendedRate("1", "US", Decimal("0.0045"), Decimal("0.000001"), ("Delta",), 6, 6, Decimal("0.01"))]
        tariff = repository.write_sell_tariff(session, "Retail", rates, AT)
        assert tariff.version == (version or 0) + 1
        tariff_id = tariff.id
    with Session(db_engine) as session:
        stored = {row.prefix: (row.price_per_minute, row.increment_s, row.connect_fee, row.valid_from)
                  for row in session.scalars(select(Rate).where(Rate.tariff_id == tariff_id))}
    assert stored == {"44": (Decimal("0.013000"), 1, Decimal("0.000000"), AT),
                      "1": (Decimal("0.000001"), 6, Decimal("0.010000"), AT)}
