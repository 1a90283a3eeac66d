"""The routing decision: which carriers to try for a number, in which order, and why the others are skipped.

`Router.route(number, at, sell_rate, plan, state)`:
1. The dial plan's longest matching route prefix decides (none: NO_ROUTE; blocked: BLOCKED).
2. Candidates are the carriers the route names (or every carrier when it names none), minus the excluded.
3. Each candidate is checked, first failing reason wins: disabled; down (circuit breaker `down_until` in the
   future, marked down by the breaker in `state`, or no enabled gateway whose OPTIONS keep-alive is up, stored or
   as `state.gateways_up` has it now); no buy rate for the number; at a loss / under the minimum margin
   (profit.py, unless the route allows a loss); no common codec; over a daily/monthly minute cap; at capacity
   (channels, CPS).
4. The usable carriers are ordered by the route's strategy (LCR by buy rate, priority, or weighted with the
   state's random source); pinned carriers come first, in that same order.

Everything is pure: the router holds immutable views (carriers, merged buy index) that the owner swaps when the
store changes, and the per-call counters come in `state`. What does not depend on the call (a carrier's column in
the buy index, its usable gateways, whether it is switched off) is worked out once per route policy and cached,
which keeps a decision over 20 carriers in tens of microseconds.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from switch_service.billing.rates import Rate
from switch_service.phone_numbers import national_number
from switch_service.routing.caps import IDLE, CarrierLoad, capacity_problem
from switch_service.routing.carriers import (
    CarrierView,
    GatewayView,
    NumberFormat,
    number_for_carrier,
)
from switch_service.routing.dial_plans import DialPlanView, RouteCarrierView, RoutePolicy, Strategy
from switch_service.routing.lcr import BuyIndex, weighted_order
from switch_service.routing.profit import loss_problem
from switch_service.routing.results import Outcome, Route, RoutingResult, Skipped, SkipReason


@dataclass(frozen=True)
class RoutingState:
    """Per-call runtime facts: each carrier's load, the carriers the circuit breaker holds down, and the random
    source of weighted routing (inject a seeded `random.Random` for reproducible orders)."""

    loads: Mapping[int, CarrierLoad] = field(default_factory=dict)
    down: frozenset[int] = frozenset()
    gateways_up: Mapping[int, bool] = field(default_factory=dict)  # keep-alive verdicts newer than the views
    rng: random.Random = field(default_factory=random.Random)


_CACHE_LIMIT = 100_000


class _Entry(NamedTuple):
    """A route's carrier with what does not change from call to call."""

    entry: RouteCarrierView
    carrier: CarrierView
    column: int | None  # in the buy index
    static: tuple[SkipReason, str] | None  # excluded, disabled, no gateway
    gateways: tuple[GatewayView, ...]
    limited: bool  # has channel, CPS or minute limits to check
    plain_number: bool  # the number is sent as is (E.164, nothing stripped or prefixed)


