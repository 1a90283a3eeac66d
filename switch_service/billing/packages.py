"""Free-minute packages: free seconds per period for a destination group, spent before money.

The store keeps the seconds used per account, package and period start; this module says which package a call
draws on and how many seconds it still has. Rating then takes those seconds as the call's first seconds
(rating.py, rule 3) and reports in `Charge.free_seconds` how many to record as used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from switch_service.billing.periods import Period, period_start


@dataclass(frozen=True, slots=True)
class Package:
    """`free_seconds` per `period` for calls to numbers starting with one of `prefixes` (E.164 digits)."""

    name: str
    prefixes: frozenset[str]
    free_seconds: int
    period: Period = Period.MONTHLY
    _lengths: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.free_seconds < 0:
            raise ValueError(f"package {self.name!r}: free seconds cannot be negative")
        object.__setattr__(self, "_lengths", tuple(sorted({len(prefix) for prefix in self.prefixes})))

    def covers(self, number: str) -> bool:
        """Whether a call to `number` belongs to the package's destination group."""
        return any(number[:length] in self.prefixes for length in self._lengths)


@dataclass(frozen=True, slots=True)
class FreeSeconds:
    """Seconds a call may draw from `package` in the period starting at `period_start` (to record usage against)."""

    package: Package
    period_start: datetime
    seconds: int


def free_seconds_for(
    packages: Sequence[Package], number: str, at: datetime, tz: tzinfo, used: Mapping[str, int]
) -> FreeSeconds | None:
    """The first package (in the account's order) that covers `number` and has seconds left at `at`.

    `used` maps a package name to the seconds already used in its current period. A call draws on one package
    only; what it cannot cover is charged.
    """
    for package in packages:
        if package.covers(number):
            left = package.free_seconds - used.get(package.name, 0)
            if left > 0:
                return FreeSeconds(package, period_start(package.period, at, tz), left)
    return None
