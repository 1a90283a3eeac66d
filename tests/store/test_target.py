"""A database target crosses to a child process with its password, and never shows it."""

from __future__ import annotations

import pickle
from pathlib import Path

from sqlalchemy import text

from switch_service.store.target import DatabaseTarget


def test_a_target_pickles_with_its_password_and_prints_without_it() -> None:
    target = DatabaseTarget.parse("postgresql://carrier:s3cr%40t@db.example:5433/billing?sslmode=require",
                                  pool_size=3)
    copy = pickle.loads(pickle.dumps(target))
    assert copy == target and copy.url.password == "s3cr@t" and copy.options == {"pool_size": 3}
    assert copy.url.drivername == "postgresql+psycopg"  # the shipped driver, as for a URL in the settings
    shown = f"{target} {target!r} {target.url} {target.url!r}"
    assert "s3cr" not in shown and "***" in shown


def test_a_target_opens_its_database(tmp_path: Path) -> None:
    engine = DatabaseTarget.parse(f"sqlite:///{tmp_path / 'target.db'}").engine()
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()
