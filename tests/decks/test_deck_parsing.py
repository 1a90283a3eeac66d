"""Rate-deck parsing is pure: every layout gives the same rows, and a bad deck names every bad line."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from switch_service.decks import DeckError, parse_deck, read_deck, write_native

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
STARTS = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
COMMON = ("prefix", "destination", "price_per_minute", "initial_block_s", "increment_s", "connect_fee",
          "disconnect_fee", "min_cost", "valid_from", "valid_until")


@pytest.mark.parametrize("layout", ["a2billing", "astpp", "magnus"])
def test_every_layout_reads_into_the_same_rows(layout: str) -> None:
    detected = read_deck(DECKS / f"{layout}.csv", starts=STARTS)
    named = read_deck(DECKS / f"{layout}.csv", starts=STARTS, fmt=layout)
    assert detected.format == named.format == layout
    assert detected.rows == named.rows
    native = {row.prefix: row for row in read_deck(DECKS / "native.csv", starts=STARTS).rows}
    expected = [native[prefix]._replace(valid_until=None, min_cost=Decimal(0)) for prefix in ("1", "33", "44", "447")]
    assert [tuple(getattr(r, c) for c in COMMON) for r in detected.rows] == \
           [tuple(getattr(r, c) for c in COMMON) for r in expected]
    assert all(isinstance(r.price_per_minute, Decimal) for r in detected.rows)
    assert detected.lines == [2, 3, 4, 5]


def test_native_deck_reads_every_column() -> None:
    deck = read_deck(DECKS / "native.csv", starts=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    assert deck.format == "native"
    mobile = deck.rows[2]
    assert mobile.destination == "France, Mobile"
    assert (mobile.disconnect_threshold_s, mobile.disconnect_fee_percent) == (10, Decimal("2.5"))
    assert (mobile.step1_after_s, mobile.step1_price, mobile.step2_after_s) == (300, Decimal("0.08"), None)
    assert deck.rows[1].offpeak_price == Decimal("0.015")
    assert deck.rows[4].valid_until == dt.datetime(2026, 7, 1, tzinfo=dt.UTC)
    assert deck.rows[0].valid_from == STARTS  # the deck's own valid_from wins over `starts`


def test_writer_gives_back_the_native_file_byte_for_byte() -> None:
    original = (DECKS / "native.csv").read_bytes()
    deck = read_deck(DECKS / "native.csv", starts=STARTS)
    out = io.StringIO()
    assert write_native(deck.rows, out) == 5
    assert out.getvalue().encode() == original


def test_bad_deck_lists_every_bad_line() -> None:
    with pytest.raises(DeckError) as caught:
        read_deck(DECKS / "bad.csv", starts=STARTS)
    problems = caught.value.problems
    assert problems[0] == "line 1: unknown column 'rounding' for the native layout"
    by_line = {p.split(":")[0]: p for p in problems[1:]}
    assert set(by_line) == {"line 3", "line 4", "line 5", "line 6", "line 7"}
    assert "bad prefix '44a'" in by_line["line 3"]
    assert "price_per_minute '-0.01' is negative" in by_line["line 4"]
    assert "increment_s '0' must be at least 1" in by_line["line 5"]
    assert "duplicate prefix 44 (also on line 2)" in by_line["line 6"]
    assert "7 fields, the header has 6" in by_line["line 7"]
    assert "line 3:" in str(caught.value) and "nothing imported" in str(caught.value)


@pytest.mark.parametrize(("cell", "problem"), [
    ("0.0000001", "line 2: price_per_minute '0.0000001' has more than 6 decimal places"),
    ("1e-3", "line 2: price_per_minute '1e-3' is not a decimal number"),
    ("NaN", "line 2: price_per_minute 'NaN' is not a decimal number"),
    ("", "line 2: price_per_minute is empty"),
])
def test_rates_are_exact_decimals(cell: str, problem: str) -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck(["prefix,price_per_minute\n", f"44,{cell}\n"], starts=STARTS)
    assert caught.value.problems == [problem]


def test_trailing_zeros_beyond_six_places_are_fine_and_deck_starts_default() -> None:
    deck = parse_deck(["prefix,price_per_minute\n", "44,0.01000000\n"], starts=STARTS)
    assert deck.rows[0].price_per_minute == Decimal("0.01")
    assert deck.rows[0].valid_from == STARTS and deck.rows[0].initial_block_s == 60


def test_astpp_included_seconds_without_equivalent_are_refused() -> None:
    lines = ["pattern,comment,connectcost,includedseconds,cost,init_inc,inc\n", "^44.*,UK,0,30,0.01,60,60\n"]
    with pytest.raises(DeckError, match="includedseconds '30' has no equivalent"):
        parse_deck(lines, starts=STARTS)


def test_unrecognised_header_asks_for_format() -> None:
    with pytest.raises(DeckError, match="--format"):
        parse_deck(["code,price\n", "44,0.1\n"], starts=STARTS)


def test_the_disconnect_fee_rule_is_a_native_column_with_todays_rule_by_default() -> None:
    deck = parse_deck(["prefix,price_per_minute,disconnect_fee,disconnect_threshold_s,disconnect_fee_rule\n",
                       "44,0.1,0.03,10,from_threshold\n", "33,0.1,0.03,10,\n", "1,0.1,0,0,below_threshold\n"],
                      starts=STARTS)
    assert [row.disconnect_fee_rule for row in deck.rows] == ["from_threshold", "below_threshold", "below_threshold"]
    with pytest.raises(DeckError) as caught:
        parse_deck(["prefix,price_per_minute,disconnect_fee_rule\n", "44,0.1,unless_short\n"], starts=STARTS)
    assert caught.value.problems == [
        "line 2: disconnect_fee_rule 'unless_short' is not one of below_threshold, from_threshold"]


def test_a2billing_disconnect_charge_after_is_its_threshold_with_the_fee_from_it() -> None:
    """A2Billing charges `disconnectcharge` unless the call is shorter than `disconnectcharge_after`."""
    deck = parse_deck(["dialprefix;rateinitial;disconnectcharge;disconnectcharge_after\n", "44;0.1;0.05;20\n",
                       "33;0.1;0.05;0\n"], starts=STARTS)
    assert [(row.disconnect_fee, row.disconnect_threshold_s, row.disconnect_fee_rule) for row in deck.rows] == [
        (Decimal("0.05"), 20, "from_threshold"), (Decimal("0.05"), 0, "from_threshold")]
