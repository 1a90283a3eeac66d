"""Calendar periods (daily, weekly, monthly) counted in the account's time zone, not in UTC.

A monthly fee due on the 31st falls on the last day of shorter months and is back on the 31st when the month has
one; a daily or weekly one keeps its local wall time across DST changes.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class Period(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


def zone_named(name: str) -> tzinfo:
    """The IANA zone `name`; UTC for an empty or unknown name (the API only stores known names)."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def period_start(period: Period, at: datetime, tz: tzinfo) -> datetime:
    """Start (in UTC) of the period holding `at`: local midnight, Monday 00:00 or the 1st of the month 00:00."""
    day = at.astimezone(tz).date()
    if period is Period.WEEKLY:
        day -= timedelta(days=day.weekday())
    elif period is Period.MONTHLY:
        day = day.replace(day=1)
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def periods_between(period: Period, first: date, later: date) -> int:
    """Whole periods from `first` to `later` by the calendar (months by month number, not by day count)."""
    if period is Period.MONTHLY:
        return (later.year - first.year) * 12 + later.month - first.month
    days = (later - first).days
    return days // 7 if period is Period.WEEKLY else days


def nth_occurrence(period: Period, anchor: datetime, n: int, tz: tzinfo) -> datetime:
    """The anchor moved `n` periods on in local time (UTC result); month days past a month's end clamp to it."""
    local = anchor.astimezone(tz)
    day = local.date()
    if period is Period.MONTHLY:
        year, month0 = divmod(day.month - 1 + n, 12)
        year += day.year
        day = date(year, month0 + 1, min(day.day, monthrange(year, month0 + 1)[1]))
    else:
        day += timedelta(days=n * (7 if period is Period.WEEKLY else 1))
    return datetime.combine(day, local.time(), tzinfo=tz).astimezone(UTC)
