"""A tiny in-process publish/subscribe bus of call events (in the IVR, started, answered, failed over, ended), and one
of carrier gateway events (a gateway stopped answering the OPTIONS keep-alive, answers again).

The switch publishes from its event loop and must never wait for a reader: each subscriber has a bounded queue
of its own, and when a reader falls behind the oldest events are dropped (and counted) rather than the switch
blocking or memory growing. Thread-safe, so the HTTP API (another thread or loop) can read while the switch
writes; it will stream these as server-sent events.
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
import threading
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar


class CallEventKind(enum.StrEnum):
    STARTED = "started"  # authorised and routed: the first carrier is being tried
    ANSWERED = "answered"
    FAILED_OVER = "failed_over"  # a carrier failed, the next one is tried
    ENDED = "ended"
    IVR = "ivr"  # the caller is in the IVR: it came in, or its stage (or account) changed; STARTED or ENDED follows


@dataclass(frozen=True, slots=True)
class CallEvent:
    kind: CallEventKind
    call_id: str  # the caller leg's SIP Call-ID
    caller: str
    destination: str
    account_id: int | None = None
    carrier_id: int | None = None
    sell_rate: Decimal | None = None  # per minute
    started_at: dt.datetime | None = None
    talk_time_left_s: int | None = None  # credit time announced by the AAA server
    codec: str | None = None
    sip_code: int | None = None
    duration_s: float | None = None
    cause: str | None = None
    session_id: str | None = None  # the accounting session (h323-conf-id): the live-call row's and CDRs' call_id
    destination_name: str | None = None  # as rated ("United Kingdom mobile")
    did: str | None = None  # the number called (an IVR's access number)
    ivr_stage: str | None = None  # IVR: where the caller is (media/card_flow.py `Step`); None: not reported yet
    ivr_worker: int | None = None  # IVR: the media worker that holds the caller

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: enums and Decimals as strings, times in ISO 8601."""
        return {key: _json_value(value) for key, value in asdict(self).items()}


class GatewayEventKind(enum.StrEnum):
    DOWN = "gateway_down"  # failed its keep-alive N times in a row: routing skips it
    UP = "gateway_up"  # answers again


@dataclass(frozen=True, slots=True)
class GatewayEvent:
    kind: GatewayEventKind
    carrier_id: int
    gateway_id: int
    address: str  # host:port/transport
    sip_code: int | None  # the last answer to OPTIONS; None: no answer
    at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        return {key: _json_value(value) for key, value in asdict(self).items()}


Event = TypeVar("Event")  # CallEvent or GatewayEvent


def _json_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


class _Subscription(Generic[Event]):
    """One reader's bounded queue. `get` blocks (with a timeout); `drain` takes whatever is there."""

    def __init__(self, bus: _Bus[Event], maxsize: int) -> None:
        if maxsize < 1:
            raise ValueError("a subscription needs room for at least one event")
        self._bus: _Bus[Event] = bus
        self._events: collections.deque[Event] = collections.deque(maxlen=maxsize)
        self._ready = threading.Condition()
        self.dropped = 0
        self.closed = False

    def _put(self, event: Event) -> None:
        with self._ready:
            if len(self._events) == self._events.maxlen:
                self.dropped += 1  # the deque drops the oldest
            self._events.append(event)
            self._ready.notify()

    def get(self, timeout: float | None = None) -> Event | None:
        """The next event, or None after `timeout` seconds (or once closed and empty)."""
        with self._ready:
            if not self._events and not self.closed:
                self._ready.wait(timeout)
            return self._events.popleft() if self._events else None

    def drain(self) -> list[Event]:
        with self._ready:
            events = list(self._events)
            self._events.clear()
            return events

    def close(self) -> None:
        self._bus.unsubscribe(self)
        with self._ready:
            self.closed = True
            self._ready.notify_all()

    def __enter__(self) -> _Subscription[Event]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Bus(Generic[Event]):
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: tuple[_Subscription[Event], ...] = ()
        self.published = 0

    def subscribe(self, maxsize: int = 1000) -> _Subscription[Event]:
        subscription: _Subscription[Event] = _Subscription(self, maxsize)
        with self._lock:
            self._subscribers = (*self._subscribers, subscription)
        return subscription

    def unsubscribe(self, subscription: _Subscription[Event]) -> None:
        with self._lock:
            self._subscribers = tuple(s for s in self._subscribers if s is not subscription)

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    def publish(self, event: Event) -> None:
        """Never blocks for long and never raises for a slow reader."""
        self.published += 1
        for subscription in self._subscribers:  # a snapshot: subscribing during a publish is safe
            subscription._put(event)


EventBus = _Bus[CallEvent]  # the switch's call events (the API streams them)
Subscription = _Subscription[CallEvent]
GatewayBus = _Bus[GatewayEvent]  # the OPTIONS keep-alive's gateway state changes
GatewaySubscription = _Subscription[GatewayEvent]
