"""What a signed-in user may see: reseller users only see their own reseller subtree."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, select, true

from switch_service.store.models import Account, Reseller, User
from switch_service.store.models.enums import Role


def reseller_subtree(root_id: int) -> Select[tuple[int]]:
    """Ids of the reseller and all its descendants, as a recursive CTE (SQLite, PostgreSQL, MariaDB)."""
    tree = select(Reseller.id).where(Reseller.id == root_id).cte("reseller_tree", recursive=True)
    tree = tree.union_all(select(Reseller.id).join(tree, Reseller.parent_id == tree.c.id))
    return select(tree.c.id)


def account_visible(user: User) -> ColumnElement[bool]:
    """A WHERE clause limiting accounts to those the user may read."""
    if user.role is not Role.RESELLER:
        return true()
    if user.reseller_id is None:  # a reseller user without a reseller sees nothing
        return Account.id.is_(None)
    return Account.reseller_id.in_(reseller_subtree(user.reseller_id))