class Router:
    """Immutable routing data: the carriers and the merged buy index of their decks."""

    __slots__ = ("_gateway_carrier", "_prepared", "buy_index", "carriers")

    def __init__(self, carriers: Iterable[CarrierView], buy_index: BuyIndex) -> None:
        self.carriers: dict[int, CarrierView] = {carrier.id: carrier for carrier in carriers}
        self._gateway_carrier = {gateway.id: carrier.id for carrier in self.carriers.values()
                                 for gateway in carrier.gateways}
        self.buy_index = buy_index
        self._prepared: dict[int, tuple[RoutePolicy, list[_Entry], bool]] = {}

    @classmethod
    def build(cls, carriers: Iterable[CarrierView], decks: Mapping[int, Iterable[Rate]], at: datetime) -> Router:
        """Router over `carriers` with their buy decks (`carrier id -> rates`), for the rates in force at `at`."""
        views = list(carriers)
        return cls(views, BuyIndex({carrier.id: decks.get(carrier.id, ()) for carrier in views}, at))

    def route(self, number: str, at: datetime, sell_rate: Rate | None, plan: DialPlanView, state: RoutingState,
              *, codecs: Collection[str] | None = None) -> RoutingResult:
        """Routes for `number` (E.164 digits) at `at`, sold at `sell_rate` (None: no profit check).

        `codecs`, when given, are the caller's offered codecs: a carrier allowing none of them is skipped.
        Raises ValueError when the buy index was built for another period (see `BuyIndex.valid_at`).
        """
        sell = sell_rate.price_per_minute if sell_rate is not None else None
        policy = plan.match(number)
        if policy is None:
            return RoutingResult(number, Outcome.NO_ROUTE, None, None, sell_price=sell)
        if policy.blocked:
            return RoutingResult(number, Outcome.BLOCKED, policy.prefix, policy.strategy, sell_price=sell)
        index = self.buy_index
        if not index.valid_at(at):
            raise ValueError(f"buy index built at {index.built_at.isoformat()} does not answer for {at.isoformat()}")
        rates = index.rates_for(number)
        loads = state.loads
        down = state.down
        offered = frozenset(codec.upper() for codec in codecs) if codecs is not None else None
        check_loss = sell is not None and not policy.allow_loss
        skipped: list[Skipped] = []
        usable: list[tuple[Rate, _Entry]] = []
        entries, has_pinned = self._prepare(policy)
        if state.gateways_up:
            touched = {self._gateway_carrier.get(gateway_id) for gateway_id in state.gateways_up}
            entries = [_keepalive(prepared, state.gateways_up) if prepared.carrier.id in touched else prepared
                       for prepared in entries]
            has_pinned = any(prepared.entry.pinned and prepared.static is None for prepared in entries)
        for prepared in entries:
            column = prepared.column
            rate = rates[column] if rates and column is not None else None
            problem = prepared.static
            if problem is None:
                carrier = prepared.carrier
                # the common case inline, without a call per carrier: up, rated, profitable, under its limits
                if (rate is None or carrier.id in down or offered is not None
                        or (carrier.down_until is not None and carrier.down_until > at)
                        or (check_loss and _may_lose(rate.price_per_minute, sell, policy))
                        or (prepared.limited and _limited(carrier, loads.get(carrier.id)))):
                    problem = _problem(carrier, rate=rate, sell=sell, policy=policy,
                                       load=loads.get(carrier.id, IDLE), at=at, down=down, offered=offered)
            if problem is not None:
                skipped.append(Skipped(prepared.carrier, problem[0], problem[1], rate))
            else:
                assert rate is not None
                usable.append((rate, prepared))
        strategy = policy.strategy
        if strategy is Strategy.LCR:
            usable.sort(key=_lcr_key)
        elif strategy is Strategy.PRIORITY:
            usable.sort(key=_priority_key)
        else:
            drawn = weighted_order([(prepared.entry, rate) for rate, prepared in usable], state.rng)
            by_id = {prepared.carrier.id: (rate, prepared) for rate, prepared in usable}
            usable = [by_id[entry.carrier_id] for entry, _rate in drawn]
        if has_pinned:
            usable = [c for c in usable if c[1].entry.pinned] + [c for c in usable if not c[1].entry.pinned]
        routes = _routes(number, sell, usable)
        outcome = Outcome.ROUTED if routes else Outcome.NO_CARRIER
        return RoutingResult(number, outcome, policy.prefix, strategy, tuple(routes), tuple(skipped), sell)

    def _prepare(self, policy: RoutePolicy) -> tuple[list[_Entry], bool]:
        """The route's carriers with their call-independent facts, and whether any is pinned (cached)."""
        cached = self._prepared.get(id(policy))
        if cached is not None and cached[0] is policy:
            return cached[1], cached[2]
        if policy.names_carriers:
            entries: Iterable[RouteCarrierView] = policy.carriers
        else:
            excluded = {entry.carrier_id: entry for entry in policy.carriers}
            entries = [excluded.get(carrier_id) or RouteCarrierView(carrier_id) for carrier_id in sorted(self.carriers)]
        prepared: list[_Entry] = []
        for entry in entries:
            carrier = self.carriers.get(entry.carrier_id)
            if carrier is None:
                continue
            static: tuple[SkipReason, str] | None = None
            gateways = carrier.usable_gateways()
            if entry.excluded:
                static = SkipReason.EXCLUDED, f"excluded for prefix {policy.prefix!r}"
            elif not carrier.enabled:
                static = SkipReason.DISABLED, "carrier switched off"
            elif not gateways:
                static = SkipReason.DOWN, "no gateway up" if carrier.gateways else "no gateway"
            limited = bool(carrier.max_channels or carrier.cps_limit or carrier.daily_minutes_cap is not None
                           or carrier.monthly_minutes_cap is not None)
            plain = carrier.number_format is NumberFormat.E164 and not carrier.strip_digits and not carrier.tech_prefix
            prepared.append(_Entry(entry, carrier, self.buy_index.column(carrier.id), static, gateways, limited, plain))
        has_pinned = any(entry.entry.pinned and entry.static is None for entry in prepared)
        if len(self._prepared) >= _CACHE_LIMIT:  # dial plans reloaded many times under one router
            self._prepared.clear()
        self._prepared[id(policy)] = (policy, prepared, has_pinned)  # holds the policy: its id is not reused
        return prepared, has_pinned


