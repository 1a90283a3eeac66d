"""Which language the desktop speaks: Qt Linguist catalogues (i18n/carrierdesk_<code>.qm) and Qt's own
(qtbase_<code>.qm, for the standard buttons), installed before the first widget is made.

Widgets take their texts when they are built, so a language chosen in the Language menu applies from the
next start. The .qm files are build output (`make translations`, see i18n/README.md); without them the
desktop speaks English.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from desktop import preferences
from desktop.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOGUE = "carrierdesk"
FALLBACK = "en"
# Codes with a catalogue in i18n/, each named in its own language (shown so, whatever the current one).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}

_ENV_OVERRIDE = "CARRIERDESK_TRANSLATIONS_DIR"
_installed: list[QTranslator] = []
_active = FALLBACK


def translations_dir() -> Path:
    """Folder of the compiled catalogues: i18n/ of a source checkout, or of a frozen build's data."""
    override = os.environ.get(_ENV_OVERRIDE)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[1]
    return root / "i18n"


def system_language() -> str:
    """The system locale's language if there is a catalogue for it, else English."""
    for name in (QLocale.system().name(), *QLocale.system().uiLanguages()):
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def resolve_language(chosen: str) -> str:
    """A preference ("" = the system's language, or a code) -> a code with a catalogue."""
    return chosen if chosen in LANGUAGES else system_language()


def active_language() -> str:
    """The language installed by the last `install_translators`."""
    return _active


def install_translators(app: QCoreApplication, language: str | None = None, folder: Path | None = None) -> str:
    """Install the catalogues of `language` (default: the preference) and return the code in use.

    A missing catalogue is logged and its texts stay English; calling again replaces the earlier ones.
    """
    global _active  # noqa: PLW0603 - one set of translators per process, like the QApplication
    remove_translators(app)
    code = resolve_language(preferences.language() if language is None else language)
    folder = folder or translations_dir()
    catalogues = [(folder, f"{CATALOGUE}_{code}"),
                  (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{code}")]
    for where, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(where)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no %s.qm in %s: those texts stay in English (run `make translations`)", name, where)
            translator.deleteLater()
    _active = code
    return code


def remove_translators(app: QCoreApplication) -> None:
    global _active  # noqa: PLW0603
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    _active = FALLBACK
