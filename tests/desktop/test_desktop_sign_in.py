"""The desktop against the real service: sign in through the widgets, accounts, switch user."""

from __future__ import annotations

import socket

import requests
from desk_harness import PASSWORD, WAIT_MS, LiveService, active, press, type_into
from pytestqt.qtbot import QtBot
from worker_ports import free_port

from desktop import preferences
from desktop.api_client import ApiClient
from desktop.main_window import MainWindow
from desktop.pages.accounts import COL_NAME, COL_NUMBER, AccountsPage
from desktop.qt import QModelIndex, Qt
from desktop.session import DeskSession
from desktop.sign_in import SignInDialog
from switch_service.api.schemas import AccountCreate


def _sign_in(qtbot: QtBot, url: str, username: str, password: str = PASSWORD,
             dialog: SignInDialog | None = None) -> SignInDialog:
    """As a person signs in: the user name, Tab, the password, Enter."""
    if dialog is None:
        dialog = SignInDialog(None, url)
        qtbot.addWidget(dialog)
        dialog.show()
    active(qtbot, dialog)
    dialog.username_edit.setFocus()
    dialog.username_edit.selectAll()
    press(qtbot, username, Qt.Key.Key_Tab, password, Qt.Key.Key_Return)
    return dialog


def _signed_in(qtbot: QtBot, live: LiveService, username: str = "admin") -> DeskSession:
    dialog = _sign_in(qtbot, live.url, username)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=WAIT_MS)
    assert dialog.session is not None
    return dialog.session


def _window(qtbot: QtBot, session: DeskSession) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def _numbers(page: AccountsPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, COL_NUMBER)) for row in range(model.rowCount())]


def _status_of_me(url: str, token: str) -> int:
    return requests.get(f"{url}/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=5).status_code


def _api(live: LiveService) -> ApiClient:
    client = ApiClient(live.url)
    client.login("admin", PASSWORD)
    return client


def test_sign_in_shows_the_user_and_remembers_the_name(qtbot: QtBot, live_service: LiveService) -> None:
    session = _signed_in(qtbot, live_service)
    window = _window(qtbot, session)
    assert window.windowTitle() == "Carrierdesk"
    assert "admin" in window.user_label.text()
    assert "Administrator" in window.user_label.text()
    assert window.url_label.text() == live_service.url
    assert window.secrets_warning.isVisibleTo(window)
    assert window.dashboard_page.database_label.text() == "sqlite"
    assert preferences.last_username() == "admin"
    assert preferences.api_url() == live_service.url
    assert window.accounts_page.new_button.isVisibleTo(window.accounts_page)


def test_wrong_password_shows_the_service_message(qtbot: QtBot, live_service: LiveService) -> None:
    dialog = _sign_in(qtbot, live_service.url, "admin", "not the password")
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT_MS)
    assert dialog.error_label.text() == "wrong user name or password"
    assert dialog.session is None
    assert dialog.isVisible()
    assert dialog.sign_in_button.isEnabled()


def test_no_service_says_so(qtbot: QtBot) -> None:
    port = free_port(socket.SOCK_STREAM)  # nothing listens there
    url = f"http://127.0.0.1:{port}"
    dialog = _sign_in(qtbot, url, "admin")
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT_MS)
    assert dialog.error_label.text() == f"No Carrierdesk service answers at {url}"


