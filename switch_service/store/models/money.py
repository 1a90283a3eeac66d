"""Payments and top-ups (each with a receipt number) and periodic fees."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base
from switch_service.store.models.enums import PaymentKind, Period, enum_column
from switch_service.store.types import Money, UTCDateTime, utcnow


class Payment(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_number: Mapped[str] = mapped_column(String(32), unique=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    reseller_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(enum_column(PaymentKind))
    amount: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    method: Mapped[str] = mapped_column(String(32), default="cash")
    reference: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class RecurringFee(Base):
    """A maintenance, DID or package fee charged every period to an account (or to every active account if None).

    Occurrences are `anchor_at` moved on by whole periods in the account's time zone (the company's for a fee of
    every account); `next_due_at` is the first one not charged yet (see `store.repositories.fees`)."""

    __tablename__ = "recurring_fees"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    did_id: Mapped[int | None] = mapped_column(ForeignKey("dids.id"), unique=True)  # a DID's rent (did_fees.py)
    amount: Mapped[Decimal] = mapped_column(Money())
    period: Mapped[Period] = mapped_column(enum_column(Period))
    anchor_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    next_due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(default=True)
