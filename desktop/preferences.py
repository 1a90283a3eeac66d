"""What the desktop remembers between runs (QSettings, INI format in the user's config folder)."""

from __future__ import annotations

from desktop.local_service import local_installation
from desktop.qt import QByteArray, QSettings
from switch_service.errors import UserError

ORGANIZATION = "Carrierdesk"
APPLICATION = "carrier-desk"
DEFAULT_API_URL = "http://127.0.0.1:8470"  # when the config file cannot be read

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
    """The service this desktop signs in to: one chosen at sign-in or in Settings, else this computer's service
    where its config file says (so `carrier-switch config set api_port N` moves the desktop along)."""
    return _text(_API_URL) or local_api_url()


def local_api_url() -> str:
    try:
        return local_installation().url
    except UserError:  # the start-up window says what is wrong with the file
        return DEFAULT_API_URL


def chosen_api_url() -> str:
    """The address chosen instead of this computer's service; "" when none is."""
    return _text(_API_URL)


def last_username() -> str:
    return _text(_USERNAME)


def remember_api_url(url: str) -> None:
    """Kept only when it is not this computer's service, whose address the config file keeps."""
    settings = store()
    try:
        local = local_installation().serves(url)
    except UserError:
        local = False
    if local:
        settings.remove(_API_URL)
    else:
        settings.setValue(_API_URL, url)


def remember_sign_in(url: str, username: str) -> None:
    remember_api_url(url)
    store().setValue(_USERNAME, username)


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