def test_accounts_page_lists_accounts_created_through_the_api(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    for i in range(3):
        api.create_account(AccountCreate(number=f"31{i}", name=f"Api customer {i}"))
    window = _window(qtbot, _signed_in(qtbot, live_service))
    page = window.show_page("accounts")
    assert isinstance(page, AccountsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.model.loading, timeout=WAIT_MS)
    assert _numbers(page) == ["310", "311", "312"]
    assert page.model.data(page.model.index(1, COL_NAME)) == "Api customer 1"

    page.search_edit.setText("customer 2")
    qtbot.waitUntil(lambda: _numbers(page) == ["312"], timeout=WAIT_MS)


def test_create_an_account_through_the_dialog(qtbot: QtBot, live_service: LiveService) -> None:
    """By keyboard, keeping the pre-filled amounts: the number, Tab, the name, Enter creates it."""
    window = _window(qtbot, _signed_in(qtbot, live_service, "support"))
    page = window.show_page("accounts")
    assert isinstance(page, AccountsPage)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.new_account_dialog
    assert dialog is not None and dialog.isVisible()
    active(qtbot, dialog)
    assert dialog.number_edit.hasFocus()  # the keyboard starts in the first field

    press(qtbot, "7001", Qt.Key.Key_Tab, "Dialog Telecom")
    type_into(qtbot, dialog.credit_limit_edit, "-5")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "credit_limit" in dialog.errors.visible(), timeout=WAIT_MS)
    assert dialog.isVisible()
    assert not dialog.tariff_field.isVisible()  # support: pricing and routing are the admins'

    type_into(qtbot, dialog.credit_limit_edit, "25.50")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "7001" in _numbers(page), timeout=WAIT_MS)
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.data(index) for index in selected] == ["7001"]
    created = page.model.cached_account(0)
    assert created is not None and (str(created.credit_limit), str(created.overdraft)) == ("25.500000", "0.000000")

    second = page.open_new_account()  # a duplicate number: the service's 409, in the desktop's words
    assert second is not None
    active(qtbot, second)
    press(qtbot, "7001", Qt.Key.Key_Tab, "Again", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "number" in second.errors.visible(), timeout=WAIT_MS)  # shown at the field it names
    assert "7001 is already in use" in second.errors.visible()["number"]


def test_switch_user_keeps_the_window_and_drops_the_old_token(qtbot: QtBot, live_service: LiveService) -> None:
    first = _signed_in(qtbot, live_service, "admin")
    old_token = first.client._token
    assert old_token is not None
    window = _window(qtbot, first)
    dialog = window.switch_user()
    assert dialog.isVisible()
    assert not first.client.signed_in  # dropped at once, revoked in the background
    _sign_in(qtbot, live_service.url, "support", dialog=dialog)
    qtbot.waitUntil(lambda: window.session is not None and window.session.user.username == "support",
                    timeout=WAIT_MS)
    assert window.isVisible()
    assert "support" in window.user_label.text()
    assert window.dashboard_page.user_label.text().startswith("support")

    # the same window, now for the new user: the pages a support rep may not use are no longer listed
    listed = {window.page_keys()[row] for row in range(window.navigation.count())
              if not window.navigation.item(row).isHidden()}
    assert {"dashboard", "accounts"} <= listed
    assert not listed & {"rates", "carriers", "users"}
    # the old token was revoked at the service, not only forgotten here
    qtbot.waitUntil(lambda: _status_of_me(live_service.url, old_token) == 401, timeout=WAIT_MS)


def test_model_fetches_pages_as_rows_come_into_view(qtbot: QtBot, live_service: LiveService) -> None:
    """Small pages and a tiny row cache: every row counted at once (the id list), rows fetched when asked for,
    evicted rows fetched again."""
    from desktop.pages.accounts import AccountsModel

    api = _api(live_service)
    for i in range(12):
        api.create_account(AccountCreate(number=f"5{i:02d}", name=f"Paged {i}"))
    session = _signed_in(qtbot, live_service)
    model = AccountsModel(page_size=5, cache_size=5)
    model.set_client(session.client)
    qtbot.waitUntil(lambda: model.rowCount() == 12 and not model.loading, timeout=WAIT_MS)
    assert model.at_end and not model.canFetchMore(QModelIndex())
    for row in (11, 5):  # the last page, then the middle one
        assert model.data(model.index(row, COL_NAME)) == "…"
        qtbot.waitUntil(lambda row=row: model.data(model.index(row, COL_NAME)) == f"Paged {row}", timeout=WAIT_MS)
    # rows 0-4 were evicted by the later pages: asking for one fetches its page again
    assert model.data(model.index(0, COL_NAME)) == "…"
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_NAME)) == "Paged 0", timeout=WAIT_MS)
    assert model.data(model.index(4, COL_NUMBER)) == "504"
