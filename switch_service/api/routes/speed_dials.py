"""An account's speed dials (slot 0-99 → a number): list, add, remove. Admins, support, and resellers for the
accounts of their subtree (another's account is a 404). At most 100 per account, so the list is not paged."""

from __future__ import annotations

from fastapi import HTTPException, status
from sqlalchemy import select

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Context, CurrentUser, DbSession
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import conflict, error_responses, flush_or, not_found
from switch_service.api.routes.anis import e164, visible_account
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.dids import SpeedDialCreate, SpeedDialOut
from switch_service.api.visibility import account_visible
from switch_service.phone_numbers import reading_region
from switch_service.store.models import Account, SpeedDial

router = api_router(tags=["speed dials"])

_RESPONSES = error_responses(401, 404)


def speed_dial_out(row: SpeedDial) -> SpeedDialOut:
    return SpeedDialOut(id=row.id, account_id=row.account_id, slot=row.slot, number=row.number, label=row.label)


def _slot_taken(slot: int) -> HTTPException:
    return conflict(f"speed-dial slot {slot} is already in use on this account; remove it first")


@router.get("/accounts/{account_id}/speed-dials", responses=_RESPONSES)
def list_speed_dials(account_id: ObjectId, session: DbSession, user: CurrentUser) -> list[SpeedDialOut]:
    visible_account(session, user, account_id)
    rows = session.scalars(select(SpeedDial).where(SpeedDial.account_id == account_id).order_by(SpeedDial.slot))
    return [speed_dial_out(row) for row in rows]


@router.post("/accounts/{account_id}/speed-dials", status_code=status.HTTP_201_CREATED,
             responses=error_responses(401, 404, 409))
def add_speed_dial(account_id: ObjectId, body: SpeedDialCreate, session: DbSession, user: CurrentUser,
                   context: Context) -> SpeedDialOut:
    account = visible_account(session, user, account_id)
    number = e164(body.number, "number", reading_region(context.settings["default_region"], account.country))
    if session.scalar(select(SpeedDial.id).where(SpeedDial.account_id == account_id,
                                                 SpeedDial.slot == body.slot)) is not None:
        raise _slot_taken(body.slot)
    row = SpeedDial(account_id=account_id, slot=body.slot, number=number, label=body.label)
    session.add(row)
    flush_or(session, _slot_taken(body.slot))  # a race lost to another client taking the slot
    out = speed_dial_out(row)
    record_created(session, user, "speed_dial", row.id, out)
    return out


@router.delete("/speed-dials/{speed_dial_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_RESPONSES)
def delete_speed_dial(speed_dial_id: ObjectId, session: DbSession, user: CurrentUser) -> None:
    row = session.scalar(select(SpeedDial).join(Account, Account.id == SpeedDial.account_id)
                         .where(SpeedDial.id == speed_dial_id, account_visible(user)))
    if row is None:
        raise not_found("speed dial", speed_dial_id)
    record_audit(session, user, "delete", "speed_dial", row.id,
                 {"account_id": row.account_id, "slot": row.slot, "number": row.number})
    session.delete(row)
