"""The dashboard against the real service: call events published on its bus become points of the concurrent
calls and calls-per-second graphs, today's traffic shows the money the role may see, and the graphs' memory is
bounded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desk_harness import WAIT_MS, LiveService, add_cdrs, call_event, cdr, start_live_page
from pytestqt.qtbot import QtBot

from desktop.graphs import TimeSeries
from desktop.live_stream import LiveStream
from desktop.pages.dashboard import DashboardPage
from switch_service.events import CallEventKind


def _page(qtbot: QtBot, service: LiveService, stream: LiveStream, username: str = "admin") -> DashboardPage:
    page = DashboardPage(stream)
    start_live_page(qtbot, service, stream, page, username)
    return page


def test_graphs_get_points_from_call_events(qtbot: QtBot, live_service: LiveService, live_stream: LiveStream) -> None:
    page = _page(qtbot, live_service, live_stream)
    qtbot.waitUntil(lambda: page.counters_label.text() == "This service runs no SIP switch: no calls to show.",
                    timeout=WAIT_MS)  # the first poll of GET /live/counters
    assert page.concurrent_graph.values[-1] == 0
    bus = live_service.live.bus
    bus.publish(call_event(CallEventKind.STARTED))
    bus.publish(call_event(CallEventKind.ANSWERED))
    qtbot.waitUntil(lambda: page.concurrent_graph.values[-1] == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: 0.1 in page.cps_graph.values, timeout=WAIT_MS)  # one start in the last 10 s
    bus.publish(call_event(CallEventKind.ENDED, duration_s=2.0))
    qtbot.waitUntil(lambda: page.concurrent_graph.values[-2:] == [1, 0], timeout=WAIT_MS)
    assert page.asr_chart.widget.isVisibleTo(page)
    page.stop()


def test_todays_traffic_shows_what_the_role_may_see(qtbot: QtBot, live_service: LiveService, tmp_path: Path,
                                                    live_stream: LiveStream) -> None:
    today = dt.datetime.now(dt.UTC).replace(hour=0, minute=1, second=0, microsecond=0)  # a UTC day's traffic
    add_cdrs(tmp_path, [cdr(1, account_id=None, duration_s=90, price="1.50", cost="0.90", started_at=today),
                        cdr(2, account_id=None, result="busy", started_at=today)])
    admin = _page(qtbot, live_service, live_stream)
    qtbot.waitUntil(lambda: admin.tiles.text("minutes") == "1.5", timeout=WAIT_MS)
    assert admin.tiles.text("revenue") == "$1.50" and admin.tiles.text("profit") == "$0.60"
    assert admin.tiles.text("asr") == "50.0 %"
    admin.stop()

    support = _page(qtbot, live_service, live_stream, "support")
    qtbot.waitUntil(lambda: support.tiles.text("minutes") == "1.5", timeout=WAIT_MS)
    for hidden in ("revenue", "profit", "carriers_down"):
        assert not support.tiles.tiles[hidden].isVisibleTo(support)
    assert support.tiles.text("revenue") == "–"  # the service sent no revenue to support
    assert not support.asr_chart.widget.isVisibleTo(support)
    assert support.graphs_box.isVisibleTo(support)
    support.stop()


def test_a_time_series_keeps_a_bounded_ring(qtbot: QtBot) -> None:
    series = TimeSeries("t", "v", capacity=5)
    qtbot.addWidget(series.widget)
    for value in range(12):
        series.add(value, at=1_700_000_000 + value)
    assert series.values == [7, 8, 9, 10, 11]


def test_the_ivrs_pin_figures_show_under_the_graphs(qtbot: QtBot, live_service: LiveService,
                                                   live_stream: LiveStream) -> None:
    """The service's IVR figures (the pool's, and the RADIUS server's count of wrong PINs and lockouts: this
    service runs neither, so the hook the service gives them through is filled as it would)."""
    live_service.live.ivr = lambda: {"ivr_workers": 1, "ivr_sessions": 2, "ivr_busy": 0, "ivr_pin_failures": 7,
                                     "ivr_pin_lockouts": 3}
    page = _page(qtbot, live_service, live_stream)
    qtbot.waitUntil(lambda: "IVR:" in page.counters_label.text(), timeout=WAIT_MS)
    assert page.counters_label.text().endswith("IVR: 2 callers, 7 wrong PINs, 3 refused while locked out")
    page.stop()
