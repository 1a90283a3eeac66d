"""Background work for the GUI, after Anki's `CollectionOp`/`QueryOp`:

    Op(parent, lambda: client.list_accounts()).success(show).failure(complain).run()

`fn` runs in a QThreadPool worker and must not touch Qt; `success`/`failure` run on the GUI thread.
A busy indicator appears only if the work takes longer than `BUSY_DELAY_MS`, so quick calls do not
flicker. The result is dropped if the op was cancelled or its parent widget is gone by then. A worker
cannot be interrupted mid-request; cancelling only means nobody is told about the result.
"""

from __future__ import annotations

import functools
import itertools
import traceback
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from desktop import service_errors
from desktop.qt import (
    QApplication,
    QCoreApplication,
    QMessageBox,
    QObject,
    QProgressDialog,
    Qt,
    QThreadPool,
    QTimer,
    QWidget,
    Signal,
    Slot,
    isValid,
)

T = TypeVar("T")

BUSY_DELAY_MS = 600


class _Relay(QObject):
    """Lives on the GUI thread; workers emit here and the queued connection brings results home.

    Workers know their op only by number: every reference to an op, to its callbacks and to the
    widgets they capture is dropped on the GUI thread. (A Python-owned widget whose last reference
    dies in a worker thread is destroyed there, and Qt crashes.)
    """

    finished = Signal(int, object, object)  # op number, result, exception

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.running: dict[int, Op[Any]] = {}
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, object)
    def _deliver(self, number: int, result: Any, error: Exception | None) -> None:
        op = self.running.pop(number, None)
        if op is not None:
            op._finish(result, error)


_relay: _Relay | None = None
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay  # noqa: PLW0603 - one relay per QApplication, made on first use
    if _relay is None or not isValid(_relay):
        _relay = _Relay()
    return _relay


def _work(relay: _Relay, number: int) -> None:
    """Worker thread: run the op's function and post the outcome; touch no other Qt object."""
    result: Any = None
    error: Exception | None = None
    fn = relay.running[number]._fn  # the op stays in `running` until delivered, so this is never the last ref
    try:
        result = fn()
    except Exception as exc:
        _clear_frames(exc)
        error = exc
    del fn
    relay.finished.emit(number, result, error)


def _clear_frames(error: BaseException) -> None:
    """Drop the locals kept alive by the traceback (they may be widgets; see _Relay)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        current = current.__cause__ or current.__context__


class Op(Generic[T]):
    def __init__(self, parent: QObject, fn: Callable[[], T]) -> None:
        self._parent = parent
        self._fn = fn
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._on_finally: Callable[[], None] | None = None
        self._busy_text: str | None = QCoreApplication.translate("Op", "Working…")
        self._timer: QTimer | None = None
        self._progress: QProgressDialog | None = None
        self._caret: QWidget | None = None  # where the keyboard was when the busy dialog took it
        self._cancelled = False
        self._finished = False

    # --- building --------------------------------------------------------------------------------

    def success(self, callback: Callable[[T], None]) -> Self:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Self:
        """Without one, a failure is shown in a message box over the parent's window."""
        self._on_failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Self:
        """Called after success, failure or cancel (if the parent still exists)."""
        self._on_finally = callback
        return self

    def busy(self, text: str | None) -> Self:
        """Text of the busy dialog shown after BUSY_DELAY_MS; None for background work that shows
        its own progress (table paging)."""
        self._busy_text = text
        return self

    # --- running ---------------------------------------------------------------------------------

    def run(self) -> Self:
        relay = _the_relay()
        number = next(_numbers)
        relay.running[number] = self
        if self._busy_text is not None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_busy)
            self._timer.start(BUSY_DELAY_MS)
        QThreadPool.globalInstance().start(functools.partial(_work, relay, number))
        return self

    def cancel(self) -> None:
        if self._finished or self._cancelled:
            return
        self._cancelled = True
        self._stop_busy()
        self._finally()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def finished(self) -> bool:
        return self._finished

    def _finish(self, result: Any, error: Exception | None) -> None:  # GUI thread
        self._finished = True
        self._stop_busy()
        if self._cancelled or not isValid(self._parent):
            return
        try:
            if error is None:
                if self._on_success is not None:
                    self._on_success(result)
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                show_error(self._parent, error)
        finally:
            self._finally()

    def _finally(self) -> None:
        if self._on_finally is not None and isValid(self._parent):
            self._on_finally()

    # --- busy indicator --------------------------------------------------------------------------

    def _show_busy(self) -> None:
        if self._finished or self._cancelled or not isValid(self._parent):
            return
        window = self._parent.window() if isinstance(self._parent, QWidget) else None
        progress = QProgressDialog(self._busy_text or "", QCoreApplication.translate("Op", "Cancel"), 0, 0, window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        self._caret = QApplication.focusWidget()
        progress.show()
        self._progress = progress

    def _stop_busy(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        progress, self._progress = self._progress, None
        if progress is not None and isValid(progress):
            progress.canceled.disconnect(self.cancel)
            progress.close()
            progress.deleteLater()
            self._give_back_the_keyboard()

    def _give_back_the_keyboard(self) -> None:
        """The caret goes back where the person left it: without this, Enter after a slow save reached nothing
        (the dialog was no longer the active window once the busy dialog closed)."""
        caret, self._caret = self._caret, None
        if caret is not None and isValid(caret) and caret.isVisible() and caret.isEnabled():
            caret.window().activateWindow()
            caret.setFocus(Qt.FocusReason.OtherFocusReason)


def error_text(error: Exception) -> str:
    """What to tell the user: the service's refusal in the user's language and the desktop's terms
    (`desktop.service_errors`), our words when it cannot be reached."""
    return service_errors.error_text(error)


def show_error(parent: QObject, error: Exception) -> None:
    """A non-blocking warning box with `error_text(error)`."""
    window = parent.window() if isinstance(parent, QWidget) else None
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Op", "Carrierdesk"),
                      error_text(error), QMessageBox.StandardButton.Ok, window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
