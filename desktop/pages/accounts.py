"""Customer accounts: a lazily filled table (`desktop.paged_table`), server-side search, "New account…"
and the company's "Defaults for new accounts…" (dialogs in account_edit.py)."""

from __future__ import annotations

from desktop.api_client import ApiClient
from desktop.column_sizing import ColumnFit
from desktop.formatting import money
from desktop.paged_table import ROW_CACHE_SIZE, Column, PagedTableModel
from desktop.pages.account_edit import AccountDialog, CompanyDefaultsDialog, kind_name, status_name
from desktop.qt import (
    QAbstractItemView,
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
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, AccountOut, Role

COL_NUMBER, COL_NAME, COL_KIND, COL_STATUS, COL_BALANCE, COL_CURRENCY = range(6)

SEARCH_DELAY_MS = 300
FIND_NEW_ACCOUNT_PAGES = 5  # how far to page on to select a just-created account


def account_columns() -> list[Column[AccountOut]]:
    """In COL_* order; made when a model is, so the headers are in the language of the day."""
    return [
        Column(QCoreApplication.translate("AccountsModel", "Number"), lambda a: a.number),
        Column(QCoreApplication.translate("AccountsModel", "Name"), lambda a: a.name),
        Column(QCoreApplication.translate("AccountsModel", "Type"), lambda a: kind_name(a.kind),
               lambda a: a.kind.value),
        Column(QCoreApplication.translate("AccountsModel", "Status"), lambda a: status_name(a.status),
               lambda a: a.status.value),
        Column(QCoreApplication.translate("AccountsModel", "Balance"), lambda a: money(a.balance),
               lambda a: a.balance, align_right=True),
        Column(QCoreApplication.translate("AccountsModel", "Currency"), lambda a: a.currency),
    ]


class AccountsModel(PagedTableModel[AccountOut]):
    """`GET /accounts/ids?q=` (the id list) and `GET /accounts?after=&limit=&q=` (its rows) as a table; a new
    client or search starts over."""

    def __init__(self, parent: QObject | None = None, *, page_size: int = DEFAULT_PAGE_SIZE,
                 cache_size: int = ROW_CACHE_SIZE) -> None:
        super().__init__(account_columns(), parent, page_size=page_size, cache_size=cache_size,
                         placeholder_column=COL_NAME)
        self._client: ApiClient | None = None
        self._query = ""

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
        client, query = self._client, self._query or None
        if client is None:
            self.set_loader(None)
        else:
            self.set_loader(lambda after, limit: client.list_accounts(after=after, limit=limit, q=query),
                            lambda: client.account_ids(query))


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

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.new_button.setVisible(session.can_create_accounts)
        self.defaults_button.setVisible(session.user.role is Role.ADMIN)
        self.model.set_client(session.client)

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
