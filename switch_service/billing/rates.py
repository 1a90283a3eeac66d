"""A rate: what one prefix of a deck costs, on the sell side or a carrier's buy side alike.

Field names follow the store's `rates` table so a row maps onto a `Rate` one to one. Validation happens here, at
load time: a deck with an impossible row is refused with the prefix named rather than rated wrongly later
(ASTPP #272 dropped such rows silently).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from switch_service.billing.money import MONEY_PLACES, ZERO
from switch_service.billing.time_bands import Band

MAX_STEPS = 3


def _is_money(amount: Decimal | None) -> bool:
    """A finite amount with no more decimal places than stored money: fees then add up without rounding."""
    if amount is None:
        return True
    exponent = amount.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -MONEY_PLACES


class DisconnectFeeRule(enum.StrEnum):
    """Which calls pay the disconnect fee, given a threshold T > 0 (with T = 0 every charged call pays it).

    BELOW_THRESHOLD: calls shorter than T (a fee that discourages short calls). FROM_THRESHOLD: calls of T seconds
    or more, none shorter (A2Billing's `disconnectcharge_after`, the IPsmarx seed: short, failed-looking calls are
    spared the fee)."""

    BELOW_THRESHOLD = "below_threshold"
    FROM_THRESHOLD = "from_threshold"


@dataclass(frozen=True, slots=True)
class RateStep:
    """From call second `after_s` on, the per-minute price is `price_per_minute` (whatever the band)."""

    after_s: int
    price_per_minute: Decimal


@dataclass(frozen=True, slots=True)
class Rate:
    """Price and billing rules of one prefix.

    - `price_per_minute` is the peak price; `offpeak_price`, `weekend_price`, `holiday_price` override it in their
      band. A missing band price falls back along holiday -> weekend -> off-peak -> peak.
    - Billed time: the first `initial_block_s` seconds, then blocks of `increment_s` (30/6, 60/60, 1/1, ...).
    - `disconnect_fee` plus `disconnect_fee_percent` % of (connect fee + usage) is charged by
      `disconnect_fee_rule` on `disconnect_threshold_s`: to calls shorter than the threshold (BELOW_THRESHOLD) or
      to calls of at least the threshold (FROM_THRESHOLD); always when the threshold is 0.
    - `min_duration_s`: shorter calls are billed as this long. `min_cost`: the least a charged call costs.
    - `grace_s`: calls up to this long are free. `shrink_percent`: billed seconds = ceil(real * (1 + pct/100)).
    - `steps`: up to three price changes after T seconds of call time.
    - In force from `valid_from` (None = always) until `valid_until` (exclusive, None = open).
    """

    prefix: str
    destination: str
    price_per_minute: Decimal
    initial_block_s: int = 60
    increment_s: int = 60
    connect_fee: Decimal = ZERO
    disconnect_fee: Decimal = ZERO
    disconnect_threshold_s: int = 0
    disconnect_fee_percent: Decimal = ZERO
    disconnect_fee_rule: DisconnectFeeRule = DisconnectFeeRule.BELOW_THRESHOLD
    min_duration_s: int = 0
    min_cost: Decimal = ZERO
    grace_s: int = 0
    shrink_percent: Decimal = ZERO
    steps: tuple[RateStep, ...] = ()
    offpeak_price: Decimal | None = None
    weekend_price: Decimal | None = None
    holiday_price: Decimal | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None

    def __post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise ValueError(f"rate {self.prefix!r}: {problem}")

    def _problem(self) -> str | None:
        if self.initial_block_s < 1 or self.increment_s < 1:
            return "initial block and increment must be at least 1 s"
        if min(self.disconnect_threshold_s, self.min_duration_s, self.grace_s) < 0:
            return "durations cannot be negative"
        money = (self.price_per_minute, self.connect_fee, self.disconnect_fee, self.min_cost)
        bands = (self.offpeak_price, self.weekend_price, self.holiday_price)
        if not all(_is_money(amount) for amount in (*money, *bands, *(step.price_per_minute for step in self.steps))):
            return f"prices and fees must be finite, with at most {MONEY_PLACES} decimal places (the store's)"
        if any(amount < 0 for amount in money) or any(price is not None and price < 0 for price in bands):
            return "prices and fees cannot be negative"
        if self.disconnect_fee_percent < 0 or self.shrink_percent < 0:
            return "percentages cannot be negative"
        if len(self.steps) > MAX_STEPS:
            return f"at most {MAX_STEPS} price steps"
        afters = [step.after_s for step in self.steps]
        if any(after < 1 for after in afters) or afters != sorted(set(afters)):
            return "steps must start after increasing positive times"
        if any(step.price_per_minute < 0 for step in self.steps):
            return "prices and fees cannot be negative"
        if self.valid_from is not None and self.valid_until is not None and self.valid_until <= self.valid_from:
            return "valid_until must be after valid_from"
        return None

    def disconnect_fee_applies(self, duration_s: int) -> bool:
        """Whether a charged call of `duration_s` real seconds pays the disconnect fee (by the rule)."""
        threshold = self.disconnect_threshold_s
        if not threshold:
            return True
        if self.disconnect_fee_rule is DisconnectFeeRule.FROM_THRESHOLD:
            return duration_s >= threshold
        return duration_s < threshold

    def band_price(self, band: Band) -> Decimal:
        """Per-minute price in `band`, following the fallback chain holiday -> weekend -> off-peak -> peak."""
        if band is Band.HOLIDAY and self.holiday_price is not None:
            return self.holiday_price
        if band in (Band.HOLIDAY, Band.WEEKEND) and self.weekend_price is not None:
            return self.weekend_price
        if band is not Band.PEAK and self.offpeak_price is not None:
            return self.offpeak_price
        return self.price_per_minute

    @property
    def has_band_prices(self) -> bool:
        """Whether bands matter at all: without band prices rating skips the band walk."""
        return self.offpeak_price is not None or self.weekend_price is not None or self.holiday_price is not None
