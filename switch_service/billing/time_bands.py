"""Time bands (peak, off-peak, weekend, holiday) in the account's time zone, walked boundary by boundary.

Rating a call that crosses bands must not loop per second (CGRateS #397 spun the CPU there): `band_segments`
jumps from one band change to the next, so a 10-hour call costs a handful of steps. Each weekday's bands are
compiled once into sorted runs; a DST change inside a run is found by bisection on the UTC offset, so wall-clock
boundaries stay right on the 23- and 25-hour days.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from itertools import pairwise

DAY_S = 86_400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


class Band(StrEnum):
    PEAK = "peak"
    OFF_PEAK = "offpeak"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"


def _second_of_day(at: time) -> int:
    return at.hour * 3600 + at.minute * 60 + at.second


@dataclass(frozen=True, slots=True)
class BandRange:
    """`band` applies on `days` (0 = Monday) from `start` until `end` (exclusive, local wall time).

    `end` = 00:00 means midnight at the end of the day, so 00:00-00:00 is the whole day. A range that runs past
    midnight is written as two ranges (22:00-00:00 and 00:00-07:00 on the next days).
    """

    band: Band
    days: frozenset[int]
    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.days <= frozenset(range(7)):
            raise ValueError(f"weekdays must be 0 (Monday) to 6: {sorted(self.days)}")
        if self.end != time(0) and self.end <= self.start:
            raise ValueError(f"band range ends before it starts: {self.start}-{self.end}")

    @property
    def seconds(self) -> tuple[int, int]:
        """Start and end as seconds of the day, midnight at the end being 86400."""
        end = _second_of_day(self.end)
        return _second_of_day(self.start), end if end else DAY_S


@dataclass(frozen=True, slots=True)
class _DayPlan:
    """One day's bands as sorted runs: run i is `bands[i]` from `starts[i]` until `ends[i]` (seconds of day)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    bands: tuple[Band, ...]


def _compile_day(ranges: list[BandRange], default: Band) -> _DayPlan:
    """The first range (in schedule order) that covers a second decides its band; adjacent equal bands merge."""
    cuts = sorted({0, DAY_S, *(edge for band_range in ranges for edge in band_range.seconds)})
    starts: list[int] = []
    ends: list[int] = []
    bands: list[Band] = []
    for lo, hi in pairwise(cuts):
        band = next((r.band for r in ranges if r.seconds[0] <= lo < r.seconds[1]), default)
        if bands and bands[-1] == band:
            ends[-1] = hi
        else:
            starts.append(lo)
            ends.append(hi)
            bands.append(band)
    return _DayPlan(tuple(starts), tuple(ends), tuple(bands))


@dataclass(frozen=True, slots=True)
class BandSchedule:
    """Which band applies at a local wall time: holidays (whole local days) first, then the first matching range,
    else `default_band`."""

    ranges: tuple[BandRange, ...]
    holidays: frozenset[date] = frozenset()
    default_band: Band = Band.OFF_PEAK
    holiday_band: Band = Band.HOLIDAY
    _plans: tuple[_DayPlan, ...] = field(init=False, repr=False, compare=False)
    _holiday_days: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        days = [_compile_day([r for r in self.ranges if day in r.days], self.default_band) for day in range(7)]
        holiday = _DayPlan((0,), (DAY_S,), (self.holiday_band,))
        object.__setattr__(self, "_plans", (*days, holiday))
        object.__setattr__(self, "_holiday_days", frozenset(day.toordinal() - _EPOCH_ORDINAL for day in self.holidays))

    @classmethod
    def peak_hours(
        cls,
        peak_days: frozenset[int] = frozenset(range(5)),
        peak_start: time = time(8),
        peak_end: time = time(20),
        weekend_days: frozenset[int] = frozenset({5, 6}),
        holidays: frozenset[date] = frozenset(),
    ) -> BandSchedule:
        """The usual shape (and the store's columns): peak hours on working days, whole weekend days, off-peak
        otherwise. A day listed in both is a weekend day."""
        weekend = BandRange(Band.WEEKEND, weekend_days, time(0), time(0))
        peak = BandRange(Band.PEAK, peak_days, peak_start, peak_end)
        return cls((weekend, peak), holidays)

    def band_at(self, local: datetime) -> Band:
        """The band at a local wall time (naive, or aware in the account's zone)."""
        day = local.toordinal() - _EPOCH_ORDINAL
        plan = self._plans[7 if day in self._holiday_days else (day + 3) % 7]
        second = local.hour * 3600 + local.minute * 60 + local.second
        return plan.bands[bisect_right(plan.starts, second) - 1]


def _first_offset_change(zone: tzinfo, after: int, until: int, offset: timedelta | None) -> int:
    """The first POSIX second in (after, until] whose UTC offset differs from `offset` (one exists at `until`)."""
    while until - after > 1:
        middle = (after + until) // 2
        if datetime.fromtimestamp(middle, zone).utcoffset() == offset:
            after = middle
        else:
            until = middle
    return until


def band_segments(schedule: BandSchedule, zone: tzinfo, t0: int, lo: int, hi: int) -> list[tuple[int, int, Band]]:
    """Split the call seconds [lo, hi), counted from POSIX second `t0`, into (lo, hi, band) runs of one band.

    Second i belongs to the band at instant t0 + i in `zone`. One step per band change, local midnight or DST
    change: the local time is worked out once per step, and a DST change inside a step is found by bisection.
    """
    segments: list[tuple[int, int, Band]] = []
    t = t0 + lo
    end = t0 + hi
    fixed = isinstance(zone, timezone)
    plans = schedule._plans
    holidays = schedule._holiday_days
    while t < end:
        offset = datetime.fromtimestamp(t, zone).utcoffset()
        shift = offset.days * DAY_S + offset.seconds if offset is not None else 0
        local_day, second = divmod(t + shift, DAY_S)
        plan = plans[7 if local_day in holidays else (local_day + 3) % 7]
        run = bisect_right(plan.starts, second) - 1
        stop = min(t + plan.ends[run] - second, end)
        if not fixed and stop - t > 1 and datetime.fromtimestamp(stop - 1, zone).utcoffset() != offset:
            stop = _first_offset_change(zone, t, stop - 1, offset)
        segments.append((t - t0, stop - t0, plan.bands[run]))
        t = stop
    return segments
