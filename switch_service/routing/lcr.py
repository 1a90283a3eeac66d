"""Buy rates of all carriers for a number in one lookup, and the orderings of a route's carriers.

`BuyIndex` merges the carriers' decks into one table: prefix -> tuple of each carrier's rate for that prefix,
where a carrier's entry is its own longest-prefix rate (a carrier without the prefix inherits its rate for the
longest shorter prefix in its deck). One longest-prefix probe of the merged table then yields every carrier's
rate for the number — the same answer as a `PrefixIndex.lookup` per carrier deck, at the cost of one.

Dated decks: the index is built for the rates in force at an instant and knows until when that holds
(`good_until`: the next `valid_from` or `valid_until` of any rate). The owner rebuilds it when a deck changes
(the tariff's `version`) or when `good_until` passes, and swaps the reference; the index itself is immutable.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from switch_service.billing.rates import Rate
from switch_service.routing.dial_plans import RouteCarrierView

_NO_RATES: tuple[Rate | None, ...] = ()
_BEGINNING = datetime.min.replace(tzinfo=UTC)


class BuyIndex:
    """Prefix -> per-carrier rates, aligned with `carrier_ids`."""

    __slots__ = ("_lengths", "_table", "built_at", "carrier_ids", "good_until")

    def __init__(self, decks: Mapping[int, Iterable[Rate]], at: datetime) -> None:
        """Build from `carrier id -> buy rates` for the rates in force at `at` (timezone-aware)."""
        ids = tuple(sorted(decks))
        width = len(ids)
        own: dict[str, list[Rate | None]] = {}
        good_until: datetime | None = None
        for column, carrier_id in enumerate(ids):
            for rate in decks[carrier_id]:
                start, until = rate.valid_from, rate.valid_until
                if start is not None and start > at:
                    good_until = start if good_until is None else min(good_until, start)
                    continue
                if until is not None:
                    if until <= at:
                        continue
                    good_until = until if good_until is None else min(good_until, until)
                prefix = rate.prefix
                if not (prefix.isdigit() and prefix.isascii()):
                    raise ValueError(f"prefix must be ASCII digits: {prefix!r}")
                row = own.get(prefix)
                if row is None:
                    row = own[prefix] = [None] * width
                held = row[column]
                if held is None or (held.valid_from or _BEGINNING) < (start or _BEGINNING):  # newest version in force
                    row[column] = rate
        lengths = sorted({len(prefix) for prefix in own})
        table: dict[str, tuple[Rate | None, ...]] = {}
        for prefix in sorted(own, key=len):  # parents before children: a child inherits its parent's row
            row = own.pop(prefix)
            size = len(prefix)
            parent = None
            for length in reversed(lengths):
                if length < size:
                    parent = table.get(prefix[:length])
                    if parent is not None:
                        break
            if parent is not None:
                row = [mine if mine is not None else inherited for mine, inherited in zip(row, parent, strict=True)]
            table[prefix] = tuple(row)
        self._table = table
        self._lengths = tuple(reversed(lengths))
        self.carrier_ids = ids
        self.built_at = at
        self.good_until = good_until

    def __len__(self) -> int:
        return len(self._table)

    def valid_at(self, at: datetime) -> bool:
        """Whether the index still answers for `at` (no rate started or ended since it was built)."""
        return self.built_at <= at and (self.good_until is None or at < self.good_until)

    def rates_for(self, number: str) -> tuple[Rate | None, ...]:
        """Each carrier's buy rate for `number` (None where its deck has no prefix of it), aligned with
        `carrier_ids`; () when no deck has any prefix of the number."""
        table = self._table
        size = len(number)
        for length in self._lengths:
            if length <= size:
                row = table.get(number[:length])
                if row is not None:
                    return row
        return _NO_RATES

    def column(self, carrier_id: int) -> int | None:
        try:
            return self.carrier_ids.index(carrier_id)
        except ValueError:
            return None


Candidate = tuple[RouteCarrierView, Rate]


def lcr_order(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Cheapest buy price first; ties by priority, then carrier id (a stable, explainable order)."""
    return sorted(candidates, key=lambda c: (c[1].price_per_minute, c[0].priority, c[0].carrier_id))


def priority_order(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Lowest priority number first; ties by buy price, then carrier id."""
    return sorted(candidates, key=lambda c: (c[0].priority, c[1].price_per_minute, c[0].carrier_id))


def weighted_order(candidates: Sequence[Candidate], rng: random.Random) -> list[Candidate]:
    """A random order where each carrier comes first with probability weight / total weight, and so on for the
    rest (successive draws without replacement). Carriers of weight <= 0 come last, by priority. The draws come
    from `rng` only, so a seeded source makes the order reproducible."""
    pool = sorted((c for c in candidates if c[0].weight > 0), key=lambda c: c[0].carrier_id)
    rest = priority_order([c for c in candidates if c[0].weight <= 0])
    ordered: list[Candidate] = []
    total = sum(c[0].weight for c in pool)
    while pool:
        draw = rng.random() * total
        for position, candidate in enumerate(pool):
            draw -= candidate[0].weight
            if draw < 0 or position == len(pool) - 1:
                ordered.append(pool.pop(position))
                total -= candidate[0].weight
                break
    return ordered + rest
