"""`carrier-switch serve` on a test database, as the operator runs it: config file with free ports, `db upgrade`,
`demo-data`, then the service; its API signed in as the demo admin."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from cli_harness import run_cli
from worker_ports import service_ports

from switch_service.config.secrets import FALLBACK_FILE_NAME, SecretStore

CLI = [sys.executable, "-m", "switch_service"]
DEMO_ANI = "13055550101"  # Maria Gonzalez in the demo data: 25.00 prepaid
DEMO_ACCOUNT_NUMBER = "100001"  # Maria's account


@dataclass(frozen=True)
class Service:
    api: str  # http://127.0.0.1:PORT/api/v1
    ports: dict[str, int]
    headers: dict[str, str]  # the demo admin's token
    config_dir: Path  # the service's, which outlives the test that started it when a module shares it

    @property
    def radius_secret(self) -> str:
        """The switch's own NAS secret (127.0.0.1), created at start-up."""
        secret = SecretStore(fallback=self.config_dir / FALLBACK_FILE_NAME).get("radius_secret")
        assert secret
        return secret

    def get(self, path: str, **options: Any) -> requests.Response:
        return requests.get(f"{self.api}{path}", headers=self.headers, timeout=options.pop("timeout", 60), **options)

    def post(self, path: str, body: Any, headers: dict[str, str] | None = None, **options: Any) -> requests.Response:
        return requests.post(f"{self.api}{path}", json=body, headers={**self.headers, **(headers or {})},
                             timeout=options.pop("timeout", 60), **options)

    def account_id(self, number: str = DEMO_ACCOUNT_NUMBER) -> int:
        [account] = [item for item in self.get("/accounts", params={"q": number}).json()["items"]
                     if item["number"] == number]
        return int(account["id"])


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, stdin=stdin)


@contextlib.contextmanager
def serving(db_url: str, **settings: Any) -> Iterator[Service]:
    """The service on `db_url` (migrated and loaded with the demo data here), with `settings` in its config file;
    stopped with SIGTERM at the end."""
    ports = service_ports()
    config_dir = Path(os.environ["CARRIERDESK_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    values: dict[str, Any] = {"database_url": db_url, "sip_host": "127.0.0.1", "radius_host": "127.0.0.1",
                              "radius_processes": 1, "fees_interval_s": 0, **ports, **settings}
    lines = [f"{name} = {value!r}".replace("'", '"') if isinstance(value, str) else f"{name} = {value}"
             for name, value in values.items()]
    (config_dir / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in (("db", "upgrade"), ("demo-data",)):
        done = cli(*command)
        assert done.returncode == 0, done.stderr
    process = subprocess.Popen([*CLI, "serve"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        api = f"http://127.0.0.1:{ports['api_port']}/api/v1"
        deadline = time.monotonic() + 60
        while process.poll() is None:
            try:
                requests.get(f"{api}/health", timeout=1)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the service did not answer within 60 s"
                time.sleep(0.2)
        assert process.poll() is None, process.communicate()[0]
        login = requests.post(f"{api}/auth/login", json={"username": "admin", "password": "demo-admin"}, timeout=30)
        assert login.status_code == 200, login.text
        yield Service(api, ports, {"Authorization": f"Bearer {login.json()['token']}"}, config_dir)
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
