"""The desktop in the language chosen in preferences: catalogues compiled by the build step, installed by
`carrier-desk` at start-up, and the Language menu that changes the choice for the next start."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from desk_harness import PASSWORD, LiveService
from pytestqt.qtbot import QtBot

from desktop import i18n, preferences
from desktop.api_client import ApiClient, ApiError
from desktop.app import main
from desktop.main_window import MainWindow
from desktop.ops import error_text
from desktop.pages.forms import unchecked
from desktop.qt import QApplication, QCoreApplication, QMessageBox, Qt, QTimer
from desktop.session import sign_in
from desktop.sign_in import SignInDialog
from installer.build_translations import compile_catalogues
from switch_service.api.schemas import AccountCreate, ManualPaymentKind, PaymentCreate, ReceiptOut
from switch_service.api.schemas.routing import RouteExplanation


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files as `make translations` builds them, in a folder of this test's own."""
    folder = tmp_path_factory.mktemp("qm")
    compile_catalogues(folder)
    return folder


@pytest.fixture
def qm_folder(catalogues: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    monkeypatch.setenv("CARRIERDESK_TRANSLATIONS_DIR", str(catalogues))
    yield catalogues
    i18n.remove_translators(qapp)  # the next tests speak English again


def _run_main(qtbot: QtBot, url: str) -> dict[str, object]:
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(20, drive)
            return
        seen["dialog"] = dialog.windowTitle()
        dialog.password_edit.setText(PASSWORD)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(20, look_and_close)

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, look_and_close)
            return
        window = windows[0]
        seen["navigation"] = [window.navigation.item(row).text() for row in range(2)]  # more pages follow
        seen["status"] = window.user_label.text()
        seen["menu"] = window.language_menu.title()
        model = window.accounts_page.model
        seen["header"] = model.headerData(0, Qt.Orientation.Horizontal)
        window.close()

    QTimer.singleShot(0, drive)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(QApplication.quit)
    safety.start(15000)
    assert main(["--api", url, "--user", "admin"]) == 0
    assert safety.isActive(), "main() was stopped by the safety timer"
    safety.stop()
    return seen


def test_with_spanish_chosen_the_desktop_speaks_spanish(qtbot: QtBot, live_service: LiveService,
                                                        qm_folder: Path) -> None:
    preferences.set_language("es")
    seen = _run_main(qtbot, live_service.url)
    assert seen == {
        "dialog": "Iniciar sesión en Carrierdesk",
        "navigation": ["Panel", "Cuentas"],
        "status": "Sesión iniciada como admin (Administrador)",
        "menu": "&Idioma",
        "header": "Número",
    }
    assert i18n.active_language() == "es"
    # Qt's own texts follow (qtbase_es from PySide6)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_french_plural_forms(qtbot: QtBot, qapp: QApplication, qm_folder: Path) -> None:
    assert i18n.install_translators(qapp, "fr") == "fr"
    assert QCoreApplication.translate("AccountsPage", "%n account(s)", "", 1) == "1 compte"
    assert QCoreApplication.translate("AccountsPage", "%n account(s)", "", 3) == "3 comptes"
    assert i18n.install_translators(qapp, "en") == "en"  # replaces French, and English has plurals too
    assert QCoreApplication.translate("AccountsPage", "%n account(s)", "", 1) == "1 account"
    assert QCoreApplication.translate("AccountsPage", "%n account(s)", "", 3) == "3 accounts"


def test_a_missing_catalogue_leaves_english_and_says_so(qapp: QApplication, tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="desktop.i18n"):
        i18n.install_translators(qapp, "es", folder=tmp_path)
    try:
        assert QCoreApplication.translate("MainWindow", "Accounts") == "Accounts"
        assert "carrierdesk_es.qm" in caplog.text and "make translations" in caplog.text
    finally:
        i18n.remove_translators(qapp)


def test_no_preference_means_the_system_language_else_english() -> None:
    assert preferences.language() == ""
    assert i18n.resolve_language("") == i18n.system_language()
    assert i18n.resolve_language("xx") == i18n.system_language()  # a catalogue since removed
    assert i18n.resolve_language("fr") == "fr"
    assert i18n.system_language() in i18n.LANGUAGES


def test_the_language_menu_stores_the_choice_and_asks_for_a_restart(qtbot: QtBot,
                                                                    live_service: LiveService) -> None:
    window = MainWindow(sign_in(live_service.url, "admin", PASSWORD))
    qtbot.addWidget(window)
    window.show()
    menu = window.language_menu
    actions = {action.data(): action for action in menu.group.actions()}
    assert sorted(actions) == ["", "en", "es", "fr"]
    assert actions[""].isChecked()
    assert actions["fr"].text() == "Français"

    actions["fr"].trigger()
    assert preferences.language() == "fr"
    notice = window.findChild(QMessageBox, "language_notice")
    assert notice is not None and notice.isVisible()
    assert "Français" in notice.text() and "Restart" in notice.text()
    notice.close()

    actions["en"].trigger()  # the language in use: stored, nothing to restart for
    assert preferences.language() == "en"
    qtbot.wait(50)
    assert window.findChild(QMessageBox, "language_notice") is None


def test_the_services_refusals_are_said_in_spanish_and_french(qapp: QApplication, qm_folder: Path,
                                                             admin_api: ApiClient) -> None:
    """The service answers in English with a code; the desktop says it in the user's language and its own terms."""
    account = admin_api.create_account(AccountCreate(number="7001", name="Harbour Cafe"))
    refusals = []
    for request in (
        lambda: admin_api.post(f"/accounts/{account.id}/payments", ReceiptOut,
                               unchecked(PaymentCreate, amount=Decimal(0), kind=ManualPaymentKind.TOPUP)),
        lambda: admin_api.create_account(AccountCreate(number="7001", name="Again")),
        lambda: admin_api.get("/routing/explain", RouteExplanation,
                              {"number": "442071234567", "account_id": account.id}),
    ):
        with pytest.raises(ApiError) as refused:
            request()
        refusals.append(refused.value)
    assert refusals[0].message == "amount: Input should be greater than 0"  # the service's words stay English
    circuit = ApiError(0, "skipped: circuit breaker open; h323-return-code=9")

    assert i18n.install_translators(qapp, "es") == "es"
    assert [error_text(error) for error in (*refusals, circuit)] == [
        "Importe: debe ser mayor que 0",
        "el número 7001 ya está en uso",
        "Plan de marcación: la cuenta 7001 no tiene plan de marcación: elija un plan de marcación",
        "skipped: marcado como caído tras llamadas fallidas; rechazada por la facturación: el número está bloqueado",
    ]
    assert i18n.install_translators(qapp, "fr") == "fr"
    assert [error_text(error) for error in refusals] == [
        "Montant: doit être supérieur à 0",
        "le numéro 7001 est déjà utilisé",
        "Plan de numérotation: le compte 7001 n’a pas de plan de numérotation : choisissez un plan de numérotation",
    ]
