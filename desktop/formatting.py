"""How values read on screen (the API sends exact Decimal strings with six places)."""

from __future__ import annotations

from decimal import Decimal

_CENTS = Decimal("0.01")


def money(amount: Decimal) -> str:
    """Two places unless the amount is finer (sub-cent rates): 10.500000 -> '10.50', 0.012300 -> '0.0123'."""
    shown = amount.normalize()
    exponent = shown.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        shown = amount.quantize(_CENTS)
    return f"{shown:,f}"
