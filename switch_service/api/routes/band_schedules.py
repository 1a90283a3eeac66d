"""Band schedules (peak, off-peak, weekend and holiday hours): keyset-paged list, one, create, update, delete.
Admin only.

A schedule is checked by building the billing engine's own `BandSchedule` from it, so the API stores nothing the
rating cannot use. Changing one bumps the version of every tariff that uses it: the rating snapshot rebuilds on
tariff versions, not on schedule edits.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import status
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import ensure_name_free, flush_or, get_or_404, invalid, name_taken
from switch_service.api.routes.pricing import (
    RESPONSES,
    WRITE_RESPONSES,
    PricingAdmin,
    bump_tariff_versions,
    counted,
    delete_unused,
)
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.rates import (
    BandScheduleCreate,
    BandScheduleFields,
    BandScheduleOut,
    BandSchedulePage,
)
from switch_service.api.sorting import Order, SortKeys
from switch_service.billing.time_bands import BandSchedule as BillingBands
from switch_service.store.models import BandSchedule, Tariff

router = api_router(prefix="/band-schedules", tags=["band schedules"])


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _dates(text: str) -> list[dt.date]:
    return [dt.date.fromisoformat(part.strip()) for part in text.split(",") if part.strip()]


def band_schedule_out(row: BandSchedule) -> BandScheduleOut:
    return BandScheduleOut(id=row.id, name=row.name, peak_days=_numbers(row.peak_days), peak_start=row.peak_start,
                           peak_end=row.peak_end, weekend_days=_numbers(row.weekend_days),
                           holidays=_dates(row.holidays or ""))


def _schedule(session: Session, schedule_id: int) -> BandSchedule:
    return get_or_404(session, BandSchedule, schedule_id, "band schedule")


def _save(session: Session, row: BandSchedule, changes: dict[str, Any]) -> dict[str, Any]:
    """Check the schedule as it will be with the billing engine, write it and bump its tariffs' versions; the
    fields changed (`apply_patch`)."""
    ensure_name_free(session, BandSchedule.name, BandSchedule.id, changes.get("name"), "band schedule",
                     except_id=row.id)
    current = band_schedule_out(row) if row.id is not None else None
    merged = {**(current.model_dump() if current else {}), **changes}
    try:
        BillingBands.peak_hours(frozenset(merged["peak_days"]), merged["peak_start"], merged["peak_end"],
                                frozenset(merged["weekend_days"]), frozenset(merged["holidays"]))
    except ValueError as exc:
        raise invalid(("body", "peak_end"), f"{exc} (00:00 means midnight at the end of the day)",
                      merged["peak_end"].isoformat()) from None
    for name in ("peak_days", "weekend_days", "holidays"):
        if name in changes:
            changes[name] = ",".join(str(value) for value in changes[name])
    changed = apply_patch(row, changes)
    session.add(row)
    flush_or(session, name_taken("band schedule", row.name))
    if changed:
        bump_tariff_versions(session, Tariff.band_schedule_id == row.id)
    session.refresh(row)
    return changed


BandScheduleSort = Literal["name", "peak_start"]
BAND_SCHEDULE_SORT: SortKeys[BandScheduleSort] = SortKeys(BandScheduleSort, {
    "name": func.lower(BandSchedule.name), "peak_start": BandSchedule.peak_start,
})


@router.get("", responses=RESPONSES)
def list_band_schedules(
    session: DbSession,
    _user: PricingAdmin,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[BandScheduleSort | None, BAND_SCHEDULE_SORT.query()] = None,
    order: Order = SortOrder.ASC,
) -> BandSchedulePage:
    rows, next_after = keyset_page(session, select(BandSchedule), BandSchedule.id, after, limit,
                                   ordering=BAND_SCHEDULE_SORT.ordering(sort, order))
    return BandSchedulePage(items=[band_schedule_out(row) for row in rows], next_after=next_after)


@router.get("/{schedule_id}", responses=RESPONSES)
def get_band_schedule(schedule_id: ObjectId, session: DbSession, _user: PricingAdmin) -> BandScheduleOut:
    return band_schedule_out(_schedule(session, schedule_id))


@router.post("", status_code=status.HTTP_201_CREATED, responses=WRITE_RESPONSES)
def create_band_schedule(body: BandScheduleCreate, session: DbSession, user: PricingAdmin) -> BandScheduleOut:
    row = BandSchedule()
    _save(session, row, body.model_dump())
    out = band_schedule_out(row)
    record_created(session, user, "band_schedule", row.id, out)
    return out


@router.patch("/{schedule_id}", responses=WRITE_RESPONSES)
def update_band_schedule(schedule_id: ObjectId, body: BandScheduleFields, session: DbSession,
                         user: PricingAdmin) -> BandScheduleOut:
    row = _schedule(session, schedule_id)
    changed = _save(session, row, body.model_dump(exclude_unset=True))
    if changed:
        record_audit(session, user, "update", "band_schedule", row.id, changed)
    return band_schedule_out(row)


@router.delete("/{schedule_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_RESPONSES)
def delete_band_schedule(schedule_id: ObjectId, session: DbSession, user: PricingAdmin) -> None:
    """Refused (409) while a tariff uses the schedule."""
    row = _schedule(session, schedule_id)
    tariffs = session.scalar(select(func.count()).where(Tariff.band_schedule_id == row.id)) or 0
    delete_unused(session, user, row, "band_schedule", label=f"band schedule {row.name!r}",
                  users=counted(tariffs, "tariff") if tariffs else "", fix="give them another schedule (or none) first",
                  audit={"name": row.name})
