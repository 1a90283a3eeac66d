"""The generic paged table (desktop.paged_table): columns as data, stale answers dropped, evicted pages
fetched again, a million-row list that opens and scrolls without being loaded whole, and the id-list mode
(row count known at once, the end one page away)."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from desk_harness import PASSWORD, WAIT_MS, LiveService
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.api_client import ApiClient, ApiError
from desktop.paged_table import ID_ROLE, SORT_ROLE, Column, PagedTableModel
from desktop.pages.accounts import COL_BALANCE, COL_KIND, COL_NAME, AccountsModel
from desktop.qt import QModelIndex, Qt, QTableView
from switch_service.api.schemas import AccountCreate, AccountOut, AccountPage
from switch_service.store.engine import make_engine
from switch_service.store.models import Account

MILLION = 1_000_000


@dataclass(frozen=True)
class Row:
    id: int
    label: str


@dataclass(frozen=True)
class RowPage:
    items: list[Row]
    next_after: int | None


class MillionRows:
    """A keyset source of ids 1..1,000,000 that makes only the rows asked for, and counts what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[int | None, int]] = []
        self.rows_made = 0
        self._lock = threading.Lock()

    def __call__(self, after: int | None, limit: int) -> RowPage:
        with self._lock:
            self.calls.append((after, limit))
        start = (after or 0) + 1
        ids = range(start, min(start + limit, MILLION + 1))
        with self._lock:
            self.rows_made += len(ids)
        last = ids[-1] if ids else None
        return RowPage([Row(i, f"row {i}") for i in ids], last if last is not None and last < MILLION else None)


def _row_model(page_size: int = 100, cache_size: int = 1000) -> PagedTableModel[Row]:
    columns = [Column("Id", lambda r: str(r.id), lambda r: r.id, align_right=True), Column("Label", lambda r: r.label)]
    return PagedTableModel(columns, page_size=page_size, cache_size=cache_size, placeholder_column=1)


def _api(live: LiveService) -> ApiClient:
    client = ApiClient(live.url)
    client.login("admin", PASSWORD)
    return client


def _view(qtbot: QtBot, model: PagedTableModel[Row] | AccountsModel) -> QTableView:
    """The model in a table view on screen, ~20 rows high."""
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.setModel(model)
    view.show()
    return view


def _idle(qtbot: QtBot, model: PagedTableModel[Row] | AccountsModel) -> None:
    qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)


def _scroll_to_end(qtbot: QtBot, view: QTableView, model: PagedTableModel[Row]) -> None:
    before = model.rowCount()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > before, timeout=WAIT_MS)
    _idle(qtbot, model)


def test_columns_are_data_display_sort_and_alignment(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    created = api.create_account(AccountCreate(number="900", name="Column Co", credit_limit=Decimal("0")))
    model = AccountsModel()
    model.set_client(api)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=WAIT_MS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Number", "Name", "Type", "Status", "Balance", "Currency"]
    balance = model.index(0, COL_BALANCE)
    assert model.data(balance) == "$0.00"
    assert model.data(balance, SORT_ROLE) == Decimal("0")
    assert model.data(balance, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, COL_KIND)) == "Prepaid"
    assert model.data(model.index(0, COL_KIND), SORT_ROLE) == "prepaid"
    assert model.data(model.index(0, COL_NAME), SORT_ROLE) == "Column Co"  # no raw function: the display text
    assert model.data(model.index(0, COL_NAME), ID_ROLE) == created.id
    assert model.row_of(created.id) == 0 and model.row_of(created.id + 1) is None


