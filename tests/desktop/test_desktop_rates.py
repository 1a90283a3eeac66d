"""The Rates page against the real service: tariffs and their rates, a rate deck imported as a job (progress,
cancel, every bad row listed and nothing imported), the tariff exported to CSV, tax profiles and packages, and
the page kept from roles that may not see rates."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.main_window import MainWindow
from desktop.pages.rate_import_dialog import RateImportDialog
from desktop.pages.rates import COL_DESTINATION, COL_PREFIX, COL_PRICE, RatesPage
from desktop.qt import QApplication, QFileDialog, QModelIndex, Qt
from desktop.session import DeskSession, sign_in
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, AccountCreate
from switch_service.api.schemas.rates import DeckFormat, TariffCreate, TariffDetail, TariffOut
from switch_service.cli.rates_commands import write_synthetic_deck

DECKS = Path(__file__).parents[1] / "data" / "decks"


@pytest.fixture
def admin(live_service: LiveService) -> DeskSession:
    return sign_in(live_service.url, "admin", PASSWORD)


@pytest.fixture
def page(qtbot: QtBot, admin: DeskSession) -> RatesPage:
    page = RatesPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_session(admin)
    return page


def _tariff(client: ApiClient, name: str = "Retail") -> TariffOut:
    return client.post("/tariffs", TariffOut, TariffCreate(name=name, currency="EUR"))


def _rate_count(client: ApiClient, tariff_id: int) -> int:
    return client.get(f"/tariffs/{tariff_id}", TariffDetail).rate_count


def _select_tariff(qtbot: QtBot, page: RatesPage, name: str) -> None:
    model = page.tariffs.model
    qtbot.waitUntil(lambda: any(model.cached_row(row) and model.cached_row(row).name == name
                                for row in range(model.rowCount())), timeout=WAIT_MS)
    row = next(row for row in range(model.rowCount()) if model.cached_row(row).name == name)
    page.tariffs.table.selectRow(row)
    qtbot.waitUntil(lambda: not page.rates.model.loading, timeout=WAIT_MS)


def _cells(page: RatesPage, column: int) -> list[str]:
    model = page.rates.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _import(qtbot: QtBot, page: RatesPage, deck: Path, fmt: DeckFormat | None = None) -> RateImportDialog:
    dialog = page.open_import()
    assert dialog is not None
    chooser = dialog.browse()  # the user picks the file in the chooser
    chooser.selectFile(str(deck))
    chooser.accept()
    assert dialog.file_edit.text() == str(deck)
    if fmt is not None:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt.value))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return dialog


def _ended(dialog: RateImportDialog) -> bool:
    return not dialog.running() and dialog.poller.job is not None and not dialog.poller.active


def test_a_deck_with_a_bad_row_lists_it_and_imports_nothing(qtbot: QtBot, page: RatesPage,
                                                              admin: DeskSession) -> None:
    tariff = _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    dialog = _import(qtbot, page, DECKS / "one_bad_row.csv")
    qtbot.waitUntil(lambda: _ended(dialog), timeout=WAIT_MS)

    assert dialog.problems() == ["line 4: bad prefix '4 9' (digits only)"]
    assert dialog.problems_list.isVisible() and dialog.copy_button.isVisible()
    assert dialog.state_label.text().startswith("Nothing was imported.")
    assert "one_bad_row.csv refused" in dialog.state_label.text()
    dialog.copy_problems()
    assert QApplication.clipboard().text() == "line 4: bad prefix '4 9' (digits only)\n"
    assert _rate_count(admin.client, tariff.id) == 0
    assert page.rates.model.rowCount() == 0
    assert "no rates yet" in page.rates.status_label.text()


def test_a_good_deck_loads_with_progress_and_its_rates_filter_by_prefix(qtbot: QtBot, page: RatesPage,
                                                                         admin: DeskSession) -> None:
    tariff = _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    dialog = _import(qtbot, page, DECKS / "native.csv", DeckFormat.NATIVE)
    assert dialog.running() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: _ended(dialog), timeout=WAIT_MS)

    bar = dialog.progress_bar
    assert (bar.value(), bar.maximum()) == (5, 5)
    assert bar.text() == "5 of 5 rows"
    assert dialog.state_label.text() == ("Imported 5 rates from a deck of the Carrierdesk (native) layout; 0 earlier "
                                         "rates now end where they start.")
    assert _rate_count(admin.client, tariff.id) == 5
    dialog.close_button.click()

    # the tariff's row shows the new count and version; its rates are in the table below
    qtbot.waitUntil(lambda: _cells(page, COL_PREFIX) == ["1", "33", "336", "44", "447"], timeout=WAIT_MS)
    model = page.tariffs.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.cached_row(0) is not None
                    and model.cached_row(0).rate_count == 5, timeout=WAIT_MS)
    assert [model.data(model.index(0, column)) for column in range(5)] == ["Retail", "Sell", "EUR", "5", "2"]

    page.prefix_edit.setText("33")
    page.apply_prefix_filter()
    qtbot.waitUntil(lambda: _cells(page, COL_PREFIX) == ["33", "336"], timeout=WAIT_MS)
    assert _cells(page, COL_DESTINATION) == ["France", "France, Mobile"]
    assert _cells(page, COL_PRICE) == ["$0.0192", "$0.0871"]
    rates = page.rates.model
    assert rates.data(rates.index(0, COL_PRICE), Qt.ItemDataRole.TextAlignmentRole) is not None  # money right

    page.prefix_edit.setText("+44")  # as people write it
    page.apply_prefix_filter()
    qtbot.waitUntil(lambda: _cells(page, COL_PREFIX) == ["44", "447"], timeout=WAIT_MS)
    page.prefix_edit.setText("4x")
    page.apply_prefix_filter()
    assert page.notice_label.text() == "A prefix is digits only, like 44 or 4420."


def test_the_import_dialog_names_the_layout_lists_its_columns_and_saves_a_template(
        qtbot: QtBot, page: RatesPage, admin: DeskSession, tmp_path: Path) -> None:
    tariff = _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    dialog = page.open_import()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.columns_label.text() != "", timeout=WAIT_MS)
    assert dialog.columns_label.text().startswith(
        "Columns of the Carrierdesk (native) layout: prefix (required), destination, price_per_minute (required), "
        "initial_block_s, increment_s")

    chooser = dialog.browse()
    chooser.selectFile(str(DECKS / "a2billing.csv"))
    chooser.accept()
    qtbot.waitUntil(dialog.detected_label.isVisible, timeout=WAIT_MS)
    assert dialog.detected_label.text() == "Recognised layout: A2Billing."
    assert dialog.columns_label.text().startswith("Columns of the A2Billing layout: dialprefix (required), ")

    odd = tmp_path / "odd.csv"
    odd.write_text("code,cost per minute\n44,0.1\n", encoding="utf-8")
    dialog.file_edit.setText(str(odd))
    dialog.detect()
    qtbot.waitUntil(lambda: "cannot tell" in dialog.detected_label.text(), timeout=WAIT_MS)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # sent all the same: the service refuses it
    qtbot.waitUntil(lambda: _ended(dialog), timeout=WAIT_MS)
    assert dialog.problems() == ["line 1: cannot tell the deck layout from the header 'code,cost per minute'; "
                                 "choose its layout"]  # not the command line's "--format"

    target = tmp_path / "template.csv"
    saver = dialog.save_template()
    saver.selectFile(str(target))
    saver.accept()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.state_label.text().startswith("Template saved"), timeout=WAIT_MS)
    dialog.file_edit.setText(str(target))  # the template, as it is, imports
    dialog.detect()
    qtbot.waitUntil(lambda: dialog.detected_label.text() == "Recognised layout: Carrierdesk (native).",
                    timeout=WAIT_MS)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _ended(dialog), timeout=WAIT_MS)
    assert dialog.state_label.text().startswith("Imported 1 rates from a deck of the Carrierdesk (native) layout")
    assert _rate_count(admin.client, tariff.id) == 1


def test_export_writes_the_imported_native_deck_byte_for_byte(qtbot: QtBot, page: RatesPage, admin: DeskSession,
                                                              tmp_path: Path) -> None:
    _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    dialog = _import(qtbot, page, DECKS / "native.csv")
    qtbot.waitUntil(lambda: _ended(dialog), timeout=WAIT_MS)
    dialog.close_button.click()
    qtbot.waitUntil(lambda: len(_cells(page, COL_PREFIX)) == 5, timeout=WAIT_MS)

    qtbot.waitUntil(page.export_button.isEnabled, timeout=WAIT_MS)  # the tariffs list reloaded after the import
    target = tmp_path / "exported.csv"
    chooser = page.open_export()
    assert isinstance(chooser, QFileDialog)
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(lambda: page.notice_label.text().startswith("Saved"), timeout=WAIT_MS)
    assert target.read_bytes() == (DECKS / "native.csv").read_bytes()
    assert page.notice_label.text() == f"Saved Retail (5 rates, {target.stat().st_size:,} bytes) to {target}."


@contextmanager
def _database_held(database: Path) -> Iterator[None]:
    """Another writer holds SQLite's write lock: the import job stages its deck, then waits to switch it in."""
    holder = sqlite3.connect(str(database), timeout=30, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_cancel_stops_the_import_and_nothing_is_imported(qtbot: QtBot, page: RatesPage, admin: DeskSession,
                                                        tmp_path: Path) -> None:
    tariff = _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    with _database_held(tmp_path / "desk.db"):
        dialog = _import(qtbot, page, DECKS / "native.csv")
        qtbot.waitUntil(lambda: dialog.progress_bar.text() == "5 of 5 rows", timeout=WAIT_MS)  # staged, held
        assert dialog.state_label.text() == "Loading rates: 5 of 5"
        assert not dialog.close_button.isEnabled()
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.poller.job is not None and dialog.state_label.text() == "Cancelling…",
                        timeout=WAIT_MS)
        qtbot.wait(300)  # the cancel has reached the service before the lock goes
    qtbot.waitUntil(lambda: _ended(dialog), timeout=WAIT_MS)
    assert dialog.state_label.text() == "Import cancelled. Nothing was imported."
    assert _rate_count(admin.client, tariff.id) == 0


