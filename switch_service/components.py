"""The parts of the running service (RADIUS, SIP, the API, scheduled backups; media workers when the IVR comes),
each started, stopped and restarted on its own by one `Supervisor`, which also says what runs, on which ports,
since when, with which counters. The seed's "Application Manager".

A component restarts without touching the others: calls in progress live in the SIP switch and their money in
the database, so a RADIUS or API restart loses no call (the switch's RADIUS client retries across the gap).
Restarting SIP ends the calls it carries, as stopping the service does.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from switch_service.errors import UserError

log = logging.getLogger(__name__)


class ComponentState(enum.StrEnum):
    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"
    STOPPED = "stopped"
    FAILED = "failed"  # did not start, or stopped by itself


class Component(Protocol):
    name: str

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def alive(self) -> bool: ...

    def ports(self) -> dict[str, int]: ...

    def counters(self) -> dict[str, int]: ...


@dataclass
class _Entry:
    component: Component
    state: ComponentState = ComponentState.STOPPED
    since: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    error: str = ""
    restarts: int = 0

    def moved(self, state: ComponentState, error: str = "") -> None:
        self.state = state
        self.since = dt.datetime.now(dt.UTC)
        self.error = error


@dataclass(frozen=True)
class ComponentStatus:
    name: str
    state: ComponentState
    since: dt.datetime
    ports: dict[str, int]
    counters: dict[str, int]
    restarts: int
    error: str


@dataclass(frozen=True)
class ServiceStatus:
    version: str
    schema_revision: str | None
    pid: int
    started_at: dt.datetime
    data_dir: str
    components: list[ComponentStatus]


class UnknownComponentError(UserError):
    pass


class Supervisor:
    """Starts the components in order, stops them in reverse, restarts one at a time (a lock: two restarts
    asked at once run one after the other)."""

    def __init__(self, components: list[Component], *, version: str, schema_revision: Callable[[], str | None],
                 data_dir: str) -> None:
        self._entries = {component.name: _Entry(component) for component in components}
        self._lock = threading.RLock()
        self._version = version
        self._schema_revision = schema_revision
        self._data_dir = data_dir
        self.started_at = dt.datetime.now(dt.UTC)

    @property
    def names(self) -> list[str]:
        return list(self._entries)

    def start_all(self) -> None:
        """Every component, in order; if one fails, those started are stopped and the error goes on up."""
        with self._lock:
            started: list[_Entry] = []
            try:
                for entry in self._entries.values():
                    self._start(entry)
                    started.append(entry)
            except BaseException:
                for entry in reversed(started):
                    self._stop(entry)
                raise

    def stop_all(self) -> None:
        with self._lock:
            for entry in reversed(self._entries.values()):
                self._stop(entry)

    def stop(self, name: str) -> None:
        with self._lock:
            self._stop(self._entry(name))

    def start(self, name: str) -> ComponentStatus:
        with self._lock:
            entry = self._entry(name)
            self._start(entry)
            return self._status(entry)

    def restart(self, name: str) -> ComponentStatus:
        """Stop and start one component; a failed start leaves it FAILED with the reason (and raises)."""
        entry = self._entry(name)
        with self._lock:
            log.warning("restarting %s", name)
            self._stop(entry)
            entry.restarts += 1
            self._start(entry)
            return self._status(entry)

    def watch(self) -> bool:
        """Mark (and log) a component that stopped by itself as FAILED; True: the service goes on, and an operator
        restarts that component."""
        for entry in self._entries.values():  # no lock: a status asked during a restart answers at once
            if entry.state is ComponentState.RUNNING and not entry.component.alive():
                log.error("%s stopped by itself", entry.component.name)
                entry.moved(ComponentState.FAILED, "stopped by itself")
        return True

    def status(self) -> ServiceStatus:
        self.watch()
        try:
            revision = self._schema_revision()
        except Exception as exc:  # the database is down: say so, the rest still answers
            revision = f"unknown ({type(exc).__name__})"
        return ServiceStatus(version=self._version, schema_revision=revision, pid=os.getpid(),
                             started_at=self.started_at, data_dir=self._data_dir,
                             components=[self._status(entry) for entry in self._entries.values()])

    def _entry(self, name: str) -> _Entry:
        entry = self._entries.get(name)
        if entry is None:
            raise UnknownComponentError(f"no component {name!r} (known: {', '.join(self._entries)})")
        return entry

    def _status(self, entry: _Entry) -> ComponentStatus:
        component = entry.component
        running = entry.state is ComponentState.RUNNING
        return ComponentStatus(name=component.name, state=entry.state, since=entry.since,
                               ports=component.ports() if running else {},
                               counters=component.counters() if running else {},
                               restarts=entry.restarts, error=entry.error)

    def _start(self, entry: _Entry) -> None:
        entry.moved(ComponentState.STARTING)
        try:
            entry.component.start()
        except BaseException as exc:
            entry.moved(ComponentState.FAILED, str(exc))
            raise
        entry.moved(ComponentState.RUNNING)

    def _stop(self, entry: _Entry) -> None:
        if entry.state in (ComponentState.STOPPED,):
            return
        entry.moved(ComponentState.STOPPING)
        try:
            entry.component.stop()
        except Exception as exc:  # stopping goes on with the others
            log.exception("stopping %s failed", entry.component.name)
            entry.moved(ComponentState.FAILED, f"stop failed: {exc}")
            return
        entry.moved(ComponentState.STOPPED)
