"""The reseller tree as billing reads it: every reseller's parent, kind, tariff and commission rules, loaded in two
queries (the RADIUS snapshot holds it), a reseller's line up to the top of the tree, and the commissions of a
payment or recharge written with it (balances through the ledger)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.billing.commissions import Basis, Kind, Level, Rule, payment_lines
from switch_service.errors import UserError
from switch_service.store.models import CommissionRule, Payment, PaymentResellerLine, Reseller
from switch_service.store.models.enums import Status
from switch_service.store.repositories import ledger

MAX_DEPTH = 64  # a tree deeper than this is a data error (a cycle written around the API): the walk stops


@dataclass(frozen=True, slots=True)
class ResellerNode:
    id: int
    parent_id: int | None
    kind: Kind
    active: bool
    tariff_id: int | None
    currency: str
    rules: tuple[Rule, ...]


Tree = Mapping[int, ResellerNode]


def load_tree(session: Session) -> dict[int, ResellerNode]:
    """Every reseller with its rules (in id order, so the first of two rules with one prefix is the older)."""
    rules: dict[int, list[Rule]] = {}
    for row in session.scalars(select(CommissionRule).order_by(CommissionRule.id)):
        rules.setdefault(row.reseller_id, []).append(Rule(Basis(row.basis), row.prefix or "", row.percent,
                                                          row.amount))
    return {row.id: ResellerNode(row.id, row.parent_id, Kind(row.kind.value), row.status is Status.ACTIVE,
                                 row.tariff_id, row.currency, tuple(rules.get(row.id, ())))
            for row in session.execute(select(Reseller.id, Reseller.parent_id, Reseller.kind, Reseller.status,
                                              Reseller.tariff_id, Reseller.currency))}


def ancestry(tree: Tree, reseller_id: int | None) -> tuple[ResellerNode, ...]:
    """The reseller and its parents up to the top (level 0 first); empty for an account without a reseller."""
    nodes: list[ResellerNode] = []
    seen: set[int] = set()
    while reseller_id is not None and reseller_id not in seen and len(nodes) < MAX_DEPTH:
        node = tree.get(reseller_id)
        if node is None:
            break
        nodes.append(node)
        seen.add(reseller_id)
        reseller_id = node.parent_id
    return tuple(nodes)


def levels(nodes: tuple[ResellerNode, ...]) -> tuple[Level, ...]:
    return tuple(Level(node.id, node.kind, node.rules) for node in nodes)


def load_ancestry(session: Session, reseller_id: int) -> tuple[ResellerNode, ...]:
    """`ancestry` of one reseller read from the database: its line up the tree (a recursive query) and their rules."""
    up = (select(Reseller.id, Reseller.parent_id, Reseller.kind, Reseller.status, Reseller.tariff_id,
                 Reseller.currency).where(Reseller.id == reseller_id).cte("ancestors", recursive=True))
    up = up.union_all(select(Reseller.id, Reseller.parent_id, Reseller.kind, Reseller.status, Reseller.tariff_id,
                             Reseller.currency).join(up, Reseller.id == up.c.parent_id))
    rows = session.execute(select(up).limit(MAX_DEPTH)).all()
    rules: dict[int, list[Rule]] = {}
    for rule in session.scalars(select(CommissionRule).where(CommissionRule.reseller_id.in_([r.id for r in rows]))
                                .order_by(CommissionRule.id)):
        rules.setdefault(rule.reseller_id, []).append(Rule(Basis(rule.basis), rule.prefix or "", rule.percent,
                                                           rule.amount))
    tree = {row.id: ResellerNode(row.id, row.parent_id, Kind(row.kind), Status(row.status) is Status.ACTIVE,
                                 row.tariff_id, row.currency,
                                 tuple(rules.get(row.id, ()))) for row in rows}
    return ancestry(tree, reseller_id)


class ResellerShortfallError(UserError):
    """The reseller selling a recharge or activation cannot pay for it: nothing was written."""


class ResellerOutsideError(UserError):
    """The reseller selling a recharge is not above the account in the tree: it may not sell there."""


def pay_commissions(session: Session, payment: Payment, account_reseller_id: int | None,
                    acting_reseller_id: int | None) -> list[PaymentResellerLine]:
    """The resellers' lines of a top-up or payment on an account under `account_reseller_id`, in the payment's
    transaction (billing/commissions.py `payment_lines`): each payment-based reseller up the tree is credited its
    commission, and the reseller whose user sold it (`acting_reseller_id`) is charged its buy price — the amount
    less its own commission — from balance + credit limit, or `ResellerShortfallError` is raised and the caller rolls
    back (`ResellerOutsideError` when it is not above the account). Balances are written child first, up the tree (one
    lock order for every payment)."""
    nodes = load_ancestry(session, account_reseller_id) if account_reseller_id is not None else ()
    positions = {node.id: position for position, node in enumerate(nodes)}
    if acting_reseller_id is not None and acting_reseller_id not in positions:
        raise ResellerOutsideError(f"reseller {acting_reseller_id} is not above account {payment.account_id} in the "
                                   "tree")
    acting = positions.get(acting_reseller_id) if acting_reseller_id is not None else None
    lines = payment_lines(levels(nodes), payment.amount, acting)
    written: list[PaymentResellerLine] = []
    for node, line in zip(nodes, lines, strict=True):
        change = Decimal(0)
        if line.level == acting:
            if node.currency != payment.currency:
                raise ResellerShortfallError(f"reseller {node.id} keeps its balance in {node.currency}, the account "
                                             f"is in {payment.currency}: it cannot sell this recharge")
            if not node.active or not ledger.charge_reseller(session, node.id, line.buy):
                raise ResellerShortfallError(_shortfall(session, node, line.buy, line.commission, payment.amount))
            change = -line.buy
        elif line.commission > 0 and node.currency == payment.currency:
            ledger.credit_reseller(session, node.id, line.commission)
            change = line.commission
        if line.commission or change:
            written.append(PaymentResellerLine(payment_id=payment.id, reseller_id=node.id, level=line.level,
                                               sell=line.sell, buy=line.buy, commission=line.commission,
                                               balance_change=change, currency=payment.currency))
    session.add_all(written)
    return written


def sale_price(session: Session, under_reseller_id: int, acting_reseller_id: int, amount: Decimal) -> Decimal:
    """What the reseller `acting_reseller_id` pays for selling `amount` of credit under `under_reseller_id`: the
    amount less its commission (its buy price in `payment_lines`). For a check before a long job; the charge itself
    is `pay_commissions`'s."""
    nodes = load_ancestry(session, under_reseller_id)
    positions = {node.id: position for position, node in enumerate(nodes)}
    if acting_reseller_id not in positions:
        raise UserError(f"reseller {under_reseller_id} is not in reseller {acting_reseller_id}'s subtree")
    acting = positions[acting_reseller_id]
    return payment_lines(levels(nodes), amount, acting)[acting].buy


def reseller_standing(session: Session, reseller_id: int) -> tuple[str, Decimal, str, Status]:
    """A reseller's name, what it may still sell (balance + credit limit), its currency and status."""
    row = session.execute(select(Reseller.name, Reseller.balance, Reseller.credit_limit, Reseller.currency,
                                 Reseller.status).where(Reseller.id == reseller_id)).one()
    return row.name, ledger.reseller_available(row.balance, row.credit_limit), row.currency, row.status


def _shortfall(session: Session, node: ResellerNode, needed: Decimal, commission: Decimal, amount: Decimal) -> str:
    row = session.execute(select(Reseller.name, Reseller.balance, Reseller.credit_limit, Reseller.status)
                          .where(Reseller.id == node.id)).one()
    if row.status is not Status.ACTIVE:
        return f"reseller {row.name!r} is {row.status.value}: it cannot sell recharges"
    return (f"reseller {row.name!r} has {ledger.reseller_available(row.balance, row.credit_limit):f} available "
            f"(balance {row.balance:f} + credit limit {row.credit_limit:f}); this recharge of {amount:f} takes "
            f"{needed:f} from it ({amount:f} less its commission {commission:f})")
