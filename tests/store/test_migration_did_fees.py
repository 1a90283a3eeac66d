"""Migration 0007 on every backend: the DIDs whose monthly fee was shown but never charged get their recurring fee
at the upgrade (active, with a fee and an account only), and the rates keep today's disconnect fee rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from switch_service.store import migrate
from switch_service.store.engine import make_engine
from switch_service.store.models import Rate, RecurringFee
from switch_service.store.models.enums import DisconnectFeeRule, Period
from switch_service.store.types import Money, UTCDateTime


def test_existing_dids_get_their_monthly_fee_and_rates_keep_their_rule(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        migrate.upgrade(engine, "0005")
        accounts = sa.table("accounts", *(sa.column(name, sa.String()) for name in (
            "number", "name", "kind", "status", "currency", "language", "time_zone")),
            *(sa.column(name, Money()) for name in ("balance", "overdraft", "credit_limit", "reserved")),
            *(sa.column(name, sa.Integer()) for name in ("id", "max_concurrent_calls", "cps_limit")),
            *(sa.column(name, UTCDateTime()) for name in ("created_at", "updated_at")))
        dids = sa.table("dids", sa.column("number", sa.String()), sa.column("kind", sa.String()),
                        sa.column("account_id", sa.Integer()), sa.column("monthly_fee", Money()),
                        sa.column("active", sa.Boolean()), sa.column("language", sa.String()),
                        sa.column("surcharge_per_minute", Money()), sa.column("surcharge_per_call", Money()),
                        sa.column("created_at", UTCDateTime()), sa.column("updated_at", UTCDateTime()))
        now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
        with engine.begin() as conn:  # as the tables stood at 0005 (later models may have more columns)
            zero = Decimal(0)
            conn.execute(sa.insert(accounts).values(
                number="100001", name="Maria", kind="prepaid", status="active", balance=zero, overdraft=zero,
                credit_limit=zero, reserved=zero, currency="USD", language="en", time_zone="UTC",
                max_concurrent_calls=0, cps_limit=0, created_at=now, updated_at=now))
            account_id = conn.execute(sa.select(accounts.c.id)).scalar_one()
            conn.execute(sa.text("INSERT INTO tariffs (name, kind, currency, version, created_at, updated_at) "
                                 "VALUES ('Retail', 'sell', 'USD', 1, :at, :at)"),
                         {"at": UTCDateTime().process_bind_param(now, engine.dialect)})
            conn.execute(sa.text("INSERT INTO rates (tariff_id, prefix, destination, price_per_minute, "
                                 "initial_block_s, increment_s, connect_fee, disconnect_fee, disconnect_threshold_s, "
                                 "disconnect_fee_percent, min_duration_s, min_cost, grace_s, shrink_percent, "
                                 "valid_from) SELECT id, '44', '', 1, 60, 60, 0, 0, 0, 0, 0, 0, 0, 0, created_at "
                                 "FROM tariffs"))
        with engine.begin() as conn:
            base = {"language": "en", "surcharge_per_minute": Decimal(0), "surcharge_per_call": Decimal(0),
                    "created_at": now, "updated_at": now}
            conn.execute(sa.insert(dids), [
                {**base, "number": "442079460000", "kind": "forward", "account_id": account_id,
                 "monthly_fee": Decimal("2.5"), "active": True},
                {**base, "number": "442079460001", "kind": "forward", "account_id": account_id,
                 "monthly_fee": Decimal("2.5"), "active": False},  # switched off: no fee
                {**base, "number": "18005550100", "kind": "access_number", "account_id": None,
                 "monthly_fee": Decimal("9"), "active": True},  # the operator's own
                {**base, "number": "442079460002", "kind": "forward", "account_id": account_id,
                 "monthly_fee": Decimal(0), "active": True}])
        before = dt.datetime.now(dt.UTC).replace(microsecond=0)
        migrate.upgrade(engine)
        with Session(engine) as session:
            [fee] = session.scalars(sa.select(RecurringFee)).all()
            assert (fee.name, fee.account_id, fee.amount, fee.period, fee.active) == (
                "DID 442079460000 monthly fee", account_id, Decimal("2.5"), Period.MONTHLY, True)
            assert before <= fee.anchor_at == fee.next_due_at <= dt.datetime.now(dt.UTC)
            assert session.scalars(sa.select(Rate.disconnect_fee_rule)).all() == [DisconnectFeeRule.BELOW_THRESHOLD]
    finally:
        engine.dispose()

