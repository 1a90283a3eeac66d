"""What the desktop remembers between runs (QSettings, INI format in the user's config folder)."""

from __future__ import annotations

from desktop.qt import QByteArray, QSettings

ORGANIZATION = "Carrierdesk"
APPLICATION = "carrier-desk"
DEFAULT_API_URL = "http://127.0.0.1:8470"

_API_URL = "sign_in/api_url"
_USERNAME = "sign_in/username"
_GEOMETRY = "main_window/geometry"
_LANGUAGE = "ui/language"


def store() -> QSettings:
    """INI everywhere (also on Windows and macOS), so tests can redirect it with QSettings.setPath."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _text(key: str) -> str:
    value = store().value(key, "")
    return value if isinstance(value, str) else ""


def api_url() -> str:
    return _text(_API_URL) or DEFAULT_API_URL


def last_username() -> str:
    return _text(_USERNAME)


def remember_sign_in(url: str, username: str) -> None:
    settings = store()
    settings.setValue(_API_URL, url)
    settings.setValue(_USERNAME, username)


def window_geometry() -> QByteArray | None:
    value = store().value(_GEOMETRY)
    return value if isinstance(value, QByteArray) else None


def remember_window_geometry(geometry: QByteArray) -> None:
    store().setValue(_GEOMETRY, geometry)


def language() -> str:
    """The language code chosen in the Language menu ("es"); "" means the system's language."""
    return _text(_LANGUAGE)


def set_language(code: str) -> None:
    store().setValue(_LANGUAGE, code)
