"""Every attempt on record: calls the switch or RADIUS refuses leave a call row with a readable reason, the SIP
answer and the Q.850 cause, and the figures an operator reads (the traffic report's ASR, the live ASR) count them.
Before, a refused call left nothing, so ASR showed 100 %. SIPp peers, the real RADIUS server and policy, the real
API, on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sip_peers import Sipp, SippRun, wait_for
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from switch_rig import ACCESS_NUMBER, FORWARD_DID, Rig, call_cdrs, seed, start_rig

from switch_service.api.app import create_app
from switch_service.api.live import LiveCalls
from switch_service.config import settings as settings_module
from switch_service.store.models.enums import Role
from switch_service.store.repositories.users import add_user

pytestmark = pytest.mark.peers

PASSWORD = "attempts-on-record"
UNKNOWN_NUMBER = "18885550000"


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


@pytest.fixture
def rig_and_api(db_engine: Engine, sipp: Sipp) -> Iterator[tuple[Rig, TestClient, dict[str, Any]]]:
    carrier = sipp.start("carrier_reject_503")  # the one carrier is down: every call to it fails
    seed(db_engine, [carrier.port], forward_balance="0.000000")  # the DID's account has no money
    with Session(db_engine) as session, session.begin():
        add_user(session, "admin", PASSWORD, Role.ADMIN)
    rig = start_rig(db_engine)
    try:
        app = create_app(db_engine, settings_module.load(), secrets_fallback=True,
                         live=LiveCalls(rig.controller.events))
        with TestClient(app) as client:
            token = client.post("/api/v1/auth/login", json={"username": "admin", "password": PASSWORD}).json()
            yield rig, client, {"Authorization": f"Bearer {token['token']}"}
    finally:
        rig.stop()


def test_refused_calls_are_on_record_and_counted(rig_and_api: tuple[Rig, TestClient, dict[str, Any]],
                                                 sipp: Sipp, db_engine: Engine) -> None:
    rig, client, admin = rig_and_api
    since = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    for scenario, service in (("caller_expect_402", FORWARD_DID),  # no money
                              ("caller_expect_404", UNKNOWN_NUMBER),  # nobody's call: a stranger to a number
                              ("caller_expect_503", ACCESS_NUMBER)):  # every carrier down
        caller = sipp.start(scenario, remote_port=rig.port, service=service)
        caller.wait(20)
        assert_ok(caller)
    rows = wait_for(lambda: rows if len(rows := call_cdrs(db_engine)) == 2 else None, what="two call rows")
    on_record = {(c.sip_code, c.q850_cause, c.result, c.reason, c.hangup_by) for c in rows}
    assert on_record == {
        (402, 21, "rejected", "Zero Balance (h323-return-code=4)", "switch"),
        (503, 34, "failed", "Every carrier failed (the last with 503)", "callee"),
    }
    assert rig.controller.strangers == 1  # a scanner's INVITE is counted, not recorded (it is nobody's attempt)
    failed_over = next(c for c in rows if c.sip_code == 503)
    assert failed_over.carrier_id is not None and failed_over.gateway_id is not None  # the carrier tried

    until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    report = client.get("/api/v1/reports/traffic", headers=admin, params={
        "group_by": "day", "since": since.isoformat(), "until": until.isoformat()})
    assert report.status_code == 200, report.text
    total = report.json()["total"]
    assert (total["calls"], total["answered"], total["asr_percent"], total["acd_s"]) == (2, 0, 0.0, None)
    by_carrier = client.get("/api/v1/reports/traffic", headers=admin, params={
        "group_by": "carrier", "since": since.isoformat(), "until": until.isoformat()}).json()
    assert by_carrier["total"]["calls"] == 2  # the same calls, whatever the grouping

    def live_asr() -> dict[str, Any] | None:
        counters = client.get("/api/v1/live/counters", headers=admin).json()
        hour = next(window for window in counters["asr"] if window["minutes"] == 60)
        return hour if hour["calls"] == 2 else None

    hour = wait_for(live_asr, what="the live ASR to count the two calls")
    assert (hour["answered"], hour["asr_percent"]) == (0, 0.0)
    listed = client.get("/api/v1/cdrs", headers=admin, params={"result": "rejected"}).json()["items"]
    assert [(c["sip_code"], c["reason"]) for c in listed] == [(402, "Zero Balance (h323-return-code=4)")]
