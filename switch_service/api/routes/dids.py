"""DIDs: keyset-paged list with filters, one DID, create, change (PATCH), delete.

Admins write; support reads every DID (they show on an account's page); a reseller reads only the DIDs of the
accounts in its subtree (another's is a 404). The dial plan is routing, so only admins see `dial_plan_id`.
A DID that call records (or a call in progress) name is deactivated instead of deleted, so reports keep it.
A DID's monthly fee is its account's recurring fee, kept in step here (`store.repositories.did_fees`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Query, status
from sqlalchemy import ColumnElement, exists, or_, select, true
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, Context, CurrentUser, DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import FieldProblems, conflict, error_responses, flush_or, not_found
from switch_service.api.routes.anis import settle_country
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.dids import DidCreate, DidKind, DidOut, DidPage, DidRemovedOut, DidUpdate
from switch_service.api.sorting import Order, SortKeys
from switch_service.api.visibility import account_visible
from switch_service.media.language_menu import menu_problems
from switch_service.media.prompt_sets import DidWelcomes, operator_folder
from switch_service.phone_numbers import e164_digits, reading_region
from switch_service.store.models import Account, Cdr, CustomerTrunk, DialPlan, Did, LiveCall, User
from switch_service.store.models.enums import DidKind as StoreDidKind
from switch_service.store.models.enums import Role
from switch_service.store.repositories.did_fees import drop_did_fee, sync_did_fee
from switch_service.store.types import utcnow

router = api_router(prefix="/dids", tags=["dids"])

_READ = error_responses(401, 404)
_WRITE = error_responses(401, 403, 404, 409)


def did_visible(user: User) -> ColumnElement[bool]:
    """DIDs a user may read: all, except for a reseller, who sees those of its subtree's accounts."""
    if user.role is not Role.RESELLER:
        return true()
    return Did.account_id.in_(select(Account.id).where(account_visible(user)))


def did_welcomes(context: Context) -> DidWelcomes:
    """The access numbers' welcome recordings, in the operator's prompt folder (media/prompt_sets.py)."""
    typed = context.settings.typed
    return DidWelcomes(operator_folder(typed.ivr_prompts_dir, typed.data_dir))


Welcomes = Annotated[DidWelcomes, Depends(did_welcomes)]


def did_out(did: Did, user: User, welcomes: DidWelcomes) -> DidOut:
    """Answers of these routes leave unset fields out, so `dial_plan_id` is absent (not null) for non-admins."""
    fields: dict[str, Any] = {name: getattr(did, name) for name in DidOut.model_fields
                              if name not in ("dial_plan_id", "has_welcome")}
    fields["kind"] = DidKind(did.kind.value)
    fields["has_welcome"] = did.kind is StoreDidKind.ACCESS_NUMBER and welcomes.file(did.number) is not None
    if user.role is Role.ADMIN:
        fields["dial_plan_id"] = did.dial_plan_id
    return DidOut(**fields)


def visible_did(session: Session, user: User, did_id: int) -> Did:
    did = session.scalar(select(Did).where(Did.id == did_id, did_visible(user)))
    if did is None:
        raise not_found("DID", did_id)
    return did


def _settle(session: Session, values: dict[str, Any], sent: set[str], region: str,
            languages: list[str]) -> dict[str, Any]:
    """`values` (the DID as it would be) checked against its kind, numbers normalised where they were sent (read
    as of the DID's country, else `region`, the default); a language menu's languages must be prompt sets
    (`languages`), each once.

    The problems are one 422 naming each field. A trunk DID takes the trunk's account when none was sent.
    """
    problems = FieldProblems()
    settle_country(problems, values)
    region = reading_region(region, values["country"])
    for field in ("number", "forward_to"):
        if field in sent and values[field] is not None:
            try:
                values[field] = e164_digits(values[field], region)
            except ValueError as exc:
                problems.add(field, str(exc), values[field])
    problems.row(session, Account, values["account_id"], "account_id", "account")
    problems.row(session, DialPlan, values["dial_plan_id"], "dial_plan_id", "dial plan")
    trunk: CustomerTrunk | None = problems.row(session, CustomerTrunk, values["trunk_id"], "trunk_id", "trunk")
    kind = values["kind"]
    if kind is not DidKind.TRUNK and trunk is not None:
        problems.add("trunk_id", f"a {kind.value} DID takes no trunk", values["trunk_id"])
    if kind is not DidKind.FORWARD and values["forward_to"] is not None:
        problems.add("forward_to", f"a {kind.value} DID takes no forward_to", values["forward_to"])
    if kind is DidKind.FORWARD:
        if values["account_id"] is None:
            problems.add("account_id", "a forward DID needs the account that pays for its calls")
        if values["forward_to"] is None:
            problems.add("forward_to", "a forward DID needs the number to forward to")
    elif kind is DidKind.ACCESS_NUMBER and values["account_id"] is not None:
        problems.add("account_id", "an access number is shared: it takes no account (callers are found by ANI "
                                   "or PIN)", values["account_id"])
    elif kind is DidKind.TRUNK and values["trunk_id"] is None:
        problems.add("trunk_id", "a trunk DID needs the trunk its calls are delivered to")
    elif kind is DidKind.TRUNK and trunk is not None:
        if not trunk.source_ip:
            problems.add("trunk_id", f"trunk {trunk.id} has no source IP to deliver calls to", trunk.id)
        if "account_id" not in sent or values["account_id"] is None:
            values["account_id"] = trunk.account_id
        elif values["account_id"] != trunk.account_id:
            problems.add("account_id", f"a trunk DID belongs to its trunk's account ({trunk.account_id})",
                         values["account_id"])
    _check_menu(problems, values["language_menu"], kind, languages)
    problems.raise_any()
    values["kind"] = StoreDidKind(kind.value)
    return values


