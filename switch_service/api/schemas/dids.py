"""DIDs (the operator's inbound numbers), customer trunks and an account's speed dials.

What a DID's kind needs: `forward` an account (who pays) and `forward_to`; `access_number` (the shared number
callers reach the IVR or their ANI route on) none of account, forward_to or trunk; `trunk` a trunk with a source
IP (calls are delivered there) and the trunk's account. Numbers are accepted in any usual form and kept as E.164
digits without '+'.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import Field, IPvAnyAddress, SecretStr

from switch_service.api.schemas import Country, Id, InputModel, Money, NonNegativeMoney, OutputModel
from switch_service.api.schemas.fields import PatchModel


class DidKind(enum.StrEnum):
    FORWARD = "forward"
    ACCESS_NUMBER = "access_number"
    TRUNK = "trunk"


class TrunkAuth(enum.StrEnum):
    IP = "ip"
    DIGEST = "digest"


PhoneNumber = Annotated[str, Field(min_length=1, max_length=40,
                                   description="any usual form; stored as E.164 digits without '+'")]
Language = Annotated[str, Field(min_length=2, max_length=8, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$",
                                description="prompt language, e.g. en or es-MX")]
LanguageMenu = Annotated[list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]], Field(
    description="access numbers: the languages offered to callers before the PIN (\"for "
    "English press 1, para español oprima 2\"), in the order of their digits, each a prompt set's code (GET "
    "/ivr/prompts); one language: no menu, every call in it; empty: no menu (the card's or account's language)")]
ShrinkPercent = Annotated[int, Field(ge=0, le=99, description="access numbers: the IVR announces this percentage "
                                     "fewer minutes than a call may last (minute shrinking); billing is unchanged")]


# --- DIDs ----------------------------------------------------------------------------------------


class DidCreate(InputModel):
    number: PhoneNumber
    kind: DidKind
    account_id: Id | None = Field(default=None, description="forward: who pays; trunk: the trunk's "
                                                            "account (the default); access_number: none")
    forward_to: str | None = Field(default=None, min_length=1, max_length=40,
                                   description="forward only: where calls go; stored as E.164 digits")
    trunk_id: Id | None = Field(default=None, description="trunk only: the customer trunk calls go to")
    dial_plan_id: Id | None = Field(default=None, description="used when the caller's account has none")
    language: Language = "en"
    language_menu: LanguageMenu = Field(default_factory=list)
    country: Country | None = Field(default=None, description="callers' numbers in national form are read as of "
                                    "this country; the default_region setting when left out")
    surcharge_per_minute: NonNegativeMoney = Decimal(0)
    surcharge_per_call: NonNegativeMoney = Decimal(0)
    monthly_fee: NonNegativeMoney = Decimal(0)
    minute_shrink_percent: ShrinkPercent = 0
    active: bool = True


class DidUpdate(PatchModel):
    """Fields left out keep their value; the result must still fit the kind (a 422 names the field if not)."""

    nullable: ClassVar[frozenset[str]] = frozenset({"account_id", "forward_to", "trunk_id", "dial_plan_id",
                                                    "country"})

    number: PhoneNumber | None = None
    kind: DidKind | None = None
    account_id: Id | None = None
    forward_to: str | None = Field(default=None, min_length=1, max_length=40)
    trunk_id: Id | None = None
    dial_plan_id: Id | None = None
    language: Language | None = None
    language_menu: LanguageMenu | None = None
    country: Country | None = None
    surcharge_per_minute: NonNegativeMoney | None = None
    surcharge_per_call: NonNegativeMoney | None = None
    monthly_fee: NonNegativeMoney | None = None
    minute_shrink_percent: ShrinkPercent | None = None
    active: bool | None = None


class DidOut(OutputModel):
    id: int
    number: str = Field(description="E.164 digits without '+'")
    kind: DidKind
    account_id: int | None = None
    forward_to: str | None = None
    trunk_id: int | None = None
    dial_plan_id: int | None = Field(default=None, description="admins only: absent for other roles")
    language: str
    language_menu: list[str] = Field(default_factory=list, description="access numbers: the languages offered "
                                     "before the PIN, the first on digit 1; empty: no menu")
    country: str | None = None
    surcharge_per_minute: Money
    surcharge_per_call: Money
    monthly_fee: Money
    minute_shrink_percent: int = 0
    has_welcome: bool = Field(default=False, description="access numbers: callers hear the DID's own welcome "
                              "recording (`/dids/{id}/welcome.wav`) instead of the standard welcome prompt")
    active: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class DidPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[DidOut]
    next_after: int | None = None


class DidRemovedOut(OutputModel):
    id: int
    number: str
    outcome: Literal["deleted", "deactivated"] = Field(
        description="deactivated (kept, active=false) when call records or a call in progress name the DID")


class DidWelcomeOut(OutputModel):
    """An access number's own welcome recording, stored after conversion to 8 kHz mono 16-bit PCM."""

    did_id: int
    number: str
    source_format: str = Field(description="what was sent: WAV or MP3")
    seconds: float = Field(description="length of the stored recording")
    size: int = Field(description="bytes of the stored WAV file")
    sample_rate: int = Field(description="always 8000")


