"""Tariff builder: a sell tariff blended from the carriers' buy decks.

Per prefix of the universe (every prefix of the carriers' decks, plus any prefix the caller wants covered, e.g. the
tariff's current ones): each carrier's cost is its own longest-prefix rate for that prefix; the cost is the
cheapest of them, or with `best=N` the average of the N cheapest (fewer when fewer carriers cover it). The sell
price is then

    sell = max(cost * (1 + percent/100) or cost + amount,  cost + min_margin)    rounded UP to `round_up`

with Decimal arithmetic and ROUND_CEILING to a multiple of the step (a price never lands below the margin). The
margin percent is a markup over cost, the convention of profit.py. Billing terms (initial block, increment,
destination name) come from the cheapest carrier's rate; its connect fee is passed through, rounded up the same
way. Prefixes no carrier covers are reported, not priced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal, InvalidOperation

from switch_service.billing.money import MONEY_CONTEXT, MONEY_PLACES, MONEY_QUANTUM, ZERO, quantize_money
from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rates import Rate

_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Margin:
    """A markup: `percent` over cost, or a fixed `amount` per minute (exactly one of them)."""

    percent: Decimal | None = None
    amount: Decimal | None = None

    def __post_init__(self) -> None:
        if (self.percent is None) == (self.amount is None):
            raise ValueError("a margin is a percent or an amount")
        if (self.percent or ZERO) < 0 or (self.amount or ZERO) < 0:
            raise ValueError("a margin cannot be negative")

    @classmethod
    def parse(cls, text: str) -> Margin:
        """"20%" -> 20 percent; "0.005" -> an amount per minute."""
        raw = text.strip()
        try:
            if raw.endswith("%"):
                return cls(percent=Decimal(raw[:-1].strip()))
            return cls(amount=Decimal(raw))
        except InvalidOperation:
            raise ValueError(f"margin {text!r} is not a percent (20%) or an amount (0.005)") from None

    def apply(self, cost: Decimal) -> Decimal:
        if self.percent is not None:
            return MONEY_CONTEXT.multiply(cost, MONEY_CONTEXT.add(_HUNDRED, self.percent)) / _HUNDRED
        assert self.amount is not None
        return cost + self.amount


def round_up(amount: Decimal, step: Decimal) -> Decimal:
    """The smallest multiple of `step` that is >= `amount` (ROUND_CEILING), e.g. 0.01441 by 0.001 -> 0.015."""
    exponent = step.as_tuple().exponent
    if step <= 0 or not isinstance(exponent, int) or exponent < -MONEY_PLACES:
        raise ValueError(f"the rounding step must be positive money (at most {MONEY_PLACES} places): {step}")
    units = MONEY_CONTEXT.divide(amount, step).to_integral_value(rounding=ROUND_CEILING)
    return MONEY_CONTEXT.multiply(units, step)


def raise_by(price: Decimal, percent: Decimal, step: Decimal | None = None) -> Decimal:
    """`price` raised by `percent` % (a negative percent lowers it), rounded UP to a multiple of `step`, else to
    money (6 places, half up, as every amount is)."""
    raised = MONEY_CONTEXT.divide(MONEY_CONTEXT.multiply(price, MONEY_CONTEXT.add(_HUNDRED, percent)), _HUNDRED)
    return round_up(raised, step) if step is not None else quantize_money(raised)


@dataclass(frozen=True, slots=True)
class BlendedRate:
    prefix: str
    destination: str
    cost: Decimal  # the cost the price is built on (cheapest, or the average of the best N)
    price_per_minute: Decimal
    carriers: tuple[str, ...]  # the carriers the cost came from, cheapest first
    initial_block_s: int
    increment_s: int
    connect_fee: Decimal


@dataclass(frozen=True, slots=True)
class BlendResult:
    rates: tuple[BlendedRate, ...]
    uncovered: tuple[str, ...]  # prefixes of the universe that no carrier covers


def blend(decks: Mapping[str, Iterable[Rate]], margin: Margin, at: datetime, *, min_margin: Decimal | None = None,
          step: Decimal | None = None, best: int = 1, also_cover: Iterable[str] = ()) -> BlendResult:
    """Blend the carriers' decks (`carrier name -> buy rates`; rates in force at `at` count) into sell prices."""
    if best < 1:
        raise ValueError("best must be at least 1")
    step = step if step is not None else MONEY_QUANTUM
    indexes: dict[str, PrefixIndex[Rate]] = {}
    universe: set[str] = set(also_cover)
    for name, rates in decks.items():
        listed = list(rates)
        indexes[name] = PrefixIndex((rate.prefix, rate) for rate in listed)
        universe.update(rate.prefix for rate in listed)
    blended: list[BlendedRate] = []
    uncovered: list[str] = []
    for prefix in sorted(universe):
        costs = sorted(
            ((rate.price_per_minute, name, rate) for name, index in indexes.items()
             if (rate := index.lookup(prefix, at)) is not None),
            key=lambda item: (item[0], item[1]),
        )
        if not costs:
            uncovered.append(prefix)
            continue
        chosen = costs[:best]
        cost = MONEY_CONTEXT.divide(sum((item[0] for item in chosen), ZERO), Decimal(len(chosen)))
        price = margin.apply(cost)
        if min_margin is not None:
            price = max(price, cost + min_margin)
        cheapest = chosen[0][2]
        blended.append(BlendedRate(
            prefix=prefix,
            destination=cheapest.destination,
            cost=cost,
            price_per_minute=round_up(price, step),
            carriers=tuple(item[1] for item in chosen),
            initial_block_s=cheapest.initial_block_s,
            increment_s=cheapest.increment_s,
            connect_fee=round_up(cheapest.connect_fee, step) if cheapest.connect_fee else ZERO,
        ))
    return BlendResult(tuple(blended), tuple(uncovered))