def test_a_rate_added_by_hand_and_bad_input_refused(qtbot: QtBot, page: RatesPage, admin: DeskSession) -> None:
    tariff = _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    dialog = page.new_rate()
    assert dialog is not None
    fields = dialog.fields.widgets
    fields["prefix"].setText("49")
    fields["destination"].setText("Germany")
    fields["price_per_minute"].setText("-0.01")  # the service judges it, said under the field
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "price_per_minute" in dialog.errors.visible(), timeout=WAIT_MS)
    assert dialog.errors.visible() == {"price_per_minute": "must be at least 0"}
    assert _rate_count(admin.client, tariff.id) == 0

    fields["price_per_minute"].setText("0,0143")  # a decimal comma is fine
    fields["increment_s"].setText("six")  # not even a number: said at once, nothing sent
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.visible() == {"increment_s": "six is not a whole number"}

    fields["increment_s"].setText("6")
    fields["valid_until"].setText("2020-01-01")  # before it starts: the service says
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "valid_until is not after valid_from" in str(dialog.errors.visible()), timeout=WAIT_MS)
    assert _rate_count(admin.client, tariff.id) == 0

    fields["valid_until"].setText("")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cells(page, COL_PREFIX) == ["49"], timeout=WAIT_MS)
    assert _cells(page, COL_PRICE) == ["$0.0143"]
    assert _rate_count(admin.client, tariff.id) == 1

    # edit: only the changed field is sent
    qtbot.waitUntil(lambda: page.selected_tariff() is not None and page.rates.selected() is not None,
                    timeout=WAIT_MS)  # the tariffs list reloaded (new count) and the new rate is selected
    edit = page.edit_rate()
    assert edit is not None
    assert edit.fields.widgets["price_per_minute"].text() == "0.0143"
    edit.fields.widgets["price_per_minute"].setText("0.015")
    assert edit.fields.changes() == {"price_per_minute": Decimal("0.015")}
    qtbot.mouseClick(edit.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cells(page, COL_PRICE) == ["$0.015"], timeout=WAIT_MS)


