"""RADIUS on every core: N server processes, each a `RadiusServer` + `BillingPolicy` with its own database engine,
reading from the same two bound sockets.

Why processes: one Python process decides with one GIL, so however many threads it has, the policy uses one core.
Why shared sockets rather than SO_REUSEPORT: the parent binds the ports once without it, so a stale server on a
port still makes `start()` fail loudly (SO_REUSEPORT would let it silently take a share of the traffic), and each
datagram goes to whichever process is free to read it, where SO_REUSEPORT hashes the source address (a gateway
with one source port would be served by one process). A retransmission may reach another process than the
original, which then runs the policy again: its requests are idempotent per call (a retried Access-Request is
answered from the reservation already held, a repeated Stop bills nothing), and the database's atomic `hold`
keeps money exact across processes.

Each child stops when the parent says so or when the parent is gone (its end of the pipe closes), so no child
outlives the service holding the ports.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import logging
import multiprocessing
import os
import socket
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from sqlalchemy import Engine

from switch_service import logs
from switch_service.aaa.pin_lockout import LockoutRule
from switch_service.aaa.server import NAS_RELOAD_S, NasRegistry, RadiusServer, bind_sockets
from switch_service.errors import UserError
from switch_service.store.target import DatabaseTarget

log = logging.getLogger(__name__)
_STARTUP_TIMEOUT_S = 60.0
_COUNTERS_TIMEOUT_S = 1.0
DEFAULT_THREADS = 8  # policy threads per process: enough to overlap database round trips


class RadiusService(Protocol):
    """What the daemon holds of its RADIUS server, whether it runs in-process or as server processes."""

    @property
    def auth_address(self) -> tuple[str, int]: ...

    @property
    def acct_address(self) -> tuple[str, int]: ...

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...

    def alive(self) -> bool: ...

    def counters(self) -> dict[str, int]: ...


@dataclasses.dataclass(frozen=True, slots=True)
class PolicyOptions:
    """What a server process needs to build its policy and server (picklable: it crosses to the child)."""

    database: DatabaseTarget
    pin_key: str | None = None
    default_region: str = "US"
    max_call_seconds: int = 14400
    credit_slice_s: int = 300
    threads: int = DEFAULT_THREADS
    max_pending: int = 4096
    nas_reload_s: float = 0.0  # > 0 (and a pin_key): reload the stored NAS clients this often
    lockout: LockoutRule = dataclasses.field(default_factory=LockoutRule.none)  # the IVR's PIN lockout
    node: str | None = None  # the switch node whose calls this server holds money for


def _serve(options: PolicyOptions, registry: NasRegistry, sockets: tuple[socket.socket, socket.socket],
           control: Connection, logging_to: tuple[int, Any]) -> None:
    """A server process: serve until told to stop or until the parent is gone; its log goes to the service's."""
    from switch_service.aaa.billing_policy import BillingPolicy
    from switch_service.aaa.nas_clients import stored_nas_loader
    from switch_service.security.pins import PinCipher

    logs.configure_child(*logging_to)  # (level, the service's log queue or None)
    engine = None
    server = None
    try:
        # Its own pool, a connection per policy thread, and no ping per checkout (a round trip per request): a
        # connection the database dropped is invalidated by the request that finds out, which the NAS sends again.
        # On MariaDB, READ COMMITTED as on PostgreSQL: the policy's writes then share the read's transaction.
        mariadb = options.database.url.get_backend_name() in ("mysql", "mariadb")
        read_committed: dict[str, Any] = {"isolation_level": "READ COMMITTED"} if mariadb else {}
        engine = options.database.engine(pool_pre_ping=False, pool_size=options.threads, max_overflow=0,
                                         **read_committed)
        cipher = PinCipher(options.pin_key) if options.pin_key else None
        policy = BillingPolicy(engine, pin_cipher=cipher, default_region=options.default_region,
                               max_call_seconds=options.max_call_seconds, credit_slice_s=options.credit_slice_s,
                               lockout=options.lockout, node=options.node)
        loader = stored_nas_loader(engine, cipher) if cipher is not None and options.nas_reload_s > 0 else None
        server = RadiusServer(policy, registry, workers=options.threads, max_pending=options.max_pending,
                              sockets=sockets, nas_loader=loader, nas_reload_s=options.nas_reload_s)
        server.start()
        control.send("ready")
        try:
            while control.recv() == "counters":  # else "stop", or EOFError: the parent is gone
                control.send(server.counters())
        except EOFError:
            log.warning("RADIUS process %d: the service is gone, stopping", os.getpid())
    except Exception as exc:
        log.exception("RADIUS process %d failed", os.getpid())
        control.send(f"failed: {exc}")
    finally:
        if server is not None:
            server.stop()
        if engine is not None:
            engine.dispose()


