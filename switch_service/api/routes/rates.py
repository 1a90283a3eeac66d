"""The rates of a tariff: keyset-paged list filtered in SQL, one rate, create, PATCH, delete, and the whole
tariff streamed as a native rate deck. Admin only, but a reseller user lists, reads and changes (PATCH) the rates
of its own white-label sell tariff (another tariff is a 404).

A rate entered here is held to the rate-deck rules (the schema repeats them; the cross-field checks below are the
deck's), and every write bumps the tariff's version so the in-memory rate indexes rebuild.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query, status
from fastapi.responses import StreamingResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Context, DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import conflict, flush_or, invalid
from switch_service.api.routes.pricing import (
    RESPONSES,
    WRITE_RESPONSES,
    PricingAdmin,
    TariffReader,
    bump_tariff_versions,
)
from switch_service.api.routes.router import api_router
from switch_service.api.routes.tariffs import get_tariff
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder, Timestamp
from switch_service.api.schemas.rates import MAX_DESTINATION, PREFIX_PATTERN, RateCreate, RateOut, RatePage, RatePatch
from switch_service.api.sorting import Order, SortKeys
from switch_service.decks import NATIVE_COLUMNS, format_row
from switch_service.decks.parsing import as_utc_seconds
from switch_service.store.models import Rate, Reseller, Tariff, User
from switch_service.store.models.enums import Role
from switch_service.store.repositories.rates import find_rate_sql, in_force, load_rates
from switch_service.store.types import utcnow

router = api_router(prefix="/tariffs/{tariff_id}", tags=["rates"])

EXPORT_FLUSH_ROWS = 2000  # rows per chunk of the streamed CSV


def rate_out(rate: Rate) -> RateOut:
    return RateOut.model_validate({"id": rate.id, "tariff_id": rate.tariff_id,
                                   **{name: getattr(rate, name) for name in NATIVE_COLUMNS}})


def _rate(session: Session, tariff_id: int, rate_id: int) -> Rate:
    rate = session.scalar(select(Rate).where(Rate.id == rate_id, Rate.tariff_id == tariff_id))
    if rate is None:
        get_tariff(session, tariff_id)  # say which one is missing
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"tariff {tariff_id} has no rate {rate_id}")
    return rate


def _cross_check(values: Mapping[str, Any]) -> None:
    """The deck's rules that span fields: a step's start and price go together; validity ends after it starts."""
    for number in (1, 2, 3):
        after, price = values[f"step{number}_after_s"], values[f"step{number}_price"]
        if (after is None) != (price is None):
            missing = f"step{number}_price" if price is None else f"step{number}_after_s"
            raise invalid(("body", missing), f"step{number}_after_s and step{number}_price go together")
    if values["valid_until"] is not None and values["valid_until"] <= values["valid_from"]:
        raise invalid(("body", "valid_until"), "valid_until is not after valid_from",
                      values["valid_until"].isoformat())


def _save(session: Session, rate: Rate, changes: dict[str, Any]) -> dict[str, Any]:
    """Check the rate as it will be like a deck row, write it and bump the tariff's version; the fields changed
    (`apply_patch`)."""
    for name in ("valid_from", "valid_until"):
        if changes.get(name) is not None:
            changes[name] = as_utc_seconds(changes[name])  # whole seconds: every backend keeps the same time
    merged = {name: changes[name] if name in changes else getattr(rate, name) for name in NATIVE_COLUMNS}
    _cross_check(merged)
    taken = conflict(f"prefix {merged['prefix']} already has a rate starting {merged['valid_from'].isoformat()} "
                     "in this tariff")
    clash = select(Rate.id).where(Rate.tariff_id == rate.tariff_id, Rate.prefix == merged["prefix"],
                                  Rate.valid_from == merged["valid_from"])
    if rate.id is not None:
        clash = clash.where(Rate.id != rate.id)
    if session.scalar(clash) is not None:
        raise taken
    changed = apply_patch(rate, changes)
    session.add(rate)
    flush_or(session, taken)  # a race lost to another client writing the same prefix and start
    if changed:
        bump_tariff_versions(session, Tariff.id == rate.tariff_id)
    session.refresh(rate)
    return changed


def _refuse_below_buy(session: Session, user: User, rate: Rate, fields: set[str]) -> None:
    """422 (the request's transaction then rolls back) when a reseller user's change sells below its buy price."""
    buy_tariff = session.scalar(select(Reseller.tariff_id).where(Reseller.id == user.reseller_id))
    buy = find_rate_sql(session, buy_tariff, rate.prefix, rate.valid_from) if buy_tariff is not None else None
    for name in ("price_per_minute", "connect_fee"):
        if buy is not None and name in fields and getattr(rate, name) < getattr(buy, name):
            raise invalid(("body", name), f"{name} {getattr(rate, name)} sells below the buy price "
                          f"{getattr(buy, name)} of prefix {buy.prefix}", str(getattr(rate, name)))


RateSort = Literal["prefix", "destination", "price_per_minute", "connect_fee", "valid_from"]
RATE_SORT: SortKeys[RateSort] = SortKeys(RateSort, {
    "prefix": Rate.prefix, "destination": func.lower(Rate.destination), "price_per_minute": Rate.price_per_minute,
    "connect_fee": Rate.connect_fee, "valid_from": Rate.valid_from,
})


@router.get("/rates", responses=RESPONSES)
def list_rates(
    tariff_id: ObjectId,
    session: DbSession,
    user: TariffReader,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[RateSort | None, RATE_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    prefix: Annotated[str | None, Query(pattern=PREFIX_PATTERN, description="prefixes starting with these digits")
                      ] = None,
    destination: Annotated[str | None, Query(max_length=MAX_DESTINATION, description="part of the destination")
                           ] = None,
    in_force_at: Annotated[Timestamp | None, Query(description="only rates valid at this time")] = None,
) -> RatePage:
    get_tariff(session, tariff_id, user)
    query = select(Rate).where(Rate.tariff_id == tariff_id)
    if prefix is not None:
        query = query.where(Rate.prefix.startswith(prefix, autoescape=True))
    if destination is not None and destination.strip():
        query = query.where(Rate.destination.icontains(destination.strip(), autoescape=True))
    if in_force_at is not None:
        query = query.where(*in_force(in_force_at))
    rows, next_after = keyset_page(session, query, Rate.id, after, limit, ordering=RATE_SORT.ordering(sort, order))
    return RatePage(items=[rate_out(rate) for rate in rows], next_after=next_after)


@router.get("/rates/{rate_id}", responses=RESPONSES)
def get_rate(tariff_id: ObjectId, rate_id: ObjectId, session: DbSession, user: TariffReader) -> RateOut:
    get_tariff(session, tariff_id, user)
    return rate_out(_rate(session, tariff_id, rate_id))


@router.post("/rates", status_code=status.HTTP_201_CREATED, responses=WRITE_RESPONSES)
def create_rate(tariff_id: ObjectId, body: RateCreate, session: DbSession, user: PricingAdmin) -> RateOut:
    get_tariff(session, tariff_id)
    values = body.model_dump(exclude_unset=True)
    values.setdefault("valid_from", utcnow())
    rate = Rate(tariff_id=tariff_id)
    _save(session, rate, values)
    out = rate_out(rate)
    record_created(session, user, "rate", rate.id, out)
    return out


@router.patch("/rates/{rate_id}", responses=WRITE_RESPONSES)
def update_rate(tariff_id: ObjectId, rate_id: ObjectId, body: RatePatch, session: DbSession,
                user: TariffReader) -> RateOut:
    """Change the fields sent. A reseller user's price or connect fee below what it buys the prefix at (its buy
    tariff's rate in force when the rate starts) is a 422 naming the field, and nothing changes."""
    get_tariff(session, tariff_id, user)
    rate = _rate(session, tariff_id, rate_id)
    changes = body.model_dump(exclude_unset=True)
    changed = _save(session, rate, changes)
    if user.role is Role.RESELLER:
        _refuse_below_buy(session, user, rate, set(changes))
    if changed:
        record_audit(session, user, "update", "rate", rate.id, {"tariff_id": tariff_id, **changed})
    return rate_out(rate)


@router.delete("/rates/{rate_id}", status_code=status.HTTP_204_NO_CONTENT, responses=RESPONSES)
def delete_rate(tariff_id: ObjectId, rate_id: ObjectId, session: DbSession, user: PricingAdmin) -> None:
    rate = _rate(session, tariff_id, rate_id)
    record_audit(session, user, "delete", "rate", rate.id, {"tariff_id": tariff_id, "prefix": rate.prefix,
                                                            "valid_from": rate.valid_from})
    session.delete(rate)
    session.flush()
    bump_tariff_versions(session, Tariff.id == tariff_id)


def _file_name(name: str) -> str:
    return (re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "tariff") + ".csv"


@router.get("/rates.csv", responses={**RESPONSES, 200: {"content": {"text/csv": {}}}},
            response_class=StreamingResponse)
def export_rates(
    tariff_id: ObjectId,
    session: DbSession,
    _user: PricingAdmin,
    context: Context,
    in_force_at: Annotated[Timestamp | None, Query(description="only the rates valid at this time (the "
                                                                         "CLI's --at)")] = None,
) -> StreamingResponse:
    """The tariff as a native rate deck, byte for byte what `carrier-switch rates export` writes (and what an
    import reads back unchanged). Streamed from one read transaction, so it is one consistent picture."""
    tariff = get_tariff(session, tariff_id)

    def chunks() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")  # as decks.write_native
        writer.writerow(NATIVE_COLUMNS)
        with context.sessions() as reader:  # the request's own session is closed before the body is streamed
            for count, rate in enumerate(load_rates(reader, tariff_id, at=in_force_at), 1):
                writer.writerow(format_row(getattr(rate, name) for name in NATIVE_COLUMNS))
                if count % EXPORT_FLUSH_ROWS == 0:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{_file_name(tariff.name)}"'})
