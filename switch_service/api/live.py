"""The API's handle on the switch's calls: the event bus it streams, rolling counters fed from that bus, hangup.

The switch publishes on an `EventBus` from its own thread and never waits for a reader. The API reads that bus
two ways: each server-sent-event stream has a bounded subscription of its own, and one more subscription feeds
`RollingCounters` (per-second buckets over the last hour), drained every second by a task on the API's loop, so
counting costs a few additions per call and no thread. Without telephony (tests, an API-only service) the bus is
simply quiet and `hangup` is unavailable.
"""

from __future__ import annotations

import asyncio
import collections
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from switch_service.events import CallEvent, CallEventKind, EventBus, GatewayBus, GatewaySubscription, Subscription
from switch_service.sip.controller import HangupOutcome
from switch_service.sip.loopback import TestCallRequest, TestCallResult

WINDOW_S = 3600  # the longest ASR window
CPS_WINDOW_S = 10
ASR_WINDOWS_S = (300, 900, 3600)
FEED_INTERVAL_S = 1.0
FEED_QUEUE = 200_000  # events between two drains, far above what the switch carries in a second
STREAM_QUEUE = 2_000  # per stream: a reader this far behind loses the oldest events (and is told so)

Hangup = Callable[[str], HangupOutcome]
TestCall = Callable[[TestCallRequest], TestCallResult]  # blocking: places a call, answers once it is set up


@dataclass(frozen=True, slots=True)
class CounterSnapshot:
    calls_per_second: float  # calls routed per second over the last CPS_WINDOW_S
    asr: dict[int, tuple[int, int]]  # window seconds -> (calls ended, of them answered)


class RollingCounters:
    """Calls started, ended and ended-after-answer per second for the last hour, in a ring of buckets."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._seconds = [-1] * WINDOW_S  # which second each slot holds
        self._started = [0] * WINDOW_S
        self._ended = [0] * WINDOW_S
        self._answered = [0] * WINDOW_S
        self._answered_calls: collections.OrderedDict[str, None] = collections.OrderedDict()
        self._lock = threading.Lock()

    def _slot(self, second: int) -> int:
        slot = second % WINDOW_S
        if self._seconds[slot] != second:
            self._seconds[slot] = second
            self._started[slot] = self._ended[slot] = self._answered[slot] = 0
        return slot

    def add(self, events: list[CallEvent]) -> None:
        if not events:
            return
        with self._lock:
            slot = self._slot(int(self._clock()))
            for event in events:
                key = event.session_id or event.call_id
                if event.kind is CallEventKind.STARTED:
                    self._started[slot] += 1
                elif event.kind is CallEventKind.ANSWERED:
                    self._answered_calls[key] = None
                    if len(self._answered_calls) > 100_000:  # an ended event that never came
                        self._answered_calls.popitem(last=False)
                elif event.kind is CallEventKind.ENDED:
                    self._ended[slot] += 1
                    if key in self._answered_calls:
                        del self._answered_calls[key]
                        self._answered[slot] += 1

    def _sum(self, values: list[int], now: int, span: int) -> int:
        return sum(values[s % WINDOW_S] for s in range(now - span + 1, now + 1)
                   if self._seconds[s % WINDOW_S] == s)

    def snapshot(self) -> CounterSnapshot:
        with self._lock:
            now = int(self._clock())
            started = self._sum(self._started, now, CPS_WINDOW_S)
            asr = {span: (self._sum(self._ended, now, span), self._sum(self._answered, now, span))
                   for span in ASR_WINDOWS_S}
        return CounterSnapshot(calls_per_second=started / CPS_WINDOW_S, asr=asr)


class LiveCalls:
    """The bus the switch publishes on, the counters it feeds, and the switch's hangup (None: no switch here);
    the switch's gateway events, its test calls (`place_test_call`, None: none) and its IVR pool's figures."""

    def __init__(self, bus: EventBus | None = None, hangup: Hangup | None = None, *,
                 clock: Callable[[], float] = time.time, gateways: GatewayBus | None = None,
                 test_call: TestCall | None = None, ivr: Callable[[], dict[str, int]] | None = None) -> None:
        self.bus = bus or EventBus()
        self.ivr = ivr or dict  # the IVR pool's figures (workers, sessions, busy refusals); {} without one
        self.gateways = gateways or GatewayBus()
        self.test_call = test_call
        self._hangup = hangup
        self.counters = RollingCounters(clock)
        self._feed = self.bus.subscribe(FEED_QUEUE)
        self.stopping = False  # a plain flag: set from a signal handler, read by every stream

    @property
    def switch_attached(self) -> bool:
        return self._hangup is not None

    def hangup(self, call_id: str) -> HangupOutcome:
        if self._hangup is None:
            raise RuntimeError("no SIP switch is attached")
        return self._hangup(call_id)

    def subscribe(self) -> Subscription:
        return self.bus.subscribe(STREAM_QUEUE)

    def subscribe_gateways(self) -> GatewaySubscription:
        return self.gateways.subscribe(STREAM_QUEUE)

    def feed(self) -> None:
        """Fold what the bus delivered since the last call into the counters."""
        self.counters.add(self._feed.drain())

    async def feed_forever(self) -> None:
        while not self.stopping:
            self.feed()
            await asyncio.sleep(FEED_INTERVAL_S)

    def stop_streams(self) -> None:
        """Every open stream ends within a poll interval (signal-safe: it only sets a flag)."""
        self.stopping = True

    def close(self) -> None:
        self.stop_streams()
        self._feed.close()
