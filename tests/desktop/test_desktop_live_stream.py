"""The desktop's live-event client against the real service: events published on the service's bus arrive as
schema objects on the GUI thread, the stream comes back after the service ends it, and stopping leaves no thread."""

from __future__ import annotations

from decimal import Decimal

from desk_harness import PASSWORD, WAIT_MS, LiveService, call_event
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.live_stream import LiveStream, parse_messages, running_readers
from desktop.qt import QThread
from switch_service.api.schemas.live import LiveEventFullOut, LiveEventKind, LiveEventOut
from switch_service.events import CallEventKind


def _client(service: LiveService, username: str) -> ApiClient:
    client = ApiClient(service.url)
    client.login(username, PASSWORD)
    return client


def test_parse_messages_reads_events_and_skips_comments() -> None:
    lines = iter([": hello", "retry: 3000", "", "event: started", "data: {\"a\":", "data: 1}", "", "event: x"])
    assert list(parse_messages(lines)) == [("started", "{\"a\":\n1}")]


def test_admin_receives_published_events_on_the_gui_thread(qtbot: QtBot, live_service: LiveService,
                                                           live_stream: LiveStream) -> None:
    received: list[tuple[LiveEventOut, bool]] = []
    live_stream.event_received.connect(lambda event: received.append((event, QThread.currentThread().isMainThread())))
    with qtbot.waitSignal(live_stream.connection_changed, timeout=WAIT_MS) as connected:
        live_stream.start(_client(live_service, "admin"))
    assert connected.args == [True, ""]
    live_service.live.bus.publish(call_event(CallEventKind.STARTED))
    live_service.live.bus.publish(call_event(CallEventKind.ENDED, duration_s=0.0, cause="no-answer"))
    qtbot.waitUntil(lambda: len(received) == 2, timeout=WAIT_MS)
    (started, on_gui), (ended, _) = received
    assert on_gui
    assert isinstance(started, LiveEventFullOut) and started.carrier_id == 7
    assert started.kind is LiveEventKind.STARTED and started.call_id == "conf-1"
    assert started.sell_rate == Decimal("0.045")
    assert ended.kind is LiveEventKind.ENDED and ended.cause == "no-answer"


def test_support_gets_no_carrier(qtbot: QtBot, live_service: LiveService, live_stream: LiveStream) -> None:
    with qtbot.waitSignal(live_stream.connection_changed, timeout=WAIT_MS):
        live_stream.start(_client(live_service, "support"))
    with qtbot.waitSignal(live_stream.event_received, timeout=WAIT_MS) as got:
        live_service.live.bus.publish(call_event(CallEventKind.STARTED))
    event = got.args[0]
    assert type(event) is LiveEventOut
    assert "carrier_id" not in event.model_dump()


def test_reconnects_after_the_service_ends_the_stream(qtbot: QtBot, live_service: LiveService,
                                                      live_stream: LiveStream) -> None:
    with qtbot.waitSignal(live_stream.connection_changed, timeout=WAIT_MS):
        live_stream.start(_client(live_service, "admin"))
    live = live_service.live
    with qtbot.waitSignal(live_stream.connection_changed, timeout=WAIT_MS,
                          check_params_cb=lambda connected, _reason: not connected) as lost:
        live.stop_streams()  # what a stopping service does
    assert lost.args[1] == "The service ended the live stream"
    live.stopping = False  # the service is back
    received: list[LiveEventOut] = []
    live_stream.event_received.connect(received.append)

    def delivered() -> bool:
        live.bus.publish(call_event(CallEventKind.ANSWERED, n=2))  # until a new live_stream is there to carry it
        return bool(received)

    qtbot.waitUntil(delivered, timeout=WAIT_MS)
    assert live_stream.connected and received[0].call_id == "conf-2"


def test_sign_out_stops_the_stream_and_leaves_no_thread(qtbot: QtBot, live_service: LiveService,
                                                        live_stream: LiveStream) -> None:
    client = _client(live_service, "admin")
    with qtbot.waitSignal(live_stream.connection_changed, timeout=WAIT_MS):
        live_stream.start(client)
    assert live_stream.running
    live_stream.stop()
    client.drop_token()
    assert not live_stream.running and not live_stream.connected
    assert running_readers() == 0


def test_a_refused_token_stops_retrying(qtbot: QtBot, live_service: LiveService, live_stream: LiveStream) -> None:
    client = ApiClient(live_service.url)
    token = client.login("admin", PASSWORD).token
    ApiClient(live_service.url).revoke(token)  # the service forgets the token the client still holds
    with qtbot.waitSignal(live_stream.connection_changed, timeout=WAIT_MS) as refused:
        live_stream.start(client)
    assert refused.args[0] is False and refused.args[1]
    qtbot.waitUntil(lambda: not live_stream.running, timeout=WAIT_MS)
