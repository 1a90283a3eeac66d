"""The migrations are the schema: they build it on every backend, match the models exactly and keep the data."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from switch_service.store import migrate
from switch_service.store.base import Base
from switch_service.store.engine import make_engine
from switch_service.store.models import AccountPackage, PackageClaim, RecurringFee
from switch_service.store.types import UTCDateTime


def test_upgrade_from_empty_reaches_head_and_matches_models(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision(engine)
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        engine.dispose()


def test_upgrade_twice_is_a_no_op(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        migrate.upgrade(engine)
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision(engine)
    finally:
        engine.dispose()


def test_fees_made_before_0003_are_anchored_on_their_next_due_date(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    due = dt.datetime(2026, 1, 31, 9, tzinfo=dt.UTC)
    try:
        migrate.upgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO recurring_fees (name, amount, period, next_due_at, active) "
                              "VALUES ('maintenance', 1, 'monthly', :due, :active)"),
                         {"due": UTCDateTime().process_bind_param(due, engine.dialect), "active": True})
        migrate.upgrade(engine)
        with Session(engine) as session:
            fee = session.scalars(select(RecurringFee)).one()
            assert (fee.anchor_at, fee.next_due_at) == (due, due)
    finally:
        engine.dispose()


def test_0005_keeps_the_package_claims_of_live_calls_and_renews_existing_packages(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    start = UTCDateTime().process_bind_param(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), engine.dialect)
    try:
        migrate.upgrade(engine, "0004")
        with engine.begin() as conn:  # SQL of that revision: the models have columns of later ones
            conn.execute(text("INSERT INTO accounts (id, number, name, kind, status, balance, overdraft, "
                              "credit_limit, reserved, currency, language, time_zone, max_concurrent_calls, "
                              "cps_limit, created_at, updated_at) VALUES (1, '1001', 'Ana', 'prepaid', 'active', "
                              "0, 0, 0, 0, 'USD', 'en', 'UTC', 0, 0, :at, :at)"), {"at": start})
            conn.execute(text("INSERT INTO packages (id, name, free_seconds, prefixes, period, fee, created_at, "
                              "updated_at) VALUES (1, 'UK', 60, '44', 'monthly', 0, :at, :at)"), {"at": start})
            conn.execute(text("INSERT INTO account_packages (id, account_id, package_id, period_start, "
                              "used_seconds) VALUES (1, 1, 1, :at, 60)"), {"at": start})
            conn.execute(text("INSERT INTO package_claims (call_id, account_package_id, seconds, claimed_at) "
                              "VALUES ('call-1', 1, 60, :at)"), {"at": start})
        migrate.upgrade(engine)
        with Session(engine) as session:
            assert session.scalars(select(PackageClaim.call_id)).all() == ["call-1"]  # a call still talking
            assert session.scalars(select(AccountPackage.renews)).all() == [True]
    finally:
        engine.dispose()


def test_an_upgrade_keeps_the_accounts_of_resellers(empty_db_url: str) -> None:
    """0017 and 0019 give `resellers` new foreign keys, which SQLite does by copying the table: with accounts
    pointing at a reseller the upgrade used to fail."""
    engine = make_engine(empty_db_url)
    at = UTCDateTime().process_bind_param(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), engine.dialect)
    try:
        migrate.upgrade(engine, "0016")
        with engine.begin() as conn:  # SQL of that revision: the models have columns of later ones
            conn.execute(text("INSERT INTO resellers (id, name, kind, status, balance, credit_limit, currency, "
                              "created_at, updated_at) VALUES (7, 'North', 'usage_based', 'active', 0, 0, 'USD', "
                              ":at, :at)"), {"at": at})
            conn.execute(text("INSERT INTO accounts (id, number, name, kind, status, balance, overdraft, "
                              "credit_limit, reserved, currency, language, time_zone, max_concurrent_calls, "
                              "cps_limit, created_at, updated_at, reseller_id) VALUES (1, '1001', 'Ana', 'prepaid', "
                              "'active', 0, 0, 0, 0, 'USD', 'en', 'UTC', 0, 0, :at, :at, 7)"), {"at": at})
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT number, reseller_id FROM accounts")).all() == [("1001", 7)]
            assert conn.execute(text("SELECT id, name FROM resellers")).all() == [(7, "North")]
    finally:
        engine.dispose()


def test_0021_keeps_the_dids_gives_them_no_language_menu_and_drops_welcome_prompt(empty_db_url: str) -> None:
    """`dids` is copied on SQLite to drop `welcome_prompt` (batch), with a DID fee's row pointing at it."""
    engine = make_engine(empty_db_url)
    at = UTCDateTime().process_bind_param(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), engine.dialect)
    try:
        migrate.upgrade(engine, "0018")
        with engine.begin() as conn:  # SQL of that revision: the models have columns of later ones
            conn.execute(text("INSERT INTO dids (id, number, kind, welcome_prompt, language, surcharge_per_minute, "
                              "surcharge_per_call, monthly_fee, active, created_at, updated_at) VALUES (3, "
                              "'18005550100', 'access_number', 'welcome', 'es', 0, 0, 2, :yes, :at, :at)"),
                         {"at": at, "yes": True})
            conn.execute(text("INSERT INTO recurring_fees (name, amount, period, next_due_at, anchor_at, active, "
                              "did_id) VALUES ('DID', 2, 'monthly', :at, :at, :yes, 3)"), {"at": at, "yes": True})
        migrate.upgrade(engine)
        assert "welcome_prompt" not in {column["name"] for column in inspect(engine).get_columns("dids")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, number, language, language_menu FROM dids")).all() == [
                (3, "18005550100", "es", "")]
            assert conn.execute(text("SELECT did_id FROM recurring_fees")).all() == [(3,)]
    finally:
        engine.dispose()
