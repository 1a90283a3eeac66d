"""Every request and response body of the HTTP API.

This module imports only pydantic and the standard library: the desktop imports it to parse answers,
and must not drag in FastAPI, SQLAlchemy or the store. The enums repeat the store's values on purpose
(a test keeps them equal).

Money is `Decimal` and travels as a JSON string ("12.500000"), never as a float.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import zoneinfo
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
)

API_PREFIX = "/api/v1"
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100
# The largest id a request may carry: 2**53 - 1, the largest integer a JSON number keeps exactly in every client
# (JavaScript and JSON Schema validators read numbers as doubles) and far inside every backend's 64-bit integer.
# Unbounded, an id beyond 2**63 - 1 was a 500 on every route (SQLite's driver cannot even compare it).
MAX_ID = 2**53 - 1

# An id in a request body (the path and query forms are in `switch_service.api.params`).
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class SortOrder(enum.StrEnum):
    """The direction of a sorted list (`order=`)."""

    ASC = "asc"
    DESC = "desc"


class Role(enum.StrEnum):
    ADMIN = "admin"
    SUPPORT = "support"
    RESELLER = "reseller"


class AccountKind(enum.StrEnum):
    PREPAID = "prepaid"
    POSTPAID = "postpaid"


class AccountListKind(enum.StrEnum):
    """What `GET /accounts?kind=` tells apart: customers' prepaid and postpaid accounts, and the accounts behind
    calling cards (prepaid too, but thousands of them come with one card batch)."""

    PREPAID = "prepaid"
    POSTPAID = "postpaid"
    CARD = "card"


# The sort keys of the accounts list (`GET /accounts?sort=`, `GET /accounts/ids?sort=`).
AccountSort = Literal["number", "name", "kind", "status", "balance", "currency"]


class Status(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"


def _money_text(value: Decimal) -> str:
    return format(value, "f")  # never an exponent: 0.0000001 is not "1E-7"


_MONEY_TEXT = r"^-?[0-9]+(\.[0-9]+)?$"


def _money_input(value: object) -> object:
    """Money from a client is a JSON string of plain digits: a JSON number passes through a float in many clients
    (and pydantic took 12.5 as money), and "1e3" was a top-up of 1000. A Decimal built in Python passes."""
    if isinstance(value, Decimal) or (isinstance(value, str) and re.fullmatch(_MONEY_TEXT, value)):
        return value
    raise ValueError('money is a JSON string of digits with an optional decimal point and sign, like "12.50" '
                     '(not a number, not an exponent)')


# 18 digits, 6 after the point: the store's NUMERIC(18,6). A string in JSON, both ways.
Money = Annotated[
    Decimal,
    BeforeValidator(_money_input),
    Field(max_digits=18, decimal_places=6),
    PlainSerializer(_money_text, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": _MONEY_TEXT, "examples": ["12.500000"]}),
]
NonNegativeMoney = Annotated[Money, Field(ge=0)]

_NUMBER = re.compile(r"\s*[+-]?[0-9]+(\.[0-9]*)?\s*")


def _iso_text(value: object) -> object:
    if isinstance(value, int | float | Decimal) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError("ISO 8601 text (2024-05-01, 2024-05-01T08:00:00Z), not a number")
    return value


# A point in time and a day a client sends: ISO 8601 text, as the document says (pydantic alone would also read
# a number as seconds since 1970, so `until=0.5` meant 1970).
Timestamp = Annotated[AwareDatetime, BeforeValidator(_iso_text)]
Day = Annotated[dt.date, BeforeValidator(_iso_text)]


@functools.cache
def time_zone_names() -> frozenset[str]:
    """The IANA names this machine knows (read from the system's or tzdata's zone files once)."""
    return frozenset(zoneinfo.available_timezones())


def _known_zone(name: str) -> str:
    if name not in time_zone_names():
        raise ValueError(f"{name!r} is not an IANA time zone name (examples: UTC, Europe/Madrid, America/New_York)")
    return name


TimeZoneName = Annotated[str, Field(max_length=64, description="IANA name (Europe/Madrid, UTC, ...)"),
                         AfterValidator(_known_zone)]


class InputModel(BaseModel):
    """Request bodies: unknown fields are an error (a typo must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OutputModel(BaseModel):
    """Response bodies: tolerant of fields added by a newer service."""

    model_config = ConfigDict(extra="ignore")


class ErrorOut(OutputModel):
    detail: str
    code: str = Field(default="", description=(
        "what went wrong, for clients to word it themselves: not_found, name_taken, number_taken, forbidden, "
        "not_signed_in, wrong_credentials, conflict, bad_request, ... (a 422 has code invalid_input and its problems "
        "in detail, each with pydantic's type, loc and ctx)"))
    field: str | None = Field(default=None, description="the request field it is about, when there is one")
    params: dict[str, str] = Field(default_factory=dict, description="the values named in `detail`, by name")


# --- service -------------------------------------------------------------------------------------


class Health(OutputModel):
    status: Literal["ok"] = "ok"
    version: str
    database: str = Field(description="database backend: sqlite, postgresql, mysql or mariadb")
    secrets_fallback: bool = Field(
        description="true when secrets live in a 0600 file because no system keyring is available"
    )
    instance_id: str = Field(default="", description=(
        "this installation's id, made at its first start and kept in its data folder: a desktop on the same "
        "machine compares it with the one in its own data folder, to never work on another installation that "
        "answers at the same address"))
    schema_revision: str | None = Field(default=None, description="the database schema's Alembic revision")
    data_dir: str = Field(default="", description="the service's data folder (only told to clients on this machine)")
    database_url: str = Field(default="", description=(
        "the database it serves, without its password (only told to clients on this machine)"))
    pid: int | None = Field(default=None, description=(
        "the service's process id (only told to clients on this machine): whoever started it knows it is the one"))


# --- sign-in -------------------------------------------------------------------------------------


class LoginIn(InputModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class UserOut(OutputModel):
    id: int
    username: str
    role: Role
    reseller_id: int | None = None


class LoginOut(OutputModel):
    token: str
    expires_at: dt.datetime
    user: UserOut


# --- accounts ------------------------------------------------------------------------------------


AccountNumber = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z+._-]+$",
                                     description="account number: digits, letters and + . _ -")]
