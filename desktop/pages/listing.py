"""A list as the desktop's list tabs show it: a lazily paged table (`desktop.paged_table`), its column widths,
and one status line saying how many rows there are, that there are none and what to do, or why loading failed;
and the tab around it (`ListTab`): filters and buttons above, a line for what the service answered, a confirmation
before anything is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, cast

import pydantic

from desktop.api_client import ApiClient
from desktop.column_sizing import ColumnFit
from desktop.paged_table import Column, KeysetPage, ListOrder, PagedTableModel, R, SortedPageLoader
from desktop.pages.account_refs import IdLabels
from desktop.qt import (
    QAbstractItemView,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
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
from desktop.styling import as_error

FIND_ROW_PAGES = 5  # how far to page on to select a row just created
FILTER_DELAY_MS = 300


def yes_no(value: bool) -> str:
    """A yes/no cell."""
    return QCoreApplication.translate("Listing", "Yes") if value else QCoreApplication.translate("Listing", "No")


def enable_sorting(table: QTableView, model: PagedTableModel[Any]) -> None:
    """Clicking a column header sorts the list by it (again: the other way round), in the service or, for a list
    the API returns whole, in the table; a column the list cannot be sorted by leaves the order as it was."""
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the list's own order until a header is clicked
    header.setSortIndicatorShown(True)
    table.setSortingEnabled(True)
    model.sort_refused.connect(lambda column, descending: header.setSortIndicator(
        column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder),
        Qt.ConnectionType.QueuedConnection)


def api_loader(client: ApiClient | None, path: str, page_model: type[pydantic.BaseModel],
               params: dict[str, Any] | None = None) -> SortedPageLoader[Any] | None:
    """`GET path` (with `params`) a page at a time in the order of the header clicked, for
    `PagedTableModel.set_sorted_loader`; None (an empty list) without a client (a role that may not see the list)."""
    if client is None:
        return None
    return lambda after, limit, order: cast(KeysetPage[Any], client.get(
        path, page_model, {**(params or {}), "after": after, "limit": limit, **order.params()}))


def filter_timer(parent: QObject, timeout: Callable[[], None]) -> QTimer:
    """Typing in a filter box asks the service once, when the typing pauses."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(FILTER_DELAY_MS)
    timer.timeout.connect(timeout)
    return timer


