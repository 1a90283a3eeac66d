"""Commissions up the reseller tree (billing/commissions.py): every basis, longest prefix, the named rounding, and
a 4-level tree of all four kinds that reconciles to the customer's price and the carrier's cost to the cent."""

from __future__ import annotations

import itertools
from decimal import Decimal

from switch_service.billing.commissions import (
    COMMISSION_QUANTUM,
    COMMISSION_ROUNDING,
    Basis,
    Kind,
    Level,
    Rule,
    call_lines,
    payment_lines,
    round_commission,
    rule_for,
)

D = Decimal


def test_rounding_is_down_to_the_millionth() -> None:
    assert D("0.000001") == COMMISSION_QUANTUM
    assert COMMISSION_ROUNDING == "ROUND_DOWN"
    assert round_commission(D("0.0123459")) == D("0.012345")
    assert round_commission(D("0.01") * D("33.3333") / 100) == D("0.003333")


def test_longest_prefix_wins_and_the_first_rule_on_a_tie() -> None:
    general = Rule(Basis.SALES_PERCENT, "", D(5))
    uk = Rule(Basis.SALES_PERCENT, "44", D(10))
    london = Rule(Basis.MARGIN_PERCENT, "4420", D(30))
    london_again = Rule(Basis.PER_MINUTE, "4420", amount=D("0.01"))
    rules = (general, uk, london, london_again)
    assert rule_for(rules, "442071234567") is london
    assert rule_for(rules, "447700900123") is uk
    assert rule_for(rules, "15551230001") is general
    assert rule_for((uk,), "15551230001") is None


def test_each_basis_and_its_bounds() -> None:
    def one(rule: Rule, price: str, cost: str = "0", seconds: int = 60) -> Decimal:
        level = Level(1, Kind.USAGE_BASED, (rule,))
        return call_lines((level,), D(price), D(cost), seconds, "44")[0].commission

    assert one(Rule(Basis.SALES_PERCENT, "", D(10)), "0.30") == D("0.03")
    assert one(Rule(Basis.MARGIN_PERCENT, "", D(50)), "0.30", "0.10") == D("0.10")
    assert one(Rule(Basis.MARGIN_PERCENT, "", D(50)), "0.10", "0.30") == 0  # a loss earns nothing
    assert one(Rule(Basis.PER_MINUTE, "", amount=D("0.02")), "0.30", seconds=90) == D("0.03")
    assert one(Rule(Basis.PER_MINUTE, "", amount=D("1")), "0.30") == D("0.30")  # never more than it sold
    assert one(Rule(Basis.SALES_PERCENT, "1", D(10)), "0.30") == 0  # no rule for the number


def test_a_four_level_tree_of_every_kind_reconciles_to_the_cent() -> None:
    """Account → usage-based (margin rule for 44) → white-label (buys at 0.07/min) → payment-based → pin-less."""
    price, cost, seconds = D("0.30"), D("0.12"), 180  # 3 min at 0.10 to the customer, 0.04 from the carrier
    levels = (
        Level(10, Kind.USAGE_BASED, (Rule(Basis.SALES_PERCENT, "", D(10)), Rule(Basis.MARGIN_PERCENT, "44", D(20)))),
        Level(11, Kind.WHITE_LABEL, own_price=D("0.21")),
        Level(12, Kind.PAYMENT_BASED, (Rule(Basis.SALES_PERCENT, "", D(5)),)),
        Level(13, Kind.PINLESS, (Rule(Basis.SALES_PERCENT, "", D(5)),)),
    )
    lines = call_lines(levels, price, cost, seconds, "442071234567")
    assert [(line.reseller_id, line.level, line.sell, line.commission, line.buy) for line in lines] == [
        (10, 0, D("0.30"), D("0.036"), D("0.264")),  # 20 % of the margin 0.18
        (11, 1, D("0.264"), D("0.054"), D("0.21")),  # its sell less its own buy price
        (12, 2, D("0.21"), D(0), D("0.21")),  # paid on payments, not calls
        (13, 3, D("0.21"), D(0), D("0.21")),  # paid at the recharge, not calls
    ]
    operator_revenue = lines[-1].buy
    assert sum(line.commission for line in lines) + operator_revenue == price
    assert operator_revenue - cost == D("0.09")  # the operator's margin
    for below, above in itertools.pairwise(lines):
        assert above.sell == below.buy


def test_awkward_figures_still_reconcile_exactly() -> None:
    levels = tuple(Level(i, Kind.USAGE_BASED, (Rule(Basis.SALES_PERCENT, "", D("33.3333")),)) for i in range(4))
    lines = call_lines(levels, D("0.017"), D("0.004"), 7, "1")
    assert all(line.commission == round_commission(line.commission) for line in lines)
    assert sum(line.commission for line in lines) + lines[-1].buy == D("0.017")


def test_payment_lines_pay_payment_based_levels_and_the_acting_reseller() -> None:
    levels = (
        Level(1, Kind.USAGE_BASED, (Rule(Basis.SALES_PERCENT, "", D(10)),)),
        Level(2, Kind.PINLESS, (Rule(Basis.SALES_PERCENT, "", D(4)),)),
        Level(3, Kind.PAYMENT_BASED, (Rule(Basis.SALES_PERCENT, "", D(2)), Rule(Basis.SALES_PERCENT, "44", D(9)))),
    )
    by_the_operator = payment_lines(levels, D("50"))
    assert [line.commission for line in by_the_operator] == [D(0), D(0), D("1")]
    by_level_1 = payment_lines(levels, D("50"), acting=1)  # the pin-less reseller recharges its customer
    assert [(line.commission, line.buy) for line in by_level_1] == [(D(0), D(50)), (D(2), D(48)), (D("0.96"),
                                                                                                  D("47.04"))]
    assert sum(line.commission for line in by_level_1) + by_level_1[-1].buy == D(50)
