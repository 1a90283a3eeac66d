"""The Reports page against the real service: seeded call records are listed and filtered, the CSV export writes
the same selection, support sees no carrier side, and the traffic report groups with its chart."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from desk_harness import PASSWORD, WAIT_MS, LiveService, add_cdrs, cdr, choose_file
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.pages.listing import Listing
from desktop.pages.reports import ReportsPage
from desktop.qt import Qt
from desktop.session import sign_in
from switch_service.api.schemas import AccountCreate


def _seed(service: LiveService, tmp_path: Path) -> int:
    client = ApiClient(service.url)
    client.login("admin", PASSWORD)
    account_id = client.create_account(AccountCreate(number="2001", name="Reported customer")).id
    other_id = client.create_account(AccountCreate(number="2002", name="Other customer")).id
    add_cdrs(tmp_path, [cdr(1, account_id=account_id, destination="525511110000", duration_s=120),
                        cdr(2, account_id=account_id, destination="525522220000", result="busy"),
                        cdr(3, account_id=account_id, destination="4420794600", duration_s=30, price="0.40",
                            cost="0.10"),
                        cdr(4, account_id=other_id, destination="525533330000", duration_s=60)])
    return account_id


def _page(qtbot: QtBot, service: LiveService, username: str = "admin") -> ReportsPage:
    page = ReportsPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.set_session(sign_in(service.url, username, PASSWORD))
    page.show()
    return page


def _idle(qtbot: QtBot, page: ReportsPage) -> None:
    model = page.cdr_tab.model
    assert model is not None
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=WAIT_MS)


def _column(page: ReportsPage, column: int) -> list[str]:
    model = page.cdr_tab.model
    assert model is not None
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _shown_headers(listing: Listing[Any]) -> list[str]:
    model = listing.model
    return [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
            if not listing.table.isColumnHidden(column)]


def test_search_lists_seeded_records_and_exports_the_same_rows(qtbot: QtBot, live_service: LiveService,
                                                               tmp_path: Path) -> None:
    _seed(live_service, tmp_path)
    page = _page(qtbot, live_service)
    tab = page.cdr_tab
    _idle(qtbot, page)
    assert _column(page, 2) == ["525533330000", "4420794600", "525522220000", "525511110000"]  # newest first
    qtbot.waitUntil(lambda: _column(page, 3) == ["2002", "2001", "2001", "2001"], timeout=WAIT_MS)
    assert tab.listing is not None and _shown_headers(tab.listing) == [
        "Started", "Caller", "Destination", "Account", "Carrier", "Destination name", "Result", "Reason", "Duration",
        "Billed", "Rate/min", "Price", "Cost", "Margin"]
    assert {column.header: column.sort_key for column in tab.listing.model.columns if column.sort_key} == {
        "Started": "started_at", "Caller": "caller", "Destination": "destination", "Result": "result",
        "Duration": "duration_s", "Billed": "billed_s", "Price": "price"}  # a header click sorts by what it shows

    tab.account_edit.setText("2001")
    tab.destination_edit.setText("52")
    tab.search()
    qtbot.waitUntil(lambda: _column(page, 2) == ["525522220000", "525511110000"], timeout=WAIT_MS)
    tab.result_combo.setCurrentIndex(tab.result_combo.findData("answered"))
    tab.search()
    qtbot.waitUntil(lambda: _column(page, 2) == ["525511110000"], timeout=WAIT_MS)

    target = tmp_path / "export.csv"
    choose_file(qtbot, tab.choose_export_file(), target)
    qtbot.waitUntil(tab.message_label.isVisible, timeout=WAIT_MS)
    with target.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [(row["destination"], row["result"], row["price"]) for row in rows] == [
        ("525511110000", "answered", "1.500000")]
    assert "cost" in rows[0]
    assert str(target) in tab.message_label.text()


def test_an_unknown_account_number_says_so_and_keeps_the_list(qtbot: QtBot, live_service: LiveService,
                                                              tmp_path: Path) -> None:
    _seed(live_service, tmp_path)
    page = _page(qtbot, live_service)
    _idle(qtbot, page)
    page.cdr_tab.account_edit.setText("9999")
    page.cdr_tab.search()
    qtbot.waitUntil(page.cdr_tab.message_label.isVisible, timeout=WAIT_MS)
    assert page.cdr_tab.message_label.text() == "No account you may see has the number 9999"
    assert len(_column(page, 2)) == 4


def test_support_sees_no_carrier_side(qtbot: QtBot, live_service: LiveService, tmp_path: Path) -> None:
    _seed(live_service, tmp_path)
    page = _page(qtbot, live_service, "support")
    tab = page.cdr_tab
    _idle(qtbot, page)
    assert len(_column(page, 2)) == 4
    listing = tab.listing
    assert listing is not None
    assert _shown_headers(listing) == ["Started", "Caller", "Destination", "Account", "Destination name", "Result",
                                       "Reason", "Duration", "Billed", "Rate/min", "Price"]
    assert tab.carrier_combo.isHidden()
    target = tmp_path / "support.csv"
    choose_file(qtbot, tab.choose_export_file(), target)
    qtbot.waitUntil(lambda: target.exists() and tab.message_label.isVisible(), timeout=WAIT_MS)
    header = target.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "cost" not in header and "carrier_id" not in header

    traffic = page.traffic_tab
    groups = [traffic.group_combo.itemData(i) for i in range(traffic.group_combo.count())]
    assert "carrier" not in groups
    metrics = [traffic.metric_combo.itemData(i) for i in range(traffic.metric_combo.count())]
    assert "profit" not in metrics and "revenue" not in metrics
    assert [header for _field, header in traffic.headers()] == [
        "Group", "Calls", "Answered", "ASR %", "ACD (s)", "Minutes"]


def test_traffic_by_account_with_a_profit_chart(qtbot: QtBot, live_service: LiveService, tmp_path: Path) -> None:
    _seed(live_service, tmp_path)
    page = _page(qtbot, live_service)
    traffic = page.traffic_tab
    traffic.group_combo.setCurrentIndex(traffic.group_combo.findData("account"))
    traffic.run_report()
    qtbot.waitUntil(lambda: traffic.table.rowCount() == 2, timeout=WAIT_MS)
    assert traffic.message_label.text() == "4 calls, 3.50 minutes in total"
    cells = [[item.text() if (item := traffic.table.item(row, column)) is not None else ""
              for column in range(traffic.table.columnCount())] for row in range(2)]
    # account 2001: 3 calls, 2 answered (150 s), revenue 1.90, cost 1.00; account 2002: one call of 60 s
    assert cells[0][1:] == ["3", "2", "66.67", "1:15", "2.50", "$1.90", "$1.00", "$0.90"]
    assert cells[1][1:4] == ["1", "1", "100.00"]
    assert traffic.chart.labels == [cells[0][0], cells[1][0]]
    traffic.metric_combo.setCurrentIndex(traffic.metric_combo.findData("profit"))
    assert traffic.chart.values == [0.9, 0.6]
