"""Hand-built decks of the routing tests, read from tests/data/routing/*.csv."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from switch_service.billing.rates import Rate
from switch_service.routing.carriers import CarrierView, GatewayView

DATA = Path(__file__).resolve().parents[1] / "data" / "routing"
AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
CARRIER_IDS = {"Alpha": 1, "Beta": 2, "Gamma": 3, "Delta": 4}


def buy_decks() -> dict[str, list[Rate]]:
    """carrier name -> its buy rates."""
    decks: dict[str, list[Rate]] = {}
    with (DATA / "buy_decks.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            decks.setdefault(row["carrier"], []).append(Rate(
                row["prefix"], row["destination"], Decimal(row["price_per_minute"]),
                initial_block_s=int(row["initial_block_s"]), increment_s=int(row["increment_s"]),
                connect_fee=Decimal(row["connect_fee"]),
            ))
    return decks


def sell_deck() -> list[Rate]:
    with (DATA / "sell_deck.csv").open(newline="", encoding="utf-8") as handle:
        return [Rate(row["prefix"], row["destination"], Decimal(row["price_per_minute"]))
                for row in csv.DictReader(handle)]


def carrier(name: str, **changes: object) -> CarrierView:
    """A carrier of the decks with one gateway up; `changes` override fields."""
    carrier_id = CARRIER_IDS[name]
    fields: dict[str, object] = {
        "gateways": (GatewayView(carrier_id * 10, f"10.0.0.{carrier_id}"),),
    }
    fields.update(changes)
    return CarrierView(carrier_id, name, **fields)
