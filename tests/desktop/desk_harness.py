"""What the desktop tests share besides fixtures (imported by bare name, like tests/api/api_harness.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from sqlalchemy.orm import Session
from worker_ports import service_ports

from switch_service.api.live import LiveCalls
from switch_service.config import settings
from switch_service.events import CallEvent, CallEventKind
from switch_service.store.engine import make_engine
from switch_service.store.models import Cdr

# how long a test waits for the desktop to show something: it returns as soon as it does, so a loaded CI machine
# costs no time where a quiet one passes (one value for every desktop test)
WAIT_MS = 15_000

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from desktop.live_stream import LiveStream
    from desktop.qt import QComboBox, QFileDialog, QMessageBox, QWidget
    from desktop.session import DeskSession
    from desktop.start_up import StartUp

PASSWORD = "desk password 1"


@dataclass(frozen=True)
class LiveService:
    url: str
    port: int
    live: LiveCalls  # the service's call events (publish on live.bus) and counters


def configure_this_computer(folder: Path, monkeypatch: pytest.MonkeyPatch, api_port: int, **options: Any) -> str:
    """This computer's config (free ports, a data folder of its own; `options` on top) as `carrier-switch config
    set` writes it; the API's URL."""
    config_dir, data_dir = folder / "service-config", folder / "service-data"
    settings.save({"api_host": "127.0.0.1", "sip_host": "127.0.0.1", **service_ports(), "api_port": api_port,
                   "radius_processes": 0, "log_level": "WARNING", **options}, config_dir / "config.toml")
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CARRIERDESK_DB_URL", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # secrets to a file in config_dir
    return f"http://127.0.0.1:{api_port}"


def call_event(kind: CallEventKind, n: int = 1, account_id: int | None = None, **extra: Any) -> CallEvent:
    """A call event as the switch publishes it (publish it on `LiveService.live.bus`)."""
    return CallEvent(kind=kind, call_id=f"sip-{n}@caller", session_id=f"conf-{n}", caller="13055550101",
                     destination="525512345678", account_id=account_id, carrier_id=7, sell_rate=Decimal("0.045"),
                     started_at=dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC), talk_time_left_s=3600, codec="PCMU",
                     **extra)


def add_cdrs(tmp_path: Path, cdrs: list[Cdr]) -> None:
    """Write call records into the `live_service` fixture's database (as the switch does when calls end)."""
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")
    with Session(engine) as session:
        session.add_all(cdrs)
        session.commit()
    engine.dispose()


def cdr(n: int, *, account_id: int | None, destination: str = "525512345678", result: str = "answered",
        duration_s: int = 60, price: str = "1.50", cost: str = "0.90", started_at: dt.datetime | None = None) -> Cdr:
    """A call record of the `n`th call, answered for `duration_s` unless `result` says otherwise."""
    started = started_at or dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=n)
    answered = result == "answered"
    return Cdr(call_id=f"conf-{n}", account_id=account_id, caller="13055550101", destination=destination,
               started_at=started, answered_at=started if answered else None,
               ended_at=started + dt.timedelta(seconds=duration_s if answered else 5),
               duration_s=duration_s if answered else 0, billed_s=duration_s if answered else 0,
               sell_rate=Decimal("1.5"), price=Decimal(price) if answered else Decimal(0),
               cost=Decimal(cost) if answered else Decimal(0),
               margin=Decimal(price) - Decimal(cost) if answered else Decimal(0), result=result)


class LivePage(Protocol):
    def set_session(self, session: DeskSession) -> None: ...


def start_live_page(qtbot: QtBot, service: LiveService, stream: LiveStream, page: QWidget,
                    username: str = "admin") -> DeskSession:
    """Sign in, give the page (which listens to `stream`) the session, start the stream, show the page."""
    from desktop.session import sign_in  # Qt: after conftest chose the offscreen platform

    qtbot.addWidget(page)
    page.resize(1100, 700)
    session = sign_in(service.url, username, PASSWORD)
    cast(LivePage, page).set_session(session)
    with qtbot.waitSignal(stream.connection_changed, timeout=10_000):
        stream.start(session.client)
    page.show()
    return session


def start_up_watched(url: str, look: Callable[[QWidget], None]) -> StartUp:
    """`start_up(url)` as the desktop runs it (blocking, before any window), `look` given the window it shows
    (the active modal one) every 100 ms: where a test answers the start-up's windows."""
    from desktop.qt import QApplication, QTimer
    from desktop.start_up import start_up

    def peek() -> None:
        window = QApplication.activeModalWidget()
        if window is not None:
            look(window)

    watchdog = QTimer()
    watchdog.timeout.connect(peek)
    watchdog.start(100)
    try:
        return start_up(url)
    finally:
        watchdog.stop()


def press(qtbot: QtBot, *keys: str | Any) -> None:
    """Type as a person does: each text or key (a `Qt.Key`) goes to whatever has the keyboard focus at that moment,
    so Tab really moves on and Enter reaches the widget a person's Enter would."""
    from desktop.qt import QApplication

    for key in keys:
        # a loaded machine may hand the focus back a moment late (a window activated, a list reloaded): a person
        # waits for the caret before typing, and so does this
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT_MS)
        widget = QApplication.focusWidget()
        assert widget is not None, f"nothing has the keyboard focus for {key!r}"
        if isinstance(key, str):
            qtbot.keyClicks(widget, key)
        else:
            qtbot.keyClick(widget, key)


def active(qtbot: QtBot, window: QWidget) -> None:
    """Wait until `window` (shown) is the active window and one of its widgets has the keyboard focus."""
    from desktop.qt import QApplication

    def focused() -> bool:
        focus = QApplication.focusWidget()
        return window.isActiveWindow() and focus is not None and (focus is window or window.isAncestorOf(focus))

    window.activateWindow()
    qtbot.waitUntil(focused, timeout=WAIT_MS)


def agree(qtbot: QtBot, box: QMessageBox | None) -> None:
    """Answer a confirmation as a person does from the keyboard: focus its destructive button, press Space."""
    from desktop.qt import QMessageBox as Box  # Qt: after conftest chose the offscreen platform
    from desktop.qt import Qt

    assert box is not None
    [button] = [b for b in box.buttons() if box.buttonRole(b) == Box.ButtonRole.DestructiveRole]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


# --- what a person does with the keyboard ----------------------------------------------------------------



def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what the field holds with `text`, typed (Ctrl+A, then the keys)."""
    from desktop.qt import Qt

    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def press_enter(qtbot: QtBot, widget: QWidget) -> None:
    from desktop.qt import Qt

    qtbot.keyClick(widget, Qt.Key.Key_Return)


def choose_file(qtbot: QtBot, chooser: QFileDialog, path: Path) -> None:
    """Type the whole path into the chooser's file name field and press Enter, as a person does: the first Enter
    may only close the list of matching names that opened under the field while typing."""
    from shiboken6 import isValid

    from desktop.qt import QLineEdit

    def closed() -> bool:
        return not isValid(chooser) or not chooser.isVisible()

    name_field = chooser.findChild(QLineEdit, "fileNameEdit")
    assert name_field is not None, "the chooser has no file name field"
    type_into(qtbot, name_field, str(path))
    press_enter(qtbot, name_field)
    if not closed():
        press_enter(qtbot, name_field)
    qtbot.waitUntil(closed, timeout=WAIT_MS)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Arrow keys in a combo box (a lookup's pages load meanwhile) until it shows `text`."""
    from desktop.qt import Qt

    qtbot.waitUntil(lambda: combo.findText(text) >= 0, timeout=WAIT_MS)
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.currentIndex() < combo.findText(text) else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text
