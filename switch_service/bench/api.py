"""`carrier-switch bench api`: the HTTP API under `clients` concurrent clients, with RADIUS calls on the same
accounts, on a scratch database.

The database must have no accounts (as for `bench radius`, whose data this bench reuses: 1000 prepaid accounts
with ANIs and a tariff): it is migrated, filled, and emptied at the end. Then, with the API served by `serve` in
a process of its own (as `carrier-switch serve` does) and RADIUS by its server processes:

1. RADIUS alone: `radius_requests` Access-Requests, then a Start and a Stop for each accepted call (the calls'
   CDRs are the pages the API load reads);
2. the API load for `duration` seconds, from a process of its own: `clients` keep-alive connections, each sending
   one request after the other — half reads of an account, a quarter CDR pages of an account, a quarter payments
   of 0.01–9.99 with an `Idempotency-Key` (and the key in `reference`) — on the first 200 accounts, which calls
   use too; after `WARMUP_S` the same RADIUS load runs again, for its rate during the API load;
3. RADIUS alone again, once the API load has ended: the rate during is compared with the mean of the two alone
   runs around it, so a machine that got busier or quieter over the run does not pass for the API's doing;
4. the check, in the database: every acknowledged (201) payment committed once, with the receipt the client got;
   every unacknowledged one (timeout, 5xx, connection lost) absent, or committed once and returned by its key
   when sent again; no key twice; and every account's balance = its start + its payments − its calls' debits.

One JSON line: answers by status (`5xx`), latency p50/p99, the payment check, the RADIUS rates alone (before and
after) and during, each with the RADIUS processes' CPU per request, `radius_ratio` (during ÷ mean alone), and the
targets (0 × 5xx, payments exact, RADIUS during ≥ 80 % of alone).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import multiprocessing
import os
import random
import socket
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.aaa.processes import DEFAULT_THREADS, PolicyOptions, RadiusProcesses
from switch_service.aaa.server import NasRegistry
from switch_service.api.capacity import api_workers
from switch_service.api.schemas import API_PREFIX
from switch_service.bench import radius as radius_bench
from switch_service.config.settings import Settings
from switch_service.errors import UserError
from switch_service.local_ports import free_port
from switch_service.store.models import Account, Payment, Reservation
from switch_service.store.models.enums import ReservationStatus, Role
from switch_service.store.repositories.users import add_user
from switch_service.store.target import DatabaseTarget

USER, PASSWORD = "bench-api", "bench-api-password"
API_ACCOUNTS = 200  # payments and reads go to these; RADIUS calls spread over all 1000 bench accounts
WARMUP_S = 5.0
REQUEST_TIMEOUT_S = 30.0
STARTUP_TIMEOUT_S = 60.0
RADIUS_TARGET = 0.8


@dataclasses.dataclass(frozen=True, slots=True)
class Sent:
    """A payment the load sent: its key, account, amount, and what came back (status 0: no answer)."""

    key: str
    account_id: int
    amount: str
    status: int
    receipt: str | None


# ---------------------------------------------------------------------------------------------------------
# The load (a spawned process of its own)


class _Connection:
    """One keep-alive HTTP/1.1 connection: the least a client can do, so the load costs little CPU."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes | None = None,
                      key: str | None = None) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = [f"{method} {API_PREFIX}{path} HTTP/1.1", "Host: 127.0.0.1", f"Authorization: Bearer {self.token}"]
        if key is not None:
            head.append(f"Idempotency-Key: {key}")
        if body is not None:
            head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + (body or b""))
        await self.writer.drain()
        status = int((await self.reader.readline()).split()[1])
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


@dataclasses.dataclass(frozen=True, slots=True)
class _LoadSpec:
    port: int
    token: str
    clients: int
    duration: float
    accounts: list[int]


@dataclasses.dataclass(slots=True)
class _Tally:
    answers: Counter[int] = dataclasses.field(default_factory=Counter)
    latencies: list[float] = dataclasses.field(default_factory=list)
    sent: list[Sent] = dataclasses.field(default_factory=list)