class Listing(QWidget, Generic[R]):
    """`count_text(count, at_end)` and `empty_text()` are the list's own translated words."""

    activated = Signal(int)  # the id of the row double-clicked (or Enter)
    selection_changed = Signal()

    def __init__(self, model: PagedTableModel[R], *, widths: Sequence[int], stretch: int,
                 count_text: Callable[[int, bool], str], empty_text: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._count_text = count_text
        self._empty_text = empty_text
        self._select_when_loaded: int | None = None
        self._pages_to_find = 0
        self._failure = ""

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in enumerate(widths):  # until the first rows are in (desktop.column_sizing)
            header.resizeSection(column, width)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.column_fit = ColumnFit(self.table, stretch)
        enable_sorting(self.table, model)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        model.loading_changed.connect(self._update_status)
        model.modelReset.connect(self._reset)
        model.page_loaded.connect(self._page_loaded)
        model.load_failed.connect(self._load_failed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.cached_row(rows[0].row()) if rows else None

    def refresh(self, select_id: int | None = None) -> None:
        """Load again from the first page; `select_id` is selected once its page is in (a row just made)."""
        self._select_when_loaded = select_id
        self._pages_to_find = FIND_ROW_PAGES
        self.model.refresh()

    def _selection_changed(self) -> None:
        self.selection_changed.emit()

    def _activated(self, index: QModelIndex) -> None:
        self.activated.emit(self.model.row_id(index.row()))

    def _reset(self) -> None:
        self._failure = ""
        self._update_status()
        self.selection_changed.emit()

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
            self.model.fetchMore(QModelIndex())
        else:
            self._select_when_loaded = None  # not under these filters, or too far down

    def _load_failed(self, message: str) -> None:
        self._failure = message
        self._update_status()

    def _update_status(self, _loading: bool = False) -> None:
        count = self.model.rowCount()
        if self._failure:
            text = self.tr("Could not load the list: {message}").format(message=self._failure)
        elif self.model.loading:
            text = self.tr("Loading…")
        elif count == 0:
            text = self._empty_text()
        else:
            text = self._count_text(count, self.model.at_end)
        self.status_label.setText(text)


class ApiListModel(PagedTableModel[R]):
    """A keyset list endpoint of the API as a table: GET `path` with the current filters as query parameters (new
    filters start over). The ids of the `named` columns are looked up (`IdLabels.fill`) with each page, in the
    loader's worker thread, so drawing a cell never waits for the network."""

    def __init__(self, columns: Sequence[Column[R]], path: str, page_model: type[pydantic.BaseModel],
                 parent: QObject | None = None, *, placeholder_column: int = 0,
                 named: Sequence[tuple[IdLabels, Callable[[R], int | None]]] = ()) -> None:
        super().__init__(columns, parent, placeholder_column=placeholder_column)
        self._path = path
        self._page_model = page_model
        self._named = tuple(named)
        self._client: ApiClient | None = None
        self.filters: dict[str, str | int | None] = {}

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self._load()

    def set_filters(self, **filters: str | int | None) -> None:
        if filters != self.filters:
            self.filters = filters
            self._load()

    @property
    def filtered(self) -> bool:
        return any(value is not None for value in self.filters.values())

    def _load(self) -> None:
        client, path, page_model, filters, named = self._client, self._path, self._page_model, self.filters, self._named
        if client is None:
            self.set_loader(None)
            return

        def load(after: int | None, limit: int, order: ListOrder) -> KeysetPage[R]:
            params = {"after": after, "limit": limit, **filters, **order.params()}
            page = cast(KeysetPage[R], client.get(path, page_model, params))
            for labels, id_of in named:
                labels.fill(id_of(item) for item in page.items)
            return page

        self.set_sorted_loader(load)


class ListTab(QWidget):
    """Subclasses add their filters and buttons to `top` (`filter_edit` makes a filter box, `edit_buttons` the
    usual buttons), then call `set_listing`. Buttons in `row_buttons` are enabled only while a row is selected.
    Text here is translated in this class's context (`self.tr` would use the subclass's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.top = QHBoxLayout()
        self.row_buttons: list[QPushButton] = []
        self.confirm_box: QMessageBox | None = None
        self.dialog: QDialog | None = None
        self._listing: Listing[Any] | None = None
        self._filter_timers: list[QTimer] = []
        self._edit_on_activate = False
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.top)
        self._layout.addWidget(self.message_label)

    def set_listing(self, listing: Listing[Any]) -> None:
        self._listing = listing
        self._layout.addWidget(listing, 1)
        listing.selection_changed.connect(self._selection_changed)
        if self._edit_on_activate:
            listing.activated.connect(self._activated)
        self._selection_changed()

    def refresh(self) -> None:
        if self._listing is not None:
            self._listing.refresh()

    def add_refresh_button(self) -> QPushButton:
        """A Refresh button at the end of `top`."""
        self.refresh_button = QPushButton(QCoreApplication.translate("ListTab", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.top.addWidget(self.refresh_button)
        return self.refresh_button

    # --- filters ---------------------------------------------------------------------------------

    def filter_edit(self, placeholder: str) -> QLineEdit:
        """A filter box: the list asks the service again when the typing pauses, or at Enter."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        timer = filter_timer(self, self.apply_filters)
        self._filter_timers.append(timer)
        edit.textChanged.connect(timer.start)
        edit.returnPressed.connect(self.apply_filters)
        return edit

    def apply_filters(self) -> None:
        for timer in self._filter_timers:
            timer.stop()
        self.filters_changed()

    def filters_changed(self) -> None:
        """Give the model the filters as they are now."""

    # --- add, change, delete ---------------------------------------------------------------------

    def edit_buttons(self, add_text: str) -> None:
        """Refresh, add, edit and delete, wired to `refresh`, `open_add`, `open_edit` and `delete_selected`; a
        double-click on a row (or Enter) edits it too."""
        self.add_refresh_button()
        self.add_button = QPushButton(add_text)
        self.edit_button = QPushButton(QCoreApplication.translate("ListTab", "Edit…"))
        self.delete_button = QPushButton(QCoreApplication.translate("ListTab", "Delete…"))
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.delete_button.clicked.connect(self.delete_selected)
        self.row_buttons += [self.edit_button, self.delete_button]
        for button in (self.add_button, self.edit_button, self.delete_button):
            self.top.addWidget(button)
        self._edit_on_activate = True

    def open_add(self) -> QDialog | None:
        return None

    def open_edit(self) -> QDialog | None:
        return None

    def delete_selected(self) -> QMessageBox | None:
        return None

    def open_dialog(self, dialog: QDialog) -> None:
        """Window-modal, deleted when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def confirm(self, title: str, text: str, action: str, confirmed: Callable[[], None]) -> QMessageBox:
        """A window-modal question; `confirmed` (a bound method) runs only when `action` is clicked."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self)
        button = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        button.clicked.connect(confirmed)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box
        box.open()
        return box

    def _activated(self, _row_id: int) -> None:
        self.open_edit()

    def _selection_changed(self) -> None:
        chosen = self._listing is not None and self._listing.selected_id() is not None
        for button in self.row_buttons:
            button.setEnabled(chosen)

    # --- what the tab says -----------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        """A line above the list: what the service did, or its refusal (in the error colour)."""
        self.message_label.setPalette(self.palette())
        if error:
            as_error(self.message_label)
        self.message_label.setText(text)
        self.message_label.show()

    def hush(self) -> None:
        self.message_label.hide()
