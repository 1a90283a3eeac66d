"""Surcharges the caller pays on top of the rate: by access number (toll-free legs cost the operator money) and by
originating line information (payphones, OLI "27" / "70")."""

from __future__ import annotations

from collections.abc import Mapping
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


@dataclass(frozen=True, slots=True)
class SurchargeTable:
    """Surcharges keyed by the access number dialled (E.164 digits) and by the caller's OLI digits."""

    by_access_number: Mapping[str, Surcharge]
    by_oli: Mapping[str, Surcharge]

    def applicable(self, access_number: str | None, oli: str | None) -> tuple[Surcharge, ...]:
        """The surcharges for one call, access number first; both apply when both match."""
        found = (
            self.by_access_number.get(access_number) if access_number else None,
            self.by_oli.get(oli) if oli else None,
        )
        return tuple(surcharge for surcharge in found if surcharge is not None)
