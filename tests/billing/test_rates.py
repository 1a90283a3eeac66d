"""Rate validation at load time, and band price fallbacks."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from switch_service.billing.rates import Rate, RateStep
from switch_service.billing.time_bands import Band

D = Decimal


@pytest.mark.parametrize(
    ("terms", "problem"),
    [
        ({"increment_s": 0}, "at least 1 s"),
        ({"grace_s": -1}, "negative"),
        ({"connect_fee": D("-0.01")}, "negative"),
        ({"offpeak_price": D("-1")}, "negative"),
        ({"connect_fee": D("0.0000001")}, "6 decimal places"),
        ({"shrink_percent": D(-5)}, "negative"),
        ({"steps": tuple(RateStep(60 * n, D("0.01")) for n in range(1, 5))}, "at most 3"),
        ({"steps": (RateStep(120, D("0.01")), RateStep(60, D("0.02")))}, "increasing"),
        ({"steps": (RateStep(0, D("0.01")),)}, "increasing"),
        ({"steps": (RateStep(60, D("-0.01")),)}, "negative"),
        (
            {"valid_from": datetime(2025, 2, 1, tzinfo=UTC), "valid_until": datetime(2025, 1, 1, tzinfo=UTC)},
            "valid_until",
        ),
    ],
)
def test_impossible_rates_are_refused_with_the_prefix(terms: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=f"rate '44': .*{problem}"):
        Rate("44", "UK", D("0.10"), **terms)  # type: ignore[arg-type]


def test_band_prices_fall_back_holiday_weekend_offpeak_peak() -> None:
    peak_only = Rate("44", "UK", D("0.10"))
    assert {peak_only.band_price(band) for band in Band} == {D("0.10")}
    offpeak = Rate("44", "UK", D("0.10"), offpeak_price=D("0.05"))
    assert [offpeak.band_price(b) for b in Band] == [D("0.10"), D("0.05"), D("0.05"), D("0.05")]
    weekend = Rate("44", "UK", D("0.10"), offpeak_price=D("0.05"), weekend_price=D("0.02"))
    assert [weekend.band_price(b) for b in Band] == [D("0.10"), D("0.05"), D("0.02"), D("0.02")]
    holiday = Rate("44", "UK", D("0.10"), holiday_price=D("0.01"))
    assert [holiday.band_price(b) for b in Band] == [D("0.10"), D("0.10"), D("0.10"), D("0.01")]
