"""The service log rotates by size and count and takes the RADIUS server processes' lines; scheduled backups come
due an interval after the newest one and keep only `backup_keep`."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from switch_service import backup_folder, logs
from switch_service.aaa.processes import PolicyOptions, RadiusProcesses
from switch_service.aaa.server import NasRegistry
from switch_service.config.settings import OPTIONS, Settings
from switch_service.store.engine import make_engine
from switch_service.store.migrate import upgrade
from switch_service.store.target import DatabaseTarget


@pytest.fixture
def file_log(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    logs.start_file_log(tmp_path, max_kb=getattr(request, "param", 2), count=2, level="INFO")
    try:
        yield tmp_path / logs.FILE_NAME
    finally:
        logs.stop_file_log()
        logging.getLogger().setLevel(logging.WARNING)


def test_the_log_rotates_at_its_size_keeping_count_files(file_log: Path) -> None:
    log = logging.getLogger("carrierdesk.test")
    for number in range(200):
        log.warning("line %03d of the rotation test, long enough to fill a kilobyte soon", number)
    kept = sorted(path.name for path in file_log.parent.glob("service.log*"))
    assert kept == ["service.log", "service.log.1", "service.log.2"]
    assert all(path.stat().st_size <= 2048 for path in file_log.parent.glob("service.log*"))
    assert logs.tail(file_log, 2) == [line for line in file_log.read_text().splitlines()[-2:]]
    assert logs.tail(file_log, 1, contains="LINE 199")[0].endswith("line 199 of the rotation test, long enough "
                                                                  "to fill a kilobyte soon")
    assert logs.tail(file_log, 5, level="ERROR") == []


@pytest.mark.parametrize("file_log", [256], indirect=True)  # the migrations' lines stay in the file
def test_radius_processes_write_into_the_service_log(file_log: Path, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'radius.db'}")
    upgrade(engine)
    radius = RadiusProcesses(PolicyOptions(DatabaseTarget.of(engine)), NasRegistry(), auth_port=0,
                             acct_port=0, processes=1)
    radius.start()
    assert radius.counters()["processes"] == 1
    radius.stop()
    engine.dispose()
    time.sleep(0.5)  # the queue's listener writes what the child sent
    lines = logs.tail(file_log, 50, contains="switch_service.aaa.server")  # the child's module; the parent's is
    assert any("RADIUS server listening" in line for line in lines), lines  # aaa.processes
    assert any("RADIUS server stopped" in line for line in lines), lines


def settings_for(tmp_path: Path, **values: object) -> Settings:
    defaults = {option.name: option.default() for option in OPTIONS}
    return Settings(defaults | {"data_dir": str(tmp_path)} | values, tmp_path / "config.toml")


def test_scheduled_backup_comes_due_after_the_newest_and_keeps_backup_keep(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.db'}"
    engine = make_engine(url)
    upgrade(engine)
    settings = settings_for(tmp_path, backup_interval_h=1, backup_keep=2)
    first = backup_folder.take(engine, settings, "test")
    two_hours_ago = time.time() - 7200
    os.utime(first, (two_hours_ago, two_hours_ago))
    scheduler = backup_folder.BackupScheduler(engine, settings, "test")
    assert scheduler.due_at() == pytest.approx(two_hours_ago + 3600, abs=1)
    scheduler.start()
    try:
        deadline = time.monotonic() + 30
        while scheduler.made == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        scheduler.stop()
    assert scheduler.made == 1 and scheduler.failed == 0
    newest = backup_folder.listed(settings)
    assert len(newest) == 2 and newest[1].path == first
    assert scheduler.due_at() == pytest.approx(newest[0].created_at.timestamp() + 3600, abs=1)
    backup_folder.take(engine, settings, "test")
    assert [item.path for item in backup_folder.listed(settings)][1] == newest[0].path  # the oldest went
    assert not first.exists()
    engine.dispose()
