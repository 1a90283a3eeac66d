"""`carrier-switch serve` as the operator runs it, on an empty database and free ports, driven over HTTP.

Imported by bare name (pytest puts this folder on sys.path). The service keeps its config, data and secrets in the
test's own folders (the `isolated_user_folders` fixture of tests/conftest.py sets them)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from cli_harness import cli_ok, wait_for_service
from worker_ports import service_ports

CLI = [sys.executable, "-m", "switch_service"]
HOST = "127.0.0.1"


@dataclass
class ServiceProcess:
    """The running service; `call` sends one API request and checks its status code."""

    process: subprocess.Popen[str]
    ports: dict[str, int]
    log_path: Path
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def api(self) -> str:
        return f"http://{HOST}:{self.ports['api_port']}/api/v1"

    def call(self, method: str, path: str, expect: int = 200, **kwargs: Any) -> Any:
        response = requests.request(method, f"{self.api}{path}", headers=self.headers, timeout=30, **kwargs)
        assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text}"
        return response.json() if response.content else None

    def call_text(self, method: str, path: str, expect: int = 200) -> str:
        """A request whose answer is not JSON (a CSV export)."""
        response = requests.request(method, f"{self.api}{path}", headers=self.headers, timeout=30)
        assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text}"
        return response.text

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return int(self.process.returncode)


def start_service(folder: Path, database_url: str, **settings: object) -> ServiceProcess:
    """`db upgrade` then `serve` with the SIP, RADIUS and API ports free; `settings` go to the config file."""
    ports = service_ports()
    config_dir = Path(os.environ["CARRIERDESK_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    values: dict[str, object] = {"database_url": database_url, "sip_host": HOST, "radius_host": HOST, **ports,
                                 **settings}
    lines = [f"{name} = {value!r}" if isinstance(value, str) else f"{name} = {value}"
             for name, value in values.items()]
    (config_dir / "config.toml").write_text("\n".join(lines).replace("'", '"') + "\n")
    cli_ok("db", "upgrade")
    log_path = folder / "service.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([*CLI, "serve"], stdout=log, stderr=subprocess.STDOUT, text=True)
    service = ServiceProcess(process, ports, log_path)
    if wait_for_service(process):
        return service
    service.stop()
    raise AssertionError(f"the service did not start:\n{service.log()}")
