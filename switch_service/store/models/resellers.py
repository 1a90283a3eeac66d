"""Resellers form a tree; each has its own balance, type and commission rules."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import ResellerKind, Status, enum_column
from switch_service.store.types import Money, Percent


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
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))
    dial_plan_id: Mapped[int | None] = mapped_column(ForeignKey("dial_plans.id"))
    email: Mapped[str | None] = mapped_column(String(200))
    brand_name: Mapped[str | None] = mapped_column(String(120))


class CommissionRule(Base):
    """What a reseller earns: a percentage of sales or of margin, or an amount per minute, per prefix."""

    __tablename__ = "commission_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    reseller_id: Mapped[int] = mapped_column(ForeignKey("resellers.id", ondelete="CASCADE"), index=True)
    basis: Mapped[str] = mapped_column(String(20))  # sales_percent | margin_percent | per_minute
    prefix: Mapped[str] = mapped_column(String(20), default="")
    percent: Mapped[Decimal | None] = mapped_column(Percent())
    amount: Mapped[Decimal | None] = mapped_column(Money())
