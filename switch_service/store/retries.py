"""Database errors that say "not now" rather than "wrong", and a bounded retry of the transactions they end.

Two kinds, on the three databases:

- a *conflict*: the database chose this transaction as the victim of a deadlock or a serialization failure and
  rolled it back (MariaDB 1213, PostgreSQL 40P01 / 40001). Nothing of it was written; running it again is the
  documented remedy (MariaDB and PostgreSQL manuals), so `retrying` does, a few times with a short random pause.
- *busy*: a lock or a connection did not come within the bounded wait (SQLite "database is locked" after its busy
  timeout, PostgreSQL lock_timeout 55P03 or statement_timeout 57014, MariaDB lock wait timeout 1205, SQLAlchemy's
  pool timeout). The API answers these 503 with Retry-After; the transaction was rolled back, nothing written.

Both SQLAlchemy's wrapped errors and the drivers' own (the RADIUS policy runs statements on the DBAPI cursor) are
recognised.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import exc as sa_exc

log = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 5
_FIRST_PAUSE_S = 0.005

_CONFLICT_SQLSTATES = frozenset({"40P01", "40001"})  # PostgreSQL: deadlock_detected, serialization_failure
_BUSY_SQLSTATES = frozenset({"55P03", "57014"})  # PostgreSQL: lock_not_available, query_canceled
_MYSQL_CONFLICTS = frozenset({1213})  # ER_LOCK_DEADLOCK
_MYSQL_BUSY = frozenset({1205})  # ER_LOCK_WAIT_TIMEOUT
_SQLITE_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


def _driver_error(error: BaseException) -> BaseException:
    return error.orig if isinstance(error, sa_exc.DBAPIError) and error.orig is not None else error


def _mysql_code(error: BaseException) -> int | None:
    """The MariaDB/MySQL error number of a PyMySQL (or mysqlclient) error."""
    if type(error).__module__.split(".")[0] not in ("pymysql", "MySQLdb"):
        return None
    code = error.args[0] if error.args else None
    return code if isinstance(code, int) else None


def is_conflict(error: BaseException) -> bool:
    """A deadlock or serialization failure: the database rolled the transaction back; run it again."""
    driver = _driver_error(error)
    return getattr(driver, "sqlstate", None) in _CONFLICT_SQLSTATES or _mysql_code(driver) in _MYSQL_CONFLICTS


def is_busy(error: BaseException) -> bool:
    """A lock or a pooled connection that did not come within the bounded wait."""
    if isinstance(error, sa_exc.TimeoutError):  # the pool's
        return True
    driver = _driver_error(error)
    if isinstance(driver, sqlite3.OperationalError):
        return getattr(driver, "sqlite_errorcode", None) in _SQLITE_BUSY_CODES or "locked" in str(driver)
    return getattr(driver, "sqlstate", None) in _BUSY_SQLSTATES or _mysql_code(driver) in _MYSQL_BUSY


def retrying(work: Callable[[], T], *, what: str, attempts: int = ATTEMPTS,
             before_retry: Callable[[], None] | None = None) -> T:
    """`work()`, run again (at most `attempts` times in all) while it fails with a conflict. `work` must be one
    whole transaction that the conflict rolled back; `before_retry` (a Session's rollback, say) runs before each
    new attempt. The last conflict is raised."""
    pause = _FIRST_PAUSE_S
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as error:
            if attempt == attempts or not is_conflict(error):
                raise
            log.info("%s: %s (attempt %d of %d), running it again", what, _driver_error(error), attempt, attempts)
        if before_retry is not None:
            before_retry()
        time.sleep(random.uniform(pause / 2, pause))  # jitter, so two retried transactions part
        pause *= 2
    raise AssertionError("unreachable")  # the loop returns or raises
