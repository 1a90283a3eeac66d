"""Customer accounts (prepaid or postpaid), their registered ANIs, speed dials and support notes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import AccountKind, Status, enum_column
from switch_service.store.types import Money, UTCDateTime, utcnow


class Account(Timestamped, Base):
    """Money: `balance` and `reserved` change only through the ledger (`store.repositories.ledger`), which also
    says what the account may spend (`available`).

    Status: active calls; suspended refuses new calls (calls in progress go on) and payments; closed refuses new
    calls, its calls in progress are hung up, and only a refund is taken (README "Accounts")."""

    __tablename__ = "accounts"
    __table_args__ = (Index("ix_accounts_balance", "balance", "id"),)  # sorted and filtered by balance

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[AccountKind] = mapped_column(enum_column(AccountKind), default=AccountKind.PREPAID)
    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.ACTIVE)
    balance: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    overdraft: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    credit_limit: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    reserved: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    language: Mapped[str] = mapped_column(String(8), default="en")
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    country: Mapped[str | None] = mapped_column(String(2))  # national forms of its numbers; None: default_region
    low_balance_notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # until above it again
    email: Mapped[str | None] = mapped_column(String(200))
    reseller_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"), index=True)
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))
    dial_plan_id: Mapped[int | None] = mapped_column(ForeignKey("dial_plans.id"))
    tax_profile_id: Mapped[int | None] = mapped_column(ForeignKey("tax_profiles.id"))
    max_concurrent_calls: Mapped[int] = mapped_column(default=0)  # 0 = unlimited
    cps_limit: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    low_balance_threshold: Mapped[Decimal | None] = mapped_column(Money())  # the account page warns below it
    max_anis: Mapped[int] = mapped_column(default=0, server_default=text("0"))  # caller numbers; 0 = unlimited


class AccountNote(Base):
    __tablename__ = "account_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    text: Mapped[str] = mapped_column(Text)


class Ani(Base):
    """A caller number registered to an account: PIN-less recognition on access numbers."""

    __tablename__ = "anis"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    destination: Mapped[str | None] = mapped_column(String(32))  # stored destination: routed at once
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SpeedDial(Base):
    __tablename__ = "speed_dials"
    __table_args__ = (UniqueConstraint("account_id", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    slot: Mapped[int] = mapped_column()
    number: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(64), default="")
