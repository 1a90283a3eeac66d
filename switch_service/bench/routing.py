"""`carrier-switch bench routing`: route throughput with LCR and the profit guarantee over big synthetic decks.

Synthetic and deterministic from the seed: `prefixes` distinct prefixes of 3-9 digits under real country codes;
every carrier covers every country code (so every number gets a rate from each carrier) and each longer prefix is
in the decks of 1 to 3 random carriers (a million-prefix union, as real A-Z decks overlap partly). A sell deck at
country level, ~25% above the average buy price, makes the profit guarantee skip the dearest carriers. The
catch-all route is LCR over all carriers with a 5% minimum margin; carriers carry random loads.

Prints one JSON line: route_p50_us, route_p99_us (per `Router.route` call), routes_per_s, carriers, prefixes,
numbers, deck_build_s, index_build_s, rss_mb (peak RSS of the process).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

from switch_service.bench.rating import COUNTRY_CODES
from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rates import Rate
from switch_service.routing.caps import CarrierLoad
from switch_service.routing.carriers import CarrierView, GatewayView
from switch_service.routing.dial_plans import DialPlanView, RoutePolicy, Strategy
from switch_service.routing.router import Router, RoutingState

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def synthetic_decks(prefix_count: int, carrier_count: int,
                    rng: random.Random) -> tuple[dict[int, list[Rate]], list[str]]:
    """carrier id -> buy deck, and the list of all distinct prefixes."""
    prices = [Decimal(rng.randrange(2_000, 200_000)).scaleb(-6) for _ in range(2_000)]
    billing = ((60, 60), (30, 6), (1, 1), (60, 6))
    names = {code: f"Destination {code}" for code in COUNTRY_CODES}
    decks: dict[int, list[Rate]] = {carrier: [] for carrier in range(1, carrier_count + 1)}
    carriers = list(decks)
    seen: set[str] = set(COUNTRY_CODES)
    for code in COUNTRY_CODES:
        for carrier in carriers:
            decks[carrier].append(Rate(code, names[code], rng.choice(prices), *rng.choice(billing)))
    while len(seen) < prefix_count:
        code = rng.choice(COUNTRY_CODES)
        length = rng.randint(max(3, len(code) + 1), 9)
        extra = length - len(code)
        prefix = code + str(rng.randrange(10**extra)).zfill(extra)
        if prefix in seen:
            continue
        seen.add(prefix)
        for carrier in rng.sample(carriers, rng.randint(1, 3)):
            decks[carrier].append(Rate(prefix, names[code], rng.choice(prices), *rng.choice(billing)))
    return decks, sorted(seen)


def _percentile(samples: list[int], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] / 1_000


def run(prefix_count: int, carrier_count: int, number_count: int, seed: int) -> dict[str, float | int]:
    rng = random.Random(seed)
    started = time.perf_counter()
    decks, prefixes = synthetic_decks(prefix_count, carrier_count, rng)
    deck_build_s = time.perf_counter() - started
    carriers = [
        CarrierView(carrier_id, f"carrier-{carrier_id:02d}",
                    gateways=(GatewayView(carrier_id * 10, f"10.0.{carrier_id}.1", weight=2),
                              GatewayView(carrier_id * 10 + 1, f"10.0.{carrier_id}.2")),
                    max_channels=500, cps_limit=50, daily_minutes_cap=100_000,
                    tech_prefix="99#" if carrier_id % 4 == 0 else "", strip_digits=0)
        for carrier_id in decks
    ]
    started = time.perf_counter()
    router = Router.build(carriers, decks, AT)
    index_build_s = time.perf_counter() - started
    del decks
    gc.collect()
    sell_deck = PrefixIndex((code, Rate(code, code, Decimal("0.125000"))) for code in COUNTRY_CODES)
    plan = DialPlanView(1, "bench", [RoutePolicy("", Strategy.LCR, min_margin_percent=Decimal(5))])
    loads = {carrier.id: CarrierLoad(channels_in_use=rng.randrange(0, 520), calls_this_second=rng.randrange(0, 40))
             for carrier in carriers}
    state = RoutingState(loads=loads, rng=random.Random(seed))
    numbers: list[tuple[str, Rate | None]] = []
    for _ in range(number_count):
        prefix = rng.choice(prefixes)
        extra = rng.randint(11, 13) - len(prefix)
        number = prefix + str(rng.randrange(10**extra)).zfill(extra)
        numbers.append((number, sell_deck.lookup(number, AT)))
    timings = _time(router, plan, state, numbers)
    total_s = sum(timings) / 1e9
    return {
        "route_p50_us": _percentile(timings, 0.5),
        "route_p99_us": _percentile(timings, 0.99),
        "routes_per_s": round(len(timings) / total_s),
        "carriers": carrier_count,
        "prefixes": len(prefixes),
        "numbers": number_count,
        "deck_build_s": round(deck_build_s, 1),
        "index_build_s": round(index_build_s, 1),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _time(router: Router, plan: DialPlanView, state: RoutingState,
          numbers: Sequence[tuple[str, Rate | None]]) -> list[int]:
    clock = time.perf_counter_ns
    route = router.route
    timings = []
    gc.disable()  # a collection pause would be timed as a route; the process allocates little per call
    try:
        for number, sell in numbers:
            began = clock()
            route(number, AT, sell, plan, state)
            timings.append(clock() - began)
    finally:
        gc.enable()
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="carrier-switch bench routing", description=__doc__)
    parser.add_argument("--prefixes", type=int, default=1_000_000)
    parser.add_argument("--carriers", type=int, default=20)
    parser.add_argument("--numbers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.prefixes, args.carriers, args.numbers, args.seed)))
    return 0
