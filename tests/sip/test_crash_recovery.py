"""A crash that hangs up both legs: SIPp holds two calls through `carrier-switch serve`, the service is killed with
SIGKILL, and the restarted service sends BYE to the callers and to the carrier from the dialogs it kept with the
live calls, and bills each call to the restart (the media flowed between the peers all along). Before, both legs
stayed up, the callers' later BYEs got 481 and each call was billed to its last Interim-Update only.

Everything through the product's doors: `carrier-switch db upgrade`, `demo-data` and `serve` as an operator runs
them, the HTTP API to point the demo carriers at the SIPp carrier and to read the call records."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_harness import cli_ok
from demo_api import call_api, demo_admin_token
from sip_peers import Sipp, SippRun
from worker_ports import service_ports

pytestmark = pytest.mark.peers

CLI = [sys.executable, "-m", "switch_service"]
FORWARD_DID = "442079460000"  # demo data: forwarded to +1 305 555 0101, billed to Maria Gonzalez
CALLS = 2  # Maria's concurrent-call limit


class Service:
    """`carrier-switch serve` in a config folder of its own; `api` calls its HTTP API as the admin."""

    def __init__(self, folder: Path) -> None:
        self.ports = service_ports()
        config = Path(os.environ["CARRIERDESK_CONFIG_DIR"])
        config.mkdir(parents=True, exist_ok=True)
        lines = [f'database_url = "sqlite:///{folder / "service.db"}"', 'sip_host = "127.0.0.1"',
                 'radius_host = "127.0.0.1"', "sip_keepalive_interval_s = 0", "radius_processes = 1"]
        (config / "config.toml").write_text("\n".join(lines + [f"{k} = {v}" for k, v in self.ports.items()]) + "\n")
        for command in (["db", "upgrade"], ["demo-data"]):
            cli_ok(*command)
        self.process: subprocess.Popen[bytes] | None = None
        self.token = ""

    def start(self, timeout: float = 60) -> None:
        """Start it and wait for its API; a start that finds the RADIUS ports still held by the killed service's
        processes (they leave when they notice) is tried again."""
        deadline = time.monotonic() + timeout
        while True:
            self.process = subprocess.Popen([*CLI, "serve"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while self.process.poll() is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"{self.url}/health", timeout=1):
                        return
                except OSError:
                    time.sleep(0.2)
            assert time.monotonic() < deadline, "the service did not start"
            time.sleep(0.5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['api_port']}/api/v1"

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        if not self.token:
            self.token = demo_admin_token(self.url)
        return call_api(self.url, self.token, method, path, body)

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL: no BYE, no Stop, nothing settled
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    running = Service(tmp_path)
    try:
        yield running
    finally:
        running.stop()


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, (f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}\n"
                                     f"messages:\n{run.log()[-4000:]}")


def test_a_killed_service_hangs_up_both_legs_at_restart_and_bills_to_then(service: Service, sipp: Sipp) -> None:
    service.start()
    carrier = sipp.start("carrier_answer", calls=CALLS, timeout_s=120)
    for listed in service.api("GET", "/carriers")["items"]:  # every demo carrier's gateway is the SIPp carrier
        for gateway in service.api("GET", f"/carriers/{listed['id']}/gateways"):
            service.api("PATCH", f"/carriers/{listed['id']}/gateways/{gateway['id']}",
                        {"host": "127.0.0.1", "port": carrier.port})
    callers = sipp.start("caller_wait_bye", remote_port=service.ports["sip_port"], service=FORWARD_DID,
                         calls=CALLS, rate=10, timeout_s=120)

    def live() -> list[dict[str, Any]]:
        return list(service.api("GET", "/live/calls")["items"])

    deadline = time.monotonic() + 20
    while len(live()) < CALLS and time.monotonic() < deadline:
        time.sleep(0.2)
    answered = [dt.datetime.fromisoformat(call["answered_at"]) for call in live()]
    assert len(answered) == CALLS, "the calls did not connect"
    time.sleep(2)  # talking; the dialogs are kept with the live calls
    service.kill()
    killed_at = dt.datetime.now(dt.UTC)
    time.sleep(3)  # the legs stay up while the switch is gone
    assert callers.process.poll() is None and carrier.process.poll() is None
    service.start()
    callers.wait(60)
    carrier.wait(30)
    assert_ok(callers, carrier)  # each caller and the carrier got a BYE for each call, and answered it
    # the carrier's scenario ends a call only once it received that call's BYE (assert_ok above says both ended);
    # its message log is not counted: once, under load, it held one BYE line for the two calls SIPp had completed
    assert callers.log().count("BYE sip:") == CALLS

    recovered = service.api("GET", "/cdrs?result=recovered")["items"]
    assert len(recovered) == CALLS
    assert live() == []
    for cdr in recovered:
        talked_before_kill = (killed_at - dt.datetime.fromisoformat(cdr["answered_at"])).total_seconds()
        assert cdr["duration_s"] >= talked_before_kill + 3 - 1  # to the restart, not to the last Interim-Update
        assert cdr["duration_s"] <= talked_before_kill + 60  # and not beyond it
        assert (cdr["hangup_by"], cdr["reason"]) == ("switch",
                                                    "Left up by a crash: ended at the restart (BYE on both legs)")
        assert float(cdr["price"]) > 0
