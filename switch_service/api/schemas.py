"""Every request and response body of the HTTP API.

This module imports only pydantic and the standard library: the desktop imports it to parse answers,
and must not drag in FastAPI, SQLAlchemy or the store. The enums repeat the store's values on purpose
(a test keeps them equal).

Money is `Decimal` and travels as a JSON string ("12.500000"), never as a float.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator

API_PREFIX = "/api/v1"
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100


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
    return str(value)


# 18 digits, 6 after the point: the store's NUMERIC(18,6). Serialised as a string in JSON.
Money = Annotated[
    Decimal,
    Field(max_digits=18, decimal_places=6),
    PlainSerializer(_money_text, return_type=str, when_used="json"),
]
NonNegativeMoney = Annotated[Money, Field(ge=0)]


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
    reseller_id: int | None = Field(default=None, ge=1)

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
