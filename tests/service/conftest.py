"""A real `carrier-switch serve` process on free ports, its own config folder and SQLite file, logging to a file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from cli_harness import cli_ok, wait_for_service
from worker_ports import service_ports

CLI = [sys.executable, "-m", "switch_service"]


class RunningService(NamedTuple):
    process: subprocess.Popen[str]
    ports: dict[str, int]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def write_config(ports: dict[str, int], db: Path, *extra: str) -> None:
    config_dir = Path(os.environ["CARRIERDESK_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    lines = [f'database_url = "sqlite:///{db}"', 'sip_host = "127.0.0.1"', 'radius_host = "127.0.0.1"', *extra]
    lines += [f"{name} = {port}" for name, port in ports.items()]
    (config_dir / "config.toml").write_text("\n".join(lines) + "\n")


@pytest.fixture
def running_service(tmp_path: Path) -> Iterator[RunningService]:
    """The demo business served: HTTP, SIP and RADIUS; stopped (SIGTERM) at the end if the test did not."""
    ports = service_ports()
    write_config(ports, tmp_path / "service.db")
    for command in (["db", "upgrade"], ["demo-data"]):
        cli_ok(*command)
    log = tmp_path / "service.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen([*CLI, "serve"], stdout=output, stderr=subprocess.STDOUT, text=True)
    service = RunningService(process, ports, log)
    try:
        assert wait_for_service(process), service.log_text()
        yield service
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)
