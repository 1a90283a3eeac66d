"""The service's log: stderr (the journal, under systemd) and `service.log` in the data folder, rotated by size.

Only the service process writes the file. The RADIUS server processes send their records to it through a queue
(`child_queue`, the logging cookbook's pattern for several processes): two processes rotating one file would
each rename it under the other. `tail` reads the end of the file for the API (the desktop's log view).
"""

from __future__ import annotations

import logging
import logging.handlers
import multiprocessing
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FILE_NAME = "service.log"
TAIL_BLOCK = 64 * 1024
TAIL_MAX_BYTES = 16 * 1024 * 1024  # a filter that matches nothing reads at most this much of the file
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_LEVEL_IN_LINE = re.compile(r"^\S+ \S+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")


@dataclass
class ServiceLog:
    """The file handler and the queue the child processes log into, while the service runs."""

    path: Path
    handler: logging.handlers.RotatingFileHandler
    queue: Any  # multiprocessing.Queue[logging.LogRecord]
    listener: logging.handlers.QueueListener

    def close(self) -> None:
        self.listener.stop()
        logging.getLogger().removeHandler(self.handler)
        self.handler.close()


_current: list[ServiceLog] = []  # the one this process writes, while it does


def log_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / FILE_NAME


def start_file_log(data_dir: str | Path, max_kb: int, count: int, level: str) -> ServiceLog:
    """Add the rotating file to the root logger (besides stderr) and start the queue the children log into."""
    path = log_path(data_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max(max_kb, 1) * 1024,
                                                   backupCount=max(count, 0), encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.setLevel(level.upper())
    root.addHandler(handler)
    records = multiprocessing.get_context("spawn").Queue()
    # the children's records go where this process's own go: the file and stderr (the journal, under systemd)
    listener = logging.handlers.QueueListener(records, *root.handlers, respect_handler_level=True)
    listener.start()
    service_log = ServiceLog(path, handler, records, listener)
    _current.append(service_log)
    return service_log


def stop_file_log() -> None:
    while _current:
        _current.pop().close()


def child_queue() -> Any:
    """The queue a child process should log into (None when this process writes no log file)."""
    return _current[-1].queue if _current else None


def configure_child(level: int, records: Any) -> None:
    """In a child process: its records go to the parent's log file through `records`, or to stderr."""
    if records is None:
        logging.basicConfig(level=level, format=LOG_FORMAT)
        return
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(logging.handlers.QueueHandler(records))


def tail(path: Path, lines: int, contains: str = "", level: str = "") -> list[str]:
    """The last `lines` lines of the log (the rotated files are not read) holding `contains` (any case) at `level`
    or above; read backwards in blocks, at most TAIL_MAX_BYTES, so a huge file costs little."""
    wanted = LEVELS.index(level.upper()) if level else 0
    needle = contains.casefold()
    found: list[str] = []
    for line in _lines_backwards(path):
        if needle and needle not in line.casefold():
            continue
        if wanted:
            match = _LEVEL_IN_LINE.match(line)
            if match is None or LEVELS.index(match.group(1)) < wanted:
                continue
        found.append(line)
        if len(found) >= lines:
            break
    found.reverse()
    return found


def _lines_backwards(path: Path) -> Iterator[str]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return
    with handle:
        position = handle.seek(0, os.SEEK_END)
        floor = max(0, position - TAIL_MAX_BYTES)
        rest = b""
        while position > floor:
            step = min(TAIL_BLOCK, position - floor)
            position -= step
            handle.seek(position)
            block = handle.read(step) + rest
            parts = block.split(b"\n")
            rest = parts[0]
            for part in reversed(parts[1:]):
                if part:
                    yield part.decode("utf-8", "replace")
        if rest and floor == 0:
            yield rest.decode("utf-8", "replace")

