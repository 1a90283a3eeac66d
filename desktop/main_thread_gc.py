"""Python's cyclic garbage collector, run only on the GUI thread.

Left automatic, the collector runs in whichever thread happens to allocate, often an op's worker.
If it then frees the last reference to a Python-owned widget (dialogs and their signal lambdas form
cycles), Qt destroys the widget off the GUI thread and the process crashes later, far from the cause.
Anki and other PyQt/PySide applications do the same: disable the automatic collector and collect on a
GUI timer.
"""

from __future__ import annotations

import gc

from desktop.qt import QObject, QTimer

INTERVAL_MS = 2000


class MainThreadGarbageCollector(QObject):
    """Create it on the GUI thread (child of the QApplication); `stop()` restores the automatic collector."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds, as gc would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._threshold[generation]:
                gc.collect(generation)
                return

    def collect(self) -> None:
        gc.collect()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
