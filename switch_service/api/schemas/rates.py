"""Tariffs, their rates, rate-deck imports and band schedules, as the API shows them (admin only).

The rate fields and their limits repeat the rate-deck rules of `switch_service.decks` (digits-only prefixes of at
most 24 digits, money ≥ 0 with at most 6 decimal places, initial block and increment ≥ 1 second, ...): a rate
entered by hand is held to what an imported one is. A test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import Field, PlainSerializer, WithJsonSchema, field_validator

from switch_service.api.schemas import Day, Id, InputModel, Money, NonNegativeMoney, OutputModel, Timestamp
from switch_service.api.schemas.fields import PatchModel

MAX_PREFIX = 24
MAX_DESTINATION = 120
MAX_NAME = 120
MAX_SECONDS = 2_147_483_647  # a 32-bit INTEGER column on every backend
PREFIX_PATTERN = rf"^[0-9]{{1,{MAX_PREFIX}}}$"
CURRENCY_PATTERN = r"^[A-Za-z]{3}$"

Seconds = Annotated[int, Field(ge=0, le=MAX_SECONDS)]
BlockSeconds = Annotated[int, Field(ge=1, le=MAX_SECONDS)]
Prefix = Annotated[str, Field(pattern=PREFIX_PATTERN, description=f"digits only, 1 to {MAX_PREFIX}")]


def _decimal_text(value: Decimal) -> str:
    return str(value)


# The store's Percent column: NUMERIC(9,4). A JSON string, like money.
Percent = Annotated[
    Decimal,
    Field(max_digits=9, decimal_places=4, ge=0),
    PlainSerializer(_decimal_text, return_type=str, when_used="json"),
]


def upper_currency(value: str | None) -> str | None:
    return value.upper() if value is not None else None


# --- tariffs -------------------------------------------------------------------------------------


class TariffKind(enum.StrEnum):
    SELL = "sell"
    BUY = "buy"


class DisconnectFeeRule(enum.StrEnum):
    """Which calls pay the disconnect fee when its threshold is above 0."""

    BELOW_THRESHOLD = "below_threshold"
    FROM_THRESHOLD = "from_threshold"


class TariffCreate(InputModel):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    kind: TariffKind = Field(default=TariffKind.SELL, description="sell: what customers pay; buy: a carrier's deck")
    currency: str | None = Field(default=None, pattern=CURRENCY_PATTERN,
                                 description="ISO 4217 code; the company currency when left out")
    band_schedule_id: Id | None = Field(default=None,
                                        description="peak/off-peak/weekend/holiday hours; none = one price")

    _currency = field_validator("currency")(upper_currency)


class TariffUpdate(PatchModel):
    """Only the fields sent change; `band_schedule_id: null` removes the schedule."""

    nullable: ClassVar[frozenset[str]] = frozenset({"band_schedule_id"})

    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    kind: TariffKind | None = None
    currency: str | None = Field(default=None, pattern=CURRENCY_PATTERN)
    band_schedule_id: Id | None = None

    _currency = field_validator("currency")(upper_currency)


class TariffOut(OutputModel):
    id: int
    name: str
    kind: TariffKind
    currency: str
    band_schedule_id: int | None = None
    version: int = Field(description="bumped on every change to the tariff or its rates")
    created_at: dt.datetime
    updated_at: dt.datetime


class TariffDetail(TariffOut):
    rate_count: int = Field(description="rates of the tariff, every validity period counted")


class TariffPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[TariffDetail]
    next_after: int | None = None


# --- rates ---------------------------------------------------------------------------------------


class RatePatch(PatchModel):
    """The rate fields; in a PATCH only those sent change (null clears an optional one)."""

    prefix: Prefix | None = None
    destination: str | None = Field(default=None, max_length=MAX_DESTINATION)
    price_per_minute: NonNegativeMoney | None = None
    initial_block_s: BlockSeconds | None = Field(default=None, description="first block charged; default 60")
    increment_s: BlockSeconds | None = Field(default=None, description="billing increment after it; default 60")
    connect_fee: NonNegativeMoney | None = None
    disconnect_fee: NonNegativeMoney | None = None
    disconnect_threshold_s: Seconds | None = Field(
        default=None, description="0: the disconnect fee always applies; else `disconnect_fee_rule` says which "
                                  "calls pay it")
    disconnect_fee_percent: Percent | None = None
    disconnect_fee_rule: DisconnectFeeRule | None = Field(
        default=None, description="below_threshold (default): calls shorter than the threshold pay the disconnect "
                                  "fee; from_threshold: calls of at least the threshold pay it, shorter ones not "
                                  "(A2Billing's disconnectcharge_after)")
    min_duration_s: Seconds | None = None
    min_cost: NonNegativeMoney | None = None
    grace_s: Seconds | None = None
    shrink_percent: Percent | None = None
    step1_after_s: Seconds | None = None
    step1_price: NonNegativeMoney | None = None
    step2_after_s: Seconds | None = None
    step2_price: NonNegativeMoney | None = None
    step3_after_s: Seconds | None = None
    step3_price: NonNegativeMoney | None = None
    offpeak_price: NonNegativeMoney | None = None
    weekend_price: NonNegativeMoney | None = None
    holiday_price: NonNegativeMoney | None = None
    valid_from: Timestamp | None = Field(default=None, description="with a UTC offset; default now")
    valid_until: Timestamp | None = Field(default=None, description="with a UTC offset; null = open-ended")

    nullable: ClassVar[frozenset[str]] = frozenset({
        "step1_after_s", "step1_price", "step2_after_s", "step2_price", "step3_after_s", "step3_price",
        "offpeak_price", "weekend_price", "holiday_price", "valid_until"})


class RateCreate(RatePatch):
    """A new rate: `prefix` and `price_per_minute` are needed, the rest have the deck defaults."""

    prefix: Prefix
    price_per_minute: NonNegativeMoney


class RateOut(OutputModel):
    id: int
    tariff_id: int
    prefix: str
    destination: str
    price_per_minute: Money
    initial_block_s: int
    increment_s: int
    connect_fee: Money
    disconnect_fee: Money
    disconnect_threshold_s: int
    disconnect_fee_percent: Percent
    disconnect_fee_rule: DisconnectFeeRule
    min_duration_s: int
    min_cost: Money
    grace_s: int
    shrink_percent: Percent
    step1_after_s: int | None = None
    step1_price: Money | None = None
    step2_after_s: int | None = None
    step2_price: Money | None = None
    step3_after_s: int | None = None
    step3_price: Money | None = None
    offpeak_price: Money | None = None
    weekend_price: Money | None = None
    holiday_price: Money | None = None
    valid_from: dt.datetime
    valid_until: dt.datetime | None = None


class RatePage(OutputModel):
    """One keyset page by rate id: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[RateOut]
    next_after: int | None = None