# --- customer trunks -----------------------------------------------------------------------------

TrunkUser = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._+@-]+$",
                                 description="digest user name (letters, digits and . _ + @ -)")]
TrunkPassword = Annotated[SecretStr, Field(min_length=8, max_length=128,
                                           description="digest only; kept as the RFC 2617 HA1, never returned")]


class TrunkCreate(InputModel):
    account_id: Id = Field(description="the account billed for the trunk's calls")
    name: str = Field(min_length=1, max_length=120)
    auth: TrunkAuth
    source_ip: IPvAnyAddress | None = Field(default=None, description="ip: how calls are recognised; either "
                                            "kind: where calls to the trunk's DIDs are delivered")
    username: TrunkUser | None = None
    password: TrunkPassword | None = None
    max_channels: int = Field(default=0, ge=0, le=100_000, description="0 = unlimited")
    cps_limit: int = Field(default=0, ge=0, le=10_000, description="calls per second; 0 = unlimited")
    country: Country | None = Field(default=None, description="numbers the trunk sends in national form are read "
                                    "as of this country; the default_region setting when left out")
    active: bool = True


class TrunkUpdate(PatchModel):
    """Fields left out keep their value. A new user name needs the password again (the HA1 includes it)."""

    nullable: ClassVar[frozenset[str]] = frozenset({"source_ip", "username", "country"})

    account_id: Id | None = None
    name: str | None = Field(default=None, min_length=1, max_length=120)
    auth: TrunkAuth | None = None
    source_ip: IPvAnyAddress | None = None
    username: TrunkUser | None = None
    password: TrunkPassword | None = None
    max_channels: int | None = Field(default=None, ge=0, le=100_000)
    cps_limit: int | None = Field(default=None, ge=0, le=10_000)
    country: Country | None = None
    active: bool | None = None


class TrunkOut(OutputModel):
    id: int
    account_id: int
    name: str
    auth: TrunkAuth
    source_ip: str | None = None
    username: str | None = None
    password_set: bool = Field(description="whether a digest password is stored (the password never leaves)")
    max_channels: int
    cps_limit: int
    country: str | None = None
    active: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class TrunkPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[TrunkOut]
    next_after: int | None = None


# --- speed dials ---------------------------------------------------------------------------------


class SpeedDialCreate(InputModel):
    slot: int = Field(ge=0, le=99, description="the digits the caller keys instead of the number")
    number: PhoneNumber
    label: str = Field(default="", max_length=64)


class SpeedDialOut(OutputModel):
    id: int
    account_id: int
    slot: int
    number: str = Field(description="E.164 digits without '+'")
    label: str
