"""The account page against the real service, as a support rep uses it: open an account from the table,
recharge it and see the receipt, register and remove caller numbers, speed dials, notes, the account's calls
(without the carrier side for support) and their CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService, choose_file
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.api_client import ApiClient, ApiError
from desktop.main_window import MainWindow
from desktop.pages.account_details import AccountDetailsPage, AccountHeader
from desktop.pages.account_tabs import AccountTab, AniList, local_time
from desktop.pages.statements import AccountStatementsTab
from desktop.qt import QMessageBox, QPushButton, Qt
from desktop.session import DeskSession, sign_in
from switch_service.api.schemas import AccountCreate, AccountKind, AccountOut, AniCreate, AniOut, PaymentPage, Status
from switch_service.api.schemas.dids import DidCreate, DidKind, DidOut
from switch_service.store.engine import make_engine
from switch_service.store.models import Cdr, Reseller
from switch_service.store.models.enums import CdrKind, ResellerKind, Role
from switch_service.store.repositories.users import add_user

STARTED = dt.datetime(2026, 3, 1, 12, 0, 5, tzinfo=dt.UTC)


@pytest.fixture
def account_id(admin_api: ApiClient) -> int:
    return admin_api.create_account(AccountCreate(number="7001", name="Harbour Cafe", currency="USD",
                                                  overdraft=Decimal("5"))).id


def _window(qtbot: QtBot, live: LiveService, username: str) -> MainWindow:
    session: DeskSession = sign_in(live.url, username, PASSWORD)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


@contextmanager
def _store(tmp_path: Path) -> Iterator[Session]:
    """The live service's database (tests/desktop/conftest.py), written through the store as the switch does."""
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")
    try:
        with Session(engine) as session:
            yield session
            session.commit()
    finally:
        engine.dispose()


def _open(qtbot: QtBot, window: MainWindow, account_id: int, how: str = "enter") -> AccountDetailsPage:
    """Find the account in the accounts table and open it as a rep does: Enter, a double-click or Open."""
    accounts = window.show_page("accounts")
    assert accounts is window.accounts_page
    model = accounts.model
    qtbot.waitUntil(lambda: model.row_of(account_id) is not None and not model.loading, timeout=WAIT_MS)
    row = model.row_of(account_id)
    assert row is not None
    if how == "double-click":
        cell = accounts.table.visualRect(model.index(row, 1)).center()
        qtbot.mouseClick(accounts.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double-click's press
        qtbot.mouseDClick(accounts.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    else:
        assert not accounts.open_button.isEnabled()  # nothing chosen yet
        accounts.table.selectRow(row)
        assert accounts.open_button.isEnabled()
        if how == "enter":
            accounts.table.setFocus()
            qtbot.keyClick(accounts.table, Qt.Key.Key_Return)
        else:
            qtbot.mouseClick(accounts.open_button, Qt.MouseButton.LeftButton)
    page = window.account_details_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.account is not None, timeout=WAIT_MS)
    return page


def _show_tab(qtbot: QtBot, page: AccountDetailsPage, tab: AccountTab | None) -> AccountTab:
    assert tab is not None
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_for is not None and not tab.model.loading, timeout=WAIT_MS)
    return tab


