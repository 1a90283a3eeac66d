"""`carrier-switch bench rating`: in-memory prefix index and rating throughput against the anchors' SQL lookup.

Prints one JSON line: lookup_p50_us / lookup_p99_us (index, each lookup timed alone), sql_lookup_p50_us (SQLite
with an index on prefix, `WHERE prefix IN (every leading substring) ORDER BY LENGTH(prefix) DESC LIMIT 1` plus the
validity dates, same deck, same run), speedup (sql p50 / index p50), rated_per_s (`rate_call` with increments,
fees, bands and crossings and two taxes, on calls whose rates the index found beforehand: lookup has its own
figures; median of ten timed slices), index_build_s and rss_mb (peak RSS of the process). The deck is synthetic
and deterministic from the seed: country-code-like prefixes of 3-9 digits, 2% with a second version starting at a
midnight.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rates import Rate
from switch_service.billing.rating import RatingContext, posix_seconds, rate_call
from switch_service.billing.taxes import Tax, TaxProfile
from switch_service.billing.time_bands import BandSchedule

# Real country codes, so prefixes cluster the way real decks do (many under 1, 44, 49, 86, 234, ...).
COUNTRY_CODES = (
    "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48",
    "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
    "86", "90", "91", "92", "93", "94", "95", "98", "212", "213", "216", "218", "220", "221", "225", "233", "234",
    "237", "244", "249", "251", "254", "255", "256", "260", "263", "351", "352", "353", "354", "355", "356", "357",
    "358", "359", "370", "371", "372", "373", "374", "375", "380", "381", "385", "386", "420", "421", "852", "853",
    "855", "856", "880", "886", "960", "961", "962", "963", "964", "965", "966", "967", "968", "970", "971", "972",
    "973", "974", "975", "976", "977", "992", "993", "994", "995", "996", "998",
)  # fmt: skip
DECK_LOADED = datetime(2025, 1, 1, tzinfo=UTC)  # every rate has a start, as in the store
DECK_SWITCH = datetime(2025, 3, 10, tzinfo=UTC)  # midnight: the new version of 2% of the prefixes starts here
SQL_SAMPLES = 3_000
DISTINCT_CALLS = 20_000
RATING_SLICES = 10


def _synthetic_deck(count: int, rng: random.Random) -> list[Rate]:
    """`count` distinct prefixes; prices and names drawn from small pools, as real decks repeat them."""
    prices = [Decimal(rng.randrange(1_000, 400_000)).scaleb(-6) for _ in range(2_000)]
    billing = ((60, 60), (30, 6), (1, 1), (60, 6))
    fees = (Decimal(0), Decimal(0), Decimal("0.01"), Decimal("0.05"))
    names = {code: f"Destination {code}" for code in COUNTRY_CODES}
    seen: set[str] = set()
    rates: list[Rate] = []
    while len(rates) < count:
        code = rng.choice(COUNTRY_CODES)
        length = rng.randint(max(3, len(code)), 9)
        extra = length - len(code)
        prefix = code + (str(rng.randrange(10**extra)).zfill(extra) if extra else "")
        if prefix in seen:
            continue
        seen.add(prefix)
        initial, increment = rng.choice(billing)
        price = rng.choice(prices)
        rates.append(
            Rate(
                prefix,
                names[code],
                price,
                initial_block_s=initial,
                increment_s=increment,
                connect_fee=rng.choice(fees),
                offpeak_price=rng.choice(prices),
                weekend_price=rng.choice(prices) if rng.random() < 0.5 else None,
                valid_from=DECK_LOADED,
            )
        )
        if rng.random() < 0.02:
            rates.append(Rate(prefix, names[code], rng.choice(prices), valid_from=DECK_SWITCH))
    return rates


def _numbers(rates: Sequence[Rate], count: int, rng: random.Random) -> list[tuple[str, datetime]]:
    """Dialled numbers (mostly under a deck prefix, 11-13 digits) and instants around the deck switch."""
    out = []
    for i in range(count):
        prefix = rng.choice(rates).prefix if i == 0 or rng.random() < 0.95 else rng.choice(COUNTRY_CODES)
        extra = rng.randint(11, 13) - len(prefix)
        at = DECK_SWITCH + timedelta(seconds=rng.randint(-7 * 86_400, 7 * 86_400))
        out.append((prefix + str(rng.randrange(10**extra)).zfill(extra), at))
    return out


def _percentile(samples: list[int], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] / 1_000


def _sql_lookup_p50_us(rates: Sequence[Rate], numbers: Sequence[tuple[str, datetime]]) -> float:
    """The anchors' way: one indexed IN query over every leading substring, longest first."""
    with tempfile.TemporaryDirectory() as folder:
        connection = sqlite3.connect(Path(folder) / "deck.sqlite")
        try:
            connection.execute(
                "CREATE TABLE rates (prefix TEXT NOT NULL, price TEXT NOT NULL, valid_from INTEGER NOT NULL,"
                " valid_until INTEGER)"
            )
            with connection:
                connection.executemany(
                    "INSERT INTO rates VALUES (?, ?, ?, NULL)",
                    ((r.prefix, str(r.price_per_minute), posix_seconds(r.valid_from) if r.valid_from else 0)
                     for r in rates),
                )  # fmt: skip
            connection.execute("CREATE INDEX ix_rates_prefix ON rates (prefix)")
            queries: dict[int, str] = {}
            timings = []
            for number, at in numbers:
                sql = queries.get(len(number))
                if sql is None:
                    marks = ", ".join("?" * len(number))
                    sql = queries[len(number)] = (
                        f"SELECT prefix, price FROM rates WHERE prefix IN ({marks}) AND valid_from <= ?"
                        " AND (valid_until IS NULL OR valid_until > ?) ORDER BY LENGTH(prefix) DESC,"
                        " valid_from DESC LIMIT 1"
                    )
                epoch = posix_seconds(at)
                params = [number[:length] for length in range(1, len(number) + 1)] + [epoch, epoch]
                started = time.perf_counter_ns()
                connection.execute(sql, params).fetchone()
                timings.append(time.perf_counter_ns() - started)
        finally:
            connection.close()
    return _percentile(timings, 0.5)


