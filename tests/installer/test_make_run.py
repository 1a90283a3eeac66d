"""`make run` as a person runs it, with its API port taken: it must fail (exit code not 0) saying why in the
service's own words, and never open the desktop on whatever answers at that port."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from port_holder import PortHolder
from worker_ports import service_ports

from installer import temp_service
from switch_service.config import settings

pytestmark = pytest.mark.peers  # a whole `carrier-switch serve` (make run, the desktop's start-up)

ROOT = Path(__file__).resolve().parents[2]
MAKE_TIMEOUT_S = 600


def _make_run(folder: Path, api_port: int) -> subprocess.CompletedProcess[str]:
    """`make run` with this computer's config in `folder` (its API on `api_port`, the other ports free)."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    config_dir, data_dir = folder / "config", folder / "data"
    settings.save({"api_host": "127.0.0.1", "sip_host": "127.0.0.1", **service_ports(), "api_port": api_port,
                   "radius_processes": 0, "log_level": "WARNING"}, config_dir / "config.toml")
    env = {name: value for name, value in os.environ.items()
           if name not in ("CARRIERDESK_DB_URL", "DISPLAY", "WAYLAND_DISPLAY", "MAKEFLAGS", "MAKELEVEL")}
    env.update(CARRIERDESK_CONFIG_DIR=str(config_dir), CARRIERDESK_DATA_DIR=str(data_dir),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    data_dir.mkdir(parents=True)
    return subprocess.run([make, "-C", str(ROOT), "run"], env=env, capture_output=True, text=True,
                          timeout=MAKE_TIMEOUT_S, check=False)


def test_make_run_fails_when_another_program_holds_the_api_port(tmp_path: Path, port_holder: PortHolder) -> None:
    taken_port = port_holder.hold()
    done = _make_run(tmp_path, taken_port)
    assert done.returncode != 0, done.stdout + done.stderr
    assert "make run: the service did not start: the service stopped at start-up (exit code 2)" in done.stderr
    assert f"cannot listen on 127.0.0.1:{taken_port} for the API" in done.stderr  # the service's own words


def test_make_run_refuses_another_installation_at_its_address(tmp_path: Path) -> None:
    other = temp_service.create(tmp_path / "other", **service_ports())
    with temp_service.running(other):
        port = int(other.url.rsplit(":", 1)[1])
        done = _make_run(tmp_path / "mine", port)
    assert done.returncode != 0, done.stdout + done.stderr
    assert f"another Carrierdesk service answers at {other.url}" in done.stderr
    assert f"database {other.db_url}" in done.stderr

