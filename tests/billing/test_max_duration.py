"""Credit time: the longest affordable call, exactly affordable, and fast enough for RADIUS."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rating_strategies import contexts, rates

from switch_service.billing.max_duration import max_duration
from switch_service.billing.rates import DisconnectFeeRule, Rate, RateStep
from switch_service.billing.rating import RatingContext, call_gross
from switch_service.billing.taxes import Tax, TaxProfile
from switch_service.billing.time_bands import BandSchedule

D = Decimal
NOON = datetime(2025, 6, 11, 11, 0, tzinfo=UTC)
PER_SECOND = Rate("44", "UK", D("0.12"), initial_block_s=1, increment_s=1)  # 0.002 per second


@pytest.mark.parametrize(
    ("money", "rate", "context", "expected"),
    [
        (D("1.00"), PER_SECOND, RatingContext(), 500),
        (D("1.00"), Rate("44", "UK", D("0.12")), RatingContext(), 480),  # 60/60: 8 whole minutes
        (D("1.00"), Rate("44", "UK", D("0.12"), initial_block_s=30, increment_s=6), RatingContext(), 498),
        (D("1.00"), Rate("44", "UK", D("0.12"), 1, 1, connect_fee=D("0.10")), RatingContext(), 450),
        (D("1.20"), PER_SECOND, RatingContext(taxes=TaxProfile("vat", (Tax("VAT", D(20)),))), 500),
        (D("1.00"), PER_SECOND, RatingContext(free_seconds=100), 600),
        (D("0.00"), PER_SECOND, RatingContext(free_seconds=100), 100),
        (D("0.001"), PER_SECOND, RatingContext(), 0),
        (D("-5"), PER_SECOND, RatingContext(), 0),
        (D("1.00"), Rate("44", "UK", D("0.12"), 1, 1, shrink_percent=D(25)), RatingContext(), 400),
        # 60 s at 0.12 = 0.12, then 0.06/min: (1.00 - 0.12) / 0.001 = 880 more seconds.
        (D("1.00"), Rate("44", "UK", D("0.12"), 1, 1, steps=(RateStep(60, D("0.06")),)), RatingContext(), 940),
        (D("1000"), PER_SECOND, RatingContext(), 4 * 3600),  # the cap
    ],
    ids=["1/1", "60/60", "30/6", "connect fee", "exclusive tax", "free seconds first", "free seconds only",
         "not even one second", "in debt", "minute shrinking", "step", "capped"],
)  # fmt: skip
def test_examples(money: Decimal, rate: Rate, context: RatingContext, expected: int) -> None:
    assert max_duration(money, rate, NOON, context) == expected


def test_band_crossing_counts() -> None:
    """From 19:55 London: 300 s peak (0.60) then off-peak at 0.001/s: 0.40 left buys 400 s more."""
    banded = Rate("44", "UK", D("0.12"), 1, 1, offpeak_price=D("0.06"))
    context = RatingContext(tz=ZoneInfo("Europe/London"), bands=BandSchedule.peak_hours())
    start = datetime.combine(date(2025, 6, 11), time(19, 55), tzinfo=ZoneInfo("Europe/London"))
    assert max_duration(D("1.00"), banded, start, context) == 700


def test_disconnect_fee_threshold_is_searched_on_both_sides() -> None:
    """0.05 disconnect fee on calls under 30 s: 0.06 affords 5 s (0.01 + 0.05), or 30 s (0.06) with no fee."""
    rate = Rate("44", "UK", D("0.12"), 1, 1, disconnect_fee=D("0.05"), disconnect_threshold_s=30)
    assert max_duration(D("0.06"), rate, NOON) == 30
    assert max_duration(D("0.059"), rate, NOON) == 4


def test_a_fee_from_its_threshold_is_afforded_only_with_the_fee() -> None:
    """0.05 disconnect fee from 30 s on (A2Billing's rule): 29 s costs 0.058; 30 s costs 0.06 + 0.05 = 0.11."""
    rate = Rate("44", "UK", D("0.12"), 1, 1, disconnect_fee=D("0.05"), disconnect_threshold_s=30,
                disconnect_fee_rule=DisconnectFeeRule.FROM_THRESHOLD)
    assert max_duration(D("0.06"), rate, NOON) == 29
    assert max_duration(D("0.109"), rate, NOON) == 29
    assert max_duration(D("0.11"), rate, NOON) == 30
    assert max_duration(D("0.112"), rate, NOON) == 31


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    rates(with_threshold=True),
    contexts(),
    st.integers(-86_400, 86_400).map(lambda s: datetime(2025, 3, 30, 1, tzinfo=UTC) + timedelta(seconds=s)),
    st.decimals(0, 3, places=6),
)
def test_result_is_the_longest_affordable_call(
    rate: Rate, context: RatingContext, start: datetime, money: Decimal
) -> None:
    cap = 400
    found = max_duration(money, rate, start, context, cap_seconds=cap)
    affordable = [d for d in range(cap + 1) if call_gross(rate, start, d, context) <= money]
    assert found == max(affordable)
    assert call_gross(rate, start, found, context) <= money
    if found < cap:
        assert call_gross(rate, start, found + 1, context) > money
