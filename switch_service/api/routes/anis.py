"""Caller numbers (ANIs) registered to an account, with their stored destination: list, register, change the
destination, remove."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import Context, CurrentUser, DbSession
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import FieldProblems, conflict, error_responses, flush_or, invalid, not_found
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import AniCreate, AniOut
from switch_service.api.schemas.accounts import AniUpdate
from switch_service.api.visibility import account_visible
from switch_service.phone_numbers import country_code, e164_digits, reading_region
from switch_service.store.callers import AniRefused, register_ani
from switch_service.store.models import Account, Ani, User

router = api_router(tags=["anis"])

_NOT_FOUND = error_responses(401, 404)


def visible_account(session: Session, user: User, account_id: int) -> Account:
    """The account if `user` may see it, else 404 (a hidden account looks exactly like a missing one)."""
    account = session.scalar(select(Account).where(Account.id == account_id, account_visible(user)))
    if account is None:
        raise not_found("account", account_id)
    return account


def ani_out(ani: Ani) -> AniOut:
    return AniOut(id=ani.id, account_id=ani.account_id, number=ani.number, destination=ani.destination,
                  created_at=ani.created_at)


def e164(raw: str, field: str, region: str) -> str:
    """The number as E.164 digits, or a 422 naming the body field (every route that takes a number calls this)."""
    try:
        return e164_digits(raw, region)
    except ValueError as exc:
        raise invalid(("body", field), str(exc), raw) from None


def settle_country(problems: FieldProblems, values: dict[str, Any]) -> None:
    """`values["country"]` upper-case when phonenumbers knows it, else a problem naming the field (a DID's or a
    trunk's country: what national forms are read as)."""
    raw = values.get("country")
    if raw is not None:
        try:
            values["country"] = country_code(raw)
        except ValueError as exc:
            problems.add("country", str(exc), raw)


def _taken(number: str) -> HTTPException:
    return conflict(f"ANI {number} is already registered to an account")


@router.get("/accounts/{account_id}/anis", responses=_NOT_FOUND)
def list_anis(account_id: ObjectId, session: DbSession, user: CurrentUser) -> list[AniOut]:
    visible_account(session, user, account_id)
    anis = session.scalars(select(Ani).where(Ani.account_id == account_id).order_by(Ani.id))
    return [ani_out(ani) for ani in anis]


@router.post("/accounts/{account_id}/anis", status_code=status.HTTP_201_CREATED,
             responses=error_responses(401, 404, 409))
def add_ani(account_id: ObjectId, body: AniCreate, session: DbSession, user: CurrentUser,
            context: Context) -> AniOut:
    """Register a caller number, with its stored destination (PIN-less direct dial) if given; 409 when the number
    is registered already or the account has its maximum of caller numbers (`max_anis`)."""
    region = reading_region(context.settings["default_region"], visible_account(session, user, account_id).country)
    number = e164(body.number, "number", region)
    destination = e164(body.destination, "destination", region) if body.destination is not None else None
    try:
        ani = register_ani(session, account_id, number, destination)
    except AniRefused as refused:
        raise conflict(str(refused)) from None
    flush_or(session, _taken(number))  # a race lost to another client registering the same number
    session.refresh(ani)
    out = ani_out(ani)
    record_audit(session, user, "create", "ani", ani.id,
                 {"account_id": account_id, "number": number, "destination": destination})
    return out


def _visible_ani(session: Session, user: User, ani_id: int) -> Ani:
    ani = session.scalar(select(Ani).join(Account, Account.id == Ani.account_id)
                         .where(Ani.id == ani_id, account_visible(user)))
    if ani is None:
        raise not_found("ANI", ani_id)
    return ani


@router.patch("/anis/{ani_id}", responses=_NOT_FOUND)
def update_ani(ani_id: ObjectId, body: AniUpdate, session: DbSession, user: CurrentUser, context: Context) -> AniOut:
    """Set or clear the stored destination; the switch and RADIUS use it within the freshness bound (README)."""
    ani = _visible_ani(session, user, ani_id)
    changes = body.changes()
    if "destination" in changes:
        raw = changes["destination"]
        country = session.scalar(select(Account.country).where(Account.id == ani.account_id))
        region = reading_region(context.settings["default_region"], country)
        destination = e164(raw, "destination", region) if raw is not None else None
        if destination != ani.destination:
            record_audit(session, user, "update", "ani", ani.id,
                         {"destination": {"from": ani.destination, "to": destination}})
            ani.destination = destination
            session.flush()
    return ani_out(ani)


@router.delete("/anis/{ani_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_NOT_FOUND)
def delete_ani(ani_id: ObjectId, session: DbSession, user: CurrentUser) -> None:
    ani = _visible_ani(session, user, ani_id)
    record_audit(session, user, "delete", "ani", ani.id, {"account_id": ani.account_id, "number": ani.number})
    session.delete(ani)
