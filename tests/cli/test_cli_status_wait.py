"""`carrier-switch status --wait`: what an install script or a monitoring check asks right after starting the
service. The control socket answers before the components have started, so a bare `status` can say "starting"
while the API still refuses connections (seen: the release install test signed in too early)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests
from worker_ports import service_ports

from installer import temp_service
from switch_service.api.schemas import API_PREFIX

pytestmark = pytest.mark.peers  # a whole `carrier-switch serve`


def test_status_wait_returns_when_every_component_runs_and_the_api_answers(tmp_path: Path) -> None:
    service = temp_service.create(tmp_path / "svc", **service_ports())
    process = subprocess.Popen([sys.executable, "-m", "switch_service", "serve"], env=service.env)
    try:
        waited = service.output("status", "--wait", "60")
        assert waited.returncode == 0, waited.stdout + waited.stderr
        component_lines = [line.split() for line in waited.stdout.splitlines() if line.startswith("  ")]
        assert component_lines and all(words[1] == "running" for words in component_lines), waited.stdout
        assert requests.get(f"{service.url}{API_PREFIX}/health", timeout=5).status_code == 200
    finally:
        temp_service.stop(process)
    stopped = service.output("status", "--wait", "1")
    assert stopped.returncode == 3 and stopped.stdout.startswith("not running"), stopped.stdout
