"""Calling-card batches, cards (each backed by an account) and recharge vouchers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import CardStatus, enum_column
from switch_service.store.types import Money, UTCDateTime


class CardBatch(Timestamped, Base):
    __tablename__ = "card_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    count: Mapped[int] = mapped_column()
    face_value: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    distributor: Mapped[str | None] = mapped_column(String(120))
    reseller_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"), index=True)
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    valid_days_after_first_use: Mapped[int | None] = mapped_column()
    expiry_notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Card(Timestamped, Base):
    """The PIN is stored twice: AES-GCM ciphertext (printable by an admin) and an HMAC index to find it."""

    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("card_batches.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), unique=True)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    pin_ciphertext: Mapped[bytes] = mapped_column(LargeBinary())
    pin_index: Mapped[str] = mapped_column(String(64), unique=True)
    face_value: Mapped[Decimal] = mapped_column(Money())
    status: Mapped[CardStatus] = mapped_column(enum_column(CardStatus), default=CardStatus.NEW)
    distributor: Mapped[str | None] = mapped_column(String(120))
    activated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Voucher(Timestamped, Base):
    """A recharge code: redeemed once, onto one account."""

    __tablename__ = "vouchers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_ciphertext: Mapped[bytes] = mapped_column(LargeBinary())
    code_index: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    label: Mapped[str] = mapped_column(String(120), default="")
    reseller_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"), index=True)
    used_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
