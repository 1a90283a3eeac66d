"""Customer accounts: a lazily filled table (`desktop.paged_table`) searched, filtered and sorted by the service,
"New account…" and the company's "Defaults for new accounts…" (dialogs in account_edit.py).

The accounts behind calling cards come by the thousand with one card batch: the table shows the customers'
accounts unless the Type filter asks for cards (or everything). The other filters are the status, the reseller
selling the account and "balance below" (0: who owes money).
"""

from __future__ import annotations

from typing import Any

from desktop.api_client import ApiClient
from desktop.column_sizing import ColumnFit
from desktop.formatting import money
from desktop.ops import Op
from desktop.paged_table import ROW_CACHE_SIZE, Column, PagedTableModel
from desktop.pages.account_edit import AccountDialog, CompanyDefaultsDialog, kind_name, status_name
from desktop.pages.forms import parse_amount
from desktop.pages.listing import enable_sorting
from desktop.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPushButton,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.session import DeskSession
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    AccountListKind,
    AccountOut,
    Role,
    Status,
)
from switch_service.api.schemas.resellers import ResellerPage

COL_NUMBER, COL_NAME, COL_KIND, COL_STATUS, COL_BALANCE, COL_CURRENCY = range(6)

SEARCH_DELAY_MS = 300
FIND_NEW_ACCOUNT_PAGES = 5  # how far to page on to select a just-created account


def account_type(account: AccountOut) -> str:
    """What the Type column says: a card's account is a card, whatever its billing kind."""
    return QCoreApplication.translate("Accounts", "Card") if account.card else kind_name(account.kind)


def kind_filters() -> list[tuple[str, list[str] | None]]:
    """The Type filter's choices: (label, the `kind` values it asks for); the first is the default."""
    translate = QCoreApplication.translate
    return [(translate("Accounts", "Customers (no cards)"), [AccountListKind.PREPAID, AccountListKind.POSTPAID]),
            (translate("Accounts", "Prepaid"), [AccountListKind.PREPAID]),
            (translate("Accounts", "Postpaid"), [AccountListKind.POSTPAID]),
            (translate("Accounts", "Cards"), [AccountListKind.CARD]),
            (translate("Accounts", "All accounts"), None)]


def account_columns() -> list[Column[AccountOut]]:
    """In COL_* order; made when a model is, so the headers are in the language of the day."""
    return [
        Column(QCoreApplication.translate("AccountsModel", "Number"), lambda a: a.number, sort_key="number"),
        Column(QCoreApplication.translate("AccountsModel", "Name"), lambda a: a.name, sort_key="name"),
        Column(QCoreApplication.translate("AccountsModel", "Type"), account_type, lambda a: a.kind.value,
               sort_key="kind"),
        Column(QCoreApplication.translate("AccountsModel", "Status"), lambda a: status_name(a.status),
               lambda a: a.status.value, sort_key="status"),
        Column(QCoreApplication.translate("AccountsModel", "Balance"), lambda a: money(a.balance, a.currency),
               lambda a: a.balance, align_right=True, sort_key="balance"),
        Column(QCoreApplication.translate("AccountsModel", "Currency"), lambda a: a.currency, sort_key="currency"),
    ]


class AccountsModel(PagedTableModel[AccountOut]):
    """`GET /accounts/ids?q=&...` (the id list) and `GET /accounts?after=&limit=&q=&...` (its rows) as a table, in
    the order of the column clicked; a new client, search or filter starts over. The filters are query parameters
    of both (`kind`, `status`, `reseller_id`, `balance_below`): the customers' accounts by default."""

    def __init__(self, parent: QObject | None = None, *, page_size: int = DEFAULT_PAGE_SIZE,
                 cache_size: int = ROW_CACHE_SIZE) -> None:
        super().__init__(account_columns(), parent, page_size=page_size, cache_size=cache_size,
                         placeholder_column=COL_NAME)
        self._client: ApiClient | None = None
        self._query = ""
        self.filters: dict[str, Any] = {"kind": kind_filters()[0][1]}

    def set_filters(self, **filters: Any) -> None:
        """The filters besides the search (None: not filtered by that); starts over when they changed."""
        if filters != self.filters:
            self.filters = filters
            self._load()

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self._load()

    def set_query(self, query: str) -> None:
        query = query.strip()
        if query != self._query:
            self._query = query
            self._load()

    @property
    def query(self) -> str:
        return self._query

    def account_id(self, row: int) -> int:
        return self.row_id(row)

    def cached_account(self, row: int) -> AccountOut | None:
        return self.cached_row(row)

    def _load(self) -> None:
        client, query, filters = self._client, self._query or None, dict(self.filters)
        if client is None:
            self.set_sorted_loader(None)
        else:
            self.set_sorted_loader(
                lambda after, limit, order: client.list_accounts(after, limit, query, {**filters, **order.params()}),
                lambda order: client.account_ids(query, {**filters, **order.params()}))


