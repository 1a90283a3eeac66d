"""Calendar periods in the account's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from switch_service.billing.periods import Period, nth_occurrence, period_start, periods_between

NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (Period.DAILY, datetime(2025, 3, 4, 5, tzinfo=UTC)),  # midnight EST
        (Period.WEEKLY, datetime(2025, 3, 3, 5, tzinfo=UTC)),  # Monday
        (Period.MONTHLY, datetime(2025, 3, 1, 5, tzinfo=UTC)),
    ],
)
def test_period_start_is_local_midnight(period: Period, expected: datetime) -> None:
    at = datetime(2025, 3, 5, 2, 30, tzinfo=UTC)  # still Tuesday 4 March in New York
    assert period_start(period, at, NEW_YORK) == expected


def test_periods_between_counts_calendar_periods() -> None:
    assert periods_between(Period.MONTHLY, date(2025, 1, 31), date(2025, 3, 1)) == 2
    assert periods_between(Period.WEEKLY, date(2025, 1, 1), date(2025, 1, 15)) == 2
    assert periods_between(Period.DAILY, date(2025, 1, 1), date(2025, 1, 15)) == 14


def test_month_days_clamp_to_the_month_end_and_come_back() -> None:
    anchor = datetime(2025, 1, 31, 10, tzinfo=UTC)
    days = [nth_occurrence(Period.MONTHLY, anchor, n, UTC).date() for n in range(4)]
    assert days == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)]


def test_local_wall_time_survives_dst() -> None:
    anchor = datetime(2025, 3, 1, 9, tzinfo=NEW_YORK)  # 09:00 EST
    after_dst = nth_occurrence(Period.WEEKLY, anchor, 2, NEW_YORK)  # 15 March, EDT
    assert after_dst == datetime(2025, 3, 15, 13, tzinfo=UTC)
    assert after_dst.astimezone(NEW_YORK).hour == 9
