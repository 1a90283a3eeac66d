"""Callers in the IVR on the live-calls door, with real peers: a SIPp caller dials the access number and sits in the
IVR (a pjsua2 worker of the pool); `GET /api/v1/live/calls` and the event stream show it as a session in state
"ivr" with the stage its worker reports (and the card's account once the PIN named it, never the PIN); it goes
when the caller hangs up (the IVR leg's CDR as before), is hung up by an admin through the API, or becomes the
bridged call under the same call_id when the IVR hands it on."""

from __future__ import annotations

import asyncio
import json
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sip_peers import Sipp
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from switch_rig import ACCESS_NUMBER, US_DESTINATION, Rig, call_cdrs, seed
from test_ivr_sipp import STRANGER, IvrRig, make_card, start_ivr
from test_switch_e2e import assert_ok

from switch_service.api.app import create_app
from switch_service.api.live import LiveCalls
from switch_service.bench.ivr_caller import CallerScript
from switch_service.config import settings as settings_module
from switch_service.sip.controller import HangupOutcome
from switch_service.store.models.enums import Role
from switch_service.store.repositories.users import add_user

pytestmark = pytest.mark.peers
Item = dict[str, Any]


def switch_hangup(rig: Rig) -> Callable[[str], HangupOutcome]:
    """The hang-up the service gives the API (telephony.py `hangup`): on the switch's loop, by the call's id."""
    def hang_up(call_id: str) -> HangupOutcome:
        async def on_loop() -> HangupOutcome:
            ref, b2bua = rig.controller.call_ref(call_id), rig.thread.switch.b2bua
            return HangupOutcome.NOT_FOUND if ref is None or b2bua is None else b2bua.hang_up(ref)
        return asyncio.run_coroutine_threadsafe(on_loop(), rig.thread.loop).result(5)
    return hang_up


class EventReader:
    """The admin's `GET /live/events`, read on a thread: (kind, data) of each event."""

    def __init__(self, response: httpx.Response) -> None:
        self.events: queue.Queue[tuple[str, Item]] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(response,), daemon=True)
        self._thread.start()

    def _read(self, response: httpx.Response) -> None:
        message: dict[str, str] = {}
        for line in response.iter_lines():
            if line:
                field, _, value = line.partition(":")
                message[field] = value.strip()
            elif "event" in message:
                self.events.put((message["event"], json.loads(message["data"])))
                message = {}

    def until(self, kind: str, timeout: float = 15.0) -> list[tuple[str, Item]]:
        """The events up to and with the first of `kind`."""
        seen: list[tuple[str, Item]] = []
        deadline = time.monotonic() + timeout
        while not seen or seen[-1][0] != kind:
            seen.append(self.events.get(timeout=max(0.01, deadline - time.monotonic())))
        return seen

    def join(self) -> None:
        self._thread.join(timeout=5)


class LiveDoor:
    def __init__(self, client: TestClient, live: LiveCalls) -> None:
        self.client = client
        self.live = live

    def calls(self) -> list[Item]:
        response = self.client.get("/api/v1/live/calls")
        assert response.status_code == 200, response.text
        return list(response.json()["items"])

    def wait_for(self, found: Callable[[list[Item]], bool], timeout: float = 15.0) -> list[Item]:
        deadline = time.monotonic() + timeout
        while True:
            items = self.calls()
            if found(items) or time.monotonic() > deadline:
                return items
            time.sleep(0.05)


@contextmanager
def live_door(ivr: IvrRig) -> Iterator[tuple[LiveDoor, EventReader]]:
    """The service's API over the switch's events, hang-up and IVR pool (as telephony.py gives them), signed in as
    an admin, with its event stream open."""
    rig = ivr.rig
    with Session(rig.engine) as session:
        add_user(session, "admin", "correct horse battery", Role.ADMIN)
        session.commit()
    live = LiveCalls(rig.controller.events, switch_hangup(rig), ivr=lambda: {"ivr_sessions": ivr.pool.legs})
    with TestClient(create_app(rig.engine, settings_module.load(), secrets_fallback=True, live=live)) as client:
        token = client.post("/api/v1/auth/login", json={"username": "admin", "password": "correct horse battery"})
        client.headers["Authorization"] = f"Bearer {token.json()['token']}"
        with client.stream("GET", "/api/v1/live/events") as response:
            reader = EventReader(response)
            try:
                yield LiveDoor(client, live), reader
            finally:
                live.stop_streams()
                reader.join()


@pytest.fixture
def ivr_rigs() -> Iterator[list[IvrRig]]:
    started: list[IvrRig] = []
    yield started
    for item in started:
        item.pool.stop()
        item.rig.stop()


