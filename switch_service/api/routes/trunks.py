"""Customer trunks (a customer's PBX or switch sending calls): list, one trunk, create, change, delete. Admins only.

A trunk is recognised by its source IP (auth=ip) or by SIP digest (auth=digest). The digest password is kept only
as the RFC 2617 HA1, MD5(user:realm:password) (security/sip_digest.py), which is what the AAA server and the
switch check a digest response against;
neither ever leaves the service (answers say `password_set`, the audit log says the password changed).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query, status
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import FieldProblems, conflict, error_responses, flush_or, get_or_404
from switch_service.api.routes.anis import settle_country
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.dids import TrunkAuth, TrunkCreate, TrunkOut, TrunkPage, TrunkUpdate
from switch_service.api.sorting import Order, SortKeys
from switch_service.security.sip_digest import password_ha1
from switch_service.store.models import Account, CustomerTrunk, Did
from switch_service.store.models.enums import TrunkAuth as StoreTrunkAuth

router = api_router(prefix="/trunks", tags=["trunks"])

SOURCE_IP_LENGTH = 64  # the column's

_RESPONSES = error_responses(401, 403, 404, 409)


def trunk_out(trunk: CustomerTrunk) -> TrunkOut:
    return TrunkOut(id=trunk.id, account_id=trunk.account_id, name=trunk.name, auth=TrunkAuth(trunk.auth.value),
                    source_ip=trunk.source_ip, username=trunk.username, password_set=bool(trunk.password_ha1),
                    max_channels=trunk.max_channels, cps_limit=trunk.cps_limit, country=trunk.country,
                    active=trunk.active,
                    created_at=trunk.created_at, updated_at=trunk.updated_at)


def _trunk(session: Session, trunk_id: int) -> CustomerTrunk:
    return get_or_404(session, CustomerTrunk, trunk_id, "trunk")


def _settle(session: Session, values: dict[str, Any], sent: set[str], stored: CustomerTrunk | None) -> dict[str, Any]:
    """The trunk's columns as they would be, checked: one 422 naming each bad field, or a 409 for what is taken."""
    problems = FieldProblems()
    problems.row(session, Account, values["account_id"], "account_id", "account")
    settle_country(problems, values)
    password = values.pop("password")
    source_ip = values["source_ip"] = None if values["source_ip"] is None else str(values["source_ip"])
    if source_ip is not None and len(source_ip) > SOURCE_IP_LENGTH:  # an IPv6 address with a long zone id
        problems.add("source_ip", f"at most {SOURCE_IP_LENGTH} characters", source_ip)
    if values["auth"] is TrunkAuth.IP:
        if source_ip is None:
            problems.add("source_ip", "an IP trunk needs the source IP its calls come from")
        if "username" in sent and values["username"] is not None:
            problems.add("username", "an IP trunk takes no user name", values["username"])
        if password is not None:
            problems.add("password", "an IP trunk takes no password")
        values["username"] = values["password_ha1"] = None
    else:
        username = values["username"]
        if username is None:
            problems.add("username", "a digest trunk needs a user name")
        if password is None and (stored is None or not stored.password_ha1 or stored.username != username):
            problems.add("password", "a digest trunk needs the password (again, when its user name changes: the "
                                     "stored hash includes the user name)")
        if password is not None and username is not None:
            values["password_ha1"] = password_ha1(username, password.get_secret_value())
    problems.raise_any()
    own_id = stored.id if stored is not None else 0
    for column, value, what in ((CustomerTrunk.name, values["name"], "name"),
                                (CustomerTrunk.username, values["username"], "user name")):
        if value is not None and session.scalar(select(CustomerTrunk.id).where(
                column == value, CustomerTrunk.id != own_id)) is not None:
            raise conflict(f"trunk {what} {value!r} is already in use")
    if values["auth"] is TrunkAuth.IP and session.scalar(select(CustomerTrunk.name).where(
            CustomerTrunk.source_ip == source_ip, CustomerTrunk.auth == StoreTrunkAuth.IP,
            CustomerTrunk.id != own_id)) is not None:
        raise conflict(f"source IP {source_ip} already identifies another IP trunk")
    values["auth"] = StoreTrunkAuth(values["auth"].value)
    return values


