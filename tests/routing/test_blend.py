"""The tariff builder on the hand-built decks: cheapest route, best-N average, margin and round-up (Decimal)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from routing_decks import AT, buy_decks

from switch_service.routing.blend import BlendResult, Margin, blend, round_up


def prices(result: BlendResult) -> dict[str, str]:
    return {rate.prefix: str(rate.price_per_minute) for rate in result.rates}


def test_cheapest_route_with_percent_margin_and_round_up() -> None:
    result = blend(buy_decks(), Margin.parse("20%"), AT, step=Decimal("0.001"))
    assert prices(result) == {
        "1": "0.006",  # Delta 0.0045 * 1.2 = 0.0054 -> 0.006
        "33": "0.014",  # Gamma 0.011 * 1.2 = 0.0132
        "336": "0.015",  # Alpha's 33 (0.012) beats Gamma's 336 (0.045): 0.0144
        "44": "0.011",  # Gamma 0.009 -> 0.0108
        "4420": "0.010",  # Beta 0.008 -> 0.0096
        "447": "0.014",  # Delta's 44 (0.011) covers 447 -> 0.0132
    }
    by_prefix = {rate.prefix: rate for rate in result.rates}
    assert by_prefix["336"].carriers == ("Alpha",) and by_prefix["336"].cost == Decimal("0.012000")
    assert by_prefix["4420"].destination == "United Kingdom London"
    assert result.uncovered == ()


def test_exact_price_is_not_rounded_further() -> None:
    result = blend(buy_decks(), Margin.parse("0.002"), AT, step=Decimal("0.001"))
    assert prices(result)["44"] == "0.011"  # 0.009 + 0.002 exactly


def test_default_rounding_is_up_to_stored_money() -> None:
    result = blend(buy_decks(), Margin.parse("10%"), AT, best=3)
    # US: (0.0045 + 0.005 + 0.006) / 3 * 1.1 = 0.0056833... -> 0.005684 (ceiling, never below the margin)
    assert prices(result)["1"] == "0.005684"


def test_best_n_average() -> None:
    result = blend(buy_decks(), Margin.parse("20%"), AT, step=Decimal("0.001"), best=2)
    by_prefix = {rate.prefix: rate for rate in result.rates}
    assert by_prefix["447"].cost == Decimal("0.0255")  # Delta 0.011, Beta 0.040
    assert by_prefix["447"].carriers == ("Delta", "Beta")
    assert str(by_prefix["447"].price_per_minute) == "0.031"  # 0.0306 up
    assert str(by_prefix["336"].price_per_minute) == "0.035"  # Alpha 0.012, Gamma 0.045: 0.0285 * 1.2 = 0.0342
    assert by_prefix["336"].carriers == ("Alpha", "Gamma")


def test_min_margin_lifts_cheap_prefixes() -> None:
    result = blend(buy_decks(), Margin.parse("20%"), AT, step=Decimal("0.001"), min_margin=Decimal("0.005"))
    assert prices(result)["1"] == "0.010"  # 0.0045 + 0.005 = 0.0095 > 0.0054
    assert prices(result)["447"] == "0.016"  # 0.011 + 0.005


def test_uncovered_prefixes_are_reported_not_priced() -> None:
    result = blend(buy_decks(), Margin.parse("20%"), AT, also_cover={"49", "44", "4930"})
    assert result.uncovered == ("49", "4930")
    assert "49" not in prices(result)


def test_billing_terms_come_from_the_cheapest() -> None:
    decks = buy_decks()
    only_beta = blend({"Beta": decks["Beta"]}, Margin.parse("0%"), AT, step=Decimal("0.001"))
    mobile = next(rate for rate in only_beta.rates if rate.prefix == "447")
    assert (mobile.initial_block_s, mobile.increment_s, mobile.connect_fee) == (60, 60, Decimal("0.001"))


def test_round_up_and_margin_parsing() -> None:
    assert round_up(Decimal("0.01441"), Decimal("0.001")) == Decimal("0.015")
    assert round_up(Decimal("0.015"), Decimal("0.001")) == Decimal("0.015")
    assert round_up(Decimal("0.0150001"), Decimal("0.005")) == Decimal("0.020")
    with pytest.raises(ValueError):
        round_up(Decimal(1), Decimal("0.0000001"))
    assert Margin.parse(" 12.5% ") == Margin(percent=Decimal("12.5"))
    assert Margin.parse("0.004") == Margin(amount=Decimal("0.004"))
    for bad in ("abc", "-5%", "%"):
        with pytest.raises(ValueError):
            Margin.parse(bad)
