"""A fake clock for the SIP state machines: timers fire when the test advances it (no sleeping, no loop)."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self._queue: list[tuple[float, int, _Handle]] = []
        self._seq = itertools.count()

    def call_later(self, delay: float, callback: Callable[[], None]) -> _Handle:
        handle = _Handle(callback)
        heapq.heappush(self._queue, (self.now + delay, next(self._seq), handle))
        return handle

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while self._queue and self._queue[0][0] <= end:
            when, _, handle = heapq.heappop(self._queue)
            self.now = when
            if not handle.cancelled:
                handle.callback()
        self.now = end


class _Handle:
    def __init__(self, callback: Callable[[], None]) -> None:
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True
