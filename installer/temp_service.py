"""A throw-away Carrierdesk service for the tools that need a real one (`make screenshots`,
`make bench-desktop`): its own config folder, SQLite database and free ports, so it never meets the
user's service or data; secrets go to a file in that folder (never the user's keyring); stopped on exit.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from switch_service.api.schemas import API_PREFIX
from switch_service.config import settings
from switch_service.local_ports import service_ports

STARTUP_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10


@dataclass(frozen=True)
class TempService:
    folder: Path
    url: str  # http://127.0.0.1:PORT
    db_url: str
    env: dict[str, str]

    def command(self, *args: str) -> None:
        """`carrier-switch ARGS` on this service's config and database."""
        subprocess.run([sys.executable, "-m", "switch_service", *args], env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def output(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`carrier-switch ARGS`, its exit code and output kept (whatever the code)."""
        return subprocess.run([sys.executable, "-m", "switch_service", *args], env=self.env, check=False,
                              capture_output=True, text=True, timeout=timeout)


def create(folder: Path, **options: Any) -> TempService:
    """Config (free ports, SQLite file in `folder`, `options` as settings over them: a caller with ports of its own
    passes them) and a migrated, empty database."""
    config_dir, data_dir = folder / "config", folder / "data"
    db_url = f"sqlite:///{data_dir / 'carrierdesk.db'}"
    chosen = {"api_host": "127.0.0.1", "sip_host": "127.0.0.1", **service_ports(), "log_level": "WARNING"} | options
    settings.save(chosen, config_dir / "config.toml")
    data_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, CARRIERDESK_CONFIG_DIR=str(config_dir), CARRIERDESK_DATA_DIR=str(data_dir),
               CARRIERDESK_DB_URL=db_url, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    service = TempService(folder, f"http://127.0.0.1:{chosen['api_port']}", db_url, env)
    service.command("db", "upgrade")
    return service


@contextlib.contextmanager
def running(service: TempService) -> Iterator[TempService]:
    """`carrier-switch serve` until the block ends."""
    process = subprocess.Popen([sys.executable, "-m", "switch_service", "serve"], env=service.env)
    try:
        wait_until_healthy(service.url, process)
        yield service
    finally:
        stop(process)


def stop(process: subprocess.Popen[Any]) -> None:
    """SIGTERM (the service settles and closes), then kill if it lingers."""
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_healthy(url: str, process: subprocess.Popen[Any]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the service stopped at start-up (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(f"{url}{API_PREFIX}/health", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the service did not answer on {url} within {STARTUP_TIMEOUT_S} s")
