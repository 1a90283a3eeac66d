"""The first run (the service's first admin and the company) and the company settings afterwards."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from switch_service.api.schemas import Id, InputModel, Money, OutputModel, TimeZoneName
from switch_service.api.schemas.fields import PatchModel
from switch_service.api.schemas.users import Password, Username

CompanyName = Annotated[str, Field(min_length=1, max_length=120)]
CompanyAddress = Annotated[str, Field(max_length=400)]
_ADDRESS = "printed under the company's name on statements and invoices; one line per line"
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", description="ISO 4217 code (USD, EUR, ...)"),
                         AfterValidator(str.upper)]


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
    default_tariff_id: int | None = Field(default=None, description="the sell tariff a new account takes when "
                                          "its request names none (only when in the account's currency)")
    default_dial_plan_id: int | None = Field(default=None, description="the dial plan a new account takes when "
                                             "its request names none")
    low_balance: Money = Field(default=Decimal(1), description=_LOW_BALANCE)
    cash_rounding: CashRounding = Field(default="refuse", description=_CASH_ROUNDING)
    address: str = Field(default="", description=_ADDRESS)


class CompanyUpdate(PatchModel):
    nullable = frozenset({"default_tariff_id", "default_dial_plan_id"})

    name: CompanyName | None = None
    currency: CurrencyCode | None = None
    time_zone: TimeZoneName | None = None
    default_tariff_id: Id | None = Field(default=None, description="a sell tariff in the company currency; null: "
                                         "none (new accounts get no tariff unless their request names one)")
    default_dial_plan_id: Id | None = Field(default=None, description="null: none")
    low_balance: Money | None = Field(default=None, description=_LOW_BALANCE)
    cash_rounding: CashRounding | None = Field(default=None, description=_CASH_ROUNDING)
    address: CompanyAddress | None = Field(default=None, description=_ADDRESS)
