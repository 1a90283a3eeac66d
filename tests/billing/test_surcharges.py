"""A surcharge's amounts are money: never negative, at most six decimal places."""

from __future__ import annotations

from decimal import Decimal

import pytest

from switch_service.billing.surcharges import Surcharge


def test_bad_surcharges_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Surcharge("x", Decimal("-0.01"))
    with pytest.raises(ValueError, match="6 decimal places"):
        Surcharge("x", Decimal("0.0000001"))
