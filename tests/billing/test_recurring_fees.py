"""Recurring fees due between two instants: weekly maintenance, monthly DID rent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switch_service.billing.periods import Period
from switch_service.billing.recurring_fees import FeeDue, RecurringFee, fees_due, next_due_after

LONDON = ZoneInfo("Europe/London")
MAINTENANCE = RecurringFee("maintenance", Decimal("0.50"), Period.WEEKLY, datetime(2025, 1, 6, 0, tzinfo=UTC))
DID = RecurringFee("DID +44 20 7946 0958", Decimal("2.00"), Period.MONTHLY, datetime(2025, 1, 31, 9, tzinfo=UTC))


def test_weekly_and_monthly_fees_in_a_month() -> None:
    due = fees_due([MAINTENANCE, DID], datetime(2025, 2, 1, tzinfo=UTC), datetime(2025, 3, 1, tzinfo=UTC), UTC)
    assert due == (
        FeeDue("maintenance", datetime(2025, 2, 3, tzinfo=UTC), Decimal("0.50")),
        FeeDue("maintenance", datetime(2025, 2, 10, tzinfo=UTC), Decimal("0.50")),
        FeeDue("maintenance", datetime(2025, 2, 17, tzinfo=UTC), Decimal("0.50")),
        FeeDue("maintenance", datetime(2025, 2, 24, tzinfo=UTC), Decimal("0.50")),
        FeeDue("DID +44 20 7946 0958", datetime(2025, 2, 28, 9, tzinfo=UTC), Decimal("2.00")),
    )


def test_window_is_after_exclusive_until_inclusive() -> None:
    monday = datetime(2025, 2, 3, tzinfo=UTC)
    assert fees_due([MAINTENANCE], monday - timedelta(seconds=1), monday, UTC)[0].due_at == monday
    assert fees_due([MAINTENANCE], monday, monday + timedelta(days=6), UTC) == ()


def test_nothing_is_due_before_the_first_due_date() -> None:
    assert fees_due([DID], datetime(2024, 1, 1, tzinfo=UTC), datetime(2025, 1, 30, tzinfo=UTC), UTC) == ()


def test_weekly_fee_keeps_its_local_time_over_dst() -> None:
    fee = RecurringFee("maintenance", Decimal(1), Period.WEEKLY, datetime(2025, 3, 24, 9, tzinfo=LONDON))
    due = fees_due([fee], datetime(2025, 3, 25, tzinfo=UTC), datetime(2025, 4, 1, tzinfo=UTC), LONDON)
    assert [item.due_at for item in due] == [datetime(2025, 3, 31, 8, tzinfo=UTC)]  # 09:00 BST


def test_first_due_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        RecurringFee("x", Decimal(1), Period.DAILY, datetime(2025, 1, 1))


instants = st.integers(0, 400 * 86_400).map(lambda s: datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=s))


@settings(max_examples=100, derandomize=True, deadline=None)
@given(st.lists(instants, min_size=3, max_size=3).map(sorted), st.sampled_from(list(Period)))
def test_back_to_back_runs_charge_each_occurrence_once(cuts: list[datetime], period: Period) -> None:
    fee = RecurringFee("fee", Decimal(1), period, datetime(2025, 1, 31, 9, tzinfo=UTC))
    first, second, third = cuts
    split = fees_due([fee], first, second, LONDON) + fees_due([fee], second, third, LONDON)
    assert split == fees_due([fee], first, third, LONDON)


def test_next_due_keeps_the_anchor_day_after_a_short_month() -> None:
    assert next_due_after(DID, datetime(2025, 1, 1, tzinfo=UTC), UTC) == datetime(2025, 1, 31, 9, tzinfo=UTC)
    assert next_due_after(DID, datetime(2025, 2, 28, 9, tzinfo=UTC), UTC) == datetime(2025, 3, 31, 9, tzinfo=UTC)
    monday = datetime(2025, 2, 3, tzinfo=UTC)
    assert next_due_after(MAINTENANCE, monday - timedelta(microseconds=1), UTC) == monday
    assert next_due_after(MAINTENANCE, monday, UTC) == monday + timedelta(days=7)
