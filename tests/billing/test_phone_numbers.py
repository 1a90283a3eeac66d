"""E.164 normalisation of dialled numbers."""

from __future__ import annotations

import pytest

from switch_service.billing.phone_numbers import normalise_number


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
    ],
)
def test_accepted_forms(raw: str, region: str, expected: str) -> None:
    assert normalise_number(raw, region) == expected


@pytest.mark.parametrize("raw", ["", "abc", "12", "+44 12", "+1 212 555 010", "+999 1234567"])
def test_bad_numbers_raise_naming_the_number(raw: str) -> None:
    with pytest.raises(ValueError, match="number") as caught:
        normalise_number(raw)
    assert repr(raw) in str(caught.value)