def in_ivr(stage: str) -> Callable[[list[Item]], bool]:
    return lambda items: any(item["state"] == "ivr" and item["ivr_stage"] == stage for item in items)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mariadb"])
def test_a_caller_in_the_ivr_is_a_live_session_with_its_stage_until_it_hangs_up(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rigs: list[IvrRig]) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rigs)
    with live_door(rig) as (door, events):
        assert door.calls() == []
        script = CallerScript(STRANGER, tmp_path).info(pin + "#").pause(4000).hang_up()  # sits at the destination
        caller = sipp.start(script.write(tmp_path / "sits.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                            timeout_s=30)
        items = door.wait_for(in_ivr("destination"))
        assert [(item["state"], item["ivr_stage"]) for item in items] == [("ivr", "destination")], items
        [session] = items
        assert (session["caller"], session["did"], session["destination"]) == (STRANGER, ACCESS_NUMBER, "")
        assert (session["account_id"], session["ivr_worker"]) == (account_id, 1)  # the card's account
        assert pin not in door.client.get("/api/v1/live/calls").text
        counters = door.client.get("/api/v1/live/counters").json()
        assert (counters["concurrent_calls"], counters["ivr_sessions"]) == (0, 1)  # answered calls: none yet
        caller.wait(35)
        assert_ok(caller)
        assert door.wait_for(lambda items: not items) == []
        heard = events.until("ended")
    kinds = [(kind, data["ivr_stage"]) for kind, data in heard]
    assert kinds[0] == ("ivr", None) and kinds[-1] == ("ended", None), kinds  # came in, then went
    assert ("ivr", "pin") in kinds and ("ivr", "destination") in kinds, kinds
    assert {data["call_id"] for _, data in heard} == {session["call_id"]}
    assert all(pin not in json.dumps(data) for _, data in heard)
    [cdr] = call_cdrs(db_engine)  # the IVR leg's row, as before: the switch's, naming no account
    assert (cdr.call_id, cdr.account_id, cdr.hangup_by) == (session["call_id"], None, "caller")
    assert cdr.reason is not None and cdr.reason.startswith("In the IVR"), cdr.reason
    assert "INVITE" not in carrier.log()
    assert rig.pool.legs == 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_admin_hangs_up_a_caller_in_the_ivr(db_engine: Engine, sipp: Sipp, tmp_path: Path,
                                               ivr_rigs: list[IvrRig]) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    seed(db_engine, [carrier.port], ani=False)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rigs)
    with live_door(rig) as (door, _events):
        caller = sipp.start(CallerScript(STRANGER, tmp_path).hung_up().write(tmp_path / "waits.xml"),
                            remote_port=rig.port, service=ACCESS_NUMBER, timeout_s=30)
        [session] = door.wait_for(in_ivr("pin"))
        time.sleep(1.0)  # past the 500 ms pause after the caller's ACK, in which SIPp would take a BYE for a fault
        response = door.client.post(f"/api/v1/live/calls/{session['call_id']}/hangup")
        assert response.status_code == 200, response.text
        assert response.json()["ended"] is True
        caller.wait(20)  # the switch's BYE reached the caller
        assert_ok(caller)
        assert door.wait_for(lambda items: not items) == []
        again = door.client.post(f"/api/v1/live/calls/{session['call_id']}/hangup")
        assert again.status_code == 409, again.text  # its record is written: it had ended
    [cdr] = call_cdrs(db_engine)
    assert (cdr.call_id, cdr.account_id, cdr.hangup_by) == (session["call_id"], None, "switch")
    assert rig.pool.legs == 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_session_becomes_the_bridged_call_when_the_ivr_hands_it_on(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rigs: list[IvrRig]) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rigs)
    with live_door(rig) as (door, events):
        script = (CallerScript(STRANGER, tmp_path).info(pin + "#").pause(300).rfc2833(US_DESTINATION + "#")
                  .bridged(talk_ms=3000))
        caller = sipp.start(script.write(tmp_path / "bridged.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                            timeout_s=40)
        items = door.wait_for(lambda found: any(item["state"] == "answered" for item in found))
        heard = events.until("answered")
        caller.wait(45)
        carrier.wait(10)
        assert_ok(caller, carrier)
        assert door.wait_for(lambda found: not found) == []
    [call] = items  # the IVR session is gone, the bridged call is there
    assert (call["state"], call["account_id"], call["destination"]) == ("answered", account_id, US_DESTINATION)
    kinds = [kind for kind, _ in heard]
    assert kinds[0] == "ivr" and kinds[-2:] == ["started", "answered"], kinds
    assert {data["call_id"] for _, data in heard} == {call["call_id"]}  # one call, from the IVR to the carrier
