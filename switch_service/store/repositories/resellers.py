"""The reseller tree as billing reads it: every reseller's parent, kind, tariff and commission rules, loaded in two
queries (the RADIUS snapshot holds it), and a reseller's line up to the top of the tree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.billing.commissions import Basis, Kind, Level, Rule
from switch_service.store.models import CommissionRule, Reseller
from switch_service.store.models.enums import Status

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
