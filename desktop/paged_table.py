"""A table of any length over a keyset-paged list endpoint of the API.

As Anki's browser table: the model holds the ordered list of row ids (a compact array) and a bounded LRU
cache of rows. Ids arrive page by page (`after=<last id>`, `next_after` says whether more follow) when the
view scrolls to the end (`canFetchMore`/`fetchMore`); a row that was evicted from the cache is fetched
again, with its whole page, when it scrolls back into view (`after=<id of the row before the page>`, which
also holds for newest-first lists). Every request runs in an `Op`; answers for an older generation (a
refresh or a new search happened meanwhile) are dropped. Nothing ever loads the whole table.

A page declares its table as data: the columns (header, display text, raw value for sorting) and the
function that fetches one page, e.g. `lambda after, limit: client.list_accounts(after=after, limit=limit)`.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    display: Callable[[R], str]
    raw: Callable[[R], Any] | None = None  # the SORT_ROLE value; the display text when None
    align_right: bool = False  # amounts and counts


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Translatable text here uses QCoreApplication.translate with this class's name: `self.tr` would look
    the text up under the subclass's name, where lupdate never put it."""

    loading_changed = Signal(bool)
    page_loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None, *,
                 page_size: int = DEFAULT_PAGE_SIZE, cache_size: int = ROW_CACHE_SIZE,
                 placeholder_column: int = 0) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.page_size = page_size
        self.cache_size = max(cache_size, page_size)
        self.placeholder_column = placeholder_column
        self._loader: PageLoader[R] | None = None
        self._ids = array("q")
        # id -> row; None marks an id its page no longer returned (deleted, or no longer matching)
        self._rows: OrderedDict[int, R | None] = OrderedDict()
        self._at_end = True
        self._appending = False
        self._refetching: set[int] = set()  # first rows of pages being fetched again
        self._generation = 0  # bumped on every reset; answers for an older generation are dropped

    # --- what the page drives --------------------------------------------------------------------

    def set_loader(self, loader: PageLoader[R] | None) -> None:
        """Where pages come from (a new client, a new search); starts over. None shows an empty table."""
        self._loader = loader
        self.refresh()

    def refresh(self) -> None:
        """Forget every id and row and load the first page again."""
        self.beginResetModel()
        self._generation += 1
        self._ids = array("q")
        self._rows.clear()
        self._refetching.clear()
        self._at_end = self._loader is None
        self._set_appending(False)
        self.endResetModel()
        if self._loader is not None:
            self._append_page()

    @property
    def loading(self) -> bool:
        return self._appending or bool(self._refetching)

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
        return None

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._at_end and not self._appending

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
        self._set_appending(True)
        (Op(self, lambda: loader(after, limit))
         .success(lambda page: self._appended(generation, page))
         .failure(lambda error: self._failed(generation, error))
         .busy(None)
         .run())

    def _appended(self, generation: int, page: KeysetPage[R]) -> None:
        if generation != self._generation:
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
        self.page_loaded.emit()

    def _refetch_page_of(self, row: int) -> None:
        """Fetch again the page holding `row`, whose cached copy was evicted."""
        loader = self._loader
        first = row - row % self.page_size
        if loader is None or first in self._refetching:
            return
        self._refetching.add(first)
        self.loading_changed.emit(True)
        generation, limit = self._generation, self.page_size
        after = self._ids[first - 1] if first > 0 else None
        wanted = self._ids[first:first + limit].tolist()
        (Op(self, lambda: loader(after, limit))
         .success(lambda page: self._refetched(generation, first, wanted, page))
         .failure(lambda error: self._failed(generation, error, first))
         .busy(None)
         .run())

    def _refetched(self, generation: int, first: int, wanted: list[int], page: KeysetPage[R]) -> None:
        if generation != self._generation:
            return
        self._refetching.discard(first)
        got = {item.id: item for item in page.items}
        for row_id in wanted:
            self._cache(row_id, got.get(row_id))
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

    def _cache(self, row_id: int, item: R | None) -> None:
        self._rows[row_id] = item
        self._rows.move_to_end(row_id)
        while len(self._rows) > self.cache_size:
            self._rows.popitem(last=False)

    def _set_appending(self, appending: bool) -> None:
        self._appending = appending
        self.loading_changed.emit(self.loading)
