"""Rows the switch queues on its loop reach the database from the pool, one flush at a time (the CDR writer's attempt
rows and dialog states, the IVR sessions' live rows).

A burst of queued rows costs one pool task, and flushes never overlap, so a row's later write (a call's newer dialog
state, an IVR leg's row deleted after it was changed) never commits before its earlier one."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable
from typing import Any


class SerialFlush:
    def __init__(self, pool: concurrent.futures.Executor, spawn: Callable[[Any], Any],
                 flush: Callable[[], None]) -> None:
        """`flush` takes what is pending and writes it; `spawn` keeps the pool task (the switch's task set)."""
        self._pool = pool
        self._spawn = spawn
        self._flush = flush
        self._lock = threading.Lock()
        self._running = threading.Lock()
        self._scheduled = False

    def soon(self) -> None:
        """On the loop: a flush is queued unless one is already waiting to start (it will take these rows too)."""
        with self._lock:
            if self._scheduled:
                return
            self._scheduled = True
        self._spawn(asyncio.get_running_loop().run_in_executor(self._pool, self._run))

    def _run(self) -> None:
        with self._running:
            with self._lock:  # from here, a row queued is either taken by this flush or queues the next
                self._scheduled = False
            self._flush()
