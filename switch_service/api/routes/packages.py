"""Free-minute packages (CRUD) and the packages of an account (assign, list with used seconds, remove).
Admin only.

An account's package is one row per period (`account_packages`: account, package, period start, seconds used);
assigning a package opens its row for the period holding `at`, with the period's start worked out in the
account's time zone (`billing.periods.period_start`, as rating counts usage). Calls spend the seconds (the RADIUS
policy claims them at authorisation); the service's fee runner renews a package into the next period with its fee
(store.repositories.package_renewals), so deleting the current period's entry is how a package is stopped (the
entries before it stop renewing: `renews` off; assigning the package again starts it again).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import HTTPException, status
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import DbSession
from switch_service.api.idempotency import Keyed
from switch_service.api.keyset import keyset_page, keyset_rows
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import (
    conflict,
    ensure_name_free,
    flush_or,
    get_or_404,
    missing_row,
    name_taken,
)
from switch_service.api.routes.anis import visible_account
from switch_service.api.routes.payments import record_payment
from switch_service.api.routes.pricing import RESPONSES, WRITE_RESPONSES, PricingAdmin, counted, delete_unused
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.packages import (
    AccountPackageCreate,
    AccountPackageOut,
    AccountPackagePage,
    PackageCreate,
    PackageOut,
    PackagePage,
    PackageUpdate,
    Period,
)
from switch_service.api.sorting import Order, SortKeys
from switch_service.billing.periods import Period as BillingPeriod
from switch_service.billing.periods import period_start, zone_named
from switch_service.store.models import AccountPackage, Package
from switch_service.store.models.enums import PaymentKind
from switch_service.store.models.enums import Period as StorePeriod

router = api_router(tags=["packages"])


def package_out(package: Package) -> PackageOut:
    return PackageOut(id=package.id, name=package.name, period=Period(package.period.value),
                      free_seconds=package.free_seconds, prefixes=[p for p in package.prefixes.split(",") if p],
                      fee=package.fee, created_at=package.created_at, updated_at=package.updated_at)


def _package(session: Session, package_id: int) -> Package:
    return get_or_404(session, Package, package_id, "package")


def _save(session: Session, package: Package, body: PackageUpdate) -> dict[str, Any]:
    """Check and write the fields sent; the fields changed (`apply_patch`)."""
    changes = body.model_dump(exclude_unset=True)
    ensure_name_free(session, Package.name, Package.id, changes.get("name"), "package", except_id=package.id)
    if "period" in changes:
        changes["period"] = StorePeriod(changes["period"])
    if "prefixes" in changes:
        changes["prefixes"] = ",".join(changes["prefixes"])
    changed = apply_patch(package, changes)
    session.add(package)
    flush_or(session, name_taken("package", package.name))
    session.refresh(package)
    return changed


PackageSort = Literal["name", "period", "free_seconds", "fee"]
PACKAGE_SORT: SortKeys[PackageSort] = SortKeys(PackageSort, {
    "name": func.lower(Package.name), "period": Package.period, "free_seconds": Package.free_seconds,
    "fee": Package.fee,
})


@router.get("/packages", responses=RESPONSES)
def list_packages(
    session: DbSession,
    _user: PricingAdmin,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[PackageSort | None, PACKAGE_SORT.query()] = None,
    order: Order = SortOrder.ASC,
) -> PackagePage:
    rows, next_after = keyset_page(session, select(Package), Package.id, after, limit,
                                   ordering=PACKAGE_SORT.ordering(sort, order))
    return PackagePage(items=[package_out(p) for p in rows], next_after=next_after)


@router.get("/packages/{package_id}", responses=RESPONSES)
def get_package(package_id: ObjectId, session: DbSession, _user: PricingAdmin) -> PackageOut:
    return package_out(_package(session, package_id))


@router.post("/packages", status_code=status.HTTP_201_CREATED, responses=WRITE_RESPONSES)
def create_package(body: PackageCreate, session: DbSession, user: PricingAdmin) -> PackageOut:
    package = Package()
    _save(session, package, body)
    out = package_out(package)
    record_created(session, user, "package", package.id, out)
    return out


@router.patch("/packages/{package_id}", responses=WRITE_RESPONSES)
def update_package(package_id: ObjectId, body: PackageUpdate, session: DbSession, user: PricingAdmin) -> PackageOut:
    package = _package(session, package_id)
    changed = _save(session, package, body)
    if changed:
        record_audit(session, user, "update", "package", package.id, changed)
    return package_out(package)


@router.delete("/packages/{package_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_RESPONSES)
def delete_package(package_id: ObjectId, session: DbSession, user: PricingAdmin) -> None:
    """Refused (409) while an account has the package (its usage rows would be lost)."""
    package = _package(session, package_id)
    accounts = session.scalar(select(func.count(func.distinct(AccountPackage.account_id)))
                              .where(AccountPackage.package_id == package.id)) or 0
    delete_unused(session, user, package, "package", label=f"package {package.name!r}",
                  users=counted(accounts, "account") if accounts else "", fix="remove it from them first",
                  audit={"name": package.name})


# --- the packages of an account ------------------------------------------------------------------


def account_package_out(row: AccountPackage, package: Package) -> AccountPackageOut:
    return AccountPackageOut(id=row.id, account_id=row.account_id, package_id=package.id,
                             package_name=package.name, period=Period(package.period.value),
                             period_start=row.period_start, free_seconds=package.free_seconds,
                             used_seconds=row.used_seconds,
                             remaining_seconds=max(package.free_seconds - row.used_seconds, 0))


@router.get("/accounts/{account_id}/packages", responses=RESPONSES)
def list_account_packages(
    account_id: ObjectId,
    session: DbSession,
    user: PricingAdmin,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> AccountPackagePage:
    """The account's packages, one entry per period, oldest first, with the seconds used in each."""
    visible_account(session, user, account_id)
    query = (select(AccountPackage, Package).join(Package, Package.id == AccountPackage.package_id)
             .where(AccountPackage.account_id == account_id))
    pairs, next_after = keyset_rows(session, query, AccountPackage.id, after, limit)
    return AccountPackagePage(items=[account_package_out(row, package) for row, package in pairs],
                              next_after=next_after)


