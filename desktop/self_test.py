"""`carrier-desk --self-test`: can this installation show the desktop? Offscreen (no screen needed): Qt's platform
plugin, the catalogues of every language (ours and Qt's own), the first-run wizard and the sign-in dialog built and
painted, a graph drawn, and the service program the wizard starts found beside it. One line per check; exit 0
when all pass, 1 naming what failed."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable

from desktop import i18n
from desktop.local_service import service_command

PROBE_TEXT = "Set up Carrierdesk"  # the first-run wizard's title, which every catalogue translates


def _platform() -> str:
    from desktop.qt import QApplication, QLibraryInfo

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return f"Qt {QLibraryInfo.version().toString()}, platform {app.platformName()}"


def _catalogues() -> str:
    from desktop.qt import QApplication, QCoreApplication, QLibraryInfo, QTranslator

    app = QApplication.instance()
    assert app is not None
    found = []
    for code in i18n.LANGUAGES:
        if code == i18n.FALLBACK:
            continue
        for folder, name in ((i18n.translations_dir(), f"{i18n.CATALOGUE}_{code}"),
                             (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{code}")):
            translator = QTranslator()
            if not translator.load(name, str(folder)) or translator.isEmpty():
                raise FileNotFoundError(f"{name}.qm not in {folder}")
            found.append(name)
        i18n.install_translators(app, code)
        if QCoreApplication.translate("FirstRunWizard", "Set up Carrierdesk") == PROBE_TEXT:
            raise LookupError(f"the {code} catalogue does not translate {PROBE_TEXT!r}")
    i18n.install_translators(app, i18n.FALLBACK)
    return ", ".join(found)


def _windows() -> str:
    from desktop.api_client import ApiClient
    from desktop.first_run import FirstRunWizard
    from desktop.sign_in import SignInDialog

    painted = []
    for widget in (FirstRunWizard(None, ApiClient("http://127.0.0.1:9")),
                   SignInDialog(None, "http://127.0.0.1:9", "admin")):
        image = widget.grab()
        if image.isNull() or image.width() < 100:
            raise RuntimeError(f"{type(widget).__name__} did not paint")
        painted.append(f"{type(widget).__name__} {image.width()}x{image.height()}")
        widget.deleteLater()
    return ", ".join(painted)


def _graphs() -> str:
    from desktop.graphs import TimeSeries

    series = TimeSeries("self-test", "calls")
    series.add(1.0)
    series.add(2.0)
    if series.widget.grab().isNull():
        raise RuntimeError("the graph did not paint")
    return "pyqtgraph draws"


def _service_program() -> str:
    command = service_command()
    done = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} --help exited {done.returncode}: {done.stderr.strip()[-200:]}")
    return " ".join(command)


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("Qt", _platform), ("translations", _catalogues), ("windows", _windows), ("graphs", _graphs),
    ("service program", _service_program))


def run(out: Callable[[str], None] = print) -> int:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.qt import QApplication

    app = QApplication.instance() or QApplication(["carrier-desk"])
    failed = []
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:
            failed.append(name)
            out(f"FAILED {name}: {type(exc).__name__}: {exc}")
        else:
            out(f"ok     {name}: {detail}")
    app.processEvents()
    if failed:
        out(f"self-test FAILED ({', '.join(failed)})")
        return 1
    out("self-test passed")
    return 0
