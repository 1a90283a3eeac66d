"""The API of a running service under concurrency, on SQLite, PostgreSQL and MariaDB: every request answered, a
request that cannot get its turn or its lock in time answered 503 with Retry-After and nothing written, and
RADIUS answering while the API is flooded."""

from __future__ import annotations

import concurrent.futures
import contextlib
import socket
import sqlite3
import subprocess
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest
import requests
from service_rig import DEMO_ANI, Service, serving
from sqlalchemy import Engine, make_url, text

from switch_service.aaa.dictionary import dictionary_dir
from switch_service.store.engine import make_engine
from tests.aaa.conftest import require_binary
from tests.conftest import BACKENDS, fresh_database, url_of

pytestmark = [pytest.mark.databases, pytest.mark.peers]


class Shared(NamedTuple):
    service: Service
    engine: Engine


@pytest.fixture(scope="module", params=BACKENDS)
def shared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    """One service on each backend for the module's tests that take the default settings (a service costs about 9 s
    of CPU to migrate, load and start); each of them works on figures of its own, read before it acts."""
    backend = str(request.param)
    folder = tmp_path_factory.mktemp(f"load-{backend}")
    url = f"sqlite:///{folder / 'load.db'}" if backend == "sqlite" else fresh_database(backend, "load")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(folder / "config"))
        monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(folder / "data"))
        with serving(url) as service:
            engine = make_engine(url)
            try:
                yield Shared(service, engine)
            finally:
                engine.dispose()


def _payments(service: Service, account_id: int) -> list[dict[str, object]]:
    return list(service.get(f"/accounts/{account_id}/payments").json()["items"])


def test_sixty_concurrent_reads_are_all_answered(shared: Shared) -> None:
    service = shared.service
    account_id = service.account_id()

    def read(_: int) -> tuple[int, float]:
        began = time.monotonic()
        return service.get(f"/accounts/{account_id}").status_code, time.monotonic() - began

    with concurrent.futures.ThreadPoolExecutor(60) as pool:
        answers = list(pool.map(read, range(60)))
    assert Counter(code for code, _ in answers) == {200: 60}
    assert max(seconds for _, seconds in answers) < 10  # it was 40 × 500 after 30 s


def test_a_request_without_a_turn_in_time_is_503_with_retry_after(db_engine: Engine) -> None:
    with serving(url_of(db_engine), api_workers=1, api_queue_timeout_s=1) as service:
        account_id = service.account_id()
        port = service.ports["api_port"]
        token = service.headers["Authorization"]
        with socket.create_connection(("127.0.0.1", port)) as slow:  # a client whose body never comes holds the turn
            slow.sendall(f"POST /api/v1/accounts/{account_id}/payments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         f"Authorization: {token}\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n"
                         .encode())
            time.sleep(0.5)
            began = time.monotonic()
            refused = service.get(f"/accounts/{account_id}")
            waited = time.monotonic() - began
        assert refused.status_code == 503, refused.text
        assert refused.headers["Retry-After"] == "1"
        assert "busy" in refused.json()["detail"]
        assert waited < 3
        time.sleep(0.5)  # the server notices the slow client has gone
        assert service.get(f"/accounts/{account_id}").status_code == 200


