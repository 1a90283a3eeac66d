"""Reports: call records searched by account, carrier (admins), destination, time and result, in a lazily paged
table with the same selection exported as CSV (`GET /cdrs.csv`); and the traffic report grouped by carrier
(admins), destination, account, reseller or day, with a bar chart of ASR, ACD or money as the role may see it.

Times are picked in UTC, as the service stores and sums them (a traffic day is a UTC day).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.api_client import ApiClient
from desktop.column_sizing import ColumnFit
from desktop.file_choosers import save_chooser
from desktop.formatting import duration, money, number, optional_money, optional_rate
from desktop.graphs import BarChart
from desktop.ops import Op, error_text
from desktop.paged_table import Column, sorted_by
from desktop.pages.account_history import call_result_name
from desktop.pages.account_refs import IdLabels, account_by_number, account_numbers
from desktop.pages.account_tabs import local_time
from desktop.pages.listing import ApiListModel, Listing, ListTab
from desktop.qt import (
    QComboBox,
    QDateTime,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeZone,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession
from switch_service.api.schemas import (
    MAX_PAGE_SIZE,
    CallResult,
    CdrOut,
    CdrPage,
    CdrRestrictedOut,
    CdrRestrictedPage,
    Role,
)
from switch_service.api.schemas.carriers import CarrierOut, CarrierPage
from switch_service.api.schemas.reports import (
    ReportGroup,
    TrafficReport,
    TrafficReportRestricted,
    TrafficReportRevenue,
    TrafficRowOut,
)

DEFAULT_DAYS = 7
CSV_PATH = "/cdrs.csv"
(COL_STARTED, COL_CALLER, COL_DESTINATION, COL_ACCOUNT, COL_CARRIER, COL_DESTINATION_NAME, COL_RESULT, COL_REASON,
 COL_DURATION, COL_BILLED, COL_RATE, COL_PRICE, COL_COST, COL_MARGIN) = range(14)  # the CDR table's, in its order
ADMIN_ONLY_CDR_COLUMNS = (COL_CARRIER, COL_COST, COL_MARGIN)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Cdr = CdrOut | CdrRestrictedOut

CDR_SORT_KEYS = {COL_STARTED: "started_at", COL_CALLER: "caller", COL_DESTINATION: "destination", COL_RESULT: "result",
                 COL_DURATION: "duration_s", COL_BILLED: "billed_s", COL_PRICE: "price"}  # what GET /cdrs?sort= takes
TrafficAny = TrafficReport | TrafficReportRevenue | TrafficReportRestricted


def traffic_model(role: Role) -> type[TrafficAny]:
    """The shape of a traffic report for this role: money as the role may see it."""
    if role is Role.ADMIN:
        return TrafficReport
    return TrafficReportRevenue if role is Role.RESELLER else TrafficReportRestricted


def _utc_edit(moment: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.utc()))
    edit.setTimeZone(QTimeZone.utc())
    edit.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
    edit.setCalendarPopup(True)
    return edit


def _moment(edit: QDateTimeEdit) -> dt.datetime:
    return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), dt.UTC)


def default_range() -> tuple[dt.datetime, dt.datetime]:
    """The last DEFAULT_DAYS whole UTC days, today included."""
    tomorrow = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0) + dt.timedelta(days=1)
    return tomorrow - dt.timedelta(days=DEFAULT_DAYS), tomorrow


class CdrSearchTab(ListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._admin = False
        self.accounts = IdLabels()
        self.carriers = IdLabels()
        self.model: ApiListModel[Cdr] | None = None
        self._attached = False
        self.listing: Listing[Cdr] | None = None
        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText(self.tr("Account number"))
        self.carrier_combo = QComboBox()
        self.destination_edit = QLineEdit()
        self.destination_edit.setPlaceholderText(self.tr("Destination starts with"))
        since, until = default_range()
        self.since_edit = _utc_edit(since)
        self.until_edit = _utc_edit(until)
        self.result_combo = QComboBox()
        self.result_combo.addItem(self.tr("Any result"), None)
        for result in CallResult:
            self.result_combo.addItem(call_result_name(result.value), result.value)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.account_edit.returnPressed.connect(self.search)
        self.destination_edit.returnPressed.connect(self.search)
        for edit in (self.account_edit, self.destination_edit):  # the whole hint shows: it says what to type
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 24)
        for filter_widget in (self.account_edit, self.carrier_combo, self.destination_edit, self.result_combo):
            self.top.addWidget(filter_widget)
        self.top.addStretch(1)
        period = QHBoxLayout()  # a second row: on one, the default window cut the hints to "Account ..."
        for widget in (QLabel(self.tr("From")), self.since_edit, QLabel(self.tr("to")), self.until_edit):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.search_button)
        period.addWidget(self.export_button)
        self._layout.insertLayout(1, period)

    def _make_listing(self, full: bool) -> None:
        """The table for this role's answers (the carrier side only in full ones), replacing the last one."""
        self._attached = False
        if self.listing is not None:
            self._layout.removeWidget(self.listing)
            self.listing.deleteLater()
        page_model = CdrPage if full else CdrRestrictedPage
        self.model = ApiListModel(
            self._columns(), "/cdrs", page_model, self,
            named=((self.accounts, lambda cdr: cdr.account_id),
                   (self.carriers, lambda cdr: getattr(cdr, "carrier_id", None))))
        self.listing = Listing(
            self.model, widths=(140, 110, 120, 80, 110, 150, 80, 120, 60, 60, 70, 70, 70, 70),
            stretch=COL_DESTINATION_NAME,
            count_text=lambda count, at_end: (self.tr("%n call record(s)", "", count) if at_end
                                              else self.tr("%n call record(s) so far; scroll for more", "", count)),
            empty_text=lambda: self.tr("No call records match: widen the time range or clear a filter."))
        for column in ADMIN_ONLY_CDR_COLUMNS:
            self.listing.table.setColumnHidden(column, not full)
        self.set_listing(self.listing)

    def _columns(self) -> list[Column[Cdr]]:
        return sorted_by(self._plain_columns(), CDR_SORT_KEYS)

    def _plain_columns(self) -> list[Column[Cdr]]:
        """In COL_* order."""
        return [
            Column(self.tr("Started"), lambda c: local_time(c.started_at, seconds=True), lambda c: c.started_at),
            Column(self.tr("Caller"), lambda c: c.caller),
            Column(self.tr("Destination"), lambda c: c.destination),
            Column(self.tr("Account"), lambda c: self.accounts.label(c.account_id)),
            Column(self.tr("Carrier"), lambda c: self.carriers.label(getattr(c, "carrier_id", None))),
            Column(self.tr("Destination name"), lambda c: c.destination_name or ""),
            Column(self.tr("Result"), lambda c: call_result_name(c.result), lambda c: c.result),
            Column(self.tr("Reason"), lambda c: c.reason or ""),
            Column(self.tr("Duration"), lambda c: duration(c.duration_s), lambda c: c.duration_s, align_right=True),
            Column(self.tr("Billed"), lambda c: duration(c.billed_s), lambda c: c.billed_s, align_right=True),
            Column(self.tr("Rate/min"), lambda c: optional_rate(c.sell_rate, c.currency), lambda c: c.sell_rate,
                   align_right=True),
            Column(self.tr("Price"), lambda c: money(c.price, c.currency), lambda c: c.price, align_right=True),
            Column(self.tr("Cost"), lambda c: optional_money(getattr(c, "cost", None), c.currency), align_right=True),
            Column(self.tr("Margin"), lambda c: optional_money(getattr(c, "margin", None), c.currency),
                   align_right=True),
        ]

    def set_session(self, session: DeskSession) -> None:
        client = self._client = session.client
        self._admin = session.user.role is Role.ADMIN
        self.accounts.reset(account_numbers(client))
        self.carriers.reset((lambda carrier_id: client.get(f"/carriers/{carrier_id}", CarrierOut).name)
                            if self._admin else None)
        self._make_listing(self._admin)
        self.carrier_combo.setVisible(self._admin)
        self.carrier_combo.clear()
        self.carrier_combo.addItem(self.tr("Any carrier"), None)
        if self._admin:
            (Op(self, lambda: client.get("/carriers", CarrierPage, {"limit": MAX_PAGE_SIZE}))
             .success(self._carriers_loaded)
             .failure(lambda error: self.say(error_text(error), error=True))
             .busy(None)
             .run())
        self.hush()
        self.search()

    def _carriers_loaded(self, page: CarrierPage) -> None:
        for carrier in page.items:
            self.carrier_combo.addItem(carrier.name, carrier.id)
            self.carriers.remember(carrier.id, carrier.name)

    def search(self) -> None:
        """The account is typed as its number: found first (in the background), then the records asked for."""
        client = self._client
        if client is None:
            return
        number = self.account_edit.text().strip()
        if not number:
            self._search_with(None)
            return
        (Op(self, lambda: account_by_number(client, number).id)
         .success(self._search_with)
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(None)
         .run())

    def filters(self, account_id: int | None) -> dict[str, str | int | None]:
        return {
            "account_id": account_id,
            "carrier_id": self.carrier_combo.currentData() if self._admin else None,
            "destination_prefix": "".join(ch for ch in self.destination_edit.text() if ch.isdigit()) or None,
            "since": _moment(self.since_edit).isoformat(),
            "until": _moment(self.until_edit).isoformat(),
            "result": self.result_combo.currentData(),
        }

    def _search_with(self, account_id: int | None) -> None:
        model, listing = self.model, self.listing
        if model is None or listing is None:
            return
        self.hush()
        filters = self.filters(account_id)
        if not self._attached:  # the first search of this session: one load, with its filters
            self._attached = True
            model.filters = filters
            model.set_client(self._client)
        elif model.filters == filters:
            listing.refresh()  # the same search again: what is new since
        else:
            model.set_filters(**filters)

    # --- CSV -------------------------------------------------------------------------------------

    def choose_export_file(self) -> QFileDialog:
        return save_chooser(self, self.tr("Export call records"), Path.home() / "cdrs.csv",
                            self.tr("CSV files (*.csv)"), self.export_csv)

    def export_csv(self, target: Path) -> None:
        """The selection shown (the filters as searched), every page of it, written to `target`."""
        client, model = self._client, self.model
        if client is None or model is None:
            return
        params = dict(model.filters)

        def export() -> int:
            content = client.download(CSV_PATH, params)
            target.write_bytes(content)
            return max(0, content.count(b"\r\n") - 1)

        (Op(self, export)
         .success(lambda rows: self.say(self.tr("%n call record(s) exported to {path}", "", rows).format(path=target)))
         .failure(lambda error: self.say(self.tr("The export failed: {message}").format(message=error_text(error)),
                                         error=True))
         .busy(self.tr("Exporting call records…"))
         .run())


