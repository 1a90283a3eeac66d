"""First screen: which service this desktop talks to, what it runs on and who is signed in; then the switch at a
glance: concurrent calls and calls per second over time (the event stream, corrected by `GET /live/counters`
every few seconds), ASR per carrier over the last hour (admins) and today's minutes and money (what the role sees
of `GET /reports/traffic`). Graph points sit in ring buffers, so a window left open for days stays small.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from decimal import Decimal

from desktop.formatting import money
from desktop.graphs import BarChart, TimeSeries
from desktop.live_stream import LiveStream
from desktop.ops import Op, error_text
from desktop.qt import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession, role_name
from desktop.styling import as_heading
from switch_service.api.schemas import Health, Role
from switch_service.api.schemas.live import (
    LiveCountersBase,
    LiveCountersFullOut,
    LiveCountersOut,
    LiveEventKind,
    LiveEventOut,
)
from switch_service.api.schemas.reports import (
    ReportGroup,
    TrafficReport,
    TrafficReportRestricted,
    TrafficReportRevenue,
)

COUNTERS_MS = 5000
TODAY_MS = 60_000
SAMPLE_MS = 1000
CPS_WINDOW_S = 10  # as the service counts calls per second
ASR_WINDOW_MINUTES = 60
MAX_TRACKED_CALLS = 100_000  # answered calls whose end is awaited; an end that never came is forgotten
COUNTER_ROLES = frozenset({Role.ADMIN, Role.SUPPORT})

TrafficAny = TrafficReport | TrafficReportRevenue | TrafficReportRestricted


def traffic_model(role: Role) -> type[TrafficAny]:
    """The shape of a traffic report for this role: money as the role may see it."""
    if role is Role.ADMIN:
        return TrafficReport
    return TrafficReportRevenue if role is Role.RESELLER else TrafficReportRestricted


class DashboardPage(QWidget):
    def __init__(self, stream: LiveStream | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._concurrent = 0
        self._answered: OrderedDict[str, None] = OrderedDict()
        self._starts: deque[float] = deque()
        self._polling = False
        title = QLabel(self.tr("Service status"))
        as_heading(title)
        self.url_label = QLabel()
        self.version_label = QLabel()
        self.database_label = QLabel()
        self.user_label = QLabel()
        self.secrets_label = QLabel()
        self.secrets_label.setWordWrap(True)
        for label in (self.url_label, self.version_label, self.database_label, self.user_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Service"), self.url_label)
        form.addRow(self.tr("Version"), self.version_label)
        form.addRow(self.tr("Database"), self.database_label)
        form.addRow(self.tr("Signed in as"), self.user_label)
        form.addRow(self.tr("Secrets"), self.secrets_label)

        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.checked_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addWidget(self.checked_label, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self._today_box())
        layout.addWidget(self._graphs_box(), 1)

        self._sampler = self._timer(SAMPLE_MS, self._sample)
        self._counters_timer = self._timer(COUNTERS_MS, self.poll_counters)
        self._today_timer = self._timer(TODAY_MS, self.load_today)
        if stream is not None:
            stream.event_received.connect(self.add_event)

    def _timer(self, interval_ms: int, timeout: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(timeout)
        return timer

    def _today_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Today (UTC)"))
        self.minutes_label = QLabel()
        self.revenue_label = QLabel()
        self.profit_label = QLabel()
        self.today_message = QLabel()
        self.today_message.setWordWrap(True)
        self.today_form = QFormLayout(box)
        self.today_form.addRow(self.tr("Minutes"), self.minutes_label)
        self.today_form.addRow(self.tr("Revenue"), self.revenue_label)
        self.today_form.addRow(self.tr("Profit"), self.profit_label)
        self.today_form.addRow(self.today_message)
        return box

    def _graphs_box(self) -> QGroupBox:
        self.graphs_box = QGroupBox(self.tr("Switch"))
        self.concurrent_graph = TimeSeries(self.tr("Concurrent calls"), self.tr("calls"))
        self.cps_graph = TimeSeries(self.tr("Calls per second"), self.tr("calls/s"))
        self.asr_chart = BarChart(self.tr("ASR per carrier, last hour"), self.tr("ASR %"))
        self.counters_label = QLabel()
        self.counters_label.setWordWrap(True)
        grid = QGridLayout(self.graphs_box)
        grid.addWidget(self.concurrent_graph.widget, 0, 0)
        grid.addWidget(self.cps_graph.widget, 0, 1)
        grid.addWidget(self.asr_chart.widget, 1, 0, 1, 2)
        grid.addWidget(self.counters_label, 2, 0, 1, 2)
        return self.graphs_box

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.url_label.setText(session.client.base_url)
        self.user_label.setText(f"{session.user.username} ({role_name(session.user.role)})")
        self._show_health(session.health)
        role = session.user.role
        self.today_form.setRowVisible(self.revenue_label, role is not Role.SUPPORT)
        self.today_form.setRowVisible(self.profit_label, role is Role.ADMIN)
        staff = role in COUNTER_ROLES
        self.graphs_box.setVisible(staff)
        self.asr_chart.widget.setVisible(role is Role.ADMIN)
        self._concurrent = 0
        self._answered.clear()
        self._starts.clear()
        for graph in (self.concurrent_graph, self.cps_graph):
            graph.clear()
        self.asr_chart.show([], [])
        for timer in (self._sampler, self._counters_timer):
            if staff:
                timer.start()
            else:
                timer.stop()
        self._today_timer.start()
        if staff:
            self.poll_counters()
        self.load_today()

    def stop(self) -> None:
        """Signed out: no more polling."""
        self._session = None
        for timer in (self._sampler, self._counters_timer, self._today_timer):
            timer.stop()

    # --- the stream and the counters -------------------------------------------------------------

    def add_event(self, event: LiveEventOut) -> None:
        """A call event: concurrent calls move at answer and end, each start counts towards calls per second."""
        if self._session is None or self._session.user.role not in COUNTER_ROLES:
            return
        if event.kind is LiveEventKind.STARTED:
            self._starts.append(time.monotonic())
        elif event.kind is LiveEventKind.ANSWERED and event.call_id not in self._answered:
            self._answered[event.call_id] = None
            if len(self._answered) > MAX_TRACKED_CALLS:
                self._answered.popitem(last=False)
            self._concurrent += 1
            self.concurrent_graph.add(self._concurrent)
        elif event.kind is LiveEventKind.ENDED and event.call_id in self._answered:
            del self._answered[event.call_id]
            self._concurrent = max(0, self._concurrent - 1)
            self.concurrent_graph.add(self._concurrent)

    def _sample(self) -> None:
        """Each second: calls per second over the last CPS_WINDOW_S, as the service counts them."""
        horizon = time.monotonic() - CPS_WINDOW_S
        while self._starts and self._starts[0] < horizon:
            self._starts.popleft()
        self.cps_graph.add(len(self._starts) / CPS_WINDOW_S)

    def poll_counters(self) -> None:
        session = self._session
        if session is None or self._polling:
            return
        self._polling = True
        client = session.client
        model: type[LiveCountersBase] = LiveCountersFullOut if session.user.role is Role.ADMIN else LiveCountersOut
        (Op(self, lambda: client.get("/live/counters", model))
         .success(self._counters)
         .failure(lambda error: self.counters_label.setText(error_text(error)))
         .finally_(self._polled)
         .busy(None)
         .run())

    def _polled(self) -> None:
        self._polling = False

    def _counters(self, counters: LiveCountersBase) -> None:
        self._concurrent = counters.concurrent_calls
        self.concurrent_graph.add(self._concurrent)
        self.counters_label.setText(
            self.tr("{calls} calls in progress, {cps:.1f} calls/s").format(
                calls=counters.concurrent_calls, cps=counters.calls_per_second)
            if counters.switch_attached else
            self.tr("This service runs no SIP switch: no calls to show."))
        if isinstance(counters, LiveCountersFullOut):
            labels, values = [], []
            for carrier in counters.carriers:
                window = next((asr for asr in carrier.asr if asr.minutes == ASR_WINDOW_MINUTES), None)
                labels.append(carrier.carrier_name or f"#{carrier.carrier_id}")
                values.append(window.asr_percent or 0.0 if window is not None else 0.0)
            self.asr_chart.show(labels, values)

    # --- today's traffic -------------------------------------------------------------------------

    def load_today(self) -> None:
        session = self._session
        if session is None:
            return
        client = session.client
        today = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        params = {"group_by": ReportGroup.DAY.value, "since": today.isoformat(),
                  "until": (today + dt.timedelta(days=1)).isoformat(), "limit": 1}
        model = traffic_model(session.user.role)
        (Op(self, lambda: client.get("/reports/traffic", model, params))
         .success(self._today)
         .failure(lambda error: self.today_message.setText(error_text(error)))
         .busy(None)
         .run())

    def _today(self, report: TrafficAny) -> None:
        total = report.total
        self.today_message.setText("" if total is not None and total.calls else self.tr("No calls yet today."))
        self.minutes_label.setText(f"{total.minutes:,.2f}" if total is not None else "0.00")
        revenue = getattr(total, "revenue", None)
        profit = getattr(total, "profit", None)
        self.revenue_label.setText(money(revenue if revenue is not None else Decimal(0)))
        self.profit_label.setText(money(profit if profit is not None else Decimal(0)))

    # --- the service -----------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self._session
        if session is None:
            return
        self.refresh_button.setEnabled(False)
        self.checked_label.setText(self.tr("Checking…"))
        (Op(self, session.client.health)
         .success(self._refreshed)
         .failure(lambda error: self.checked_label.setText(error_text(error)))
         .finally_(lambda: self.refresh_button.setEnabled(True))
         .busy(None)
         .run())
        self.load_today()

    def _refreshed(self, health: Health) -> None:
        self._show_health(health)
        self.checked_label.setText(self.tr("The service answers."))

    def _show_health(self, health: Health) -> None:
        self.version_label.setText(health.version)
        self.database_label.setText(health.database)
        if health.secrets_fallback:
            self.secrets_label.setText(self.tr(
                "Kept in a file readable only by the service's user: this machine has no system keyring."
            ))
        else:
            self.secrets_label.setText(self.tr("Kept in the system keyring."))
