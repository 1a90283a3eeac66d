"""Reading a rate deck: header mapping, value validation, and one list of every problem.

Values are parsed from their text (Decimal, never float). A deck is all or nothing: `parse_deck` either
returns every row or raises `DeckError` listing each bad row as `line N: reason`.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

from switch_service.decks.formats import FORMATS, NATIVE_COLUMNS, DeckFormat, detect_format
from switch_service.errors import UserError

MONEY_PLACES = 6  # NUMERIC(18,6): more places would be rounded by the database, so they are refused
PERCENT_PLACES = 4
MAX_PREFIX = 24
MAX_DESTINATION = 120
ZERO = Decimal(0)


class DeckRow(NamedTuple):
    """One rate, in the native column order (`NATIVE_COLUMNS`); money as Decimal, times aware UTC."""

    prefix: str
    destination: str
    price_per_minute: Decimal
    initial_block_s: int
    increment_s: int
    connect_fee: Decimal
    disconnect_fee: Decimal
    disconnect_threshold_s: int
    disconnect_fee_percent: Decimal
    disconnect_fee_rule: str
    min_duration_s: int
    min_cost: Decimal
    grace_s: int
    shrink_percent: Decimal
    step1_after_s: int | None
    step1_price: Decimal | None
    step2_after_s: int | None
    step2_price: Decimal | None
    step3_after_s: int | None
    step3_price: Decimal | None
    offpeak_price: Decimal | None
    weekend_price: Decimal | None
    holiday_price: Decimal | None
    valid_from: dt.datetime
    valid_until: dt.datetime | None


assert DeckRow._fields == NATIVE_COLUMNS


@dataclass
class Deck:
    format: str
    rows: list[DeckRow]
    lines: list[int]  # the CSV line of each row, for messages


class DeckError(UserError):
    """A refused deck; `problems` holds one `line N: reason` per bad row (line 1 is the header)."""

    def __init__(self, problems: list[str], source: str = "rate deck"):
        self.problems = problems
        count = len(problems)
        super().__init__(f"{source} refused, nothing imported ({count} problem{'s' if count != 1 else ''}):\n"
                         + "\n".join(f"  {problem}" for problem in problems))


class _BadValueError(ValueError):
    pass


_DECIMAL = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_ASTPP_PATTERN = re.compile(r"\^?(.*?)(?:\.\*|\.\+|\$)?")


def _decimal(text: str, places: int) -> Decimal:
    if text.startswith("-"):
        raise _BadValueError(f"{text!r} is negative")
    if not _DECIMAL.fullmatch(text):
        raise _BadValueError(f"{text!r} is not a decimal number")
    value = Decimal(text)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        rounded = value.quantize(Decimal(1).scaleb(-places))
        if rounded != value:
            raise _BadValueError(f"{text!r} has more than {places} decimal places")
        value = rounded
    return value


def _money(text: str) -> Decimal:
    return _decimal(text, MONEY_PLACES)


def _percent(text: str) -> Decimal:
    return _decimal(text, PERCENT_PLACES)


def _whole(text: str) -> int:
    if text.startswith("-"):
        raise _BadValueError(f"{text!r} is negative")
    if not text.isdigit():
        raise _BadValueError(f"{text!r} is not a whole number of seconds")
    return int(text)


def _positive(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise _BadValueError(f"{text!r} must be at least 1")
    return value


def _time(text: str) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _BadValueError(f"{text!r} is not an ISO date or time") from None
    return as_utc_seconds(stamp)


def as_utc_seconds(stamp: dt.datetime) -> dt.datetime:
    """Aware UTC, whole seconds (MariaDB DATETIME keeps no fraction; all backends then agree). Naive = UTC."""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC).replace(microsecond=0)


_RULES = ("below_threshold", "from_threshold")


def _rule(text: str) -> str:
    if text not in _RULES:
        raise _BadValueError(f"{text!r} is not one of {', '.join(_RULES)}")
    return text


def _destination(text: str) -> str:
    if len(text) > MAX_DESTINATION:
        raise _BadValueError(f"destination longer than {MAX_DESTINATION} characters")
    return text


def _prefix(text: str) -> str:
    if not text.isdigit() or not text.isascii():
        raise _BadValueError(f"bad prefix {text!r} (digits only)")
    if len(text) > MAX_PREFIX:
        raise _BadValueError(f"prefix {text!r} longer than {MAX_PREFIX} digits")
    return text


def _pattern_prefix(text: str) -> str:
    match = _ASTPP_PATTERN.fullmatch(text)
    return _prefix(match.group(1) if match else text)


_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "prefix": _prefix, "destination": _destination, "price_per_minute": _money, "initial_block_s": _positive,
    "increment_s": _positive, "connect_fee": _money, "disconnect_fee": _money, "disconnect_threshold_s": _whole,
    "disconnect_fee_percent": _percent, "disconnect_fee_rule": _rule, "min_duration_s": _whole, "min_cost": _money,
    "grace_s": _whole, "shrink_percent": _percent, "step1_after_s": _whole, "step1_price": _money,
    "step2_after_s": _whole, "step2_price": _money, "step3_after_s": _whole, "step3_price": _money,
    "offpeak_price": _money, "weekend_price": _money, "holiday_price": _money, "valid_from": _time,
    "valid_until": _time,
}
_DEFAULTS: dict[str, Any] = {
    "destination": "", "initial_block_s": 60, "increment_s": 60, "connect_fee": ZERO, "disconnect_fee": ZERO,
    "disconnect_threshold_s": 0, "disconnect_fee_percent": ZERO, "disconnect_fee_rule": "below_threshold",
    "min_duration_s": 0, "min_cost": ZERO, "grace_s": 0, "shrink_percent": ZERO,
}
_INDEX = {name: i for i, name in enumerate(NATIVE_COLUMNS)}
_STEPS = tuple((_INDEX[f"step{n}_after_s"], _INDEX[f"step{n}_price"], n) for n in (1, 2, 3))
_FROM, _UNTIL, _PREFIX = _INDEX["valid_from"], _INDEX["valid_until"], _INDEX["prefix"]


def sniff_delimiter(first_line: str) -> str:
    """A2Billing and MagnusBilling exports often use ';', the others ','."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def parse_deck(lines: Iterable[str], *, starts: dt.datetime, fmt: str | None = None,
               source: str = "rate deck") -> Deck:
    """Every row of the deck, or `DeckError` with every problem. `starts` fills an empty or absent valid_from."""
    iterator = iter(lines)
    first = next(iterator, None)
    if first is None:
        raise DeckError(["line 1: the file is empty (a header row is needed)"], source)
    reader = csv.reader(itertools.chain([first], iterator), delimiter=sniff_delimiter(first))
    header = [name.strip().lower() for name in next(reader)]
    layout = _layout(header, fmt, source)
    problems = _header_problems(header, layout)
    starts = as_utc_seconds(starts)

    template, plan, unsupported = _plan(header, layout, starts)
    required = [(header.index(name), name) for name in layout.required if name in header]

    rows: list[DeckRow] = []
    row_lines: list[int] = []
    seen: dict[tuple[str, dt.datetime], int] = {}
    width = len(header)
    for record in reader:
        line = reader.line_num
        if len(record) != width:
            if not any(cell.strip() for cell in record):
                continue  # blank line
            problems.append(f"line {line}: {len(record)} fields, the header has {width}")
            continue
        values = template.copy()
        reasons: list[str] = []
        _convert(record, plan, values, reasons)
        for position, name in required:
            if not record[position].strip():
                reasons.append(f"{name} is empty")
        for position, name in unsupported:
            text = record[position].strip()
            if text and not _is_zero(text):
                reasons.append(f"{name} {text!r} has no equivalent here (only empty or 0 accepted)")
        _cross_check(values, reasons)
        if not reasons and values[_PREFIX] is not None:
            key = (values[_PREFIX], values[_FROM])
            earlier = seen.get(key)
            if earlier is not None:
                reasons.append(f"duplicate prefix {key[0]} (also on line {earlier})")
            else:
                seen[key] = line
        if reasons:
            problems.append(f"line {line}: " + "; ".join(reasons))
            continue
        rows.append(DeckRow._make(values))
        row_lines.append(line)
    if problems:
        raise DeckError(problems, source)
    return Deck(layout.name, rows, row_lines)


