"""Routing policies over the hand-built decks in tests/data/routing."""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
from routing_decks import AT, CARRIER_IDS, buy_decks, carrier, sell_deck

from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rates import Rate
from switch_service.routing.caps import CarrierLoad
from switch_service.routing.carriers import CarrierView, GatewayView, NumberFormat
from switch_service.routing.dial_plans import DialPlanView, RouteCarrierView, RoutePolicy, Strategy
from switch_service.routing.explain import explain_rows, format_explanation
from switch_service.routing.results import Outcome, SkipReason
from switch_service.routing.router import Router, RoutingState, route

SELL = PrefixIndex((rate.prefix, rate) for rate in sell_deck())
LONDON = "442071234567"
UK_MOBILE = "447700900123"
US = "12025550105"
A, B, G, D = (CARRIER_IDS[name] for name in ("Alpha", "Beta", "Gamma", "Delta"))


def make_router(**overrides: CarrierView) -> Router:
    decks = buy_decks()
    carriers = [overrides.get(name, carrier(name)) for name in CARRIER_IDS]
    return Router.build(carriers, {CARRIER_IDS[name]: rates for name, rates in decks.items()}, AT)


def plan(*policies: RoutePolicy) -> DialPlanView:
    return DialPlanView(1, "test", policies)


def lcr_all(**options: object) -> DialPlanView:
    return plan(RoutePolicy("", Strategy.LCR, **options))  # type: ignore[arg-type]


def sell(number: str) -> Rate | None:
    return SELL.lookup(number, AT)


def go(router: Router, number: str, dial_plan: DialPlanView, state: RoutingState | None = None,
       sell_rate: Rate | str | None = "deck") -> tuple[tuple[str, ...], dict[str, SkipReason]]:
    chosen = sell(number) if sell_rate == "deck" else sell_rate
    assert not isinstance(chosen, str)
    result = router.route(number, AT, chosen, dial_plan, state or RoutingState())
    return result.carriers, result.skip_reasons()


def test_lcr_orders_by_each_carriers_longest_prefix() -> None:
    # London: Beta has 4420 at 0.008; the others only 44 (Gamma 0.009, Alpha 0.010, Delta 0.011)
    carriers, skipped = go(make_router(), LONDON, lcr_all(allow_loss=True))
    assert carriers == ("Beta", "Gamma", "Alpha", "Delta")
    assert skipped == {}
    # elsewhere in the UK Beta's 44 rate (0.012) applies: it is last
    carriers, _ = go(make_router(), "441612345678", lcr_all())
    assert carriers == ("Gamma", "Alpha", "Delta", "Beta")


def test_lcr_route_carries_buy_rate_margin_and_gateways() -> None:
    result = make_router().route(LONDON, AT, sell(LONDON), lcr_all(), RoutingState())
    first = result.routes[0]
    assert first.buy_rate.prefix == "4420" and first.buy_price == Decimal("0.008000")
    assert first.sell_price == Decimal("0.015000")
    assert first.margin == Decimal("0.007000")
    assert first.margin_percent == Decimal("87.50")
    assert first.gateways[0].host == "10.0.0.2"
    assert first.number == LONDON


def test_carrier_without_rate_is_skipped_with_reason() -> None:
    # France mobile sells at the 33 price (0.030): Alpha's 33 (0.012) fits, Gamma's 336 (0.045) is a loss
    carriers, skipped = go(make_router(), "33612345678", lcr_all())
    assert carriers == ("Alpha",)
    assert skipped == {"Beta": SkipReason.NO_RATE, "Gamma": SkipReason.AT_LOSS, "Delta": SkipReason.NO_RATE}


def test_priority_strategy() -> None:
    policy = RoutePolicy("44", Strategy.PRIORITY, (
        RouteCarrierView(A, priority=3), RouteCarrierView(B, priority=1), RouteCarrierView(G, priority=2),
    ), allow_loss=True)
    carriers, skipped = go(make_router(), UK_MOBILE, plan(policy, RoutePolicy("")))
    assert carriers == ("Beta", "Gamma", "Alpha")  # Delta is not named by the route
    assert skipped == {}


