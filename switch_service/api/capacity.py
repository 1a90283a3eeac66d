"""How many requests the API works on at once, what each may wait for, and the 503 when the wait runs out.

Why: each request holds a pooled database connection from its first statement to its commit, across several
worker-thread hops (every sync dependency and the route run as separate thread-pool calls). With more requests
in flight than connections, requests holding a connection waited for a thread while the threads waited for a
connection: 60 concurrent reads gave 40 × 500 after SQLAlchemy's 30 s pool timeout, and payments committed after
their clients had given up.

So a request is admitted only while fewer than `api_workers` are in progress (`Admission`), and the pool has a
connection for every admitted request plus the background work (`api_engine_options`). On SQLite the default is 1:
it writes one transaction at a time, and more requests at once only held its lock longer while they took turns on
the GIL, slowing RADIUS beside them (`carrier-switch bench api`, 200 clients for 30 s: RADIUS kept 0.33 of its rate
with 8, 0.54 with 4, 0.94 with 2, and the API answered 172, 208 and 196 requests/s; 500 clients for 60 s,
2026-12-07, `--radius-requests 20000`, run in turns: 1.03 and 1.04 with 1 at 236 and 215 requests/s, 0.70 and 0.82
with 2 at 208 and 268). Long work does not hold the one turn: imports and batches are background jobs. A request
that is not admitted within `api_queue_timeout_s` is answered 503 with Retry-After before anything of it runs; a
lock or a connection that does not come within the same bound (SQLite busy timeout, PostgreSQL lock_timeout, MariaDB
innodb_lock_wait_timeout, the pool's timeout) ends the request's transaction, rolled back, with the same 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from typing import Any

from fastapi import Request, status
from fastapi.responses import JSONResponse
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from switch_service.config.settings import Settings
from switch_service.store.retries import is_busy, is_conflict

RETRY_AFTER_S = 1
BACKGROUND_CONNECTIONS = 4  # the job runner's two workers, the fee runner, one to spare


def busy_answer(detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
                        headers={"Retry-After": str(RETRY_AFTER_S)})


class Admission:
    """ASGI middleware: at most `slots` requests in progress; a request waits at most `wait_s` for its turn, else
    503. A request's turn ends when its answer starts, so a streamed body (CSV export, live events) does not keep
    it (those open short sessions of their own per batch)."""

    def __init__(self, app: ASGIApp, slots: int, wait_s: float) -> None:
        self.app = app
        self.slots = slots
        self.wait_s = wait_s
        self._free: asyncio.Semaphore | None = None  # made on the server's event loop, at the first request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._free is None:
            self._free = asyncio.Semaphore(self.slots)
        free = self._free
        try:
            await asyncio.wait_for(free.acquire(), self.wait_s)
        except TimeoutError:
            answer = busy_answer(f"the service is busy: {self.slots} requests in progress and this one waited "
                                 f"{self.wait_s:g} s; nothing was done, try again")
            await answer(scope, receive, send)
            return
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                free.release()

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                release()
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            release()


async def database_busy(_request: Request, exc: Exception) -> JSONResponse:
    """A lock or connection that did not come in time, a conflict still there after the retries, or a connection
    the database dropped: the transaction was rolled back (the request's session does that before this runs), so
    nothing was written."""
    lost = isinstance(exc, DBAPIError) and exc.connection_invalidated
    if not (is_busy(exc) or is_conflict(exc) or lost):
        raise exc
    return busy_answer("the database is busy (a lock or connection did not come in time); nothing was written, "
                       "try again")


def yield_cpu_to_calls(niceness: int) -> None:
    """Lower the CPU priority of the calling thread, the API's event loop, to `niceness` (Linux nice, which is per
    thread; the threads it starts after this, the API's worker threads, inherit it): when the machine is busy,
    RADIUS and the switch (started before, at 0) run first and API requests wait (their p99 rises), rather than
    calls. Elsewhere, or at 0, nothing changes."""
    if niceness <= 0 or not hasattr(os, "setpriority"):
        return
    with contextlib.suppress(OSError):  # a service already running nicer than that keeps its priority
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)


SQLITE_WORKERS, SERVER_WORKERS = 1, 8


def api_workers(url: URL, settings: Settings) -> int:
    """Requests worked on at once: the `api_workers` setting, or by default what suits the database."""
    configured = settings.typed.api_workers
    if configured > 0:
        return configured
    return SQLITE_WORKERS if url.get_backend_name() == "sqlite" else SERVER_WORKERS


def api_engine_options(url: URL, settings: Settings) -> dict[str, Any]:
    """`make_engine` options for the API's own engine: a connection for every admitted request and the background
    work, and lock waits bounded by `api_queue_timeout_s` on every backend."""
    workers = api_workers(url, settings)
    wait_s = settings.typed.api_queue_timeout_s
    # No ping per checkout (a round trip, and 7 % of a read's CPU): a connection the database dropped fails its
    # request with a 503 (`database_busy`), and SQLAlchemy then renews the pool's connections.
    options: dict[str, Any] = {"pool_size": workers + BACKGROUND_CONNECTIONS, "max_overflow": workers,
                               "pool_timeout": wait_s, "pool_pre_ping": False}
    backend = url.get_backend_name()
    if backend == "sqlite":
        options["connect_args"] = {"timeout": wait_s}  # the busy timeout
    elif backend == "postgresql":
        options["connect_args"] = {"options": f"-c lock_timeout={wait_s * 1000}"}
    elif backend in ("mysql", "mariadb"):
        options["connect_args"] = {"init_command": f"SET SESSION innodb_lock_wait_timeout = {wait_s}"}
    return options