_Plan = list[tuple[int, int, str, Callable[[str], Any], dict[str, Any] | None]]


def _plan(header: list[str], layout: DeckFormat, starts: dt.datetime) -> tuple[list[Any], _Plan, list[tuple[int, str]]]:
    """The default row, and per source column: its position, native index, converter and value cache."""
    template: list[Any] = [None] * len(NATIVE_COLUMNS)
    for name, value in {**_DEFAULTS, **layout.fixed}.items():
        template[_INDEX[name]] = value
    template[_FROM] = starts
    plan: _Plan = []
    unsupported: list[tuple[int, str]] = []
    for position, name in enumerate(header):
        if name in layout.columns:
            native = layout.columns[name]
            convert = _pattern_prefix if native == "prefix" and layout.pattern_prefix else _CONVERTERS[native]
            cache: dict[str, Any] | None = None if native == "prefix" else {}  # values repeat, prefixes do not
            plan.append((position, _INDEX[native], name, convert, cache))
        elif name in layout.unsupported:
            unsupported.append((position, name))
    return template, plan, unsupported


def _convert(record: list[str], plan: _Plan, values: list[Any], reasons: list[str]) -> None:
    for position, index, name, convert, cache in plan:
        text = record[position].strip()
        if not text:
            continue
        value = cache.get(text) if cache is not None else None
        if value is None:
            try:
                value = convert(text)
            except _BadValueError as exc:
                reasons.append(str(exc) if index == _PREFIX else f"{name} {exc}")
                continue
            if cache is not None:
                cache[text] = value
        values[index] = value


