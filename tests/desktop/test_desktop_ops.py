"""The op runner: results on the GUI thread, late busy indicator (and the caret given back after it), cancel, and
a vanished parent."""

from __future__ import annotations

import threading
import time

import pytest
from desk_harness import WAIT_MS
from pytestqt.qtbot import QtBot

from desktop import ops
from desktop.ops import Op
from desktop.qt import QApplication, QLineEdit, QProgressDialog, QVBoxLayout, QWidget


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_success_and_failure_arrive_on_the_gui_thread(qtbot: QtBot, parent: QWidget) -> None:
    seen: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()
    worker: list[threading.Thread] = []

    def work() -> int:
        worker.append(threading.current_thread())
        return 42

    def fail() -> int:
        raise ValueError("no luck")

    Op(parent, work).success(lambda v: seen.append(("ok", v, threading.current_thread() is gui))).run()
    (Op(parent, fail)
     .failure(lambda e: seen.append(("failed", str(e), threading.current_thread() is gui)))
     .run())
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_MS)
    assert sorted(seen) == [("failed", "no luck", True), ("ok", 42, True)]
    assert worker and worker[0] is not gui


def test_busy_indicator_only_for_slow_work(qtbot: QtBot, parent: QWidget,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ops, "BUSY_DELAY_MS", 100)
    done: list[str] = []
    Op(parent, lambda: "quick").busy("Quick…").success(done.append).run()
    qtbot.waitUntil(lambda: done == ["quick"], timeout=WAIT_MS)
    qtbot.wait(200)
    assert parent.findChildren(QProgressDialog) == []

    Op(parent, lambda: time.sleep(0.6) or "slow").busy("Slow…").success(done.append).run()
    qtbot.waitUntil(lambda: any(p.isVisible() for p in parent.findChildren(QProgressDialog)), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: done == ["quick", "slow"], timeout=WAIT_MS)
    assert not any(p.isVisible() for p in parent.findChildren(QProgressDialog))


def test_the_caret_is_back_in_its_field_after_a_slow_save(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A person presses Enter in a field, the save is slow enough for the busy dialog, then types on: the keys must
    reach the same field (they reached nothing once the busy dialog had closed)."""
    monkeypatch.setattr(ops, "BUSY_DELAY_MS", 100)
    form = QWidget()
    qtbot.addWidget(form)
    field = QLineEdit(form)
    QVBoxLayout(form).addWidget(field)
    form.show()
    form.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    done: list[str] = []
    Op(field, lambda: time.sleep(0.6) or "saved").busy("Saving…").success(done.append).run()
    qtbot.waitUntil(lambda: any(p.isVisible() for p in form.findChildren(QProgressDialog)), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: done == ["saved"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=WAIT_MS)
    qtbot.keyClicks(QApplication.focusWidget(), "25.50")
    assert field.text() == "25.50"


def test_cancel_drops_the_result(qtbot: QtBot, parent: QWidget) -> None:
    release = threading.Event()
    seen: list[str] = []
    op = (Op(parent, lambda: release.wait(5) and "late")
          .success(seen.append).failure(lambda e: seen.append("failed")).finally_(lambda: seen.append("finally"))
          .busy(None).run())
    op.cancel()
    assert op.cancelled
    release.set()
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT_MS)
    assert seen == ["finally"]


def test_result_for_a_destroyed_parent_is_dropped(qtbot: QtBot) -> None:
    release = threading.Event()
    seen: list[str] = []
    widget = QWidget()
    op = Op(widget, lambda: release.wait(5) and "late").success(seen.append).busy(None).run()
    widget.deleteLater()
    qtbot.wait(50)  # processes the deferred delete
    release.set()
    qtbot.waitUntil(lambda: op.finished, timeout=WAIT_MS)
    assert seen == []
