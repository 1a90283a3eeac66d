"""The Users page against the real service: an admin adds a user who can then sign in, the service's 422 is
shown at the field, roles and passwords change, deactivation asks first and the last admin cannot go; and what
each role's navigation lists (support sees none of these pages, a reseller only Resellers)."""

from __future__ import annotations

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient, ApiError
from desktop.main_window import MainWindow
from desktop.pages.users import COL_ACTIVE, COL_RESELLER, COL_ROLE, UsersPage
from desktop.pages.users_dialogs import NewUserDialog, PasswordDialog, RoleDialog
from desktop.qt import QMessageBox, Qt
from desktop.session import sign_in
from switch_service.api.schemas import Role
from switch_service.api.schemas.resellers import ResellerCreate, ResellerOut
from switch_service.api.schemas.users import UserCreate, UserDetailOut, UserPage

NEW_PASSWORD = "a brand new secret"


@pytest.fixture
def page(qtbot: QtBot, live_service: LiveService) -> UsersPage:
    page = UsersPage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.set_session(sign_in(live_service.url, "admin", PASSWORD))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and not page.model.loading, timeout=WAIT_MS)
    return page


def _select(qtbot: QtBot, page: UsersPage, username: str) -> UserDetailOut:
    page.listing.refresh()
    qtbot.waitUntil(lambda: not page.model.loading and any(
        (row := page.model.cached_row(i)) is not None and row.username == username
        for i in range(page.model.rowCount())), timeout=WAIT_MS)
    for index in range(page.model.rowCount()):
        user = page.model.cached_row(index)
        if user is not None and user.username == username:
            page.listing.table.selectRow(index)
            return user
    raise AssertionError(username)


def _cell(page: UsersPage, username: str, column: int) -> str:
    for index in range(page.model.rowCount()):
        user = page.model.cached_row(index)
        if user is not None and user.username == username:
            return str(page.model.data(page.model.index(index, column)))
    raise AssertionError(username)


def _usernames(api: ApiClient) -> list[str]:
    return [user.username for user in api.get("/users", UserPage).items]


def test_admin_adds_a_user_who_can_then_sign_in(qtbot: QtBot, page: UsersPage, live_service: LiveService,
                                                admin_api: ApiClient) -> None:
    dialog = page.open_new()
    assert isinstance(dialog, NewUserDialog)
    dialog.username_edit.setText("maria")
    dialog.password_edit.setText("short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors.visible()), timeout=WAIT_MS)
    assert set(dialog.errors.visible()) == {"password"}
    assert "at least 10 characters" in dialog.errors.visible()["password"]  # the service's words, at the field
    assert _usernames(admin_api) == ["admin", "support"]

    dialog.password_edit.setText("maria's password")
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.model.loading, timeout=WAIT_MS)
    assert _cell(page, "maria", COL_ROLE) == "Support"
    assert "can sign in now" in page.message_label.text()
    assert sign_in(live_service.url, "maria", "maria's password").user.role is Role.SUPPORT


def test_a_reseller_user_needs_a_reseller(qtbot: QtBot, page: UsersPage, live_service: LiveService,
                                          admin_api: ApiClient) -> None:
    east = admin_api.post("/resellers", ResellerOut, ResellerCreate(name="East"))
    dialog = page.open_new()
    assert dialog is not None
    dialog.username_edit.setText("east-desk")
    dialog.password_edit.setText("east desk password")
    roles = dialog.role_fields
    assert not roles.reseller_field.isEnabled()
    roles.role_combo.setCurrentIndex(roles.role_combo.findData(Role.RESELLER.value))
    assert roles.reseller_field.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors.visible()), timeout=WAIT_MS)
    assert dialog.errors.visible() == {"reseller_id": "required for the reseller role"}
    assert "east-desk" not in _usernames(admin_api)

    qtbot.waitUntil(lambda: roles.reseller_field.combo.count() == 1, timeout=WAIT_MS)
    roles.reseller_field.combo.activated.emit(0)
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.model.loading, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _cell(page, "east-desk", COL_RESELLER) == "East", timeout=WAIT_MS)
    assert sign_in(live_service.url, "east-desk", "east desk password").user.reseller_id == east.id


