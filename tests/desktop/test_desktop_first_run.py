"""Starting the desktop on this computer, against real service processes (temp config and data folders, free
ports): the first start starts the service and runs the wizard, finished by keyboard with the pre-filled values;
every later start starts the service and goes to the sign-in, never the wizard again; another installation at this
computer's address is refused; a start that fails shows the service's own words."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from desk_harness import LiveService, active, configure_this_computer, press, start_up_watched
from port_holder import PortHolder
from pytestqt.qtbot import QtBot
from worker_ports import free_port

from desktop import preferences
from desktop.api_client import ApiClient
from desktop.first_run import PAGE_ADMIN, PAGE_CARRIER, FirstRunWizard
from desktop.local_service import LocalService, local_installation
from desktop.qt import QDialog, Qt, QWidget, QWizard
from desktop.start_up import Found, ServiceStartDialog, ServiceState, StartUp, probe
from switch_service.api.schemas.carriers import CarrierPage
from switch_service.api.schemas.setup import CompanyOut, SetupIn

pytestmark = pytest.mark.peers  # a whole `carrier-switch serve` (make run, the desktop's start-up)

START_TIMEOUT_MS = 90_000
PASSWORD = "owner password 1"
Key = Qt.Key


@pytest.fixture
def local_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """This computer's config; its API's URL."""
    return configure_this_computer(tmp_path, monkeypatch, free_port(socket.SOCK_STREAM))


def _start_dialog(qtbot: QtBot, url: str, found: Found, started: list[LocalService]) -> ServiceStartDialog:
    dialog = ServiceStartDialog(None, ApiClient(url), found, started)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _started(qtbot: QtBot, url: str, started: list[LocalService]) -> ServiceStartDialog:
    """This computer's service started by the start-up window, as on a first start (nothing answers)."""
    dialog = _start_dialog(qtbot, url, Found(ServiceState.UNREACHABLE), started)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted or dialog.output_box.isVisible(),
                    timeout=START_TIMEOUT_MS)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.output_box.toPlainText()
    return dialog


def test_the_first_start_starts_the_service_and_the_wizard_finishes_with_the_defaults(
        qtbot: QtBot, local_config: str, tmp_path: Path) -> None:
    started: list[LocalService] = []
    try:
        dialog = _started(qtbot, local_config, started)
        assert dialog.found.state is ServiceState.NEEDS_ADMIN
        assert (tmp_path / "service-data" / "carrierdesk.db").exists()  # `db upgrade` made the embedded database
        health = dialog.found.health
        assert health is not None and health.instance_id == local_installation().instance_id
        assert [service.running for service in started] == [True] and health.pid == started[0].process.pid

        wizard = FirstRunWizard(None, ApiClient(local_config))
        qtbot.addWidget(wizard)
        wizard.show()
        active(qtbot, wizard)
        admin = wizard.admin_page
        create = wizard.button(QWizard.WizardButton.CommitButton)
        assert admin.username_edit.text() == "admin" and len(admin.currency_edit.text()) == 3  # pre-filled
        assert admin.password_rule.text() == "At least 10 characters."
        assert not create.isEnabled()
        assert admin.missing_label.text() == ("Create needs a password of at least 10 characters, the company "
                                              "name.")
        assert admin.username_edit.hasFocus()
        press(qtbot, Key.Key_Tab, "short", Key.Key_Tab, "short", Key.Key_Tab, "Acme Telecom", Key.Key_Return)
        assert wizard.currentId() == PAGE_ADMIN and not create.isEnabled()  # Enter does nothing while incomplete
        assert admin.missing_label.text() == "Create needs a password of at least 10 characters."

        for edit in (admin.password_edit, admin.repeat_edit):
            edit.clear()
        admin.password_edit.setFocus()
        press(qtbot, PASSWORD, Key.Key_Tab, PASSWORD[:-1] + "2")
        assert admin.missing_label.text() == "Create needs the same password typed again."
        admin.repeat_edit.clear()
        press(qtbot, PASSWORD)
        assert create.isEnabled() and admin.missing_label.isHidden()  # the untouched defaults count as filled
        currency, zone = admin.currency_edit.text(), admin.time_zone_box.currentText()
        press(qtbot, Key.Key_Return)  # Enter is Create
        qtbot.waitUntil(lambda: wizard.currentId() == PAGE_CARRIER, timeout=10_000)
        assert admin.error_label.isHidden(), admin.error_label.text()

        active(qtbot, wizard)
        press(qtbot, Key.Key_Return)  # Finish with the carrier left out
        qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=10_000)
        session = wizard.session
        assert session is not None and (session.user.username, session.user.role) == ("admin", "admin")
        assert preferences.api_url() == local_config and preferences.last_username() == "admin"
        assert preferences.chosen_api_url() == ""  # this computer's service: its address stays the config's
        client = session.client
        assert client.get("/company", CompanyOut) == CompanyOut(name="Acme Telecom", currency=currency.upper(),
                                                                time_zone=zone)
        assert client.get("/carriers", CarrierPage).items == []
    finally:
        StartUp(go_on=False, local_services=started).stop()  # what the desktop does when it closes
    assert all(service.process.poll() is not None for service in started)