def test_weighted_distribution_with_seeded_rng() -> None:
    policy = RoutePolicy("", Strategy.WEIGHTED, (
        RouteCarrierView(A, weight=60), RouteCarrierView(G, weight=30), RouteCarrierView(D, weight=10),
    ))
    dial_plan = plan(policy)
    router = make_router()
    state = RoutingState(rng=random.Random(7))
    firsts = Counter(router.route(LONDON, AT, sell(LONDON), dial_plan, state).carriers[0] for _ in range(10_000))
    assert firsts["Alpha"] == pytest.approx(6_000, abs=300)
    assert firsts["Gamma"] == pytest.approx(3_000, abs=300)
    assert firsts["Delta"] == pytest.approx(1_000, abs=200)
    # every order holds every usable carrier once, and the same seed gives the same orders
    orders = [router.route(LONDON, AT, sell(LONDON), dial_plan, RoutingState(rng=random.Random(3))).carriers
              for _ in range(3)]
    assert orders[0] == orders[1] == orders[2]
    assert sorted(orders[0]) == ["Alpha", "Delta", "Gamma"]


def test_blocked_prefix_and_no_route() -> None:
    dial_plan = plan(RoutePolicy("", Strategy.LCR), RoutePolicy("4470", blocked=True))
    result = make_router().route("447012345678", AT, sell("447012345678"), dial_plan, RoutingState())
    assert result.outcome is Outcome.BLOCKED and result.routes == () and result.route_prefix == "4470"
    result = make_router().route(US, AT, sell(US), plan(RoutePolicy("44")), RoutingState())
    assert result.outcome is Outcome.NO_ROUTE


def test_longest_route_prefix_wins() -> None:
    dial_plan = plan(RoutePolicy("", Strategy.LCR),
                     RoutePolicy("447", Strategy.PRIORITY, (RouteCarrierView(G, priority=1),
                                                            RouteCarrierView(A, priority=2)), allow_loss=True))
    result = make_router().route(UK_MOBILE, AT, sell(UK_MOBILE), dial_plan, RoutingState())
    assert result.route_prefix == "447" and result.carriers == ("Gamma", "Alpha")


def test_pinned_carrier_is_always_first() -> None:
    policy = RoutePolicy("", Strategy.LCR, (RouteCarrierView(A), RouteCarrierView(B), RouteCarrierView(G),
                                            RouteCarrierView(D, pinned=True)))
    result = make_router().route(LONDON, AT, sell(LONDON), plan(policy), RoutingState())
    assert result.carriers == ("Delta", "Beta", "Gamma", "Alpha")
    assert result.routes[0].pinned


def test_excluded_carrier_on_a_route_naming_no_carriers() -> None:
    policy = RoutePolicy("44", Strategy.LCR, (RouteCarrierView(B, excluded=True),))
    carriers, skipped = go(make_router(), LONDON, plan(policy))
    assert carriers == ("Gamma", "Alpha", "Delta")
    assert skipped == {"Beta": SkipReason.EXCLUDED}


def test_disabled_carrier() -> None:
    carriers, skipped = go(make_router(Beta=carrier("Beta", enabled=False)), LONDON, lcr_all())
    assert "Beta" not in carriers and skipped == {"Beta": SkipReason.DISABLED}


@pytest.mark.parametrize("beta", [
    carrier("Beta", gateways=(GatewayView(20, "10.0.0.2", options_up=False),)),
    carrier("Beta", gateways=(GatewayView(20, "10.0.0.2", enabled=False),)),
    carrier("Beta", gateways=()),
    carrier("Beta", down_until=AT + timedelta(minutes=5)),
], ids=["options-down", "gateway-disabled", "no-gateway", "down-until"])
def test_carrier_down(beta: CarrierView) -> None:
    carriers, skipped = go(make_router(Beta=beta), LONDON, lcr_all())
    assert carriers == ("Gamma", "Alpha", "Delta") and skipped == {"Beta": SkipReason.DOWN}