@contextlib.contextmanager
def _account_locked(engine: Engine, account_id: int) -> Iterator[None]:
    """Another writer holding the account (SQLite: the whole database) until the block ends."""
    if engine.dialect.name == "sqlite":
        database = make_url(engine.url).database
        assert database
        conn = sqlite3.connect(database, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield
            conn.execute("ROLLBACK")
        finally:
            conn.close()
        return
    with engine.connect() as conn, conn.begin():
        conn.execute(text("SELECT id FROM accounts WHERE id = :id FOR UPDATE"), {"id": account_id})
        yield


def test_a_payment_without_its_lock_in_time_is_503_and_writes_nothing(db_engine: Engine) -> None:
    with serving(url_of(db_engine), api_queue_timeout_s=1) as service:
        account_id = service.account_id()
        balance = service.get(f"/accounts/{account_id}").json()["balance"]
        with _account_locked(db_engine, account_id):
            began = time.monotonic()
            try:
                answer: requests.Response | None = service.post(f"/accounts/{account_id}/payments",
                                                                {"amount": "5.00"}, timeout=4)
            except requests.Timeout:  # the clerk gives up
                answer = None
            waited = time.monotonic() - began
            time.sleep(max(0.0, 5 - waited))  # the lock is released after the clerk gave up
        assert answer is not None and answer.status_code == 503, answer.text if answer is not None else "no answer"
        assert answer.headers["Retry-After"] == "1"
        assert waited < 4
        time.sleep(1)
        assert _payments(service, account_id) == []  # nothing committed behind the clerk's back
        assert service.get(f"/accounts/{account_id}").json()["balance"] == balance


def _radclient(service: Service, kind: str, request: Path) -> tuple[bool, float]:
    port = service.ports["radius_auth_port" if kind == "auth" else "radius_acct_port"]
    began = time.monotonic()
    done = subprocess.run([require_binary("radclient"), "-x", "-d", str(dictionary_dir()), "-r", "1", "-t", "5",
                           "-f", str(request), f"127.0.0.1:{port}", kind, service.radius_secret],
                          capture_output=True, text=True, timeout=30, check=False)
    return "Received Access-Accept" in done.stdout or "Received Accounting-Response" in done.stdout, \
        time.monotonic() - began


def _call_files(folder: Path, number: int) -> tuple[Path, Path, Path]:
    conf = f"LOAD{number:04d} 00000000 00000000 00000001"
    common = [f'User-Name = "{DEMO_ANI}"', f'Calling-Station-Id = "{DEMO_ANI}"', 'Called-Station-Id = "442071234567"',
              f'h323-conf-id = "h323-conf-id={conf}"']
    files = []
    for name, lines in (("auth", [*common, "Message-Authenticator = 0x00"]),
                        ("start", ["Acct-Status-Type = Start", f'Acct-Session-Id = "{conf}"', *common]),
                        ("stop", ["Acct-Status-Type = Stop", f'Acct-Session-Id = "{conf}"', *common,
                                  "Acct-Session-Time = 30"])):
        path = folder / f"{name}-{number}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files[0], files[1], files[2]


def _cdr_prices(service: Service, account_id: int) -> Decimal:
    page = service.get("/cdrs", params={"account_id": account_id, "limit": 500}).json()
    assert page["next_after"] is None
    return sum((Decimal(cdr["price"]) for cdr in page["items"]), Decimal(0))


def test_radius_answers_at_once_while_payments_flood_the_same_account(shared: Shared, tmp_path: Path) -> None:
    """Payments and calls on one account at the same moment: on MariaDB a payment's shared lock on the account
    (its foreign key) deadlocked with the calls' reservations, Access-Requests failed (code 8), Stops went
    unanswered and payments answered 500. The only test of the module that makes calls."""
    service = shared.service
    account_id = service.account_id()  # the calls' account
    balance = Decimal(service.get(f"/accounts/{account_id}").json()["balance"])
    stop = threading.Event()
    answers: Counter[int] = Counter()

    def pay() -> None:
        while not stop.is_set():
            try:
                answers[service.post(f"/accounts/{account_id}/payments", {"amount": "0.01"},
                                     timeout=30).status_code] += 1
            except requests.RequestException:
                answers[-1] += 1

    flood = [threading.Thread(target=pay) for _ in range(100)]
    for thread in flood:
        thread.start()
    try:
        time.sleep(2)  # the flood is on
        times: list[float] = []
        for number in range(5):
            auth, start, stop_file = _call_files(tmp_path, number)
            for kind, request in (("auth", auth), ("acct", start), ("acct", stop_file)):
                answered, seconds = _radclient(service, kind, request)
                assert answered, f"RADIUS {kind} {request.name} unanswered or refused"
                times.append(seconds)
    finally:
        stop.set()
        for thread in flood:
            thread.join(60)
    # answered before radclient would send again (5 s): never waiting behind the flood (the issue saw 30 s);
    # the figure itself is `carrier-switch bench api`'s (2.4 s once with CI's two workers and a helper)
    assert max(times) < 4, times
    assert set(answers) <= {201, 503}, answers
    assert answers[201] > 0
    # every acknowledged payment is in, each once; a 503 wrote nothing; the calls paid for themselves
    assert Decimal(service.get(f"/accounts/{account_id}").json()["balance"]) == \
        balance + Decimal("0.01") * answers[201] - _cdr_prices(service, account_id)


def test_simultaneous_payments_to_one_account_are_all_taken(shared: Shared) -> None:
    """Two payments to one account at once deadlocked on MariaDB (1213) and one answered 500."""
    service = shared.service
    account_id = service.account_id()
    balance = Decimal(service.get(f"/accounts/{account_id}").json()["balance"])

    def pay(number: int) -> int:
        return service.post(f"/accounts/{account_id}/payments", {"amount": f"{number + 1}.00"}).status_code

    with concurrent.futures.ThreadPoolExecutor(30) as pool:
        codes = list(pool.map(pay, range(60)))
    assert Counter(codes) == {201: 60}
    assert Decimal(service.get(f"/accounts/{account_id}").json()["balance"]) == balance + sum(range(1, 61))


def test_a_payment_sent_again_with_its_key_is_taken_once(shared: Shared) -> None:
    """The clerk gives up while the payment waits for a lock; it commits after; sent again with its
    Idempotency-Key it answers the first receipt; a different payment with that key is refused. On an account of
    its own: it counts the account's payments."""
    service = shared.service
    made = service.post("/accounts", {"number": "900100", "name": "Idempotent clerk"})
    assert made.status_code == 201, made.text
    account_id = int(made.json()["id"])
    balance = Decimal(made.json()["balance"])
    key = {"Idempotency-Key": str(uuid.uuid4())}
    path = f"/accounts/{account_id}/payments"
    with _account_locked(shared.engine, account_id):
        with pytest.raises(requests.Timeout):
            service.post(path, {"amount": "7.50"}, key, timeout=1)
        time.sleep(1)
    # sent again, and at once a few more times by an impatient clerk
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        again = list(pool.map(lambda _: service.post(path, {"amount": "7.50"}, key), range(8)))
    assert {answer.status_code for answer in again} == {201}
    assert len({answer.json()["receipt_number"] for answer in again}) == 1
    [payment] = _payments(service, account_id)
    assert payment["receipt_number"] == again[0].json()["receipt_number"]
    assert Decimal(service.get(f"/accounts/{account_id}").json()["balance"]) == balance + Decimal("7.50")
    other = service.post(path, {"amount": "8.00"}, key)
    assert other.status_code == 422
    assert [error["loc"] for error in other.json()["detail"]] == [["header", "Idempotency-Key"]]
    assert len(_payments(service, account_id)) == 1