async def _client(connection: _Connection, spec: _LoadSpec, deadline: float, seed: int, tally: _Tally) -> None:
    pick = random.Random(seed)
    while time.monotonic() < deadline:
        account_id = pick.choice(spec.accounts)
        kind = pick.random()
        key = None
        payment: dict[str, str] | None = None
        if kind < 0.5:
            method, path = "GET", f"/accounts/{account_id}"
        elif kind < 0.75:
            method, path = "GET", f"/cdrs?account_id={account_id}&limit=50"
        else:
            key = uuid.uuid4().hex
            payment = {"amount": f"{pick.randint(1, 999) / 100:.2f}", "reference": key}
            method, path = "POST", f"/accounts/{account_id}/payments"
        began = time.monotonic()
        try:
            status, body = await asyncio.wait_for(connection.request(
                method, path, json.dumps(payment).encode() if payment else None, key), REQUEST_TIMEOUT_S)
        except (TimeoutError, OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            connection.close()  # the client gives up on this connection and opens another
            status, body = 0, b""
        tally.latencies.append(time.monotonic() - began)
        tally.answers[status] += 1
        if payment is not None and key is not None:
            receipt = json.loads(body)["receipt_number"] if status == 201 else None
            tally.sent.append(Sent(key, account_id, payment["amount"], status, receipt))


async def _load(spec: _LoadSpec) -> dict[str, Any]:
    tally = _Tally()
    connections = [_Connection(spec.port, spec.token) for _ in range(spec.clients)]
    began = time.monotonic()
    deadline = began + spec.duration
    await asyncio.gather(*(_client(connection, spec, deadline, number, tally)
                           for number, connection in enumerate(connections)))
    elapsed = time.monotonic() - began
    for connection in connections:
        connection.close()
    latencies = sorted(tally.latencies)

    def percentile(share: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * share))] * 1000, 1) if latencies else 0.0

    return {"answers": dict(tally.answers), "requests": len(latencies), "per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": percentile(0.5), "p99_ms": percentile(0.99),
            "max_ms": round(latencies[-1] * 1000, 1) if latencies else 0.0,
            "sent": [dataclasses.astuple(item) for item in tally.sent]}


def _load_process(spec: _LoadSpec, out: Any) -> None:
    """The clients stand for desktops on other machines: on this one they run last (nice 19), so the CPU they
    take is not counted against the service's RADIUS rate."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(19)
    out.put(asyncio.run(_load(spec)))


# ---------------------------------------------------------------------------------------------------------
# The API server (a spawned process of its own, as in `carrier-switch serve`)


def _serve_process(database: DatabaseTarget, values: dict[str, Any]) -> None:
    import logging

    from switch_service.service import serve
    logging.basicConfig(level=logging.WARNING)
    engine = database.engine()
    try:
        serve(engine, Settings(values, Path("bench-api.toml")))
    finally:
        engine.dispose()


@contextlib.contextmanager
def _api_server(engine: Engine, settings: Settings) -> Iterator[str]:
    """The API on a free port; its base URL."""
    port = free_port(socket.SOCK_STREAM)
    values = {**settings.values, "api_host": "127.0.0.1", "api_port": port, "fees_interval_s": 0,
              "log_level": "WARNING"}
    process = multiprocessing.get_context("spawn").Process(
        target=_serve_process, args=(DatabaseTarget.of(engine), values), name="bench-api")
    process.start()
    url = f"http://127.0.0.1:{port}{API_PREFIX}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                requests.get(f"{url}/health", timeout=1)
                break
            except (requests.ConnectionError, requests.Timeout) as exc:  # not listening yet, or slow to answer
                if not process.is_alive() or time.monotonic() > deadline:
                    raise UserError("the bench's API server did not start") from exc
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()  # SIGTERM: serve() stops gracefully
        process.join(30)
        if process.is_alive():
            process.kill()
            process.join(10)


# ---------------------------------------------------------------------------------------------------------
# The check


def _check_payments(engine: Engine, url: str, token: str, sent: list[Sent]) -> dict[str, Any]:
    """Each sent payment against the database; an unacknowledged one found there is sent again with its key."""
    with Session(engine) as session:
        committed: dict[str, list[str]] = {}
        for reference, receipt in session.execute(select(Payment.reference, Payment.receipt_number)
                                                  .where(Payment.reference != "")):
            committed.setdefault(reference, []).append(receipt)
    acknowledged = [item for item in sent if item.status == 201]
    unacknowledged = [item for item in sent if item.status != 201]
    headers = {"Authorization": f"Bearer {token}"}
    returned = 0
    for item in unacknowledged:
        if len(committed.get(item.key, [])) == 1:
            again = requests.post(f"{url}/accounts/{item.account_id}/payments", timeout=60,
                                  json={"amount": item.amount, "reference": item.key},
                                  headers={**headers, "Idempotency-Key": item.key})
            returned += again.status_code == 201 and again.json()["receipt_number"] == committed[item.key][0]
    return {
        "acknowledged": len(acknowledged),
        "acknowledged_committed_once": sum(committed.get(item.key) == [item.receipt] for item in acknowledged),
        "unacknowledged": len(unacknowledged),
        "unacknowledged_absent": sum(item.key not in committed for item in unacknowledged),
        "unacknowledged_returned_by_key": returned,
        "committed_twice": sum(len(receipts) > 1 for receipts in committed.values()),
    }


def _balances_exact(engine: Engine, start: Decimal) -> bool:
    """Every bench account's balance = its start + its payments − what its calls were debited."""
    paid = select(Payment.account_id, func.sum(Payment.amount).label("paid")).group_by(Payment.account_id).subquery()
    debited = (select(Reservation.account_id, func.sum(Reservation.debited).label("debited"))
               .where(Reservation.status == ReservationStatus.SETTLED).group_by(Reservation.account_id).subquery())
    with Session(engine) as session:
        rows = session.execute(
            select(Account.balance, Account.reserved, paid.c.paid, debited.c.debited)
            .outerjoin(paid, paid.c.account_id == Account.id)
            .outerjoin(debited, debited.c.account_id == Account.id)).all()
    return bool(rows) and all(balance == start + (payments or 0) - (debits or 0) and reserved == 0
                              for balance, reserved, payments, debits in rows)


