"""Free-minute packages and the packages assigned to an account, as the API shows them (admin only)."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from pydantic import Field, field_validator

from switch_service.api.schemas import Id, InputModel, Money, NonNegativeMoney, OutputModel, Timestamp
from switch_service.api.schemas.fields import PatchModel
from switch_service.api.schemas.rates import MAX_NAME, MAX_SECONDS, Prefix, sorted_distinct

MAX_PACKAGE_PREFIXES = 10_000


class Period(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


def _distinct_prefixes(prefixes: list[str] | None) -> list[str] | None:
    return sorted_distinct(prefixes, "prefix")


class PackageUpdate(PatchModel):
    """Only the fields sent change."""

    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    period: Period | None = None
    free_seconds: int | None = Field(default=None, ge=0, le=MAX_SECONDS, description="free seconds per period")
    prefixes: list[Prefix] | None = Field(default=None, min_length=1, max_length=MAX_PACKAGE_PREFIXES,
                                          description="the destination group: E.164 digits a number starts with")
    fee: NonNegativeMoney | None = Field(default=None, description="price of the package per period")


    _distinct = field_validator("prefixes")(_distinct_prefixes)


class PackageCreate(PackageUpdate):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    period: Period = Period.MONTHLY
    free_seconds: int = Field(ge=0, le=MAX_SECONDS, description="free seconds per period")
    prefixes: list[Prefix] = Field(min_length=1, max_length=MAX_PACKAGE_PREFIXES,
                                   description="the destination group: E.164 digits a number starts with")
    fee: NonNegativeMoney = Field(default=Decimal(0), description="price of the package per period")


class PackageOut(OutputModel):
    id: int
    name: str
    period: Period
    free_seconds: int
    prefixes: list[str]
    fee: Money
    created_at: dt.datetime
    updated_at: dt.datetime


class PackagePage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[PackageOut]
    next_after: int | None = None


class AccountPackageCreate(InputModel):
    package_id: Id
    at: Timestamp | None = Field(
        default=None, description="a moment in the first period the free seconds count for (its start is worked "
                                  "out in the account's time zone); default: now")


class AccountPackageOut(OutputModel):
    id: int
    account_id: int
    package_id: int
    package_name: str
    period: Period
    period_start: dt.datetime
    free_seconds: int
    used_seconds: int
    remaining_seconds: int = Field(description="free seconds left in this period (never below 0)")


class AccountPackagePage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[AccountPackageOut]
    next_after: int | None = None
