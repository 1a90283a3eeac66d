"""`make screenshots`: every page of the desktop, as a person sees it, in docs/screenshots/<page>.png.

A throw-away service with the demo data (installer.temp_service), the desktop in a real X server (Xvfb)
signing in through its dialog, then every page the main window's navigation lists — pages added later
are photographed without touching this file. The pictures are taken from the X server, not re-rendered.
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

from installer import temp_service
from switch_service.store.demo_data import DEMO_USERS

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "screenshots"
SCREEN = "1280x800x24"
WINDOW_SIZE = (1100, 680)
WAIT_S = 20
SETTLE_S = 0.4  # after the last answer: the view lays out and paints
CHILD_TIMEOUT_S = 300


@contextmanager
def x_server() -> Iterator[str]:
    """Xvfb on a display number it chooses itself (-displayfd); yields ':N'."""
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

    window = MainWindow(dialog.session)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.raise_()
    for key in window.page_keys():
        window.show_page(key)
        settle()
        written.append(target / f"{key}.png")
        take(int(window.winId()), written[-1])
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    settle()
    collector.stop()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=TARGET, help="folder for the PNG files")
    parser.add_argument("--language", default="en", help="language code of the desktop (en, es, fr)")
    parser.add_argument("--desktop-for", metavar="URL", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args(argv)
    if args.desktop_for:
        with tempfile.TemporaryDirectory(prefix="carrierdesk-qsettings-") as settings_dir:
            written = photograph(args.desktop_for, args.out, args.language, Path(settings_dir))
        print(f"{len(written)} screenshots in {args.out}", file=sys.stderr)
        return 0
    # The desktop runs in a child process: if Qt aborts (a missing platform library), this one still
    # stops the service and the X server.
    with tempfile.TemporaryDirectory(prefix="carrierdesk-screens-") as folder, x_server() as display:
        service = temp_service.create(Path(folder))
        service.command("demo-data")
        with temp_service.running(service):
            child = [sys.executable, "-m", "installer.screenshots", "--desktop-for", service.url,
                     "--out", str(args.out), "--language", args.language]
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            return subprocess.run(child, env=env, timeout=CHILD_TIMEOUT_S, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