def test_a_later_start_starts_the_service_and_asks_to_sign_in_not_the_wizard(qtbot: QtBot,
                                                                              local_config: str) -> None:
    started: list[LocalService] = []
    try:  # a first start, set up through the service's setup door
        _started(qtbot, local_config, started)
        ApiClient(local_config).first_setup(SetupIn(username="owner", password=PASSWORD, company_name="Acme",
                                                    currency="EUR", time_zone="Europe/Madrid"))
    finally:
        StartUp(go_on=False, local_services=started).stop()
    unexpected: list[str] = []

    def no_wizard(window: QWidget) -> None:
        if isinstance(window, FirstRunWizard):
            unexpected.append("wizard")
            window.reject()

    later = start_up_watched(local_config, no_wizard)
    try:
        assert (later.go_on, later.session, unexpected) == (True, None, [])  # the sign-in dialog comes next
        assert [service.running for service in later.local_services] == [True]
        assert probe(ApiClient(local_config), local_installation()).state is ServiceState.READY
    finally:
        later.stop()


def test_another_installation_at_this_computers_address_is_not_used(qtbot: QtBot, live_service: LiveService,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`live_service` is another installation (its own data folder) on the port this computer's config names."""
    url = configure_this_computer(tmp_path / "mine", monkeypatch, live_service.port)
    found = probe(ApiClient(url), local_installation())
    assert found.state is ServiceState.FOREIGN
    dialog = _start_dialog(qtbot, url, found, [])
    active(qtbot, dialog)
    assert dialog.message_label.text().startswith(f"Another Carrierdesk installation answers at {url} (its database: "
                                                  f"sqlite:///{tmp_path}/desk.db). It is not this computer's service")
    assert "carrier-switch config set api_port" in dialog.message_label.text()
    press(qtbot, Key.Key_Return)  # Try again: still the other one
    qtbot.waitUntil(lambda: dialog.action_button is not None and dialog.action_button.isEnabled(), timeout=10_000)
    assert dialog.found.state is ServiceState.FOREIGN and dialog.isVisible()
    press(qtbot, Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected  # Quit: the desktop does not go on to sign in

    def quit_when_asked(window: QWidget) -> None:
        if isinstance(window, ServiceStartDialog) and window.message_label.text():
            window.discard()

    outcome = start_up_watched(url, quit_when_asked)
    assert (outcome.go_on, outcome.session, outcome.local_services) == (False, None, [])


def test_a_start_that_fails_shows_the_services_own_words(qtbot: QtBot, local_config: str,
                                                         port_holder: PortHolder) -> None:
    port_taken = port_holder.hold(int(local_config.rsplit(":", 1)[1]))  # a program that is not Carrierdesk
    found = probe(ApiClient(local_config), local_installation())
    assert found.state is ServiceState.UNREACHABLE  # what holds the port is no Carrierdesk service
    started: list[LocalService] = []
    dialog = _start_dialog(qtbot, local_config, found, started)
    qtbot.waitUntil(dialog.output_box.isVisible, timeout=START_TIMEOUT_MS)
    assert dialog.message_label.text() == "The service on this computer stopped while starting."
    assert f"cannot listen on 127.0.0.1:{port_taken} for the API" in dialog.output_box.toPlainText()
    assert dialog.result() == 0 and dialog.action_button is not None and dialog.action_button.isEnabled()
    assert started == []  # the process that failed was stopped, nothing is left running
