"""Restart one component of a running `carrier-switch serve` (through its control socket, as an operator does)
while SIPp calls are held: calls in progress survive a RADIUS and an API restart and are billed in full."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import requests
from sip_peers import Sipp, wait_for
from switch_rig import ACCESS_NUMBER, balance, call_cdrs, reserved, seed
from worker_ports import service_ports

from installer import temp_service
from switch_service.store.engine import make_engine

pytestmark = pytest.mark.peers

HELD_MS = 20_000  # longer than both restarts together, even on a busy machine (each takes 2-5 s)
CALLS = 3
BALANCE = "50.000000"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[temp_service.TempService]:
    # Interim-Updates every second, so the held calls talk to RADIUS across its restart; no OPTIONS pings (the
    # SIPp carrier answers only INVITEs).
    created = temp_service.create(tmp_path / "svc", **service_ports(), radius_processes=1, sip_interim_interval_s=1,
                                  sip_keepalive_interval_s=0, log_level="INFO")
    yield created


def status(service: temp_service.TempService) -> dict[str, Any]:
    done = service.output("status", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def component(answer: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in answer["components"] if c["name"] == name)


def test_calls_in_progress_survive_a_radius_and_an_api_restart(service: temp_service.TempService,
                                                              sipp: Sipp) -> None:
    carrier = sipp.start("carrier_answer", calls=CALLS, timeout_s=90)
    engine = make_engine(service.db_url)
    seeded = seed(engine, [carrier.port], balance=BALANCE)  # each call holds 4 h of talk: 14.40
    with temp_service.running(service):
        before = status(service)
        sip_port = component(before, "sip")["ports"]["udp"]
        caller = sipp.start("caller_basic", remote_port=sip_port, service=ACCESS_NUMBER, hold_ms=HELD_MS,
                            calls=CALLS, rate=10, timeout_s=90)
        wait_for(lambda: component(status(service), "sip")["counters"]["calls"] == CALLS, timeout=15,
                 what=f"{CALLS} calls connected")

        for name in ("radius", "api"):
            restarted = service.output("restart", name)
            assert restarted.returncode == 0, restarted.stderr
            assert restarted.stdout.startswith(f"{name} restarted: {name}")
        after = status(service)
        assert component(after, "sip")["counters"]["calls"] == CALLS  # nobody was dropped
        assert component(after, "sip")["since"] == component(before, "sip")["since"]
        for name in ("radius", "api"):
            assert component(after, name)["state"] == "running"
            assert component(after, name)["since"] > component(before, name)["since"]
            assert component(after, name)["restarts"] == 1
            assert component(after, name)["ports"] == component(before, name)["ports"]
        health = requests.get(f"{service.url}/api/v1/health", timeout=5)
        assert health.status_code == 200

        assert caller.wait(90) == 0, caller.error_log()[-3000:]
        assert carrier.wait(30) == 0, carrier.error_log()[-3000:]
        cdrs = wait_for(lambda: rows if len(rows := call_cdrs(engine)) == CALLS else None, timeout=20,
                        what="a CDR per call")
    # each call talked the whole hold, billed once
    assert [(cdr.result, cdr.duration_s >= HELD_MS // 1000) for cdr in cdrs] == [("answered", True)] * CALLS
    assert sum((cdr.price for cdr in cdrs), Decimal(0)) == Decimal(BALANCE) - balance(engine, seeded.account_id)
    assert all(cdr.price >= Decimal("0.006000") for cdr in cdrs)
    assert reserved(engine, seeded.account_id) == Decimal("0")
    engine.dispose()


def test_restarting_sip_gives_it_a_new_start_and_status_names_what_runs(service: temp_service.TempService) -> None:
    with temp_service.running(service):
        before = status(service)
        assert [c["name"] for c in before["components"]] == ["node", "duties", "radius", "sip", "api", "backups",
                                                          "mail"]
        assert before["schema_revision"] == service.output("db", "current").stdout.split()[0]
        time.sleep(1.1)
        assert service.output("restart", "sip").returncode == 0
        after = status(service)
        assert component(after, "sip")["since"] > component(before, "sip")["since"]
        assert component(after, "radius")["since"] == component(before, "radius")["since"]
        text = service.output("status").stdout
        assert f"pid {before['pid']}" in text
        assert f"udp {component(after, 'sip')['ports']['udp']}" in text
    stopped = service.output("status")
    assert stopped.returncode == 3
    assert stopped.stdout.startswith("not running")
