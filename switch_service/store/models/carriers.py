"""Carriers and their gateways, dial plans and the routes inside them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import RouteStrategy, Transport, enum_column
from switch_service.store.types import Money, Percent, UTCDateTime


class Carrier(Timestamped, Base):
    __tablename__ = "carriers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    enabled: Mapped[bool] = mapped_column(default=True)
    buy_tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))
    strip_digits: Mapped[int] = mapped_column(default=0)
    tech_prefix: Mapped[str] = mapped_column(String(16), default="")
    number_format: Mapped[str] = mapped_column(String(10), default="e164")  # e164 | national
    codecs: Mapped[str] = mapped_column(String(120), default="PCMU,PCMA,G722")
    max_channels: Mapped[int] = mapped_column(default=0)  # 0 = unlimited
    cps_limit: Mapped[int] = mapped_column(default=0)
    daily_minutes_cap: Mapped[int | None] = mapped_column()
    monthly_minutes_cap: Mapped[int | None] = mapped_column()
    failover_codes: Mapped[str] = mapped_column(String(120), default="")  # extra SIP codes treated as failures
    down_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # circuit breaker
    down_notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # until it is up again


class Gateway(Base):
    __tablename__ = "gateways"

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id", ondelete="CASCADE"), index=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(default=5060)
    transport: Mapped[Transport] = mapped_column(enum_column(Transport), default=Transport.UDP)
    weight: Mapped[int] = mapped_column(default=1)
    enabled: Mapped[bool] = mapped_column(default=True)
    options_up: Mapped[bool | None] = mapped_column()  # None until the first OPTIONS answer
    options_checked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class DialPlan(Timestamped, Base):
    __tablename__ = "dial_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(String(255), default="")


class DialPlanRoute(Base):
    """How one prefix of a dial plan is routed (the longest matching prefix wins)."""

    __tablename__ = "dial_plan_routes"
    __table_args__ = (UniqueConstraint("dial_plan_id", "prefix"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dial_plan_id: Mapped[int] = mapped_column(ForeignKey("dial_plans.id", ondelete="CASCADE"))
    prefix: Mapped[str] = mapped_column(String(24))
    strategy: Mapped[RouteStrategy] = mapped_column(enum_column(RouteStrategy), default=RouteStrategy.LCR)
    blocked: Mapped[bool] = mapped_column(default=False)
    allow_loss: Mapped[bool] = mapped_column(default=False)
    min_margin_percent: Mapped[Decimal | None] = mapped_column(Percent())
    min_margin_amount: Mapped[Decimal | None] = mapped_column(Money())


class RouteCarrier(Base):
    """A carrier named in a route: its priority or weight, or pinned / excluded for that prefix."""

    __tablename__ = "route_carriers"
    __table_args__ = (UniqueConstraint("route_id", "carrier_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("dial_plan_routes.id", ondelete="CASCADE"))
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id", ondelete="CASCADE"), index=True)
    priority: Mapped[int] = mapped_column(default=0)
    weight: Mapped[int] = mapped_column(default=1)
    pinned: Mapped[bool] = mapped_column(default=False)
    excluded: Mapped[bool] = mapped_column(default=False)
