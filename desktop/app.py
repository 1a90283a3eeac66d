"""`carrier-desk`: sign in, then the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import i18n, preferences
from desktop.main_thread_gc import MainThreadGarbageCollector
from desktop.main_window import MainWindow
from desktop.qt import QApplication, QCoreApplication, QDialog, QThreadPool
from desktop.quit_signals import QuitOnSignals
from desktop.sign_in import SignInDialog
from desktop.start_up import start_up

SHUTDOWN_WAIT_MS = 3000


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="carrier-desk", description="Carrierdesk desktop console")
    parser.add_argument("--api", metavar="URL",
                        help="address of the Carrierdesk service (default: the one chosen in Settings, else this "
                             "computer's service at the api_host and api_port of its config file)")
    parser.add_argument("--user", metavar="NAME", help="user name to sign in with")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (Qt, translations, windows, graphs, the service "
                             "program) and exit: 0 when everything works")
    args, rest = parser.parse_known_args(list(argv))
    return args, rest  # the rest is for Qt (-style, -platform, ...)


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from desktop import self_test

        return self_test.run()
    QCoreApplication.setOrganizationName(preferences.ORGANIZATION)
    QCoreApplication.setApplicationName(preferences.APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["carrier-desk", *qt_args])
    i18n.install_translators(app)  # before any text is translated: the language chosen in preferences
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Carrierdesk"))
    collector = MainThreadGarbageCollector(app)
    quit_signals = QuitOnSignals(app)  # a SIGTERM ends the event loops, so the `finally` below still runs

    api_url = args.api or preferences.api_url()
    start = start_up(api_url)  # this computer's service started if needed; the first-run wizard on a new one
    try:
        session = start.session
        if start.go_on and session is None and quit_signals.signal_number is None:
            dialog = SignInDialog(None, api_url, args.user or preferences.last_username())
            if dialog.exec() == QDialog.DialogCode.Accepted:
                session = dialog.session
        if quit_signals.signal_number is not None:
            return 128 + quit_signals.signal_number
        if session is None:
            return 0
        window = MainWindow(session)
        quit_signals.received.connect(window.close)  # which signs out
        window.show()
        code = app.exec()
        QThreadPool.globalInstance().waitForDone(SHUTDOWN_WAIT_MS)  # let the sign-out reach the service
        return code
    finally:
        start.stop()  # the service started here, if any
        quit_signals.close()
        collector.stop()


if __name__ == "__main__":
    sys.exit(main())
