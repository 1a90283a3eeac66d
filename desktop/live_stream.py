"""The switch's call events as Qt signals: `GET /live/events` (server-sent events) read by a QThread.

The reader thread blocks on the socket, never the GUI: it parses each `event:`/`data:` message into the schema
model and emits it; Qt queues the signal to the GUI thread. When the stream ends or the service is gone it
tries again with a growing pause (the service restarting); a refusal (401: signed out, 403) stops it. `stop()`
ends it at once: it shuts the socket down under the blocked read and waits for the thread, so none is left.

A reader is kept in `_READERS` until its thread has finished, so it is never destroyed while running, even when
the `LiveStream` that started it is deleted first (its `destroyed` stops the reader).
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator

import pydantic
import requests

from desktop.api_client import ApiClient, ApiError
from desktop.ops import error_text
from desktop.qt import QCoreApplication, QObject, QThread, Signal
from switch_service.api.schemas.live import GatewayEventOut, LiveEventFullOut, LiveEventOut

EVENTS_PATH = "/live/events"
GATEWAY_EVENTS = frozenset({"gateway_up", "gateway_down"})
READ_TIMEOUT_S = 40.0  # the service sends a keep-alive after 15 s of quiet: longer silence means it is gone
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 30.0
STOP_WAIT_MS = 5000
REFUSALS = (401, 403)

_READERS: set[_Reader] = set()


def running_readers() -> int:
    """Reader threads still running: none once every stream is stopped."""
    return sum(reader.isRunning() for reader in _READERS)


def parse_messages(lines: Iterator[str | bytes]) -> Iterator[tuple[str, str]]:
    """(event, data) of each server-sent message; comments and retry hints are skipped."""
    event, data = "", list[str]()
    for raw in lines:
        line = raw.decode() if isinstance(raw, bytes) else raw
        if not line:
            if data:
                yield event or "message", "\n".join(data)
            event, data = "", list[str]()
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            event = value
        elif field == "data":
            data.append(value)


def event_model(data: str) -> LiveEventOut:
    """The event as the role sees it: with the carrier only when the service sent one (admins)."""
    fields = json.loads(data)
    model = LiveEventFullOut if isinstance(fields, dict) and "carrier_id" in fields else LiveEventOut
    return model.model_validate(fields)


class _Reader(QThread):
    event_received = Signal(object)  # LiveEventOut
    gateway_changed = Signal(object)  # GatewayEventOut
    overflowed = Signal()
    connection_changed = Signal(bool, str)  # connected, why not

    def __init__(self, client: ApiClient, first_delay_s: float) -> None:
        super().__init__()
        self._client = client
        self._first_delay_s = first_delay_s
        self._stopping = threading.Event()
        self._response: requests.Response | None = None
        self._lock = threading.Lock()
        self.finished.connect(self._forget)

    def request_stop(self) -> None:
        """Any thread: end the blocked read and the retries."""
        self._stopping.set()
        with self._lock:  # held: the reader closes its response only after taking the lock
            if self._response is not None:
                # the stream may have ended already (the connection back in the pool): the read ends by itself
                with contextlib.suppress(OSError, ValueError, RuntimeError):
                    self._response.raw.shutdown()

    def _forget(self) -> None:
        _READERS.discard(self)

    def run(self) -> None:
        delay = self._first_delay_s
        while not self._stopping.is_set():
            try:
                self._read()
                delay = self._first_delay_s  # it was connected: the next try comes soon
                reason = QCoreApplication.translate("LiveStream", "The service ended the live stream")
            except ApiError as error:
                if error.status in REFUSALS:
                    self.connection_changed.emit(False, error_text(error))
                    return
                reason = error_text(error)
            except (requests.RequestException, OSError, ValueError, pydantic.ValidationError) as error:
                reason = str(error) or type(error).__name__
            if self._stopping.is_set():
                return
            self.connection_changed.emit(False, reason)
            self._stopping.wait(delay)
            delay = min(delay * 2, MAX_DELAY_S)

    def _read(self) -> None:
        response = self._client.open_stream(EVENTS_PATH, read_timeout=READ_TIMEOUT_S)
        with self._lock:
            self._response = response
        try:
            if self._stopping.is_set():
                return
            self.connection_changed.emit(True, "")
            for kind, data in parse_messages(response.iter_lines(decode_unicode=True)):
                if self._stopping.is_set():
                    return
                if kind == "overflow":
                    self.overflowed.emit()
                elif kind in GATEWAY_EVENTS:
                    self.gateway_changed.emit(GatewayEventOut.model_validate_json(data))
                else:
                    self.event_received.emit(event_model(data))
        finally:
            with self._lock:
                self._response = None
            response.close()


class LiveStream(QObject):
    """One stream per signed-in session: `start(client)` on sign-in, `stop()` on sign-out and close."""

    event_received = Signal(object)  # LiveEventOut (LiveEventFullOut for admins)
    gateway_changed = Signal(object)  # GatewayEventOut: a carrier gateway went down or came up (admins)
    overflowed = Signal()  # events were dropped: read GET /live/calls again
    connection_changed = Signal(bool, str)  # connected; when not, why (shown to the user)

    def __init__(self, parent: QObject | None = None, *, first_delay_s: float = FIRST_DELAY_S) -> None:
        super().__init__(parent)
        self._first_delay_s = first_delay_s
        self._reader: _Reader | None = None
        self.connected = False

    @property
    def running(self) -> bool:
        return self._reader is not None and self._reader.isRunning()

    def start(self, client: ApiClient) -> None:
        self.stop()
        reader = _Reader(client, self._first_delay_s)
        reader.event_received.connect(self.event_received)
        reader.gateway_changed.connect(self.gateway_changed)
        reader.overflowed.connect(self.overflowed)
        reader.connection_changed.connect(self._connection_changed)
        self.destroyed.connect(reader.request_stop)
        _READERS.add(reader)
        self._reader = reader
        reader.start()

    def stop(self) -> None:
        """End the stream and wait (briefly: the read is interrupted) for its thread to finish."""
        reader, self._reader = self._reader, None
        self.connected = False
        if reader is None:
            return
        reader.event_received.disconnect(self.event_received)
        reader.gateway_changed.disconnect(self.gateway_changed)
        reader.overflowed.disconnect(self.overflowed)
        reader.connection_changed.disconnect(self._connection_changed)
        self.destroyed.disconnect(reader.request_stop)
        reader.request_stop()
        reader.wait(STOP_WAIT_MS)

    def _connection_changed(self, connected: bool, reason: str) -> None:
        self.connected = connected
        self.connection_changed.emit(connected, reason)
