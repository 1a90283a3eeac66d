"""Longest-prefix match over a whole tariff, in memory, with dated versions per prefix.

A dict keyed by prefix, probed from the longest prefix length present down to the shortest, costs one slice and
one hash lookup per distinct length (at most ~9 for real decks), whatever the deck size. A prefix with one version
(most of a deck) stores the value itself; only prefixes with several versions (a new deck loaded to start at
midnight) hold a tuple, newest first, which keeps a million-prefix deck small. The index is immutable: when the
tariff changes, build a new one and swap the reference.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Generic, Protocol, TypeVar


class Dated(Protocol):
    """Anything with a validity window: valid from `valid_from` (None = always) until `valid_until` (exclusive)."""

    @property
    def valid_from(self) -> datetime | None: ...

    @property
    def valid_until(self) -> datetime | None: ...


V = TypeVar("V", bound=Dated)


_BEGINNING = datetime.min.replace(tzinfo=UTC)


def _start(value: Dated) -> datetime:
    """Sort key: an undated version (always valid) sorts as the oldest."""
    return value.valid_from or _BEGINNING


class PrefixIndex(Generic[V]):
    """Prefix -> dated values; `lookup` returns the value of the longest prefix that is in force at an instant.

    For one prefix the version in force at t is the one with the latest `valid_from` <= t, unless its
    `valid_until` <= t. A prefix with no version in force at t is skipped, so a shorter prefix can match: a longer
    prefix added by tomorrow's deck does not hide today's shorter one.
    """

    __slots__ = ("_lengths", "_table")

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        """Build the index; raises ValueError on a prefix that is not ASCII digits or on two versions of one prefix
        starting at the same instant (an ambiguous deck is refused rather than half-loaded)."""
        table: dict[str, V | tuple[V, ...]] = {}
        for prefix, value in entries:
            if not (prefix.isdigit() and prefix.isascii()):
                raise ValueError(f"prefix must be ASCII digits: {prefix!r}")
            held = table.get(prefix)
            if held is None:
                table[prefix] = value
            elif isinstance(held, tuple):
                table[prefix] = (*held, value)
            else:
                table[prefix] = (held, value)
        for prefix, held in table.items():
            if isinstance(held, tuple):
                starts = [version.valid_from for version in held]
                if len(set(starts)) != len(starts):
                    raise ValueError(f"prefix {prefix!r} has two versions starting at the same time")
                table[prefix] = tuple(sorted(held, key=_start, reverse=True))
        self._table = table
        self._lengths = tuple(sorted({len(prefix) for prefix in table}, reverse=True))

    def __len__(self) -> int:
        """Number of distinct prefixes."""
        return len(self._table)

    def lookup(self, number: str, at: datetime) -> V | None:
        """The value of the longest prefix of `number` in force at `at` (timezone-aware), or None."""
        table = self._table
        size = len(number)
        for length in self._lengths:
            if length > size:
                continue
            held = table.get(number[:length])
            if held is None:
                continue
            if isinstance(held, tuple):
                for version in held:
                    start = version.valid_from
                    if start is None or start <= at:
                        until = version.valid_until
                        if until is None or at < until:
                            return version
                        break
                continue
            start = held.valid_from
            if start is None or start <= at:
                until = held.valid_until
                if until is None or at < until:
                    return held
        return None
