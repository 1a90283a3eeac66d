"""The Live calls page shows callers in the IVR against the real service: a session another node keeps in the store
is listed with its stage, one heard on the event stream appears, changes stage, names its account once the IVR knows
it, is set in italics apart from bridged calls, becomes the bridged call when handed on, and goes when it ends."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desk_harness import PASSWORD, WAIT_MS, LiveService, start_live_page
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.api_client import ApiClient
from desktop.live_stream import LiveStream
from desktop.pages.live_calls import COL_ACCOUNT, COL_DESTINATION, COL_NODE, COL_STATE, LiveCallsPage
from desktop.qt import Qt
from switch_service.api.schemas import AccountCreate
from switch_service.events import CallEvent, CallEventKind
from switch_service.store.engine import make_engine
from switch_service.store.models import LiveCall
from switch_service.store.repositories.live_ivr import IVR_STATE, row_key

ACCESS_NUMBER = "18005550100"
CALLER = "442079460000"


def _status(page: LiveCallsPage) -> tuple[str, str]:
    """The status line's counts: (calls, callers in the IVR), as "2 call" and "1 caller", whether or not the
    English catalogue (`make translations`) turned "call(s)" into "call" or "calls"."""
    calls, _, ivr = page.status_label.text().partition(" · ")
    return _count(calls), _count(ivr)


def _count(part: str) -> str:
    """"1 caller in the IVR", "2 callers in the IVR" or "2 caller(s) in the IVR" -> "1 caller" / "2 caller";
    "" (no callers in the IVR are not named) -> ""."""
    if not part:
        return ""
    match = re.match(r"(\d+ \w+?)(?:\(s\)|s)? ", part)
    assert match is not None, part
    return match.group(1)


def _cells(page: LiveCallsPage, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _ivr_event(kind: CallEventKind, stage: str | None = None, account_id: int | None = None) -> CallEvent:
    """An IVR leg's event as the switch publishes it (call_control/ivr_sessions.py, controller.py)."""
    return CallEvent(kind=kind, call_id="sip-ivr@caller", session_id="conf-ivr", caller=CALLER,
                     destination="15557654321" if kind is CallEventKind.STARTED else "", account_id=account_id,
                     started_at=dt.datetime.now(dt.UTC), did=ACCESS_NUMBER if kind is CallEventKind.IVR else None,
                     ivr_stage=stage, ivr_worker=1 if kind is CallEventKind.IVR else None)


def test_callers_in_the_ivr_show_their_stage_and_leave(qtbot: QtBot, live_service: LiveService, tmp_path: Path,
                                                       live_stream: LiveStream) -> None:
    client = ApiClient(live_service.url)
    client.login("admin", PASSWORD)
    account_id = client.create_account(AccountCreate(number="2002", name="Card account")).id
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")
    now = dt.datetime.now(dt.UTC)
    with Session(engine) as session:  # a caller in another node's IVR, as that node keeps it
        session.add(LiveCall(call_id=row_key("conf-other"), caller="13055550199", destination="",
                             did=ACCESS_NUMBER, state=IVR_STATE, ivr_stage="language", ivr_worker=2, started_at=now,
                             last_seen_at=now, node="node-b"))
        session.commit()
    engine.dispose()
    page = LiveCallsPage(live_stream)
    start_live_page(qtbot, live_service, live_stream, page, "admin")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert _cells(page, COL_STATE) == ["In the IVR: language menu"]
    assert _cells(page, COL_DESTINATION) == [ACCESS_NUMBER] and _cells(page, COL_NODE) == ["node-b"]
    assert _status(page) == ("0 call", "1 caller")

    bus = live_service.live.bus
    bus.publish(_ivr_event(CallEventKind.IVR))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    assert _cells(page, COL_STATE)[1] == "In the IVR: answering"
    bus.publish(_ivr_event(CallEventKind.IVR, "pin"))
    qtbot.waitUntil(lambda: _cells(page, COL_STATE)[1] == "In the IVR: PIN entry", timeout=WAIT_MS)
    bus.publish(_ivr_event(CallEventKind.IVR, "destination", account_id))
    qtbot.waitUntil(lambda: _cells(page, COL_STATE)[1] == "In the IVR: destination entry", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _cells(page, COL_ACCOUNT)[1] == "2002", timeout=WAIT_MS)  # the card's account
    header = page.table.horizontalHeader()  # the longer stage still fits: the column grew, no "In the IVR: de…"
    assert header.sectionSize(COL_STATE) >= page.table.sizeHintForColumn(COL_STATE)
    italic = page.model.data(page.model.index(1, COL_STATE), Qt.ItemDataRole.FontRole)
    assert italic is not None and italic.italic()  # told apart from bridged calls
    assert _status(page) == ("0 call", "2 caller")

    page.table.selectRow(1)
    box = page.hang_up_selected()
    assert box is not None and f"Hang up the caller {CALLER} in the IVR of {ACCESS_NUMBER}?" in box.text()
    box.close()

    bus.publish(_ivr_event(CallEventKind.STARTED, account_id=account_id))  # handed on: the bridged call
    qtbot.waitUntil(lambda: _cells(page, COL_STATE)[1] == "Ringing", timeout=WAIT_MS)
    assert _cells(page, COL_DESTINATION)[1] == "15557654321"
    assert page.model.data(page.model.index(1, COL_STATE), Qt.ItemDataRole.FontRole) is None
    assert _status(page) == ("1 call", "1 caller")

    bus.publish(CallEvent(kind=CallEventKind.ENDED, call_id="sip-other@caller", session_id="conf-other",
                          caller="13055550199", destination=""))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert _status(page) == ("1 call", "")