def _cross_check(values: list[Any], reasons: list[str]) -> None:
    for after, price, number in _STEPS:
        if (values[after] is None) != (values[price] is None):
            reasons.append(f"step{number}_after_s and step{number}_price go together")
    if values[_UNTIL] is not None and values[_UNTIL] <= values[_FROM]:
        reasons.append("valid_until is not after valid_from")


def read_deck(path: Path, *, starts: dt.datetime, fmt: str | None = None) -> Deck:
    """`parse_deck` on a file (UTF-8, a byte-order mark is skipped)."""
    enabled = gc.isenabled()
    gc.disable()  # a million rows of small objects, no cycles: the collector would only burn time
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return parse_deck(handle, starts=starts, fmt=fmt, source=f"rate deck {path}")
    except FileNotFoundError:
        raise UserError(f"rate deck {path} does not exist") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"rate deck {path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise UserError(f"rate deck {path} is not valid CSV: {exc}") from None
    finally:
        if enabled:
            gc.enable()


def _layout(header: list[str], fmt: str | None, source: str) -> DeckFormat:
    if fmt is not None:
        try:
            return FORMATS[fmt]
        except KeyError:
            raise UserError(f"unknown deck format {fmt!r}; known: {', '.join(FORMATS)}") from None
    layout = detect_format(header)
    if layout is None:
        raise DeckError([f"line 1: cannot tell the deck layout from the header {','.join(header)!r}; "
                         f"name it with --format ({'|'.join(FORMATS)})"], source)
    return layout


def _header_problems(header: list[str], layout: DeckFormat) -> list[str]:
    problems = [f"line 1: unknown column {name!r} for the {layout.name} layout"
                for name in header if not layout.known(name)]
    problems += [f"line 1: column {name!r} appears twice" for name in sorted(set(header))
                 if header.count(name) > 1]
    problems += [f"line 1: missing column {name!r}" for name in layout.required if name not in header]
    return problems


def _is_zero(text: str) -> bool:
    try:
        return Decimal(text) == 0
    except InvalidOperation:
        return False
