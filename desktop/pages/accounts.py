"""Customer accounts: a lazily filled table, server-side search, and the "New account" dialog.

The table follows Anki's browser: the model holds the ordered list of account ids and a bounded cache
of rows. Ids arrive page by page (keyset, `after=<last id>`) when the view scrolls to the end
(`canFetchMore`/`fetchMore`); a row that was evicted from the cache is fetched again, with its whole
page, when it scrolls back into view (`after=<id before the page>`). Nothing ever loads the whole table.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal, InvalidOperation
from typing import Any

import pydantic

from desktop.api_client import ApiClient, describe_validation
from desktop.formatting import money
from desktop.ops import Op, error_text
from desktop.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.session import DeskSession
from desktop.styling import as_error
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, AccountCreate, AccountKind, AccountOut, AccountPage

ModelIndex = QModelIndex | QPersistentModelIndex

COL_NUMBER, COL_NAME, COL_KIND, COL_STATUS, COL_BALANCE, COL_CURRENCY = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole  # the raw value (Decimal, str), as Vorta keeps display and sort apart
ID_ROLE = Qt.ItemDataRole.UserRole + 1

SEARCH_DELAY_MS = 300
ROW_CACHE_SIZE = 5000
FIND_NEW_ACCOUNT_PAGES = 5  # how far to page on to select a just-created account


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("AccountsModel", "Number"),
        QCoreApplication.translate("AccountsModel", "Name"),
        QCoreApplication.translate("AccountsModel", "Type"),
        QCoreApplication.translate("AccountsModel", "Status"),
        QCoreApplication.translate("AccountsModel", "Balance"),
        QCoreApplication.translate("AccountsModel", "Currency"),
    ]


def kind_name(kind: str) -> str:
    return {
        AccountKind.PREPAID: QCoreApplication.translate("Accounts", "Prepaid"),
        AccountKind.POSTPAID: QCoreApplication.translate("Accounts", "Postpaid"),
    }.get(AccountKind(kind), kind)


def status_name(status: str) -> str:
    return {
        "active": QCoreApplication.translate("Accounts", "Active"),
        "suspended": QCoreApplication.translate("Accounts", "Suspended"),
        "closed": QCoreApplication.translate("Accounts", "Closed"),
    }.get(status, status)


class AccountsModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    page_loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, page_size: int = DEFAULT_PAGE_SIZE,
                 cache_size: int = ROW_CACHE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.cache_size = max(cache_size, page_size)
        self._headers = _headers()
        self._client: ApiClient | None = None
        self._query = ""
        self._ids: list[int] = []
        # id -> row; None marks an id its page no longer returned (deleted, or no longer matching)
        self._rows: OrderedDict[int, AccountOut | None] = OrderedDict()
        self._at_end = True
        self._appending = False
        self._refetching: set[int] = set()  # first rows of pages being fetched again
        self._generation = 0  # bumped on every reset; answers for an older generation are dropped

    # --- what the page drives --------------------------------------------------------------------

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self.refresh()

    def set_query(self, query: str) -> None:
        query = query.strip()
        if query != self._query:
            self._query = query
            self.refresh()

    @property
    def query(self) -> str:
        return self._query

    def refresh(self) -> None:
        """Forget every id and row and load the first page again."""
        self.beginResetModel()
        self._generation += 1
        self._ids = []
        self._rows.clear()
        self._refetching.clear()
        self._at_end = self._client is None
        self._set_appending(False)
        self.endResetModel()
        if self._client is not None:
            self._append_page()

    @property
    def loading(self) -> bool:
        return self._appending or bool(self._refetching)

    @property
    def at_end(self) -> bool:
        return self._at_end

    def account_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, account_id: int) -> int | None:
        try:
            return self._ids.index(account_id)
        except ValueError:
            return None

    def cached_account(self, row: int) -> AccountOut | None:
        return self._rows.get(self._ids[row])

    # --- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        account_id = self._ids[index.row()]
        if role == ID_ROLE:
            return account_id
        if account_id not in self._rows:
            self._refetch_page_of(index.row())
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_NAME else None
        self._rows.move_to_end(account_id)
        account = self._rows[account_id]
        if account is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_NAME:
                return QCoreApplication.translate("AccountsModel", "(no longer listed; refresh)")
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(account, column)
        if role == SORT_ROLE:
            return self._raw(account, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_BALANCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._at_end and not self._appending

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._append_page()

    @staticmethod
    def _display(account: AccountOut, column: int) -> str:
        return {
            COL_NUMBER: account.number,
            COL_NAME: account.name,
            COL_KIND: kind_name(account.kind),
            COL_STATUS: status_name(account.status),
            COL_BALANCE: money(account.balance),
            COL_CURRENCY: account.currency,
        }[column]

    @staticmethod
    def _raw(account: AccountOut, column: int) -> str | Decimal:
        return {
            COL_NUMBER: account.number,
            COL_NAME: account.name,
            COL_KIND: account.kind.value,
            COL_STATUS: account.status.value,
            COL_BALANCE: account.balance,
            COL_CURRENCY: account.currency,
        }[column]

    # --- loading ---------------------------------------------------------------------------------

    def _append_page(self) -> None:
        """The next page after the last known id: new rows at the end."""
        client = self._client
        if client is None:
            return
        generation, query, after = self._generation, self._query, (self._ids[-1] if self._ids else None)
        self._set_appending(True)
        (Op(self, lambda: client.list_accounts(after=after, limit=self.page_size, q=query or None))
         .success(lambda page: self._appended(generation, page))
         .failure(lambda error: self._failed(generation, error))
         .busy(None)
         .run())

    def _appended(self, generation: int, page: AccountPage) -> None:
        if generation != self._generation:
            return
        self._set_appending(False)
        known = set(self._ids)
        fresh = [account for account in page.items if account.id not in known]
        if fresh:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._ids.extend(account.id for account in fresh)
            for account in fresh:
                self._cache(account.id, account)
            self.endInsertRows()
        self._at_end = page.next_after is None
        self.page_loaded.emit()

    def _refetch_page_of(self, row: int) -> None:
        """Fetch again the page holding `row`, whose cached copy was evicted."""
        client = self._client
        first = row - row % self.page_size
        if client is None or first in self._refetching:
            return
        self._refetching.add(first)
        self.loading_changed.emit(True)
        generation, query = self._generation, self._query
        after = self._ids[first - 1] if first > 0 else None
        wanted = self._ids[first:first + self.page_size]
        (Op(self, lambda: client.list_accounts(after=after, limit=self.page_size, q=query or None))
         .success(lambda page: self._refetched(generation, first, wanted, page))
         .failure(lambda error: self._failed(generation, error, first))
         .busy(None)
         .run())

    def _refetched(self, generation: int, first: int, wanted: list[int], page: AccountPage) -> None:
        if generation != self._generation:
            return
        self._refetching.discard(first)
        got = {account.id: account for account in page.items}
        for account_id in wanted:
            self._cache(account_id, got.get(account_id))
        last = min(first + len(wanted), len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.loading_changed.emit(self.loading)

    def _failed(self, generation: int, error: Exception, first: int | None = None) -> None:
        if generation != self._generation:
            return
        if first is None:
            self._set_appending(False)
            self._at_end = True  # stop asking; "refresh" tries again
        else:
            self._refetching.discard(first)
        self.loading_changed.emit(self.loading)
        self.load_failed.emit(error_text(error))

    def _cache(self, account_id: int, account: AccountOut | None) -> None:
        self._rows[account_id] = account
        self._rows.move_to_end(account_id)
        while len(self._rows) > self.cache_size:
            self._rows.popitem(last=False)

    def _set_appending(self, appending: bool) -> None:
        self._appending = appending
        self.loading_changed.emit(self.loading)


class NewAccountDialog(QDialog):
    """Fields of AccountCreate; checked locally with the same schema, then by the service."""

    created = Signal(object)  # AccountOut

    def __init__(self, parent: QWidget, client: ApiClient) -> None:
        super().__init__(parent)
        self._client = client
        self.setWindowTitle(self.tr("New account"))
        self.setMinimumWidth(380)
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(32)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.kind_combo = QComboBox()
        for kind in AccountKind:
            self.kind_combo.addItem(kind_name(kind), kind.value)
        self.currency_edit = QLineEdit()
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setPlaceholderText(self.tr("company currency"))
        self.credit_limit_edit = QLineEdit("0")
        self.overdraft_edit = QLineEdit("0")
        self.email_edit = QLineEdit()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        as_error(self.error_label)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Number"), self.number_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Type"), self.kind_combo)
        form.addRow(self.tr("Currency"), self.currency_edit)
        form.addRow(self.tr("Credit limit (postpaid)"), self.credit_limit_edit)
        form.addRow(self.tr("Overdraft (prepaid)"), self.overdraft_edit)
        form.addRow(self.tr("E-mail"), self.email_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = QPushButton(self.tr("Create"))
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _body(self) -> AccountCreate:
        amounts = {}
        for field, edit in (("credit_limit", self.credit_limit_edit), ("overdraft", self.overdraft_edit)):
            text = edit.text().strip() or "0"
            try:
                amounts[field] = Decimal(text)
            except InvalidOperation:
                raise ValueError(self.tr("{field}: {text} is not an amount").format(field=field, text=text)) from None
        return AccountCreate(
            number=self.number_edit.text(),
            name=self.name_edit.text(),
            kind=AccountKind(self.kind_combo.currentData()),
            currency=self.currency_edit.text().strip() or None,
            email=self.email_edit.text().strip() or None,
            **amounts,
        )

    def _create(self) -> None:
        try:
            body = self._body()
        except pydantic.ValidationError as exc:
            self._show_error(describe_validation(exc.errors(include_url=False)))
            return
        except ValueError as exc:
            self._show_error(str(exc))
            return
        self.create_button.setEnabled(False)
        self.error_label.hide()
        client = self._client
        (Op(self, lambda: client.create_account(body))
         .success(self._created)
         .failure(lambda error: self._show_error(error_text(error)))
         .finally_(lambda: self.create_button.setEnabled(True))
         .busy(self.tr("Creating the account…"))
         .run())

    def _created(self, account: AccountOut) -> None:
        self.created.emit(account)
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


class AccountsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._select_when_loaded: int | None = None
        self._pages_to_find = 0
        self.new_account_dialog: NewAccountDialog | None = None

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
        self.new_button.hide()
        self.new_button.clicked.connect(self.open_new_account)

        self.model = AccountsModel(self)
        self.refresh_button.clicked.connect(self.model.refresh)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel()

        self.model.loading_changed.connect(self._loading_changed)
        self.model.modelReset.connect(self._update_status)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._load_failed)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.new_button.setVisible(session.can_create_accounts)
        self.model.set_client(session.client)

    def open_new_account(self) -> NewAccountDialog | None:
        if self._session is None or not self._session.can_create_accounts:
            return None
        dialog = NewAccountDialog(self, self._session.client)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._account_created)
        self.new_account_dialog = dialog
        dialog.open()
        return dialog

    def _account_created(self, account: AccountOut) -> None:
        self._select_when_loaded = account.id
        self._pages_to_find = FIND_NEW_ACCOUNT_PAGES
        self.model.refresh()

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
            text = self.tr("{count} accounts").format(count=count)
        else:
            text = self.tr("{count} accounts shown; scroll down for more").format(count=count)
        self.status_label.setText(text)
