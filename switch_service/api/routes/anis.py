"""Caller numbers (ANIs) registered to an account: list, register, remove."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status
from fastapi.exceptions import RequestValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import Context, CurrentUser, DbSession
from switch_service.api.schemas import AniCreate, AniOut, ErrorOut
from switch_service.api.visibility import account_visible
from switch_service.billing.phone_numbers import normalise_number
from switch_service.store.models import Account, Ani, User

router = APIRouter(tags=["anis"])

_NOT_FOUND: dict[int | str, dict[str, Any]] = {401: {"model": ErrorOut}, 404: {"model": ErrorOut}}


def visible_account(session: Session, user: User, account_id: int) -> Account:
    """The account if `user` may see it, else 404 (a hidden account looks exactly like a missing one)."""
    account = session.scalar(select(Account).where(Account.id == account_id, account_visible(user)))
    if account is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"account {account_id} does not exist")
    return account


def ani_out(ani: Ani) -> AniOut:
    return AniOut(id=ani.id, account_id=ani.account_id, number=ani.number, destination=ani.destination,
                  created_at=ani.created_at)


def _taken(number: str) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, f"ANI {number} is already registered to an account")


@router.get("/accounts/{account_id}/anis", responses=_NOT_FOUND)
def list_anis(account_id: int, session: DbSession, user: CurrentUser) -> list[AniOut]:
    visible_account(session, user, account_id)
    anis = session.scalars(select(Ani).where(Ani.account_id == account_id).order_by(Ani.id))
    return [ani_out(ani) for ani in anis]


@router.post("/accounts/{account_id}/anis", status_code=status.HTTP_201_CREATED,
             responses={**_NOT_FOUND, 409: {"model": ErrorOut}})
def add_ani(account_id: int, body: AniCreate, session: DbSession, user: CurrentUser,
            context: Context) -> AniOut:
    visible_account(session, user, account_id)
    try:
        number = normalise_number(body.number, context.settings["default_region"])
    except ValueError as exc:
        raise RequestValidationError([{
            "type": "value_error", "loc": ("body", "number"), "msg": str(exc), "input": body.number,
        }]) from None
    if session.scalar(select(Ani.id).where(Ani.number == number)) is not None:
        raise _taken(number)
    ani = Ani(account_id=account_id, number=number)
    session.add(ani)
    try:
        session.flush()
    except IntegrityError:  # lost a race with another client registering the same number
        raise _taken(number) from None
    session.refresh(ani)
    out = ani_out(ani)
    record_audit(session, user, "create", "ani", ani.id, {"account_id": account_id, "number": number})
    return out


@router.delete("/anis/{ani_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_NOT_FOUND)
def delete_ani(ani_id: int, session: DbSession, user: CurrentUser) -> None:
    ani = session.scalar(select(Ani).join(Account, Account.id == Ani.account_id)
                         .where(Ani.id == ani_id, account_visible(user)))
    if ani is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"ANI {ani_id} does not exist")
    record_audit(session, user, "delete", "ani", ani.id, {"account_id": ani.account_id, "number": ani.number})
    session.delete(ani)
