"""What a routing decision returns: the routes to try in order, and every carrier skipped with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from switch_service.billing.rates import Rate
from switch_service.routing.carriers import CarrierView, GatewayView
from switch_service.routing.dial_plans import Strategy
from switch_service.routing.profit import margin_percent


class SkipReason(StrEnum):
    EXCLUDED = "excluded"
    DISABLED = "disabled"
    DOWN = "down"
    NO_RATE = "no rate"
    AT_LOSS = "at a loss"
    OVER_CAP = "over cap"
    AT_CAPACITY = "at capacity"
    NO_CODEC = "no common codec"


class Outcome(StrEnum):
    ROUTED = "routed"
    BLOCKED = "blocked"  # the matching route blocks the prefix
    NO_ROUTE = "no route"  # the dial plan has no route for the number
    NO_CARRIER = "no carrier"  # a route matched but every carrier was skipped


class Route(NamedTuple):
    """One carrier to try. It carries its own buy rate, so the CDR of the call is costed at the rate of the
    carrier that actually carried it (ASTPP #523), whichever position it had in the list. (A named tuple: a
    decision builds up to one per carrier, and a tuple is built three times faster than a frozen dataclass.)"""

    carrier: CarrierView
    gateways: tuple[GatewayView, ...]
    number: str  # as sent to the carrier (formatted, stripped, tech prefix)
    buy_rate: Rate
    sell_price: Decimal | None
    pinned: bool = False

    @property
    def buy_price(self) -> Decimal:
        return self.buy_rate.price_per_minute

    @property
    def margin(self) -> Decimal | None:
        """Per minute, sell - buy (None without a sell rate)."""
        return None if self.sell_price is None else self.sell_price - self.buy_rate.price_per_minute

    @property
    def margin_percent(self) -> Decimal | None:
        """Markup over the buy price, (sell - buy) / buy * 100 (None without a sell rate or at a buy price of 0)."""
        return None if self.sell_price is None else margin_percent(self.buy_rate.price_per_minute, self.sell_price)


class Skipped(NamedTuple):
    carrier: CarrierView
    reason: SkipReason
    detail: str = ""
    buy_rate: Rate | None = None


@dataclass(frozen=True, slots=True)
class RoutingResult:
    number: str
    outcome: Outcome
    route_prefix: str | None  # the dial plan prefix that matched ('' = catch-all), None without a match
    strategy: Strategy | None
    routes: tuple[Route, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    sell_price: Decimal | None = None

    @property
    def carriers(self) -> tuple[str, ...]:
        """The carriers' names in the order to try (handy in tests and logs)."""
        return tuple(route.carrier.name for route in self.routes)

    def skip_reasons(self) -> dict[str, SkipReason]:
        return {skip.carrier.name: skip.reason for skip in self.skipped}