def test_a_tariff_added_and_renamed_in_the_page(qtbot: QtBot, page: RatesPage, admin: DeskSession) -> None:
    qtbot.waitUntil(lambda: "No tariffs yet" in page.tariffs.status_label.text(), timeout=WAIT_MS)
    dialog = page.new_tariff()
    assert dialog is not None
    dialog.fields.widgets["name"].setText("Wholesale")
    dialog.fields.widgets["currency"].setText("usd")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _select_tariff(qtbot, page, "Wholesale")
    assert page.rates_title.text() == "Rates of Wholesale"

    again = page.new_tariff()
    assert again is not None
    again.fields.widgets["name"].setText("Wholesale")
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(again.errors.visible()), timeout=WAIT_MS)
    assert list(again.errors.visible().values()) == ["a tariff named “Wholesale” already exists"]
    again.reject()

    edit = page.edit_tariff()
    assert edit is not None
    edit.fields.widgets["name"].setText("Wholesale 2027")
    qtbot.mouseClick(edit.ok_button, Qt.MouseButton.LeftButton)
    _select_tariff(qtbot, page, "Wholesale 2027")
    model = page.tariffs.model
    assert [model.data(model.index(0, column)) for column in range(5)] == ["Wholesale 2027", "Sell", "USD", "0",
                                                                           "2"]