def test_down_until_in_the_past_and_breaker_state() -> None:
    router = make_router(Beta=carrier("Beta", down_until=AT - timedelta(seconds=1)))
    assert go(router, LONDON, lcr_all())[0][0] == "Beta"
    _carriers, skipped = go(router, LONDON, lcr_all(), RoutingState(down=frozenset({B})))
    assert skipped == {"Beta": SkipReason.DOWN}


def test_gateways_skip_the_down_one_and_order_by_weight() -> None:
    beta = carrier("Beta", gateways=(GatewayView(21, "a", weight=1), GatewayView(22, "b", options_up=False),
                                     GatewayView(23, "c", weight=5), GatewayView(24, "d", options_up=None)))
    result = make_router(Beta=beta).route(LONDON, AT, sell(LONDON), lcr_all(), RoutingState())
    assert [g.host for g in result.routes[0].gateways] == ["c", "a", "d"]


def test_at_capacity_channels_and_cps() -> None:
    router = make_router(Beta=carrier("Beta", max_channels=10), Gamma=carrier("Gamma", cps_limit=2))
    loads = {B: CarrierLoad(channels_in_use=10), G: CarrierLoad(calls_this_second=2)}
    carriers, skipped = go(router, LONDON, lcr_all(), RoutingState(loads=loads))
    assert carriers == ("Alpha", "Delta")
    assert skipped == {"Beta": SkipReason.AT_CAPACITY, "Gamma": SkipReason.AT_CAPACITY}
    loads = {B: CarrierLoad(channels_in_use=9), G: CarrierLoad(calls_this_second=1)}
    assert go(router, LONDON, lcr_all(), RoutingState(loads=loads))[0][:2] == ("Beta", "Gamma")


def test_over_daily_and_monthly_minute_caps() -> None:
    router = make_router(Beta=carrier("Beta", daily_minutes_cap=100), Gamma=carrier("Gamma", monthly_minutes_cap=1000))
    loads = {B: CarrierLoad(seconds_today=6_000), G: CarrierLoad(seconds_today=10, seconds_this_month=60_000)}
    carriers, skipped = go(router, LONDON, lcr_all(), RoutingState(loads=loads))
    assert carriers == ("Alpha", "Delta")
    assert skipped == {"Beta": SkipReason.OVER_CAP, "Gamma": SkipReason.OVER_CAP}
    loads = {B: CarrierLoad(seconds_today=5_999), G: CarrierLoad(seconds_this_month=59_999)}
    assert go(router, LONDON, lcr_all(), RoutingState(loads=loads))[1] == {}


def test_profit_guarantee_skips_carriers_at_a_loss() -> None:
    # UK mobile sells at 0.060: Gamma buys at 0.070 (a loss); Delta's 44 (0.011) covers it and is cheapest
    carriers, skipped = go(make_router(), UK_MOBILE, lcr_all())
    assert carriers == ("Delta", "Beta", "Alpha")
    assert skipped == {"Gamma": SkipReason.AT_LOSS}
    result = make_router().route(UK_MOBILE, AT, sell(UK_MOBILE), lcr_all(), RoutingState())
    assert result.skipped[0].detail == "buy 0.070000 > sell 0.060000"


def test_profit_guarantee_allows_a_loss_when_the_route_says_so() -> None:
    carriers, skipped = go(make_router(), UK_MOBILE, lcr_all(allow_loss=True))
    assert carriers == ("Delta", "Beta", "Alpha", "Gamma") and skipped == {}
    result = make_router().route(UK_MOBILE, AT, sell(UK_MOBILE), lcr_all(allow_loss=True), RoutingState())
    assert result.routes[-1].margin == Decimal("-0.010000")


def test_buy_equal_to_sell_is_not_a_loss() -> None:
    equal = Rate("44", "UK", Decimal("0.010000"))  # Alpha buys London at exactly 0.010
    carriers, skipped = go(make_router(), LONDON, lcr_all(), sell_rate=equal)
    assert carriers == ("Beta", "Gamma", "Alpha") and skipped == {"Delta": SkipReason.AT_LOSS}