def _keepalive(prepared: _Entry, gateways_up: Mapping[int, bool]) -> _Entry:
    """The entry with the OPTIONS keep-alive's verdicts on its carrier's gateways."""
    carrier = prepared.carrier
    if prepared.static is not None and prepared.static[0] is not SkipReason.DOWN:
        return prepared  # excluded or switched off whatever its gateways do
    gateways = carrier.usable_gateways(gateways_up)
    return prepared._replace(gateways=gateways, static=None if gateways else (SkipReason.DOWN, "no gateway up"))


def _routes(number: str, sell: Decimal | None, usable: list[tuple[Rate, _Entry]]) -> list[Route]:
    national: str | None = None
    routes: list[Route] = []
    for rate, prepared in usable:
        carrier = prepared.carrier
        if prepared.plain_number:
            sent = number
        else:
            if carrier.number_format is NumberFormat.NATIONAL and national is None:
                try:
                    national = national_number(number)
                except ValueError:
                    national = number
            sent = number_for_carrier(number, carrier, national=national)
        routes.append(Route(carrier, prepared.gateways, sent, rate, sell, prepared.entry.pinned))
    return routes


def _lcr_key(candidate: tuple[Rate, _Entry]) -> tuple[Decimal, int, int]:
    rate, prepared = candidate
    return rate.price_per_minute, prepared.entry.priority, prepared.entry.carrier_id


def _priority_key(candidate: tuple[Rate, _Entry]) -> tuple[int, Decimal, int]:
    rate, prepared = candidate
    return prepared.entry.priority, rate.price_per_minute, prepared.entry.carrier_id


def _may_lose(buy: Decimal, sell: Decimal | None, policy: RoutePolicy) -> bool:
    """The test of `loss_problem` without its message: buy above sell, or under a minimum margin."""
    if sell is None:
        return False
    margin = sell - buy
    if margin < 0:
        return True
    amount, percent = policy.min_margin_amount, policy.min_margin_percent
    return (amount is not None and margin < amount) or (percent is not None and margin * 100 < percent * buy)


def _limited(carrier: CarrierView, load: CarrierLoad | None) -> bool:
    """A cheap pre-check: whether any channel, CPS or minute limit is reached (`capacity_problem` says which)."""
    if load is None:
        return False
    daily, monthly = carrier.daily_minutes_cap, carrier.monthly_minutes_cap
    return bool((carrier.max_channels and load.channels_in_use >= carrier.max_channels)
                or (carrier.cps_limit and load.calls_this_second >= carrier.cps_limit)
                or (daily is not None and load.seconds_today >= daily * 60)
                or (monthly is not None and load.seconds_this_month >= monthly * 60))


def _problem(carrier: CarrierView, *, rate: Rate | None, sell: Decimal | None, policy: RoutePolicy,
             load: CarrierLoad, at: datetime, down: frozenset[int],
             offered: frozenset[str] | None) -> tuple[SkipReason, str] | None:
    """The first call-dependent reason to skip the carrier (the static ones are checked in `_prepare`)."""
    if carrier.down_until is not None and carrier.down_until > at:
        return SkipReason.DOWN, f"circuit breaker open until {carrier.down_until.isoformat()}"
    if carrier.id in down:
        return SkipReason.DOWN, "circuit breaker open"
    if rate is None:
        return SkipReason.NO_RATE, "no prefix of the number in its buy deck"
    loss = loss_problem(rate.price_per_minute, sell, policy)
    if loss is not None:
        return SkipReason.AT_LOSS, loss
    if offered is not None and not (carrier.codecs & offered):
        return SkipReason.NO_CODEC, f"allows {','.join(sorted(carrier.codecs))}"
    return capacity_problem(carrier, load)


def route(number: str, at: datetime, sell_rate: Rate | None, plan: DialPlanView, state: RoutingState, *,
          router: Router, codecs: Collection[str] | None = None) -> RoutingResult:
    """`router.route(...)` as a function."""
    return router.route(number, at, sell_rate, plan, state, codecs=codecs)
