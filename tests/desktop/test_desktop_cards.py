"""The Cards page against the real service: generate a batch (a job with progress and Cancel), export it for
printing, look a card up, make and redeem vouchers; support sees lookup and lists, not generation or export."""

from __future__ import annotations

import csv
import io
import os
import stat
import time
from decimal import Decimal
from pathlib import Path

from desk_harness import PASSWORD, WAIT_MS, LiveService, choose_file
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.pages.cards import (
    COL_COUNT,
    COL_EXPIRY,
    COL_FACE_VALUE,
    COL_NAME,
    COL_RESELLER,
    VOUCHER_COL_USED,
    CardsPage,
)
from desktop.qt import QApplication, QLabel, QLineEdit, Qt, QWidget
from desktop.session import sign_in
from switch_service.api.schemas import AccountCreate
from switch_service.api.schemas.cards import CardBatchCreate, CardPage
from switch_service.api.schemas.jobs import JobOut, JobState

JOB_SECONDS = 30


def _api(live: LiveService) -> ApiClient:
    client = ApiClient(live.url)
    client.login("admin", PASSWORD)
    return client


def _page(qtbot: QtBot, live: LiveService, username: str = "admin") -> CardsPage:
    page = CardsPage()
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.set_session(sign_in(live.url, username, PASSWORD))
    page.show()
    return page


def _made_batch(api: ApiClient, name: str, count: int) -> int:
    """A batch made through the API, waited for (a bounded wait)."""
    job = api.post("/card-batches", JobOut, CardBatchCreate(name=name, count=count, face_value=Decimal("5")))
    deadline = time.monotonic() + JOB_SECONDS
    while job.state is not JobState.SUCCEEDED:
        assert job.state in {JobState.QUEUED, JobState.RUNNING}, job.errors
        assert time.monotonic() < deadline, "the batch job did not finish"
        time.sleep(0.05)
        job = api.get(f"/jobs/{job.id}", JobOut)
    assert job.result is not None
    return int(job.result["batch_id"])


def _loaded(qtbot: QtBot, page: CardsPage, rows: int) -> None:
    model = page.batches_tab.model
    qtbot.waitUntil(lambda: model.rowCount() == rows and not model.loading, timeout=WAIT_MS)


def _texts(widget: QWidget) -> str:
    """Every text the widget shows, in labels and boxes."""
    return "\n".join([label.text() for label in widget.findChildren(QLabel)]
                     + [edit.text() for edit in widget.findChildren(QLineEdit)])


def test_generate_a_batch_shows_progress_and_lists_it(qtbot: QtBot, live_service: LiveService) -> None:
    page = _page(qtbot, live_service)
    tab = page.batches_tab
    _loaded(qtbot, page, 0)
    assert tab.listing.status_label.text() == "No card batches yet: make one with “Generate batch…”."
    assert tab.generate_button.isVisible()

    dialog = tab.open_generate()
    assert dialog is not None
    dialog.name_edit.setText("Shop cards May")
    dialog.count_box.setValue(300)
    dialog.value_edit.setText("10.50")
    dialog.days_check.setChecked(True)
    dialog.days_box.setValue(90)
    progress: list[tuple[bool, bool]] = []  # (progress bar shown, dialog buttons shown) at each update
    ended: list[tuple[JobOut, int, int]] = []  # the final job, the bar's maximum and value then
    bar = dialog.progress_bar
    dialog.poller.updated.connect(lambda _job: progress.append((dialog.progress.isVisible(),
                                                                dialog.buttons.isVisible())))
    dialog.poller.ended.connect(lambda job: ended.append((job, bar.maximum(), bar.value())))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT_MS)
    assert progress and progress[0] == (True, False), "the progress bar replaced the buttons while the job ran"
    job, maximum, value = ended[0]
    assert job.state is JobState.SUCCEEDED and job.result is not None
    assert (maximum, value) == (300, 300)

    _loaded(qtbot, page, 1)
    model = tab.model
    assert model.data(model.index(0, COL_NAME)) == "Shop cards May"
    assert model.data(model.index(0, COL_COUNT)) == "300"
    assert model.data(model.index(0, COL_FACE_VALUE)) == "$10.50"
    assert model.data(model.index(0, COL_EXPIRY)).startswith("90 day")  # plural forms come from the catalogue
    assert model.data(model.index(0, COL_RESELLER)) == ""
    assert tab.listing.selected_id() == job.result["batch_id"]
    assert tab.message_label.text() == "The batch is made."


