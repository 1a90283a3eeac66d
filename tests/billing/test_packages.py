"""Free-minute packages: which package a call draws on, and how much is left."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from switch_service.billing.packages import FreeSeconds, Package, free_seconds_for
from switch_service.billing.periods import Period

UK_MOBILES = Package("UK mobiles", frozenset({"447"}), 6000, Period.MONTHLY)
EUROPE = Package("Europe", frozenset({"33", "34", "44", "49"}), 600, Period.WEEKLY)
AT = datetime(2025, 6, 11, 12, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def test_covers_by_prefix() -> None:
    assert UK_MOBILES.covers("447712345678")
    assert not UK_MOBILES.covers("442079460958")
    assert EUROPE.covers("33123456789")


def test_first_covering_package_with_seconds_left() -> None:
    found = free_seconds_for([UK_MOBILES, EUROPE], "447712345678", AT, LONDON, {"UK mobiles": 5000})
    assert found == FreeSeconds(UK_MOBILES, datetime(2025, 5, 31, 23, tzinfo=UTC), 1000)


def test_a_used_up_package_passes_to_the_next() -> None:
    found = free_seconds_for([UK_MOBILES, EUROPE], "447712345678", AT, LONDON, {"UK mobiles": 6000})
    assert found == FreeSeconds(EUROPE, datetime(2025, 6, 8, 23, tzinfo=UTC), 600)


def test_no_package_for_other_destinations() -> None:
    assert free_seconds_for([UK_MOBILES, EUROPE], "12125550100", AT, LONDON, {}) is None


def test_negative_free_seconds_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Package("bad", frozenset({"1"}), -1)
