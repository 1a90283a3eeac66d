"""`carrier-switch backup` while calls are billed, and `carrier-switch restore` into an empty database, on SQLite,
PostgreSQL and MariaDB: the restored database holds the backup's snapshot exactly (row counts and per-table
checksums read back from it), and that snapshot is one point in time (the money of the calls billed during the
backup is either wholly in it or wholly out of it)."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from cli_harness import CLI, run_cli
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest
from switch_service.store import backup
from switch_service.store.engine import make_engine
from switch_service.store.models import Account, Ani, Cdr, Payment, Reservation
from switch_service.store.models.enums import ReservationStatus
from tests.conftest import fresh_database, url_of

DEMO_ANI = "13055550101"  # Maria Gonzalez in the demo data; her ANI's stored destination is in Mexico
MAX_CALLS = 400
CALLS_DURING_BACKUP = 5


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--db", url, *args)


class Biller(threading.Thread):
    """Calls of the demo ANI, authorised and stopped (6 s each) through the real policy, one after another."""

    def __init__(self, url: str) -> None:
        super().__init__(name="biller", daemon=True)
        read_committed = {"isolation_level": "READ COMMITTED"} if url.startswith("mysql") else {}
        self.engine = make_engine(url, **read_committed)
        self.policy = BillingPolicy(self.engine)
        self.billed = 0
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self.progress = threading.Condition()

    def run(self) -> None:
        try:
            while not self.stop.is_set() and self.billed < MAX_CALLS:
                self.one_call(f"backup-call-{self.billed}")
                with self.progress:
                    self.billed += 1
                    self.progress.notify_all()
        except BaseException as exc:
            self.error = exc

    def one_call(self, conf: str) -> None:
        decision = self.policy.authorize(AuthRequest(DEMO_ANI, calling_station_id=DEMO_ANI, called_station_id="",
                                                     conf_id=conf, call_id=f"{conf}@sw",
                                                     source_address="127.0.0.1"))
        assert decision.accepted, decision
        now = dt.datetime.now(dt.UTC)
        common = {"session_id": conf, "user_name": DEMO_ANI, "calling_station_id": DEMO_ANI, "conf_id": conf,
                  "call_id": f"{conf}@sw", "setup_time": now, "connect_time": now, "source_address": "127.0.0.1"}
        self.policy.account(AcctRecord(AcctStatus.START, **common))
        self.policy.account(AcctRecord(AcctStatus.STOP, session_time=6, disconnect_cause=16,
                                       disconnect_time=now + dt.timedelta(seconds=6), **common))

    def wait_for(self, count: int, timeout: float = 60) -> None:
        with self.progress:
            assert self.progress.wait_for(lambda: self.billed >= count or self.error is not None, timeout), \
                f"only {self.billed} calls billed"
        assert self.error is None, self.error

    def finish(self) -> None:
        self.stop.set()
        self.join(60)
        self.engine.dispose()
        assert self.error is None, self.error


def money_of_maria(engine: Engine) -> tuple[Decimal, Decimal, int]:
    """(balance + what her calls cost − her payments, reserved − her open holds, her calls): the first two stay
    the same whatever calls were billed, in any consistent state of the database."""
    with Session(engine) as session:
        account = session.scalars(select(Account).join(Ani).where(Ani.number.contains(DEMO_ANI))).one()
        spent = session.scalar(select(func.coalesce(func.sum(Cdr.price), 0)).where(Cdr.account_id == account.id))
        paid = session.scalar(select(func.coalesce(func.sum(Payment.amount), 0))
                              .where(Payment.account_id == account.id))
        held = session.scalar(select(func.coalesce(func.sum(Reservation.amount), 0))
                              .where(Reservation.account_id == account.id,
                                     Reservation.status == ReservationStatus.OPEN))
        calls = session.scalar(select(func.count()).select_from(Cdr).where(Cdr.account_id == account.id))
    return (account.balance + Decimal(str(spent)) - Decimal(str(paid)), account.reserved - Decimal(str(held)),
            int(calls or 0))


def empty_database(backend: str, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'restored.db'}" if backend == "sqlite" else fresh_database(backend, "restored")


def test_backup_while_calls_are_billed_restores_identically(db_engine: Engine, backend: str, tmp_path: Path) -> None:
    url = url_of(db_engine)
    assert cli(url, "demo-data").returncode == 0
    before_calls = money_of_maria(db_engine)
    biller = Biller(url)
    biller.start()

    def progress(_done: int, _total: int | None, message: str) -> None:
        if message == "snapshot taken":  # the snapshot is fixed: calls go on being billed while it is read
            biller.wait_for(biller.billed + CALLS_DURING_BACKUP)

    try:
        biller.wait_for(3)
        calls_at_start = before_calls[2] + biller.billed
        manifest = backup.backup(db_engine, tmp_path / "office.cdbackup", "test", progress)
    finally:
        biller.finish()
    live = money_of_maria(db_engine)
    assert live[0] == before_calls[0] and live[1] == 0  # the billing itself kept the books
    assert live[2] >= calls_at_start + CALLS_DURING_BACKUP

    target = empty_database(backend, tmp_path)
    # a real process: the biller's RADIUS policy keeps its change watcher (and its connections) in this one
    restored = subprocess.run([*CLI, "--db", target, "restore", str(tmp_path / "office.cdbackup")],
                              capture_output=True, text=True, timeout=300, check=False)
    assert restored.returncode == 0, restored.stderr
    assert "every checksum equal" in restored.stdout
    engine = make_engine(target)
    try:
        found = backup.table_checksums(engine)
        assert found == manifest.tables  # every table: same rows, same checksum, read back from the restored one
        assert found["cdrs"].rows > 0 and found["accounts"].rows > 0
        snapshot = money_of_maria(engine)
        # one point in time: the books balance, and the calls billed while the backup was read are not in it
        assert snapshot[:2] == (before_calls[0], Decimal(0))
        assert calls_at_start <= snapshot[2] < live[2]
        assert cli(target, "db", "current").stdout.strip().endswith("(head)")
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_restore_refuses_a_database_that_is_not_empty(db_engine: Engine, tmp_path: Path) -> None:
    url = url_of(db_engine)
    assert cli(url, "demo-data").returncode == 0
    saved = cli(url, "backup", str(tmp_path / "a.cdbackup"))
    assert saved.returncode == 0 and "written to" in saved.stdout, saved.stderr
    before = backup.table_checksums(db_engine)
    refused = cli(url, "restore", str(tmp_path / "a.cdbackup"))
    assert refused.returncode == 2
    assert "is not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert backup.table_checksums(db_engine) == before
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    wrong = cli(f"sqlite:///{tmp_path / 'other.db'}", "restore", str(not_a_backup))
    assert wrong.returncode == 2 and "is not a Carrierdesk backup" in wrong.stderr
