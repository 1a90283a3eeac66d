"""The installed Carrierdesk's version, as the health answer, `status`, backups and the daemon's log report it
(standard library only: the command line reads it without loading FastAPI)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def service_version() -> str:
    try:
        return version("carrierdesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