def test_change_role_reset_password_and_deactivate(qtbot: QtBot, page: UsersPage, live_service: LiveService,
                                                   admin_api: ApiClient) -> None:
    _select(qtbot, page, "support")
    role_dialog = page.open_role()
    assert isinstance(role_dialog, RoleDialog)
    role_dialog.role_fields.role_combo.setCurrentIndex(role_dialog.role_fields.role_combo.findData(Role.ADMIN.value))
    with qtbot.waitSignal(role_dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(role_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(page, "support", COL_ROLE) == "Administrator", timeout=WAIT_MS)

    password_dialog = page.open_password()
    assert isinstance(password_dialog, PasswordDialog)
    password_dialog.password_edit.setText(NEW_PASSWORD)
    with qtbot.waitSignal(password_dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(password_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert sign_in(live_service.url, "support", NEW_PASSWORD).user.role is Role.ADMIN
    with pytest.raises(ApiError):
        sign_in(live_service.url, "support", PASSWORD)

    qtbot.waitUntil(lambda: page.listing.selected() is not None, timeout=WAIT_MS)
    assert page.active_button.text() == "Deactivate…"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert isinstance(box, QMessageBox) and "support" in box.text()
    box.reject()  # cancelled: nothing happens
    assert admin_api.get("/users", UserPage, {"q": "support"}).items[0].active
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    confirm = page.confirm_box
    assert confirm is not None
    deactivate = next(button for button in confirm.buttons() if button.text() == "Deactivate")
    qtbot.mouseClick(deactivate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(page, "support", COL_ACTIVE) == "No (deactivated)", timeout=WAIT_MS)
    assert "deactivated" in page.message_label.text()
    with pytest.raises(ApiError):
        sign_in(live_service.url, "support", NEW_PASSWORD)
    qtbot.waitUntil(lambda: page.active_button.text() == "Reactivate", timeout=WAIT_MS)


def test_the_last_admin_cannot_be_deactivated(qtbot: QtBot, page: UsersPage, admin_api: ApiClient) -> None:
    _select(qtbot, page, "admin")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    confirm = page.confirm_box
    assert confirm is not None
    qtbot.mouseClick(next(b for b in confirm.buttons() if b.text() == "Deactivate"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "last active admin" in page.message_label.text(), timeout=WAIT_MS)
    assert page.message_label.isVisible()
    assert admin_api.get("/users", UserPage, {"q": "admin"}).items[0].active


@pytest.mark.parametrize(("username", "listed"), [
    ("admin", {"carriers", "resellers", "users"}),
    ("support", set()),
    ("east", {"resellers"}),
])
def test_each_role_is_listed_only_the_pages_it_may_use(qtbot: QtBot, live_service: LiveService,
                                                       admin_api: ApiClient, username: str, listed: set[str]) -> None:
    east = admin_api.post("/resellers", ResellerOut, ResellerCreate(name="East"))
    admin_api.post("/users", UserDetailOut, UserCreate(username="east", password=PASSWORD, role=Role.RESELLER,
                                                        reseller_id=east.id))
    window = MainWindow(sign_in(live_service.url, username, PASSWORD))
    qtbot.addWidget(window)
    window.show()
    keys = window.page_keys()
    shown = {key for row, key in enumerate(keys) if not window.navigation.item(row).isHidden()}
    assert shown & {"carriers", "resellers", "users"} == listed
    if username == "support":  # nothing of theirs is even asked for, so nothing is refused
        qtbot.wait(300)
        for label in (window.carriers_page.carriers_tab.listing.status_label, window.users_page.listing.status_label,
                      window.resellers_page.message_label):
            assert "Could not load" not in label.text()
        assert window.resellers_page.model.rowCount() == 0 and window.users_page.model.rowCount() == 0
