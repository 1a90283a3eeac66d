"""Numbers without gaps under concurrency, on each database: statements of many accounts issued by several threads
at once (as the service's monthly run, the CLI and the API may do) get 1..N, each kept file matches its checksum,
and a period is issued once however many ask for it."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.config import settings as settings_module
from switch_service.documents.issued import DocumentRaceError, account_document
from switch_service.store.models import Account, IssuedDocument

THREADS, ACCOUNTS = 4, 12
PERIOD = "2026-01"


def _issue(engine: Engine, account_id: int, now: dt.datetime, errors: list[str]) -> None:
    settings = settings_module.load()
    for _attempt in range(20):
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                account_document(session, settings, account_id, PERIOD, now)
            return
        except DocumentRaceError:
            continue
    errors.append(f"account {account_id}: never numbered")


@pytest.mark.timeout(300)
def test_concurrent_issuers_number_without_gaps(db_engine: Engine, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(tmp_path))
    with Session(db_engine) as session, session.begin():
        accounts = [Account(number=f"9{i:04d}", name=f"Concurrent {i}") for i in range(ACCOUNTS)]
        session.add_all(accounts)
        session.flush()
        ids = [account.id for account in accounts]
    now = dt.datetime.now(dt.UTC)
    errors: list[str] = []
    # every account asked for twice, by different threads: one issues it, the other gets the kept one
    work = [ids[i::THREADS] + ids[(i + 1) % THREADS::THREADS] for i in range(THREADS)]

    def run(mine: list[int]) -> None:
        for account_id in mine:
            try:
                _issue(db_engine, account_id, now, errors)
            except Exception as error:  # the finding, asserted below
                errors.append(f"account {account_id}: {error!r}")

    threads = [threading.Thread(target=run, args=(mine,)) for mine in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Session(db_engine) as session:
        rows = session.scalars(select(IssuedDocument).order_by(IssuedDocument.seq)).all()
    assert [row.seq for row in rows] == list(range(1, ACCOUNTS + 1))
    assert sorted(row.account_id for row in rows) == sorted(ids)
    for row in rows:
        assert hashlib.sha256((tmp_path / row.file_path).read_bytes()).hexdigest() == row.sha256, row.number
