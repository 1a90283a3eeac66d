"""The operator's first day in the desktop alone (issue 14's proof): the desktop's start-up finds nothing at this
computer's address, starts the service here and runs the first-run wizard, which creates the owner (the user name
it offers kept) and a carrier whose gateway is SIPp; then, through the pages' widgets only (typing where a person
types, Enter for each dialog's action), buy and sell decks, the carrier's buy tariff, a dial plan and its route,
the company's defaults, an account, its caller number with a fixed destination, an access number and a payment,
until the account page says it can call. One SIPp call on the access number then shows in Live calls while it
talks and in Reports, billed, when it ended. The service is never restarted; nothing is written but through the
desktop."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from desk_harness import WAIT_MS, configure_this_computer, pick, press_enter, start_up_watched, type_into
from pytestqt.qtbot import QtBot
from worker_ports import free_port

from desktop.first_run import PAGE_ADMIN, AdminPage, CarrierPage, FirstRunWizard
from desktop.main_window import MainWindow
from desktop.pages.account_details import AccountDetailsPage
from desktop.pages.lookups import LookupField
from desktop.pages.rates import RatesPage
from desktop.pages.reports import COL_ACCOUNT, COL_CALLER, COL_DESTINATION, COL_PRICE
from desktop.qt import QComboBox, QDialog, Qt, QTableView, QWidget
from desktop.start_up import ServiceStartDialog
from tests.sip.sip_peers import Sipp

pytestmark = pytest.mark.peers

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
START_TIMEOUT_S = 90
FRESHNESS_BOUND_S = 2.0  # README "How fresh the switch and RADIUS are"
ACCESS_NUMBER, CALLER, FRANCE = "18005550100", "442070000001", "33123456789"


@pytest.fixture
def local_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """The config a fresh install has, on free ports: (API URL, SIP port). The carrier's OPTIONS keep-alive is off
    (SIPp's carrier scenario would take a ping for a call)."""
    sip_port = free_port(socket.SOCK_DGRAM)
    url = configure_this_computer(tmp_path, monkeypatch, free_port(socket.SOCK_STREAM), sip_port=sip_port,
                                  radius_processes=1, sip_keepalive_interval_s=0)
    return url, sip_port


def _lookup(qtbot: QtBot, field: LookupField, text: str) -> None:
    pick(qtbot, field.combo, text)


def _submit(qtbot: QtBot, dialog: QDialog, widget: QWidget) -> None:
    """Enter in `widget` (the keyboard there first): the dialog's action, which sends its request and closes the
    dialog when the service said yes."""
    widget.setFocus()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        press_enter(qtbot, widget)


def _select_row(qtbot: QtBot, table: QTableView, text: str, column: int = 0) -> None:
    """Select the row whose `column` shows `text` (the table pages in the background: wait for it)."""
    model = table.model()

    def row() -> int | None:
        return next((number for number in range(model.rowCount())
                     if model.data(model.index(number, column)) == text), None)
    qtbot.waitUntil(lambda: row() is not None, timeout=WAIT_MS)
    found = row()
    assert found is not None
    table.selectRow(found)


# --- the steps --------------------------------------------------------------------------------------------


class Owner:
    """The owner at the windows the start-up shows (given the one in front every 100 ms): each page of the
    first-run wizard typed and entered once. A start that fails, or a window still open at the deadline, is closed
    with what it said (`problem`), so the start-up returns."""

    def __init__(self, qtbot: QtBot, carrier_port: int) -> None:
        self.qtbot = qtbot
        self.carrier_port = carrier_port
        self.entered: set[int] = set()
        self.problem = ""
        self.deadline = time.monotonic() + START_TIMEOUT_S

    def __call__(self, window: QWidget) -> None:
        failed = isinstance(window, ServiceStartDialog) and window.output_box.isVisible()
        if failed or time.monotonic() > self.deadline:
            self.problem = self._what_it_says(window)
            if isinstance(window, QDialog):
                window.done(QDialog.DialogCode.Rejected)
        elif isinstance(window, FirstRunWizard) and window.currentId() not in self.entered:
            self.entered.add(window.currentId())
            if window.currentId() == PAGE_ADMIN:
                self._admin(window.admin_page)
            else:
                self._carrier(window.carrier_page)

    def _admin(self, admin: AdminPage) -> None:
        """The user name and time zone offered are kept."""
        type_into(self.qtbot, admin.password_edit, "owner password 1")
        type_into(self.qtbot, admin.repeat_edit, "owner password 1")
        type_into(self.qtbot, admin.company_edit, "Sunrise Calling")
        type_into(self.qtbot, admin.currency_edit, "usd")
        press_enter(self.qtbot, admin.currency_edit)  # Create

    def _carrier(self, carrier: CarrierPage) -> None:
        type_into(self.qtbot, carrier.name_edit, "Wholesale")
        type_into(self.qtbot, carrier.host_edit, "127.0.0.1")
        type_into(self.qtbot, carrier.port_box, str(self.carrier_port))
        press_enter(self.qtbot, carrier.port_box)  # Finish

    @staticmethod
    def _what_it_says(window: QWidget) -> str:
        if isinstance(window, ServiceStartDialog):
            return f"{window.message_label.text()}\n{window.output_box.toPlainText()}"
        page = window.currentPage() if isinstance(window, FirstRunWizard) else None
        if isinstance(page, AdminPage | CarrierPage):
            return f"the wizard still at {page.title()}: {page.error_label.text()}"
        return f"still open: {window.windowTitle()}"


def _tariff_with_deck(qtbot: QtBot, rates: RatesPage, name: str, kind: str, deck: str) -> None:
    dialog = rates.new_tariff()
    assert dialog is not None
    type_into(qtbot, dialog.fields.widgets["name"], name)
    kind_combo = dialog.fields.widgets["kind"]
    assert isinstance(kind_combo, QComboBox)
    pick(qtbot, kind_combo, kind)
    _submit(qtbot, dialog, dialog.fields.widgets["name"])
    _select_row(qtbot, rates.tariffs.table, name)
    importer = rates.open_import()
    assert importer is not None
    type_into(qtbot, importer.file_edit, str(DECKS / deck))  # typed, as into the chooser
    press_enter(qtbot, importer.file_edit)  # Import
    qtbot.waitUntil(lambda: not importer.running() and importer.poller.job is not None
                    and not importer.poller.active, timeout=WAIT_MS)
    assert importer.poller.job is not None and importer.poller.job.state == "succeeded", importer.problems()
    with qtbot.waitSignal(importer.finished, timeout=WAIT_MS):
        qtbot.keyClick(importer, Qt.Key.Key_Escape)


def _routing(qtbot: QtBot, window: MainWindow) -> None:
    """The carrier buys from its deck; a dial plan routes every number to it."""
    carriers = window.carriers_page
    window.show_page("carriers")
    tab = carriers.carriers_tab
    _select_row(qtbot, tab.listing.table, "Wholesale")
    dialog = tab.open_edit()
    assert dialog is not None
    _lookup(qtbot, dialog.tariff_field, "Wholesale buy")
    _submit(qtbot, dialog, dialog.tariff_field.combo)

    carriers.tabs.setCurrentWidget(carriers.dial_plans_tab)
    plans = carriers.dial_plans_tab.plans
    plan_dialog = plans.open_new()
    assert plan_dialog is not None
    type_into(qtbot, plan_dialog.name_edit, "World")
    _submit(qtbot, plan_dialog, plan_dialog.name_edit)
    _select_row(qtbot, plans.listing.table, "World")
    routes = carriers.dial_plans_tab.routes
    qtbot.waitUntil(routes.new_button.isEnabled, timeout=WAIT_MS)
    route = routes.open_new()
    assert route is not None
    _lookup(qtbot, route.carrier_field, "Wholesale")
    route.add_carrier_button.setFocus()
    qtbot.keyClick(route.add_carrier_button, Qt.Key.Key_Space)  # Add
    assert route.carriers.carrier_ids() != []
    _submit(qtbot, route, route.prefix_edit)  # the prefix left empty: every number


def _account(qtbot: QtBot, window: MainWindow) -> AccountDetailsPage:
    accounts = window.accounts_page
    window.show_page("accounts")
    defaults = accounts.open_defaults()
    assert defaults is not None
    qtbot.waitUntil(lambda: defaults.loaded, timeout=WAIT_MS)
    _lookup(qtbot, defaults.tariff_field, "Retail (USD)")
    _lookup(qtbot, defaults.plan_field, "World")
    _submit(qtbot, defaults, defaults.plan_field.combo)

    new = accounts.open_new_account()
    assert new is not None
    qtbot.waitUntil(lambda: new.tariff_field.combo.currentText() == "Retail (USD)"
                    and new.plan_field.combo.currentText() == "World", timeout=WAIT_MS)
    type_into(qtbot, new.number_edit, "1001")
    type_into(qtbot, new.name_edit, "Maria Gonzalez")
    _submit(qtbot, new, new.name_edit)
    _select_row(qtbot, accounts.table, "1001")
    accounts.table.setFocus()
    press_enter(qtbot, accounts.table)
    page = window.account_details_page
    qtbot.waitUntil(lambda: page.account is not None and page.calling.why_label.text() != "", timeout=WAIT_MS)

    anis = page.anis_tab
    assert anis is not None
    page.tabs.setCurrentWidget(anis)
    qtbot.waitUntil(lambda: anis.loaded_for is not None and not anis.model.loading, timeout=WAIT_MS)
    type_into(qtbot, anis.number_edit, f"+{CALLER}")
    type_into(qtbot, anis.destination_edit, "+33 1 23 45 67 89")
    press_enter(qtbot, anis.destination_edit)
    qtbot.waitUntil(lambda: anis.model.rowCount() == 1, timeout=WAIT_MS)
    return page


def _access_number(qtbot: QtBot, window: MainWindow) -> None:
    dids = window.dids_page.dids_tab
    window.show_page("dids")
    dialog = dids.open_add()
    assert dialog is not None
    type_into(qtbot, dialog.number_edit, "+1 800 555 0100")
    pick(qtbot, dialog.kind_combo, "Access number")
    _submit(qtbot, dialog, dialog.number_edit)


def _payment(qtbot: QtBot, window: MainWindow, page: AccountDetailsPage) -> None:
    dialog = page.open_payment()
    assert dialog is not None
    type_into(qtbot, dialog.amount_edit, "10.00")
    _submit(qtbot, dialog, dialog.amount_edit)
    qtbot.waitUntil(lambda: page.calling.can_label.isVisibleTo(page), timeout=WAIT_MS)


def test_from_the_first_run_wizard_to_a_billed_call(qtbot: QtBot, local_config: tuple[str, int], sipp: Sipp) -> None:
    api_url, sip_port = local_config
    carrier = sipp.start("carrier_answer", timeout_s=600)  # it waits through the whole set-up
    owner = Owner(qtbot, carrier.port)
    start = start_up_watched(api_url, owner)  # nothing answers yet: the service is started here, then the wizard
    try:
        assert (start.go_on, owner.problem) == (True, ""), owner.problem
        assert start.session is not None and start.session.user.username == "admin"
        assert [service.running for service in start.local_services] == [True]
        window = MainWindow(start.session)
        qtbot.addWidget(window)
        window.resize(1280, 860)
        window.show()
        rates = window.rates_page
        window.show_page("rates")
        _tariff_with_deck(qtbot, rates, "Wholesale buy", "Buy", "operator_buy.csv")
        _tariff_with_deck(qtbot, rates, "Retail", "Sell", "operator_sell.csv")
        _routing(qtbot, window)
        page = _account(qtbot, window)
        _access_number(qtbot, window)
        _payment(qtbot, window, page)
        assert page.calling.can_label.text() == "It can call: $10.00 available."
        assert page.calling.tariff_label.text().startswith("Retail (USD, 2 rate")

        time.sleep(FRESHNESS_BOUND_S)  # what the desktop wrote has reached the running switch and RADIUS
        live = window.live_calls_page
        window.show_page("live_calls")
        call = sipp.start("caller_basic", remote_port=sip_port, service=ACCESS_NUMBER, hold_ms=4000)
        qtbot.waitUntil(lambda: live.model.rowCount() == 1, timeout=WAIT_MS)
        shown = [live.model.data(live.model.index(0, column)) for column in range(live.model.columnCount())]
        assert any(FRANCE in str(cell) for cell in shown), shown
        assert call.wait(30) == 0, call.error_log()
        assert carrier.wait(10) == 0, carrier.error_log()
        qtbot.waitUntil(lambda: live.model.rowCount() == 0, timeout=WAIT_MS)

        reports = window.reports_page.cdr_tab
        window.show_page("reports")
        qtbot.mouseClick(reports.search_button, Qt.MouseButton.LeftButton)
        assert reports.model is not None
        qtbot.waitUntil(lambda: reports.model is not None and reports.model.rowCount() == 1, timeout=WAIT_MS)
        row = [reports.model.data(reports.model.index(0, column)) for column in range(reports.model.columnCount())]
        assert (row[COL_CALLER], row[COL_DESTINATION], row[COL_ACCOUNT]) == (CALLER, FRANCE, "1001")
        assert row[COL_PRICE] == "$0.12"  # France, 0.12/min in 60 s blocks: one block
    finally:
        start.stop()  # as the desktop does when it closes