AccountName = Annotated[str, Field(min_length=1, max_length=120)]
Email = Annotated[str, Field(max_length=200, pattern=r"^[^@\s]+@[^@\s]+$")]
Language = Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Za-z]{2})?$", description="prompts and messages: en, es, fr…")]
Country = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 two-letter code (US, GB, DE...): "
                                "numbers written in national form are read as of this country; null: the "
                                "default_region setting")]
CallLimit = Annotated[int, Field(ge=0, le=100_000, description="0: no limit")]
CpsLimit = Annotated[int, Field(ge=0, le=10_000, description="new calls per second; 0: no limit")]
AniLimit = Annotated[int, Field(ge=0, le=10_000, description="caller numbers (ANIs) it may register; 0: no limit")]


class AccountCreate(InputModel):
    """What a new account is. Left out: the company's currency and time zone, and its default tariff (when in the
    account's currency) and dial plan, so that a new account can call at once."""

    number: AccountNumber
    name: AccountName
    kind: AccountKind = AccountKind.PREPAID
    status: Status = Status.ACTIVE
    currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$",
                                 description="ISO 4217 code; the company currency when left out")
    credit_limit: NonNegativeMoney = Decimal(0)
    overdraft: NonNegativeMoney = Decimal(0)
    email: Email | None = None
    reseller_id: Id | None = None
    tariff_id: Id | None = Field(default=None, description="a sell tariff in the account's currency; the "
                                 "company's default tariff when left out (admin only)")
    dial_plan_id: Id | None = Field(default=None, description="the company's default dial plan when left out "
                                    "(admin only)")
    tax_profile_id: Id | None = None
    language: Language = "en"
    country: Country | None = Field(default=None, description="its caller numbers and destinations in national "
                                    "form are read as of this country; the default_region setting when left out")
    time_zone: TimeZoneName | None = Field(default=None, description="its calls' time bands and package periods "
                                           "count in it; the company's time zone when left out")
    expires_at: Timestamp | None = Field(default=None, description="no new call from this moment on")
    max_concurrent_calls: CallLimit = 0
    cps_limit: CpsLimit = 0
    max_anis: AniLimit = 0
    low_balance_threshold: NonNegativeMoney | None = Field(default=None, description="the account page warns when "
                                                           "the money available falls below it")
    initial_credit: Annotated[Money, Field(gt=0)] | None = Field(
        default=None, description="the activation's first top-up, with a receipt, in the same transaction; a "
        "reseller user's is taken from its reseller's balance less its commission (409 and no account when it "
        "cannot pay)")

    @field_validator("currency")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value is not None else None


class AccountOut(OutputModel):
    id: int
    number: str
    name: str
    kind: AccountKind
    status: Status
    balance: Money
    overdraft: Money
    credit_limit: Money
    reserved: Money
    available: Money = Field(description="what the account's calls may spend: balance + overdraft (credit limit "
                                         "when postpaid) - money held by calls")
    currency: str
    email: str | None = None
    reseller_id: int | None = None
    tariff_id: int | None = None
    dial_plan_id: int | None = None
    tax_profile_id: int | None = None
    language: str = "en"
    country: str | None = None
    time_zone: str = "UTC"
    expires_at: dt.datetime | None = None
    max_concurrent_calls: int = 0
    cps_limit: int = 0
    max_anis: int = 0
    low_balance_threshold: Money | None = None
    created_at: dt.datetime
    card: bool = Field(default=False, description="the account of a calling card (its balance is the card's credit)")


class AccountPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[AccountOut]
    next_after: int | None = None


# --- ANIs ----------------------------------------------------------------------------------------


class AniCreate(InputModel):
    number: str = Field(min_length=1, max_length=40,
                        description="caller number in any usual form; stored as E.164 digits without '+'")
    destination: str | None = Field(default=None, min_length=1, max_length=40,
                                    description="PIN-less direct dial: a call from this number to an access number "
                                    "goes here at once; any usual form, stored as E.164 digits")


class AniOut(OutputModel):
    id: int
    account_id: int
    number: str = Field(description="E.164 digits without '+'")
    destination: str | None = None
    created_at: dt.datetime


# --- notes ---------------------------------------------------------------------------------------


class NoteCreate(InputModel):
    text: str = Field(min_length=1, max_length=4000)


class NoteOut(OutputModel):
    id: int
    account_id: int
    author_id: int | None = None
    author: str | None = Field(default=None, description="username of the author")
    at: dt.datetime = Field(description="when the note was written (UTC)")
    text: str


# --- payments ------------------------------------------------------------------------------------


class PaymentKind(enum.StrEnum):
    """A refund and a fee take their amount off the balance; the other kinds add it."""

    TOPUP = "topup"
    PAYMENT = "payment"
    REFUND = "refund"
    ADJUSTMENT = "adjustment"
    VOUCHER = "voucher"
    FEE = "fee"


class ManualPaymentKind(enum.StrEnum):
    """The kinds of payment a user may enter; a refund takes money off the balance, the others add it."""

    TOPUP = "topup"
    PAYMENT = "payment"
    REFUND = "refund"
    ADJUSTMENT = "adjustment"


PositiveMoney = Annotated[Money, Field(gt=0)]


class PaymentCreate(InputModel):
    amount: PositiveMoney = Field(description="greater than zero, at most 6 decimal places")
    kind: ManualPaymentKind = ManualPaymentKind.TOPUP
    method: str = Field(default="cash", min_length=1, max_length=32)
    reference: str = Field(default="", max_length=120)
    note: str = Field(default="", max_length=2000)


class PaymentOut(OutputModel):
    id: int
    receipt_number: str = Field(description="unique: R-<year>-<6 or more digits> for payments entered, "
                                "F-<fee>-<due date>-<account> for recurring fees")
    account_id: int | None = None
    kind: PaymentKind
    amount: Money
    currency: str
    method: str
    reference: str
    note: str
    created_by: int | None = None
    created_at: dt.datetime


class ReceiptOut(PaymentOut):
    balance: Money = Field(description="the account balance after this payment")
    available: Money = Field(description="what the account's calls may spend after this payment: balance + "
                                         "overdraft (credit limit when postpaid) - money held by calls")


class PaymentPage(OutputModel):
    """One keyset page, newest first: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[PaymentOut]
    next_after: int | None = None


# --- call detail records -------------------------------------------------------------------------


class CdrKind(enum.StrEnum):
    CALL = "call"
    ATTEMPT = "attempt"


class CallResult(enum.StrEnum):
    ANSWERED = "answered"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    FAILED = "failed"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    RECOVERED = "recovered"  # a call a crash left open, closed and billed at restart


class CdrRestrictedOut(OutputModel):
    """A CDR without the carrier side (cost, margin, buy rate, carrier): what support and resellers see."""

    id: int
    kind: CdrKind
    call_id: str
    attempt: int
    account_id: int | None = None
    reseller_id: int | None = None
    gateway_id: int | None = None
    caller: str
    destination: str
    did: str | None = None
    prefix: str | None = None
    destination_name: str | None = None
    started_at: dt.datetime
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    duration_s: int
    billed_s: int
    free_s: int
    sell_rate: Money | None = None
    price: Money
    currency: str
    result: str
    sip_code: int | None = None
    q850_cause: int | None = None
    disconnect_cause: str | None = None
    hangup_by: str | None = Field(default=None, description="caller, callee, switch, or unknown (a gateway that "
                                                            "did not say)")
    reason: str | None = Field(default=None, description="why the call was refused or ended, readable")


class CdrOut(CdrRestrictedOut):
    """A CDR with the carrier side: what admins see."""

    carrier_id: int | None = None
    buy_rate: Money | None = None
    cost: Money
    margin: Money


class CdrPage(OutputModel):
    """One keyset page, newest first: pass `next_after` as `after` to get the next one; null means the end."""

    view: Literal["full"] = "full"
    items: list[CdrOut]
    next_after: int | None = None


class CdrRestrictedPage(OutputModel):
    """As `CdrPage`, for roles that may not see the carrier side of a call."""

    view: Literal["restricted"] = "restricted"
    items: list[CdrRestrictedOut]
    next_after: int | None = None
