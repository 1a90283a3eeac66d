"""Resellers form a tree; each has its own balance, type and commission rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import ResellerKind, Status, enum_column
from switch_service.store.types import Money, Percent, UTCDateTime, utcnow


class Reseller(Timestamped, Base):
    __tablename__ = "resellers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"), index=True)
    kind: Mapped[ResellerKind] = mapped_column(enum_column(ResellerKind))
    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.ACTIVE)
    balance: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    credit_limit: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))  # what the operator sells to it at
    # A white-label reseller's own sell tariff, marked up from `tariff_id` (its users read and edit only this one).
    # Kept here, not as tariffs.reseller_id: resellers -> tariffs only, so no foreign-key cycle for restores.
    sell_tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"), unique=True)
    dial_plan_id: Mapped[int | None] = mapped_column(ForeignKey("dial_plans.id"))
    email: Mapped[str | None] = mapped_column(String(200))
    brand_name: Mapped[str | None] = mapped_column(String(120))
    tax_profile_id: Mapped[int | None] = mapped_column(ForeignKey("tax_profiles.id"))  # taxes its statement prints
    # A retail store's agent PIN (keyed in the IVR to recharge PIN-less customers from this reseller's balance): only
    # its keyed index (`PinCipher.index`), as a card PIN's, to find the reseller by it; it is shown once when issued
    # and never again, so no ciphertext is kept. None: no agent PIN.
    agent_pin_index: Mapped[str | None] = mapped_column(String(64), unique=True)
    agent_pin_issued_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ResellerLogo(Base):
    """A white-label reseller's logo, printed on its customers' documents and its own statement. A table of its
    own, so reading resellers never reads images; in the database, so every node and every backup has it."""

    __tablename__ = "reseller_logos"

    reseller_id: Mapped[int] = mapped_column(ForeignKey("resellers.id", ondelete="CASCADE"), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(20))  # image/png | image/jpeg
    width: Mapped[int] = mapped_column()
    height: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    # MariaDB's BLOB holds 64 KiB: MEDIUMBLOB (16 MiB) there; the API takes far less (documents.logos.MAX_BYTES)
    data: Mapped[bytes] = mapped_column(LargeBinary().with_variant(mysql.MEDIUMBLOB(), "mysql", "mariadb"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class CommissionRule(Base):
    """What a reseller earns: a percentage of sales or of margin, or an amount per minute, per prefix."""

    __tablename__ = "commission_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    reseller_id: Mapped[int] = mapped_column(ForeignKey("resellers.id", ondelete="CASCADE"), index=True)
    basis: Mapped[str] = mapped_column(String(20))  # sales_percent | margin_percent | per_minute
    prefix: Mapped[str] = mapped_column(String(20), default="")
    percent: Mapped[Decimal | None] = mapped_column(Percent())
    amount: Mapped[Decimal | None] = mapped_column(Money())


class CdrResellerLine(Base):
    """A reseller's line of a rated call: its sell and buy price and its commission (billing/commissions.py),
    written by the Stop in the transaction of the debit and the call's CDR (`call_id`: the CDR of kind call)."""

    __tablename__ = "cdr_reseller_lines"
    __table_args__ = (UniqueConstraint("call_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(String(128))
    reseller_id: Mapped[int] = mapped_column(ForeignKey("resellers.id"), index=True)
    level: Mapped[int] = mapped_column()  # 0: the account's own reseller, 1 its parent, ...
    sell: Mapped[Decimal] = mapped_column(Money())
    buy: Mapped[Decimal] = mapped_column(Money())
    commission: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3))


class PaymentResellerLine(Base):
    """A reseller's line of a payment or recharge: its commission, and what its balance moved by (`charged`: its
    commission credited, or the buy price taken from the reseller that did the recharge), written with the payment."""

    __tablename__ = "payment_reseller_lines"
    __table_args__ = (UniqueConstraint("payment_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id", ondelete="CASCADE"))
    reseller_id: Mapped[int] = mapped_column(ForeignKey("resellers.id"), index=True)
    level: Mapped[int] = mapped_column()
    sell: Mapped[Decimal] = mapped_column(Money())
    buy: Mapped[Decimal] = mapped_column(Money())
    commission: Mapped[Decimal] = mapped_column(Money())
    balance_change: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3))
