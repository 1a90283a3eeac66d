"""The one number rule (`switch_service.phone_numbers`): forms accepted, what bare digits are, bad numbers, and that
a key handed on with '+' reads back as itself."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from switch_service.number_keys import with_plus
from switch_service.phone_numbers import e164_digits, normalise_number, stored_number


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+44 20 7946 0958", "US", "442079460958"),
        ("0044 20 7946 0958", "US", "442079460958"),  # 00 is international even where NANP dials 011
        ("011 44 20 7946 0958", "US", "442079460958"),
        ("(212) 555-0100", "US", "12125550100"),
        ("020 7946 0958", "GB", "442079460958"),
        ("0044 20 7946 0958", "GB", "442079460958"),
        ("+39 06 1234 5678", "US", "390612345678"),  # Italian numbers keep their leading zero
        ("  +1.212.555.0100 ", "US", "12125550100"),
        # bare digits: a valid number of the region first, then valid international digits
        ("3055550101", "US", "13055550101"),  # the case: national at every door
        ("13055550101", "US", "13055550101"),
        ("442071234567", "US", "442071234567"),  # no US number: international digits
        ("4755123456", "US", "14755123456"),  # valid in both: the region's reading wins (a Norwegian key needs +)
        ("4755123456", "NO", "4755123456"),
        ("2071234567", "GB", "442071234567"),
        ("5557654321", "US", "15557654321"),  # no valid reading: possible in the region, a range not yet known
    ],
)
def test_accepted_forms(raw: str, region: str, expected: str) -> None:
    assert e164_digits(raw, region) == expected
    assert normalise_number(raw, region) == expected


@pytest.mark.parametrize("raw", ["", "abc", "12", "+44 12", "+1 212 555 010", "+999 1234567", "5551234"])
def test_bad_numbers_raise_naming_the_number(raw: str) -> None:
    with pytest.raises(ValueError, match="number") as caught:
        e164_digits(raw, "US")
    assert repr(raw) in str(caught.value)


@pytest.mark.parametrize(("raw", "key"), [
    (None, ""), ("", ""), ("anonymous", ""), ("alice", ""), ("611", "611"), ("+611", "611"), ("1000", "1000"),
    ("020 7946 0018", "02079460018"),  # no US number and no international one: its digits, not a guess
])
def test_what_is_no_number_keeps_its_digits_at_the_switch(raw: str | None, key: str) -> None:
    assert normalise_number(raw, "US") == key


def test_stored_rows_are_keys_as_they_are() -> None:
    assert stored_number("4755123456") == "4755123456"  # never read again as dialled
    assert stored_number("+1 888 555 0123") == "18885550123"
    assert stored_number(None) == ""


_REGIONS = st.sampled_from(["US", "GB", "NO", "SG", "DE", "FR", "AU", "IN"])


@given(text=st.text(alphabet="+0123456789 -()", max_size=18), region=_REGIONS, other=_REGIONS)
def test_a_key_handed_on_with_plus_reads_back_as_itself(text: str, region: str, other: str) -> None:
    """Why the switch sends '+': whatever a door made of a number, the next door, in any region, keeps it."""
    key = normalise_number(text, region)
    assert normalise_number(with_plus(key), other) == key
