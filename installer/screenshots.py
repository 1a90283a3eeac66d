"""`make screenshots`: every page of the desktop, as a person sees it, in docs/screenshots/<page>.png.

A throw-away service with the demo data (installer.temp_service), the desktop in a real X server (Xvfb)
signing in through its dialog, then every page the main window's navigation lists — pages added later
are photographed without touching this file — in the window's default size, then the dialogs a new owner meets:
the first-run wizard, a payment being typed, a rate import naming the layout it recognised, Help → About, and the
window refusing another installation at this computer's address. The pictures are taken from the X server, not
re-rendered.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from installer import temp_service
from switch_service.store.demo_data import DEMO_USERS

if TYPE_CHECKING:  # Qt is imported once the platform is chosen
    from desktop.main_window import MainWindow
    from desktop.qt import QWidget
    from desktop.start_up import ServiceStartDialog

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "screenshots"
SCREEN = "1280x800x24"
DECK = ROOT / "tests" / "data" / "decks" / "a2billing.csv"  # a rate deck of another billing system
WAIT_S = 20
SETTLE_S = 0.4  # after the last answer: the view lays out and paints
CHILD_TIMEOUT_S = 300


@contextmanager
def x_server(display: str | None = None) -> Iterator[str]:
    """Xvfb on a display number it chooses itself (-displayfd); yields ':N'. With `display`, that X server (already
    running) is used instead."""
    if display:
        yield display
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is needed for screenshots: apt-get install xvfb (`make screenshots` does)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                              pass_fds=(write_end,), stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Run the Qt event loop until `condition` holds."""
    from desktop.qt import QApplication

    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.01)


def settle() -> None:
    """Wait until no op is running (all run in the global thread pool), then let the views paint."""
    from desktop.qt import QApplication, QThreadPool

    wait_until(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, "the desktop's requests")
    end = time.monotonic() + SETTLE_S
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def take(window_id: int, path: Path) -> None:
    from desktop.qt import QApplication

    picture = QApplication.primaryScreen().grabWindow(window_id)
    if picture.isNull() or not picture.save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", file=sys.stderr)


def photograph(api_url: str, target: Path, language: str, settings_dir: Path) -> list[Path]:
    from desktop import i18n, preferences
    from desktop.main_thread_gc import MainThreadGarbageCollector
    from desktop.main_window import MainWindow
    from desktop.qt import QApplication, QCoreApplication, QSettings, Qt
    from desktop.sign_in import SignInDialog

    QCoreApplication.setOrganizationName(preferences.ORGANIZATION)
    QCoreApplication.setApplicationName(preferences.APPLICATION)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))  # not the user's
    app = QApplication(["carrier-desk", "-platform", "xcb"])
    i18n.install_translators(app, language)
    collector = MainThreadGarbageCollector(app)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    username, password, _role = DEMO_USERS[0]

    dialog = SignInDialog(None, api_url, username)
    dialog.show()
    dialog.password_edit.setText(password)
    settle()
    written.append(target / "sign-in.png")
    take(int(dialog.winId()), written[-1])
    dialog.sign_in_button.click()
    wait_until(lambda: dialog.session is not None, "the sign-in")
    assert dialog.session is not None
    dialog.close()

    window = MainWindow(dialog.session)  # in its default size: no column may be cut there
    window.show()
    window.raise_()
    for key in window.page_keys():
        window.show_page(key)
        settle()
        written.append(target / f"{key}.png")
        take(int(window.winId()), written[-1])
    written += photograph_dialogs(window, api_url, target)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    settle()
    collector.stop()
    return written


def photograph_dialogs(window: MainWindow, api_url: str, target: Path) -> list[Path]:
    """The dialogs as a person leaves them on screen, each closed after its picture."""
    from desktop.about import show_about
    from desktop.api_client import ApiClient
    from desktop.first_run import FirstRunWizard
    from desktop.pages.accounts import AccountsPage
    from desktop.pages.rates import RatesPage

    written = []

    def shot(name: str, widget: QWidget) -> None:
        settle()
        written.append(target / f"{name}.png")
        take(int(widget.winId()), written[-1])
        widget.close()
        settle()

    accounts = window.show_page("accounts")
    assert isinstance(accounts, AccountsPage)
    wait_until(lambda: accounts.model.rowCount() > 0 and not accounts.model.loading, "the accounts")
    page = window.open_account(accounts.model.account_id(0))
    wait_until(lambda: page.account is not None, "the account")
    payment = page.open_payment()
    assert payment is not None
    payment.amount_edit.setText("20.00")
    payment.reference_edit.setText("slip 42")
    shot("payment", payment)

    rates = window.show_page("rates")
    assert isinstance(rates, RatesPage)
    wait_until(lambda: rates.tariffs.model.rowCount() > 0 and not rates.tariffs.model.loading, "the tariffs")
    rates.tariffs.table.selectRow(0)
    settle()
    deck_import = rates.open_import()
    assert deck_import is not None
    deck_import.file_edit.setText(str(DECK))
    deck_import.detect()
    wait_until(deck_import.detected_label.isVisible, "the recognised layout")
    shot("rate-import", deck_import)

    shot("about", show_about(window, window.session))

    wizard = FirstRunWizard(None, ApiClient(api_url))  # what a new installation shows (nothing is sent here)
    wizard.show()
    shot("first-run", wizard)

    refused = foreign_service_window(api_url)
    refused.show()
    wait_until(lambda: bool(refused.message_label.text()), "the refusal")
    shot("another-installation", refused)
    return written


def foreign_service_window(api_url: str) -> ServiceStartDialog:
    """The start-up window of a computer whose config names the demo service's port while its own data folder is
    another: the demo service is then another installation, and the desktop says so instead of using it."""
    from desktop.api_client import ApiClient
    from desktop.local_service import local_installation
    from desktop.start_up import ServiceStartDialog, probe

    folder = Path(tempfile.mkdtemp(prefix="carrierdesk-other-"))
    config = folder / "config"
    config.mkdir()
    (config / "config.toml").write_text(f"api_port = {api_url.rsplit(':', 1)[1]}\n", encoding="utf-8")
    os.environ["CARRIERDESK_CONFIG_DIR"], os.environ["CARRIERDESK_DATA_DIR"] = str(config), str(folder / "data")
    client = ApiClient(api_url)
    return ServiceStartDialog(None, client, probe(client, local_installation()), [])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=TARGET, help="folder for the PNG files")
    parser.add_argument("--language", default="en", help="language code of the desktop (en, es, fr)")
    parser.add_argument("--display", help="an X server to use (e.g. :93) instead of starting Xvfb")
    parser.add_argument("--desktop-for", metavar="URL", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args(argv)
    if args.desktop_for:
        with tempfile.TemporaryDirectory(prefix="carrierdesk-qsettings-") as settings_dir:
            written = photograph(args.desktop_for, args.out, args.language, Path(settings_dir))
        print(f"{len(written)} screenshots in {args.out}", file=sys.stderr)
        return 0
    # The desktop runs in a child process: if Qt aborts (a missing platform library), this one still
    # stops the service and the X server.
    with tempfile.TemporaryDirectory(prefix="carrierdesk-screens-") as folder, x_server(args.display) as display:
        service = temp_service.create(Path(folder))
        service.command("demo-data")
        with temp_service.running(service):
            child = [sys.executable, "-m", "installer.screenshots", "--desktop-for", service.url,
                     "--out", str(args.out), "--language", args.language]
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            return subprocess.run(child, env=env, timeout=CHILD_TIMEOUT_S, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
