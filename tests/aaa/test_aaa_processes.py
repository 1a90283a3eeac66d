"""RADIUS server processes on shared ports: money stays exact across processes, and every process ends with the
service (stopped, or its parent killed)."""

from __future__ import annotations

import concurrent.futures
import logging
import signal
import socket
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from cli_harness import cli_ok
from processes import alive
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import ANI, DEST, build_world  # tests/aaa is on sys.path

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthDecision, AuthRequest
from switch_service.aaa.processes import PolicyOptions, RadiusProcesses
from switch_service.aaa.server import NasRegistry
from switch_service.errors import UserError
from switch_service.store.models import Account, Cdr, Reservation
from switch_service.store.target import DatabaseTarget

pytestmark = pytest.mark.peers  # the service's RADIUS processes

SECRET = b"processes-secret"
CALLS = 50


def _sqlite(path: Path) -> PolicyOptions:
    return PolicyOptions(DatabaseTarget.parse(f"sqlite:///{path}"))


def _registry() -> NasRegistry:
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name="switch")
    return registry


def test_two_processes_never_overspend_and_bill_each_call_once(db_engine: Engine) -> None:
    # 1.00 at 0.10/min 60/60 with calls capped at 60 s: each call holds 0.10, so exactly ten fit
    world = build_world(db_engine, balance="1.00")
    radius = RadiusProcesses(PolicyOptions(DatabaseTarget.of(db_engine), max_call_seconds=60, threads=4), _registry(),
                             auth_port=0, acct_port=0, processes=2)
    radius.start()
    try:
        def client() -> RadiusClient:
            return RadiusClient("127.0.0.1", SECRET, auth_port=radius.auth_address[1],
                                acct_port=radius.acct_address[1], timeout=10.0, retries=2)

        def one(number: int) -> AuthDecision:
            return client().authorize(AuthRequest(ANI, calling_station_id=ANI, called_station_id=DEST,
                                                  conf_id=f"multi-{number}", call_id=f"m{number}@sw"))

        with concurrent.futures.ThreadPoolExecutor(CALLS) as pool:
            decisions = list(pool.map(one, range(CALLS)))
        accepted = [number for number, decision in enumerate(decisions) if decision.accepted]
        assert len(accepted) == 10
        stop = [AcctRecord(AcctStatus.STOP, f"multi-{number}", user_name=ANI, calling_station_id=ANI,
                           called_station_id=DEST, conf_id=f"multi-{number}", session_time=30, disconnect_cause=16)
                for number in accepted]
        with concurrent.futures.ThreadPoolExecutor(20) as pool:  # every Stop twice at once, to either process
            list(pool.map(lambda record: client().account(record), stop + stop))
    finally:
        radius.stop()
    with Session(db_engine) as session:
        held = session.scalar(select(func.count()).select_from(Reservation))
        cdrs = session.scalar(select(func.count()).select_from(Cdr))
        account = session.get_one(Account, world.account_id)
    assert held == 10 and cdrs == 10  # a CDR per call, none twice
    assert account.reserved == Decimal(0)
    assert account.balance == Decimal("1.00") - 10 * Decimal("0.10")  # 30 s billed as the 60 s first block


def test_stop_ends_every_process_and_frees_the_ports(tmp_path: Path) -> None:
    radius = RadiusProcesses(_sqlite(tmp_path / "r.db"), _registry(), auth_port=0,
                             acct_port=0, processes=2)
    _migrate(tmp_path / "r.db")
    radius.start()
    ports = radius.auth_address[1], radius.acct_address[1]
    children = radius.processes
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken, pytest.raises(OSError):
        taken.bind(("127.0.0.1", ports[0]))  # a stale server on the port cannot share it
    started = time.monotonic()
    radius.stop()
    assert time.monotonic() - started < 5
    assert all(process.exitcode == 0 for process in children)
    for port in ports:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind(("127.0.0.1", port))
    radius.stop()  # idempotent


def test_a_busy_port_or_a_failing_process_starts_nothing(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        busy = RadiusProcesses(_sqlite(Path("unused.db")), _registry(), auth_port=taken.getsockname()[1],
                               acct_port=0, processes=2)
        with pytest.raises(OSError):
            busy.start()
    broken = RadiusProcesses(_sqlite(tmp_path / "missing" / "x.db"), _registry(),
                             auth_port=0, acct_port=0, processes=2)
    with pytest.raises(UserError, match="failed"):
        broken.start()
    assert broken.processes == []


CANARY = "canary-Pa55word"


def test_the_database_password_crosses_to_the_processes_but_is_never_shown(
        db_engine: Engine, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    """The target pickles with the password inside and prints `***`: not in a repr, the children's command lines,
    their log (DEBUG), nor the error when the database refuses. PostgreSQL here trusts local connections, so a
    made-up password still connects and the processes answer; SQLite refuses a URL with one and MariaDB the
    password: the start fails, naming the URL without it."""
    options = PolicyOptions(DatabaseTarget(db_engine.url.set(username=db_engine.url.username or "carrier",
                                                              password=CANARY)), threads=2)
    assert CANARY not in repr(options) and CANARY not in f"{options.database.url}"
    radius = RadiusProcesses(options, _registry(), auth_port=0, acct_port=0, processes=1)
    command_lines: list[bytes] = []
    with caplog.at_level(logging.DEBUG):
        try:
            radius.start()
        except UserError as exc:
            assert db_engine.dialect.name != "postgresql", exc
            assert "***" in str(exc) and CANARY not in str(exc)
        else:
            assert db_engine.dialect.name == "postgresql"
            try:
                command_lines = [Path(f"/proc/{process.pid}/cmdline").read_bytes() for process in radius.processes]
                decision = RadiusClient("127.0.0.1", SECRET, auth_port=radius.auth_address[1],
                                        acct_port=radius.acct_address[1], timeout=5.0).authorize(AuthRequest("1999"))
                assert not decision.accepted  # answered from the database: no such account
            finally:
                radius.stop()
    captured = capfd.readouterr()
    assert all(CANARY.encode() not in line for line in command_lines)
    assert CANARY not in caplog.text + captured.out + captured.err


_PARENT = """
import sys, time
from switch_service.aaa.processes import PolicyOptions, RadiusProcesses
from switch_service.aaa.server import NasRegistry
from switch_service.store.target import DatabaseTarget

options = PolicyOptions(DatabaseTarget.parse(sys.argv[1]))
radius = RadiusProcesses(options, NasRegistry(), auth_port=0, acct_port=0, processes=2)
radius.start()
print(*[process.pid for process in radius.processes], flush=True)
time.sleep(60)
"""


def test_the_processes_end_when_the_service_is_killed(tmp_path: Path) -> None:
    _migrate(tmp_path / "k.db")
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, f"sqlite:///{tmp_path / 'k.db'}"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        pids = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(alive(pid) for pid in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 15
        while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in pids)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(10)


def _migrate(path: Path) -> None:
    cli_ok("db", "upgrade", "--db", f"sqlite:///{path}")
