"""Loading what routing decides on: carriers and gateways, dial plans, buy decks, and the carriers' minutes.

Everything leaves here as the pure views of `switch_service.routing`; nothing routing-specific is decided here.
Minutes carried per carrier today and this month are summed in SQL (one grouped query over the carriers'
CDRs, served by the `ix_cdrs_carrier_started` index), never by loading CDRs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import case, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from switch_service.billing import rates as billing
from switch_service.errors import UserError
from switch_service.phone_numbers import e164_digits
from switch_service.routing.blend import BlendedRate, BlendResult, Margin, blend
from switch_service.routing.caps import CarrierLoad
from switch_service.routing.carriers import CarrierView, GatewayView, NumberFormat, parse_codecs
from switch_service.routing.dial_plans import DialPlanView, RouteCarrierView, RoutePolicy, Strategy
from switch_service.routing.failover import parse_failover_codes
from switch_service.routing.results import RoutingResult
from switch_service.routing.router import Router, RoutingState
from switch_service.store.models import (
    Carrier,
    Cdr,
    DialPlan,
    DialPlanRoute,
    Gateway,
    LiveCall,
    Rate,
    RouteCarrier,
    Tariff,
)
from switch_service.store.models.enums import CdrKind, TariffKind
from switch_service.store.repositories.rates import (
    find_rate_sql,
    get_or_create_tariff,
    leading_prefixes,
    tariff_by_name,
)


def to_billing_rate(row: Rate) -> billing.Rate:
    """The store's rate row as billing's `Rate` (validated there)."""
    steps = tuple(
        billing.RateStep(after, price)
        for after, price in ((row.step1_after_s, row.step1_price), (row.step2_after_s, row.step2_price),
                             (row.step3_after_s, row.step3_price))
        if after is not None and price is not None
    )
    return billing.Rate(
        prefix=row.prefix, destination=row.destination, price_per_minute=row.price_per_minute,
        initial_block_s=row.initial_block_s, increment_s=row.increment_s, connect_fee=row.connect_fee,
        disconnect_fee=row.disconnect_fee, disconnect_threshold_s=row.disconnect_threshold_s,
        disconnect_fee_percent=row.disconnect_fee_percent,
        disconnect_fee_rule=billing.DisconnectFeeRule(row.disconnect_fee_rule.value), min_duration_s=row.min_duration_s,
        min_cost=row.min_cost, grace_s=row.grace_s, shrink_percent=row.shrink_percent, steps=steps,
        offpeak_price=row.offpeak_price, weekend_price=row.weekend_price, holiday_price=row.holiday_price,
        valid_from=row.valid_from, valid_until=row.valid_until,
    )


def carrier_view(carrier: Carrier, gateways: Sequence[Gateway]) -> CarrierView:
    try:
        number_format = NumberFormat(carrier.number_format)
        failover_codes = parse_failover_codes(carrier.failover_codes or "")
    except ValueError as exc:
        raise UserError(f"carrier {carrier.name!r}: {exc}") from None
    return CarrierView(
        id=carrier.id, name=carrier.name, enabled=carrier.enabled,
        gateways=tuple(GatewayView(g.id, g.host, g.port, str(g.transport), g.weight, g.enabled, g.options_up)
                       for g in gateways),
        strip_digits=carrier.strip_digits, tech_prefix=carrier.tech_prefix or "", number_format=number_format,
        codecs=parse_codecs(carrier.codecs or ""), max_channels=carrier.max_channels, cps_limit=carrier.cps_limit,
        daily_minutes_cap=carrier.daily_minutes_cap, monthly_minutes_cap=carrier.monthly_minutes_cap,
        failover_codes=failover_codes, down_until=carrier.down_until,
    )


def load_carriers(session: Session, ids: Iterable[int] | None = None) -> list[tuple[Carrier, CarrierView]]:
    """Carriers (all, or those of `ids`) with their gateways, by id."""
    query = select(Carrier).order_by(Carrier.id)
    if ids is not None:
        query = query.where(Carrier.id.in_(list(ids)))
    carriers = list(session.scalars(query))
    gateways: dict[int, list[Gateway]] = {carrier.id: [] for carrier in carriers}
    if carriers:
        for gateway in session.scalars(select(Gateway).where(Gateway.carrier_id.in_(list(gateways)))
                                       .order_by(Gateway.id)):
            gateways[gateway.carrier_id].append(gateway)
    return [(carrier, carrier_view(carrier, gateways[carrier.id])) for carrier in carriers]


def load_deck(session: Session, tariff_id: int, at: dt.datetime, *, number: str | None = None) -> list[billing.Rate]:
    """The tariff's rates not yet expired at `at` (current ones and those starting later); with `number`, only
    its leading prefixes (every rate a decision for that one number can use)."""
    query = (select(Rate).where(Rate.tariff_id == tariff_id, or_(Rate.valid_until.is_(None), Rate.valid_until > at))
             .order_by(Rate.prefix, Rate.valid_from).execution_options(yield_per=10_000))
    if number is not None:
        query = query.where(Rate.prefix.in_(leading_prefixes(number)))
    return [to_billing_rate(row) for row in session.scalars(query)]


def load_router(session: Session, at: dt.datetime, *, number: str | None = None) -> Router:
    """Every carrier with its buy deck, merged into a router for the rates in force at `at`; with `number`, a
    router that answers for that number only, built from a few indexed rows instead of whole decks."""
    carriers = load_carriers(session)
    decks = {view.id: load_deck(session, row.buy_tariff_id, at, number=number) if row.buy_tariff_id is not None
             else [] for row, view in carriers}
    return Router.build([view for _row, view in carriers], decks, at)


def load_dial_plan(session: Session, dial_plan_id: int) -> DialPlanView:
    plan = session.get(DialPlan, dial_plan_id)
    if plan is None:
        raise UserError(f"dial plan {dial_plan_id} does not exist")
    routes = list(session.scalars(select(DialPlanRoute).where(DialPlanRoute.dial_plan_id == plan.id)))
    members: dict[int, list[RouteCarrierView]] = {route.id: [] for route in routes}
    if routes:
        for row in session.scalars(select(RouteCarrier).where(RouteCarrier.route_id.in_(list(members)))
                                   .order_by(RouteCarrier.id)):
            members[row.route_id].append(
                RouteCarrierView(row.carrier_id, row.priority, row.weight, row.pinned, row.excluded))
    return DialPlanView(plan.id, plan.name, [
        RoutePolicy(route.prefix or "", Strategy(str(route.strategy)), tuple(members[route.id]), route.blocked,
                    route.allow_loss, route.min_margin_percent, route.min_margin_amount)
        for route in routes
    ])


def sell_rate(session: Session, tariff_id: int, number: str, at: dt.datetime) -> billing.Rate | None:
    """The sell tariff's rate for `number` at `at` (longest prefix in force), or None."""
    row = find_rate_sql(session, tariff_id, number, at)
    return to_billing_rate(row) if row is not None else None


