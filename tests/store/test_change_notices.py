"""LISTEN/NOTIFY for the change signal: on PostgreSQL a committed write to a table the snapshots hold wakes a
watcher's pause at once, a rolled-back one does not; elsewhere the pause is the whole interval, the version poll
alone (store/change_notices.py)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.store.change_notices import MIN_GAP_S, ChangeWaiter
from switch_service.store.models import Account

PAUSE_S = 3.0


def _pause_while(waiter: ChangeWaiter, write: object) -> tuple[bool, float]:
    """How the pause ended, and how long it took, while `write()` runs 0.5 s into it."""
    waiter.wait(0)  # connected and listening (and the gap since the last check is used up)
    time.sleep(MIN_GAP_S)
    timer = threading.Timer(0.5, write)  # type: ignore[arg-type]
    timer.start()
    started = time.monotonic()
    try:
        return waiter.wait(PAUSE_S), time.monotonic() - started
    finally:
        timer.join()


def test_a_committed_change_ends_the_pause_on_postgresql_only(db_engine: Engine) -> None:
    def add_account() -> None:
        with Session(db_engine) as session, session.begin():
            session.add(Account(number="1001", name="Ana"))

    waiter = ChangeWaiter(db_engine)
    try:
        notified, took = _pause_while(waiter, add_account)
    finally:
        waiter.close()
    if db_engine.dialect.name == "postgresql":
        assert notified and 0.4 < took < PAUSE_S - 1, took  # woken by the commit, not by the interval
    else:
        assert not notified and took >= PAUSE_S - 0.05, took  # MariaDB and SQLite: the interval, as before


def test_a_rolled_back_change_and_money_alone_leave_the_pause_alone(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        session.add(Account(number="1001", name="Ana"))

    def roll_back_and_pay() -> None:
        with Session(db_engine) as session:
            session.add(Account(number="1002", name="Bo"))
            session.flush()
            session.rollback()
        with Session(db_engine) as session, session.begin():
            account = session.query(Account).filter_by(number="1001").one()
            account.balance += 5  # money: no snapshot holds it

    waiter = ChangeWaiter(db_engine)
    try:
        notified, took = _pause_while(waiter, roll_back_and_pay)
    finally:
        waiter.close()
    assert not notified and took >= PAUSE_S - 0.05, took