# --- building and repricing a tariff ------------------------------------------------------------

MAX_BLEND_CARRIERS = 100


def _distinct_carriers(ids: list[int]) -> list[int] | None:
    return sorted_distinct(ids, "carrier")


class TariffBlendIn(InputModel):
    """Price this sell tariff from carriers' buy decks: per prefix, the cheapest carrier's cost (or the average of the
    `best` cheapest) plus the margin, at least `min_margin` over cost, rounded up to `round_up`. Every rate of the
    tariff is replaced; prefixes it has that no carrier covers are reported, not priced."""

    carrier_ids: list[Id] = Field(min_length=1, max_length=MAX_BLEND_CARRIERS)
    margin_percent: Percent | None = Field(default=None, description="markup over cost in percent (this or "
                                                                     "margin_amount)")
    margin_amount: NonNegativeMoney | None = Field(default=None, description="markup per minute (this or "
                                                                             "margin_percent)")
    min_margin: NonNegativeMoney | None = Field(default=None, description="the least margin per minute")
    round_up: NonNegativeMoney | None = Field(default=None, description="round prices up to a multiple of this "
                                                                        "(e.g. 0.001); default: to the cent's "
                                                                        "millionth")
    best: int = Field(default=1, ge=1, le=MAX_BLEND_CARRIERS,
                      description="cost = the average of the N cheapest carriers (1: the cheapest)")
    starts: Timestamp | None = Field(default=None, description="when the prices take effect; default now")

    _distinct = field_validator("carrier_ids")(_distinct_carriers)


class TariffRaiseIn(InputModel):
    """Raise (or, below 0, lower) every price of every rate of the tariff by `percent`."""

    percent: Decimal = Field(gt=-100, le=1000, max_digits=8, decimal_places=4,
                             description="e.g. 5 for +5 %, -2.5 for -2.5 %")
    round_up: NonNegativeMoney | None = Field(default=None, description="round each new price up to a multiple "
                                                                        "of this (e.g. 0.001); default: half up to "
                                                                        "6 places")
    fees: bool = Field(default=False, description="also the connect and disconnect fees and the minimum cost")


MarkupPercent = Annotated[Decimal, Field(gt=-100, le=1000, max_digits=8, decimal_places=4,
                                         description="e.g. 20 for +20 %; below 0 sells below cost (refused unless "
                                                     "allow_below_cost)")]


class PrefixMarkup(InputModel):
    prefix: Prefix
    percent: MarkupPercent


class SellTariffMarkupIn(InputModel):
    """A white-label reseller's sell tariff from its buy tariff: every price and fee of every rate × (1 + markup
    / 100), the longest matching `prefix_markups` entry before `markup_percent`, rounded up to the money quantum."""

    markup_percent: MarkupPercent = Decimal(0)
    prefix_markups: list[PrefixMarkup] = Field(default_factory=list, max_length=10_000)
    allow_below_cost: bool = Field(default=False, description="accept a negative markup (selling below cost)")


