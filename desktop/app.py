"""`carrier-desk`: sign in, then the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import preferences
from desktop.main_thread_gc import MainThreadGarbageCollector
from desktop.main_window import MainWindow
from desktop.qt import QApplication, QCoreApplication, QDialog, QThreadPool
from desktop.sign_in import SignInDialog

SHUTDOWN_WAIT_MS = 3000


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="carrier-desk", description="Carrierdesk desktop console")
    parser.add_argument("--api", metavar="URL",
                        help=f"address of the Carrierdesk service (default: the last one used, "
                             f"else {preferences.DEFAULT_API_URL})")
    parser.add_argument("--user", metavar="NAME", help="user name to sign in with")
    args, rest = parser.parse_known_args(list(argv))
    return args, rest  # the rest is for Qt (-style, -platform, ...)


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    QCoreApplication.setOrganizationName(preferences.ORGANIZATION)
    QCoreApplication.setApplicationName(preferences.APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["carrier-desk", *qt_args])
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Carrierdesk"))
    collector = MainThreadGarbageCollector(app)

    dialog = SignInDialog(None, args.api or preferences.api_url(), args.user or preferences.last_username())
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
        collector.stop()
        return 0
    window = MainWindow(dialog.session)
    window.show()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(SHUTDOWN_WAIT_MS)  # let the sign-out reach the service
    collector.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