def test_an_answer_for_an_old_search_is_dropped(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    for number, name in (("801", "Alpha One"), ("802", "Beta Two"), ("803", "Alpha Three")):
        api.create_account(AccountCreate(number=number, name=name))
    gate = threading.Event()

    def slow_everything(after: int | None, limit: int) -> AccountPage:
        gate.wait(WAIT_MS / 1000)
        return api.list_accounts(after=after, limit=limit)

    model: PagedTableModel[AccountOut] = AccountsModel()
    model.set_loader(slow_everything)  # its answer (all three) arrives only after the search below
    assert model.loading
    model.set_loader(lambda after, limit: api.list_accounts(after=after, limit=limit, q="Beta"))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    gate.set()
    qtbot.wait(300)  # the stale answer has arrived by now, and must change nothing
    assert model.rowCount() == 1
    assert model.data(model.index(0, COL_NAME)) == "Beta Two"
    assert not model.loading


def test_a_failing_page_stops_paging_and_says_why(qtbot: QtBot) -> None:
    def refused(after: int | None, limit: int) -> RowPage:
        raise ApiError(403, "not allowed to list these")

    model = _row_model()
    messages: list[str] = []
    model.load_failed.connect(messages.append)
    model.set_loader(refused)
    qtbot.waitUntil(lambda: messages == ["not allowed to list these"], timeout=WAIT_MS)
    assert model.at_end and not model.loading and model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_a_million_rows_open_and_scroll_without_loading_them_all(qtbot: QtBot) -> None:
    source = MillionRows()
    model = _row_model(page_size=100, cache_size=1000)
    view = _view(qtbot, model)
    model.set_loader(source)
    qtbot.waitUntil(lambda: model.rowCount() >= 100, timeout=WAIT_MS)
    _idle(qtbot, model)

    for _ in range(30):  # the user drags the scroll bar to the end, thirty times
        _scroll_to_end(qtbot, view, model)
    assert model.canFetchMore(QModelIndex())
    assert 3100 <= model.rowCount() <= 3300  # one page per trip to the end, not the whole table
    assert all(limit == 100 for _after, limit in source.calls)
    assert len(model._rows) <= 1000  # the row cache stays bounded
    assert model.data(model.index(model.rowCount() - 1, 1)) == f"row {model.rowCount()}"

    # back to the top: the evicted first page is fetched again, with the id before it as the cursor
    calls = len(source.calls)
    view.scrollToTop()
    qtbot.waitUntil(lambda: model.data(model.index(0, 1)) == "row 1", timeout=WAIT_MS)
    assert source.calls[calls] == (None, 100)
    _idle(qtbot, model)
    assert model.data(model.index(150, 1)) == "…"  # further rows only when asked for (off screen here)
    qtbot.waitUntil(lambda: model.data(model.index(150, 1)) == "row 151", timeout=WAIT_MS)
    assert (100, 100) in source.calls[calls:]
    assert source.rows_made < 5000  # of a million


def test_rows_gone_from_a_refetched_page_are_marked(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    for i in range(4):
        api.create_account(AccountCreate(number=f"70{i}", name=f"Kept {i}"))
    gone: set[int] = set()  # as if these accounts had been deleted at the service meanwhile

    def listed(after: int | None, limit: int) -> AccountPage:
        page = api.list_accounts(after=after, limit=limit)
        return AccountPage(items=[a for a in page.items if a.id not in gone], next_after=page.next_after)

    model: PagedTableModel[AccountOut] = AccountsModel(page_size=2, cache_size=2)
    model.set_loader(listed)
    _idle(qtbot, model)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 4 and not model.loading, timeout=WAIT_MS)
    gone.add(model.row_id(0))  # page 0 was evicted by page 1; its refetch no longer returns row 0
    assert model.data(model.index(0, COL_NAME)) == "…"
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_NAME)) == "(no longer listed; refresh)", timeout=WAIT_MS)
    assert model.data(model.index(1, COL_NAME)) == "Kept 1"
    assert model.data(model.index(0, COL_BALANCE)) is None


def test_with_the_id_list_the_row_count_is_known_and_the_end_is_one_page_away(
        qtbot: QtBot, live_service: LiveService, tmp_path: Path) -> None:
    count = 3000
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")  # the live_service fixture's database
    with Session(engine) as session, session.begin():
        session.add_all(Account(number=f"5{i:05d}", name=f"Listed {i}") for i in range(count))
    engine.dispose()
    api = _api(live_service)
    asked: list[int | None] = []  # the `after` of every page of rows the table asked the service for
    list_accounts = api.list_accounts

    def counted(after: int | None = None, limit: int = 100, q: str | None = None,
                selection: dict[str, Any] | None = None) -> AccountPage:
        asked.append(after)
        return list_accounts(after, limit, q, selection)

    api.list_accounts = counted  # type: ignore[method-assign]
    model = AccountsModel(page_size=100, cache_size=1000)
    view = _view(qtbot, model)
    model.set_client(api)
    qtbot.waitUntil(lambda: model.rowCount() == count and not model.loading, timeout=WAIT_MS)
    assert asked == [None]  # every row counted, one page of them fetched, nothing scrolled
    assert not model.canFetchMore(QModelIndex())
    assert view.verticalScrollBar().maximum() >= count - 20  # a true scroll bar: the whole length
    assert model.cached_account(count // 2) is None  # rows only when shown

    view.setCurrentIndex(model.index(0, COL_NAME))  # the user clicked the first row, then presses Ctrl+End
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == count - 1
    qtbot.waitUntil(lambda: model.cached_account(count - 1) is not None and not model.loading, timeout=WAIT_MS)
    assert model.data(model.index(count - 1, COL_NAME)) == f"Listed {count - 1}"
    assert asked == [None, model.account_id(count - 101)]  # one page, after the row before it; not 30

    model.set_query("Listed 299")  # a search has an id list of its own: Listed 299, 2990..2999
    qtbot.waitUntil(lambda: model.rowCount() == 11 and not model.loading, timeout=WAIT_MS)
    assert model.data(model.index(10, COL_NAME)) == "Listed 2999"


def _bool_references() -> int:
    return sys.getrefcount(True) + sys.getrefcount(False)


def test_paging_keeps_pythons_booleans_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0's SignalInstance.emit() (and disconnect()) drops a reference to the bool it returns:
    after some hundreds of signals sent from Python, and each page sends several, True is freed and the
    desktop aborts ("Fatal Python error: bool_dealloc"). 6.11.3 does not; pin a PySide6 that passes this."""
    model = _row_model(page_size=10, cache_size=100)
    model.set_loader(MillionRows())
    _idle(qtbot, model)
    before = _bool_references()
    for _ in range(50):
        model.fetchMore(QModelIndex())
        _idle(qtbot, model)
    assert model.rowCount() == 510
    assert _bool_references() >= before - 20  # some slack for objects that come and go; the bug costs 200+