@router.post("/accounts/{account_id}/packages", status_code=status.HTTP_201_CREATED, responses=WRITE_RESPONSES)
def assign_package(account_id: ObjectId, body: AccountPackageCreate, session: DbSession, user: PricingAdmin,
                   keyed: Keyed) -> AccountPackageOut:
    """Open the package for the period holding `at` (default now) and charge its fee for that period: a `fee`
    payment taken off the balance, in the same transaction (once, for the same request sent again with its
    `Idempotency-Key`)."""

    def assign() -> AccountPackageOut:
        account = visible_account(session, user, account_id)
        package = session.get(Package, body.package_id)
        if package is None:
            raise missing_row(("body", "package_id"), "package", body.package_id)
        zone = zone_named(account.time_zone)  # an unknown zone is counted in UTC, as rating does
        start = period_start(BillingPeriod(package.period.value), body.at or dt.datetime.now(dt.UTC), zone)
        taken = conflict(f"account {account_id} already has package {package.name!r} for the period starting "
                         f"{start.isoformat()}")
        if session.scalar(select(AccountPackage.id).where(AccountPackage.account_id == account_id,
                                                          AccountPackage.package_id == package.id,
                                                          AccountPackage.period_start == start)) is not None:
            raise taken
        if package.fee > 0:  # the period's price, in the same transaction: no package without its fee; the
            # account row first, as every money write locks it (record_payment)
            record_payment(session, user, account, PaymentKind.FEE, package.fee, method="package",
                           reference=f"{package.name} from {start.astimezone(zone).date().isoformat()}")
        row = AccountPackage(account_id=account_id, package_id=package.id, period_start=start, used_seconds=0)
        session.add(row)
        flush_or(session, taken)  # a race lost to another client assigning the same period
        record_audit(session, user, "create", "account_package", row.id,
                     {"account_id": account_id, "package_id": package.id, "period_start": start})
        return account_package_out(row, package)

    return keyed.write_once(session, user, body, answer=AccountPackageOut, work=assign)


@router.delete("/accounts/{account_id}/packages/{entry_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=RESPONSES)
def remove_account_package(account_id: ObjectId, entry_id: ObjectId, session: DbSession,
                           user: PricingAdmin) -> None:
    visible_account(session, user, account_id)
    row = session.scalar(select(AccountPackage).where(AccountPackage.id == entry_id,
                                                      AccountPackage.account_id == account_id))
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"account {account_id} has no package entry {entry_id}")
    record_audit(session, user, "delete", "account_package", row.id,
                 {"account_id": account_id, "package_id": row.package_id, "period_start": row.period_start,
                  "used_seconds": row.used_seconds})
    session.delete(row)
    # the package stops here: the fee runner renews from an account's latest row, which is now an earlier one
    session.execute(update(AccountPackage).where(AccountPackage.account_id == account_id,
                                                 AccountPackage.package_id == row.package_id,
                                                 AccountPackage.period_start < row.period_start)
                    .values(renews=False).execution_options(synchronize_session=False))