def _column(tab: AccountTab, column: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _headers(tab: AccountTab) -> list[str]:
    return [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]


def _wait_idle(qtbot: QtBot, tab: AccountTab) -> None:
    qtbot.waitUntil(lambda: tab.writing_controls[0].isEnabled() and not tab.model.loading, timeout=WAIT_MS)


def test_support_opens_an_account_and_recharges_it(qtbot: QtBot, live_service: LiveService, account_id: int,
                                                   admin_api: ApiClient) -> None:
    window = _window(qtbot, live_service, "support")
    page = _open(qtbot, window, account_id)
    header = page.header
    assert page.title_label.text() == "7001 — Harbour Cafe"
    assert (header.kind_label.text(), header.status_label.text(), header.currency_label.text()) == (
        "Prepaid", "Active", "USD")
    assert (header.balance_label.text(), header.reserved_label.text()) == ("$0.00", "$0.00")
    assert (header.limit_name_label.text(), header.limit_label.text()) == ("Overdraft", "$5.00")
    assert header.available_label.text() == "$5.00"  # balance + overdraft - reserved
    assert page.recharge_button.isVisibleTo(page)

    dialog = page.open_payment()
    assert dialog is not None
    kinds = [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())]
    assert kinds == ["topup", "payment"]  # support may not refund or adjust
    dialog.amount_edit.setText("ten")  # not even an amount: said under the field, nothing sent
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.visible() == {"amount": "ten is not an amount; write it like 10.50"}
    dialog.amount_edit.setText("-5")  # the service judges it, in the desktop's words (not pydantic's)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.visible() == {"amount": "must be more than 0"}, timeout=WAIT_MS)
    assert admin_api.get(f"/accounts/{account_id}/payments", PaymentPage).items == []  # nothing was taken

    dialog.amount_edit.setText("10.50")
    dialog.note_edit.setPlainText("paid at the counter")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.receipt_label.isVisible, timeout=WAIT_MS)
    payments = admin_api.get(f"/accounts/{account_id}/payments", PaymentPage).items
    assert [(p.amount, p.kind, p.note) for p in payments] == [(Decimal("10.50"), "topup", "paid at the counter")]
    receipt = payments[0].receipt_number
    assert receipt.startswith("R-")
    assert receipt in page.receipt_label.text()
    assert "New balance: $10.50." in page.receipt_label.text()
    assert header.balance_label.text() == "$10.50"
    qtbot.waitUntil(lambda: header.available_label.text() == "$15.50", timeout=WAIT_MS)
    assert admin_api.get_account(account_id).balance == Decimal("10.50")

    payments_tab = _show_tab(qtbot, page, page.payments_tab)
    assert _column(payments_tab, 1) == [receipt]
    assert _column(payments_tab, 3) == ["$10.50"]

    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.accounts_page


def test_the_header_shows_the_services_available_figure(qtbot: QtBot) -> None:
    """The desktop never works `available` out itself (issue 17): whatever the service says is what it shows."""
    header = AccountHeader()
    qtbot.addWidget(header)
    account = AccountOut(id=1, number="7002", name="Held", kind=AccountKind.PREPAID, status=Status.ACTIVE,
                         balance=Decimal("10"), overdraft=Decimal("5"), credit_limit=Decimal(0),
                         reserved=Decimal("3"), available=Decimal("11.25"), currency="USD",
                         created_at=STARTED)
    header.show_account(account)
    assert header.available_label.text() == "$11.25"


