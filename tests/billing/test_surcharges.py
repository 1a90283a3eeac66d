"""Surcharges by access number and by originating line information."""

from __future__ import annotations

from decimal import Decimal

import pytest

from switch_service.billing.surcharges import Surcharge, SurchargeTable

TOLL_FREE = Surcharge("toll-free access", Decimal("0.05"), Decimal("0.03"))
PAYPHONE = Surcharge("payphone", Decimal("0.25"))
TABLE = SurchargeTable({"18005550100": TOLL_FREE}, {"27": PAYPHONE, "70": PAYPHONE})


@pytest.mark.parametrize(
    ("access_number", "oli", "expected"),
    [
        ("18005550100", None, (TOLL_FREE,)),
        ("12125550100", "27", (PAYPHONE,)),
        ("18005550100", "70", (TOLL_FREE, PAYPHONE)),
        (None, "00", ()),
        (None, None, ()),
    ],
)
def test_applicable(access_number: str | None, oli: str | None, expected: tuple[Surcharge, ...]) -> None:
    assert TABLE.applicable(access_number, oli) == expected


def test_bad_surcharges_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Surcharge("x", Decimal("-0.01"))
    with pytest.raises(ValueError, match="6 decimal places"):
        Surcharge("x", Decimal("0.0000001"))