# ---------------------------------------------------------------------------------------------------------


def bench_api(engine: Engine, settings: Settings, *, clients: int, duration: float, radius_requests: int,
              radius_concurrency: int = 32) -> dict[str, Any]:
    radius_bench.fill(engine, "api")
    try:
        with Session(engine) as session, session.begin():
            add_user(session, USER, PASSWORD, Role.ADMIN)
            accounts = list(session.scalars(select(Account.id).order_by(Account.id).limit(API_ACCOUNTS)))
            start = session.scalars(select(Account.balance).limit(1)).one()
        return _run(engine, settings, accounts, start, clients=clients, duration=duration,
                    radius_requests=radius_requests, radius_concurrency=radius_concurrency)
    finally:
        radius_bench.empty(engine)


def _run(engine: Engine, settings: Settings, accounts: list[int], start: Decimal, *, clients: int, duration: float,
         radius_requests: int, radius_concurrency: int) -> dict[str, Any]:
    registry = NasRegistry()
    registry.add("127.0.0.1", radius_bench.SECRET, require_message_authenticator=False, name="bench")
    processes = settings.typed.radius_processes or 1
    radius = RadiusProcesses(PolicyOptions(DatabaseTarget.of(engine), threads=DEFAULT_THREADS), registry,
                             auth_port=0, acct_port=0, processes=processes)
    radius.start()
    load_before = os.getloadavg()[0]
    try:
        target = radius_bench.Target("127.0.0.1", radius.auth_address[1], radius.acct_address[1])
        alone = radius_bench.measured_load(radius, target, radius_requests, radius_concurrency, "alone")
        with _api_server(engine, settings) as url:
            token = requests.post(f"{url}/auth/login", json={"username": USER, "password": PASSWORD},
                                  timeout=60).json()["token"]
            context = multiprocessing.get_context("spawn")
            queue = context.Queue()
            port = int(url.rsplit(":", 1)[1].split("/", 1)[0])
            load = context.Process(target=_load_process, name="bench-api-load",
                                   args=(_LoadSpec(port, token, clients, duration, accounts), queue))
            load.start()
            try:
                time.sleep(WARMUP_S)
                began = time.monotonic()
                during = radius_bench.measured_load(radius, target, radius_requests, radius_concurrency, "during")
                radius_s = time.monotonic() - began
                figures = queue.get(timeout=duration + 600)
            finally:
                load.join(60)
            sent = [Sent(*item) for item in figures.pop("sent")]
            payments = _check_payments(engine, url, token, sent)
        after = radius_bench.measured_load(radius, target, radius_requests, radius_concurrency, "after")
    finally:
        radius.stop()
    answers = {str(code): count for code, count in sorted(figures.pop("answers").items())}
    server_errors = sum(count for code, count in answers.items() if code.startswith("5"))
    exact = _balances_exact(engine, start)
    alone_auth = (alone.auth_per_s + after.auth_per_s) / 2
    alone_acct = (alone.acct_per_s + after.acct_per_s) / 2
    ratio = round(during.auth_per_s / alone_auth, 3) if alone_auth else None
    acct_ratio = round(during.acct_per_s / alone_acct, 3) if alone_acct else None
    payments_ok = (payments["acknowledged_committed_once"] == payments["acknowledged"]
                   and payments["unacknowledged_absent"] + payments["unacknowledged_returned_by_key"]
                   == payments["unacknowledged"] and payments["committed_twice"] == 0)
    return {
        "backend": engine.dialect.name, "clients": clients, "duration_s": duration,
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],  # a shared machine shows here
        "api_workers": api_workers(engine.url, settings), "api_queue_timeout_s": settings["api_queue_timeout_s"],
        **figures, "answers": answers, "5xx": server_errors, "payments": payments, "balances_exact": exact,
        "radius_alone": alone.summary(), "radius_during": during.summary(),
        "radius_alone_after": after.summary(),
        "radius_during_inside_api_load": WARMUP_S + radius_s <= duration, "radius_ratio": ratio,
        "radius_acct_ratio": acct_ratio,
        "targets": {"no_5xx": server_errors == 0, "payments_exact": payments_ok and exact,
                    "radius_within_20_percent": ratio is not None and ratio >= RADIUS_TARGET},
    }
