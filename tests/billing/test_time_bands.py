"""Band schedules: compiled day plans, boundary walking (never per second), DST days in the account's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switch_service.billing.rating import posix_seconds
from switch_service.billing.time_bands import Band, BandRange, BandSchedule, band_segments

LONDON = ZoneInfo("Europe/London")
EVERY_DAY = frozenset(range(7))
P, OFF, W, H = Band.PEAK, Band.OFF_PEAK, Band.WEEKEND, Band.HOLIDAY


def segments(schedule: BandSchedule, start: datetime, seconds: int) -> list[tuple[int, int, Band]]:
    return list(band_segments(schedule, LONDON, posix_seconds(start), 0, seconds))


@pytest.mark.parametrize(
    ("local", "band"),
    [
        (datetime(2025, 6, 11, 7, 59, 59), OFF),
        (datetime(2025, 6, 11, 8, 0), P),
        (datetime(2025, 6, 11, 19, 59, 59), P),
        (datetime(2025, 6, 11, 20, 0), OFF),
        (datetime(2025, 6, 14, 12, 0), W),
        (datetime(2025, 12, 25, 12, 0), H),
    ],
)
def test_band_at_local_times(local: datetime, band: Band) -> None:
    schedule = BandSchedule.peak_hours(holidays=frozenset({date(2025, 12, 25)}))
    assert schedule.band_at(local) is band


def test_first_matching_range_wins_and_midnight_ends_a_range() -> None:
    night = BandRange(OFF, EVERY_DAY, time(22), time(0))
    day = BandRange(P, EVERY_DAY, time(6), time(23))
    schedule = BandSchedule((night, day), default_band=W)
    assert [schedule.band_at(datetime(2025, 6, 11, h)) for h in (3, 6, 21, 22, 23)] == [W, P, P, OFF, OFF]


@pytest.mark.parametrize(
    ("days", "start", "end"),
    [(frozenset({7}), time(1), time(2)), (EVERY_DAY, time(9), time(8)), (EVERY_DAY, time(9), time(9))],
)
def test_bad_ranges_are_refused(days: frozenset[int], start: time, end: time) -> None:
    with pytest.raises(ValueError):
        BandRange(P, days, start, end)


def test_a_crossing_gives_two_segments_at_the_wall_clock_boundary() -> None:
    start = datetime(2025, 6, 11, 6, 58, tzinfo=UTC)  # 07:58 BST
    assert segments(BandSchedule.peak_hours(), start, 300) == [(0, 120, OFF), (120, 300, P)]


def test_a_week_long_walk_takes_a_few_steps_per_day() -> None:
    start = datetime(2025, 6, 9, tzinfo=UTC)
    assert len(segments(BandSchedule.peak_hours(), start, 7 * 86_400)) <= 7 * 4


def test_spring_forward_boundary_in_the_missing_hour() -> None:
    """30 Mar 2025: 01:00 GMT jumps to 02:00 BST. Peak until 01:30 local, which never happens: peak ends at the
    jump (01:00 UTC)."""
    schedule = BandSchedule((BandRange(P, EVERY_DAY, time(0), time(1, 30)),))
    start = datetime(2025, 3, 30, 0, 30, tzinfo=UTC)
    assert segments(schedule, start, 3600) == [(0, 1800, P), (1800, 3600, OFF)]


def test_fall_back_repeats_the_local_hour() -> None:
    """26 Oct 2025: 02:00 BST falls back to 01:00 GMT, so 01:00-01:30 local (peak) happens twice."""
    schedule = BandSchedule((BandRange(P, EVERY_DAY, time(1), time(1, 30)),))
    start = datetime(2025, 10, 25, 23, 30, tzinfo=UTC)  # 00:30 BST
    assert segments(schedule, start, 3 * 3600) == [
        (0, 1800, OFF),
        (1800, 3600, P),
        (3600, 5400, OFF),
        (5400, 7200, P),
        (7200, 10800, OFF),
    ]


TRANSITIONS = [datetime(2025, 3, 30, 1, tzinfo=UTC), datetime(2025, 10, 26, 1, tzinfo=UTC)]
minutes = st.integers(0, 24 * 60)


@settings(max_examples=25, derandomize=True, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(list(Band)), minutes, minutes), max_size=4),
    st.sampled_from(TRANSITIONS),
    st.integers(-7200, 3600),
    st.integers(1, 7200),
)
def test_segments_equal_a_per_second_reference(
    spans: list[tuple[Band, int, int]], transition: datetime, offset: int, seconds: int
) -> None:
    ranges = []
    for band, a, b in spans:
        lo, hi = sorted((a, b))
        if lo < hi < 24 * 60 + 1 and lo < 24 * 60:
            ranges.append(BandRange(band, EVERY_DAY, time(lo // 60, lo % 60), time(hi // 60 % 24, hi % 60)))
    schedule = BandSchedule(tuple(ranges), frozenset({date(2025, 10, 26)}))
    start = transition + timedelta(seconds=offset)
    walked = segments(schedule, start, seconds)
    assert [lo for lo, _, _ in walked] == [0] + [hi for _, hi, _ in walked[:-1]]
    assert walked[-1][1] == seconds
    expected = [schedule.band_at((start + timedelta(seconds=i)).astimezone(LONDON)) for i in range(seconds)]
    got = [band for lo, hi, band in walked for _ in range(lo, hi)]
    assert got == expected
