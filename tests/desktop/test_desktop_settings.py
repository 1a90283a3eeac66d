"""The Settings page: built from the declared settings, stores them in the desktop's preferences (kept across a
restart of the window), checks a service address, and chooses the language with the Language menu itself; the
company's settings (admins change them); this computer's service address following its config file; Help → About."""

from __future__ import annotations

import platform

from cli_harness import cli_ok
from desk_harness import PASSWORD, WAIT_MS, LiveService, active, press
from pytestqt.qtbot import QtBot

from desktop import preferences
from desktop.about import versions
from desktop.api_client import ApiClient
from desktop.main_window import MainWindow
from desktop.pages.settings import SettingsPage, desktop_settings
from desktop.qt import QComboBox, QLabel, QMessageBox, Qt, qVersion
from desktop.session import sign_in
from switch_service.api.schemas.setup import CompanyOut, CompanyUpdate


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


def _carrier_switch(*args: str) -> None:
    """The admin command line, on the config folder of this test (CARRIERDESK_CONFIG_DIR, tests/conftest.py)."""
    cli_ok(*args)


def test_the_desktop_follows_the_api_port_the_config_sets(qtbot: QtBot) -> None:
    """`carrier-switch config set api_port N`, then `carrier-desk` without --api: this computer's service at N."""
    assert preferences.api_url() == "http://127.0.0.1:8470"
    _carrier_switch("config", "set", "api_port", "9123")
    assert preferences.api_url() == "http://127.0.0.1:9123"
    preferences.remember_sign_in("http://127.0.0.1:9123", "admin")  # signed in there: nothing pinned
    assert preferences.chosen_api_url() == ""
    _carrier_switch("config", "set", "api_port", "9124")
    assert preferences.api_url() == "http://127.0.0.1:9124"
    page = SettingsPage()
    qtbot.addWidget(page)
    assert page.edits["api_url"].text() == "http://127.0.0.1:9124"
    preferences.remember_sign_in("http://10.0.0.5:8470", "admin")  # another computer's service is remembered
    assert preferences.api_url() == "http://10.0.0.5:8470"


def test_an_admin_changes_the_company_by_keyboard(qtbot: QtBot, live_service: LiveService,
                                                  admin_api: ApiClient) -> None:
    admin_api.patch("/company", CompanyOut, CompanyUpdate(name="Acme", currency="USD", time_zone="UTC"))
    window = _window(qtbot, live_service)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    company = page.company
    name = company.form.widgets["name"]
    qtbot.waitUntil(lambda: name.text() == "Acme", timeout=WAIT_MS)
    zone = company.form.widgets["time_zone"]
    assert isinstance(zone, QComboBox) and zone.currentData() == "UTC"
    zone.setCurrentIndex(zone.findData("Europe/Madrid"))
    active(qtbot, window)
    name.setFocus()
    name.selectAll()
    press(qtbot, "Acme Telecom", Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_Backspace, Qt.Key.Key_Backspace,
          "eur", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: company.status_label.text().startswith("Saved"), timeout=WAIT_MS)
    assert company.status_label.text() == "Saved: Acme Telecom, EUR, Europe/Madrid."
    assert admin_api.get("/company", CompanyOut) == CompanyOut(name="Acme Telecom", currency="EUR",
                                                               time_zone="Europe/Madrid")
    press(qtbot, Qt.Key.Key_Return)
    assert company.status_label.text() == "Nothing changed."

    company.form.widgets["currency"].setText("E1X")  # the service judges it, said in the desktop's words
    company.save()
    qtbot.waitUntil(lambda: "currency" in company.errors.visible(), timeout=WAIT_MS)
    assert company.errors.visible() == {"currency": "has characters that do not belong here"}  # under the field
    assert admin_api.get("/company", CompanyOut).currency == "EUR"


def test_support_sees_the_company_and_cannot_change_it(qtbot: QtBot, live_service: LiveService) -> None:
    window = _window(qtbot, live_service, "support")
    company = window.settings_page.company
    qtbot.waitUntil(lambda: company.form.widgets["currency"].text() != "", timeout=WAIT_MS)
    assert not company.form.isEnabled() and not company.save_button.isVisibleTo(company)


def test_help_about_names_the_versions(qtbot: QtBot, live_service: LiveService) -> None:
    window = _window(qtbot, live_service)
    assert window.about_action.text() == "About Carrierdesk"
    box = window.show_about()
    assert box.isVisible() and box.windowTitle() == "About Carrierdesk"
    session = window.session
    assert session is not None
    lines = dict(versions(session))
    assert lines["Carrierdesk desktop"] == session.health.version  # one package: desktop and service alike
    assert lines["Service"] == f"{session.health.version} at {live_service.url}"
    assert lines["Schema revision"] == session.health.schema_revision and lines["Schema revision"]
    assert lines["Qt"] == qVersion() and lines["Python"] == platform.python_version()
    assert lines["Database"] == "sqlite"
    for what, which in lines.items():
        assert what in box.text() and which in box.text()
