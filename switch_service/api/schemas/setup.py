"""The first run (the service's first admin and the company) and the company settings afterwards."""

from __future__ import annotations

import functools
import zoneinfo
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from switch_service.api.schemas import InputModel, Money, OutputModel
from switch_service.api.schemas.fields import PatchModel
from switch_service.api.schemas.users import Password, Username


@functools.cache
def time_zone_names() -> frozenset[str]:
    """The IANA names this machine knows (read from the system's or tzdata's zone files once)."""
    return frozenset(zoneinfo.available_timezones())


def _known_zone(name: str) -> str:
    if name not in time_zone_names():
        raise ValueError(f"{name!r} is not an IANA time zone name (examples: UTC, Europe/Madrid, America/New_York)")
    return name


CompanyName = Annotated[str, Field(min_length=1, max_length=120)]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", description="ISO 4217 code (USD, EUR, ...)"),
                         AfterValidator(str.upper)]
TimeZoneName = Annotated[str, Field(max_length=64, description="IANA name (Europe/Madrid, UTC, ...)"),
                         AfterValidator(_known_zone)]


class SetupStatus(OutputModel):
    needs_admin: bool = Field(description="true while the service has no user: POST /setup creates the first admin")


class SetupIn(InputModel):
    username: Username
    password: Password
    company_name: CompanyName
    currency: CurrencyCode
    time_zone: TimeZoneName


CashRounding = Literal["refuse", "round"]
_CASH_ROUNDING = ("a payment with digits below the currency's smallest unit (20.005 USD): refused (422 naming "
                  "the amount) or rounded half up to it")
_LOW_BALANCE = "accounts whose balance is below this are counted as low on the dashboard"


class CompanyOut(OutputModel):
    name: str
    currency: str
    time_zone: str
    low_balance: Money = Field(default=Decimal(1), description=_LOW_BALANCE)
    cash_rounding: CashRounding = Field(default="refuse", description=_CASH_ROUNDING)


class CompanyUpdate(PatchModel):
    name: CompanyName | None = None
    currency: CurrencyCode | None = None
    time_zone: TimeZoneName | None = None
    low_balance: Money | None = Field(default=None, description=_LOW_BALANCE)
    cash_rounding: CashRounding | None = Field(default=None, description=_CASH_ROUNDING)
