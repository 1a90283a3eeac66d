"""The Settings page: built from the declared settings, stores them in the desktop's preferences (kept across a
restart of the window), checks a service address, and chooses the language with the Language menu itself."""

from __future__ import annotations

from desk_harness import PASSWORD, LiveService
from pytestqt.qtbot import QtBot

from desktop import preferences
from desktop.main_window import MainWindow
from desktop.pages.settings import SettingsPage, desktop_settings
from desktop.qt import QLabel, QMessageBox, Qt
from desktop.session import sign_in

WAIT_MS = 5000


def _window(qtbot: QtBot, live: LiveService, user: str = "admin") -> MainWindow:
    window = MainWindow(sign_in(live.url, user, PASSWORD))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_form_is_built_from_the_declared_settings(qtbot: QtBot) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    declared = desktop_settings()
    assert [setting.key for setting in declared] == ["api_url", "username", "language"]
    texts = {label.text() for label in page.findChildren(QLabel)}
    for setting in declared:
        assert setting.label in texts and setting.help in texts
    assert sorted(page.edits) == ["api_url", "username"]
    assert page.edits["api_url"].text() == preferences.DEFAULT_API_URL
    assert page.edits["api_url"].toolTip() == declared[0].help


def test_a_new_service_address_is_remembered_across_a_restart(qtbot: QtBot, live_service: LiveService) -> None:
    window = _window(qtbot, live_service)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    page.edits["api_url"].setText("carrierdesk.example:8470/api/v1")
    page.edits["username"].setText("ops")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "Saved. The desktop uses them from its next start."
    assert page.edits["api_url"].text() == "http://carrierdesk.example:8470"  # as the sign-in would write it
    window.close()

    again = _window(qtbot, live_service)
    assert again.settings_page.edits["api_url"].text() == "http://carrierdesk.example:8470"
    assert again.settings_page.edits["username"].text() == "ops"
    assert preferences.api_url() == "http://carrierdesk.example:8470"
    assert preferences.last_username() == "ops"


def test_an_empty_address_is_refused_and_revert_shows_what_is_stored(qtbot: QtBot) -> None:
    preferences.remember_sign_in("http://10.0.0.5:8470", "clerk")
    page = SettingsPage()
    qtbot.addWidget(page)
    page.edits["api_url"].setText("  ")
    page.save()
    assert page.status_label.text() == "Enter the address of the Carrierdesk service."
    assert preferences.api_url() == "http://10.0.0.5:8470"
    page.edits["username"].setText("someone else")
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert (page.edits["api_url"].text(), page.edits["username"].text()) == ("http://10.0.0.5:8470", "clerk")


def test_check_asks_the_service_at_the_address(qtbot: QtBot, live_service: LiveService) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    page.edits["api_url"].setText(live_service.url)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "answers at" in page.status_label.text(), timeout=WAIT_MS)
    assert page.status_label.text().endswith(f"answers at {live_service.url} (sqlite).")

    page.edits["api_url"].setText("http://127.0.0.1:9")  # nothing listens there
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.check_button.isEnabled() and "No Carrierdesk service answers" in
                    page.status_label.text(), timeout=WAIT_MS)
    assert preferences.api_url() == preferences.DEFAULT_API_URL  # checking stores nothing


def test_the_language_is_chosen_with_the_language_menu(qtbot: QtBot, live_service: LiveService) -> None:
    window = _window(qtbot, live_service, "support")  # every role has the page
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.language_button.menu() is window.language_menu
    assert page.language_button.text().startswith("System language")
    french = next(action for action in window.language_menu.group.actions() if action.data() == "fr")
    french.trigger()
    assert preferences.language() == "fr"
    assert page.language_button.text() == "Français"
    notice = window.findChild(QMessageBox, "language_notice")
    assert notice is not None
    notice.close()
