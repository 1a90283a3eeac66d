"""Longest-prefix lookup with dated versions, checked by hand and against a brute-force reference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switch_service.billing.prefix_index import PrefixIndex

MIDNIGHT = datetime(2025, 7, 1, tzinfo=UTC)
BEFORE = MIDNIGHT - timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class Priced:
    name: str
    valid_from: datetime | None = None
    valid_until: datetime | None = None


def index(*entries: tuple[str, Priced]) -> PrefixIndex[Priced]:
    return PrefixIndex(entries)


def test_longest_prefix_wins() -> None:
    deck = index(("44", Priced("UK")), ("447", Priced("UK mobile")), ("4477", Priced("UK mobile 77")))
    assert deck.lookup("447712345678", MIDNIGHT) == Priced("UK mobile 77")
    assert deck.lookup("447612345678", MIDNIGHT) == Priced("UK mobile")
    assert deck.lookup("442079460958", MIDNIGHT) == Priced("UK")
    assert deck.lookup("33123456789", MIDNIGHT) is None
    assert deck.lookup("4", MIDNIGHT) is None
    assert len(deck) == 3


def test_new_deck_takes_over_at_midnight() -> None:
    old, new = Priced("old"), Priced("new", valid_from=MIDNIGHT)
    deck = index(("44", old), ("44", new))
    assert deck.lookup("442079460958", BEFORE) is old
    assert deck.lookup("442079460958", MIDNIGHT) is new


def test_prefix_starting_tomorrow_does_not_hide_todays_shorter_one() -> None:
    deck = index(("44", Priced("UK")), ("447", Priced("UK mobile", valid_from=MIDNIGHT)))
    assert deck.lookup("447712345678", BEFORE) == Priced("UK")
    assert deck.lookup("447712345678", MIDNIGHT) == Priced("UK mobile", valid_from=MIDNIGHT)


def test_expired_prefix_falls_back_to_a_shorter_one() -> None:
    deck = index(("44", Priced("UK")), ("447", Priced("UK mobile", valid_until=MIDNIGHT)))
    assert deck.lookup("447712345678", BEFORE) == Priced("UK mobile", valid_until=MIDNIGHT)
    assert deck.lookup("447712345678", MIDNIGHT) == Priced("UK")


def test_an_expired_newest_version_does_not_revive_an_older_one() -> None:
    closed = Priced("withdrawn", valid_from=MIDNIGHT, valid_until=MIDNIGHT + timedelta(days=1))
    deck = index(("44", Priced("UK")), ("44", closed))
    assert deck.lookup("4420", MIDNIGHT + timedelta(days=2)) is None


def test_two_versions_starting_together_are_refused() -> None:
    with pytest.raises(ValueError, match="'44'"):
        index(("44", Priced("a", valid_from=MIDNIGHT)), ("44", Priced("b", valid_from=MIDNIGHT)))
    with pytest.raises(ValueError, match="'44'"):
        index(("44", Priced("a")), ("44", Priced("b")))


@pytest.mark.parametrize("prefix", ["", "44a", "+44", "٤٤"])
def test_prefixes_must_be_ascii_digits(prefix: str) -> None:
    with pytest.raises(ValueError, match="ASCII digits"):
        index((prefix, Priced("x")))


DAYS = [MIDNIGHT + timedelta(days=n) for n in range(4)]
versions = st.builds(
    Priced,
    st.text("xyz", min_size=1, max_size=3),
    st.none() | st.sampled_from(DAYS[:3]),
    st.none() | st.sampled_from(DAYS[1:]),
).filter(lambda v: v.valid_from is None or v.valid_until is None or v.valid_from < v.valid_until)
decks = st.dictionaries(
    st.text("123", min_size=1, max_size=5),
    st.lists(versions, min_size=1, max_size=3, unique_by=lambda v: v.valid_from),
    max_size=40,
)


def brute_force(deck: dict[str, list[Priced]], number: str, at: datetime) -> Priced | None:
    """Every prefix of the number, longest first; per prefix the latest-starting version that has started."""
    for length in range(len(number), 0, -1):
        started = [v for v in deck.get(number[:length], []) if v.valid_from is None or v.valid_from <= at]
        if started:
            latest = max(started, key=lambda v: v.valid_from or datetime.min.replace(tzinfo=UTC))
            if latest.valid_until is None or at < latest.valid_until:
                return latest
    return None


@settings(max_examples=200, derandomize=True, deadline=None)
@given(decks, st.lists(st.text("123", max_size=7), max_size=20), st.sampled_from([*DAYS, BEFORE]))
def test_lookup_equals_brute_force(deck: dict[str, list[Priced]], numbers: list[str], at: datetime) -> None:
    built = PrefixIndex((prefix, version) for prefix, found in deck.items() for version in found)
    for number in numbers + list(deck):
        assert built.lookup(number, at) == brute_force(deck, number, at)
