"""Tariffs (sell decks, and each carrier's buy deck), rates, time bands, taxes and free-minute packages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import DisconnectFeeRule, Period, TariffKind, enum_column
from switch_service.store.types import Money, Percent, UTCDateTime


class BandSchedule(Base):
    """When peak, off-peak, weekend and holiday prices apply (evaluated in the account's time zone).

    `peak_days` is a comma list of weekday numbers (0 = Monday); `holidays` a comma list of ISO dates.
    """

    __tablename__ = "band_schedules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    peak_days: Mapped[str] = mapped_column(String(20), default="0,1,2,3,4")
    peak_start: Mapped[dt.time] = mapped_column(default=dt.time(8, 0))
    peak_end: Mapped[dt.time] = mapped_column(default=dt.time(20, 0))
    weekend_days: Mapped[str] = mapped_column(String(20), default="5,6")
    holidays: Mapped[str] = mapped_column(Text, default="")


class Tariff(Timestamped, Base):
    """A sell deck, or a carrier's buy deck (the carrier points at it with `buy_tariff_id`)."""

    __tablename__ = "tariffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[TariffKind] = mapped_column(enum_column(TariffKind), default=TariffKind.SELL)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    band_schedule_id: Mapped[int | None] = mapped_column(ForeignKey("band_schedules.id"))
    version: Mapped[int] = mapped_column(default=1)  # bumped on every change: in-memory indexes rebuild


class Rate(Base):
    """One prefix of a tariff, valid from `valid_from` (a new deck can start at midnight)."""

    __tablename__ = "rates"
    __table_args__ = (
        UniqueConstraint("tariff_id", "prefix", "valid_from"),
        Index("ix_rates_prefix", "prefix"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id", ondelete="CASCADE"))
    prefix: Mapped[str] = mapped_column(String(24))
    destination: Mapped[str] = mapped_column(String(120), default="")
    price_per_minute: Mapped[Decimal] = mapped_column(Money())
    initial_block_s: Mapped[int] = mapped_column(default=60)
    increment_s: Mapped[int] = mapped_column(default=60)
    connect_fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    disconnect_fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    disconnect_threshold_s: Mapped[int] = mapped_column(default=0)  # 0 = always; else by disconnect_fee_rule
    disconnect_fee_percent: Mapped[Decimal] = mapped_column(Percent(), default=Decimal(0))
    disconnect_fee_rule: Mapped[DisconnectFeeRule] = mapped_column(
        enum_column(DisconnectFeeRule), default=DisconnectFeeRule.BELOW_THRESHOLD,
        server_default=DisconnectFeeRule.BELOW_THRESHOLD.value)
    min_duration_s: Mapped[int] = mapped_column(default=0)
    min_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    grace_s: Mapped[int] = mapped_column(default=0)
    shrink_percent: Mapped[Decimal] = mapped_column(Percent(), default=Decimal(0))
    step1_after_s: Mapped[int | None] = mapped_column()
    step1_price: Mapped[Decimal | None] = mapped_column(Money())
    step2_after_s: Mapped[int | None] = mapped_column()
    step2_price: Mapped[Decimal | None] = mapped_column(Money())
    step3_after_s: Mapped[int | None] = mapped_column()
    step3_price: Mapped[Decimal | None] = mapped_column(Money())
    offpeak_price: Mapped[Decimal | None] = mapped_column(Money())
    weekend_price: Mapped[Decimal | None] = mapped_column(Money())
    holiday_price: Mapped[Decimal | None] = mapped_column(Money())
    valid_from: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class TaxProfile(Base):
    __tablename__ = "tax_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class Tax(Base):
    __tablename__ = "taxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("tax_profiles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    percent: Mapped[Decimal] = mapped_column(Percent())
    inclusive: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)


class Package(Timestamped, Base):
    """Free seconds per period for a destination group (comma list of prefixes), used before money."""

    __tablename__ = "packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    period: Mapped[Period] = mapped_column(enum_column(Period), default=Period.MONTHLY)
    free_seconds: Mapped[int] = mapped_column()
    prefixes: Mapped[str] = mapped_column(Text)
    fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))


class AccountPackage(Base):
    """A package held for one period (seconds used in it). The latest row of an account's package renews into
    the next period unless `renews` is off (set when the following period's row is deleted: the package stopped)."""

    __tablename__ = "account_packages"
    __table_args__ = (UniqueConstraint("account_id", "package_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"))
    period_start: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    used_seconds: Mapped[int] = mapped_column(default=0)
    renews: Mapped[bool] = mapped_column(default=True, server_default=true())


class PackageClaim(Base):
    """Free seconds of a package held for one call, from its Access-Request to its Stop.

    They count as used from the claim on (`account_packages.used_seconds`), so two calls never spend the same free
    minute; at the Stop the seconds the call did not use go back and the claim is deleted.
    """

    __tablename__ = "package_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(String(128), unique=True)
    account_package_id: Mapped[int] = mapped_column(ForeignKey("account_packages.id", ondelete="CASCADE"),
                                                    index=True)
    seconds: Mapped[int] = mapped_column()
    claimed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    node: Mapped[str | None] = mapped_column(String(64))  # the node that claimed them (see Reservation.node)
