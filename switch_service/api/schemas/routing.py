"""Dial plans, their routes and route carriers, and the explanation of a routing decision (admin only)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from switch_service.api.schemas import Id, InputModel, Money, NonNegativeMoney, OutputModel
from switch_service.api.schemas.fields import DecimalText, PatchModel, Prefix
from switch_service.api.schemas.rates import Percent


class RouteStrategy(enum.StrEnum):
    LCR = "lcr"
    PRIORITY = "priority"
    WEIGHTED = "weighted"


class Outcome(enum.StrEnum):
    ROUTED = "routed"
    BLOCKED = "blocked"
    NO_ROUTE = "no route"
    NO_CARRIER = "no carrier"


class SkipReason(enum.StrEnum):
    EXCLUDED = "excluded"
    DISABLED = "disabled"
    DOWN = "down"
    NO_RATE = "no rate"
    AT_LOSS = "at a loss"
    OVER_CAP = "over cap"
    AT_CAPACITY = "at capacity"
    NO_CODEC = "no common codec"


PlanName = Annotated[str, Field(min_length=1, max_length=120)]
Description = Annotated[str, Field(max_length=255)]
MAX_ROUTE_CARRIERS = 200


# --- dial plans ----------------------------------------------------------------------------------


class DialPlanCreate(InputModel):
    name: PlanName
    description: Description = ""


class DialPlanUpdate(PatchModel):
    name: PlanName | None = None
    description: Description | None = None


class DialPlanOut(OutputModel):
    id: int
    name: str
    description: str
    routes: int = Field(description="how many routes (prefixes) the plan has")
    created_at: dt.datetime
    updated_at: dt.datetime


class DialPlanPage(OutputModel):
    """One keyset page by id: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[DialPlanOut]
    next_after: int | None = None


# --- routes and their carriers -------------------------------------------------------------------


class RouteCarrierSettings(InputModel):
    """How a route uses one carrier; also the body of PUT .../carriers/{carrier_id} (adds or replaces it)."""

    priority: int = Field(default=0, ge=0, le=1000, description="lower first (priority strategy, LCR ties)")
    weight: int = Field(default=1, ge=0, le=10000, description="share of calls (weighted strategy); 0 = last")
    pinned: bool = Field(default=False, description="always tried before the others")
    excluded: bool = Field(default=False, description="never used for this prefix")

    @model_validator(mode="after")
    def _pinned_or_excluded(self) -> RouteCarrierSettings:
        if self.pinned and self.excluded:
            raise ValueError("a carrier cannot be both pinned and excluded")
        return self


class RouteCarrierIn(RouteCarrierSettings):
    """A carrier named in a route. A route naming carriers only to exclude them routes over every other one."""

    carrier_id: Id


class RouteCarrierOut(OutputModel):
    carrier_id: int
    carrier: str = Field(description="the carrier's name")
    priority: int
    weight: int
    pinned: bool
    excluded: bool


RouteCarriers = Annotated[list[RouteCarrierIn], Field(max_length=MAX_ROUTE_CARRIERS)]


def _one_entry_per_carrier(value: list[RouteCarrierIn] | None) -> list[RouteCarrierIn] | None:
    if value is not None:
        ids = [entry.carrier_id for entry in value]
        twice = sorted({carrier_id for carrier_id in ids if ids.count(carrier_id) > 1})
        if twice:
            raise ValueError(f"carrier {', '.join(map(str, twice))} is listed more than once")
    return value


class RouteCreate(InputModel):
    prefix: Prefix = ""
    strategy: RouteStrategy = RouteStrategy.LCR
    blocked: bool = Field(default=False, description="refuse calls to this prefix")
    allow_loss: bool = Field(default=False, description="route even when a carrier costs more than the sell rate")
    min_margin_percent: Percent | None = Field(default=None,
                                                          description="least markup over the buy price, in %")
    min_margin_amount: NonNegativeMoney | None = Field(default=None, description="least sell - buy per minute")
    carriers: RouteCarriers = Field(default_factory=list)

    _check_carriers = field_validator("carriers")(_one_entry_per_carrier)


class RouteUpdate(PatchModel):
    """`carriers`, when sent, replaces the route's whole carrier list."""

    nullable: ClassVar[frozenset[str]] = frozenset({"min_margin_percent", "min_margin_amount"})

    prefix: Prefix | None = None
    strategy: RouteStrategy | None = None
    blocked: bool | None = None
    allow_loss: bool | None = None
    min_margin_percent: Percent | None = None
    min_margin_amount: NonNegativeMoney | None = None
    carriers: RouteCarriers | None = None

    _check_carriers = field_validator("carriers")(_one_entry_per_carrier)


class RouteOut(OutputModel):
    id: int
    dial_plan_id: int
    prefix: str
    strategy: RouteStrategy
    blocked: bool
    allow_loss: bool
    min_margin_percent: Percent | None = None
    min_margin_amount: Money | None = None
    carriers: list[RouteCarrierOut]


class RoutePage(OutputModel):
    """One keyset page by id: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[RouteOut]
    next_after: int | None = None


# --- explain -------------------------------------------------------------------------------------


class ExplainCarrier(OutputModel):
    """One carrier of the decision: a route to try (`position` 1, 2, ...) or a carrier skipped, with why."""

    position: int | None = Field(description="order in which the switch tries it; null when skipped")
    carrier_id: int
    carrier: str
    status: Literal["route", "pinned", "skipped"]
    skip_reason: SkipReason | None = None
    detail: str = Field(default="", description="more on the skip reason, or extra gateways of a route")
    gateway: str | None = Field(default=None, description="first gateway tried, host:port/transport")
    number_sent: str | None = Field(default=None, description="the number as sent to the carrier")
    buy_prefix: str | None = None
    buy_rate: Money | None = Field(default=None, description="per minute")
    sell_rate: Money | None = Field(default=None, description="per minute")
    margin: Money | None = Field(default=None, description="sell - buy, per minute")
    margin_percent: DecimalText | None = Field(default=None, description="(sell - buy) / buy * 100")


class ExplainPlan(OutputModel):
    id: int
    name: str


class ExplainAccount(OutputModel):
    id: int
    number: str
    name: str


class RouteExplanation(OutputModel):
    """What the switch would do with a call to `number` at `at` (the same facts as `carrier-switch routes
    explain`): the matched route, then every carrier in the order tried, then the skipped ones."""

    number: str = Field(description="E.164 digits routed")
    at: dt.datetime
    dial_plan: ExplainPlan
    account: ExplainAccount | None = None
    outcome: Outcome
    route_prefix: str | None = Field(description="the dial plan prefix that matched ('' = catch-all); null: none")
    strategy: RouteStrategy | None = None
    sell_rate: Money | None = Field(default=None, description="per minute; null without an account tariff")
    sell_prefix: str | None = None
    notes: list[str] = Field(default_factory=list)
    carriers: list[ExplainCarrier]
