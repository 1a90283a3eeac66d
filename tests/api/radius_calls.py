"""Calls made one after another (Access-Request, then Accounting-Stop) from a process of their own, as a gateway
would make them: a job's Python work in the test process (its GIL, its garbage collector) must not delay the caller
and count as a slow answer. Imported by bare name (pytest puts this folder on sys.path; a spawned child inherits it).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest

Answer = tuple[str, float, float]  # (what, monotonic time it was sent, seconds to the answer)


@dataclass
class Calls:
    answers: list[Answer] = field(default_factory=list)
    accepted: int = 0
    failures: list[str] = field(default_factory=list)

    def between(self, start: float, end: float) -> list[Answer]:
        return [answer for answer in self.answers if start <= answer[1] <= end]


@dataclass(frozen=True)
class Caller:
    """Who calls whom, through which server (picklable: it crosses to the child)."""

    ports: tuple[int, int]  # auth, acct
    secret: bytes
    ani: str
    dest: str


def _call_until_stopped(caller: Caller, flowing: Event, stop: Event, out: Connection) -> None:
    client = RadiusClient("127.0.0.1", caller.secret, auth_port=caller.ports[0], acct_port=caller.ports[1],
                          timeout=5.0, retries=1)
    ani, dest = caller.ani, caller.dest
    calls = Calls()
    number = 0
    while not stop.is_set():
        number += 1
        conf = f"beside-job-{number}"
        try:
            sent = time.monotonic()
            decision = client.authorize(AuthRequest(ani, calling_station_id=ani, called_station_id=dest,
                                                    conf_id=conf, call_id=f"{conf}@sw"))
            calls.answers.append(("Access-Request", sent, time.monotonic() - sent))
            if not decision.accepted:
                calls.failures.append(f"{conf}: refused with {decision.return_code.name}")
                break
            calls.accepted += 1
            now = dt.datetime.now(dt.UTC).replace(microsecond=0)
            sent = time.monotonic()
            client.account(AcctRecord(
                AcctStatus.STOP, conf, user_name=ani, calling_station_id=ani, called_station_id=dest, conf_id=conf,
                call_id=f"{conf}@sw", session_time=30, setup_time=now - dt.timedelta(seconds=35),
                connect_time=now - dt.timedelta(seconds=30), disconnect_time=now, disconnect_cause=16))
            calls.answers.append(("Accounting-Stop", sent, time.monotonic() - sent))
            flowing.set()
        except Exception as exc:  # a lost answer is the finding, reported by the test
            calls.failures.append(f"{conf}: {exc!r}")
            break
    flowing.set()
    out.send(calls)


@contextmanager
def calls_beside(caller: Caller) -> Iterator[Calls]:
    """Calls flowing (the first one answered) for the duration of the block; the Calls are filled in after it."""
    context = multiprocessing.get_context("spawn")
    flowing, stop = context.Event(), context.Event()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_call_until_stopped, args=(caller, flowing, stop, send), daemon=True)
    process.start()
    calls = Calls()
    try:
        assert flowing.wait(60), "the caller process did not start calling"
        yield calls
    finally:
        stop.set()
        if receive.poll(60):
            made: Calls = receive.recv()
            calls.answers, calls.accepted, calls.failures = made.answers, made.accepted, made.failures
        process.join(10)
        if process.is_alive():
            process.kill()
