"""DIDs (the operator's inbound numbers) and customer trunks that send traffic to the switch."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import DidKind, TrunkAuth, enum_column
from switch_service.store.types import Money


class Did(Timestamped, Base):
    """What a DID is decides the call flow: forward to a number, access number (ANI/PIN IVR), or trunk."""

    __tablename__ = "dids"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[DidKind] = mapped_column(enum_column(DidKind))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    forward_to: Mapped[str | None] = mapped_column(String(32))
    trunk_id: Mapped[int | None] = mapped_column(ForeignKey("customer_trunks.id"))
    dial_plan_id: Mapped[int | None] = mapped_column(ForeignKey("dial_plans.id"))
    language: Mapped[str] = mapped_column(String(8), default="en")
    # an access number's language menu: the languages offered before the PIN, comma-separated, the first on digit
    # 1 ("" : none); read and written as a list through `language_menu`
    language_menu_codes: Mapped[str] = mapped_column("language_menu", String(80), default="",
                                                     server_default=text("''"))
    country: Mapped[str | None] = mapped_column(String(2))  # national forms of its callers; None: default_region
    surcharge_per_minute: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    surcharge_per_call: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    monthly_fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # an access number's IVR announces this share fewer minutes than the call may last (billing is unchanged)
    minute_shrink_percent: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    active: Mapped[bool] = mapped_column(default=True)

    @property
    def language_menu(self) -> list[str]:
        """The menu's languages in the order of their digits (1, 2, ...); empty: no menu."""
        return split_language_menu(self.language_menu_codes)

    @language_menu.setter
    def language_menu(self, languages: list[str]) -> None:
        self.language_menu_codes = ",".join(languages)


def split_language_menu(codes: str | None) -> list[str]:
    """The stored form of a language menu ("en,es,fr") as its list."""
    return [code for code in (codes or "").split(",") if code]


class CustomerTrunk(Timestamped, Base):
    """A customer PBX or reseller switch, recognised by source IP or SIP digest credentials."""

    __tablename__ = "customer_trunks"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    auth: Mapped[TrunkAuth] = mapped_column(enum_column(TrunkAuth))
    source_ip: Mapped[str | None] = mapped_column(String(64), index=True)
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    password_ha1: Mapped[str | None] = mapped_column(String(64))  # MD5(user:realm:password), RFC 2617
    max_channels: Mapped[int] = mapped_column(default=0)
    cps_limit: Mapped[int] = mapped_column(default=0)
    country: Mapped[str | None] = mapped_column(String(2))  # national forms it sends; None: default_region
    active: Mapped[bool] = mapped_column(default=True)
