"""`carrier-switch statements render|run` on each database, over the demo data: an ended month is issued once and
written again byte for byte, `run` issues every other statement once, and bad input is one line with nothing kept."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_harness import run_cli
from sqlalchemy import func, select

from switch_service.store.engine import make_engine
from switch_service.store.models import Account, IssuedDocument, Reseller
from tests.conftest import fresh_database


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--db", db)


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


def test_a_restore_brings_back_the_issued_documents(demo_db: str, backend: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`backup` carries the kept PDFs with the rows naming them; `restore` into another database and data folder
    puts them back, so a document opened again is the one issued before, byte for byte, under its number."""
    previous = (dt.datetime.now(dt.UTC).replace(day=1) - dt.timedelta(days=20)).strftime("%Y-%m")
    issued = {whose: ok(demo_db, "statements", "render", f"--{whose}", "1", "--period", previous,
                        "--out", str(tmp_path / f"{whose}.pdf")) for whose in ("account", "reseller")}
    (tmp_path / "data" / "documents" / "stray.txt").write_text("not a document")  # not carried
    saved = run(demo_db, "backup", str(tmp_path / "office.cdbackup"))
    assert saved.returncode == 0 and "2 document files" in saved.stdout, saved.stdout + saved.stderr

    target = f"sqlite:///{tmp_path / 'restored.db'}" if backend == "sqlite" else fresh_database(backend, "restored")
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(tmp_path / "elsewhere"))  # another machine's data folder
    restored = run(target, "restore", str(tmp_path / "office.cdbackup"))
    assert restored.returncode == 0 and "2 document files" in restored.stdout, restored.stderr
    assert not (tmp_path / "elsewhere" / "documents" / "stray.txt").exists()
    for whose, first in issued.items():
        again = ok(target, "statements", "render", f"--{whose}", "1", "--period", previous,
                   "--out", str(tmp_path / f"{whose}-again.pdf"))
        assert (again["number"], again["sha256"]) == (first["number"], first["sha256"])
        assert (tmp_path / f"{whose}-again.pdf").read_bytes() == (tmp_path / f"{whose}.pdf").read_bytes()


def test_a_backup_names_a_document_file_it_could_not_carry(demo_db: str, tmp_path: Path) -> None:
    previous = (dt.datetime.now(dt.UTC).replace(day=1) - dt.timedelta(days=20)).strftime("%Y-%m")
    number = ok(demo_db, "statements", "render", "--account", "1", "--period", previous,
                "--out", str(tmp_path / "a.pdf"))["number"]
    kept = next((tmp_path / "data" / "documents").rglob(f"{number}.pdf"))
    kept.write_bytes(kept.read_bytes() + b"%")  # changed after it was issued
    saved = run(demo_db, "backup", str(tmp_path / "b.cdbackup"))
    assert saved.returncode == 0 and "0 document files" in saved.stdout
    assert f"left out: documents/{kept.parent.name}/{number}.pdf" in saved.stderr