class AccountsPage(QWidget):
    account_opened = Signal(int)  # the account to show in full (double-click, Enter or Open)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._select_when_loaded: int | None = None
        self._pages_to_find = 0
        self.new_account_dialog: AccountDialog | None = None
        self.defaults_dialog: CompanyDefaultsDialog | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search number or name"))
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._search)
        self._make_filters()

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.new_button = QPushButton(self.tr("New account…"))
        self.new_button.clicked.connect(self.open_new_account)
        self.defaults_button = QPushButton(self.tr("Defaults for new accounts…"))
        self.defaults_button.clicked.connect(self.open_defaults)
        for hidden in (self.new_button, self.defaults_button):  # until a role that may use them signs in
            hidden.hide()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)

        self.model = AccountsModel(self)
        self.refresh_button.clicked.connect(self.model.refresh)
        self.table = self._make_table()
        self.column_fit = ColumnFit(self.table, COL_NAME)
        enable_sorting(self.table, self.model)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.status_label = QLabel()

        self.model.loading_changed.connect(self._loading_changed)
        self.model.modelReset.connect(self._update_status)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._load_failed)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        for button in (self.refresh_button, self.open_button, self.new_button, self.defaults_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._filters_row())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        return table

    def _make_filters(self) -> None:
        """The filters beside the search box: type (customers by default), status, reseller, balance below."""
        self.kind_combo = QComboBox()
        for label, kinds in kind_filters():
            self.kind_combo.addItem(label, kinds)
        self.kind_combo.setToolTip(self.tr("Card accounts come by the thousand with a card batch: they are listed "
                                           "only when you ask for them"))
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Any status"), None)
        for status in Status:
            self.status_combo.addItem(status_name(status), status.value)
        self.reseller_combo = QComboBox()
        self.reseller_combo.addItem(self.tr("Any reseller"), None)
        self.balance_edit = QLineEdit()
        self.balance_edit.setPlaceholderText(self.tr("Balance below…"))
        self.balance_edit.setToolTip(self.tr("Only the accounts whose balance is below this amount (0: below zero)"))
        self.balance_edit.setMaximumWidth(130)
        self.balance_edit.textChanged.connect(self._search_timer.start)
        self.balance_edit.returnPressed.connect(self._search)
        for combo in (self.kind_combo, self.status_combo, self.reseller_combo):
            combo.currentIndexChanged.connect(self._search)

    def _filters_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        for widget in (self.kind_combo, self.status_combo, self.reseller_combo, self.balance_edit):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.new_button.setVisible(session.can_create_accounts)
        self.defaults_button.setVisible(session.user.role is Role.ADMIN)
        self.model.set_client(session.client)
        self._load_resellers(session.client)

    def _load_resellers(self, client: ApiClient) -> None:
        """The resellers this user may see, for the reseller filter (a reseller user: its subtree)."""
        while self.reseller_combo.count() > 1:
            self.reseller_combo.removeItem(1)
        (Op(self, lambda: client.get("/resellers", ResellerPage, {"limit": MAX_PAGE_SIZE}))
         .success(self._resellers_loaded)
         .failure(lambda _error: None)  # the filter offers "any reseller" only
         .busy(None)
         .run())

    def _resellers_loaded(self, page: ResellerPage) -> None:
        self.reseller_combo.blockSignals(True)
        for reseller in sorted(page.items, key=lambda reseller: reseller.name.lower()):
            self.reseller_combo.addItem(reseller.name, reseller.id)
        self.reseller_combo.blockSignals(False)

    def open_new_account(self) -> AccountDialog | None:
        session = self._session
        if session is None or not session.can_create_accounts:
            return None
        dialog = AccountDialog(self, session.client, session.user.role)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._account_created)
        self.new_account_dialog = dialog
        dialog.open()
        return dialog

    def open_defaults(self) -> CompanyDefaultsDialog | None:
        """The tariff and dial plan new accounts take (admins)."""
        session = self._session
        if session is None or session.user.role is not Role.ADMIN:
            return None
        dialog = CompanyDefaultsDialog(self, session.client)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.defaults_dialog = dialog
        dialog.open()
        return dialog

    def _account_created(self, account: AccountOut) -> None:
        self._select_when_loaded = account.id
        self._pages_to_find = FIND_NEW_ACCOUNT_PAGES
        self.model.refresh()

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.account_opened.emit(self.model.account_id(index.row()))

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.table.selectionModel().hasSelection())

    def _search(self) -> None:
        self._search_timer.stop()
        text = self.balance_edit.text().strip()
        try:
            below = parse_amount(text) if text else None
        except ValueError as exc:
            self.status_label.setText(str(exc))
            return
        self.model.set_filters(kind=self.kind_combo.currentData(), status=self.status_combo.currentData(),
                               reseller_id=self.reseller_combo.currentData(),
                               balance_below=None if below is None else str(below))
        self.model.set_query(self.search_edit.text())

    def _page_loaded(self) -> None:
        self._update_status()
        wanted = self._select_when_loaded
        if wanted is None:
            return
        row = self.model.row_of(wanted)
        if row is not None:
            self._select_when_loaded = None
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        elif self.model.ids_pending:
            return  # the whole id list is on its way: the new account will be in it
        elif self._pages_to_find > 0 and self.model.canFetchMore(QModelIndex()):
            self._pages_to_find -= 1
            self.model.fetchMore(QModelIndex())  # the new account is further down: page on a little
        else:
            self._select_when_loaded = None  # not in this search, or too far down

    def _loading_changed(self, _loading: bool) -> None:
        self._update_status()

    def _load_failed(self, message: str) -> None:
        self.status_label.setText(self.tr("Could not load accounts: {message}").format(message=message))

    def _update_status(self) -> None:
        count = self.model.rowCount()
        if self.model.loading:
            text = self.tr("Loading…")
        elif self.model.at_end:
            text = self.tr("%n account(s)", "", count)
        else:
            text = self.tr("%n account(s) shown; scroll down for more", "", count)
        self.status_label.setText(text)