class RadiusProcesses:
    """`processes` server processes on one pair of ports (see the module docstring); start() returns once every
    one serves, stop() ends them all."""

    def __init__(self, options: PolicyOptions, registry: NasRegistry, *, host: str = "127.0.0.1",
                 auth_port: int = 1812, acct_port: int = 1813, processes: int = 2) -> None:
        if processes < 1:
            raise ValueError(f"RADIUS needs at least one process, not {processes}")
        self.options = options
        self.registry = registry
        self.host = host
        self._ports = (auth_port, acct_port)
        self.count = processes
        self._sockets: dict[str, socket.socket] = {}
        self._children: list[tuple[BaseProcess, Connection]] = []
        self._control_lock = threading.Lock()  # one question at a time on the control pipes

    @classmethod
    def from_settings(cls, settings: Any, options: PolicyOptions, registry: NasRegistry) -> RadiusProcesses:
        return cls(options, registry, host=settings["radius_host"], auth_port=settings["radius_auth_port"],
                   acct_port=settings["radius_acct_port"], processes=settings["radius_processes"])

    @property
    def auth_address(self) -> tuple[str, int]:
        return self._bound("auth")

    @property
    def acct_address(self) -> tuple[str, int]:
        return self._bound("acct")

    @property
    def processes(self) -> list[BaseProcess]:
        """The server processes running now."""
        return [process for process, _control in self._children]

    def _bound(self, kind: str) -> tuple[str, int]:
        name = self._sockets[kind].getsockname()
        return str(name[0]), int(name[1])

    def start(self) -> None:
        if self._children:
            raise RuntimeError("RADIUS processes already started")
        self._sockets = bind_sockets(self.host, *self._ports)
        context = multiprocessing.get_context("spawn")  # nothing of the parent's threads or connections inherited
        try:
            for number in range(self.count):
                ours, theirs = context.Pipe()
                child = context.Process(
                    target=_serve, name=f"carrierdesk-radius-{number}", daemon=True,
                    args=(self.options, self.registry, (self._sockets["auth"], self._sockets["acct"]), theirs,
                          (logging.getLogger().getEffectiveLevel(), logs.child_queue())))
                child.start()
                theirs.close()
                self._children.append((child, ours))
            for process, control in self._children:
                if not control.poll(_STARTUP_TIMEOUT_S):
                    raise UserError(f"{process.name} did not start within {_STARTUP_TIMEOUT_S:.0f} s")
                answer = control.recv()
                if answer != "ready":
                    raise UserError(f"{process.name} {answer}")
        except BaseException:
            self.stop()
            raise
        log.info("RADIUS server listening on %s:%d (auth) and %s:%d (acct) in %d processes, %d NAS clients",
                 *self.auth_address, *self.acct_address, self.count, len(self.registry))

    def alive(self) -> bool:
        """Every server process is running."""
        return bool(self._children) and all(process.is_alive() for process, _control in self._children)

    def counters(self) -> dict[str, int]:
        """The server processes' counters, summed (a process that does not answer within a second is left out)."""
        total: collections.Counter[str] = collections.Counter({"processes": 0})
        with self._control_lock:
            for process, control in self._children:
                with contextlib.suppress(OSError, EOFError):
                    control.send("counters")
                    if control.poll(_COUNTERS_TIMEOUT_S):
                        total.update(control.recv())
                        total["processes"] += 1
                    else:
                        log.warning("%s did not answer for its counters", process.name)
        return dict(total)

    def stop(self, timeout: float = 5.0) -> None:
        """Ask every process to stop (each lets its running requests finish), wait, and end any that hang."""
        with self._control_lock:
            children, self._children = self._children, []
        for _process, control in children:
            with contextlib.suppress(OSError):  # that child is gone already
                control.send("stop")
        for process, control in children:
            process.join(timeout)
            if process.is_alive():
                log.warning("%s did not stop within %.0f s, terminating it", process.name, timeout)
                process.terminate()
                process.join(timeout)
            control.close()
        for sock in self._sockets.values():
            sock.close()
        self._sockets = {}


def start_radius(engine: Engine, settings: Any, registry: NasRegistry, *, pin_key: str) -> RadiusService:
    """The daemon's RADIUS server, started: `radius_processes` server processes, or (0, or a database only this
    process can open: in-memory SQLite) a `RadiusServer` in this process. Either reloads the stored NAS clients
    every `NAS_RELOAD_S` seconds."""
    from switch_service.aaa.billing_policy import BillingPolicy
    from switch_service.aaa.nas_clients import stored_nas_loader
    from switch_service.security.pins import PinCipher

    processes = int(settings["radius_processes"])
    database = engine.url.database or ""
    radius: RadiusService
    if processes > 0 and not (engine.url.get_backend_name() == "sqlite" and database in ("", ":memory:")):
        options = PolicyOptions(DatabaseTarget.of(engine), pin_key,
                                str(settings["default_region"]), nas_reload_s=NAS_RELOAD_S,
                                credit_slice_s=int(settings["credit_slice_s"]), lockout=lockout_rule(settings),
                                node=settings.get("node_name"))
        radius = RadiusProcesses.from_settings(settings, options, registry)
    else:
        cipher = PinCipher(pin_key)
        policy = BillingPolicy(engine, pin_cipher=cipher, default_region=str(settings["default_region"]),
                               credit_slice_s=int(settings["credit_slice_s"]), lockout=lockout_rule(settings),
                               node=settings.get("node_name"))
        radius = RadiusServer.from_settings(settings, policy, registry, nas_loader=stored_nas_loader(engine, cipher))
    radius.start()
    return radius


def lockout_rule(settings: Any) -> LockoutRule:
    """The IVR's PIN lockout as the settings say (ivr_lockout_*)."""
    return LockoutRule(int(settings["ivr_lockout_failures"]), int(settings["ivr_lockout_did_failures"]),
                       int(settings["ivr_lockout_window_s"]))
