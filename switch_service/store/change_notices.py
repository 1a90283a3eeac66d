"""PostgreSQL's LISTEN/NOTIFY for the change signal (change_signal.py): a write that raises a version also sends a
notice, delivered at its commit, and the switch's and RADIUS's watchers wake on it instead of at their next
once-a-second check. So a change made through any node of a cluster reaches every node's snapshots within the
time a reload takes. Elsewhere (MariaDB, SQLite), and while the listening connection is down, a watcher waits out
its interval as before: the version poll stays the rule, a notice only makes it come sooner.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

CHANNEL = "carrierdesk_changes"
MIN_GAP_S = 0.2  # a burst of commits (an import) wakes a watcher at most five times a second
SLICE_S = 0.2  # a wait listens in slices this long, so `close` ends it within one


def notify(conn: Connection) -> None:
    """Tell the listeners, when `conn`'s transaction commits, that the change signal moved (PostgreSQL only)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


class ChangeWaiter:
    """A watcher's pause between two checks: up to `timeout` seconds, shorter when PostgreSQL announces a change.
    Holds one connection of its own (outside the pool) while it listens; one waiter per watcher thread."""

    def __init__(self, engine: Engine) -> None:
        self._url = engine.url.set(drivername="postgresql") if engine.dialect.name == "postgresql" else None
        self._listener: psycopg.Connection[Any] | None = None
        self._last = 0.0
        self._closed = False
        self._waiting = False

    @property
    def listens(self) -> bool:
        """Whether a notice can end a pause early (PostgreSQL); elsewhere a pause is the whole interval."""
        return self._url is not None

    def wait(self, timeout: float) -> bool:
        """Pause up to `timeout` s; True when a notice ended it early."""
        gap = MIN_GAP_S - (time.monotonic() - self._last)
        if gap > 0:
            time.sleep(gap)
            timeout = max(0.0, timeout - gap)
        if self._url is None:
            time.sleep(timeout)
            notified = False
        else:
            notified = self._listen(timeout)
        self._last = time.monotonic()
        return notified

    def _listen(self, timeout: float) -> bool:
        import psycopg

        deadline = time.monotonic() + timeout
        self._waiting = True
        try:
            if self._listener is None and not self._closed:
                assert self._url is not None
                connection = psycopg.connect(self._url.render_as_string(hide_password=False), autocommit=True,
                                             connect_timeout=5)
                connection.execute(f"LISTEN {CHANNEL}")
                self._listener = connection
            while self._listener is not None and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                if list(self._listener.notifies(timeout=min(left, SLICE_S), stop_after=1)):
                    list(self._listener.notifies(timeout=0))  # the others already queued: one check covers them
                    return True
            return False
        except psycopg.Error as exc:
            if not self._closed:
                log.warning("not listening for database changes (%s): checking every interval instead", exc)
                self._drop_listener()
                time.sleep(max(0.0, deadline - time.monotonic()))
            return False
        finally:
            self._waiting = False
            if self._closed:
                self._drop_listener()

    def close(self) -> None:
        """Stop listening: now, or within one slice when a wait holds the connection (that wait closes it)."""
        self._closed = True
        if not self._waiting:
            self._drop_listener()

    def _drop_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                listener.close()
            except Exception:  # already broken: nothing to close
                log.debug("closing the change listener", exc_info=True)