class DeckFormat(enum.StrEnum):
    """The rate-deck layouts an import reads (recognised from the header when not named)."""

    NATIVE = "native"
    A2BILLING = "a2billing"
    ASTPP = "astpp"
    MAGNUS = "magnus"


MAX_HEADER_LENGTH = 10_000


class DeckColumnOut(OutputModel):
    column: str = Field(description="the column's name in a deck of this layout (compared lower-cased)")
    native: str = Field(description="the native column (the rate's field) it fills")


class DeckLayoutOut(OutputModel):
    """What a deck of one layout may hold: its columns, those it must have, and those read but not used."""

    format: DeckFormat
    columns: list[DeckColumnOut]
    required: list[str]
    ignored: list[str] = Field(description="accepted with any value and not stored (buy-side, routing)")
    unsupported: list[str] = Field(description="accepted only empty or zero: pricing rules rating has no equal of")


class DeckLayoutsOut(OutputModel):
    layouts: list[DeckLayoutOut] = Field(description="every layout an import reads, the native one first")


class DeckHeaderIn(InputModel):
    first_line: str = Field(max_length=MAX_HEADER_LENGTH, description="the deck's first line, as in the file")


class DeckDetectionOut(OutputModel):
    """The layout an import would read a deck with this header as, and what in the header it would refuse."""

    format: DeckFormat | None = Field(description="null: the header fits no layout (name the layout)")
    unknown_columns: list[str]
    missing_columns: list[str]


# --- band schedules ------------------------------------------------------------------------------

Weekday = Annotated[int, Field(ge=0, le=6, description="0 = Monday ... 6 = Sunday")]
MAX_HOLIDAYS = 1000


def sorted_distinct(values: list[Any] | None, what: str) -> list[Any] | None:
    """The values sorted; a value given twice is refused (a typo the user should see)."""
    if values is None:
        return None
    repeated = sorted({value for value in values if values.count(value) > 1})
    if repeated:
        raise ValueError(f"{what} listed twice: {', '.join(str(value) for value in repeated)}")
    return sorted(values)


# A time of day in the account's zone, "08:00" or "08:00:00" (JSON Schema's "time" format wants a UTC offset).
WALL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
WallTime = Annotated[dt.time, WithJsonSchema({"type": "string", "pattern": WALL_TIME_PATTERN,
                                              "description": "local time of day, HH:MM or HH:MM:SS"})]


def _whole_seconds(value: dt.time | None) -> dt.time | None:
    if value is not None and (value.microsecond or value.tzinfo is not None):
        raise ValueError("a local wall time in whole seconds, without a UTC offset (e.g. 08:00:00)")
    return value


class BandScheduleFields(PatchModel):
    """When each price of a rate applies, in the account's time zone; in a PATCH only the fields sent change.

    Peak hours run from `peak_start` until `peak_end` (00:00 = midnight at the end of the day) on `peak_days`;
    `weekend_days` are weekend all day (a day in both lists is a weekend day); `holidays` are holiday all day;
    every other time is off-peak.
    """

    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    peak_days: list[Weekday] | None = Field(default=None, max_length=7)
    peak_start: WallTime | None = None
    peak_end: WallTime | None = None
    weekend_days: list[Weekday] | None = Field(default=None, max_length=7)
    holidays: list[Day] | None = Field(default=None, max_length=MAX_HOLIDAYS, description="ISO dates")


    @field_validator("peak_days", "weekend_days")
    @classmethod
    def _distinct_days(cls, value: list[int] | None) -> list[int] | None:
        return sorted_distinct(value, "weekday")

    @field_validator("holidays")
    @classmethod
    def _distinct_dates(cls, value: list[dt.date] | None) -> list[dt.date] | None:
        return sorted_distinct(value, "date")

    _times = field_validator("peak_start", "peak_end")(_whole_seconds)


class BandScheduleCreate(BandScheduleFields):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    peak_days: list[Weekday] = Field(default=[0, 1, 2, 3, 4], max_length=7)
    peak_start: WallTime = dt.time(8, 0)
    peak_end: WallTime = dt.time(20, 0)
    weekend_days: list[Weekday] = Field(default=[5, 6], max_length=7)
    holidays: list[Day] = Field(default=[], max_length=MAX_HOLIDAYS, description="ISO dates")


class BandScheduleOut(OutputModel):
    id: int
    name: str
    peak_days: list[int]
    peak_start: WallTime
    peak_end: WallTime
    weekend_days: list[int]
    holidays: list[dt.date]


class BandSchedulePage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[BandScheduleOut]
    next_after: int | None = None
