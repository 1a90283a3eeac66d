"""Carriers and routing → RADIUS clients, driven by the keyboard against the real service: add a gateway (a short
secret refused at its field with nothing created), edit it keeping what was filled in, delete it."""

from __future__ import annotations

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService, agree
from pydantic import SecretStr
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.api_client import ApiClient
from desktop.pages.carriers import CarriersPage
from desktop.pages.forms import unchecked
from desktop.pages.nas_clients import COL_ADDRESS, COL_ENABLED, COL_NAME, NasClientDialog
from desktop.qt import QApplication, QMessageBox, Qt, QWidget
from desktop.session import sign_in
from switch_service.api.schemas.nas import NasClientCreate, NasClientOut, NasClientPage
from switch_service.config.secrets import SecretStore
from switch_service.security.pins import PinCipher
from switch_service.store.engine import make_engine
from switch_service.store.models import NasClient

SECRET = "a-gateway-secret-typed-in"


@pytest.fixture
def page(qtbot: QtBot, live_service: LiveService) -> CarriersPage:
    page = CarriersPage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.set_session(sign_in(live_service.url, "admin", PASSWORD))
    page.tabs.setCurrentWidget(page.nas_tab)
    return page


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _active(qtbot: QtBot, dialog: NasClientDialog) -> None:
    """The dialog on screen with the keyboard, its first field focused, as when it opens."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)


def _type_and_tab(qtbot: QtBot, text: str) -> None:
    """Type into the focused field, then Tab to the next one."""
    widget = _focused()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _stored_secret(tmp_path: object) -> str:
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")
    try:
        with Session(engine) as session:
            row = session.scalars(select(NasClient)).one()
            return PinCipher(SecretStore().get_or_create("pin_key")).decrypt(row.secret_ciphertext)
    finally:
        engine.dispose()


def test_admin_adds_a_radius_client_by_keyboard(qtbot: QtBot, page: CarriersPage, admin_api: ApiClient,
                                                 tmp_path: object) -> None:
    tab = page.nas_tab
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=WAIT_MS)
    assert "No RADIUS clients" in tab.listing.status_label.text()

    tab.add_button.setFocus()
    qtbot.keyClick(tab.add_button, Qt.Key.Key_Space)
    dialog = tab.dialog
    assert isinstance(dialog, NasClientDialog)
    _active(qtbot, dialog)
    assert _focused() is dialog.name_edit
    _type_and_tab(qtbot, "Gateway 7")
    assert _focused() is dialog.address_edit
    _type_and_tab(qtbot, "127.0.0.2")
    assert _focused() is dialog.secret_edit
    qtbot.keyClicks(dialog.secret_edit, "too-short")
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "secret" in dialog.errors.visible(), timeout=WAIT_MS)
    assert "16 to 128 characters" in dialog.errors.visible()["secret"]
    assert "too-short" not in dialog.errors.visible()["secret"]
    assert dialog.isVisible() and admin_api.get("/nas-clients", NasClientPage).items == []
    assert dialog.name_edit.text() == "Gateway 7" and dialog.address_edit.text() == "127.0.0.2"  # kept

    dialog.secret_edit.selectAll()
    qtbot.keyClicks(dialog.secret_edit, SECRET)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=WAIT_MS)
    assert [model.data(model.index(0, column)) for column in (COL_NAME, COL_ADDRESS, COL_ENABLED)] == [
        "Gateway 7", "127.0.0.2", "Yes"]
    assert "within 5 s" in tab.message_label.text()
    assert _stored_secret(tmp_path) == SECRET


def test_admin_edits_keeping_what_was_filled_in_then_deletes(qtbot: QtBot, page: CarriersPage,
                                                             admin_api: ApiClient, tmp_path: object) -> None:
    admin_api.post("/nas-clients", NasClientOut, unchecked(NasClientCreate, name="Gateway 7", address="127.0.0.2",
                                                            secret=SecretStr(SECRET)))
    tab = page.nas_tab
    tab.refresh()
    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=WAIT_MS)
    tab.listing.table.selectRow(0)
    tab.listing.table.setFocus()
    qtbot.keyClick(tab.listing.table, Qt.Key.Key_Return)  # the selected row opens for editing
    edit = tab.dialog
    assert isinstance(edit, NasClientDialog)
    _active(qtbot, edit)
    assert (edit.name_edit.text(), edit.address_edit.text(), edit.secret_edit.text()) == (
        "Gateway 7", "127.0.0.2", "")  # the secret never comes back
    edit.enabled_check.setFocus()
    qtbot.keyClick(edit.enabled_check, Qt.Key.Key_Space)
    with qtbot.waitSignal(edit.saved, timeout=WAIT_MS):
        qtbot.keyClick(edit.enabled_check, Qt.Key.Key_Return)
    [stored] = admin_api.get("/nas-clients", NasClientPage).items
    assert (stored.name, stored.address, stored.enabled, stored.require_message_authenticator) == (
        "Gateway 7", "127.0.0.2", False, True)
    assert _stored_secret(tmp_path) == SECRET  # left as it was: no new one typed
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_ENABLED)) == "No", timeout=WAIT_MS)

    tab.listing.table.selectRow(0)
    tab.delete_button.setFocus()
    qtbot.keyClick(tab.delete_button, Qt.Key.Key_Space)
    assert tab.confirm_box is not None and "Gateway 7 (127.0.0.2)" in tab.confirm_box.text()
    agree(qtbot, tab.confirm_box)
    qtbot.waitUntil(lambda: admin_api.get("/nas-clients", NasClientPage).items == [], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "deleted" in tab.message_label.text(), timeout=WAIT_MS)


def test_an_overlapping_network_is_refused_at_the_address(qtbot: QtBot, page: CarriersPage,
                                                          admin_api: ApiClient) -> None:
    tab = page.nas_tab
    dialog = tab.open_add()
    assert dialog is not None
    _active(qtbot, dialog)
    _type_and_tab(qtbot, "Switch range")
    _type_and_tab(qtbot, "127.0.0.0/24")
    qtbot.keyClicks(dialog.secret_edit, SECRET)
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "address" in dialog.errors.visible(), timeout=WAIT_MS)
    assert "the switch's own RADIUS client address" in dialog.errors.visible()["address"]
    assert admin_api.get("/nas-clients", NasClientPage).items == []
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Escape)  # typed work: the dialog asks before discarding it
    [question] = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    qtbot.mouseClick(next(b for b in question.buttons() if b.text() == "Discard"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
