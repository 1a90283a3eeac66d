"""Engines for SQLite, PostgreSQL and MariaDB/MySQL, with errors a person can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from switch_service.config import paths
from switch_service.errors import UserError
from switch_service.store import change_signal

# Plain scheme names mean the drivers this product ships with.
_DEFAULT_DRIVERS = {
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mariadb+pymysql",
}


def normalise_url(raw: str | URL) -> URL:
    try:
        url = make_url(raw)
    except ArgumentError:
        raise UserError(f"database URL {str(raw)!r} is not a valid URL (example: sqlite:///carrierdesk.db)") from None
    driver = _DEFAULT_DRIVERS.get(url.drivername)
    return url.set(drivername=driver) if driver else url


def make_engine(raw_url: str | URL, *, check: bool = True, **kwargs: Any) -> Engine:
    """An engine for the URL (a string, or a URL object: its password is never rendered); with `check`, connect
    once so a bad URL fails here with one clear line."""
    change_signal.install()
    url = normalise_url(raw_url)
    safe = url.render_as_string(hide_password=True)
    options: dict[str, Any] = {"pool_pre_ping": True, **kwargs}
    if url.get_backend_name() == "sqlite":
        _check_sqlite_folder(url)
        options.setdefault("connect_args", {"timeout": 30})
    elif url.get_backend_name() in ("mysql", "mariadb"):
        url = url.update_query_dict({"charset": "utf8mb4"})
        options.setdefault("pool_recycle", 3600)
    try:
        engine = create_engine(url, **options)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise UserError(f"no database driver for {url.drivername!r} ({exc}); "
                        "supported: sqlite, postgresql+psycopg, mysql+pymysql") from None
    except ArgumentError as exc:
        raise UserError(f"database URL {safe} is not usable: {exc}") from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if check:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise UserError(f"cannot reach database {safe}: {reason}") from None
        except SQLAlchemyError as exc:
            engine.dispose()
            raise UserError(f"cannot use database {safe}: {exc}") from None
    return engine


def _check_sqlite_folder(url: URL) -> None:
    database = url.database
    if not database or database == ":memory:":
        return
    folder = Path(database).expanduser().resolve().parent
    if folder == paths.data_dir().expanduser().resolve():  # the embedded default: a fresh machine has no folder yet
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not folder.is_dir():
        raise UserError(f"cannot create SQLite database {database}: folder {folder} does not exist")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the API read while the switch writes; foreign keys are off by default in SQLite."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
