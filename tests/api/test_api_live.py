"""Live calls: the SSE stream fed by the real event bus, the snapshot from the store, hangup, counters; per role."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import queue
import socket
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
from api_harness import Api, Header
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.api.app import create_app
from switch_service.api.live import LiveCalls
from switch_service.api.routes.live import POLL_S
from switch_service.config import settings as settings_module
from switch_service.events import CallEvent, CallEventKind, EventBus
from switch_service.sip.controller import HangupOutcome
from switch_service.store.models import Account, AuditEntry, Carrier, Cdr, LiveCall
from switch_service.store.models.enums import CdrKind

CARRIER_FIELDS = {"carrier_id", "buy_rate"}


def _live(api: Api) -> LiveCalls:
    live: LiveCalls = api.client.app.state.context.live  # type: ignore[attr-defined]
    return live


@pytest.fixture
def accounts(api: Api, resellers: dict[str, int]) -> dict[str, int]:
    with Session(api.engine) as session:
        made = {name: Account(number=f"{i}00", name=name, reseller_id=resellers.get(name))
                for i, name in enumerate(["north", "north_east", "south", "direct"], start=1)}
        session.add_all(made.values())
        session.commit()
        return {name: account.id for name, account in made.items()}


def _event(kind: CallEventKind, account_id: int | None, n: int = 1, **extra: Any) -> CallEvent:
    return CallEvent(kind=kind, call_id=f"sip-{n}@caller", session_id=f"conf-{n}", caller="13055550101",
                     destination="525512345678", account_id=account_id, carrier_id=7, sell_rate=Decimal("0.045"),
                     started_at=dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC), talk_time_left_s=3600, codec="PCMU",
                     **extra)


class Stream:
    """An SSE response read by a thread into a queue, so a missing event fails the test instead of hanging it."""

    def __init__(self, response: httpx.Response) -> None:
        self.messages: queue.Queue[dict[str, str] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(response,), daemon=True)
        self._thread.start()

    def _read(self, response: httpx.Response) -> None:
        message: dict[str, str] = {}
        try:
            for line in response.iter_lines():
                if not line:
                    self.messages.put(message)
                    message = {}
                    continue
                field, _, value = line.partition(":")
                message[field or "comment"] = value.strip()
        finally:
            self.messages.put(None)

    def next(self, timeout: float = 5.0) -> dict[str, str] | None:
        return self.messages.get(timeout=timeout)

    def events(self, count: int) -> list[tuple[str, dict[str, Any]]]:
        found = []
        while len(found) < count:
            message = self.next()
            assert message is not None, "the stream ended early"
            if "event" in message:
                found.append((message["event"], json.loads(message["data"])))
        return found

    def join(self) -> None:
        self._thread.join(timeout=5)
        assert not self._thread.is_alive()


@pytest.fixture
def stream(api: Api, auth_header: Header) -> Iterator[Any]:
    """Open the stream as a user; at the end the service stops the streams (as it does at shutdown)."""
    opened: list[Stream] = []
    with contextlib.ExitStack() as responses:

        def open_as(user: str) -> Stream:
            headers = auth_header(api.login(user))
            response = responses.enter_context(api.client.stream("GET", "/api/v1/live/events", headers=headers))
            assert response.status_code == 200, response.read()
            assert response.headers["content-type"].startswith("text/event-stream")
            reader = Stream(response)
            hello = reader.next()
            assert hello == {"comment": "carrierdesk live calls", "retry": "3000"}
            opened.append(reader)
            return reader

        yield open_as
        _live(api).stop_streams()
        for reader in opened:
            reader.join()


def test_admin_stream_carries_each_event_with_the_carrier(api: Api, stream: Any, accounts: dict[str, int]) -> None:
    reader = stream("admin")
    bus = _live(api).bus
    bus.publish(_event(CallEventKind.STARTED, accounts["direct"]))
    bus.publish(_event(CallEventKind.ANSWERED, accounts["direct"]))
    bus.publish(_event(CallEventKind.ENDED, accounts["direct"], duration_s=61.5, cause="normal-clearing"))
    events = reader.events(3)
    assert [kind for kind, _ in events] == ["started", "answered", "ended"]
    started = events[0][1]
    assert started == {
        "kind": "started", "call_id": "conf-1", "sip_call_id": "sip-1@caller", "caller": "13055550101",
        "destination": "525512345678", "account_id": accounts["direct"], "sell_rate": "0.045",
        "started_at": "2026-05-01T12:00:00Z", "talk_time_left_s": 3600, "codec": "PCMU", "sip_code": None,
        "duration_s": None, "cause": None, "carrier_id": 7, "carrier_name": None, "destination_name": None,
        "did": None, "ivr_stage": None, "ivr_worker": None,
        "node": socket.gethostname()}  # the node_name setting's default: the node this API runs beside
    assert events[2][1]["duration_s"] == 61.5
    assert events[2][1]["cause"] == "normal-clearing"


def test_support_sees_no_carrier_and_a_reseller_only_its_subtree(api: Api, stream: Any,
                                                                 accounts: dict[str, int]) -> None:
    support, north = stream("support"), stream("north")
    bus = _live(api).bus
    for n, name in enumerate(["south", "direct", "north_east", "north"], start=1):
        bus.publish(_event(CallEventKind.STARTED, accounts[name], n))
    bus.publish(_event(CallEventKind.STARTED, None, 5))
    seen_by_support = support.events(5)
    assert all(not CARRIER_FIELDS & set(data) for _, data in seen_by_support)
    assert [data["call_id"] for _, data in north.events(2)] == ["conf-3", "conf-4"]
    time.sleep(3 * POLL_S)  # the call without an account (conf-5) never reaches a reseller
    assert north.messages.empty()


def test_a_client_going_away_unsubscribes(api: Api, auth_header: Header) -> None:
    bus = _live(api).bus
    baseline = bus.subscriber_count  # the counters' own subscription
    with api.client.stream("GET", "/api/v1/live/events", headers=auth_header(api.login("admin"))) as response:
        assert bus.subscriber_count == baseline + 1
        next(response.iter_lines())
    deadline = time.monotonic() + 5
    while bus.subscriber_count != baseline and time.monotonic() < deadline:
        time.sleep(0.05)
    assert bus.subscriber_count == baseline


def test_stream_needs_sign_in(api: Api) -> None:
    assert api.client.get("/api/v1/live/events").status_code == 401


@pytest.fixture
def live_rows(api: Api, accounts: dict[str, int]) -> dict[str, int]:
    now = dt.datetime.now(dt.UTC)
    with Session(api.engine) as session:
        carrier = Carrier(name="Carrier A")
        session.add(carrier)
        session.flush()
        rows = {name: LiveCall(call_id=f"conf-{name}", account_id=accounts[name], carrier_id=carrier.id,
                               caller="1305", destination="5255", state="answered", sell_rate=Decimal("0.045"),
                               buy_rate=Decimal("0.012"), codec="PCMA", max_duration_s=600,
                               started_at=now - dt.timedelta(seconds=130), answered_at=now - dt.timedelta(seconds=120))
                for name in ("north", "south", "north_east")}
        session.add_all(rows.values())
        session.commit()
        return {name: row.id for name, row in rows.items()} | {"carrier": carrier.id}


def test_snapshot_pages_calls_with_talk_time_left(api: Api, auth_header: Header, live_rows: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    asked = dt.datetime.now(dt.UTC)
    first = api.client.get("/api/v1/live/calls", headers=admin, params={"limit": 2}).json()
    answered = dt.datetime.now(dt.UTC)
    assert first["view"] == "full"
    assert [item["id"] for item in first["items"]] == [live_rows["north"], live_rows["south"]]
    second = api.client.get("/api/v1/live/calls", headers=admin, params={"after": first["next_after"]}).json()
    assert [item["id"] for item in second["items"]] == [live_rows["north_east"]]
    assert second["next_after"] is None
    call = first["items"][0]
    assert call["carrier_id"] == live_rows["carrier"]
    assert (call["buy_rate"], call["sell_rate"], call["codec"]) == ("0.012000", "0.045000", "PCMA")
    # answered 120 s before the rows were made: talking since then, the rest of its 600 s left (bounded by the
    # moments the request was sent and answered, however slow the machine)
    since = dt.datetime.fromisoformat(call["answered_at"])
    assert int((asked - since).total_seconds()) - 1 <= call["duration_s"] <= (answered - since).total_seconds() + 1
    assert (asked - since).total_seconds() >= 119
    assert call["duration_s"] + call["talk_time_left_s"] in (599, 600, 601)


def test_snapshot_per_role(api: Api, auth_header: Header, live_rows: dict[str, int]) -> None:
    support = api.client.get("/api/v1/live/calls", headers=auth_header(api.login("support"))).json()
    assert support["view"] == "restricted"
    assert len(support["items"]) == 3
    assert all(not CARRIER_FIELDS & set(item) for item in support["items"])
    north = api.client.get("/api/v1/live/calls", headers=auth_header(api.login("north"))).json()
    assert [item["id"] for item in north["items"]] == [live_rows["north"], live_rows["north_east"]]


def test_hangup_without_a_switch_is_503_and_not_for_resellers(api: Api, auth_header: Header) -> None:
    response = api.client.post("/api/v1/live/calls/conf-1/hangup", headers=auth_header(api.login("support")))
    assert response.status_code == 503
    assert "runs no SIP switch" in response.json()["detail"]
    response = api.client.post("/api/v1/live/calls/conf-1/hangup", headers=auth_header(api.login("north")))
    assert response.status_code == 403


def test_counters_from_the_bus_and_the_store(api: Api, auth_header: Header, live_rows: dict[str, int],
                                             accounts: dict[str, int]) -> None:
    bus = _live(api).bus
    for n in range(1, 5):  # four calls routed, three ended, one of them answered
        bus.publish(_event(CallEventKind.STARTED, accounts["direct"], n))
    bus.publish(_event(CallEventKind.ANSWERED, accounts["direct"], 1))
    for n in range(1, 4):
        bus.publish(_event(CallEventKind.ENDED, accounts["direct"], n))
    now = dt.datetime.now(dt.UTC)
    with Session(api.engine) as session:
        for n, result in enumerate(["answered", "busy", "failed"]):
            session.add(Cdr(kind=CdrKind.ATTEMPT, call_id=f"conf-{n}", carrier_id=live_rows["carrier"], caller="1",
                            destination="5255", started_at=now - dt.timedelta(minutes=10 * n), result=result))
        session.commit()
    admin = api.client.get("/api/v1/live/counters", headers=auth_header(api.login("admin"))).json()
    assert admin["view"] == "full"
    assert admin["concurrent_calls"] == 3
    assert admin["calls_per_second"] == 0.4
    assert admin["switch_attached"] is False
    assert admin["asr"] == [{"minutes": m, "calls": 3, "answered": 1, "asr_percent": 33.33} for m in (5, 15, 60)]
    [carrier] = admin["carriers"]
    assert carrier["carrier_name"] == "Carrier A"
    assert carrier["concurrent_calls"] == 3
    assert [(w["minutes"], w["calls"], w["answered"]) for w in carrier["asr"]] == [(5, 1, 1), (15, 2, 1), (60, 3, 1)]
    support = api.client.get("/api/v1/live/counters", headers=auth_header(api.login("support"))).json()
    assert support["view"] == "restricted" and "carriers" not in support
    assert api.client.get("/api/v1/live/counters", headers=auth_header(api.login("north"))).status_code == 403


def test_hangup_asks_the_switch_and_is_audited(engine: Engine, auth_header: Header) -> None:
    """The API's side of hangup, with the switch's hangup replaced by a function that answers as it would
    (tests/service/test_live_stream.py hangs up a real call through a real switch)."""
    answers = {"conf-live": HangupOutcome.ENDED, "conf-ringing": HangupOutcome.NOT_CONNECTED}
    asked: list[str] = []

    def hangup(call_id: str) -> HangupOutcome:
        asked.append(call_id)
        return answers.get(call_id, HangupOutcome.NOT_FOUND)

    app = create_app(engine, settings_module.load(), secrets_fallback=True, live=LiveCalls(EventBus(), hangup))
    with TestClient(app) as client:
        api = Api(client, engine)
        support = auth_header(api.login("support"))
        ended = client.post("/api/v1/live/calls/conf-live/hangup", headers=support)
        assert ended.status_code == 200, ended.text
        assert ended.json() == {"call_id": "conf-live", "ended": True, "node": None}
        ringing = client.post("/api/v1/live/calls/conf-ringing/hangup", headers=support)
        assert ringing.status_code == 409
        assert "not connected" in ringing.json()["detail"]
        assert client.post("/api/v1/live/calls/conf-gone/hangup", headers=support).status_code == 404
    assert asked == ["conf-live", "conf-ringing", "conf-gone"]
    with Session(engine) as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "hangup")).all()
    assert [(entry.actor, entry.entity, entry.entity_id) for entry in audit] == [("support", "live_call", "conf-live")]
