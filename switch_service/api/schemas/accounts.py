"""Changing an account, an ANI, and what the switch will do with an account's calls (`GET /accounts/{id}/calling`).
AccountCreate and AccountOut live in `switch_service.api.schemas`, with the field types used here."""

from __future__ import annotations

import datetime as dt
import enum

from pydantic import Field

from switch_service.api.schemas import (
    AccountKind,
    AccountName,
    AccountNumber,
    AniLimit,
    CallLimit,
    Country,
    CpsLimit,
    Email,
    Id,
    Language,
    Money,
    NonNegativeMoney,
    OutputModel,
    Status,
    Timestamp,
    TimeZoneName,
)
from switch_service.api.schemas.fields import PatchModel


class AccountUpdate(PatchModel):
    """The fields sent change; the others keep their value. Null clears a field that may be empty. Status:
    `suspended` refuses new calls and payments (calls in progress go on); `closed` refuses new calls, hangs up the
    connected calls and takes only refunds; `active` again lifts either."""

    nullable = frozenset({"email", "reseller_id", "tariff_id", "dial_plan_id", "tax_profile_id", "expires_at",
                          "low_balance_threshold", "country"})

    number: AccountNumber | None = None
    name: AccountName | None = None
    kind: AccountKind | None = None
    status: Status | None = None
    credit_limit: NonNegativeMoney | None = None
    overdraft: NonNegativeMoney | None = None
    email: Email | None = None
    reseller_id: Id | None = None
    tariff_id: Id | None = Field(default=None, description="a sell tariff in the account's currency")
    dial_plan_id: Id | None = None
    tax_profile_id: Id | None = None
    language: Language | None = None
    country: Country | None = None
    time_zone: TimeZoneName | None = None
    expires_at: Timestamp | None = None
    max_concurrent_calls: CallLimit | None = None
    cps_limit: CpsLimit | None = None
    max_anis: AniLimit | None = None
    low_balance_threshold: NonNegativeMoney | None = None


class CallBlock(enum.StrEnum):
    """Why the switch refuses an account's calls (README "Why can't this account call?")."""

    SUSPENDED = "suspended"
    CLOSED = "closed"
    EXPIRED = "expired"
    NO_TARIFF = "no_tariff"
    TARIFF_CURRENCY = "tariff_currency"
    NO_RATES = "no_rates"
    NO_DIAL_PLAN = "no_dial_plan"
    NO_ROUTES = "no_routes"
    NO_MONEY = "no_money"
    NOT_IDENTIFIED = "not_identified"


class CallBlockOut(OutputModel):
    code: CallBlock
    message: str = Field(description="the reason and what to do, in English")


class TariffRef(OutputModel):
    id: int
    name: str
    currency: str
    rates_in_force: int = Field(description="rates of the tariff in force now")


class DialPlanRef(OutputModel):
    id: int
    name: str
    routes: int


class NamedRef(OutputModel):
    id: int
    name: str


class AccountCalling(OutputModel):
    """What the switch does with the account's calls now, and everything that stops them (empty: it can call)."""

    account_id: int
    can_call: bool
    blocks: list[CallBlockOut]
    tariff: TariffRef | None = None
    dial_plan: DialPlanRef | None = None
    tax_profile: NamedRef | None = None
    available: Money = Field(description="balance + overdraft (credit limit when postpaid) - money held by calls")
    low_balance: bool = Field(description="available is below the account's low-balance threshold")
    max_concurrent_calls: int
    cps_limit: int
    max_anis: int
    anis: int = Field(description="caller numbers registered")
    calls_in_progress: int
    expires_at: dt.datetime | None = None


class AniUpdate(PatchModel):
    """Null `destination` removes the stored destination (the caller then goes to the IVR, when there is one)."""

    nullable = frozenset({"destination"})

    destination: str | None = Field(default=None, min_length=1, max_length=40,
                                          description="PIN-less direct dial: a call from this number to an access "
                                          "number goes here at once; any usual form, stored as E.164 digits")
