"""`carrier-desk` end to end: main() shows the sign-in, then the main window, and returns on close."""

from __future__ import annotations

from desk_harness import PASSWORD, LiveService
from pytestqt.qtbot import QtBot

from desktop import preferences
from desktop.app import main, parse_args
from desktop.main_window import MainWindow
from desktop.qt import QApplication, Qt, QTimer
from desktop.sign_in import SignInDialog


def test_options_and_qt_arguments_are_told_apart() -> None:
    args, rest = parse_args(["--api", "http://h:1", "--user", "ops", "-style", "fusion"])
    assert (args.api, args.user, rest) == ("http://h:1", "ops", ["-style", "fusion"])
    args, rest = parse_args([])
    assert (args.api, args.user, rest) == (None, None, [])


def test_main_signs_in_shows_the_window_and_returns(qtbot: QtBot, live_service: LiveService) -> None:
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(20, drive)
            return
        seen["url"] = dialog.url_edit.text()
        seen["user"] = dialog.username_edit.text()
        dialog.password_edit.setText(PASSWORD)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(20, close_window)

    def close_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, close_window)
            return
        seen["title"] = windows[0].windowTitle()
        seen["status"] = windows[0].user_label.text()
        windows[0].close()

    QTimer.singleShot(0, drive)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(QApplication.quit)
    safety.start(15000)
    code = main(["--api", live_service.url, "--user", "admin"])
    assert safety.isActive(), "main() was stopped by the safety timer"
    safety.stop()
    assert code == 0
    assert seen == {"url": live_service.url, "user": "admin", "title": "Carrierdesk",
                    "status": "Signed in as admin (Administrator)"}
    assert preferences.api_url() == live_service.url
