"""SIGTERM, SIGHUP and SIGINT end the desktop the way quitting does, so that `app.main`'s clean-up still runs: the
sign-out and the stop of the service the desktop started. Python's default for SIGTERM and SIGHUP ended the process
at once, and that service ran on without anyone to stop it (a session's log-out, a closed terminal, `kill`).

Qt's event loop runs in C++, where Python's own handlers cannot run: the signal's number is written to a socket
(`signal.set_wakeup_fd`) that a QSocketNotifier watches, and the slot it wakes runs in the event loop.
"""

from __future__ import annotations

import signal
import socket
from types import FrameType

from desktop.local_service import STOP_SIGNALS
from desktop.qt import QCoreApplication, QObject, QSocketNotifier, Signal


def _noted(_signum: int, _frame: FrameType | None) -> None:
    """Python's side of the handler: nothing, the wake-up socket carries the number to the event loop."""


class QuitOnSignals(QObject):
    """From construction to `close`: a termination signal emits `received` (the main window closes on it, which
    signs out) and ends every event loop running, a dialog's included, with exit code 128 + the signal's number."""

    received = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signal_number: int | None = None
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, _noted) for number in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        numbers = [number for number in data if number in STOP_SIGNALS]
        if not numbers:
            return
        self.signal_number = numbers[0]
        self.received.emit(self.signal_number)
        QCoreApplication.exit(128 + self.signal_number)

    def close(self) -> None:
        """Give the signals back their earlier handlers."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
