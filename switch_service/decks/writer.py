"""The native layout written back: one canonical text per value, so import -> export is byte-identical.

Decimals without trailing zeros ("0.0123", "1", "0"), times as `YYYY-MM-DDTHH:MM:SSZ`, empty for none,
every native column in `NATIVE_COLUMNS` order, `\\n` line ends.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TextIO

from switch_service.decks.formats import NATIVE_COLUMNS


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text or "0"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat() + "Z"
    return str(value)


def format_row(row: Iterable[Any]) -> list[str]:
    return [format_value(value) for value in row]


def write_native(rows: Iterable[Iterable[Any]], out: TextIO) -> int:
    """Write the header and the rows (each in `NATIVE_COLUMNS` order); returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NATIVE_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(format_row(row))
        count += 1
    return count
