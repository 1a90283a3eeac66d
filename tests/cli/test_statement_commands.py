"""`carrier-switch statements render|run` on each database, over the demo data: an ended month is issued once and
written again byte for byte, `run` issues every other statement once, and bad input is one line with nothing kept."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from switch_service.store.engine import make_engine
from switch_service.store.models import Account, IssuedDocument, Reseller

CLI = [sys.executable, "-m", "switch_service"]


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args, "--db", db], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ), check=False)


def ok(db: str, *args: str) -> Any:
    result = run(db, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def refused(db: str, *args: str) -> str:
    result = run(db, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    return result.stderr.strip()


@pytest.fixture
def demo_db(empty_db_url: str) -> str:
    for command in (("db", "upgrade"), ("demo-data",)):
        result = run(empty_db_url, *command)
        assert result.returncode == 0, result.stderr
    return empty_db_url


def test_statements_from_the_command_line(demo_db: str, tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    previous = (now.replace(day=1) - dt.timedelta(days=20)).strftime("%Y-%m")
    engine = make_engine(demo_db)
    try:
        with engine.connect() as db:
            account_id, zone = db.execute(select(Account.id, Account.time_zone).order_by(Account.id)).first()
            accounts = db.scalar(select(func.count()).select_from(Account))
            resellers = db.scalar(select(func.count()).select_from(Reseller))
        first = ok(demo_db, "statements", "render", "--account", str(account_id), "--period", previous,
                   "--out", str(tmp_path / "a.pdf"))
        assert first["number"].endswith("-000001") and not first["provisional"]
        again = ok(demo_db, "statements", "render", "--account", str(account_id), "--period", previous,
                   "--out", str(tmp_path / "b.pdf"))
        assert again["number"] == first["number"]
        assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "a.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert f"Period: {previous}" in text and f"Time zone: {zone}" in text
        counts = ok(demo_db, "statements", "run", "--period", previous)
        assert counts["issued"] + counts["kept_before"] == accounts + resellers
        assert counts["kept_before"] == 1 and counts["not_ended"] == 0
        assert ok(demo_db, "statements", "run", "--period", previous)["issued"] == 0  # once only
        with engine.connect() as db:
            seqs = sorted(db.scalars(select(IssuedDocument.seq).where(IssuedDocument.series == "ST")))
            assert seqs == list(range(1, len(seqs) + 1))  # no gap

        current = now.strftime("%Y-%m")
        provisional = ok(demo_db, "statements", "render", "--reseller", "1", "--period", current,
                         "--out", str(tmp_path / "r.pdf"))
        assert provisional["provisional"] and provisional["number"] is None
        future = (now + dt.timedelta(days=45)).strftime("%Y-%m")
        assert "in the future" in refused(demo_db, "statements", "render", "--account", str(account_id),
                                          "--period", future, "--out", str(tmp_path / "f.pdf"))
        assert "expected YYYY-MM" in refused(demo_db, "statements", "run", "--period", "2026-13")
        assert "--account ID or --reseller ID" in refused(demo_db, "statements", "render", "--period", previous,
                                                          "--out", str(tmp_path / "x.pdf"))
        assert "does not exist" in refused(demo_db, "statements", "render", "--account", "999999", "--period",
                                           previous, "--out", str(tmp_path / "x.pdf"))
        assert not (tmp_path / "f.pdf").exists() and not (tmp_path / "x.pdf").exists()
        with engine.connect() as db:
            assert db.scalar(select(func.count()).select_from(IssuedDocument)) == accounts + resellers
    finally:
        engine.dispose()