def dialled_number(raw: str, region: str) -> str:
    """E.164 digits of a dialled number, by the rule every door uses (`switch_service.phone_numbers`); UserError
    when it is not a phone number."""
    try:
        return e164_digits(raw, region)
    except ValueError as exc:
        raise UserError(str(exc)) from None


@dataclass(frozen=True, slots=True)
class Explanation:
    """What the switch would do with one number: the decision and what it was made from."""

    plan: DialPlanView
    sell: billing.Rate | None  # the sell tariff's rate for the number (None: no tariff, or no rate in it)
    result: RoutingResult
    unrated: bool  # a sell tariff was given but has no rate for the number (the call would be refused)


def explain_route(session: Session, number: str, at: dt.datetime, *, dial_plan_id: int, tariff_id: int | None,
                  tz: dt.tzinfo | str = dt.UTC, rng: random.Random | None = None) -> Explanation:
    """Route `number` (E.164 digits) at `at` through the dial plan, sold on the tariff (None: no profit check),
    with the carriers' loads of now: the one code path of `carrier-switch routes explain` and of the API's."""
    plan = load_dial_plan(session, dial_plan_id)
    sell = sell_rate(session, tariff_id, number, at) if tariff_id is not None else None
    router = load_router(session, at, number=number)
    state = routing_state(session, at, tz=tz, rng=rng)
    return Explanation(plan, sell, router.route(number, at, sell, plan, state),
                       unrated=tariff_id is not None and sell is None)


