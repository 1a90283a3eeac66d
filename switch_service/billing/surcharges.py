"""Surcharges the caller pays on top of the rate: a DID's (an access number's toll-free leg costs the operator money),
set on the DID and applied by the AAA policy to calls that came in on it.

There is no surcharge by originating line information (OLI, payphones "27"/"70"): no door stores one and the switch
does not read OLI from the signalling (see the README's billing notes)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from switch_service.billing.money import ZERO, quantize_money


@dataclass(frozen=True, slots=True)
class Surcharge:
    """`per_call` once per charged call plus `per_minute` pro rata on the billed seconds."""

    name: str
    per_call: Decimal = ZERO
    per_minute: Decimal = ZERO

    def __post_init__(self) -> None:
        if self.per_call < 0 or self.per_minute < 0:
            raise ValueError(f"surcharge {self.name!r} cannot be negative")
        if quantize_money(self.per_call) != self.per_call or quantize_money(self.per_minute) != self.per_minute:
            raise ValueError(f"surcharge {self.name!r}: amounts have at most 6 decimal places (stored money)")
