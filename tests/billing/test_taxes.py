"""Tax profiles: inclusive and exclusive taxes, and parts that always add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switch_service.billing.taxes import Tax, TaxedAmount, TaxProfile, apply_taxes

D = Decimal


def test_included_and_added_taxes() -> None:
    profile = TaxProfile("uk", (Tax("VAT", D(20), inclusive=True), Tax("levy", D("2.5"))))
    assert apply_taxes(D("1.20"), profile) == TaxedAmount(
        D("1.000000"), (("VAT", D("0.200000")), ("levy", D("0.025000"))), D("1.225000")
    )


def test_rounding_remainder_goes_to_the_largest_tax() -> None:
    """1.00 including 3 x 7%: net 0.826446(28...), each tax 0.057851(24...), gross 1.000000."""
    profile = TaxProfile("three", tuple(Tax(name, D(7), inclusive=True) for name in "abc"))
    taxed = apply_taxes(D("1.00"), profile)
    assert taxed.net == D("0.826446")
    assert [amount for _, amount in taxed.taxes] == [D("0.057852"), D("0.057851"), D("0.057851")]
    assert taxed.gross == D("1.000000")


def test_no_profile_means_no_tax() -> None:
    assert apply_taxes(D("1.5"), None) == TaxedAmount(D("1.500000"), (), D("1.500000"))


def test_bad_profiles_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Tax("x", D(-1))
    with pytest.raises(ValueError, match="no taxes"):
        TaxProfile("empty", ())


@settings(max_examples=200, derandomize=True)
@given(
    st.lists(st.tuples(st.decimals(0, 40, places=3), st.booleans()), min_size=1, max_size=4),
    st.decimals(0, 1000, places=6),
    st.decimals(0, 1, places=6),
)
def test_parts_add_up_and_grow_with_the_price(taxes: list[tuple[Decimal, bool]], price: Decimal, more: Decimal) -> None:
    profile = TaxProfile("p", tuple(Tax(f"t{i}", pct, inclusive) for i, (pct, inclusive) in enumerate(taxes)))
    taxed, dearer = apply_taxes(price, profile), apply_taxes(price + more, profile)
    assert taxed.net + sum(amount for _, amount in taxed.taxes) == taxed.gross
    assert taxed.net <= dearer.net
    assert taxed.gross <= dearer.gross
