"""Resellers (a tree: each may have a parent) and their commission rules."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field, field_validator, model_validator

from switch_service.api.schemas import Id, InputModel, Money, NonNegativeMoney, OutputModel, Status
from switch_service.api.schemas.fields import PatchModel, Prefix
from switch_service.api.schemas.rates import Percent, upper_currency


class ResellerKind(enum.StrEnum):
    USAGE_BASED = "usage_based"
    PAYMENT_BASED = "payment_based"
    WHITE_LABEL = "white_label"
    PINLESS = "pinless"


class CommissionBasis(enum.StrEnum):
    SALES_PERCENT = "sales_percent"  # a percentage of what the reseller's customers paid
    MARGIN_PERCENT = "margin_percent"  # a percentage of the margin on their calls
    PER_MINUTE = "per_minute"  # an amount per minute called


ResellerName = Annotated[str, Field(min_length=1, max_length=120)]
Email = Annotated[str, Field(max_length=200, pattern=r"^[^@\s]+@[^@\s]+$")]
BrandName = Annotated[str, Field(min_length=1, max_length=120)]
Currency = Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", description="ISO 4217 code")]
CommissionPercent = Annotated[Percent, Field(gt=0, le=100)]


class ResellerCreate(InputModel):
    """A reseller user may create sub-resellers in its own subtree only (parent defaults to its own reseller),
    and may not set the tariff or the dial plan (admins assign those)."""

    name: ResellerName
    parent_id: Id | None = Field(default=None, description="null: a top-level reseller (admins only)")
    kind: ResellerKind = ResellerKind.USAGE_BASED
    credit_limit: NonNegativeMoney = Decimal(0)
    currency: Currency | None = Field(default=None, description="the company currency when left out")
    tariff_id: Id | None = Field(default=None, description="the sell tariff the operator sells to this reseller at "
                                 "(admins only): a white-label reseller's buy price of each call, its commission "
                                 "being its customers' price less that")
    dial_plan_id: Id | None = Field(default=None, description="dial plan (admins only)")
    tax_profile_id: Id | None = Field(default=None, description="the taxes its statement prints (admins only)")
    email: Email | None = None
    brand_name: BrandName | None = None

    _check_currency = field_validator("currency")(upper_currency)


class ResellerUpdate(PatchModel):
    """Admins only. Moving a reseller under one of its own descendants (a cycle) is refused."""

    nullable: ClassVar[frozenset[str]] = frozenset({"parent_id", "tariff_id", "dial_plan_id", "tax_profile_id", "email",
                                                  "brand_name"})

    name: ResellerName | None = None
    parent_id: Id | None = None
    kind: ResellerKind | None = None
    status: Status | None = None
    credit_limit: NonNegativeMoney | None = None
    currency: Currency | None = None
    tariff_id: Id | None = None
    dial_plan_id: Id | None = None
    tax_profile_id: Id | None = None
    email: Email | None = None
    brand_name: BrandName | None = None

    _check_currency = field_validator("currency")(upper_currency)


class ResellerOut(OutputModel):
    id: int
    name: str
    parent_id: int | None = None
    kind: ResellerKind
    status: Status
    balance: Money
    credit_limit: Money
    available: Money = Field(description="what it may still sell: balance + credit limit")
    currency: str
    tariff_id: int | None = Field(default=None, description="its buy tariff: what the operator sells to it at")
    sell_tariff_id: int | None = Field(default=None, description="a white-label reseller's own sell tariff, marked "
                                                                 "up from tariff_id (PUT /resellers/{id}/sell-tariff)")
    dial_plan_id: int | None = None
    tax_profile_id: int | None = Field(default=None, description="the taxes its statement prints (its customers' "
                                                                 "usage split under them)")
    email: str | None = None
    brand_name: str | None = None
    has_logo: bool = Field(default=False, description="a white-label reseller's logo is stored "
                                                      "(GET /resellers/{id}/logo)")
    agent_pin_issued_at: dt.datetime | None = Field(default=None, description="when its retail-agent PIN was issued "
                                                    "(POST /resellers/{id}/agent-pin); null: it has none")
    children: int = Field(description="how many direct sub-resellers it has")
    created_at: dt.datetime
    updated_at: dt.datetime


class AgentPinOut(OutputModel):
    """A reseller's new retail-agent PIN, shown this once: only its keyed index is kept."""

    reseller_id: int
    agent_pin: str = Field(description="the PIN its clerk keys in the IVR after * at the first PIN prompt; shown only "
                                       "in this answer")
    issued_at: dt.datetime


class LogoOut(OutputModel):
    """A white-label reseller's stored logo (the file itself: GET /resellers/{id}/logo)."""

    reseller_id: int
    media_type: str = Field(description="image/png or image/jpeg")
    width: int = Field(description="pixels")
    height: int = Field(description="pixels")
    size: int = Field(description="bytes")
    sha256: str
    updated_at: dt.datetime


class ResellerPage(OutputModel):
    """One keyset page by id: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[ResellerOut]
    next_after: int | None = None


# --- commission rules ----------------------------------------------------------------------------


def check_commission_rule(basis: CommissionBasis, percent: object, amount: object) -> None:
    """A percentage basis takes `percent` and no `amount`; per_minute takes `amount` and no `percent`."""
    if basis is CommissionBasis.PER_MINUTE:
        if amount is None or percent is not None:
            raise ValueError("a per_minute commission takes an amount (and no percent)")
    elif percent is None or amount is not None:
        raise ValueError(f"a {basis.value} commission takes a percent (and no amount)")


class CommissionRuleCreate(InputModel):
    basis: CommissionBasis
    prefix: Prefix = ""
    percent: CommissionPercent | None = Field(default=None, description="for sales_percent and margin_percent")
    amount: NonNegativeMoney | None = Field(default=None, description="per minute, for per_minute")

    @model_validator(mode="after")
    def _matches_basis(self) -> CommissionRuleCreate:
        check_commission_rule(self.basis, self.percent, self.amount)
        return self


class CommissionRuleUpdate(PatchModel):
    """Fields left out keep their value; the result must still match its basis (see `CommissionRuleCreate`)."""

    nullable: ClassVar[frozenset[str]] = frozenset({"percent", "amount"})

    basis: CommissionBasis | None = None
    prefix: Prefix | None = None
    percent: CommissionPercent | None = None
    amount: NonNegativeMoney | None = None


class CommissionRuleOut(OutputModel):
    id: int
    reseller_id: int
    basis: CommissionBasis
    prefix: str
    percent: Percent | None = None
    amount: Money | None = None


class CommissionRulePage(OutputModel):
    """One keyset page by id: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[CommissionRuleOut]
    next_after: int | None = None


# --- commission lines ----------------------------------------------------------------------------


class ResellerLineOut(OutputModel):
    """One reseller's share of a call: what it sold the call at (to the customer, or to the reseller below it),
    what it bought it at (from its parent, or the operator at the top) and its commission (sell − buy)."""

    reseller_id: int
    reseller_name: str
    level: int = Field(description="0: the account's own reseller, 1 its parent, ...")
    sell: Money
    buy: Money
    commission: Money
    currency: str


class CdrResellerLinesOut(OutputModel):
    cdr_id: int
    call_id: str
    items: list[ResellerLineOut]


class PaymentResellerLineOut(ResellerLineOut):
    """A reseller's share of a payment or recharge; `balance_change`: its commission credited, or (the reseller
    that sold the recharge) its buy price taken off."""

    balance_change: Money


class PaymentResellerLinesOut(OutputModel):
    payment_id: int
    receipt_number: str
    items: list[PaymentResellerLineOut]