def _check_menu(problems: FieldProblems, menu: list[str], kind: DidKind, languages: list[str]) -> None:
    for problem in menu_problems(menu, kind.value, languages):
        problems.add("language_menu", problem, menu)


def _number_taken(number: str) -> HTTPException:
    return conflict(f"DID {number} already exists")


def _check_free(session: Session, number: str, did_id: int | None) -> None:
    if session.scalar(select(Did.id).where(Did.number == number, Did.id != (did_id or 0))) is not None:
        raise _number_taken(number)


DidSort = Literal["number", "kind", "monthly_fee", "active"]
DID_SORT: SortKeys[DidSort] = SortKeys(DidSort, {
    "number": Did.number, "kind": Did.kind, "monthly_fee": Did.monthly_fee, "active": Did.active,
})


@router.get("", responses=_READ, response_model_exclude_unset=True)
def list_dids(
    session: DbSession,
    user: CurrentUser,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[DidSort | None, DID_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    kind: Annotated[DidKind | None, Query()] = None,
    account_id: IdQuery = None,
    number: Annotated[str | None, Query(pattern=r"^[0-9]{1,32}$", description="digits the number contains")] = None,
    active: Annotated[bool | None, Query()] = None,
    welcomes: Welcomes,
) -> DidPage:
    query = select(Did).where(did_visible(user))
    if kind is not None:
        query = query.where(Did.kind == StoreDidKind(kind.value))
    if account_id is not None:
        query = query.where(Did.account_id == account_id)
    if number is not None:
        query = query.where(Did.number.contains(number, autoescape=True))
    if active is not None:
        query = query.where(Did.active.is_(active))
    rows, next_after = keyset_page(session, query, Did.id, after, limit, ordering=DID_SORT.ordering(sort, order))
    return DidPage(items=[did_out(did, user, welcomes) for did in rows], next_after=next_after)


@router.get("/{did_id}", responses=_READ, response_model_exclude_unset=True)
def get_did(did_id: ObjectId, session: DbSession, user: CurrentUser, welcomes: Welcomes) -> DidOut:
    return did_out(visible_did(session, user, did_id), user, welcomes)


@router.post("", status_code=status.HTTP_201_CREATED, responses=_WRITE, response_model_exclude_unset=True)
def create_did(body: DidCreate, session: DbSession, user: Admin, context: Context, welcomes: Welcomes) -> DidOut:
    values = _settle(session, body.model_dump(), set(DidCreate.model_fields), context.settings["default_region"],
                     welcomes.library.languages())
    _check_free(session, values["number"], None)
    did = Did(**values)
    session.add(did)
    flush_or(session, _number_taken(values["number"]))  # a race lost to another client adding the same number
    sync_did_fee(session, did, utcnow())
    session.refresh(did)
    out = did_out(did, user, welcomes)
    record_created(session, user, "did", did.id, out)
    return out


@router.patch("/{did_id}", responses=_WRITE, response_model_exclude_unset=True)
def update_did(did_id: ObjectId, body: DidUpdate, session: DbSession, user: Admin, context: Context, *,
               welcomes: Welcomes) -> DidOut:
    did = visible_did(session, user, did_id)
    before = did.number
    sent = body.changes()
    current = {name: getattr(did, name) for name in DidCreate.model_fields}
    current["kind"] = DidKind(did.kind.value)
    values = _settle(session, current | sent, set(sent), context.settings["default_region"],
                     welcomes.library.languages())
    _check_free(session, values["number"], did.id)
    changed = apply_patch(did, values)
    flush_or(session, _number_taken(values["number"]))
    sync_did_fee(session, did, utcnow())
    session.refresh(did)
    welcomes.follow(before, did.number if did.kind is StoreDidKind.ACCESS_NUMBER else None)
    if changed:
        record_audit(session, user, "update", "did", did.id, changed)
    return did_out(did, user, welcomes)


@router.delete("/{did_id}", responses=_WRITE)
def delete_did(did_id: ObjectId, session: DbSession, user: Admin, welcomes: Welcomes) -> DidRemovedOut:
    did = visible_did(session, user, did_id)
    in_use = session.scalar(select(or_(exists().where(Cdr.did == did.number),
                                       exists().where(LiveCall.did == did.number))))
    outcome = DidRemovedOut(id=did.id, number=did.number, outcome="deactivated" if in_use else "deleted")
    if in_use:
        did.active = False
        sync_did_fee(session, did, utcnow())
    else:
        drop_did_fee(session, did.id)
        session.delete(did)
        welcomes.follow(did.number, None)
    record_audit(session, user, "deactivate" if in_use else "delete", "did", did.id, {"number": did.number})
    return outcome