def test_cancel_stops_the_batch_and_makes_nothing(qtbot: QtBot, live_service: LiveService) -> None:
    page = _page(qtbot, live_service)
    dialog = page.batches_tab.open_generate()
    assert dialog is not None
    dialog.name_edit.setText("Too many")
    dialog.count_box.setValue(100_000)
    dialog.value_edit.setText("1")
    ended: list[JobOut] = []
    dialog.poller.ended.connect(ended.append)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.stop_button.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT_MS * 3)
    assert ended[0].state is JobState.CANCELLED
    assert dialog.isVisible() and dialog.error_label.text() == "Cancelled: no cards were made."
    assert dialog.ok_button.isVisible() and dialog.name_edit.isEnabled()  # the form is back, to try again
    page.batches_tab.listing.refresh()
    _loaded(qtbot, page, 0)


def test_bad_batch_input_shows_the_service_message(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    _made_batch(api, "Taken", 1)
    page = _page(qtbot, live_service)
    dialog = page.batches_tab.open_generate()
    assert dialog is not None
    dialog.name_edit.setText("Taken")
    dialog.value_edit.setText("2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors.visible()), timeout=WAIT_MS)
    assert list(dialog.errors.visible().values()) == ["a card batch named “Taken” already exists"]

    dialog.name_edit.setText("Fresh")
    dialog.value_edit.setText("two")  # not even an amount: said under the field at once
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.visible() == {"face_value": "two is not an amount; write it like 10.50"}


def test_export_writes_the_batch_cards_with_their_pins(qtbot: QtBot, live_service: LiveService,
                                                       tmp_path: Path) -> None:
    api = _api(live_service)
    batch_id = _made_batch(api, "Printing", 25)
    page = _page(qtbot, live_service)
    tab = page.batches_tab
    _loaded(qtbot, page, 1)
    assert not tab.export_button.isEnabled()  # nothing chosen yet
    tab.listing.table.selectRow(0)
    assert tab.export_button.isEnabled()
    dialog = tab.open_export()
    assert dialog is not None
    assert "live PINs of all 25 cards of batch Printing" in dialog.warning_label.text()
    target = tmp_path / "print" / "cards.csv"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    qtbot.waitUntil(tab.message_label.isVisible, timeout=WAIT_MS)
    assert str(target) in tab.message_label.text() and "live PINs" in tab.message_label.text()

    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    cards = api.get(f"/card-batches/{batch_id}/cards", CardPage, {"limit": 100}).items
    assert [row["serial"] for row in rows] == [card.serial for card in cards]
    assert {row["value"] for row in rows} == {"5.000000"} and {row["currency"] for row in rows} == {"USD"}
    assert all(row["pin"].isdigit() for row in rows)
    assert len({row["pin"] for row in rows}) == 25


def test_lookup_by_serial_or_pin_shows_the_card_and_never_its_pin(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    batch_id = _made_batch(api, "Lookup batch", 3)
    rows = list(csv.DictReader(io.StringIO(api.download(f"/card-batches/{batch_id}/cards.csv").decode())))
    serial, pin = rows[1]["serial"], rows[1]["pin"]
    page = _page(qtbot, live_service, "support")
    tab = page.lookup_tab
    page.tabs.setCurrentWidget(tab)

    tab.value_edit.setText(serial)
    qtbot.mouseClick(tab.look_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.result.isVisible, timeout=WAIT_MS)
    assert tab.fields["serial"].text() == serial
    assert tab.fields["status"].text() == "New (never used)"
    assert tab.fields["face_value"].text() == "$5.00"
    assert tab.fields["balance"].text() == "$5.00"
    assert tab.fields["batch"].text() == "Lookup batch"
    assert tab.fields["activated"].text() == "never"
    assert pin not in _texts(tab)

    tab.by_combo.setCurrentIndex(tab.by_combo.findData("pin"))
    assert tab.value_edit.echoMode() is tab.value_edit.EchoMode.Password
    tab.fields["serial"].clear()
    tab.value_edit.setText(pin)
    qtbot.mouseClick(tab.look_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.fields["serial"].text() == serial, timeout=WAIT_MS)
    assert tab.value_edit.text() == ""  # the PIN does not stay on screen
    assert pin not in _texts(tab)

    tab.by_combo.setCurrentIndex(tab.by_combo.findData("serial"))
    tab.value_edit.setText("999999")
    qtbot.mouseClick(tab.look_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.error_label.isVisible, timeout=WAIT_MS)
    assert tab.error_label.text() == "no card has serial 999999"
    assert not tab.result.isVisible()


def test_support_sees_batches_but_cannot_generate_or_export(qtbot: QtBot, live_service: LiveService) -> None:
    _made_batch(_api(live_service), "Seen by support", 2)
    page = _page(qtbot, live_service, "support")
    tab = page.batches_tab
    _loaded(qtbot, page, 1)
    assert not tab.generate_button.isVisible() and not tab.export_button.isVisible()
    assert tab.open_generate() is None
    tab.listing.table.selectRow(0)
    assert tab.open_export() is None
    assert not page.vouchers_tab.generate_button.isVisible()
    assert page.vouchers_tab.open_generate() is None
    assert page.vouchers_tab.redeem_button.isVisibleTo(page.vouchers_tab)  # support may redeem


def test_vouchers_are_shown_once_and_redeemed_onto_an_account(qtbot: QtBot, live_service: LiveService,
                                                              tmp_path: Path) -> None:
    api = _api(live_service)
    account = api.create_account(AccountCreate(number="4100", name="Voucher customer"))
    page = _page(qtbot, live_service)
    tab = page.vouchers_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=WAIT_MS)
    assert tab.listing.status_label.text() == "No vouchers yet: make some with “Generate vouchers…”."

    dialog = tab.open_generate()
    assert dialog is not None
    dialog.count_box.setValue(3)
    dialog.value_edit.setText("7.25")
    dialog.label_edit.setText("Spring")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.codes_view.isVisible, timeout=WAIT_MS)
    lines = dialog.codes_edit.toPlainText().splitlines()
    assert len(lines) == 3 and all(line.endswith("$7.25") for line in lines)
    codes = [voucher.code for voucher in dialog.codes]
    assert [line.split()[0] for line in lines] == codes
    dialog.copy_codes()
    assert QApplication.clipboard().text() == dialog.codes_edit.toPlainText()
    saved = tmp_path / "vouchers.csv"
    choose_file(qtbot, dialog.ask_save(), saved)
    assert [row["code"] for row in csv.DictReader(io.StringIO(saved.read_text()))] == codes
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    dialog.reject()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3 and not tab.model.loading, timeout=WAIT_MS)
    assert tab.message_label.text().startswith("3 voucher")  # plural forms come from the catalogue

    tab.code_edit.setText(codes[0])
    tab.account_edit.setText("4100")
    qtbot.mouseClick(tab.redeem_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "credited" in tab.message_label.text(), timeout=WAIT_MS)
    assert "$7.25 credited to account 4100" in tab.message_label.text()
    assert "balance is now $7.25" in tab.message_label.text()
    assert api.get_account(account.id).balance == Decimal("7.25")
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(0, VOUCHER_COL_USED)) == "Yes", timeout=WAIT_MS)

    tab.code_edit.setText(codes[0])
    qtbot.mouseClick(tab.redeem_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already used" in tab.message_label.text(), timeout=WAIT_MS)
    assert api.get_account(account.id).balance == Decimal("7.25")

    tab.code_edit.setText(codes[1])
    tab.account_edit.setText("no-such-account")
    qtbot.mouseClick(tab.redeem_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no-such-account" in tab.message_label.text(), timeout=WAIT_MS)
    assert tab.message_label.text() == "No account you may see has the number no-such-account"
