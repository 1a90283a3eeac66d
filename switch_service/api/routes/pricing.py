"""What the pricing routes share (tariffs, rates, imports, taxes, packages, band schedules).

Pricing is admin-only: rates, buy decks, taxes and packages show what calls cost and earn, which the support and
reseller roles may not see. The one exception: a white-label reseller's user reads its own sell tariff and reads
and edits its rates (`TariffReader`, `tariff_visible`); every other tariff is a 404 to it, as elsewhere.
"""

from __future__ import annotations

from typing import Annotated, Any, Protocol

from fastapi import Depends
from sqlalchemy import ColumnElement, false, select, true, update
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import require_roles
from switch_service.api.request_errors import conflict, error_responses, flush_or
from switch_service.store.models import Reseller, Tariff, User
from switch_service.store.models.enums import Role

RESPONSES = error_responses(401, 403, 404)
WRITE_RESPONSES = error_responses(401, 403, 404, 409)

PricingAdmin = Annotated[User, Depends(require_roles(
    Role.ADMIN, why="pricing (tariffs, rates, taxes, packages, band schedules) is admin-only: it shows what calls "
                    "cost and earn"))]

# Admins, and reseller users for their own white-label sell tariff only (`tariff_visible`).
TariffReader = Annotated[User, Depends(require_roles(
    Role.ADMIN, Role.RESELLER, why="pricing (tariffs, rates, taxes, packages, band schedules) is admin-only: it shows "
                                   "what calls cost and earn"))]


def tariff_visible(user: User) -> ColumnElement[bool]:
    """A WHERE clause on tariffs: every one for admins; for a reseller user only its reseller's own sell tariff."""
    if user.role is Role.ADMIN:
        return true()
    if user.role is not Role.RESELLER or user.reseller_id is None:
        return false()
    return Tariff.id == select(Reseller.sell_tariff_id).where(Reseller.id == user.reseller_id).scalar_subquery()


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


def delete_unused(session: Session, user: User, row: _HasId, entity: str, *, label: str, users: str,
                  fix: str, audit: dict[str, Any]) -> None:
    """Delete `row` unless `users` (say '2 accounts') still points at it: then 409 with what to do first."""
    if users:
        raise conflict(f"{label} is still used by {users}; {fix}")
    record_audit(session, user, "delete", entity, row.id, audit)
    session.delete(row)
    flush_or(session, conflict(f"{label} has just been put to use elsewhere; try again"))  # a race lost


def bump_tariff_versions(session: Session, *where: ColumnElement[bool]) -> None:
    """One atomic `version = version + 1` on the matching tariffs: the in-memory rate indexes rebuild on it."""
    session.execute(update(Tariff).where(*where).values(version=Tariff.version + 1)
                    .execution_options(synchronize_session=False))


def counted(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 account', '2 accounts', '2 card batches'."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
