"""Calling-card batches and cards, and recharge vouchers.

A card's PIN and a voucher's code are secrets: no answer carries them, except the admin-only CSV export of a
batch (for printing) and the answer to creating vouchers (their codes are shown that once).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from pydantic import AfterValidator, Field, SecretStr, model_validator

from switch_service.api.schemas import AniLimit, Id, InputModel, Money, OutputModel, PositiveMoney, Timestamp

MAX_BATCH_CARDS = 100_000
MAX_VOUCHERS_AT_ONCE = 1000

Currency = Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", description="ISO 4217 code; the company currency "
                                "when left out"), AfterValidator(str.upper)]
# As typed by a person: digits, spaces and dashes (ignored).
Code = Annotated[SecretStr, Field(min_length=4, max_length=40)]


class CardStatus(enum.StrEnum):
    NEW = "new"
    ACTIVE = "active"
    USED = "used"
    EXPIRED = "expired"
    BLOCKED = "blocked"


# --- batches and cards ---------------------------------------------------------------------------


class CardBatchCreate(InputModel):
    name: str = Field(min_length=1, max_length=120)
    count: int = Field(ge=1, le=MAX_BATCH_CARDS, description="cards to make; a background job makes them")
    face_value: PositiveMoney = Field(description="each card's starting balance")
    currency: Currency | None = None
    expires_at: Timestamp | None = Field(default=None, description="the cards stop working then (UTC offset "
                                             "required); must be in the future")
    valid_days_after_first_use: int | None = Field(default=None, ge=1, le=3650,
                                                   description="the cards expire this many days after first use "
                                                               "(or at expires_at, whichever is first)")
    distributor: str | None = Field(default=None, max_length=120)
    reseller_id: Id | None = Field(default=None, description="the reseller selling the cards")
    tariff_id: Id | None = Field(default=None, description="sell tariff of the cards' accounts, in the batch's "
                                 "currency; the company's default tariff when left out")
    max_anis: AniLimit = Field(default=0, description="caller numbers each card may register for PIN-less calls; "
                                                      "0: no limit")


class CardBatchOut(OutputModel):
    id: int
    name: str
    count: int
    face_value: Money
    currency: str
    expires_at: dt.datetime | None = None
    valid_days_after_first_use: int | None = None
    distributor: str | None = None
    reseller_id: int | None = None
    tariff_id: int | None = Field(default=None, description="admins only: absent for other roles")
    created_at: dt.datetime


class CardBatchDetailOut(CardBatchOut):
    cards_by_status: dict[CardStatus, int] = Field(description="how many of the batch's cards are in each status")


class CardBatchPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[CardBatchOut]
    next_after: int | None = None


class CardOut(OutputModel):
    """A card without its PIN, with the credit left on its account."""

    id: int
    batch_id: int
    serial: str
    account_id: int
    account_number: str
    status: CardStatus
    face_value: Money
    balance: Money = Field(description="credit left on the card's account")
    currency: str
    distributor: str | None = None
    activated_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None
    created_at: dt.datetime


class CardPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[CardOut]
    next_after: int | None = None


class CardLookup(InputModel):
    """Find one card by its printed serial or by its PIN (a body, not a query: a PIN stays out of URL logs)."""

    serial: str | None = Field(default=None, min_length=1, max_length=32, pattern=r"^[0-9]+$")
    pin: Code | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> CardLookup:
        if (self.serial is None) == (self.pin is None):
            raise ValueError("give either serial or pin")
        return self


# --- vouchers ------------------------------------------------------------------------------------


class VoucherCreate(InputModel):
    count: int = Field(ge=1, le=MAX_VOUCHERS_AT_ONCE, description="vouchers to make at once")
    value: PositiveMoney = Field(description="credited to the account that redeems the voucher")
    currency: Currency | None = None
    label: str = Field(default="", max_length=120, description="free text to find the vouchers by, e.g. a "
                                                               "campaign")
    reseller_id: Id | None = Field(default=None, description="only accounts under this reseller may "
                                                             "redeem them")
    expires_at: Timestamp | None = Field(default=None, description="must be in the future")


class VoucherOut(OutputModel):
    id: int
    value: Money
    currency: str
    label: str
    reseller_id: int | None = None
    used: bool
    used_by_account_id: int | None = None
    used_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None
    created_at: dt.datetime


class VoucherCodeOut(VoucherOut):
    code: str = Field(description="the secret code, shown only in the answer that created the voucher")


class VoucherPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[VoucherOut]
    next_after: int | None = None


class VoucherRedeem(InputModel):
    code: Code = Field(description="the voucher's code; spaces and dashes are ignored")
    account_id: Id = Field(description="the account credited with the voucher's value")
