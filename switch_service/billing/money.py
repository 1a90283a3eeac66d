"""Money is `Decimal`, stored to 6 places, rounded half-up by one named rule.

The store keeps NUMERIC(18,6) (sub-cent per-minute prices), so every amount that leaves billing passes through
`quantize_money`. Divisions use `MONEY_CONTEXT` rather than the thread's current context, so a caller that lowers
the global precision cannot change a bill.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

from babel.numbers import get_currency_precision

MONEY_PLACES = 6
MONEY_QUANTUM = Decimal(1).scaleb(-MONEY_PLACES)
MONEY_ROUNDING = ROUND_HALF_UP
MONEY_CONTEXT = Context(prec=34, rounding=MONEY_ROUNDING)
ZERO = Decimal(0)


def quantize_money(amount: Decimal) -> Decimal:
    """Round an exact amount to stored money: 6 places, ROUND_HALF_UP (0.0000005 -> 0.000001)."""
    return MONEY_CONTEXT.quantize(amount, MONEY_QUANTUM)


def currency_places(currency: str) -> int:
    """Digits of the currency's smallest unit (ISO 4217 / CLDR): USD 2, JPY 0, BHD 3; 2 for an unknown code."""
    return int(get_currency_precision(currency.upper()))


def in_cash_units(amount: Decimal, currency: str) -> Decimal:
    """`amount` rounded half up to the currency's smallest unit (20.005 USD -> 20.01)."""
    return MONEY_CONTEXT.quantize(amount, Decimal(1).scaleb(-currency_places(currency)))
