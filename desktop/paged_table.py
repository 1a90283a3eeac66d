"""A table of any length over a keyset-paged list endpoint of the API.

As Anki's browser table: the model holds the ordered list of row ids (a compact array) and a bounded LRU
cache of rows. The ids come one of two ways:
- id list (when the page gives an `IdsLoader`, e.g. `GET /accounts/ids`): the whole ordered id list in one
  answer, asked for together with the first page (which is shown as soon as it comes). From then on the row
  count is known, the scroll bar is true, and any range (the end included, Ctrl+End) is one keyset page,
  fetched when it scrolls into view;
- page by page (lists too long even for their ids, e.g. call records): `after=<last id>` when the view scrolls
  to the end (`canFetchMore`/`fetchMore`), `next_after` saying whether more follow.
A row not in the cache (never fetched, or evicted) is fetched with its whole page when it scrolls into view
(`after=<id of the row before the page>`, which also holds for newest-first lists). Every request runs in an
`Op`; answers for an older generation (a refresh or a new search happened meanwhile) are dropped. No row is
fetched before it is shown.

A page declares its table as data: the columns (header, display text, raw value, the API's sort key) and the
function that fetches one page, e.g. `lambda after, limit: client.list_accounts(after=after, limit=limit)`.

Sorting happens in the query, not in a proxy (as Anki's browser): a click on a column header whose column names the
list's sort key (`Column.sort_key`) starts the table over in that order, the loader (`set_sorted_loader`) passing
`sort=`/`order=` to the service for the id list and every page. A list the API does not page (the whole list is in
the table) sorts where it is, by the column's raw value.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, Protocol, TypeVar

from desktop.ops import Op, error_text
from desktop.qt import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from switch_service.api.schemas import DEFAULT_PAGE_SIZE

ModelIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole  # the raw value (Decimal, str), as Vorta keeps display and sort apart
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_CACHE_SIZE = 5000
PENDING_TEXT = "…"  # shown in the placeholder column while an evicted row is fetched again


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)
R_co = TypeVar("R_co", bound=HasId, covariant=True)


class KeysetPage(Protocol[R_co]):
    """Any `*Page` schema of the API: the rows, and the cursor of the next page (None at the end)."""

    @property
    def items(self) -> Sequence[R_co]: ...

    @property
    def next_after(self) -> int | None: ...


PageLoader = Callable[[int | None, int], KeysetPage[R]]
"""(after, limit) -> page. Runs in a worker thread: it may block on the network, never touch Qt."""

IdsLoader = Callable[[], "array[int]"]
"""() -> every id of the list, in its order. Runs in a worker thread, as a PageLoader."""


@dataclass(frozen=True)
class ListOrder:
    """The order a list is asked for: by the API's sort `key` (None: the list's own order), up or down."""

    key: str | None = None
    descending: bool = False

    def params(self) -> dict[str, str]:
        """The query parameters that ask for it (none for the list's own order)."""
        if self.key is None:
            return {}
        return {"sort": self.key, "order": "desc" if self.descending else "asc"}


SortedPageLoader = Callable[[int | None, int, ListOrder], KeysetPage[R]]
"""(after, limit, order) -> page: a PageLoader that asks the service for the list in `order`."""

SortedIdsLoader = Callable[[ListOrder], "array[int]"]


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    display: Callable[[R], str]
    raw: Callable[[R], Any] | None = None  # the SORT_ROLE value; the display text when None
    align_right: bool = False  # amounts and counts
    sort_key: str | None = None  # the list endpoint's `sort=` name for this column; None: not sorted by the service
    tooltip: Callable[[R], str] | None = None  # more than the cell says (shown on hover)


def sorted_by(columns: Sequence[Column[R]], keys: Mapping[int, str]) -> list[Column[R]]:
    """The columns, those at the positions given sorted by the service under these `sort=` names."""
    return [replace(column, sort_key=keys.get(position, column.sort_key)) for position, column in enumerate(columns)]


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Translatable text here uses QCoreApplication.translate with this class's name: `self.tr` would look
    the text up under the subclass's name, where lupdate never put it."""

    loading_changed = Signal(bool)
    page_loaded = Signal()
    load_failed = Signal(str)
    sort_refused = Signal(int, bool)  # a column the list cannot be sorted by: the column and direction it keeps

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None, *,
                 page_size: int = DEFAULT_PAGE_SIZE, cache_size: int = ROW_CACHE_SIZE,
                 placeholder_column: int = 0) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.page_size = page_size
        self.cache_size = max(cache_size, page_size)
        self.placeholder_column = placeholder_column
        self._loader: SortedPageLoader[R] | None = None
        self._ids_loader: SortedIdsLoader | None = None
        self._service_sorts = False  # the loader passes the order on to the service
        self.order = ListOrder()
        self.sort_column = -1  # the column the table is sorted by; -1: the list's own order
        self._sorted_here: bool | None = None  # a whole list sorted here: descending or not
        self._ids_pending = False  # the id list was asked for and has not come yet
        self._ids_complete = False  # `_ids` is the whole list (id-list mode, once it came)
        self._ids = array("q")
        # id -> row; None marks an id its page no longer returned (deleted, or no longer matching)
        self._rows: OrderedDict[int, R | None] = OrderedDict()
        self._at_end = True
        self._appending = False
        self._refetching: set[int] = set()  # first rows of pages being fetched again
        self._generation = 0  # bumped on every reset; answers for an older generation are dropped

    # --- what the page drives --------------------------------------------------------------------

    def set_loader(self, loader: PageLoader[R] | None, ids_loader: IdsLoader | None = None) -> None:
        """Where pages (and, with `ids_loader`, the id list) come from (a new client, a new search); starts
        over. None shows an empty table. The service does not sort this list: only a whole list sorts."""
        self._service_sorts = False
        self._loader = None if loader is None else (lambda after, limit, _order: loader(after, limit))
        self._ids_loader = None if ids_loader is None or loader is None else (lambda _order: ids_loader())
        self.refresh()

    def set_sorted_loader(self, loader: SortedPageLoader[R] | None,
                          ids_loader: SortedIdsLoader | None = None) -> None:
        """As `set_loader`, for a list the service sorts: each request gets the table's order."""
        self._service_sorts = True
        self._loader = loader
        self._ids_loader = ids_loader if loader is not None else None
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header (QTableView with sorting enabled): the service sorts the list again when the
        column has a sort key; else a list that is all here (the API returned it whole, or it fits one page) sorts
        here; -1 is the list's own order."""
        descending = order is Qt.SortOrder.DescendingOrder
        sortable = 0 <= column < len(self.columns)
        by_service = sortable and self._service_sorts and self.columns[column].sort_key is not None
        if sortable and not by_service and self._whole_list_here():
            self._sort_here(column, descending)
            return
        if not sortable:
            wanted = ListOrder()
        elif by_service:
            wanted = ListOrder(self.columns[column].sort_key, descending)
        else:
            self.sort_refused.emit(self.sort_column, bool(self._sorted_here) or self.order.descending)
            return
        self._sorted_here = None
        self.sort_column = column if wanted.key is not None else -1
        if wanted != self.order:
            self.order = wanted
            if self._service_sorts:
                self.refresh()

    def _whole_list_here(self) -> bool:
        return self._at_end and self._ids_loader is None and all(row_id in self._rows for row_id in self._ids)

    def _sort_here(self, column: int, descending: bool) -> None:
        """Sort the rows the table holds (a list the API returns whole) by the column's raw value."""
        spec = self.columns[column]
        value = spec.raw or spec.display

        def key(row_id: int) -> tuple[bool, Any]:
            item = self._rows[row_id]
            raw = None if item is None else value(item)
            return raw is None, raw

        self.layoutAboutToBeChanged.emit()
        self._ids = array("q", sorted(self._ids, key=key, reverse=descending))
        self.layoutChanged.emit()
        self.sort_column, self._sorted_here = column, descending

    def refresh(self) -> None:
        """Forget every id and row and load the first page again."""
        self.beginResetModel()
        self._generation += 1
        self._ids = array("q")
        self._rows.clear()
        self._refetching.clear()
        self._at_end = self._loader is None
        self._ids_pending = self._ids_loader is not None
        self._ids_complete = False
        self._set_appending(False)
        self.endResetModel()
        if self._loader is not None:
            self._append_page()  # the first rows, at once
        if self._ids_loader is not None:
            self._load_ids()

    @property
    def loading(self) -> bool:
        return self._appending or self._ids_pending or bool(self._refetching)

    @property
    def ids_pending(self) -> bool:
        """The id list is on its way: rows further down are not known yet, but will be without scrolling."""
        return self._ids_pending

    @property
    def at_end(self) -> bool:
        return self._at_end

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def cached_row(self, row: int) -> R | None:
        return self._rows.get(self._ids[row])

    # --- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row_id = self._ids[index.row()]
        if role == ID_ROLE:
            return row_id
        placeholder = role == Qt.ItemDataRole.DisplayRole and index.column() == self.placeholder_column
        if row_id not in self._rows:
            self._refetch_page_of(index.row())
            return PENDING_TEXT if placeholder else None
        self._rows.move_to_end(row_id)
        item = self._rows[row_id]
        if item is None:
            return QCoreApplication.translate("PagedTableModel", "(no longer listed; refresh)") if placeholder else None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(item)
        if role == SORT_ROLE:
            return column.raw(item) if column.raw is not None else column.display(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(item)
        return None

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._at_end and not self._appending and not self._ids_pending

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._append_page()

    # --- loading ---------------------------------------------------------------------------------

    def _append_page(self) -> None:
        """The next page after the last known id: new rows at the end."""
        loader = self._loader
        if loader is None:
            return
        generation, after, limit = self._generation, (self._ids[-1] if self._ids else None), self.page_size
        order = self.order
        self._set_appending(True)
        (Op(self, lambda: loader(after, limit, order))
         .success(lambda page: self._appended(generation, page))
         .failure(lambda error: self._failed(generation, error))
         .busy(None)
         .run())

    def _appended(self, generation: int, page: KeysetPage[R]) -> None:
        if generation != self._generation:
            return
        if self._ids_complete:  # the id list came first: this is the first page of rows it already counts
            self._refetching.discard(0)
            self._set_appending(False)
            self._fill(0, self._ids[:len(page.items)].tolist(), page)
            self.page_loaded.emit()
            return
        self._set_appending(False)
        items = page.items  # a keyset page starts after the last id: it never repeats one
        if items:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self._ids.extend(item.id for item in items)
            for item in items:
                self._cache(item.id, item)
            self.endInsertRows()
        self._at_end = page.next_after is None
        if self._sorted_here is not None and self._whole_list_here():  # a whole list sorted here stays sorted
            self._sort_here(self.sort_column, self._sorted_here)
        self.page_loaded.emit()

    def _refetch_page_of(self, row: int) -> None:
        """Fetch again the page holding `row`, whose cached copy was evicted."""
        loader = self._loader
        first = row - row % self.page_size
        if loader is None or first in self._refetching:
            return
        self._refetching.add(first)
        self.loading_changed.emit(True)
        generation, limit, order = self._generation, self.page_size, self.order
        after = self._ids[first - 1] if first > 0 else None
        wanted = self._ids[first:first + limit].tolist()
        (Op(self, lambda: loader(after, limit, order))
         .success(lambda page: self._refetched(generation, first, wanted, page))
         .failure(lambda error: self._failed(generation, error, first))
         .busy(None)
         .run())

    def _refetched(self, generation: int, first: int, wanted: list[int], page: KeysetPage[R]) -> None:
        if generation != self._generation:
            return
        self._refetching.discard(first)
        self._fill(first, wanted, page)
        self.loading_changed.emit(self.loading)

    def _fill(self, first: int, wanted: list[int], page: KeysetPage[R]) -> None:
        """Cache the rows of `page` for the ids `wanted` (rows `first`...); an id it lacks is no longer listed."""
        got = {item.id: item for item in page.items}
        for row_id in wanted:
            self._cache(row_id, got.get(row_id))
        last = min(first + len(wanted), len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _load_ids(self) -> None:
        ids_loader, generation, order = self._ids_loader, self._generation, self.order
        if ids_loader is None:
            return
        (Op(self, lambda: ids_loader(order))
         .success(lambda ids: self._ids_loaded(generation, ids))
         .failure(lambda _error: self._ids_failed(generation))
         .busy(None)
         .run())

    def _ids_loaded(self, generation: int, ids: array[int]) -> None:
        """The whole list: the rows beyond the first page are added in one go (the view only asks for the
        ones it shows); if the list changed since the first page, the table starts over on the new list."""
        if generation != self._generation:
            return
        self._ids_pending = False
        self._ids_complete = True
        self._at_end = True
        known = len(self._ids)
        if known <= len(ids) and self._ids == ids[:known]:
            if len(ids) > known:
                self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self._refetching.clear()
            self.endResetModel()
        if self._appending:
            self._refetching.add(0)  # the first page is on its way: no second request for its rows
        self.loading_changed.emit(self.loading)
        self.page_loaded.emit()

    def _ids_failed(self, generation: int) -> None:
        """No id list (an older service, a failure): the table goes on page by page, as for long lists."""
        if generation != self._generation:
            return
        self._ids_pending = False
        self.loading_changed.emit(self.loading)
        self.page_loaded.emit()

    def _failed(self, generation: int, error: Exception, first: int | None = None) -> None:
        if generation != self._generation:
            return
        if first is None:
            if self._ids_complete:
                self._refetching.discard(0)  # the first page, which the id list counted on
            self._set_appending(False)
            self._at_end = True  # stop asking; "refresh" tries again
        else:
            self._refetching.discard(first)
        self.loading_changed.emit(self.loading)
        self.load_failed.emit(error_text(error))

    def _cache(self, row_id: int, item: R | None) -> None:
        self._rows[row_id] = item
        self._rows.move_to_end(row_id)
        while len(self._rows) > self.cache_size:
            self._rows.popitem(last=False)

    def _set_appending(self, appending: bool) -> None:
        self._appending = appending
        self.loading_changed.emit(self.loading)