def _lookup_percentiles(
    index: PrefixIndex[Rate], numbers: Sequence[tuple[str, datetime]], calls: int
) -> tuple[float, float]:
    """p50 and p99 of single lookups, each timed on its own (timer overhead included)."""
    lookup = index.lookup
    clock = time.perf_counter_ns
    timings = []
    for i in range(calls):
        number, at = numbers[i % len(numbers)]
        started = clock()
        lookup(number, at)
        timings.append(clock() - started)
    return _percentile(timings, 0.5), _percentile(timings, 0.99)


def _rated_per_s(
    index: PrefixIndex[Rate], numbers: Sequence[tuple[str, datetime]], calls: int, rng: random.Random
) -> float:
    """Calls rated per second: 95% of 1-600 s, 5% of up to 4 h (crossing bands), each rated with its breakdown.

    The calls are timed in ten slices and the median slice rate is reported, so a burst of other work on a shared
    machine does not decide the figure."""
    context = _context()
    found = [(rate, at) for number, at in numbers if (rate := index.lookup(number, at)) is not None]
    work = [
        (rate, at, rng.randint(1, 600) if rng.random() < 0.95 else rng.randint(600, 4 * 3600)) for rate, at in found
    ]
    slice_size = max(1, calls // RATING_SLICES)
    rates = []
    for first in range(0, calls, slice_size):
        count = min(slice_size, calls - first)
        started = time.perf_counter()
        for i in range(first, first + count):
            rate, at, duration = work[i % len(work)]
            rate_call(rate, at, duration, context)
        rates.append(count / (time.perf_counter() - started))
    return statistics.median(rates)


def _context() -> RatingContext:
    """A London account: peak 08:00-20:00 on working days, weekends, bank holidays; VAT included, a levy on top."""
    holidays = frozenset({date(2025, 3, 17), date(2025, 4, 18), date(2025, 4, 21)})
    taxes = TaxProfile("uk", (Tax("VAT", Decimal(20), inclusive=True), Tax("levy", Decimal("2.5"))))
    return RatingContext(ZoneInfo("Europe/London"), BandSchedule.peak_hours(holidays=holidays), taxes)


def run_rating_bench(prefixes: int, calls: int, seed: int = 1) -> dict[str, float]:
    """Build a deck of `prefixes`, time `calls` index lookups and ratings and a sample of SQL lookups."""
    rng = random.Random(seed)
    collecting = gc.isenabled()
    gc.disable()  # a million long-lived objects: generational scans during the build only cost time
    try:
        rates = _synthetic_deck(prefixes, rng)
        started = time.perf_counter()
        index = PrefixIndex((rate.prefix, rate) for rate in rates)
        index_build_s = time.perf_counter() - started
    finally:
        if collecting:
            gc.enable()
    gc.freeze()  # what a long-running service does after loading a deck: later collections skip it
    try:
        numbers = _numbers(rates, min(calls, DISTINCT_CALLS), rng)
        lookup_p50_us, lookup_p99_us = _lookup_percentiles(index, numbers, calls)
        rated_per_s = _rated_per_s(index, numbers, calls, rng)
    finally:
        gc.unfreeze()
    sql_p50_us = _sql_lookup_p50_us(rates, numbers[:SQL_SAMPLES])
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "lookup_p50_us": round(lookup_p50_us, 3),
        "lookup_p99_us": round(lookup_p99_us, 3),
        "sql_lookup_p50_us": round(sql_p50_us, 3),
        "speedup": round(sql_p50_us / lookup_p50_us, 1),
        "rated_per_s": round(rated_per_s),
        "index_build_s": round(index_build_s, 3),
        "rss_mb": round(rss_kib / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="carrier-switch bench rating", description=__doc__)
    parser.add_argument("--prefixes", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.prefixes < 1 or args.calls < 1:
        parser.error("--prefixes and --calls must be positive")
    print(json.dumps(run_rating_bench(args.prefixes, args.calls, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
