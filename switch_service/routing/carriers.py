"""What routing knows of a carrier and its gateways, and how a number is rewritten for it.

The views are frozen copies of the store's rows, so a routing decision never touches the database. Number
manipulation happens in a fixed order: format (E.164 digits or the national form of the number's country), then
strip the first `strip_digits` digits, then prepend the carrier's tech prefix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from switch_service.phone_numbers import national_number


class NumberFormat(StrEnum):
    E164 = "e164"  # country code and national number, digits only, no '+'
    NATIONAL = "national"  # the national dialling form (with its trunk prefix, e.g. 0 in the UK), digits only


@dataclass(frozen=True, slots=True)
class GatewayView:
    """One signalling address of a carrier. `options_up` is None until the first OPTIONS answer (counts as up)."""

    id: int
    host: str
    port: int = 5060
    transport: str = "udp"
    weight: int = 1
    enabled: bool = True
    options_up: bool | None = None

    @property
    def usable(self) -> bool:
        return self.enabled and self.options_up is not False


@dataclass(frozen=True, slots=True)
class CarrierView:
    """A carrier as routing sees it. Caps are in minutes (None = no cap); limits of 0 mean unlimited."""

    id: int
    name: str
    enabled: bool = True
    gateways: tuple[GatewayView, ...] = ()
    strip_digits: int = 0
    tech_prefix: str = ""
    number_format: NumberFormat = NumberFormat.E164
    codecs: frozenset[str] = frozenset({"PCMU", "PCMA", "G722"})
    max_channels: int = 0
    cps_limit: int = 0
    daily_minutes_cap: int | None = None
    monthly_minutes_cap: int | None = None
    failover_codes: frozenset[int] = frozenset()
    down_until: datetime | None = None

    def __post_init__(self) -> None:
        if self.strip_digits < 0:
            raise ValueError(f"carrier {self.name!r}: strip_digits cannot be negative")
        if self.tech_prefix and not self.tech_prefix.replace("#", "").replace("*", "").isalnum():
            raise ValueError(f"carrier {self.name!r}: tech prefix {self.tech_prefix!r} is not dialable")

    def usable_gateways(self, gateways_up: Mapping[int, bool] | None = None) -> tuple[GatewayView, ...]:
        """Enabled gateways not known to be down, heaviest first (then by id, so the order is stable).
        `gateways_up`: the OPTIONS keep-alive's newer verdicts, by gateway id (routing/gateway_health.py)."""
        if gateways_up:
            usable = [g for g in self.gateways if g.enabled and gateways_up.get(g.id, g.options_up) is not False]
        else:
            usable = [g for g in self.gateways if g.usable]
        return tuple(sorted(usable, key=lambda g: (-g.weight, g.id)))


def parse_codecs(text: str) -> frozenset[str]:
    """"PCMU, pcma,G722" -> {"PCMU", "PCMA", "G722"}."""
    return frozenset(part.strip().upper() for part in text.split(",") if part.strip())


def number_for_carrier(e164_digits: str, carrier: CarrierView, *, national: str | None = None) -> str:
    """The number as sent to `carrier`: format, strip, then tech prefix. `national` may pass a national form
    already computed for this call (it costs a phonenumbers parse)."""
    if carrier.number_format is NumberFormat.NATIONAL:
        number = national if national is not None else national_number(e164_digits)
    else:
        number = e164_digits
    if carrier.strip_digits:
        number = number[carrier.strip_digits:]
    return carrier.tech_prefix + number
