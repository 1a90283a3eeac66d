"""The first-run wizard: starts the local service (a real child process on a temp data folder and free ports),
creates the first admin, the company and a carrier, ends signed in; the service is stopped afterwards."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_harness import LiveService
from pytestqt.qtbot import QtBot

from desktop import preferences
from desktop.first_run import PAGE_ADMIN, PAGE_CARRIER, FirstRun, FirstRunWizard, ServiceState, first_run
from desktop.qt import QDialog, QWizard
from switch_service.api.schemas.carriers import CarrierPage
from switch_service.api.schemas.setup import CompanyOut
from switch_service.config import settings

START_TIMEOUT_MS = 90_000
PASSWORD = "owner password 1"


def _free_port(kind: socket.SocketKind) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def local_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Config and data folders of their own (what the started service inherits), free ports; the API's URL."""
    config_dir, data_dir = tmp_path / "service-config", tmp_path / "service-data"
    api_port = _free_port(socket.SOCK_STREAM)
    settings.save({"api_host": "127.0.0.1", "api_port": api_port, "sip_host": "127.0.0.1",
                   "sip_port": _free_port(socket.SOCK_DGRAM), "radius_auth_port": _free_port(socket.SOCK_DGRAM),
                   "radius_acct_port": _free_port(socket.SOCK_DGRAM), "radius_processes": 0,
                   "log_level": "WARNING"}, config_dir / "config.toml")
    # `carrier-switch db upgrade` refuses a SQLite file whose folder is missing (store/engine.py), even the
    # per-user data folder on a fresh machine: made here until the service creates its own data folder.
    data_dir.mkdir()
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CARRIERDESK_DB_URL", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # secrets to a file in config_dir
    yield f"http://127.0.0.1:{api_port}"


def _next(wizard: FirstRunWizard, button: QWizard.WizardButton) -> None:
    wizard.button(button).click()


def test_the_wizard_starts_the_local_service_sets_up_and_ends_signed_in(qtbot: QtBot, local_config: str,
                                                                        tmp_path: Path) -> None:
    wizard = FirstRunWizard(None, local_config, ServiceState.UNREACHABLE)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        page = wizard.service_page
        assert page.start_button.isEnabled()
        page.start_button.click()
        qtbot.waitUntil(lambda: wizard.currentId() == PAGE_ADMIN or page.error_label.isVisible(),
                        timeout=START_TIMEOUT_MS)
        assert page.error_label.isHidden(), page.error_label.text()
        assert (tmp_path / "service-data" / "carrierdesk.db").exists()  # `db upgrade` made the embedded database
        assert wizard.local_service is not None and wizard.local_service.running

        admin = wizard.admin_page
        admin.username_edit.setText("owner")
        admin.password_edit.setText(PASSWORD)
        admin.repeat_edit.setText("another password")
        admin.company_edit.setText("Acme Telecom")
        admin.currency_edit.setText("eur")
        admin.time_zone_box.setCurrentText("Mars/Olympus_Mons")
        _next(wizard, QWizard.WizardButton.CommitButton)
        assert "passwords differ" in admin.error_label.text() and wizard.currentId() == PAGE_ADMIN

        admin.repeat_edit.setText(PASSWORD)
        _next(wizard, QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(lambda: "time_zone" in admin.error_label.text(), timeout=10_000)  # the service's words
        assert wizard.currentId() == PAGE_ADMIN and wizard.session is None

        admin.time_zone_box.setCurrentText("Europe/Madrid")
        _next(wizard, QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(lambda: wizard.currentId() == PAGE_CARRIER, timeout=10_000)
        assert admin.error_label.isHidden()

        carrier = wizard.carrier_page
        carrier.name_edit.setText("Tier One")
        carrier.host_edit.setText("sip.tier-one.example")
        carrier.port_box.setValue(5080)
        _next(wizard, QWizard.WizardButton.FinishButton)
        qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=10_000)

        session = wizard.session
        assert session is not None and session.user.username == "owner" and session.user.role == "admin"
        assert preferences.api_url() == local_config and preferences.last_username() == "owner"
        client = session.client
        assert client.get("/company", CompanyOut) == CompanyOut(name="Acme Telecom", currency="EUR",
                                                                time_zone="Europe/Madrid")
        carriers = client.get("/carriers", CarrierPage).items
        assert [(c.name, [(g.host, g.port) for g in c.gateways]) for c in carriers] == [
            ("Tier One", [("sip.tier-one.example", 5080)])]
    finally:
        process = wizard.local_service.process if wizard.local_service else None
        FirstRun(go_on=False, local_service=wizard.local_service).stop()  # what the desktop does when it closes
    assert process is not None and process.poll() is not None


def test_a_service_with_users_gets_the_sign_in_dialog_and_no_wizard(qtbot: QtBot, live_service: LiveService) -> None:
    assert first_run(live_service.url) == FirstRun(go_on=True)


def test_a_remote_address_cannot_be_started_here(qtbot: QtBot) -> None:
    wizard = FirstRunWizard(None, "http://192.0.2.10:8470", ServiceState.UNREACHABLE)
    qtbot.addWidget(wizard)
    assert not wizard.service_page.start_button.isEnabled()
    assert wizard.service_page.retry_button.isEnabled()
