"""The service on this machine, started as a child process (`python -m switch_service`, the `carrier-switch`
command) with its own settings: the embedded SQLite database in the per-user data folder unless the config says
otherwise. Used by the first-run wizard and by `make run` (installer/run_local.py). No Qt here, and nothing of
`switch_service` is imported: the service is only ever a separate process.

Every call here blocks (a migration, a start-up): from the GUI, run them in an Op.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from switch_service.api.schemas import API_PREFIX

FROZEN_SERVICE = ("carrier-switch", "carrier-switch")  # the installed bundle beside ours: <lib>/carrier-switch/...


def service_command() -> tuple[str, ...]:
    """`carrier-switch`: this Python's module from a source tree, the installed bundle's program from a bundle."""
    if getattr(sys, "frozen", False):
        return (str(Path(sys.executable).resolve().parents[1].joinpath(*FROZEN_SERVICE)),)
    return (sys.executable, "-m", "switch_service")
UPGRADE_TIMEOUT_S = 300
STARTUP_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class LocalServiceError(Exception):
    """The local service could not be prepared or did not start; the message says what happened."""


def is_local(url: str) -> bool:
    """True when `url` names this machine (the only place a service can be started from here)."""
    return (urllib.parse.urlsplit(url).hostname or "") in LOCAL_HOSTS


def upgrade_database(env: Mapping[str, str] | None = None) -> None:
    """`carrier-switch db upgrade`: create or migrate the database the service will use."""
    try:
        done = subprocess.run([*service_command(), "db", "upgrade"], env=env, capture_output=True, text=True,
                              timeout=UPGRADE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise LocalServiceError(f"preparing the database took longer than {UPGRADE_TIMEOUT_S} s") from None
    if done.returncode != 0:
        raise LocalServiceError((done.stderr or done.stdout).strip() or f"db upgrade exited with {done.returncode}")


class LocalService:
    """`carrier-switch serve` as a child process; `stop` ends it (SIGTERM: the service settles and closes)."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        self.process = subprocess.Popen([*service_command(), "serve"], env=env)

    def wait_until_healthy(self, url: str, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
        """Return once GET /health at `url` answers 200; LocalServiceError if the process ends or time runs out."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LocalServiceError(f"the service stopped at start-up (exit code {self.process.returncode})")
            try:
                with urllib.request.urlopen(f"{url}{API_PREFIX}/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.2)
        raise LocalServiceError(f"the service did not answer on {url} within {timeout_s:.0f} s")

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if not self.running:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
