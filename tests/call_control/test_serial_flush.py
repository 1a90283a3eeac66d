"""SerialFlush: rows queued on the loop reach the database pool one flush at a time, a burst in one task."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from typing import Any

from switch_service.call_control.serial_flush import SerialFlush


def test_flushes_never_overlap_and_each_queued_row_is_written_once_in_order() -> None:
    pending: list[int] = []
    written: list[int] = []
    lock = threading.Lock()
    running = 0
    most_at_once = 0
    flushes = 0

    def flush() -> None:
        nonlocal running, most_at_once, flushes
        with lock:
            rows, pending[:] = list(pending), []
            running += 1
            most_at_once = max(most_at_once, running)
            flushes += 1
        time.sleep(0.01)  # a commit
        with lock:
            written.extend(rows)
            running -= 1

    async def queue_rows() -> None:
        tasks: set[asyncio.Future[Any]] = set()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            serial = SerialFlush(pool, tasks.add, flush)
            for row in range(200):
                with lock:
                    pending.append(row)
                serial.soon()
                if row % 10 == 9:
                    await asyncio.sleep(0.003)  # the loop goes on while flushes run
            while len(written) < 200:
                await asyncio.sleep(0.01)
            await asyncio.gather(*tasks)

    asyncio.run(asyncio.wait_for(queue_rows(), 30))
    assert written == list(range(200))  # each row once, in the order queued
    assert most_at_once == 1  # a pool of 4, and never two flushes at once
    assert flushes < 200  # a burst rides in one flush
