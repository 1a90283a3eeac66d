"""Caller numbers (ANIs) registered to an account: list, register, remove."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import Context, CurrentUser, DbSession
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import conflict, error_responses, flush_or, invalid, not_found
from switch_service.api.schemas import AniCreate, AniOut
from switch_service.api.visibility import account_visible
from switch_service.billing.phone_numbers import normalise_number
from switch_service.store.models import Account, Ani, User

router = APIRouter(tags=["anis"])

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
    """The number as E.164 digits, or a 422 naming the body field."""
    try:
        return normalise_number(raw, region)
    except ValueError as exc:
        raise invalid(("body", field), str(exc), raw) from None


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
    visible_account(session, user, account_id)
    number = e164(body.number, "number", context.settings["default_region"])
    if session.scalar(select(Ani.id).where(Ani.number == number)) is not None:
        raise _taken(number)
    ani = Ani(account_id=account_id, number=number)
    session.add(ani)
    flush_or(session, _taken(number))  # a race lost to another client registering the same number
    session.refresh(ani)
    out = ani_out(ani)
    record_audit(session, user, "create", "ani", ani.id, {"account_id": account_id, "number": number})
    return out


@router.delete("/anis/{ani_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_NOT_FOUND)
def delete_ani(ani_id: ObjectId, session: DbSession, user: CurrentUser) -> None:
    ani = session.scalar(select(Ani).join(Account, Account.id == Ani.account_id)
                         .where(Ani.id == ani_id, account_visible(user)))
    if ani is None:
        raise not_found("ANI", ani_id)
    record_audit(session, user, "delete", "ani", ani.id, {"account_id": ani.account_id, "number": ani.number})
    session.delete(ani)
