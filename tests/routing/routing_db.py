"""A database filled for the routing repository and CLI tests, from the hand-built decks."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from routing_decks import DATA
from sqlalchemy.orm import Session

from switch_service.store.models import (
    Account,
    Carrier,
    Cdr,
    DialPlan,
    DialPlanRoute,
    Gateway,
    Rate,
    RouteCarrier,
    Tariff,
)
from switch_service.store.models.enums import CdrKind, RouteStrategy, TariffKind

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
AT = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def fill(session: Session) -> dict[str, int]:
    """Carriers Alpha..Delta with their decks (tests/data/routing/buy_decks.csv), a disabled Epsilon, the Retail
    sell tariff (sell_deck.csv), an LCR dial plan over all of them, and account 500001 on both.

    For UK mobile (447..., sold at 0.060) at AT: Beta (0.040, national format, tech prefix 777#) then Alpha
    (0.050) route; Gamma (0.070) is at a loss; Delta is over its daily cap of 10 minutes (11 carried today);
    Epsilon is switched off.
    """
    ids: dict[str, int] = {}
    retail = Tariff(name="Retail", kind=TariffKind.SELL)
    session.add(retail)
    session.flush()
    ids["Retail"] = retail.id
    with (DATA / "sell_deck.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            session.add(Rate(tariff_id=retail.id, prefix=row["prefix"], destination=row["destination"],
                             price_per_minute=Decimal(row["price_per_minute"]), valid_from=EPOCH))
    decks: dict[str, Tariff] = {}
    with (DATA / "buy_decks.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["carrier"]
            if name not in decks:
                decks[name] = Tariff(name=f"{name} buy", kind=TariffKind.BUY)
                session.add(decks[name])
                session.flush()
            session.add(Rate(tariff_id=decks[name].id, prefix=row["prefix"], destination=row["destination"],
                             price_per_minute=Decimal(row["price_per_minute"]),
                             initial_block_s=int(row["initial_block_s"]), increment_s=int(row["increment_s"]),
                             connect_fee=Decimal(row["connect_fee"]), valid_from=EPOCH))
    settings: dict[str, dict[str, object]] = {
        "Alpha": {},
        "Beta": {"number_format": "national", "tech_prefix": "777#", "failover_codes": "403"},
        "Gamma": {},
        "Delta": {"daily_minutes_cap": 10},
        "Epsilon": {"enabled": False},
    }
    for position, (name, extra) in enumerate(settings.items(), start=1):
        deck = decks.get(name)
        carrier = Carrier(name=name, buy_tariff_id=deck.id if deck else None, **extra)
        session.add(carrier)
        session.flush()
        ids[name] = carrier.id
        session.add(Gateway(carrier_id=carrier.id, host=f"10.0.0.{position}", port=5060, options_up=True))
    plan = DialPlan(name="routing-test")
    session.add(plan)
    session.flush()
    ids["plan"] = plan.id
    catch_all = DialPlanRoute(dial_plan_id=plan.id, prefix="", strategy=RouteStrategy.LCR)
    blocked = DialPlanRoute(dial_plan_id=plan.id, prefix="1900", blocked=True)
    session.add_all([catch_all, blocked])
    session.flush()
    for name in settings:
        session.add(RouteCarrier(route_id=catch_all.id, carrier_id=ids[name]))
    account = Account(number="500001", name="Routing Tester", tariff_id=retail.id, dial_plan_id=plan.id)
    session.add(account)
    session.flush()
    ids["account"] = account.id
    return ids


def cdr(carrier_id: int, started_at: dt.datetime, duration_s: int, *, kind: CdrKind = CdrKind.CALL) -> Cdr:
    return Cdr(kind=kind, call_id=f"call-{carrier_id}-{started_at.isoformat()}-{duration_s}-{kind}",
               carrier_id=carrier_id, caller="15550001", destination="447700900123", started_at=started_at,
               duration_s=duration_s, billed_s=duration_s, result="answered", cost=Decimal("0.010000"))