@dataclass(frozen=True, slots=True)
class CarrierMinutes:
    seconds_today: int
    seconds_this_month: int


def _period_starts(at: dt.datetime, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """Start of the day, of the month and of the next month containing `at` in `tz`, as UTC instants."""
    local = at.astimezone(tz)
    day = dt.datetime(local.year, local.month, local.day, tzinfo=tz)
    month = dt.datetime(local.year, local.month, 1, tzinfo=tz)
    following = dt.datetime(local.year + local.month // 12, local.month % 12 + 1, 1, tzinfo=tz)
    return day.astimezone(dt.UTC), month.astimezone(dt.UTC), following.astimezone(dt.UTC)


def minutes_used(session: Session, at: dt.datetime, tz: dt.tzinfo | str = dt.UTC) -> dict[int, CarrierMinutes]:
    """Seconds each carrier carried today and this month (the periods of its minute caps, in `tz`), summed in SQL.

    Counts the call rows (kind=call: the carrier that carried the call), not the attempt rows, so an answered call
    is counted once; a call counts in the period it started in.
    """
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    day, month, following = _period_starts(at, zone)
    today = func.sum(case((Cdr.started_at >= day, Cdr.duration_s), else_=0))
    query = (
        select(Cdr.carrier_id, today, func.sum(Cdr.duration_s))
        .where(Cdr.kind == CdrKind.CALL, Cdr.carrier_id.is_not(None), Cdr.started_at >= month,
               Cdr.started_at < following)
        .group_by(Cdr.carrier_id)
    )
    return {int(carrier_id): CarrierMinutes(int(seconds_today or 0), int(seconds_month or 0))
            for carrier_id, seconds_today, seconds_month in session.execute(query)}


def channels_in_use(session: Session) -> dict[int, int]:
    """Open calls per carrier, from the live-call table."""
    query = (select(LiveCall.carrier_id, func.count()).where(LiveCall.carrier_id.is_not(None))
             .group_by(LiveCall.carrier_id))
    return {carrier_id: int(count) for carrier_id, count in session.execute(query) if carrier_id is not None}


def routing_state(session: Session, at: dt.datetime, *, tz: dt.tzinfo | str = dt.UTC,
                  rng: random.Random | None = None) -> RoutingState:
    """The state a decision at `at` sees from the store: minutes carried and open channels per carrier (the
    switch has fresher channel and CPS counters of its own and builds its state from those)."""
    minutes = minutes_used(session, at, tz)
    channels = channels_in_use(session)
    loads: Mapping[int, CarrierLoad] = {
        carrier_id: CarrierLoad(
            channels_in_use=channels.get(carrier_id, 0),
            seconds_today=minutes[carrier_id].seconds_today if carrier_id in minutes else 0,
            seconds_this_month=minutes[carrier_id].seconds_this_month if carrier_id in minutes else 0,
        )
        for carrier_id in set(minutes) | set(channels)
    }
    return RoutingState(loads=loads, rng=rng or random.Random())


def carriers_named(session: Session, names: Sequence[str]) -> list[Carrier]:
    """The carriers called `names`, in that order; UserError naming any that does not exist."""
    found = {carrier.name: carrier for carrier in session.scalars(select(Carrier).where(Carrier.name.in_(names)))}
    missing = [name for name in names if name not in found]
    if missing:
        raise UserError(f"no carrier called {', '.join(repr(name) for name in missing)}")
    return [found[name] for name in names]


def tariff_prefixes(session: Session, tariff_id: int) -> set[str]:
    return set(session.scalars(select(Rate.prefix).where(Rate.tariff_id == tariff_id).distinct()))


@dataclass(frozen=True, slots=True)
class BlendRun:
    """What a blend wrote: the tariff, the carriers priced from, those skipped (switched off) and the result."""

    tariff: Tariff
    carriers: tuple[str, ...]
    skipped: tuple[str, ...]
    result: BlendResult


def blend_into_tariff(session: Session, name: str, carriers: Sequence[Carrier], margin: Margin, at: dt.datetime,
                      *, min_margin: Decimal | None = None, step: Decimal | None = None, best: int = 1,
                      loaded: Callable[[int], None] | None = None) -> BlendRun:
    """Price the sell tariff `name` (`plan_blend`) and write it (`write_sell_tariff`) in the session's transaction.
    UserError for a buy tariff as target, and as `plan_blend`."""
    used, skipped, result = plan_blend(session, name, carriers, margin, at, min_margin=min_margin, step=step,
                                       best=best, loaded=loaded)
    return BlendRun(write_sell_tariff(session, name, result.rates, at), used, skipped, result)


def plan_blend(session: Session, name: str, carriers: Sequence[Carrier], margin: Margin, at: dt.datetime,
               *, min_margin: Decimal | None = None, step: Decimal | None = None, best: int = 1,
               loaded: Callable[[int], None] | None = None) -> tuple[tuple[str, ...], tuple[str, ...], BlendResult]:
    """Price the sell tariff `name` from the buy decks of `carriers` (switched-off ones skipped), reading only:
    the carriers used, those skipped, and the blend. The prefixes the tariff has now stay in the universe, so one no
    carrier covers any more is reported. `loaded(n)` after each carrier's deck is read. UserError for a carrier
    without a buy tariff or no carrier left; ValueError from the blend itself."""
    decks: dict[str, list[billing.Rate]] = {}
    skipped = []
    for count, carrier in enumerate(carriers, start=1):
        if not carrier.enabled:
            skipped.append(carrier.name)
        elif carrier.buy_tariff_id is None:
            raise UserError(f"carrier {carrier.name!r} has no buy tariff")
        else:
            decks[carrier.name] = load_deck(session, carrier.buy_tariff_id, at)
        if loaded is not None:
            loaded(count)
    if not decks:
        raise UserError("no carrier to price from: every one named is switched off")
    existing = tariff_by_name(session, name.strip())
    keep = tariff_prefixes(session, existing.id) if existing is not None else set()
    result = blend(decks, margin, at, min_margin=min_margin, step=step, best=best, also_cover=keep)
    return tuple(decks), tuple(skipped), result


def write_sell_tariff(session: Session, name: str, rates: Sequence[BlendedRate], valid_from: dt.datetime) -> Tariff:
    """Replace every rate of the sell tariff `name` (created if missing) with `rates`, in the session's
    transaction (the caller commits), and bump its version so in-memory indexes rebuild. A carrier's buy tariff
    is refused rather than overwritten."""
    tariff = get_or_create_tariff(session, name)
    if tariff.kind is not TariffKind.SELL:
        raise UserError(f"tariff {name!r} is a buy tariff (a carrier's deck); choose a sell tariff")
    session.execute(select(Tariff.id).where(Tariff.id == tariff.id).with_for_update())
    session.execute(delete(Rate).where(Rate.tariff_id == tariff.id).execution_options(synchronize_session=False))
    rows = [
        {"tariff_id": tariff.id, "prefix": rate.prefix, "destination": rate.destination[:120],
         "price_per_minute": rate.price_per_minute, "initial_block_s": rate.initial_block_s,
         "increment_s": rate.increment_s, "connect_fee": rate.connect_fee, "valid_from": valid_from}
        for rate in rates
    ]
    for offset in range(0, len(rows), 5_000):
        session.execute(insert(Rate), rows[offset:offset + 5_000])
    session.execute(update(Tariff).where(Tariff.id == tariff.id).values(version=Tariff.version + 1)
                    .execution_options(synchronize_session=False))
    session.refresh(tariff)
    return tariff
