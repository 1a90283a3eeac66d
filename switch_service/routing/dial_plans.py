"""Dial plans: per prefix, how calls are routed (the longest matching route prefix wins; '' is the catch-all).

A route names its carriers with a priority, a weight, and whether each is pinned (always tried first) or excluded
for that prefix. A route that names no carrier except to exclude it routes over every carrier known to the router,
so "everything but X" needs no list of all the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Strategy(StrEnum):
    LCR = "lcr"  # cheapest buy rate for the number first
    PRIORITY = "priority"  # lowest priority number first
    WEIGHTED = "weighted"  # random order drawn by weight (load sharing)


@dataclass(frozen=True, slots=True)
class RouteCarrierView:
    carrier_id: int
    priority: int = 0
    weight: int = 1
    pinned: bool = False
    excluded: bool = False


@dataclass(frozen=True, slots=True)
class RoutePolicy:
    """How one prefix is routed. Margins are checked against the sell rate unless `allow_loss` is set:
    `min_margin_percent` is the markup over the buy price ((sell - buy) / buy * 100), `min_margin_amount` the
    per-minute difference sell - buy."""

    prefix: str
    strategy: Strategy = Strategy.LCR
    carriers: tuple[RouteCarrierView, ...] = ()
    blocked: bool = False
    allow_loss: bool = False
    min_margin_percent: Decimal | None = None
    min_margin_amount: Decimal | None = None

    def __post_init__(self) -> None:
        if self.prefix and not (self.prefix.isdigit() and self.prefix.isascii()):
            raise ValueError(f"route prefix must be digits or empty: {self.prefix!r}")

    @property
    def names_carriers(self) -> bool:
        """Whether the route lists its own carriers (else: every carrier, minus the excluded)."""
        return any(not entry.excluded for entry in self.carriers)


class DialPlanView:
    """The routes of one dial plan, matched by longest prefix."""

    __slots__ = ("_lengths", "_routes", "id", "name")

    def __init__(self, id: int, name: str, routes: Iterable[RoutePolicy]) -> None:
        self.id = id
        self.name = name
        table: dict[str, RoutePolicy] = {}
        for policy in routes:
            if policy.prefix in table:
                raise ValueError(f"dial plan {name!r}: two routes for prefix {policy.prefix!r}")
            table[policy.prefix] = policy
        self._routes = table
        self._lengths = tuple(sorted({len(prefix) for prefix in table}, reverse=True))

    @property
    def routes(self) -> tuple[RoutePolicy, ...]:
        return tuple(self._routes.values())

    def match(self, number: str) -> RoutePolicy | None:
        """The route of the longest prefix of `number`, or None when no route (not even '') matches."""
        table = self._routes
        size = len(number)
        for length in self._lengths:
            if length <= size:
                policy = table.get(number[:length])
                if policy is not None:
                    return policy
        return None