class TrafficTab(QWidget):
    """The report's first page in a table (MAX_PAGE_SIZE groups; `More` reads the next) and a bar chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._role = Role.SUPPORT
        self._rows: list[TrafficRowOut] = []
        self._next_after: str | None = None
        self._params: dict[str, Any] = {}
        self.group_combo = QComboBox()
        self.metric_combo = QComboBox()
        self.metric_combo.currentIndexChanged.connect(self._draw)
        since, until = default_range()
        self.since_edit = _utc_edit(since)
        self.until_edit = _utc_edit(until)
        self.run_button = QPushButton(self.tr("Run report"))
        self.run_button.clicked.connect(self.run_report)
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Group by")), self.group_combo, QLabel(self.tr("From")), self.since_edit,
                       QLabel(self.tr("to")), self.until_edit, self.run_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Chart")))
        top.addWidget(self.metric_combo)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.column_fit = ColumnFit(self.table, 0)
        self.chart = BarChart(self.tr("ASR"), "%")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.more_button)
        layout.addWidget(self.chart.widget, 2)

    def set_session(self, session: DeskSession) -> None:
        self._client = session.client
        self._role = session.user.role
        self.group_combo.clear()
        groups = [(ReportGroup.DESTINATION, self.tr("Destination")), (ReportGroup.ACCOUNT, self.tr("Account")),
                  (ReportGroup.RESELLER, self.tr("Reseller")), (ReportGroup.DAY, self.tr("Day"))]
        if self._role is Role.ADMIN:
            groups.insert(0, (ReportGroup.CARRIER, self.tr("Carrier")))
        for group, name in groups:
            self.group_combo.addItem(name, group.value)
        self.metric_combo.clear()
        self.metric_combo.addItem(self.tr("ASR %"), "asr_percent")
        self.metric_combo.addItem(self.tr("ACD (seconds)"), "acd_s")
        self.metric_combo.addItem(self.tr("Minutes"), "minutes")
        if self._role is not Role.SUPPORT:
            self.metric_combo.addItem(self.tr("Revenue"), "revenue")
        if self._role is Role.ADMIN:
            self.metric_combo.addItem(self.tr("Profit"), "profit")
        self._show([], None)
        self.message_label.setText(self.tr("Choose a grouping and a range, then run the report."))

    def headers(self) -> list[tuple[str, str]]:
        """(field, header) of the columns this role's report has."""
        columns = [("name", self.tr("Group")), ("calls", self.tr("Calls")), ("answered", self.tr("Answered")),
                   ("asr_percent", self.tr("ASR %")), ("acd_s", self.tr("ACD (s)")), ("minutes", self.tr("Minutes"))]
        if self._role is not Role.SUPPORT:
            columns.append(("revenue", self.tr("Revenue")))
        if self._role is Role.ADMIN:
            columns += [("cost", self.tr("Cost")), ("profit", self.tr("Profit"))]
        return columns

    def run_report(self) -> None:
        self._params = {"group_by": self.group_combo.currentData(), "since": _moment(self.since_edit).isoformat(),
                        "until": _moment(self.until_edit).isoformat(), "limit": MAX_PAGE_SIZE}
        self._load(None)

    def load_more(self) -> None:
        if self._next_after is not None:
            self._load(self._next_after)

    def _load(self, after: str | None) -> None:
        client = self._client
        if client is None:
            return
        model, params = traffic_model(self._role), {**self._params, "after": after}
        self.message_label.setText(self.tr("Loading…"))
        (Op(self, lambda: client.get("/reports/traffic", model, params))
         .success(lambda report: self._loaded(report, after is not None))
         .failure(lambda error: self.message_label.setText(error_text(error)))
         .busy(None)
         .run())

    def _loaded(self, report: TrafficAny, more: bool) -> None:
        rows: list[TrafficRowOut] = list(report.rows)
        if not more and report.unassigned is not None and report.unassigned.calls:
            rows.append(report.unassigned)
        self._show((self._rows + rows) if more else rows, report.next_after)
        total = report.total
        if not more:
            self.message_label.setText(
                self.tr("No calls in this range.") if total is None or not total.calls else
                self.tr("{calls} calls, {minutes} minutes in total").format(calls=number(total.calls),
                                                                            minutes=number(total.minutes, 2)))

    def _show(self, rows: list[TrafficRowOut], next_after: str | None) -> None:
        self._rows, self._next_after = rows, next_after
        self.more_button.setVisible(next_after is not None)
        headers = self.headers()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels([header for _field, header in headers])
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            for column, (name, _header) in enumerate(headers):
                cell = QTableWidgetItem(self._text(item, name))
                if name != "name":
                    cell.setTextAlignment(_RIGHT)
                self.table.setItem(row, column, cell)
        self.column_fit.refit()
        self._draw()

    def label(self, row: TrafficRowOut) -> str:
        return row.name or row.key or self.tr("(none)")

    def _text(self, row: TrafficRowOut, name: str) -> str:
        if name == "name":
            return self.label(row)
        value = getattr(row, name)
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return money(value)
        if name == "acd_s":
            return duration(value)
        if isinstance(value, float):
            return number(value, 2)
        return number(value)

    def _draw(self) -> None:
        metric = self.metric_combo.currentData()
        if metric is None:
            self.chart.show([], [])
            return
        self.chart.set_title(self.metric_combo.currentText(), "")
        self.chart.show([self.label(row) for row in self._rows],
                        [float(getattr(row, metric, None) or 0) for row in self._rows])


class ReportsPage(QWidget):
    ROLES = frozenset({Role.ADMIN, Role.SUPPORT, Role.RESELLER})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cdr_tab = CdrSearchTab()
        self.traffic_tab = TrafficTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.cdr_tab, self.tr("Call records"))
        self.tabs.addTab(self.traffic_tab, self.tr("Traffic"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def set_session(self, session: DeskSession) -> None:
        self.cdr_tab.set_session(session)
        self.traffic_tab.set_session(session)
