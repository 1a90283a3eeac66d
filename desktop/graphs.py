"""The desktop's graphs: the only module that imports pyqtgraph (after desktop.qt, so it uses PySide6).

A `TimeSeries` keeps its points in a ring buffer (bounded memory however long the window stays open) and
draws them against wall-clock time; a `BarChart` draws one bar per labelled category.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence

from desktop.qt import QWidget

import pyqtgraph as pg  # isort: skip - after desktop.qt, so pyqtgraph picks PySide6

RING_POINTS = 900  # a quarter of an hour at one point a second
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


class TimeSeries:
    """One curve over time; `add(value)` appends a point now, the oldest falls off past `capacity`."""

    def __init__(self, title: str, left: str, parent: QWidget | None = None, *, capacity: int = RING_POINTS) -> None:
        self.widget = _plot(parent, title, left)
        self.widget.setAxisItems({"bottom": pg.DateAxisItem()})
        self.widget.setYRange(0, 1)
        self.widget.enableAutoRange(axis="y")
        self.widget.setLimits(yMin=0)  # counts and rates are never negative, even when all points are 0
        self._times: deque[float] = deque(maxlen=capacity)
        self._values: deque[float] = deque(maxlen=capacity)
        # stepMode "left": a value holds until the next point (a count of calls does not slope)
        self._curve = self.widget.plot(pen=pg.mkPen(LINE_COLOR, width=2), stepMode="left")

    def add(self, value: float, at: float | None = None) -> None:
        self._times.append(time.time() if at is None else at)
        self._values.append(value)
        self._curve.setData(list(self._times), list(self._values))

    def clear(self) -> None:
        self._times.clear()
        self._values.clear()
        self._curve.setData([], [])

    @property
    def values(self) -> list[float]:
        return list(self._values)

    @property
    def capacity(self) -> int:
        return self._values.maxlen or 0


class BarChart:
    """Bars over named categories; `show(labels, values)` replaces them all."""

    def __init__(self, title: str, left: str, parent: QWidget | None = None) -> None:
        self.widget = _plot(parent, title, left)
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
        self.widget.enableAutoRange()
