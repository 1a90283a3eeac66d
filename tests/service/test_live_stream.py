"""Live calls end to end: a real `carrier-switch serve` process, a SIPp call through its switch, the SSE stream
showing it start, answer and end, and an operator hanging it up through the API (BYE to both SIPp peers)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import requests
from cli_harness import cli_ok
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from worker_ports import service_ports

from switch_service.store.engine import make_engine
from switch_service.store.models import Ani, AuditEntry, Gateway
from tests.service.test_serve_process import CLI, write_config
from tests.sip.sip_peers import IN_CI, Sipp

pytestmark = pytest.mark.peers

ACCESS_NUMBER = "18005550100"  # the demo data's access number
SIPP_CALLER = "442070000001"  # the From user of the SIPp caller scenarios
T = TypeVar("T")


def wait_for(probe: Callable[[], T | None], what: str, timeout: float = 15.0) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def sipp(tmp_path: Path) -> Iterator[Sipp]:
    binary = shutil.which("sipp")
    if binary is None:
        message = "sipp (Debian sip-tester) is not installed"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: a missing peer is a failure)")
        pytest.skip(message)
    peers = Sipp(binary, tmp_path)
    yield peers
    peers.stop_all()


class EventStream:
    """GET /live/events read by a thread: (event, data) pairs into a queue; ends when the service closes it."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        self.response = requests.get(url, headers=headers, stream=True, timeout=(5, 60))
        assert self.response.status_code == 200, self.response.text
        self.events: queue.Queue[tuple[str, dict[str, Any]] | None] = queue.Queue()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        kind = None
        try:
            for line in self.response.iter_lines(decode_unicode=True):
                if line.startswith("event:"):
                    kind = line.partition(":")[2].strip()
                elif line.startswith("data:") and kind is not None:
                    self.events.put((kind, json.loads(line.partition(":")[2])))
                    kind = None
        except requests.RequestException:
            pass
        finally:
            self.events.put(None)

    def next(self, kind: str) -> dict[str, Any]:
        while True:
            item = self.events.get(timeout=20)
            assert item is not None, f"the stream ended before a {kind} event"
            if item[0] == kind:
                return item[1]


@pytest.fixture
def service(tmp_path: Path, sipp: Sipp) -> Iterator[tuple[subprocess.Popen[str], dict[str, int], Sipp]]:
    """The demo business, its carriers' gateways pointed at one SIPp carrier that answers, and the SIPp caller's
    number made Maria's ANI (stored destination Mexico)."""
    ports = service_ports()
    db = tmp_path / "service.db"
    write_config(ports, db)
    config = Path(os.environ["CARRIERDESK_CONFIG_DIR"]) / "config.toml"
    # SIPp's one-call carrier takes a keep-alive OPTIONS for its call (tests/sip covers the keep-alive)
    config.write_text(config.read_text() + "sip_keepalive_interval_s = 0\n")
    for command in (["db", "upgrade"], ["demo-data"]):
        cli_ok(*command)
    carrier = sipp.start("carrier_answer", timeout_s=60)
    engine = make_engine(f"sqlite:///{db}")
    with Session(engine) as session, session.begin():
        session.execute(update(Gateway).values(port=carrier.port))
        session.execute(update(Ani).where(Ani.number == "13055550101").values(number=SIPP_CALLER))
    engine.dispose()
    process = subprocess.Popen([*CLI, "serve"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        api = f"http://127.0.0.1:{ports['api_port']}/api/v1"
        wait_for(lambda: _up(f"{api}/health"), "the API", timeout=30)
        yield process, ports, sipp
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=20)


def _up(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).ok
    except requests.ConnectionError:
        return False


def test_stream_shows_the_call_and_hangup_ends_it(service: tuple[subprocess.Popen[str], dict[str, int], Sipp],
                                                  tmp_path: Path) -> None:
    process, ports, sipp = service
    api = f"http://127.0.0.1:{ports['api_port']}/api/v1"
    token = requests.post(f"{api}/auth/login", json={"username": "admin", "password": "demo-admin"},
                          timeout=5).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    stream = EventStream(f"{api}/live/events", headers)

    caller = sipp.start("caller_wait_bye", remote_port=ports["sip_port"], service=ACCESS_NUMBER, timeout_s=60)
    started = stream.next("started")
    assert (started["caller"], started["destination"]) == (SIPP_CALLER, "525512345678")
    answered = stream.next("answered")
    call_id = answered["call_id"]
    assert answered["carrier_id"] is not None and answered["codec"] == "PCMU"
    assert answered["talk_time_left_s"] > 0

    def live_calls() -> list[dict[str, Any]]:
        return list(requests.get(f"{api}/live/calls", headers=headers, timeout=5).json()["items"])

    [live] = wait_for(live_calls, "the answered call in the live-call table")
    assert live["call_id"] == call_id
    assert live["codec"] == "PCMU"
    assert 0 < live["talk_time_left_s"] <= answered["talk_time_left_s"]

    hung = requests.post(f"{api}/live/calls/{call_id}/hangup", headers=headers, timeout=10)
    assert hung.status_code == 200, hung.text
    ended = stream.next("ended")
    assert (ended["call_id"], ended["cause"]) == (call_id, "operator-hangup")
    assert caller.wait(20) == 0, caller.error_log()
    assert sipp.runs[0].wait(20) == 0, sipp.runs[0].error_log()  # the carrier got its BYE too
    wait_for(lambda: not live_calls(), "the call to leave the live-call table")
    cdrs = requests.get(f"{api}/cdrs", headers=headers, timeout=5).json()["items"]
    assert [(cdr["call_id"], cdr["result"]) for cdr in cdrs] == [(call_id, "answered")]  # billed like any call
    again = requests.post(f"{api}/live/calls/{call_id}/hangup", headers=headers, timeout=10)
    assert again.status_code == 409 and again.json()["detail"].startswith("the call had already ended")

    process.send_signal(signal.SIGTERM)  # with the event stream still open
    assert process.wait(timeout=20) == 0
    stream.thread.join(timeout=5)
    assert not stream.thread.is_alive()
    engine = make_engine(f"sqlite:///{tmp_path / 'service.db'}")
    with Session(engine) as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "hangup")).all()
    engine.dispose()
    assert [(entry.actor, entry.entity_id) for entry in audit] == [("admin", call_id)]
