"""The OPTIONS keep-alive's verdicts: N failures in a row take a gateway down, an answer brings it back, and
routing skips a down gateway (a carrier with none left is DOWN) without rebuilding the router."""

from __future__ import annotations

import pytest
from routing_decks import AT, CARRIER_IDS, buy_decks, carrier, sell_deck

from switch_service.billing.prefix_index import PrefixIndex
from switch_service.routing.carriers import GatewayView
from switch_service.routing.dial_plans import DialPlanView, RoutePolicy, Strategy
from switch_service.routing.gateway_health import GatewayChange, GatewayHealth, ping_failed
from switch_service.routing.results import SkipReason
from switch_service.routing.router import Router, RoutingState

LONDON = "442071234567"
SELL = PrefixIndex((rate.prefix, rate) for rate in sell_deck())
PLAN = DialPlanView(1, "test", (RoutePolicy("", Strategy.LCR, allow_loss=True),))
BETA = CARRIER_IDS["Beta"]


@pytest.mark.parametrize(("code", "failed"), [(None, True), (500, True), (503, True), (599, True), (200, False),
                                              (404, False), (405, False), (486, False)])
def test_what_counts_as_a_failed_ping(code: int | None, failed: bool) -> None:
    assert ping_failed(code) is failed


def test_down_after_n_failures_in_a_row_up_at_the_first_answer() -> None:
    health = GatewayHealth(failures_to_down=3)
    assert health.record(1, None) is None and health.record(1, 503) is None
    assert health.record(1, 200) == GatewayChange(1, True, 200, first=True)  # up since now; the count starts again
    assert health.record(1, None) is None and health.record(1, None) is None
    assert health.record(1, 503) == GatewayChange(1, False, 503)
    assert health.is_up(1) is False
    assert health.record(1, None) is None  # already down: no second change
    assert health.record(1, 405) == GatewayChange(1, True, 405)  # alive, even if it does not like OPTIONS
    assert health.is_up(1) is True


def test_seeded_from_the_store_and_forgotten_when_removed() -> None:
    health = GatewayHealth(failures_to_down=1)
    health.seed(5, False)
    assert health.is_up(5) is False
    assert health.record(5, 200) == GatewayChange(5, True, 200)
    health.seed(5, False)  # a verdict of its own wins over the stored one
    assert health.is_up(5) is True
    health.forget([6])
    assert health.is_up(5) is None


def test_needs_one_failure_at_least() -> None:
    with pytest.raises(ValueError, match="failures_to_down"):
        GatewayHealth(failures_to_down=0)


def router_with(beta_gateways: tuple[GatewayView, ...]) -> Router:
    carriers = [carrier(name, gateways=beta_gateways) if name == "Beta" else carrier(name) for name in CARRIER_IDS]
    decks = buy_decks()
    return Router.build(carriers, {CARRIER_IDS[name]: rates for name, rates in decks.items()}, AT)


def route(router: Router, gateways_up: dict[int, bool]) -> tuple[tuple[str, ...], dict[str, SkipReason]]:
    result = router.route(LONDON, AT, SELL.lookup(LONDON, AT), PLAN, RoutingState(gateways_up=gateways_up))
    return result.carriers, result.skip_reasons()


def test_routing_skips_a_carrier_whose_only_gateway_the_keepalive_holds_down() -> None:
    router = router_with((GatewayView(20, "10.0.0.2"),))
    health = GatewayHealth(failures_to_down=1)
    assert health.overrides(router.carriers.values()) == {}  # nothing known: the views stand
    assert route(router, {})[0][0] == "Beta"  # the cheapest for London
    health.record(20, None)
    overrides = health.overrides(router.carriers.values())
    assert overrides == {20: False}
    carriers, skipped = route(router, overrides)
    assert "Beta" not in carriers and skipped == {"Beta": SkipReason.DOWN}
    health.record(20, 200)
    assert health.overrides(router.carriers.values()) == {}  # back to what the view says
    assert route(router, {})[0][0] == "Beta"


def test_keepalive_brings_back_a_gateway_stored_as_down() -> None:
    router = router_with((GatewayView(20, "10.0.0.2", options_up=False),))
    assert "Beta" not in route(router, {})[0]
    health = GatewayHealth()
    health.seed(20, False)
    health.record(20, 200)
    overrides = health.overrides(router.carriers.values())
    assert overrides == {20: True}
    assert route(router, overrides)[0][0] == "Beta"


def test_only_the_down_gateway_of_a_carrier_is_dropped() -> None:
    router = router_with((GatewayView(20, "10.0.0.2", weight=5), GatewayView(21, "10.0.0.3")))
    result = router.route(LONDON, AT, SELL.lookup(LONDON, AT), PLAN, RoutingState(gateways_up={20: False}))
    beta = next(r for r in result.routes if r.carrier.id == BETA)
    assert [g.id for g in beta.gateways] == [21]
