"""The one money rounding rule: 6 places, ROUND_HALF_UP."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

from switch_service.billing.money import quantize_money


@pytest.mark.parametrize(
    ("exact", "stored"),
    [
        ("0.0000005", "0.000001"),
        ("0.00000049999", "0.000000"),
        ("0.0000015", "0.000002"),
        ("0.0000025", "0.000003"),  # banker's would give 0.000002
        ("-0.0000005", "-0.000001"),
        ("12345678901.1234565", "12345678901.123457"),
    ],
)
def test_half_up_to_six_places(exact: str, stored: str) -> None:
    assert str(quantize_money(Decimal(exact))) == stored


def test_a_lowered_global_precision_does_not_change_a_bill() -> None:
    with localcontext() as ctx:
        ctx.prec = 3
        assert quantize_money(Decimal("12345678901.1234565")) == Decimal("12345678901.123457")
