"""The merged buy index answers what one PrefixIndex per carrier deck would."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from routing_decks import AT, CARRIER_IDS, buy_decks

from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rates import Rate
from switch_service.routing.dial_plans import RouteCarrierView
from switch_service.routing.lcr import BuyIndex, lcr_order, priority_order, weighted_order

PREFIXES = st.text(alphabet="1234", min_size=1, max_size=5)
DECK = st.dictionaries(PREFIXES, st.integers(1, 999), max_size=25)


def rate(prefix: str, price: int, **dates: datetime | None) -> Rate:
    return Rate(prefix, "", Decimal(price).scaleb(-6), **dates)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(decks=st.lists(DECK, min_size=1, max_size=5), numbers=st.lists(st.text(alphabet="12345", max_size=8),
                                                                     max_size=20))
def test_merged_index_equals_one_prefix_index_per_carrier(decks: list[dict[str, int]], numbers: list[str]) -> None:
    by_carrier = {carrier: [rate(prefix, price) for prefix, price in deck.items()]
                  for carrier, deck in enumerate(decks, start=1)}
    index = BuyIndex(by_carrier, AT)
    singles = {carrier: PrefixIndex((r.prefix, r) for r in rates) for carrier, rates in by_carrier.items()}
    for number in numbers:
        row = index.rates_for(number)
        expected = tuple(singles[carrier].lookup(number, AT) for carrier in index.carrier_ids)
        if all(value is None for value in expected):
            assert all(value is None for value in row)
        else:
            assert row == expected


def test_hand_built_decks() -> None:
    decks = buy_decks()
    index = BuyIndex({CARRIER_IDS[name]: rates for name, rates in decks.items()}, AT)
    prices = {CARRIER_IDS[name]: None for name in decks}
    row = index.rates_for("442071234567")
    for column, carrier_id in enumerate(index.carrier_ids):
        found = row[column]
        prices[carrier_id] = None if found is None else (found.prefix, str(found.price_per_minute))
    assert prices == {1: ("44", "0.010000"), 2: ("4420", "0.008000"), 3: ("44", "0.009000"), 4: ("44", "0.011000")}
    assert index.rates_for("49301234") == ()


def test_dated_rates_and_good_until() -> None:
    midnight = datetime(2026, 3, 11, tzinfo=UTC)
    deck = [rate("44", 10), rate("44", 8, valid_from=midnight), rate("447", 50, valid_until=midnight + timedelta(1))]
    today = BuyIndex({1: deck}, AT)
    assert today.rates_for("4420")[0].price_per_minute == Decimal("0.000010")  # type: ignore[union-attr]
    assert today.good_until == midnight and today.valid_at(AT) and not today.valid_at(midnight)
    tomorrow = BuyIndex({1: deck}, midnight)
    assert tomorrow.rates_for("4420")[0].price_per_minute == Decimal("0.000008")  # type: ignore[union-attr]
    assert tomorrow.good_until == midnight + timedelta(1)
    later = BuyIndex({1: deck}, midnight + timedelta(2))
    assert later.rates_for("4477")[0].prefix == "44"  # type: ignore[union-attr]
    assert later.good_until is None


def test_orders() -> None:
    cheap, dear = rate("1", 5), rate("1", 9)
    a = (RouteCarrierView(1, priority=2, weight=1), dear)
    b = (RouteCarrierView(2, priority=1, weight=3), cheap)
    c = (RouteCarrierView(3, priority=1, weight=0), dear)
    assert [x[0].carrier_id for x in lcr_order([a, b, c])] == [2, 3, 1]  # tie 1/3 on price: priority
    assert [x[0].carrier_id for x in priority_order([a, b, c])] == [2, 3, 1]
    order = [x[0].carrier_id for x in weighted_order([a, b, c], random.Random(1))]
    assert order[-1] == 3 and sorted(order) == [1, 2, 3]  # weight 0 goes last
