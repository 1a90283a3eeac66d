"""A Stop that the database picks as a deadlock's victim is run again and answered (PostgreSQL and MariaDB; SQLite
has one writer at a time, so its Stop only waits): before, the policy failed and the Stop went unanswered.

The deadlock is made on purpose: another transaction holds every account row, the Stop claims its reservation and
waits for the account, then that transaction asks for the reservation. The Stop is the victim on both servers
(PostgreSQL: its deadlock check runs first; MariaDB: it has changed fewer rows)."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session
from test_aaa_billing_policy import NOW  # tests/aaa is on sys.path (pytest prepend mode)
from test_aaa_policy_radclient import MARIA, UK, Reply, radclient, serving_demo

from switch_service.aaa.cisco import format_time
from switch_service.store.models import Account, Cdr, Reservation
from switch_service.store.models.enums import ReservationStatus

pytestmark = [pytest.mark.databases, pytest.mark.peers]

CONF = "DEADLOCK 00000000 00000000 00000001"


def _request(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_text("\n".join([f'User-Name = "{MARIA}"', f'Calling-Station-Id = "{MARIA}"',
                               f'Called-Station-Id = "{UK}"', f'h323-conf-id = "h323-conf-id={CONF}"', *lines])
                    + "\n", encoding="utf-8")
    return path


def _wait_for_a_lock_wait(engine: Engine, backend: str) -> None:
    query = ("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'" if backend == "postgresql" else
             "SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'UPDATE accounts SET balance%'")
    deadline = time.monotonic() + 10
    with engine.connect() as watcher:
        while not watcher.execute(text(query)).scalar():
            assert time.monotonic() < deadline, "the Stop never waited for the account"
            time.sleep(0.02)
            watcher.rollback()


def test_a_stop_chosen_as_a_deadlock_victim_is_run_again_and_answered(db_engine: Engine, backend: str,
                                                                       tmp_path: Path) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite has one writer at a time: a Stop waits for the lock, it is never a deadlock's victim")
    with serving_demo(db_engine) as server:
        auth = radclient(server.auth_address[1], "auth",
                         _request(tmp_path, "auth.txt", ["Message-Authenticator = 0x00"]))
        assert auth.code == "Access-Accept", auth.stdout
        connect = NOW + dt.timedelta(seconds=5)
        times = [f'h323-setup-time = "h323-setup-time={format_time(NOW)}"',
                 f'h323-connect-time = "h323-connect-time={format_time(connect)}"']
        start = radclient(server.acct_address[1], "acct", _request(
            tmp_path, "start.txt", ["Acct-Status-Type = Start", f'Acct-Session-Id = "{CONF}"', *times]))
        assert start.code == "Accounting-Response"
        stop = _request(tmp_path, "stop.txt", ["Acct-Status-Type = Stop", f'Acct-Session-Id = "{CONF}"', *times,
                                               "Acct-Session-Time = 95"])
        with db_engine.connect() as other, concurrent.futures.ThreadPoolExecutor(1) as pool:
            other.begin()
            if backend == "postgresql":  # its own deadlock check comes last: the Stop's, 1 s into its wait, first
                other.execute(text("SET LOCAL deadlock_timeout = '30s'"))
            # every account row held, and changed (rolled back below): MariaDB picks the lighter transaction
            other.execute(text("UPDATE accounts SET name = CONCAT(name, '.')"))
            answer = pool.submit(radclient, server.acct_address[1], "acct", stop)
            _wait_for_a_lock_wait(db_engine, backend)  # the Stop has claimed its reservation, waits for the account
            other.execute(text("UPDATE reservations SET status = status WHERE call_id = :call"), {"call": CONF})
            other.rollback()  # its turn came once the database rolled the Stop back
            replied: Reply = answer.result(timeout=60)
    assert replied.code == "Accounting-Response", replied.stdout  # run again, not left unanswered
    with Session(db_engine) as session:
        reservation = session.scalars(select(Reservation)).one()
        assert (reservation.status, reservation.debited) == (ReservationStatus.SETTLED, Decimal("0.04"))
        assert session.scalars(select(Cdr.price)).all() == [Decimal("0.04")]
        maria = session.scalars(select(Account).where(Account.number == "100001")).one()
        assert (maria.balance, maria.reserved) == (Decimal("24.96"), Decimal(0))
