"""Every request and response body of the HTTP API.

This module imports only pydantic and the standard library: the desktop imports it to parse answers,
and must not drag in FastAPI, SQLAlchemy or the store. The enums repeat the store's values on purpose
(a test keeps them equal).

Money is `Decimal` and travels as a JSON string ("12.500000"), never as a float.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
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


class Role(enum.StrEnum):
    ADMIN = "admin"
    SUPPORT = "support"
    RESELLER = "reseller"


class AccountKind(enum.StrEnum):
    PREPAID = "prepaid"
    POSTPAID = "postpaid"


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


class InputModel(BaseModel):
    """Request bodies: unknown fields are an error (a typo must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OutputModel(BaseModel):
    """Response bodies: tolerant of fields added by a newer service."""

    model_config = ConfigDict(extra="ignore")


class ErrorOut(OutputModel):
    detail: str


# --- service -------------------------------------------------------------------------------------


class Health(OutputModel):
    status: Literal["ok"] = "ok"
    version: str
    database: str = Field(description="database backend: sqlite, postgresql, mysql or mariadb")
    secrets_fallback: bool = Field(
        description="true when secrets live in a 0600 file because no system keyring is available"
    )


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


class AccountCreate(InputModel):
    number: str = Field(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z+._-]+$",
                        description="account number: digits, letters and + . _ -")
    name: str = Field(min_length=1, max_length=120)
    kind: AccountKind = AccountKind.PREPAID
    currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$",
                                 description="ISO 4217 code; the company currency when left out")
    credit_limit: NonNegativeMoney = Decimal(0)
    overdraft: NonNegativeMoney = Decimal(0)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+$")
    reseller_id: Id | None = None

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
    currency: str
    email: str | None = None
    reseller_id: int | None = None
    created_at: dt.datetime


class AccountPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[AccountOut]
    next_after: int | None = None


# --- ANIs ----------------------------------------------------------------------------------------


class AniCreate(InputModel):
    number: str = Field(min_length=1, max_length=40,
                        description="caller number in any usual form; stored as E.164 digits without '+'")


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
    hangup_by: str | None = None


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
