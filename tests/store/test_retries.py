"""A real deadlock on PostgreSQL and MariaDB: recognised as a conflict, and the transaction run again by `retrying`
commits (SQLite has one writer at a time: its second writer waits, it is never a deadlock's victim)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from switch_service.store.models import Account
from switch_service.store.retries import is_busy, is_conflict, retrying

pytestmark = pytest.mark.databases


def _accounts(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session, session.begin():
        first, second = Account(number="A", name="A"), Account(number="B", name="B")
        session.add_all([first, second])
        session.flush()
        return first.id, second.id


def _crossing(engine: Engine, ids: tuple[int, int]) -> tuple[Callable[[int, int], None], threading.Barrier]:
    """A transaction that adds 1 to one account, waits for the other thread to do the same to the other, then adds
    1 to the other one: run by two threads in opposite orders, they deadlock."""
    barrier = threading.Barrier(2, timeout=10)

    def transfer(first: int, second: int) -> None:
        with Session(engine) as session, session.begin():
            session.execute(update(Account).where(Account.id == first).values(balance=Account.balance + 1))
            with contextlib.suppress(threading.BrokenBarrierError):  # run again: the other one is done by now
                barrier.wait()
            session.execute(update(Account).where(Account.id == second).values(balance=Account.balance + 1))

    return transfer, barrier


def _both(work: Callable[[int, int], None], ids: tuple[int, int]) -> list[BaseException]:
    errors: list[BaseException] = []

    def run(first: int, second: int) -> None:
        try:
            work(first, second)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=ids), threading.Thread(target=run, args=ids[::-1])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_a_deadlock_is_a_conflict_and_the_retried_transaction_commits(db_engine: Engine, backend: str) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite has one writer at a time: no transaction is a deadlock's victim")
    ids = _accounts(db_engine)
    transfer, barrier = _crossing(db_engine, ids)
    [error] = _both(transfer, ids)  # without a retry, the database rolled one of them back
    assert is_conflict(error) and not is_busy(error)

    barrier.reset()
    attempts: list[int] = []

    def retried(first: int, second: int) -> None:
        def once() -> None:
            attempts.append(first)
            if len(attempts) > 2:
                barrier.abort()  # the victim's second run must not wait for a partner that has finished
            transfer(first, second)

        retrying(once, what="crossing transfer")

    assert _both(retried, ids) == []
    assert len(attempts) == 3  # one of the two ran twice
    with Session(db_engine) as session:
        # 1 each from the first round's survivor (its victim wrote nothing), 2 each from the second round
        assert set(session.scalars(select(Account.balance))) == {Decimal(3)}
