"""Cisco VSA conventions, pure."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from switch_service.aaa import cisco
from switch_service.aaa.cisco import ReturnCode


def test_return_codes_are_the_cisco_numbers() -> None:
    assert [code.value for code in ReturnCode] == list(range(15))
    assert ReturnCode.INVALID_ACCOUNT == 1 and ReturnCode.INSUFFICIENT_BALANCE == 12
    assert ReturnCode.INVALID_CARD == 14 and ReturnCode.TOLL_FREE == 13


def test_values_repeat_their_name() -> None:
    assert cisco.build_value("h323-credit-time", 120) == "h323-credit-time=120"
    assert cisco.build_value("h323-return-code", ReturnCode.ZERO_BALANCE) == "h323-return-code=4"
    assert cisco.parse_value("h323-credit-time", "h323-credit-time=120") == "120"
    assert cisco.parse_value("h323-credit-time", " H323-Credit-Time=120 ") == "120"
    assert cisco.parse_value("h323-conf-id", "3F2A 1B4C") == "3F2A 1B4C"  # bare value accepted


@given(st.sampled_from(["h323-credit-time", "h323-conf-id", "h323-currency"]),
       st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60).map(str.strip))
def test_value_round_trip(name: str, value: str) -> None:
    assert cisco.parse_value(name, cisco.build_value(name, value)) == value


def test_avpairs() -> None:
    assert cisco.build_avpair("call-id", "a@b") == "call-id=a@b"
    assert cisco.parse_avpair("Call-ID=a=b@c") == ("call-id", "a=b@c")
    assert cisco.parse_avpair("h323-ivr-out#x") == ("h323-ivr-out", "x")
    assert cisco.find_avpair(["junk", "xpgk-src=1", "call-id=abc@host"], "call-id") == "abc@host"
    assert cisco.find_avpair(["xpgk-src=1"], "call-id") is None
    with pytest.raises(ValueError):
        cisco.parse_avpair("no separator")
    with pytest.raises(ValueError):
        cisco.build_avpair("a=b", "c")


def test_time_both_ways() -> None:
    moment = dt.datetime(2024, 3, 5, 14, 3, 7, tzinfo=dt.UTC)
    assert cisco.format_time(moment) == "14:03:07.000 GMT Tue Mar 05 2024"
    assert cisco.parse_time("14:03:07.000 GMT Tue Mar 05 2024") == moment
    assert cisco.parse_time("*14:03:07.250 UTC Tue Mar 5 2024") == moment.replace(microsecond=250_000)
    assert cisco.parse_time(".14:03:07 GMT Tue Mar 05 2024") == moment
    paris = dt.timezone(dt.timedelta(hours=1))
    assert cisco.format_time(moment.astimezone(paris)) == "14:03:07.000 GMT Tue Mar 05 2024"


@pytest.mark.parametrize("text", ["", "14:03:07.000 PST Tue Mar 05 2024", "14:03:07.000 GMT Wed Mar 05 2024",
                                  "25:03:07.000 GMT Tue Mar 05 2024", "14:03 GMT Tue Mar 05 2024 extra",
                                  "14:03:07.000 GMT Tue Foo 05 2024"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        cisco.parse_time(text)


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        cisco.format_time(dt.datetime(2024, 3, 5))


@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)))
def test_time_round_trip_to_the_second(moment: dt.datetime) -> None:
    text = cisco.format_time(moment)
    assert cisco.parse_time(text) == moment.replace(microsecond=0)  # the house form always says .000
    assert text.endswith(f"{moment.year:04d}")


def test_disconnect_cause_is_hex_q850() -> None:
    assert cisco.parse_disconnect_cause("h323-disconnect-cause=10") == 16
    assert cisco.parse_disconnect_cause("1F") == 31
    assert cisco.format_disconnect_cause(16) == "h323-disconnect-cause=10"
    with pytest.raises(ValueError):
        cisco.parse_disconnect_cause("zz")
    with pytest.raises(ValueError):
        cisco.format_disconnect_cause(300)
