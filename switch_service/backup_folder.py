"""The service's backup folder: backups named by their time, taken on a schedule (`backup_interval_h`), the
oldest removed beyond `backup_keep`; and restoring one into the running service's own database.

The scheduler is a supervisor component ("backups"), so `carrier-switch status` and the Service page show when it
last ran and how many backups it made.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from switch_service.config.settings import Settings
from switch_service.store import backup

log = logging.getLogger(__name__)

PREFIX = "carrierdesk-"
CHECK_EVERY_S = 30.0


@dataclass(frozen=True)
class BackupFile:
    path: Path
    size: int
    created_at: dt.datetime


def folder(settings: Settings) -> Path:
    configured = settings.typed.backup_dir.strip()
    return Path(configured).expanduser() if configured else Path(settings.typed.data_dir) / "backups"


def data_folder(settings: Settings) -> Path:
    """The data folder whose issued documents a backup carries and a restore puts back."""
    return Path(settings.typed.data_dir)


def prompts_folder(settings: Settings) -> Path:
    """The operator's prompt folder, whose recordings (replaced prompts, access numbers' welcomes) a backup carries
    and a restore puts back."""
    from switch_service.media.prompt_sets import operator_folder

    return operator_folder(settings.typed.ivr_prompts_dir, settings.typed.data_dir)


def listed(settings: Settings) -> list[BackupFile]:
    """The backups of the folder, newest first."""
    where = folder(settings)
    if not where.is_dir():
        return []
    found = []
    for path in where.glob(f"{PREFIX}*{backup.SUFFIX}"):
        stat = path.stat()
        found.append(BackupFile(path, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC)))
    return sorted(found, key=lambda item: (item.created_at, item.path.name), reverse=True)


def new_path(settings: Settings, label: str = "") -> Path:
    """carrierdesk-<UTC time>[-label].cdbackup; a second backup within the same second gets -2, -3..."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    name = f"{PREFIX}{stamp}{f'-{label}' if label else ''}"
    path = folder(settings) / f"{name}{backup.SUFFIX}"
    number = 1
    while path.exists():
        number += 1
        path = folder(settings) / f"{name}-{number}{backup.SUFFIX}"
    return path


def prune(settings: Settings) -> list[Path]:
    """Remove the oldest backups beyond `backup_keep`; the removed paths."""
    keep = max(1, settings.typed.backup_keep)
    removed = [item.path for item in listed(settings)[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
        log.info("removed old backup %s (backup_keep = %d)", path.name, keep)
    return removed


def take(engine: Engine, settings: Settings, version: str, progress: backup.Progress | None = None,
         label: str = "") -> Path:
    """One backup into the folder (the issued documents' files and the operator's recordings with it), then the
    retention rule."""
    path = new_path(settings, label)
    backup.backup(engine, path, version, progress or (lambda _d, _t, _m: None), data_dir=data_folder(settings),
                  prompts_dir=prompts_folder(settings))
    log.info("backup written to %s", path)
    prune(settings)
    return path


class BackupScheduler:
    """A backup every `backup_interval_h` hours: the first an interval after the newest backup in the folder (or
    after the service started, when there is none); in a cluster only on the node that holds the duties
    (`may_run`, cluster/duties.py)."""

    name = "backups"

    def __init__(self, engine: Engine, settings: Settings, version: str,
                 may_run: Callable[[], bool] = lambda: True) -> None:
        self.engine = engine
        self.may_run = may_run
        self.settings = settings
        self.version = version
        self.made = 0
        self.failed = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._started_at = time.time()

    @property
    def interval_s(self) -> float:
        return self.settings.typed.backup_interval_h * 3600.0

    def start(self) -> None:
        self._stop.clear()
        self._started_at = time.time()
        self._thread = threading.Thread(target=self._run, name="backups", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(60)  # a backup under way finishes first
            self._thread = None

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def ports(self) -> dict[str, int]:
        return {}

    def counters(self) -> dict[str, int]:
        return {"made": self.made, "failed": self.failed, "kept": len(listed(self.settings))}

    def due_at(self) -> float | None:
        if self.interval_s <= 0:
            return None
        newest = listed(self.settings)
        last = newest[0].created_at.timestamp() if newest else self._started_at
        return last + self.interval_s

    def _run(self) -> None:
        while not self._stop.wait(0 if self._due_here() else CHECK_EVERY_S):
            if not self._due_here():
                continue
            try:
                take(self.engine, self.settings, self.version)
                self.made += 1
            except Exception:
                self.failed += 1
                log.exception("scheduled backup failed")
                self._stop.wait(CHECK_EVERY_S)  # not again at once

    def _due_here(self) -> bool:
        due = self.due_at()
        return due is not None and time.time() >= due and self.may_run()
