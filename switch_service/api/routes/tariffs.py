"""Tariffs (sell decks and carriers' buy decks): keyset-paged list, one with its rate count, create, update,
delete. Admin only, but a reseller user lists and reads its own white-label sell tariff (another is a 404). Every
change bumps the tariff's version so the in-memory rate indexes rebuild."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query, status
from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Context, DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import (
    conflict,
    ensure_name_free,
    flush_or,
    get_or_404,
    invalid,
    name_taken,
    not_found,
)
from switch_service.api.routes.pricing import (
    RESPONSES,
    WRITE_RESPONSES,
    PricingAdmin,
    TariffReader,
    bump_tariff_versions,
    counted,
    delete_unused,
    tariff_visible,
)
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.rates import (
    TariffCreate,
    TariffDetail,
    TariffKind,
    TariffOut,
    TariffPage,
    TariffUpdate,
)
from switch_service.api.sorting import Order, SortKeys
from switch_service.store.models import Account, BandSchedule, CardBatch, Carrier, Rate, Reseller, Tariff, User
from switch_service.store.models.enums import TariffKind as StoreTariffKind
from switch_service.store.repositories.company import DEFAULT_TARIFF, default_uses, read_company
from switch_service.store.repositories.rates import count_rates, rate_counts

router = api_router(prefix="/tariffs", tags=["tariffs"])


def tariff_out(tariff: Tariff) -> TariffOut:
    return TariffOut(id=tariff.id, name=tariff.name, kind=TariffKind(tariff.kind.value), currency=tariff.currency,
                     band_schedule_id=tariff.band_schedule_id, version=tariff.version,
                     created_at=tariff.created_at, updated_at=tariff.updated_at)


def tariff_detail(tariff: Tariff, rate_count: int) -> TariffDetail:
    return TariffDetail(**tariff_out(tariff).model_dump(), rate_count=rate_count)


def get_tariff(session: Session, tariff_id: int, user: User | None = None) -> Tariff:
    """The tariff, if `user` (when given) may see it (`tariff_visible`); else 404."""
    if user is None:
        return get_or_404(session, Tariff, tariff_id, "tariff")
    tariff = session.scalar(select(Tariff).where(Tariff.id == tariff_id, tariff_visible(user)))
    if tariff is None:
        raise not_found("tariff", tariff_id)
    return tariff


def _check_band_schedule(session: Session, band_schedule_id: int | None) -> None:
    if band_schedule_id is not None and session.get(BandSchedule, band_schedule_id) is None:
        raise invalid(("body", "band_schedule_id"), f"band schedule {band_schedule_id} does not exist",
                      band_schedule_id)


def _users(session: Session, tariff_id: int, *, sell_side: bool = True, buy_side: bool = True) -> str:
    """What still points at the tariff, as '1 carrier and 2 accounts' (empty when nothing does)."""
    checks: list[tuple[bool, InstrumentedAttribute[int | None], str, str | None]] = [
        (buy_side, Carrier.buy_tariff_id, "carrier", None),
        (sell_side, Reseller.tariff_id, "reseller", None),
        (sell_side, Reseller.sell_tariff_id, "reseller (its own sell tariff)", "resellers (their own sell tariffs)"),
        (sell_side, Account.tariff_id, "account", None),
        (sell_side, CardBatch.tariff_id, "card batch", "card batches"),
    ]
    found = []
    for wanted, column, noun, nouns in checks:
        count = session.scalar(select(func.count()).where(column == tariff_id)) if wanted else 0
        if count:
            found.append(counted(count, noun, nouns))
    if sell_side and default_uses(session, DEFAULT_TARIFF, tariff_id):
        found.append("the company (its default tariff for new accounts)")
    return " and ".join(found)


TariffSort = Literal["name", "kind", "currency", "version"]
TARIFF_SORT: SortKeys[TariffSort] = SortKeys(TariffSort, {
    "name": func.lower(Tariff.name), "kind": Tariff.kind, "currency": Tariff.currency, "version": Tariff.version,
})


@router.get("", responses=RESPONSES)
def list_tariffs(
    session: DbSession,
    user: TariffReader,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    *,
    sort: Annotated[TariffSort | None, TARIFF_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    q: Annotated[str | None, Query(max_length=100, description="part of the name")] = None,
    kind: Annotated[TariffKind | None, Query()] = None,
) -> TariffPage:
    query = select(Tariff).where(tariff_visible(user))
    if q is not None and q.strip():
        query = query.where(Tariff.name.icontains(q.strip(), autoescape=True))
    if kind is not None:
        query = query.where(Tariff.kind == StoreTariffKind(kind.value))
    rows, next_after = keyset_page(session, query, Tariff.id, after, limit, ordering=TARIFF_SORT.ordering(sort, order))
    counts = rate_counts(session, [t.id for t in rows])
    return TariffPage(items=[tariff_detail(t, counts.get(t.id, 0)) for t in rows], next_after=next_after)


@router.get("/{tariff_id}", responses=RESPONSES)
def get_tariff_detail(tariff_id: ObjectId, session: DbSession, user: TariffReader) -> TariffDetail:
    tariff = get_tariff(session, tariff_id, user)
    return tariff_detail(tariff, count_rates(session, tariff.id))


@router.post("", status_code=status.HTTP_201_CREATED, responses=WRITE_RESPONSES)
def create_tariff(body: TariffCreate, session: DbSession, user: PricingAdmin, context: Context) -> TariffOut:
    ensure_name_free(session, Tariff.name, Tariff.id, body.name, "tariff")
    _check_band_schedule(session, body.band_schedule_id)
    tariff = Tariff(name=body.name, kind=StoreTariffKind(body.kind.value),
                    currency=body.currency or read_company(session, context.settings).currency,
                    band_schedule_id=body.band_schedule_id)
    session.add(tariff)
    flush_or(session, name_taken("tariff", body.name))
    session.refresh(tariff)
    out = tariff_out(tariff)
    record_created(session, user, "tariff", tariff.id, out)
    return out


@router.patch("/{tariff_id}", responses=WRITE_RESPONSES)
def update_tariff(tariff_id: ObjectId, body: TariffUpdate, session: DbSession, user: PricingAdmin) -> TariffOut:
    tariff = get_tariff(session, tariff_id)
    changes = body.model_dump(exclude_unset=True)
    if "name" in changes:
        ensure_name_free(session, Tariff.name, Tariff.id, changes["name"], "tariff", except_id=tariff.id)
    if "band_schedule_id" in changes:
        _check_band_schedule(session, changes["band_schedule_id"])
    if "kind" in changes:
        changes["kind"] = StoreTariffKind(changes["kind"])
        if changes["kind"] is not tariff.kind:
            selling = changes["kind"] is StoreTariffKind.SELL
            users = _users(session, tariff.id, sell_side=not selling, buy_side=selling)
            if users:
                raise conflict(f"tariff {tariff.name!r} cannot become a {changes['kind'].value} tariff: it is still "
                               f"used as a {tariff.kind.value} tariff by {users}")
    if changes.get("currency", tariff.currency) != tariff.currency and (users := _users(session, tariff.id)):
        raise conflict(f"tariff {tariff.name!r} cannot change its currency: {users} in {tariff.currency} use it")
    changed = apply_patch(tariff, changes)
    if changed:
        flush_or(session, name_taken("tariff", tariff.name))
        bump_tariff_versions(session, Tariff.id == tariff.id)
        session.refresh(tariff)
        record_audit(session, user, "update", "tariff", tariff.id, changed)
    return tariff_out(tariff)


@router.delete("/{tariff_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_RESPONSES)
def delete_tariff(tariff_id: ObjectId, session: DbSession, user: PricingAdmin) -> None:
    """Delete the tariff and all its rates; refused (409) while anything still uses it."""
    tariff = get_tariff(session, tariff_id)
    users = _users(session, tariff.id)
    audit = {"name": tariff.name, "rates": count_rates(session, tariff.id)}
    if not users:
        session.execute(delete(Rate).where(Rate.tariff_id == tariff.id).execution_options(synchronize_session=False))
    delete_unused(session, user, tariff, "tariff", label=f"tariff {tariff.name!r}", users=users,
                  fix="give them another tariff first", audit=audit)
