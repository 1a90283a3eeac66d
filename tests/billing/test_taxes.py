"""Tax profiles: inclusive and exclusive taxes, and parts that always add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switch_service.billing.taxes import Tax, TaxedAmount, TaxProfile, apply_taxes, taxes_within

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


def test_taxes_within_a_charged_total_split_it_whole() -> None:
    """A statement's usage total was charged gross: VAT 20 % added and a 2.5 % levy inside make 22.5 % of the net."""
    profile = TaxProfile("UK", (Tax("VAT", Decimal(20)), Tax("Levy", Decimal("2.5"), inclusive=True)))
    split = taxes_within(Decimal("12.25"), profile)
    assert (split.net, split.taxes, split.gross) == (
        Decimal("10.000000"), (("VAT", Decimal("2.000000")), ("Levy", Decimal("0.250000"))), Decimal("12.250000"))
    assert taxes_within(Decimal("3.5"), None).taxes == ()


@settings(max_examples=200, derandomize=True)
@given(st.lists(st.tuples(st.decimals(0, 40, places=3), st.booleans()), min_size=1, max_size=4),
       st.decimals(0, 100000, places=6))
def test_taxes_within_add_up_to_the_total(taxes: list[tuple[Decimal, bool]], total: Decimal) -> None:
    profile = TaxProfile("p", tuple(Tax(f"t{i}", pct, inclusive) for i, (pct, inclusive) in enumerate(taxes)))
    split = taxes_within(total, profile)
    assert split.gross == total.quantize(Decimal("0.000001"))
    assert split.net + sum(amount for _, amount in split.taxes) == split.gross
