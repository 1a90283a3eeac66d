"""Tax profiles with their taxes: keyset-paged list, one, create, update, delete. Admin only.

A profile's taxes are replaced as a whole list. The new rows are inserted before the old ones are deleted, so the
largest tax id always grows: the billing policy's change fingerprint (count and max id of taxes) sees every edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from fastapi import status
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.request_errors import ensure_name_free, flush_or, get_or_404, name_taken
from switch_service.api.routes.pricing import RESPONSES, WRITE_RESPONSES, PricingAdmin, counted, delete_unused
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.taxes import (
    TaxIn,
    TaxOut,
    TaxProfileCreate,
    TaxProfileOut,
    TaxProfilePage,
    TaxProfileUpdate,
)
from switch_service.api.sorting import Order, SortKeys
from switch_service.store.models import Account, Reseller, Tax, TaxProfile

router = api_router(prefix="/tax-profiles", tags=["taxes"])


def _profiles_out(session: Session, profiles: Sequence[TaxProfile]) -> list[TaxProfileOut]:
    """The profiles with their taxes, read with one query for the whole page."""
    taxes: dict[int, list[TaxOut]] = {profile.id: [] for profile in profiles}
    if taxes:
        query = select(Tax).where(Tax.profile_id.in_(taxes)).order_by(Tax.profile_id, Tax.position, Tax.id)
        for tax in session.scalars(query):
            taxes[tax.profile_id].append(TaxOut(id=tax.id, name=tax.name, percent=tax.percent,
                                                inclusive=tax.inclusive, position=tax.position))
    return [TaxProfileOut(id=profile.id, name=profile.name, taxes=taxes[profile.id]) for profile in profiles]


def _profile(session: Session, profile_id: int) -> TaxProfile:
    return get_or_404(session, TaxProfile, profile_id, "tax profile")


def _replace_taxes(session: Session, profile_id: int, taxes: Sequence[TaxIn]) -> None:
    old = list(session.scalars(select(Tax.id).where(Tax.profile_id == profile_id)))
    session.add_all(Tax(profile_id=profile_id, name=tax.name, percent=tax.percent, inclusive=tax.inclusive,
                        position=index if tax.position is None else tax.position)
                    for index, tax in enumerate(taxes))
    session.flush()
    if old:
        session.execute(delete(Tax).where(Tax.id.in_(old)).execution_options(synchronize_session=False))


def _save(session: Session, profile: TaxProfile, name: str | None, taxes: Sequence[TaxIn] | None) -> TaxProfileOut:
    ensure_name_free(session, TaxProfile.name, TaxProfile.id, name, "tax profile", except_id=profile.id)
    if name is not None:
        profile.name = name
    session.add(profile)
    flush_or(session, name_taken("tax profile", profile.name))
    if taxes is not None:
        _replace_taxes(session, profile.id, taxes)
    return _profiles_out(session, [profile])[0]


TaxProfileSort = Literal["name"]
TAX_PROFILE_SORT: SortKeys[TaxProfileSort] = SortKeys(TaxProfileSort, {"name": func.lower(TaxProfile.name)})


@router.get("", responses=RESPONSES)
def list_tax_profiles(
    session: DbSession,
    _user: PricingAdmin,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[TaxProfileSort | None, TAX_PROFILE_SORT.query()] = None,
    order: Order = SortOrder.ASC,
) -> TaxProfilePage:
    rows, next_after = keyset_page(session, select(TaxProfile), TaxProfile.id, after, limit,
                                   ordering=TAX_PROFILE_SORT.ordering(sort, order))
    return TaxProfilePage(items=_profiles_out(session, rows), next_after=next_after)


@router.get("/{profile_id}", responses=RESPONSES)
def get_tax_profile(profile_id: ObjectId, session: DbSession, _user: PricingAdmin) -> TaxProfileOut:
    return _profiles_out(session, [_profile(session, profile_id)])[0]


@router.post("", status_code=status.HTTP_201_CREATED, responses=WRITE_RESPONSES)
def create_tax_profile(body: TaxProfileCreate, session: DbSession, user: PricingAdmin) -> TaxProfileOut:
    out = _save(session, TaxProfile(), body.name, body.taxes)
    record_created(session, user, "tax_profile", out.id, out)
    return out


@router.patch("/{profile_id}", responses=WRITE_RESPONSES)
def update_tax_profile(profile_id: ObjectId, body: TaxProfileUpdate, session: DbSession,
                       user: PricingAdmin) -> TaxProfileOut:
    out = _save(session, _profile(session, profile_id), body.name, body.taxes)
    record_audit(session, user, "update", "tax_profile", out.id, out.model_dump(mode="json", exclude={"id"}))
    return out


@router.delete("/{profile_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_RESPONSES)
def delete_tax_profile(profile_id: ObjectId, session: DbSession, user: PricingAdmin) -> None:
    """Delete the profile and its taxes; refused (409) while an account or a reseller uses it."""
    profile = _profile(session, profile_id)
    accounts = session.scalar(select(func.count()).where(Account.tax_profile_id == profile.id)) or 0
    resellers = session.scalar(select(func.count()).where(Reseller.tax_profile_id == profile.id)) or 0
    if not accounts and not resellers:
        session.execute(delete(Tax).where(Tax.profile_id == profile.id).execution_options(synchronize_session=False))
    users = " and ".join(counted(count, noun) for count, noun in ((accounts, "account"), (resellers, "reseller"))
                         if count)
    delete_unused(session, user, profile, "tax_profile", label=f"tax profile {profile.name!r}",
                  users=users, fix="give them another profile first",
                  audit={"name": profile.name})
