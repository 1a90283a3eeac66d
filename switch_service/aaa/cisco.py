"""Cisco VoIP RADIUS conventions (vendor 9), pure: value strings, AV-pairs, times and return codes.

Cisco gateways put the attribute name inside the value (`h323-credit-time=120`) and carry other data as
`Cisco-AVPair` strings (`call-id=...`). Times use `%H:%M:%S.000 GMT %a %b %d %Y`; a gateway whose clock
is not synchronised prefixes the time with `*` (or `.` when it was synchronised once).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

VENDOR_ID = 9


class ReturnCode(enum.IntEnum):
    """h323-return-code values a gateway acts on (announcements, retries)."""

    OK = 0
    INVALID_ACCOUNT = 1
    INVALID_PIN = 2
    IN_USE = 3
    ZERO_BALANCE = 4
    EXPIRED = 5
    CREDIT_LIMIT = 6
    DENIED = 7
    UNAVAILABLE = 8
    BLOCKED_NUMBER = 9
    RETRIES_EXCEEDED = 10
    INVALID_ARGUMENT = 11
    INSUFFICIENT_BALANCE = 12
    TOLL_FREE = 13
    INVALID_CARD = 14


class BillingModel(enum.IntEnum):
    """h323-billing-model: 0 credit (post-paid), 1 debit (prepaid)."""

    CREDIT = 0
    DEBIT = 1


def build_value(name: str, value: object) -> str:
    """`h323-credit-time`, 120 → `h323-credit-time=120`."""
    text = str(int(value)) if isinstance(value, enum.IntEnum) else str(value)
    return f"{name}={text}"


def parse_value(name: str, raw: str) -> str:
    """The value of a Cisco VSA without its `name=` prefix.

    Some gateways send the bare value; that is accepted as it is. Surrounding blanks are dropped.
    """
    text = raw.strip()
    prefix = f"{name}="
    if text[: len(prefix)].lower() == prefix.lower():
        return text[len(prefix):].strip()
    return text


def build_avpair(key: str, value: object) -> str:
    """`call-id`, `abc@host` → `call-id=abc@host` (Cisco-AVPair)."""
    if not key or "=" in key:
        raise ValueError(f"invalid Cisco-AVPair key {key!r}")
    return f"{key}={value}"


def parse_avpair(raw: str) -> tuple[str, str]:
    """`call-id=abc@host` → (`call-id`, `abc@host`); the key is lower-cased, IOS also writes `key#value`."""
    text = raw.strip()
    for separator in ("=", "#"):
        key, found, value = text.partition(separator)
        if found and key.strip():
            return key.strip().lower(), value.strip()
    raise ValueError(f"not a Cisco-AVPair: {raw!r}")


def find_avpair(values: Iterable[str], key: str) -> str | None:
    """The value of the first AV-pair named `key` among `values`; malformed pairs are skipped."""
    wanted = key.lower()
    for raw in values:
        try:
            name, value = parse_avpair(raw)
        except ValueError:
            continue
        if name == wanted:
            return value
    return None


# English names regardless of the process locale (strftime %a/%b follow the locale).
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UTC_NAMES = ("GMT", "UTC", "UT", "Z")
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(_MONTHS, 1)}


def format_time(moment: dt.datetime) -> str:
    """An aware datetime in the house form `%H:%M:%S.000 GMT %a %b %d %Y` (whole seconds, UTC)."""
    if moment.tzinfo is None:
        raise ValueError("Cisco times need an aware datetime")
    utc = moment.astimezone(dt.UTC)
    return (f"{utc:%H:%M:%S}.000 GMT "
            f"{_DAYS[utc.weekday()]} {_MONTHS[utc.month - 1]} {utc.day:02d} {utc.year:04d}")


def parse_time(text: str) -> dt.datetime:
    """A Cisco time (`[*.]HH:MM:SS[.mmm] GMT Day Mon DD YYYY`) as an aware UTC datetime.

    Only UTC zone names are accepted: a gateway configured with a local zone abbreviation (`PST`) cannot
    be read without knowing which zone it means, and a wrong guess would bill the wrong minutes.
    """
    value = text.strip().lstrip("*.").strip()
    parts = value.split()
    if len(parts) != 6:
        raise ValueError(f"not a Cisco time: {text!r}")
    clock, zone, weekday, month_name, day_text, year_text = parts
    if zone.upper() not in _UTC_NAMES:
        raise ValueError(f"Cisco time not in GMT/UTC: {text!r}")
    try:
        month = _MONTH_NUMBERS.get(month_name.lower(), 0)  # 0: not a month, refused by datetime()
        hms, _, fraction = clock.partition(".")
        hour_text, minute_text, second_text = hms.split(":")
        millis = int(fraction.ljust(3, "0")[:3]) if fraction else 0
        moment = dt.datetime(int(year_text), month, int(day_text), int(hour_text), int(minute_text),
                             int(second_text), millis * 1000, tzinfo=dt.UTC)
    except ValueError as exc:
        raise ValueError(f"not a Cisco time: {text!r}") from exc
    if weekday.lower() != _DAYS[moment.weekday()].lower():
        raise ValueError(f"Cisco time with a wrong weekday: {text!r}")
    return moment


def parse_disconnect_cause(text: str) -> int:
    """h323-disconnect-cause is the Q.850 cause in hexadecimal (`10` = 16 normal clearing)."""
    value = parse_value("h323-disconnect-cause", text)
    cause = int(value, 16)
    if not 0 <= cause <= 0x7F:
        raise ValueError(f"Q.850 cause out of range: {text!r}")
    return cause


def format_disconnect_cause(cause: int) -> str:
    """16 → `h323-disconnect-cause=10`."""
    if not 0 <= cause <= 0x7F:
        raise ValueError(f"Q.850 cause out of range: {cause}")
    return build_value("h323-disconnect-cause", f"{cause:X}")
