"""Tax profiles: several taxes, each included in the price or added on top of it.

A price P that includes taxes with rates summing to I% (and excludes taxes summing to E%) has
net = P / (1 + I/100) and gross = net * (1 + (I + E)/100). Net and gross are each rounded once from those exact
values, so both only grow when P grows; each tax is its rate on the net, rounded, and the largest tax absorbs the
rounding remainder so that net + taxes == gross to the last unit. Taxes are not compounded (no tax on a tax).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from switch_service.billing.money import MONEY_CONTEXT, ZERO, quantize_money

_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Tax:
    name: str
    percent: Decimal
    inclusive: bool = False

    def __post_init__(self) -> None:
        if self.percent < 0:
            raise ValueError(f"tax {self.name!r}: percent cannot be negative")


@dataclass(frozen=True, slots=True)
class TaxedAmount:
    net: Decimal
    taxes: tuple[tuple[str, Decimal], ...]
    gross: Decimal


@dataclass(frozen=True, slots=True)
class TaxProfile:
    """The taxes of an account, in the order they are printed."""

    name: str
    taxes: tuple[Tax, ...]
    # Derived once: rating splits every call, so the per-call work is a few multiplications.
    _names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _fractions: tuple[Decimal, ...] = field(init=False, repr=False, compare=False)  # percent / 100, exact
    _inclusive_base: Decimal | None = field(init=False, repr=False, compare=False)  # 100 + inclusive percents
    _gross_factor: Decimal = field(init=False, repr=False, compare=False)  # 1 + all percents / 100, exact
    _largest: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.taxes:
            raise ValueError(f"tax profile {self.name!r} has no taxes")
        percents = [tax.percent for tax in self.taxes]
        inclusive = sum((tax.percent for tax in self.taxes if tax.inclusive), ZERO)
        object.__setattr__(self, "_names", tuple(tax.name for tax in self.taxes))
        object.__setattr__(self, "_fractions", tuple(percent.scaleb(-2) for percent in percents))
        object.__setattr__(self, "_inclusive_base", _HUNDRED + inclusive if inclusive else None)
        object.__setattr__(self, "_gross_factor", 1 + sum(percents, ZERO).scaleb(-2))
        object.__setattr__(self, "_largest", percents.index(max(percents)))

    def split(self, price: Decimal) -> tuple[Decimal, tuple[tuple[str, Decimal], ...], Decimal]:
        """(net, taxes, gross) of a rated price, as `apply` gives them, without building a TaxedAmount."""
        multiply = MONEY_CONTEXT.multiply
        if self._inclusive_base is None:
            net_exact, net = price, quantize_money(price)
        else:
            net_exact = MONEY_CONTEXT.divide(multiply(price, _HUNDRED), self._inclusive_base)
            net = quantize_money(net_exact)
        gross = quantize_money(multiply(net_exact, self._gross_factor))
        amounts = [quantize_money(multiply(net_exact, fraction)) for fraction in self._fractions]
        remainder = gross - net - sum(amounts)
        if remainder:
            amounts[self._largest] += remainder
        return net, tuple(zip(self._names, amounts, strict=True)), gross

    def apply(self, price: Decimal) -> TaxedAmount:
        """Split a rated price into net, each tax and gross (see the module docstring for the rounding)."""
        return TaxedAmount(*self.split(price))


def apply_taxes(price: Decimal, profile: TaxProfile | None) -> TaxedAmount:
    """`profile.apply(price)`; without a profile net = gross = price."""
    if profile is None:
        price = quantize_money(price)
        return TaxedAmount(price, (), price)
    return profile.apply(price)


def taxes_within(gross: Decimal, profile: TaxProfile | None) -> TaxedAmount:
    """The net and the taxes contained in `gross`, an amount already charged with `profile`'s taxes (a statement's
    usage total: each call was debited its gross). Every tax is counted as included in `gross`, whether the profile
    added it on top of the rated price or had it inside, so net + taxes == gross to the last unit, split as `apply`
    splits (no tax on a tax, the largest tax absorbs the rounding)."""
    if profile is None:
        return apply_taxes(gross, None)
    within = TaxProfile(profile.name, tuple(Tax(tax.name, tax.percent, True) for tax in profile.taxes))
    return within.apply(gross)
