"""Live calls: the calls in progress, seeded from `GET /live/calls` and kept current by the event stream.

The table changes row by row (a started call is inserted, an ended one removed) and once a second only the
ticking columns (talk time, time left) are redrawn, so the selection and scroll position stay put. Calls show the
caller, the destination with its rated name, the account by its number (looked up for many calls at once, at most
every NAME_BATCH_MS, never one request per call) and, for admins, the carrier by name (the service sends names with
the events). Admins and support may hang a call up; a call that ended meanwhile is said to have ended, other
refusals (not connected yet, no switch here) are shown above the table. Headers sort the calls.

Callers in the IVR are rows too (state "ivr" from the service): they show the access number they dialled, the stage
their IVR worker reports ("In the IVR: PIN entry") and, once the IVR knows it, the account, in italics so they are
told apart from bridged calls at a glance; a session handed on becomes the bridged call's row (same call id), one
whose caller hangs up goes. Admins and support may hang one up as any call.

Calls in progress are bounded by the switch's channels, not by history, so this table reads every page of the
snapshot (up to SNAPSHOT_PAGES) instead of paging lazily.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.api_client import ApiClient, ApiError
from desktop.column_sizing import ColumnFit
from desktop.formatting import duration, optional_rate
from desktop.live_stream import LiveStream
from desktop.ops import Op, error_text
from desktop.pages.account_refs import IdLabels, account_numbers, id_text
from desktop.pages.listing import ListTab
from desktop.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QCoreApplication,
    QFont,
    QHeaderView,
    QLabel,
    QMessageBox,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QTimer,
    QWidget,
)
from desktop.session import DeskSession
from desktop.styling import as_error, as_heading
from switch_service.api.schemas import MAX_PAGE_SIZE, Role
from switch_service.api.schemas.live import (
    HangupOut,
    LiveCallFullOut,
    LiveCallOut,
    LiveCallPage,
    LiveCallRestrictedPage,
    LiveEventFullOut,
    LiveEventKind,
    LiveEventOut,
)

ModelIndex = QModelIndex | QPersistentModelIndex

SNAPSHOT_PAGES = 20
TICK_MS = 1000
NAME_BATCH_MS = 500
HANGUP_ROLES = frozenset({Role.ADMIN, Role.SUPPORT})
IVR = "ivr"  # the state of a caller in the IVR (store/repositories/live_ivr.py)

(COL_CALLER, COL_DESTINATION, COL_DESTINATION_NAME, COL_ACCOUNT, COL_CARRIER, COL_RATE, COL_DURATION, COL_LEFT,
 COL_CODEC, COL_STATE, COL_NODE) = range(11)
TICKING = (COL_DURATION, COL_LEFT)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class LiveCall:
    """A call on screen; the ticking columns count from `answered_at` (monotonic clock of this machine)."""

    call_id: str
    caller: str
    destination: str
    account_id: int | None
    carrier_id: int | None
    sell_rate: Decimal | None
    codec: str | None
    state: str
    destination_name: str | None = None
    carrier_name: str | None = None
    node: str | None = None  # the switch node that carries it (a cluster)
    answered_at: float | None = None  # time.monotonic() when its talk time was 0
    talk_left_s: int | None = None  # at answered_at
    heard_at: float = 0.0  # time.monotonic() of its last event (0: known from the snapshot only)
    ivr_stage: str | None = None  # state "ivr": where the caller is, as its worker says (None: not said yet)

    @property
    def in_ivr(self) -> bool:
        return self.state == IVR

    def talked_s(self, now: float) -> int | None:
        return None if self.answered_at is None else max(0, int(now - self.answered_at))

    def left_s(self, now: float) -> int | None:
        talked = self.talked_s(now)
        if self.talk_left_s is None:
            return None
        return max(0, self.talk_left_s - (talked or 0))


def state_text(state: str, ivr_stage: str | None = None) -> str:
    if state == IVR:
        return QCoreApplication.translate("LiveCalls", "In the IVR: {stage}").format(stage=ivr_stage_text(ivr_stage))
    names = {
        "setup": QCoreApplication.translate("LiveCalls", "Setting up"),
        "ringing": QCoreApplication.translate("LiveCalls", "Ringing"),
        "answered": QCoreApplication.translate("LiveCalls", "Talking"),
        "failed_over": QCoreApplication.translate("LiveCalls", "Trying next carrier"),
    }
    return names.get(state, state)


def ivr_stage_text(stage: str | None) -> str:
    """The IVR worker's stage (media/card_flow.py `Step`) as an operator says it."""
    names = {
        None: QCoreApplication.translate("LiveCalls", "answering"),
        "start": QCoreApplication.translate("LiveCalls", "answering"),
        "language": QCoreApplication.translate("LiveCalls", "language menu"),
        "ani_check": QCoreApplication.translate("LiveCalls", "checking the caller"),
        "pin": QCoreApplication.translate("LiveCalls", "PIN entry"),
        "pin_check": QCoreApplication.translate("LiveCalls", "checking the PIN"),
        "register_offer": QCoreApplication.translate("LiveCalls", "phone registration offer"),
        "register_check": QCoreApplication.translate("LiveCalls", "registering the phone"),
        "voucher": QCoreApplication.translate("LiveCalls", "voucher entry"),
        "voucher_check": QCoreApplication.translate("LiveCalls", "checking the voucher"),
        "card": QCoreApplication.translate("LiveCalls", "other card's PIN entry"),
        "card_check": QCoreApplication.translate("LiveCalls", "moving the other card's balance"),
        "agent_pin": QCoreApplication.translate("LiveCalls", "agent PIN entry"),
        "agent_check": QCoreApplication.translate("LiveCalls", "checking the agent PIN"),
        "customer": QCoreApplication.translate("LiveCalls", "agent: customer's number entry"),
        "amount": QCoreApplication.translate("LiveCalls", "agent: amount entry"),
        "agent_recharge_check": QCoreApplication.translate("LiveCalls", "agent: recharging a customer"),
        "destination": QCoreApplication.translate("LiveCalls", "destination entry"),
        "destination_check": QCoreApplication.translate("LiveCalls", "checking the destination"),
        "announce": QCoreApplication.translate("LiveCalls", "hearing the minutes"),
        "closing": QCoreApplication.translate("LiveCalls", "hearing a last message"),
    }
    return names.get(stage, stage or "")


