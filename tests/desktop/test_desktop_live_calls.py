"""The Live calls page against the real service: a call in progress in the store is listed, calls published on the
service's event bus appear, tick and disappear row by row, hangup on a service without a switch says why not, and
support sees no carrier."""

from __future__ import annotations

import datetime as dt
import socket
from decimal import Decimal
from pathlib import Path

from desk_harness import PASSWORD, WAIT_MS, LiveService, call_event, start_live_page
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.api_client import ApiClient
from desktop.live_stream import LiveStream
from desktop.pages.live_calls import (
    COL_ACCOUNT,
    COL_CARRIER,
    COL_DURATION,
    COL_LEFT,
    COL_NODE,
    COL_RATE,
    COL_STATE,
    LiveCallsPage,
)
from desktop.qt import QMessageBox
from switch_service.api.schemas import AccountCreate
from switch_service.events import CallEventKind
from switch_service.store.engine import make_engine
from switch_service.store.models import LiveCall


def _page(qtbot: QtBot, service: LiveService, stream: LiveStream, username: str = "admin") -> LiveCallsPage:
    page = LiveCallsPage(stream)
    start_live_page(qtbot, service, stream, page, username)
    return page


def _cells(page: LiveCallsPage, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _account(service: LiveService) -> int:
    client = ApiClient(service.url)
    client.login("admin", PASSWORD)
    return client.create_account(AccountCreate(number="1001", name="Live customer")).id


def test_a_call_appears_ticks_and_goes_away(qtbot: QtBot, live_service: LiveService, live_stream: LiveStream) -> None:
    account_id = _account(live_service)
    page = _page(qtbot, live_service, live_stream)
    qtbot.waitUntil(lambda: page.status_label.text() == "No calls in progress. Calls appear here as they start.",
                    timeout=WAIT_MS)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    bus = live_service.live.bus

    bus.publish(call_event(CallEventKind.STARTED, account_id=account_id))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert _cells(page, 0) == ["13055550101"] and _cells(page, 1) == ["525512345678"]
    assert _cells(page, COL_STATE) == ["Ringing"]
    qtbot.waitUntil(lambda: _cells(page, COL_ACCOUNT) == ["1001"], timeout=WAIT_MS)
    assert page.model.data(page.model.index(0, COL_RATE)) == "$0.045"
    assert not page.table.isColumnHidden(COL_CARRIER)

    ticks: list[int] = []  # listening before the answer: on a slow machine the first tick comes before the check
    page.model.dataChanged.connect(lambda first, last, _roles=(): ticks.append(first.column()))
    bus.publish(call_event(CallEventKind.ANSWERED, account_id=account_id))
    qtbot.waitUntil(lambda: _cells(page, COL_STATE) == ["Talking"], timeout=WAIT_MS)
    assert _cells(page, COL_LEFT) == ["1:00:00"]
    qtbot.waitUntil(lambda: _cells(page, COL_DURATION) == ["0:01"] and _cells(page, COL_LEFT) == ["59:59"],
                    timeout=WAIT_MS)
    assert COL_DURATION in ticks  # the ticking columns are redrawn by dataChanged

    bus.publish(call_event(CallEventKind.ENDED, account_id=account_id, duration_s=1.5, cause="normal-clearing"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT_MS)
    assert resets == []  # row by row, never a full reset
    assert page.status_label.text() == "No calls in progress. Calls appear here as they start."


def _seconds(shown: str) -> int:
    """'1:05' or '1:00:00' as seconds."""
    total = 0
    for part in shown.split(":"):
        total = total * 60 + int(part)
    return total


def test_calls_in_progress_are_listed_from_the_store(qtbot: QtBot, live_service: LiveService, tmp_path: Path,
                                                     live_stream: LiveStream) -> None:
    account_id = _account(live_service)
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")
    answered = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=65)
    with Session(engine) as session:
        session.add(LiveCall(call_id="conf-store", account_id=account_id, caller="4420794600", destination="3312345",
                             state="answered", sell_rate=Decimal("0.02"), codec="G729", max_duration_s=600,
                             started_at=answered - dt.timedelta(seconds=5), answered_at=answered, node="node-b"))
        session.commit()
    engine.dispose()
    page = _page(qtbot, live_service, live_stream)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.status_label.text().startswith("1 call")
    assert _cells(page, 0) == ["4420794600"] and _cells(page, COL_STATE) == ["Talking"]
    shown, now = _seconds(_cells(page, COL_DURATION)[0]), dt.datetime.now(dt.UTC)
    assert 65 <= shown <= (now - answered).total_seconds() + 1  # talking since it was answered, however slow this is
    assert shown + _seconds(_cells(page, COL_LEFT)[0]) in (599, 600, 601)  # the rest of its 600 s
    assert _cells(page, COL_NODE) == ["node-b"]  # a call of another node of the cluster, from the shared store

    bus = live_service.live.bus
    bus.publish(call_event(CallEventKind.ENDED, n=9, duration_s=1.0))  # another call: nothing changes here
    bus.publish(call_event(CallEventKind.STARTED, n=2))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    assert _cells(page, COL_NODE) == ["node-b", socket.gethostname()]  # an event: a call of this API's own node


def test_hang_up_without_a_switch_shows_the_services_reason(qtbot: QtBot, live_service: LiveService,
                                                            live_stream: LiveStream) -> None:
    page = _page(qtbot, live_service, live_stream)
    assert not page.hangup_button.isEnabled()
    live_service.live.bus.publish(call_event(CallEventKind.STARTED))
    live_service.live.bus.publish(call_event(CallEventKind.ANSWERED))
    qtbot.waitUntil(lambda: _cells(page, COL_STATE) == ["Talking"], timeout=WAIT_MS)
    page.table.selectRow(0)
    assert page.hangup_button.isEnabled()
    box = page.hang_up_selected()
    assert box is not None and "13055550101" in box.text()
    [hang_up] = [button for button in box.buttons()
                 if box.buttonRole(button) is QMessageBox.ButtonRole.DestructiveRole]
    hang_up.click()
    qtbot.waitUntil(page.message_label.isVisible, timeout=WAIT_MS)
    assert page.message_label.text() == ("The call was not hung up: "
                                         "this service runs no SIP switch, so it cannot hang up calls")
    assert page.model.rowCount() == 1


def test_support_sees_no_carrier(qtbot: QtBot, live_service: LiveService, live_stream: LiveStream) -> None:
    page = _page(qtbot, live_service, live_stream, "support")
    assert page.table.isColumnHidden(COL_CARRIER)
    assert not page.hangup_button.isHidden()
    live_service.live.bus.publish(call_event(CallEventKind.STARTED))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.model.calls[0].carrier_id is None  # the service sent none
