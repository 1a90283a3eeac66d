"""A SIGTERM to the desktop, or to `make run`'s launcher, stops the service they started, as closing the window does:
a session's log-out or a `kill` left that service running (Python's default for SIGTERM ends the process at once)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from processes import alive
from worker_ports import service_ports

from desktop.local_service import read_health
from installer import temp_service

pytestmark = pytest.mark.peers  # a whole `carrier-switch serve`, started by the desktop or the launcher
WAIT_S = 60


def _installation(folder: Path) -> temp_service.TempService:
    """This computer's installation for the child processes: a migrated database without users, ports of this
    worker's range."""
    return temp_service.create(folder, **service_ports(), radius_processes=0)


def _wait(what: str, found: Callable[[], int | None]) -> int:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = found()
        if value is not None:
            return value
        time.sleep(0.2)
    raise AssertionError(f"no {what} within {WAIT_S} s")


def _catches_sigterm(pid: int) -> bool:
    """Whether the process has a handler of its own for SIGTERM (the desktop's, once QuitOnSignals is set)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def _desktop_child(pid: int) -> int | None:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii").split()
    for child in map(int, children):
        if "desktop.app" in Path(f"/proc/{child}/cmdline").read_text(encoding="utf-8", errors="replace"):
            return child
    return None


def _service_pid(service: temp_service.TempService) -> int | None:
    health = read_health(service.url)
    return health.pid if health is not None else None


def _start(command: list[str], service: temp_service.TempService) -> subprocess.Popen[str]:
    env = {**service.env, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CARRIERDESK_DB_URL")  # the installation's config names the database, as on the operator's computer
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)  # a group of its own, with the service and desktop it starts


def _kill_group(process: subprocess.Popen[str]) -> None:
    """Whatever is left of the process and its children, when the test failed."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _ends(process: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        output, _ = process.communicate(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        raise AssertionError(f"still running {WAIT_S} s after SIGTERM:\n{output[-3000:]}") from None
    return process.returncode, output


def test_a_sigterm_to_the_desktop_stops_the_service_it_started(tmp_path: Path) -> None:
    service = _installation(tmp_path)
    desktop = _start([sys.executable, "-m", "desktop.app", "--api", service.url], service)
    try:
        service_pid = _wait("service started by the desktop", lambda: _service_pid(service))
        _wait("SIGTERM handler in the desktop", lambda: desktop.pid if _catches_sigterm(desktop.pid) else None)
        desktop.send_signal(signal.SIGTERM)
        code, output = _ends(desktop)
        assert code == 128 + signal.SIGTERM, output[-3000:]
        _wait("end of the service", lambda: service_pid if not alive(service_pid) else None)
    finally:
        _kill_group(desktop)


def test_a_sigterm_to_make_runs_launcher_closes_the_desktop_then_stops_the_service(tmp_path: Path) -> None:
    service = _installation(tmp_path)
    launcher = _start([sys.executable, "-m", "installer.run_local"], service)
    try:
        service_pid = _wait("service started by the launcher", lambda: _service_pid(service))
        desktop_pid = _wait("desktop opened by the launcher", lambda: _desktop_child(launcher.pid))
        _wait("SIGTERM handler in the desktop", lambda: desktop_pid if _catches_sigterm(desktop_pid) else None)
        launcher.send_signal(signal.SIGTERM)
        code, output = _ends(launcher)
        assert code == 128 + signal.SIGTERM, output[-3000:]  # the desktop's own code: it quit on the signal
        assert not alive(desktop_pid)
        _wait("end of the service", lambda: service_pid if not alive(service_pid) else None)
    finally:
        _kill_group(launcher)
