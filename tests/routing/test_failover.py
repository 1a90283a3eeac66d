"""Which SIP answers move a call to the next route (ASTPP #419, MagnusBilling #558) and who is billed (#523)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from routing_decks import carrier

from switch_service.billing.rates import Rate
from switch_service.routing.failover import (
    Attempt,
    billing_carrier,
    billing_route,
    parse_failover_codes,
    route_fails_over,
    should_fail_over,
)
from switch_service.routing.results import Route


@pytest.mark.parametrize("code", [None, 408, 500, 502, 503, 504, 599])
def test_carrier_failures_fail_over(code: int | None) -> None:
    assert should_fail_over(code)


@pytest.mark.parametrize("code", [404, 480, 486, 487, 603, 600, 604, 606])
def test_answers_about_the_callee_never_fail_over_even_when_configured(code: int) -> None:
    assert not should_fail_over(code)
    assert not should_fail_over(code, frozenset({404, 480, 486, 487, 600, 603, 604, 606}))


@pytest.mark.parametrize("code", [403, 484, 488, 302, 200, 180])
def test_other_answers_end_the_call_unless_configured(code: int) -> None:
    assert not should_fail_over(code)


def test_carrier_configured_extra_code() -> None:
    assert should_fail_over(403, parse_failover_codes("403, 484"))
    assert should_fail_over(484, parse_failover_codes("403;484"))
    assert not should_fail_over(488, parse_failover_codes("403,484"))
    route = Route(carrier("Alpha", failover_codes=frozenset({403, 486})), (), "1", Rate("1", "", Decimal(1)), None)
    assert route_fails_over(route, 403)
    assert not route_fails_over(route, 486)


def test_parse_failover_codes() -> None:
    assert parse_failover_codes("") == frozenset()
    with pytest.raises(ValueError, match="abc"):
        parse_failover_codes("403,abc")
    with pytest.raises(ValueError, match="200"):
        parse_failover_codes("200")


def test_the_call_is_billed_at_the_answering_carriers_rate() -> None:
    first = Route(carrier("Alpha"), (), "44", Rate("44", "", Decimal("0.010000")), Decimal("0.02"))
    second = Route(carrier("Beta"), (), "44", Rate("44", "", Decimal("0.012000")), Decimal("0.02"))
    attempts = [Attempt(first, 503), Attempt(second, 200)]
    assert billing_route(attempts) is second
    assert billing_carrier(attempts) == second.carrier.id
    assert billing_route(attempts).buy_rate.price_per_minute == Decimal("0.012000")  # type: ignore[union-attr]
    assert billing_carrier([Attempt(first, 503), Attempt(second, 486)]) is None
    assert billing_carrier([]) is None
