"""Recurring fees (weekly maintenance, monthly DID rent, package fees): which fall due between two instants.

Pure: the store remembers when it last charged; `fees_due(fees, last_run, now, tz)` says what to charge now.
Windows are half-open, (after, until], so back-to-back runs never charge one occurrence twice or skip one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from itertools import takewhile

from switch_service.billing.periods import Period, nth_occurrence, periods_between


@dataclass(frozen=True, slots=True)
class RecurringFee:
    """`amount` every `period` from `first_due` on, at the same local wall time (and weekday or day of month)."""

    name: str
    amount: Decimal
    period: Period
    first_due: datetime

    def __post_init__(self) -> None:
        if self.first_due.utcoffset() is None:
            raise ValueError(f"fee {self.name!r}: first_due must be timezone-aware")


@dataclass(frozen=True, slots=True)
class FeeDue:
    name: str
    due_at: datetime
    amount: Decimal


def _occurrences(fee: RecurringFee, after: datetime, tz: tzinfo) -> Iterator[FeeDue]:
    """Every occurrence of `fee` after `after`, in order (endless)."""
    first = fee.first_due.astimezone(tz).date()
    n = max(0, periods_between(fee.period, first, after.astimezone(tz).date()) - 1)
    due = nth_occurrence(fee.period, fee.first_due, n, tz)
    while due <= after:
        n += 1
        due = nth_occurrence(fee.period, fee.first_due, n, tz)
    while True:
        yield FeeDue(fee.name, due, fee.amount)
        n += 1
        due = nth_occurrence(fee.period, fee.first_due, n, tz)


def fees_due(fees: Iterable[RecurringFee], after: datetime, until: datetime, tz: tzinfo) -> tuple[FeeDue, ...]:
    """Every occurrence of every fee in (after, until], in time order; periods count in the account's zone `tz`."""
    due = [item for fee in fees for item in takewhile(lambda item: item.due_at <= until, _occurrences(fee, after, tz))]
    return tuple(sorted(due, key=lambda item: (item.due_at, item.name)))


def next_due_after(fee: RecurringFee, after: datetime, tz: tzinfo) -> datetime:
    """The fee's first occurrence strictly after `after` (its first due date when that is later)."""
    return next(_occurrences(fee, after, tz)).due_at