def call_from_snapshot(item: LiveCallOut, now: float) -> LiveCall:
    carrier_id, carrier_name = ((item.carrier_id, item.carrier_name) if isinstance(item, LiveCallFullOut)
                                else (None, None))
    return LiveCall(call_id=item.call_id, caller=item.caller,
                    destination=item.did or "" if item.state == IVR else item.destination,
                    account_id=item.account_id, carrier_id=carrier_id, carrier_name=carrier_name,
                    destination_name=item.destination_name, ivr_stage=item.ivr_stage,
                    sell_rate=item.sell_rate, codec=item.codec, state=item.state, node=item.node,
                    answered_at=now - item.duration_s if item.answered_at is not None else None,
                    talk_left_s=None if item.talk_time_left_s is None else item.talk_time_left_s + item.duration_s)


class LiveCallsModel(QAbstractTableModel):
    def __init__(self, accounts: IdLabels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self.calls: list[LiveCall] = []
        self._rows: dict[str, int] = {}
        self._sort: tuple[int, bool] | None = None  # column, descending: how the user sorted the calls
        self._ivr_font = QFont()
        self._ivr_font.setItalic(True)  # callers in the IVR, told apart from bridged calls
        self.headers = [self.tr("Caller"), self.tr("Destination"), self.tr("Destination name"), self.tr("Account"),
                        self.tr("Carrier"), self.tr("Rate/min"), self.tr("Talk time"), self.tr("Time left"),
                        self.tr("Codec"), self.tr("State"), self.tr("Node")]

    # --- changes ---------------------------------------------------------------------------------

    def reset(self, calls: list[LiveCall]) -> None:
        self.beginResetModel()
        self.calls = list(calls)
        self._reindex()
        self.endResetModel()

    def apply(self, event: LiveEventOut) -> None:
        """One event from the stream: a row in, changed or out."""
        row = self._rows.get(event.call_id)
        if event.kind is LiveEventKind.ENDED:
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.calls[row]
                self._reindex()
                self.endRemoveRows()
            return
        ivr = event.kind is LiveEventKind.IVR
        if row is None:
            row = len(self.calls)
            self.beginInsertRows(QModelIndex(), row, row)
            self.calls.append(LiveCall(call_id=event.call_id, caller=event.caller,
                                       destination=event.did or "" if ivr else event.destination,
                                       account_id=event.account_id, carrier_id=None, sell_rate=event.sell_rate,
                                       codec=event.codec, state=IVR if ivr else "ringing",
                                       destination_name=event.destination_name, node=event.node))
            self._rows[event.call_id] = row
            self.endInsertRows()
        call = self.calls[row]
        call.heard_at = time.monotonic()
        if ivr:
            call.ivr_stage = event.ivr_stage
            call.account_id = event.account_id if event.account_id is not None else call.account_id
        elif event.kind is LiveEventKind.STARTED and call.in_ivr:  # handed on by the IVR: now the bridged call
            call.state, call.ivr_stage = "ringing", None
            call.destination, call.account_id = event.destination, event.account_id
        if isinstance(event, LiveEventFullOut) and event.carrier_id is not None:
            call.carrier_id, call.carrier_name = event.carrier_id, event.carrier_name
        call.destination_name = event.destination_name or call.destination_name
        call.codec = event.codec or call.codec
        call.sell_rate = event.sell_rate if event.sell_rate is not None else call.sell_rate
        if event.kind is LiveEventKind.ANSWERED:
            call.state = "answered"
            call.answered_at = time.monotonic()
            call.talk_left_s = event.talk_time_left_s
        elif event.kind is LiveEventKind.FAILED_OVER:
            call.state = "failed_over"
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def tick(self) -> None:
        """Redraw the ticking columns only."""
        if self.calls:
            self.dataChanged.emit(self.index(0, TICKING[0]), self.index(len(self.calls) - 1, TICKING[-1]),
                                  [Qt.ItemDataRole.DisplayRole])

    def names_changed(self) -> None:
        if self.calls:
            self.dataChanged.emit(self.index(0, COL_ACCOUNT), self.index(len(self.calls) - 1, COL_ACCOUNT))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The calls in progress are all here: sorted here, by the column's text (times by their seconds)."""
        self._sort = None if column < 0 else (column, order is Qt.SortOrder.DescendingOrder)
        if self._sort is None:
            return
        now = time.monotonic()
        self.layoutAboutToBeChanged.emit()
        self.calls.sort(key=lambda call: self._sort_key(call, column, now), reverse=self._sort[1])
        self._reindex()
        self.layoutChanged.emit()

    def _sort_key(self, call: LiveCall, column: int, now: float) -> tuple[bool, Any]:
        value: Any = {COL_DURATION: call.talked_s(now), COL_LEFT: call.left_s(now), COL_RATE: call.sell_rate
                      }.get(column, self._text(call, column, now))
        return value is None, value

    def row_of(self, call_id: str) -> int | None:
        return self._rows.get(call_id)

    def _reindex(self) -> None:
        self._rows = {call.call_id: row for row, call in enumerate(self.calls)}

    # --- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.calls)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.calls):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_RATE, COL_DURATION, COL_LEFT):
            return _RIGHT
        call = self.calls[index.row()]
        if role == Qt.ItemDataRole.FontRole and call.in_ivr:
            return self._ivr_font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(call, column, time.monotonic())

    @property
    def ivr_calls(self) -> int:
        return sum(1 for call in self.calls if call.in_ivr)

    def _text(self, call: LiveCall, column: int, now: float) -> str:
        texts = {
            COL_CALLER: lambda: call.caller,
            COL_DESTINATION: lambda: call.destination,
            COL_DESTINATION_NAME: lambda: call.destination_name or "",
            COL_ACCOUNT: lambda: self._accounts.label(call.account_id),
            COL_CARRIER: lambda: call.carrier_name or ("" if call.carrier_id is None else id_text(call.carrier_id)),
            COL_RATE: lambda: optional_rate(call.sell_rate),
            COL_DURATION: lambda: duration(call.talked_s(now)),
            COL_LEFT: lambda: duration(call.left_s(now)),
            COL_CODEC: lambda: call.codec or "",
            COL_STATE: lambda: state_text(call.state, call.ivr_stage),
            COL_NODE: lambda: call.node or "",
        }
        return texts[column]()


def _snapshot(client: ApiClient, full: bool) -> list[LiveCallOut]:
    """Every answered call in progress (a bounded number: the switch's channels); `full`: with the carrier."""
    calls: list[LiveCallOut] = []
    after: int | None = None
    model: type[LiveCallPage | LiveCallRestrictedPage] = LiveCallPage if full else LiveCallRestrictedPage
    for _ in range(SNAPSHOT_PAGES):
        page = client.get("/live/calls", model, {"after": after, "limit": MAX_PAGE_SIZE})
        calls.extend(page.items)
        if page.next_after is None:
            break
        after = page.next_after
    return calls


class LiveCallsPage(ListTab):
    """A ListTab for its message line and confirmation; its table is its own (rows come and go by event)."""

    ROLES = frozenset({Role.ADMIN, Role.SUPPORT, Role.RESELLER})

    def __init__(self, stream: LiveStream, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._stream = stream
        self._accounts = IdLabels()
        self._confirmed: LiveCall | None = None
        self._unnamed: set[int] = set()  # accounts of new calls, looked up together every NAME_BATCH_MS
        self._naming = False
        self.model = LiveCallsModel(self._accounts, self)
        self._name_timer = QTimer(self)
        self._name_timer.setSingleShot(True)
        self._name_timer.setInterval(NAME_BATCH_MS)
        self._name_timer.timeout.connect(self._name_pending)

        title = QLabel(self.tr("Live calls"))
        as_heading(title)
        self.connection_label = QLabel()
        self.hangup_button = QPushButton(self.tr("Hang up…"))
        self.hangup_button.clicked.connect(self.hang_up_selected)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.clicked.connect(self.reload)
        for widget in (title, self.connection_label, self.reload_button, self.hangup_button):
            self.top.addWidget(widget, 1 if widget is self.connection_label else 0)
        self.table = self._table()
        self.status_label = QLabel()
        self._layout.addWidget(self.table, 1)
        self._layout.addWidget(self.status_label)

        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self.model.tick)
        self._ticker.start(TICK_MS)
        self.model.rowsInserted.connect(self._update_status)
        self.model.rowsRemoved.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)
        stream.event_received.connect(self._event)
        stream.overflowed.connect(self.reload)
        stream.connection_changed.connect(self._connection_changed)
        self._connection_changed(stream.connected, "")
        self._selection_changed()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column, width in enumerate((95, 105, 125, 70, 145, 65, 70, 70, 55, 80)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_NODE, QHeaderView.ResizeMode.Stretch)
        self.column_fit = ColumnFit(table, COL_NODE)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        client = session.client
        admin = session.user.role is Role.ADMIN
        self._accounts.reset(account_numbers(client))
        self._unnamed.clear()
        self.table.setColumnHidden(COL_CARRIER, not admin)
        self.hangup_button.setVisible(session.user.role in HANGUP_ROLES)
        self.model.reset([])
        self.hush()
        self.reload()

    # --- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """The snapshot of answered calls; events keep it current afterwards."""
        session = self._session
        if session is None:
            return
        client, full = session.client, session.user.role is Role.ADMIN
        self.status_label.setText(self.tr("Loading…"))
        asked_at = time.monotonic()
        (Op(self, lambda: _snapshot(client, full))
         .success(lambda items: self._loaded(items, asked_at))
         .failure(self._load_failed)
         .busy(None)
         .run())

    def _loaded(self, items: list[LiveCallOut], asked_at: float) -> None:
        """The snapshot replaces the table, but a call heard of since it was asked for stays (the snapshot has
        only answered calls, and may predate the event)."""
        now = time.monotonic()
        listed = {item.call_id for item in items}
        heard = [call for call in self.model.calls if call.heard_at >= asked_at and call.call_id not in listed]
        self.model.reset([call_from_snapshot(item, now) for item in items] + heard)
        self._name_rows()

    def _load_failed(self, error: Exception) -> None:
        self.say(self.tr("Could not load the live calls: {message}").format(message=error_text(error)), error=True)
        self._update_status()

    def _event(self, event: LiveEventOut) -> None:
        row = self.model.row_of(event.call_id)
        was_ivr = row is not None and self.model.calls[row].in_ivr
        self.model.apply(event)
        if was_ivr and event.kind is LiveEventKind.STARTED:  # handed on: one caller fewer in the IVR
            self._update_status()
        if event.kind is LiveEventKind.IVR:  # a longer stage than the column was fitted to when the row came
            self._grow_to_fit(COL_STATE)
        if event.kind in (LiveEventKind.STARTED, LiveEventKind.IVR) and event.account_id is not None:
            self._unnamed.add(event.account_id)
            if not self._name_timer.isActive():
                self._name_timer.start()

    def _name_rows(self) -> None:
        """Name the accounts of every call on the table (after a snapshot)."""
        self._unnamed.update(call.account_id for call in self.model.calls if call.account_id is not None)
        self._name_pending()

    def _name_pending(self) -> None:
        """The account numbers of the calls heard of since the last look-up: one request for all of them, off the
        GUI thread (a new batch waits for the one on its way)."""
        if self._naming or not self._unnamed:
            return
        accounts, self._unnamed = self._unnamed, set()
        labels = self._accounts
        self._naming = True
        (Op(self, lambda: labels.fill(accounts))
         .success(lambda _none: self._names_arrived())
         .failure(lambda _error: None)
         .finally_(self._named)
         .busy(None)
         .run())

    def _names_arrived(self) -> None:
        self.model.names_changed()
        self._grow_to_fit(COL_ACCOUNT)  # named after the row was fitted: a card's number is longer than "Account"

    def _grow_to_fit(self, column: int) -> None:
        """Widen `column` to the rows on screen when a text changed after the columns were fitted; never narrower,
        so a width the user dragged stays unless a text needs more."""
        header = self.table.horizontalHeader()
        needed = self.table.sizeHintForColumn(column)
        if needed > header.sectionSize(column):
            header.resizeSection(column, needed)

    def _named(self) -> None:
        self._naming = False
        if self._unnamed:
            self._name_timer.start()

    # --- hang up ---------------------------------------------------------------------------------

    def selected_call(self) -> LiveCall | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.calls[rows[0].row()] if rows else None

    def hang_up_selected(self) -> QMessageBox | None:
        call = self.selected_call()
        if call is None:
            return None
        if call.in_ivr:
            text = self.tr("Hang up the caller {caller} in the IVR of {number}? The caller is cut off now.").format(
                caller=call.caller, number=call.destination)
        else:
            text = self.tr("Hang up the call from {caller} to {destination}? Both sides are cut off now.").format(
                caller=call.caller, destination=call.destination)
        self._confirmed = call
        return self.confirm(self.tr("Hang up"), text, self.tr("Hang up"), self._hang_up_confirmed)

    def _hang_up_confirmed(self) -> None:
        session, call = self._session, self._confirmed
        if session is None or call is None:
            return
        client, call_id = session.client, call.call_id
        (Op(self, lambda: client.post(f"/live/calls/{call_id}/hangup", HangupOut))
         .success(lambda out: self._hung_up(call, out))
         .failure(lambda error: self._hang_up_failed(call, error))
         .busy(self.tr("Hanging up…"))
         .run())

    def _hung_up(self, call: LiveCall, out: HangupOut) -> None:
        if out.ended:
            self.say(self.tr("The call from {caller} to {destination} was hung up.").format(
                caller=call.caller, destination=call.destination))
            return
        # another node carries it: its end reaches that node's event stream, not this one's, so the row goes now
        self.say(self.tr("Node {node} carries the call from {caller} to {destination} and was asked to hang it up; "
                         "it ends within a second or two.").format(node=out.node, caller=call.caller,
                                                                   destination=call.destination))
        self.model.apply(LiveEventOut(kind=LiveEventKind.ENDED, call_id=call.call_id, sip_call_id="",
                                      caller=call.caller, destination=call.destination))

    def _hang_up_failed(self, call: LiveCall, error: Exception) -> None:
        if isinstance(error, ApiError) and error.status == 409 and "already ended" in str(error):
            self.say(self.tr("The call from {caller} to {destination} had already ended.").format(
                caller=call.caller, destination=call.destination))
            self.model.apply(LiveEventOut(kind=LiveEventKind.ENDED, call_id=call.call_id, sip_call_id="",
                                          caller=call.caller, destination=call.destination))
            return
        self.say(self.tr("The call was not hung up: {message}").format(message=error_text(error)), error=True)

    # --- what the page says ----------------------------------------------------------------------

    def _connection_changed(self, connected: bool, reason: str) -> None:
        if connected:
            self.connection_label.setText(self.tr("Live: updates as calls start and end"))
            self.connection_label.setPalette(self.palette())
        else:
            self.connection_label.setText(self.tr("Not live ({reason}); trying again").format(reason=reason)
                                          if reason else self.tr("Not live"))
            as_error(self.connection_label)

    def _selection_changed(self) -> None:  # ListTab's looks at its (paged) listing, which this page has not
        self.hangup_button.setEnabled(self.selected_call() is not None)

    def _update_status(self) -> None:
        count = self.model.rowCount()
        in_ivr = self.model.ivr_calls
        if count == 0:
            self.status_label.setText(self.tr("No calls in progress. Calls appear here as they start."))
        elif in_ivr == 0:
            self.status_label.setText(self.tr("%n call(s) in progress", "", count))
        else:
            self.status_label.setText(self.tr("%n call(s) in progress", "", count - in_ivr) + " · "
                                      + self.tr("%n caller(s) in the IVR", "", in_ivr))
        self._selection_changed()
