"""Circuit breaker per carrier: a carrier that keeps failing is taken out of routing, and an OPTIONS success
brings it back.

States and events (the SIP engine reports the events; the clock is injected, so tests drive time):
- UP: `record_failure` keeps the failures of the last `window`; the `threshold`-th one within it opens the breaker:
  DOWN until now + `down_for`. `record_success` (an answered or callee-final call) clears the failures.
- DOWN: not routable. OPTIONS successes are ignored while the down time runs: an overloaded carrier often
  answers OPTIONS while failing INVITEs, and must not flap straight back.
- After `down_for`: PROBING, still not routable; the first `options_up` closes the breaker (UP, no failures). A
  failure while probing opens it again for another `down_for`.
`down_until(carrier)` is what the store keeps in `Carrier.down_until` so a restart keeps the carrier out.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum


class BreakerState(StrEnum):
    UP = "up"
    DOWN = "down"
    PROBING = "probing"  # down time over, waiting for an OPTIONS success


@dataclass
class _Carrier:
    failures: deque[datetime] = field(default_factory=deque)
    down_until: datetime | None = None


def _utcnow() -> datetime:
    return datetime.now(UTC)


class CircuitBreaker:
    def __init__(self, *, threshold: int = 5, window: timedelta = timedelta(seconds=60),
                 down_for: timedelta = timedelta(seconds=300), clock: Callable[[], datetime] = _utcnow) -> None:
        if threshold < 1:
            raise ValueError("threshold must be at least 1")
        if window <= timedelta(0) or down_for < timedelta(0):
            raise ValueError("window must be positive and down time not negative")
        self.threshold = threshold
        self.window = window
        self.down_for = down_for
        self._clock = clock
        self._carriers: dict[int, _Carrier] = {}

    def _get(self, carrier_id: int) -> _Carrier:
        entry = self._carriers.get(carrier_id)
        if entry is None:
            entry = self._carriers[carrier_id] = _Carrier()
        return entry

    def state(self, carrier_id: int) -> BreakerState:
        entry = self._carriers.get(carrier_id)
        if entry is None or entry.down_until is None:
            return BreakerState.UP
        return BreakerState.DOWN if self._clock() < entry.down_until else BreakerState.PROBING

    def is_down(self, carrier_id: int) -> bool:
        return self.state(carrier_id) is not BreakerState.UP

    def down_until(self, carrier_id: int) -> datetime | None:
        """End of the down time of an open breaker (also while probing), None when up."""
        entry = self._carriers.get(carrier_id)
        return entry.down_until if entry is not None else None

    def down_carriers(self) -> frozenset[int]:
        """The carriers routing must skip now (for `RoutingState.down`)."""
        return frozenset(carrier_id for carrier_id in self._carriers if self.is_down(carrier_id))

    def restore(self, carrier_id: int, down_until: datetime | None) -> None:
        """Load the persisted `Carrier.down_until` at start."""
        self._get(carrier_id).down_until = down_until

    def record_failure(self, carrier_id: int) -> bool:
        """A failed attempt (a failover code, see failover.py). Returns True when this failure opened the breaker."""
        now = self._clock()
        entry = self._get(carrier_id)
        state = self.state(carrier_id)
        if state is BreakerState.DOWN:
            return False
        if state is BreakerState.PROBING:
            entry.down_until = now + self.down_for
            entry.failures.clear()
            return True
        failures = entry.failures
        failures.append(now)
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if len(failures) >= self.threshold:
            entry.down_until = now + self.down_for
            failures.clear()
            return True
        return False

    def record_success(self, carrier_id: int) -> None:
        """The carrier handled a call (answered, or a final answer about the callee): its failures are forgotten.
        It does not close an open breaker; only OPTIONS does (the carrier gets no calls while down anyway)."""
        entry = self._carriers.get(carrier_id)
        if entry is not None and entry.down_until is None:
            entry.failures.clear()

    def options_up(self, carrier_id: int) -> bool:
        """An OPTIONS keep-alive succeeded. Returns True when it brought the carrier back (closed the breaker)."""
        if self.state(carrier_id) is not BreakerState.PROBING:
            return False
        entry = self._get(carrier_id)
        entry.down_until = None
        entry.failures.clear()
        return True
