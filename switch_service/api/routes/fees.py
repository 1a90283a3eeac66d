"""Recurring fees: CRUD, and `POST /recurring-fees/run` to charge what is due now (the service also runs it every
`fees_interval_s`; `carrier-switch fees run` does the same from the command line). Admin only."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Query, status
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, Context, DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import conflict, error_responses, get_or_404, missing_row
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, Id, SortOrder
from switch_service.api.schemas.fees import (
    FeeRunOut,
    FeeRunsOut,
    RecurringFeeCreate,
    RecurringFeeOut,
    RecurringFeePage,
    RecurringFeeUpdate,
)
from switch_service.api.schemas.packages import Period
from switch_service.api.sorting import Order, SortKeys
from switch_service.billing.periods import zone_named
from switch_service.store.models import Account, RecurringFee
from switch_service.store.models.enums import Period as StorePeriod
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.fees import charge_due_fees, first_due_after

router = api_router(prefix="/recurring-fees", tags=["recurring fees"])
RESPONSES = error_responses(401, 403, 404)
WRITE_RESPONSES = error_responses(401, 403, 404, 409)


def fee_out(fee: RecurringFee) -> RecurringFeeOut:
    return RecurringFeeOut(id=fee.id, name=fee.name, amount=fee.amount, period=Period(fee.period.value),
                           account_id=fee.account_id, did_id=fee.did_id, first_due_at=fee.anchor_at,
                           next_due_at=fee.next_due_at, active=fee.active)


def _fee(session: Session, fee_id: int) -> RecurringFee:
    return get_or_404(session, RecurringFee, fee_id, "recurring fee")


def _own_fee(session: Session, fee_id: int) -> RecurringFee:
    """A fee the admin may change or delete here: not a DID's, which follows its DID."""
    fee = _fee(session, fee_id)
    if fee.did_id is not None:
        raise conflict(f"recurring fee {fee.id} is DID {fee.did_id}'s monthly fee: change the DID's monthly fee, "
                       "account or state instead")
    return fee


FeeSort = Literal["name", "amount", "period", "next_due_at", "active"]
FEE_SORT: SortKeys[FeeSort] = SortKeys(FeeSort, {
    "name": func.lower(RecurringFee.name), "amount": RecurringFee.amount, "period": RecurringFee.period,
    "next_due_at": RecurringFee.next_due_at, "active": RecurringFee.active,
})


@router.get("", responses=RESPONSES)
def list_fees(session: DbSession, _user: Admin, *, after: After = None, limit: Limit = DEFAULT_PAGE_SIZE,
              sort: Annotated[FeeSort | None, FEE_SORT.query()] = None, order: Order = SortOrder.ASC,
              account_id: Annotated[Id | None, Query(description="only this account's fees")] = None,
              ) -> RecurringFeePage:
    query = select(RecurringFee)
    if account_id is not None:
        query = query.where(RecurringFee.account_id == account_id)
    rows, next_after = keyset_page(session, query, RecurringFee.id, after, limit,
                                   ordering=FEE_SORT.ordering(sort, order))
    return RecurringFeePage(items=[fee_out(fee) for fee in rows], next_after=next_after)


@router.get("/{fee_id}", responses=RESPONSES)
def get_fee(fee_id: ObjectId, session: DbSession, _user: Admin) -> RecurringFeeOut:
    return fee_out(_fee(session, fee_id))


@router.post("", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403))
def create_fee(body: RecurringFeeCreate, session: DbSession, user: Admin, context: Context) -> RecurringFeeOut:
    account = None
    if body.account_id is not None:
        account = session.get(Account, body.account_id)
        if account is None:
            raise missing_row(("body", "account_id"), "account", body.account_id)
    first_due = body.first_due_at.astimezone(dt.UTC)
    fee = RecurringFee(name=body.name, amount=body.amount, period=StorePeriod(body.period.value),
                       account_id=body.account_id, anchor_at=first_due, next_due_at=first_due, active=True)
    zone = zone_named(account.time_zone if account is not None else read_company(session, context.settings).time_zone)
    fee.next_due_at = first_due_after(fee, max(first_due, dt.datetime.now(dt.UTC)) - dt.timedelta(microseconds=1),
                                      zone)
    session.add(fee)
    session.flush()
    session.refresh(fee)  # answer with the stored values (money as the column keeps it)
    out = fee_out(fee)
    record_created(session, user, "recurring_fee", fee.id, out)
    return out


@router.patch("/{fee_id}", responses=WRITE_RESPONSES)
def update_fee(fee_id: ObjectId, body: RecurringFeeUpdate, session: DbSession, user: Admin) -> RecurringFeeOut:
    fee = _own_fee(session, fee_id)
    changed: dict[str, Any] = apply_patch(fee, body.model_dump(exclude_unset=True))
    session.flush()
    session.refresh(fee)
    if changed:
        record_audit(session, user, "update", "recurring_fee", fee.id, changed)
    return fee_out(fee)


@router.delete("/{fee_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_RESPONSES)
def delete_fee(fee_id: ObjectId, session: DbSession, user: Admin) -> None:
    """The fee stops; the payments it made stay on the accounts."""
    fee = _own_fee(session, fee_id)
    record_audit(session, user, "delete", "recurring_fee", fee.id, {"name": fee.name, "amount": fee.amount})
    session.delete(fee)


@router.post("/run", responses=error_responses(401, 403))
def run_fees(session: DbSession, _user: Admin, context: Context) -> FeeRunsOut:
    """Charge every occurrence due now (each once, whoever else runs the fees at the same moment)."""
    zone = read_company(session, context.settings).time_zone
    runs = charge_due_fees(context.engine, dt.datetime.now(dt.UTC), zone)
    return FeeRunsOut(runs=[FeeRunOut(fee_id=run.fee_id, name=run.name, occurrences=list(run.occurrences),
                                      accounts=run.accounts, next_due_at=run.next_due_at) for run in runs])
