"""First screen: which service this desktop talks to, what it runs on and who is signed in; the day at a glance
in tiles (calls now, today's ASR, ACD, minutes, revenue and profit, low-balance accounts, carriers down: `GET
/live/kpis`, read again soon after calls end and gateways change on the live stream, and every KPI_MS anyway);
then the switch: concurrent calls and calls per second over time (the event stream, corrected by `GET
/live/counters` every few seconds) and ASR per carrier over the last hour (admins, on a 0-100 % scale). Graph points
sit in ring buffers, so a window left open for days stays small, and are drawn at most a few times a second.
Admins can place a test call (`test_call_dialog.py`).
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable

from desktop.formatting import duration
from desktop.graphs import BarChart, TimeSeries
from desktop.live_stream import LiveStream
from desktop.ops import Op, error_text
from desktop.pages.kpi_tiles import KpiTiles
from desktop.pages.test_call_dialog import TestCallDialog
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
    KpisOut,
    LiveCountersBase,
    LiveCountersFullOut,
    LiveCountersOut,
    LiveEventKind,
    LiveEventOut,
    TestCallOut,
)

COUNTERS_MS = 5000
KPI_MS = 60_000  # the tiles are read again at least this often (payments move low balances)
KPI_AFTER_EVENT_MS = 1000  # and this long after the first call end or gateway change since the last read
SAMPLE_MS = 1000
CPS_WINDOW_S = 10  # as the service counts calls per second
ASR_WINDOW_MINUTES = 60
MAX_TRACKED_CALLS = 100_000  # answered calls whose end is awaited; an end that never came is forgotten
COUNTER_ROLES = frozenset({Role.ADMIN, Role.SUPPORT})

class DashboardPage(QWidget):
    def __init__(self, stream: LiveStream | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._concurrent = 0
        self._answered: OrderedDict[str, None] = OrderedDict()
        self._starts: deque[float] = deque()
        self._polling = False
        self._kpis_pending = False
        self.test_call_dialog: TestCallDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._status_heading())
        layout.addLayout(self._status_form())
        layout.addLayout(self._buttons_row())
        self.tiles = KpiTiles()
        self.today_message = QLabel()
        self.today_message.setWordWrap(True)
        layout.addWidget(self.tiles)
        layout.addWidget(self.today_message)
        layout.addWidget(self._graphs_box(), 1)

        self._sampler = self._timer(SAMPLE_MS, self._sample)
        self._counters_timer = self._timer(COUNTERS_MS, self.poll_counters)
        self._kpi_timer = self._timer(KPI_MS, self.load_kpis)
        self._kpi_soon = self._timer(KPI_AFTER_EVENT_MS, self.load_kpis)
        self._kpi_soon.setSingleShot(True)
        if stream is not None:
            stream.event_received.connect(self.add_event)
            stream.gateway_changed.connect(self._kpis_changed)

    def _status_heading(self) -> QLabel:
        title = QLabel(self.tr("Service status"))
        as_heading(title)
        return title

    def _status_form(self) -> QFormLayout:
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
        return form

    def _buttons_row(self) -> QHBoxLayout:
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.test_call_button = QPushButton(self.tr("Place test call…"))
        self.test_call_button.setToolTip(self.tr("A real call through the switch, billed to an account: it shows on "
                                                 "Live calls and here, and its record in Reports"))
        self.test_call_button.clicked.connect(self.open_test_call)
        self.checked_label = QLabel()
        self.checked_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addWidget(self.checked_label, 1)
        row.addWidget(self.test_call_button)
        return row

    def _timer(self, interval_ms: int, timeout: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(timeout)
        return timer

    def _graphs_box(self) -> QGroupBox:
        self.graphs_box = QGroupBox(self.tr("Switch"))
        self.concurrent_graph = TimeSeries(self.tr("Concurrent calls"), self.tr("calls"))
        self.cps_graph = TimeSeries(self.tr("Calls per second"), self.tr("calls/s"))
        self.asr_chart = BarChart(self.tr("ASR per carrier, last hour"), self.tr("ASR %"), scale=100)
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
        self.tiles.for_role(role)
        self.test_call_button.setVisible(role is Role.ADMIN)
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
        self._kpi_timer.start()
        if staff:
            self.poll_counters()
        self.load_kpis()

    def stop(self) -> None:
        """Signed out: no more polling."""
        self._session = None
        for timer in (self._sampler, self._counters_timer, self._kpi_timer, self._kpi_soon):
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
        elif event.kind is LiveEventKind.ENDED:
            self._kpis_changed()
            if event.call_id in self._answered:
                del self._answered[event.call_id]
                self._concurrent = max(0, self._concurrent - 1)
                self.concurrent_graph.add(self._concurrent)

    def _sample(self) -> None:
        """Each second: calls per second over the last CPS_WINDOW_S, as the service counts them."""
        horizon = time.monotonic() - CPS_WINDOW_S
        while self._starts and self._starts[0] < horizon:
            self._starts.popleft()
        self.cps_graph.add(len(self._starts) / CPS_WINDOW_S)
        self.tiles.show_calls_now(self._concurrent)  # once a second, however many calls came and went

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
        text = (self.tr("{calls} calls in progress, {cps:.1f} calls/s").format(
                    calls=counters.concurrent_calls, cps=counters.calls_per_second)
                if counters.switch_attached else
                self.tr("This service runs no SIP switch: no calls to show."))
        if counters.ivr_workers or counters.ivr_pin_failures:  # wrong PINs and PIN entries refused since the start
            text += "\n" + self.tr("IVR: {callers} callers, {failures} wrong PINs, {lockouts} refused while locked "
                                    "out").format(callers=counters.ivr_sessions, failures=counters.ivr_pin_failures,
                                                  lockouts=counters.ivr_pin_lockouts)
        self.counters_label.setText(text)
        if isinstance(counters, LiveCountersFullOut):
            labels, values = [], []
            for carrier in counters.carriers:
                window = next((asr for asr in carrier.asr if asr.minutes == ASR_WINDOW_MINUTES), None)
                name = carrier.carrier_name or f"#{carrier.carrier_id}"
                if window is None or window.asr_percent is None:
                    labels.append(self.tr("{carrier} (no calls)").format(carrier=name))
                    values.append(0.0)
                else:
                    labels.append(self.tr("{carrier} ({calls} calls)").format(carrier=name, calls=window.calls))
                    values.append(window.asr_percent)
            self.asr_chart.show(labels, values)

    # --- the day's figures ----------------------------------------------------------------------

    def _kpis_changed(self, _change: object = None) -> None:
        """A call ended or a gateway changed: the tiles are read again soon (once for many changes)."""
        if self._session is not None and not self._kpi_soon.isActive():
            self._kpi_soon.start()

    def load_kpis(self) -> None:
        session = self._session
        if session is None or self._kpis_pending:
            return
        self._kpis_pending = True
        client = session.client
        (Op(self, lambda: client.get("/live/kpis", KpisOut))
         .success(self._kpis)
         .failure(lambda error: self.today_message.setText(error_text(error)))
         .finally_(self._kpis_done)
         .busy(None)
         .run())

    def _kpis_done(self) -> None:
        self._kpis_pending = False

    def _kpis(self, kpis: KpisOut) -> None:
        self._concurrent = kpis.calls_now
        self.tiles.show(kpis)
        self.today_message.setText("" if kpis.calls_today else self.tr(
            "No calls yet today. Admins can place a test call to see one go through."))

    def open_test_call(self) -> TestCallDialog | None:
        session = self._session
        if session is None or session.user.role is not Role.ADMIN:
            return None
        dialog = TestCallDialog(self, session.client)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.placed.connect(self._test_call_placed)
        self.test_call_dialog = dialog
        dialog.open()
        return dialog

    def _test_call_placed(self, result: TestCallOut) -> None:
        if result.answered:
            text = self.tr("Test call answered: it is on Live calls now and hangs up after {seconds}; its record "
                           "then shows in Reports.").format(seconds=duration(result.seconds))
        else:
            text = self.tr("The switch did not connect the test call: {reason}").format(
                reason=f"{result.sip_code} {result.reason}")  # e.g. 402 Zero Balance
        self.checked_label.setText(text)

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
        self.load_kpis()

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