def test_tax_profiles_and_packages(qtbot: QtBot, page: RatesPage) -> None:
    page.tabs.setCurrentIndex(1)
    dialog = page.new_tax_profile()
    assert dialog is not None
    dialog.name_edit.setText("Spain")
    dialog.taxes_table.item(0, 0).setText("IVA")
    dialog.taxes_table.item(0, 1).setText("21")
    dialog.taxes_table.item(0, 2).setCheckState(Qt.CheckState.Checked)
    row = dialog.add_tax_row("Levy", "1.5")
    assert row == 1
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    profiles = page.tax_profiles.model
    qtbot.waitUntil(lambda: profiles.rowCount() == 1 and profiles.cached_row(0) is not None, timeout=WAIT_MS)
    assert profiles.data(profiles.index(0, 1)) == "IVA 21% (in the price), Levy 1.5%"

    page.tabs.setCurrentIndex(2)
    package = page.new_package()
    assert package is not None
    package.fields.widgets["name"].setText("UK 100")
    package.fields.widgets["free_seconds"].setText("100")  # minutes: 6000 free seconds
    package.fields.widgets["prefixes"].setText("44, 447 4420")
    package.fields.widgets["fee"].setText("5")
    qtbot.mouseClick(package.ok_button, Qt.MouseButton.LeftButton)
    packages = page.packages.model
    qtbot.waitUntil(lambda: packages.rowCount() == 1 and packages.cached_row(0) is not None, timeout=WAIT_MS)
    assert [packages.data(packages.index(0, column)) for column in range(5)] == [
        "UK 100", "Monthly", "100 min", "$5.00", "44, 4420, 447"]  # the service keeps them sorted