def test_minimum_margin_percent() -> None:
    # London sells at 0.015; markups: Beta 0.008 -> 87.5%, Gamma 0.009 -> 66.67%, Alpha 0.010 -> 50%,
    # Delta 0.011 -> 36.36%
    carriers, skipped = go(make_router(), LONDON, lcr_all(min_margin_percent=Decimal(50)))
    assert carriers == ("Beta", "Gamma", "Alpha")
    assert skipped == {"Delta": SkipReason.AT_LOSS}
    carriers, _ = go(make_router(), LONDON, lcr_all(min_margin_percent=Decimal("66.67")))
    assert carriers == ("Beta",)  # 66.666...% < 66.67%
    result = make_router().route(LONDON, AT, sell(LONDON), lcr_all(min_margin_percent=Decimal(50)), RoutingState())
    assert result.skipped[0].detail == "margin 36.36% < minimum 50%"


def test_minimum_margin_amount() -> None:
    carriers, skipped = go(make_router(), LONDON, lcr_all(min_margin_amount=Decimal("0.005")))
    assert carriers == ("Beta", "Gamma", "Alpha")  # Alpha: 0.015 - 0.010 = 0.005 is enough
    assert skipped == {"Delta": SkipReason.AT_LOSS}


def test_allow_loss_overrides_minimum_margins() -> None:
    carriers, skipped = go(make_router(), LONDON, lcr_all(allow_loss=True, min_margin_amount=Decimal(1),
                                                          min_margin_percent=Decimal(500)))
    assert len(carriers) == 4 and skipped == {}


def test_without_a_sell_rate_no_profit_check() -> None:
    result = make_router().route(UK_MOBILE, AT, None, lcr_all(), RoutingState())
    assert result.carriers == ("Delta", "Beta", "Alpha", "Gamma")
    assert result.routes[0].margin is None and result.routes[0].margin_percent is None


def test_codecs_offered_by_the_caller() -> None:
    router = make_router(Beta=carrier("Beta", codecs=frozenset({"G722"})))
    result = router.route(LONDON, AT, sell(LONDON), lcr_all(), RoutingState(), codecs=["pcmu", "PCMA"])
    assert result.skip_reasons() == {"Beta": SkipReason.NO_CODEC}


def test_number_as_sent_to_each_carrier() -> None:
    router = make_router(Beta=carrier("Beta", number_format=NumberFormat.NATIONAL, tech_prefix="777#"),
                         Gamma=carrier("Gamma", strip_digits=2, tech_prefix="00"))
    result = router.route(LONDON, AT, sell(LONDON), lcr_all(), RoutingState())
    sent = {r.carrier.name: r.number for r in result.routes}
    assert sent == {"Beta": "777#02071234567", "Gamma": "002071234567", "Alpha": LONDON, "Delta": LONDON}


def test_all_carriers_skipped_is_no_carrier() -> None:
    result = make_router().route(UK_MOBILE, AT, Rate("447", "x", Decimal("0.001")), lcr_all(), RoutingState())
    assert result.outcome is Outcome.NO_CARRIER and len(result.skipped) == 4


def test_stale_buy_index_is_refused() -> None:
    router = make_router()
    with pytest.raises(ValueError, match="does not answer"):
        router.route(LONDON, AT - timedelta(days=1), sell(LONDON), lcr_all(), RoutingState())


def test_function_form_and_explanation_rows() -> None:
    router = make_router(Gamma=carrier("Gamma", enabled=False))
    result = route(UK_MOBILE, AT, sell(UK_MOBILE), lcr_all(), RoutingState(), router=router)
    rows = explain_rows(result)
    assert [(row.position, row.carrier, row.status) for row in rows] == [
        (1, "Delta", "route"), (2, "Beta", "route"), (3, "Alpha", "route"), (None, "Gamma", "skipped: disabled"),
    ]
    text = format_explanation(result, plan_name="test", sell_prefix="447")
    lines = text.splitlines()
    assert "outcome routed" in lines[0] and "sell rate 0.060000/min (prefix 447)" in lines[1]
    assert lines[3].split()[:2] == ["1", "Delta"] and "0.049000" in lines[3]
    assert lines[-1].split()[1] == "Gamma" and lines[-1].endswith("skipped: disabled (carrier switched off)")
