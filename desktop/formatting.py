"""How values read on screen: the one place amounts, per-minute prices and durations are turned into text.

The API sends exact Decimal strings with six places ("0.088348"). An amount is shown to its currency's decimals
(2 for USD and EUR, 0 for JPY, 3 for BHD: CLDR's figures, from babel) with the currency, in the desktop's language
($12.50, 12,50 €); a per-minute price keeps the digits it has beyond those (0.0123 $/min is a price, not a
rounding error). Durations read m:ss, h:mm:ss beyond an hour; package allowances in minutes.

An amount without a currency of its own (today's revenue, a report's totals) is in the company's currency, which
the main window sets at sign-in (`set_company_currency`).
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, format_decimal, get_currency_precision

from desktop.i18n import active_language

_company_currency = "USD"


def set_company_currency(code: str) -> None:
    global _company_currency  # noqa: PLW0603 - one company per signed-in desktop
    _company_currency = code.upper() or _company_currency


def company_currency() -> str:
    return _company_currency


@functools.cache
def decimals(currency: str) -> int:
    """The currency's minor-unit digits (2 for an unknown code)."""
    return int(get_currency_precision(currency.upper()))


def money(amount: Decimal, currency: str | None = None) -> str:
    """An amount rounded half up to the currency's decimals, with the currency: 0.088348 USD -> '$0.09'."""
    return _money((currency or _company_currency).upper(), amount, active_language())


@functools.lru_cache(maxsize=4096)
def _money(code: str, amount: Decimal, language: str) -> str:
    """Cached: babel takes ~60 us a call, and a table shows the same amounts again at every repaint."""
    shown = amount.quantize(Decimal(1).scaleb(-decimals(code)), rounding=ROUND_HALF_UP)
    return format_currency(shown, code, locale=language)


def optional_money(amount: Decimal | None, currency: str | None = None) -> str:
    return "" if amount is None else money(amount, currency)


def rate(price: Decimal, currency: str | None = None) -> str:
    """A per-minute price: the currency's decimals at least, more when the price has them (0.048 -> '$0.048')."""
    code = (currency or _company_currency).upper()
    places = max(decimals(code), _places(price))
    shown = price.quantize(Decimal(1).scaleb(-places))
    return format_currency(shown, code, locale=active_language(), decimal_quantization=False)


def optional_rate(price: Decimal | None, currency: str | None = None) -> str:
    return "" if price is None else rate(price, currency)


def number(value: Decimal | float | int, places: int = 0) -> str:
    """A count or a quantity in the desktop's language: 12,345 / 12.345 / 12 345."""
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=active_language())


def duration(seconds: float | None) -> str:
    """Talk time: 65 -> '1:05', 3725 -> '1:02:05' (whole seconds, rounded down); None -> ''."""
    if seconds is None:
        return ""
    minutes, rest = divmod(max(0, int(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{rest:02d}" if hours else f"{minutes}:{rest:02d}"


def minutes(seconds: int) -> str:
    """A package allowance in minutes: 6000 -> '100 min', 90 -> '1.5 min'."""
    whole, rest = divmod(seconds, 60)
    value = Decimal(whole) + Decimal(rest) / 60 if rest else Decimal(whole)
    places = 0 if not rest else min(2, _places(value.quantize(Decimal("0.01")).normalize()))
    return f"{number(value, places)} min"


def decimal_text(value: Decimal) -> str:
    """0.012300 -> '0.0123', 60.000000 -> '60': the digits that matter, never an exponent (for a box to edit)."""
    return f"{value.normalize():f}"


def utc_text(moment: dt.datetime) -> str:
    """'2026-01-01 08:00' (seconds only when there are some), in UTC."""
    moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second else "%Y-%m-%d %H:%M")


def _places(value: Decimal) -> int:
    """Decimal places a number really has (trailing zeros do not count): 0.048000 -> 3."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