def test_support_does_not_see_the_rates_page(qtbot: QtBot, live_service: LiveService) -> None:
    window = MainWindow(sign_in(live_service.url, "support", PASSWORD))
    qtbot.addWidget(window)
    rates_row = window.page_keys().index("rates")
    assert window.navigation.item(rates_row).isHidden()
    assert window.rates_page.tariffs.model.rowCount() == 0
    assert window.rates_page._client is None  # nothing is asked of the service for support

    window.set_session(sign_in(live_service.url, "admin", PASSWORD))
    assert not window.navigation.item(rates_row).isHidden()
    window.show_page("rates")
    assert window.stack.currentWidget() is window.rates_page
    window.set_session(sign_in(live_service.url, "support", PASSWORD))  # switch user while on the page
    assert window.navigation.item(rates_row).isHidden()
    assert window.stack.currentWidget() is not window.rates_page
    assert window.rates_page.tariffs.model.canFetchMore(QModelIndex()) is False


def test_a_big_tariff_opens_with_its_first_page_only(qtbot: QtBot, page: RatesPage, admin: DeskSession,
                                                     tmp_path: Path) -> None:
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, 2500, seed=7)
    _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    dialog = _import(qtbot, page, deck)
    qtbot.waitUntil(lambda: _ended(dialog), timeout=WAIT_MS * 3)
    assert dialog.progress_bar.text() == "2500 of 2500 rows"
    dialog.close_button.click()

    rates = page.rates.model
    qtbot.waitUntil(lambda: rates.rowCount() == DEFAULT_PAGE_SIZE and not rates.loading, timeout=WAIT_MS)
    assert rates.canFetchMore(QModelIndex())
    status = page.rates.status_label.text()  # "%n rate(s)": the plural form comes from the catalogue
    assert status.startswith(f"{DEFAULT_PAGE_SIZE} rate") and status.endswith("shown; scroll down for more")
    page.rates.table.scrollToBottom()  # the view asks for the next page as it reaches the end
    qtbot.waitUntil(lambda: rates.rowCount() == 2 * DEFAULT_PAGE_SIZE, timeout=WAIT_MS)
    tariffs = page.tariffs.model
    qtbot.waitUntil(lambda: tariffs.cached_row(0) is not None and tariffs.data(tariffs.index(0, 3)) == "2,500",
                    timeout=WAIT_MS)


def test_recurring_fees_are_added_by_account_number_changed_and_charged_on_demand(qtbot: QtBot, page: RatesPage,
                                                                                  admin: DeskSession) -> None:
    admin.client.create_account(AccountCreate(number="7001", name="Harbour Cafe"))
    page.tabs.setCurrentWidget(page.fees_tab)
    tab = page.fees_tab
    dialog = tab.open_add()
    assert dialog is not None
    dialog.name_edit.setText("DID rent")
    dialog.amount_edit.setText("2,50")  # as Spanish and French write it
    dialog.account_edit.setText("7001")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.cached_row(0) is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: model.data(model.index(0, 1)) == "7001", timeout=WAIT_MS)
    assert [model.data(model.index(0, column)) for column in (0, 2, 3, 5)] == ["DID rent", "$2.50", "Monthly", "Yes"]

    tab.listing.table.selectRow(0)
    change = tab.open_edit()
    assert change is not None
    change.active_check.setChecked(False)
    qtbot.mouseClick(change.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.cached_row(0) is not None
                    and not model.cached_row(0).active, timeout=WAIT_MS)

    missing = tab.open_add()
    assert missing is not None
    missing.name_edit.setText("Maintenance")
    missing.amount_edit.setText("1")
    missing.account_edit.setText("9999")
    qtbot.mouseClick(missing.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(missing.error_label.isVisible, timeout=WAIT_MS)
    assert "9999" in missing.error_label.text()
    missing.reject()

    tab.charge_due()
    qtbot.waitUntil(lambda: tab.message_label.text() == "No fee was due.", timeout=WAIT_MS)


def test_the_import_dialog_opens_with_only_import_and_close(qtbot: QtBot, page: RatesPage, admin: DeskSession) -> None:
    _tariff(admin.client)
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    dialog = page.open_import()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    shown = [button.text() for button in dialog.buttons.buttons() if button.isVisible()]
    assert sorted(shown) == ["Close", "Import"] and not dialog.running()
