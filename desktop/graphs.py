"""The desktop's graphs: the only module that imports pyqtgraph (after desktop.qt, so it uses PySide6).

A `TimeSeries` keeps its points in a ring buffer (bounded memory however long the window stays open) and
draws them against wall-clock time, the axis reading clock times (14:05:30) from the first second, over at least
the last minute. It redraws at most every REDRAW_MS however many points come (a busy switch sends dozens of events
a second, and a redraw per event kept the GUI thread busy). A `BarChart` draws one bar per labelled category on a
fixed scale (ASR: 0–100 %), so one bar alone still reads as the percentage it is.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from typing import Any

from desktop.qt import QTimer, QWidget

import pyqtgraph as pg  # isort: skip - after desktop.qt, so pyqtgraph picks PySide6

RING_POINTS = 900  # a quarter of an hour at one point a second
REDRAW_MS = 250
MIN_SPAN_S = 60.0  # the time axis shows at least the last minute
MIN_BAR_SLOTS = 4  # room for this many bars, so a single one is not stretched over the whole plot
# seconds between ticks the clock axis may use: whole seconds, minutes and hours, never fractions
_CLOCK_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)
LINE_COLOR = "#1565c0"
BAR_COLOR = "#2e7d32"


def _plot(parent: QWidget | None, title: str, left: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(parent, background="w")
    widget.setTitle(title, color="#333")
    widget.setLabel("left", left)
    widget.showGrid(x=True, y=True, alpha=0.2)
    widget.setMouseEnabled(x=False, y=False)
    widget.hideButtons()
    widget.setMinimumHeight(160)
    widget.getAxis("left").enableAutoSIPrefix(False)  # 0.3 calls/s, not "300 (x0.001)"
    return widget


class ClockAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type hints
    """A time axis in this computer's local clock time: ticks on whole seconds, minutes or hours."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:  # noqa: N802, N803
        span = max(maxVal - minVal, 1.0)
        wanted = span / max(2.0, size / 90)  # about one label per 90 pixels
        major = next((step for step in _CLOCK_STEPS if step >= wanted), _CLOCK_STEPS[-1])
        minor = next((step for step in reversed(_CLOCK_STEPS) if step <= major / 4), 1)
        return [(float(major), 0.0), (float(minor), 0.0)]

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802, N803
        """Ticks on round clock times of the local zone (a minute tick on :00, not every 60 s since 1970)."""
        offset = time.localtime(minVal).tm_gmtoff
        ticks = []
        for spacing, _ in self.tickSpacing(minVal, maxVal, size):
            first = (int(minVal + offset) // int(spacing) + 1) * int(spacing) - offset
            values = [first + n * spacing for n in range(int((maxVal - first) // spacing) + 1)]
            ticks.append((spacing, [value for value in values if minVal <= value <= maxVal]))
        return ticks

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        pattern = "%H:%M:%S" if spacing < 60 else "%H:%M"
        return [time.strftime(pattern, time.localtime(value)) for value in values]


class TimeSeries:
    """One curve over time; `add(value)` appends a point now (drawn within REDRAW_MS), the oldest falls off past
    `capacity`."""

    def __init__(self, title: str, left: str, parent: QWidget | None = None, *, capacity: int = RING_POINTS) -> None:
        self.widget = _plot(parent, title, left)
        self.widget.setAxisItems({"bottom": ClockAxis(orientation="bottom")})
        self.widget.setYRange(0, 1)
        self.widget.enableAutoRange(axis="y")
        self.widget.setLimits(yMin=0)  # counts and rates are never negative, even when all points are 0
        self._times: deque[float] = deque(maxlen=capacity)
        self._values: deque[float] = deque(maxlen=capacity)
        # stepMode "left": a value holds until the next point (a count of calls does not slope)
        self._curve = self.widget.plot(pen=pg.mkPen(LINE_COLOR, width=2), stepMode="left")
        self._redraw = QTimer(self.widget)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.draw)
        self.redraws = 0

    def add(self, value: float, at: float | None = None) -> None:
        self._times.append(time.time() if at is None else at)
        self._values.append(value)
        if not self._redraw.isActive():
            self._redraw.start()

    def draw(self) -> None:
        """Show the points now (the timer calls it; a test may too)."""
        self._redraw.stop()
        self.redraws += 1
        times = list(self._times)
        if not times:
            self._curve.setData([], [])
            return
        now = max(times[-1], time.time())
        values = list(self._values)
        self._curve.setData([*times, now], [*values, values[-1]])  # the last value holds until now
        self.widget.setXRange(min(times[0], now - MIN_SPAN_S), now, padding=0)

    def clear(self) -> None:
        self._times.clear()
        self._values.clear()
        self.draw()

    def tick_labels(self) -> list[str]:
        """The labels the time axis shows now (what a person reads under the graph)."""
        axis: Any = self.widget.getAxis("bottom")
        low, high = self.widget.viewRange()[0]
        size = max(axis.width(), 400.0)
        return [label for spacing, values in axis.tickValues(low, high, size)[:1]
                for label in axis.tickStrings(values, 1.0, spacing)]

    @property
    def values(self) -> list[float]:
        return list(self._values)

    @property
    def capacity(self) -> int:
        return self._values.maxlen or 0


class BarChart:
    """Bars over named categories; `show(labels, values)` replaces them all."""

    def __init__(self, title: str, left: str, parent: QWidget | None = None, *, scale: float | None = None) -> None:
        self.widget = _plot(parent, title, left)
        self.scale = scale  # the y axis runs 0..scale (100 for percentages); None: as the values need
        self._bars: pg.BarGraphItem | None = None
        self.labels: list[str] = []
        self.values: list[float] = []

    def set_title(self, title: str, left: str) -> None:
        self.widget.setTitle(title, color="#333")
        self.widget.setLabel("left", left)

    def show(self, labels: Sequence[str], values: Sequence[float]) -> None:
        self.labels, self.values = list(labels), list(values)
        if self._bars is not None:
            self.widget.removeItem(self._bars)
            self._bars = None
        positions = list(range(len(values)))
        if values:
            self._bars = pg.BarGraphItem(x=positions, height=self.values, width=0.6, brush=BAR_COLOR)
            self.widget.addItem(self._bars)
        self.widget.getAxis("bottom").setTicks([list(zip(positions, self.labels, strict=True))])
        if self.scale is not None:  # a fixed scale: one bar alone keeps its meaning
            self.widget.setYRange(0, self.scale, padding=0.02)
            self.widget.setXRange(-0.5, max(len(values), MIN_BAR_SLOTS) - 0.5, padding=0)
        else:
            self.widget.enableAutoRange()
