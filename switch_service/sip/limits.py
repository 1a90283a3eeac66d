"""Per-source-IP flood limit: a token bucket per address; over the limit the datagram is dropped and logged
(one line per address per second, with the count), so a flood cannot fill the log either."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class FloodLimiter:
    def __init__(self, rate_per_s: float, burst: float | None = None,
                 clock: Callable[[], float] = time.monotonic, max_sources: int = 100_000) -> None:
        self.rate = rate_per_s
        self.burst = burst if burst is not None else rate_per_s
        self.clock = clock
        self.max_sources = max_sources
        self._buckets: dict[str, tuple[float, float]] = {}
        self._dropped_since_log: dict[str, int] = {}
        self._last_log: dict[str, float] = {}
        self.dropped = 0

    def allow(self, source: str) -> bool:
        now = self.clock()
        tokens, stamp = self._buckets.get(source, (self.burst, now))
        tokens = min(self.burst, tokens + (now - stamp) * self.rate)
        if tokens >= 1.0:
            if len(self._buckets) >= self.max_sources and source not in self._buckets:
                self._buckets.clear()  # bounded memory under a spoofed-source flood
            self._buckets[source] = (tokens - 1.0, now)
            return True
        self._buckets[source] = (tokens, now)
        self.dropped += 1
        self._dropped_since_log[source] = self._dropped_since_log.get(source, 0) + 1
        if now - self._last_log.get(source, -1e9) >= 1.0:
            log.warning("flood limit: dropped %d message(s) from %s (limit %.0f/s)",
                        self._dropped_since_log.pop(source), source, self.rate)
            self._last_log[source] = now
        return False