def _flush(session: Session) -> None:
    """Write the trunk; 409 when another client took its name or user name meanwhile."""
    flush_or(session, conflict("the trunk's name or user name was taken meanwhile; try again"))


def _audit_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """What the audit log keeps: never the HA1, only that the password changed."""
    ha1 = changes.pop("password_ha1", None)
    if ha1 is not None:
        changes["password"] = "removed" if ha1["to"] is None else "changed"
    return changes


TrunkSort = Literal["name", "auth", "source_ip", "username", "max_channels", "cps_limit", "active"]
TRUNK_SORT: SortKeys[TrunkSort] = SortKeys(TrunkSort, {
    "name": func.lower(CustomerTrunk.name), "auth": CustomerTrunk.auth,
    "source_ip": func.coalesce(CustomerTrunk.source_ip, ""), "username": func.coalesce(CustomerTrunk.username, ""),
    "max_channels": CustomerTrunk.max_channels, "cps_limit": CustomerTrunk.cps_limit, "active": CustomerTrunk.active,
})


@router.get("", responses=_RESPONSES)
def list_trunks(
    session: DbSession,
    _user: Admin,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[TrunkSort | None, TRUNK_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    account_id: IdQuery = None,
    q: Annotated[str | None, Query(max_length=100, description="part of the name")] = None,
) -> TrunkPage:
    query = select(CustomerTrunk)
    if account_id is not None:
        query = query.where(CustomerTrunk.account_id == account_id)
    if q is not None and q.strip():
        query = query.where(CustomerTrunk.name.icontains(q.strip(), autoescape=True))
    rows, next_after = keyset_page(session, query, CustomerTrunk.id, after, limit,
                                   ordering=TRUNK_SORT.ordering(sort, order))
    return TrunkPage(items=[trunk_out(trunk) for trunk in rows], next_after=next_after)


@router.get("/{trunk_id}", responses=_RESPONSES)
def get_trunk(trunk_id: ObjectId, session: DbSession, _user: Admin) -> TrunkOut:
    return trunk_out(_trunk(session, trunk_id))


@router.post("", status_code=status.HTTP_201_CREATED, responses=_RESPONSES)
def create_trunk(body: TrunkCreate, session: DbSession, user: Admin) -> TrunkOut:
    values = _settle(session, body.model_dump(), body.model_fields_set, None)
    trunk = CustomerTrunk(**values)
    session.add(trunk)
    _flush(session)
    session.refresh(trunk)
    out = trunk_out(trunk)
    record_created(session, user, "trunk", trunk.id, out)
    return out


@router.patch("/{trunk_id}", responses=_RESPONSES)
def update_trunk(trunk_id: ObjectId, body: TrunkUpdate, session: DbSession, user: Admin) -> TrunkOut:
    trunk = _trunk(session, trunk_id)
    sent = body.changes()
    current = {name: getattr(trunk, name) for name in TrunkCreate.model_fields if name != "password"}
    current |= {"auth": TrunkAuth(trunk.auth.value), "password": None}
    values = _settle(session, current | sent, set(sent), trunk)
    changed = apply_patch(trunk, values)
    _flush(session)
    session.refresh(trunk)
    if changed:
        record_audit(session, user, "update", "trunk", trunk.id, _audit_changes(changed))
    return trunk_out(trunk)


@router.delete("/{trunk_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_RESPONSES)
def delete_trunk(trunk_id: ObjectId, session: DbSession, user: Admin) -> None:
    trunk = _trunk(session, trunk_id)
    numbers = list(session.scalars(select(Did.number).where(Did.trunk_id == trunk.id).order_by(Did.id).limit(6)))
    if numbers:
        listed = ", ".join(numbers[:5]) + (" and more" if len(numbers) > 5 else "")
        raise conflict(f"trunk {trunk.id} delivers DIDs {listed}: change or delete them first")
    record_audit(session, user, "delete", "trunk", trunk.id, {"name": trunk.name, "account_id": trunk.account_id})
    session.delete(trunk)
