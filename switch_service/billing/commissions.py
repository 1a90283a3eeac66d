"""Reseller commissions up the tree: pure, Decimal, no I/O.

A call (or a payment) is sold to the customer by the account's own reseller (level 0), which buys it from its
parent (level 1), and so on up to the top reseller, which buys from the operator. Each level's line holds its sell
price (what the level below paid it: the customer's net price at level 0), its commission, and its buy price =
sell − commission, which is the sell price of the level above. So, exactly and by construction:

    customer's net price = Σ commissions over the tree + the top level's buy price (the operator's revenue)
    operator's margin    = the top level's buy price − the carrier's cost

What a level earns depends on its kind:
- usage_based: its commission rule for the number (longest prefix wins; the first rule on a tie) — a percentage
  of its sell price (`sales_percent`), of its sell price above the carrier's cost (`margin_percent`), or an amount
  per billed minute (`per_minute`);
- white_label: its sell price less its own buy price (the call priced at the reseller's tariff), when that tariff
  prices the call; else its rules as usage_based;
- payment_based and pinless: nothing on calls (they earn on payments and recharges: `payment_lines`).

A commission is never negative and never more than the level's sell price; it is rounded with
`COMMISSION_ROUNDING` to `COMMISSION_QUANTUM` (the stored money's millionth), down, so a reseller is never paid a
fraction it did not earn and the remainder stays with the level above. Divisions run in `MONEY_CONTEXT`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from switch_service.billing.money import MONEY_CONTEXT, MONEY_QUANTUM

COMMISSION_QUANTUM = MONEY_QUANTUM
COMMISSION_ROUNDING = ROUND_DOWN
ZERO = Decimal(0)
HUNDRED = Decimal(100)
SIXTY = Decimal(60)


class Basis(enum.StrEnum):
    SALES_PERCENT = "sales_percent"
    MARGIN_PERCENT = "margin_percent"
    PER_MINUTE = "per_minute"


class Kind(enum.StrEnum):
    USAGE_BASED = "usage_based"
    PAYMENT_BASED = "payment_based"
    WHITE_LABEL = "white_label"
    PINLESS = "pinless"


@dataclass(frozen=True, slots=True)
class Rule:
    basis: Basis
    prefix: str = ""
    percent: Decimal | None = None
    amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Level:
    """One reseller of the tree as a call or payment sees it. `own_price`: a white-label reseller's buy price of
    this call (its tariff's price for the same seconds), None when its tariff does not price the call."""

    reseller_id: int
    kind: Kind
    rules: tuple[Rule, ...] = ()
    own_price: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Line:
    reseller_id: int
    level: int
    sell: Decimal
    buy: Decimal
    commission: Decimal


def round_commission(amount: Decimal) -> Decimal:
    """`COMMISSION_ROUNDING` (down) to `COMMISSION_QUANTUM`: 0.0123459 -> 0.012345."""
    return amount.quantize(COMMISSION_QUANTUM, rounding=COMMISSION_ROUNDING, context=MONEY_CONTEXT)


def rule_for(rules: Sequence[Rule], number: str) -> Rule | None:
    """The rule whose prefix is the longest that `number` starts with (the first such rule on a tie)."""
    best: Rule | None = None
    for rule in rules:
        if number.startswith(rule.prefix) and (best is None or len(rule.prefix) > len(best.prefix)):
            best = rule
    return best


def _bounded(amount: Decimal, sell: Decimal) -> Decimal:
    return min(max(round_commission(amount), ZERO), max(sell, ZERO))


def rule_commission(rule: Rule, sell: Decimal, cost: Decimal, billed_seconds: int) -> Decimal:
    """What `rule` earns on a sale of `sell` that cost the carrier `cost`, for `billed_seconds`."""
    if rule.basis is Basis.PER_MINUTE:
        earned = MONEY_CONTEXT.divide((rule.amount or ZERO) * billed_seconds, SIXTY)
    elif rule.basis is Basis.MARGIN_PERCENT:
        earned = MONEY_CONTEXT.divide((rule.percent or ZERO) * max(sell - cost, ZERO), HUNDRED)
    else:
        earned = MONEY_CONTEXT.divide((rule.percent or ZERO) * sell, HUNDRED)
    return _bounded(earned, sell)


def call_commission(level: Level, sell: Decimal, cost: Decimal, billed_seconds: int, number: str) -> Decimal:
    if level.kind is Kind.WHITE_LABEL and level.own_price is not None:
        return _bounded(sell - level.own_price, sell)
    if level.kind in (Kind.USAGE_BASED, Kind.WHITE_LABEL):
        rule = rule_for(level.rules, number)
        return rule_commission(rule, sell, cost, billed_seconds) if rule is not None else ZERO
    return ZERO


def call_lines(levels: Sequence[Level], price: Decimal, cost: Decimal, billed_seconds: int,
               number: str) -> tuple[Line, ...]:
    """One line per level (level 0: the account's own reseller) for a call the customer paid `price` (net of
    taxes) and the carrier charged `cost`."""
    lines: list[Line] = []
    sell = price
    for position, level in enumerate(levels):
        commission = call_commission(level, sell, cost, billed_seconds, number)
        lines.append(Line(level.reseller_id, position, sell, sell - commission, commission))
        sell -= commission
    return tuple(lines)


def payment_percent(level: Level) -> Decimal | None:
    """A level's percentage of a payment: its `sales_percent` rule for every number (prefix "")."""
    for rule in level.rules:
        if rule.basis is Basis.SALES_PERCENT and rule.prefix == "":
            return rule.percent
    return None


def payment_lines(levels: Sequence[Level], amount: Decimal, acting: int | None = None) -> tuple[Line, ...]:
    """One line per level for a payment or recharge of `amount` onto an account of the tree. A payment-based
    level earns its payment percentage; so does the reseller doing the recharge itself (`acting`: its position),
    which pays the operator its buy price. Levels below the acting one sold nothing here and earn nothing."""
    lines: list[Line] = []
    sell = amount
    for position, level in enumerate(levels):
        earns = position == acting or (level.kind is Kind.PAYMENT_BASED and (acting is None or position > acting))
        percent = payment_percent(level) if earns else None
        commission = _bounded(MONEY_CONTEXT.divide(percent * sell, HUNDRED), sell) if percent is not None else ZERO
        lines.append(Line(level.reseller_id, position, sell, sell - commission, commission))
        sell -= commission
    return tuple(lines)