def _press(qtbot: QtBot, button: QPushButton) -> None:
    """The clerk moves to the button and presses it with the space bar."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_a_payment_entered_again_after_a_timeout_is_taken_once(qtbot: QtBot, live_service: LiveService,
                                                              account_id: int, admin_api: ApiClient,
                                                              tmp_path: Path) -> None:
    """The service is slow (another writer holds the database), the clerk's request times out, the service takes
    the payment afterwards; the clerk presses Enter again in the same dialog: the first receipt, one payment."""
    session = sign_in(live_service.url, "support", PASSWORD)
    session.client.timeout = 1.0  # the clerk's patience, shortened
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = _open(qtbot, window, account_id)
    dialog = page.open_payment()
    assert dialog is not None
    qtbot.keyClicks(dialog.amount_edit, "10.50")
    other_writer = sqlite3.connect(tmp_path / "desk.db", isolation_level=None)
    try:
        other_writer.execute("BEGIN IMMEDIATE")
        _press(qtbot, dialog.ok_button)
        qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT_MS)
        assert "never entered twice" in dialog.error_label.text()
        other_writer.execute("ROLLBACK")
    finally:
        other_writer.close()
    url = f"/accounts/{account_id}/payments"
    qtbot.waitUntil(lambda: len(admin_api.get(url, PaymentPage).items) == 1, timeout=WAIT_MS)  # taken after all
    assert dialog.amount_edit.text() == "10.50"  # the dialog kept what the clerk typed
    _press(qtbot, dialog.ok_button)
    qtbot.waitUntil(page.receipt_label.isVisible, timeout=WAIT_MS)
    [payment] = admin_api.get(url, PaymentPage).items
    assert payment.receipt_number in page.receipt_label.text()
    assert admin_api.get_account(account_id).balance == Decimal("10.50")


def test_caller_numbers_register_refuse_and_unregister(qtbot: QtBot, live_service: LiveService, account_id: int,
                                                       admin_api: ApiClient) -> None:
    window = _window(qtbot, live_service, "support")
    page = _open(qtbot, window, account_id)
    tab = _show_tab(qtbot, page, page.anis_tab)
    assert page.anis_tab is not None
    assert tab.listing.status_label.text() == "No caller numbers yet: type one above and press Register."

    page.anis_tab.number_edit.setText("+1 305 555 0101")
    qtbot.mouseClick(page.anis_tab.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _column(tab, 0) == ["+13055550101"], timeout=WAIT_MS)
    assert page.anis_tab.number_edit.text() == ""
    assert tab.listing.status_label.text().startswith("1 caller number")  # plural forms come from the catalogue

    with pytest.raises(ApiError) as refused:  # what the service says about a number that cannot be one
        admin_api.post(f"/accounts/{account_id}/anis", AniOut, AniCreate(number="12"))
    assert refused.value.status == 422
    page.anis_tab.number_edit.setText("12")
    qtbot.mouseClick(page.anis_tab.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.message_label.isVisible, timeout=WAIT_MS)
    assert tab.message_label.text() == ("Number: not a phone number: '12' (give it with + and the country code, "
                                        "or as dialled in US)")  # the service's reason
    _wait_idle(qtbot, tab)
    assert _column(tab, 0) == ["+13055550101"]

    other = admin_api.create_account(AccountCreate(number="7002", name="Other"))
    admin_api.post(f"/accounts/{other.id}/anis", AniOut, AniCreate(number="+1 305 555 0199"))
    page.anis_tab.number_edit.setText("(305) 555-0199")  # national form of a number taken elsewhere: 409
    qtbot.mouseClick(page.anis_tab.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already registered" in tab.message_label.text(), timeout=WAIT_MS)
    assert tab.message_label.text() == "ANI 13055550199 is already registered to an account"
    _wait_idle(qtbot, tab)
    assert _column(tab, 0) == ["+13055550101"]
    assert [a.number for a in admin_api.get(f"/accounts/{account_id}/anis", AniList).root] == ["13055550101"]

    assert page.anis_tab.unregister_button.isEnabled()  # the number just registered is selected
    tab.table.clearSelection()
    assert not page.anis_tab.unregister_button.isEnabled()
    tab.table.selectRow(0)
    assert page.anis_tab.unregister_button.isEnabled()
    qtbot.mouseClick(page.anis_tab.unregister_button, Qt.MouseButton.LeftButton)
    box = tab.confirm_box
    assert box is not None and "+13055550101" in box.text()
    [agree] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
    agree.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0 and not tab.model.loading, timeout=WAIT_MS)
    assert admin_api.get(f"/accounts/{account_id}/anis", AniList).root == []


def test_speed_dials_and_the_accounts_dids(qtbot: QtBot, live_service: LiveService, account_id: int,
                                           admin_api: ApiClient) -> None:
    admin_api.post("/dids", DidOut, DidCreate(number="+1 212 555 0188", kind=DidKind.FORWARD,
                                               account_id=account_id, forward_to="+1 305 555 0101"))
    window = _window(qtbot, live_service, "support")
    page = _open(qtbot, window, account_id, "double-click")

    tab = _show_tab(qtbot, page, page.speed_dials_tab)
    dials = page.speed_dials_tab
    assert dials is not None
    dials.slot_spin.setValue(3)
    dials.number_edit.setText("+44 20 7946 0958")
    dials.label_edit.setText("Mum")
    qtbot.mouseClick(dials.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    assert (_column(tab, 0), _column(tab, 1), _column(tab, 2)) == (["3"], ["+442079460958"], ["Mum"])
    assert tab.table.selectionModel().selectedRows()[0].row() == 0  # the new row is selected

    dials.number_edit.setText("+44 20 7946 0000")  # same slot again: the service's 409, nothing added
    qtbot.mouseClick(dials.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.message_label.isVisible, timeout=WAIT_MS)
    assert tab.message_label.text() == "speed-dial slot 3 is already in use on this account; remove it first"
    _wait_idle(qtbot, tab)
    qtbot.mouseClick(dials.delete_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_box is not None
    [agree] = [b for b in tab.confirm_box.buttons()
               if tab.confirm_box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
    agree.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0 and not tab.model.loading, timeout=WAIT_MS)

    dids = _show_tab(qtbot, page, page.dids_tab)
    assert (_column(dids, 0), _column(dids, 1), _column(dids, 2)) == (["+12125550188"], ["Forward"],
                                                                      ["+13055550101"])
    assert dids.writing_controls == []  # read only here; a hint and a way to the DIDs page
    assert page.dids_tab is not None
    qtbot.mouseClick(page.dids_tab.open_page_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.dids_page


def test_notes_newest_first_with_author_and_local_time(qtbot: QtBot, live_service: LiveService,
                                                       account_id: int) -> None:
    window = _window(qtbot, live_service, "support")
    page = _open(qtbot, window, account_id, "open button")
    tab = _show_tab(qtbot, page, page.notes_tab)
    notes = page.notes_tab
    assert notes is not None
    for text in ("Asked about roaming to Spain", "Promised a callback tomorrow"):
        notes.note_edit.setPlainText(text)
        qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda text=text: text in _column(tab, 2), timeout=WAIT_MS)
        _wait_idle(qtbot, tab)
    assert _column(tab, 2) == ["Promised a callback tomorrow", "Asked about roaming to Spain"]
    assert _column(tab, 1) == ["support", "support"]
    assert notes.note_edit.toPlainText() == ""
    written = tab.model.cached_row(0).at
    assert written.utcoffset() == dt.timedelta(0)  # stored and sent in UTC ...
    assert _column(tab, 0)[0] == local_time(written)  # ... shown in local time

    notes.note_edit.setPlainText("   ")  # blank: refused before anything is sent
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    assert tab.message_label.isVisibleTo(tab) and tab.message_label.text() == "Text: is required"
    assert tab.model.rowCount() == 2


def _seed_call(tmp_path: Path, account_id: int) -> None:
    with _store(tmp_path) as session:
        session.add(Cdr(kind=CdrKind.CALL, call_id="desk-call-1", account_id=account_id, caller="13055550101",
                        destination="442079460958", destination_name="United Kingdom - London",
                        started_at=STARTED, duration_s=65, billed_s=66, sell_rate=Decimal("0.1"),
                        price=Decimal("0.11"), buy_rate=Decimal("0.04"), cost=Decimal("0.044"),
                        margin=Decimal("0.066"), currency="USD", result="answered"))


def test_calls_tab_shows_the_accounts_calls_without_cost_for_support(
        qtbot: QtBot, live_service: LiveService, account_id: int, tmp_path: Path) -> None:
    _seed_call(tmp_path, account_id)
    window = _window(qtbot, live_service, "support")
    page = _open(qtbot, window, account_id)
    tab = _show_tab(qtbot, page, page.calls_tab)
    headers = _headers(tab)
    assert "Cost" not in headers and "Margin" not in headers
    row = {header: tab.model.data(tab.model.index(0, column)) for column, header in enumerate(headers)}
    assert tab.model.rowCount() == 1
    assert row == {"Started": local_time(STARTED, seconds=True), "Caller": "13055550101",
                   "Destination": "442079460958", "Destination name": "United Kingdom - London",
                   "Result": "Answered", "Duration": "1:05", "Billed": "1:06", "Rate/min": "$0.10", "Price": "$0.11",
                   "Currency": "USD"}

    assert page.calls_tab is not None
    target = tmp_path / "calls.csv"
    choose_file(qtbot, page.calls_tab.ask_export(), target)
    qtbot.waitUntil(lambda: page.calls_tab is not None and page.calls_tab.saved_label.text() != "", timeout=WAIT_MS)
    assert page.calls_tab.saved_label.text().startswith("1 call")
    assert page.calls_tab.saved_label.text().endswith(f"saved to {target}")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["call_id"] for r in rows] == ["desk-call-1"]
    assert not {"cost", "margin", "buy_rate", "carrier_id"} & set(rows[0])


def test_admin_sees_what_a_call_cost_and_may_refund(qtbot: QtBot, live_service: LiveService, account_id: int,
                                                     tmp_path: Path) -> None:
    _seed_call(tmp_path, account_id)
    window = _window(qtbot, live_service, "admin")
    page = _open(qtbot, window, account_id)
    tab = _show_tab(qtbot, page, page.calls_tab)
    headers = _headers(tab)
    assert (tab.model.data(tab.model.index(0, headers.index("Cost"))),
            tab.model.data(tab.model.index(0, headers.index("Margin")))) == ("$0.04", "$0.07")  # money to the cent
    dialog = page.open_payment()
    assert dialog is not None
    assert [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())] == [
        "topup", "payment", "refund", "adjustment"]
    dialog.reject()


def test_statements_tab_issues_lists_and_saves_a_month(qtbot: QtBot, live_service: LiveService, account_id: int,
                                                       tmp_path: Path) -> None:
    """The previous month is issued once (numbered) and listed; the current one is saved as provisional; both are
    PDFs the service rendered."""
    window = _window(qtbot, live_service, "support")
    page = _open(qtbot, window, account_id)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Caller numbers (ANIs)", "Speed dials", "DIDs", "Notes", "Calls", "Payments", "Statements"]
    tab = _show_tab(qtbot, page, page.statements_tab)
    assert isinstance(tab, AccountStatementsTab)
    assert "No statement issued yet" in tab.listing.status_label.text()
    picker = tab.picker
    current, previous = picker.period_box.itemData(0), picker.period_box.itemData(1)
    picker.choose(previous)
    choose_file(qtbot, picker.ask_save(), tmp_path / "previous.pdf")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    assert _column(tab, 1) == [previous] and _column(tab, 0)[0].startswith("ST-")
    assert (tmp_path / "previous.pdf").read_bytes().startswith(b"%PDF")
    assert "saved to" in picker.status_label.text()
    picker.choose(current)
    choose_file(qtbot, picker.ask_save(), tmp_path / "current.pdf")
    saved = tmp_path / "current.pdf"
    qtbot.waitUntil(saved.exists, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: picker.save_button.isEnabled() and not tab.model.loading, timeout=WAIT_MS)
    assert tab.model.rowCount() == 1  # a month not ended is not kept
    picker.choose(previous)
    picker.mail_button.click()  # the account has no address on record: the service's words, nothing queued
    qtbot.waitUntil(lambda: "no e-mail address" in picker.status_label.text(), timeout=WAIT_MS)


def test_a_reseller_takes_no_payments_reads_no_notes_and_sees_no_cost(
        qtbot: QtBot, live_service: LiveService, admin_api: ApiClient, tmp_path: Path) -> None:
    with _store(tmp_path) as session:
        reseller = Reseller(name="North", kind=ResellerKind.USAGE_BASED)
        session.add(reseller)
        session.flush()
        add_user(session, "north", PASSWORD, Role.RESELLER, reseller.id)
        reseller_id = reseller.id
    account_id = admin_api.create_account(AccountCreate(number="8001", name="North Shop",
                                                        reseller_id=reseller_id)).id
    _seed_call(tmp_path, account_id)
    window = _window(qtbot, live_service, "north")
    page = _open(qtbot, window, account_id)
    assert not page.recharge_button.isVisibleTo(page)
    assert page.open_payment() is None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Caller numbers (ANIs)", "Speed dials", "DIDs", "Calls", "Statements"]
    calls = _show_tab(qtbot, page, page.calls_tab)
    assert calls.model.rowCount() == 1 and "Cost" not in _headers(calls)


def test_an_account_that_is_gone_says_so_in_the_page(qtbot: QtBot, live_service: LiveService) -> None:
    window = _window(qtbot, live_service, "support")
    page = window.open_account(999_999)
    qtbot.waitUntil(page.error_label.isVisible, timeout=WAIT_MS)
    assert page.error_label.text() == "Could not load the account: account 999999 does not exist"
    assert not page.recharge_button.isEnabled()
