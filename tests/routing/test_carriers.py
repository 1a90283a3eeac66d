"""Number manipulation: format, strip, tech prefix."""

from __future__ import annotations

import pytest
from routing_decks import carrier

from switch_service.phone_numbers import national_number
from switch_service.routing.carriers import NumberFormat, number_for_carrier, parse_codecs


def test_e164_unchanged() -> None:
    assert number_for_carrier("442079460000", carrier("Alpha")) == "442079460000"


def test_strip_digits_and_tech_prefix() -> None:
    assert number_for_carrier("442079460000", carrier("Alpha", strip_digits=2)) == "2079460000"
    assert number_for_carrier("442079460000", carrier("Alpha", tech_prefix="1234#")) == "1234#442079460000"
    assert number_for_carrier("442079460000", carrier("Alpha", strip_digits=2, tech_prefix="0")) == "02079460000"


def test_national_format_uk_and_us() -> None:
    national = carrier("Alpha", number_format=NumberFormat.NATIONAL)
    assert number_for_carrier("442079460000", national) == "02079460000"
    assert number_for_carrier("447700900123", national) == "07700900123"
    assert number_for_carrier("12025550105", national) == "2025550105"
    assert national_number("12025550105") == "2025550105"


def test_national_then_strip_then_prefix() -> None:
    uk = carrier("Alpha", number_format=NumberFormat.NATIONAL, strip_digits=1, tech_prefix="9#")
    assert number_for_carrier("442079460000", uk) == "9#2079460000"


def test_bad_settings_and_numbers() -> None:
    with pytest.raises(ValueError):
        carrier("Alpha", strip_digits=-1)
    with pytest.raises(ValueError):
        national_number("")
    assert parse_codecs("pcmu, PCMA,,g722") == frozenset({"PCMU", "PCMA", "G722"})
