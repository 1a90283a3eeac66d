"""Carriers and their gateways (admin only: costs and carriers are hidden from every other role)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, ClassVar

from pydantic import Field, field_validator

from switch_service.api.schemas import Id, InputModel, OutputModel
from switch_service.api.schemas.fields import PatchModel


class Transport(enum.StrEnum):
    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"


class NumberFormat(enum.StrEnum):
    """How the number is sent: E.164 digits, or the national form of the number's country."""

    E164 = "e164"
    NATIONAL = "national"


# Codec names as SDP rtpmap lines carry them (upper-cased); a carrier allowing none of a call's codecs is skipped.
KNOWN_CODECS = ("PCMU", "PCMA", "G722", "G729", "G723", "G726", "GSM", "ILBC", "SPEEX", "OPUS", "AMR", "AMR-WB")
MIN_FAILOVER_CODE = 400
MAX_FAILOVER_CODE = 699

Host = Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[A-Za-z0-9.\-:\[\]]+$",
                            description="host name, IPv4 or IPv6 address")]
Port = Annotated[int, Field(ge=1, le=65535)]
Weight = Annotated[int, Field(ge=0, le=10000, description="heavier gateways are tried first")]
# What `_codecs` takes: a known name in any letter case (JSON Schema's patterns have no case-insensitive flag).
CODEC_PATTERN = "^({})$".format("|".join("".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in name)
                                         for name in KNOWN_CODECS))
CodecName = Annotated[str, Field(json_schema_extra={"pattern": CODEC_PATTERN})]
Codecs = Annotated[list[CodecName], Field(min_length=1, max_length=len(KNOWN_CODECS),
                                          description=f"codec names, one or more of {', '.join(KNOWN_CODECS)}")]
FailoverCode = Annotated[int, Field(ge=MIN_FAILOVER_CODE, le=MAX_FAILOVER_CODE)]
FailoverCodes = Annotated[list[FailoverCode], Field(max_length=50, description=(
    "extra SIP codes (400-699) that move a call to the next carrier; 408 and 5xx always do, and "
    "404, 480, 486, 487 and 6xx never do, listed or not"))]
TechPrefix = Annotated[str, Field(max_length=16, pattern=r"^[0-9#*]*$",
                                  description="digits (and * or #) put before the number sent")]
CarrierName = Annotated[str, Field(min_length=1, max_length=120)]
StripDigits = Annotated[int, Field(ge=0, le=15, description="leading digits removed before the tech prefix")]
Limit = Annotated[int, Field(ge=0, le=1_000_000, description="0 = unlimited")]
MinutesCap = Annotated[int, Field(ge=1, le=100_000_000, description="minutes; null = no cap")]


def _codecs(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    names = [name.strip().upper() for name in value]
    unknown = [name for name in names if name not in KNOWN_CODECS]
    if unknown:
        raise ValueError(f"unknown codec {', '.join(unknown)} (known: {', '.join(KNOWN_CODECS)})")
    if len(set(names)) != len(names):
        raise ValueError("a codec is listed twice")
    return names


def _failover_codes(value: list[int] | None) -> list[int] | None:
    return None if value is None else sorted(set(value))


class GatewayCreate(InputModel):
    host: Host
    port: Port = 5060
    transport: Transport = Transport.UDP
    weight: Weight = 1
    enabled: bool = True


class GatewayUpdate(PatchModel):
    host: Host | None = None
    port: Port | None = None
    transport: Transport | None = None
    weight: Weight | None = None
    enabled: bool | None = None


class GatewayOut(OutputModel):
    id: int
    carrier_id: int
    host: str
    port: int
    transport: Transport
    weight: int
    enabled: bool
    options_up: bool | None = Field(default=None, description="last OPTIONS keep-alive answer; null before the first")
    options_checked_at: dt.datetime | None = None


class CarrierCreate(InputModel):
    name: CarrierName
    enabled: bool = True
    buy_tariff_id: Id | None = Field(default=None, description="the carrier's buy deck (a buy tariff)")
    strip_digits: StripDigits = 0
    tech_prefix: TechPrefix = ""
    number_format: NumberFormat = NumberFormat.E164
    codecs: Codecs = Field(default_factory=lambda: ["PCMU", "PCMA", "G722"])
    max_channels: Limit = 0
    cps_limit: Limit = 0
    daily_minutes_cap: MinutesCap | None = None
    monthly_minutes_cap: MinutesCap | None = None
    failover_codes: FailoverCodes = Field(default_factory=list)
    gateways: list[GatewayCreate] = Field(default_factory=list, max_length=50)

    _check_codecs = field_validator("codecs")(_codecs)
    _check_failover = field_validator("failover_codes")(_failover_codes)


class CarrierUpdate(PatchModel):
    nullable: ClassVar[frozenset[str]] = frozenset({"buy_tariff_id", "daily_minutes_cap", "monthly_minutes_cap",
                                                    "down_until"})

    name: CarrierName | None = None
    enabled: bool | None = None
    buy_tariff_id: Id | None = None
    strip_digits: StripDigits | None = None
    tech_prefix: TechPrefix | None = None
    number_format: NumberFormat | None = None
    codecs: Codecs | None = None
    max_channels: Limit | None = None
    cps_limit: Limit | None = None
    daily_minutes_cap: MinutesCap | None = None
    monthly_minutes_cap: MinutesCap | None = None
    failover_codes: FailoverCodes | None = None
    down_until: None = Field(default=None, description="send null to close the circuit breaker now")

    _check_codecs = field_validator("codecs")(_codecs)
    _check_failover = field_validator("failover_codes")(_failover_codes)


class CarrierOut(OutputModel):
    id: int
    name: str
    enabled: bool
    buy_tariff_id: int | None = None
    strip_digits: int
    tech_prefix: str
    number_format: NumberFormat
    codecs: list[str]
    max_channels: int
    cps_limit: int
    daily_minutes_cap: int | None = None
    monthly_minutes_cap: int | None = None
    failover_codes: list[int]
    down_until: dt.datetime | None = Field(default=None, description="circuit breaker open until then (UTC)")
    gateways: list[GatewayOut]
    created_at: dt.datetime
    updated_at: dt.datetime


class CarrierPage(OutputModel):
    """One keyset page by id: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[CarrierOut]
    next_after: int | None = None
