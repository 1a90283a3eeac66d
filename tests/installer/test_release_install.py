"""The release archive as an operator gets it: built from this checkout (`make installer`'s own script), installed
into a temporary prefix as a user who is not root, the service started by the install script, a first admin made
and signed in through the API, both bundles' self-tests run from the install, an upgrade over it that keeps the
data, and the uninstall that keeps the data folder. Marked slow (it builds both bundles); it runs in `make test`."""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from worker_ports import service_ports

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]  # two PyInstaller builds: minutes

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "install test password"
SETUP = {"username": "owner", "password": PASSWORD, "company_name": "Install Test Telecom", "currency": "USD",
         "time_zone": "UTC"}


@dataclass
class Operator:
    """Whoever installs: a fresh user made for the test when it runs as root (else the current user), with a home
    of its own in a folder that user can reach."""

    name: str
    home: Path
    as_root: bool

    def run(self, *command: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        env = [f"HOME={self.home}", "PATH=/usr/local/bin:/usr/bin:/bin", f"USER={self.name}", "LANG=C.UTF-8"]
        prefix = ["runuser", "-u", self.name, "--"] if self.as_root else []
        return subprocess.run([*prefix, "env", "-i", *env, *command], capture_output=True, text=True,
                              timeout=timeout, check=False, cwd=self.home)

    @property
    def data_dir(self) -> Path:
        return self.home / ".local" / "share" / "carrierdesk"

    @property
    def config_dir(self) -> Path:
        return self.home / ".config" / "carrierdesk"


@pytest.fixture(scope="module")
def archive() -> Path:
    built = subprocess.run([sys.executable, "-m", "installer.build_release"], cwd=ROOT, capture_output=True,
                           text=True, timeout=1800, check=False)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    figures = json.loads(built.stdout.strip().splitlines()[-1])
    print(f"\nmake installer: {figures}")
    return ROOT / figures["archive"]


@pytest.fixture
def operator() -> Iterator[Operator]:
    base = Path(tempfile.mkdtemp(prefix="cd-install-", dir="/tmp"))
    base.chmod(0o755)
    if os.getuid() != 0:
        home = base / "home"
        home.mkdir()
        found = Operator(pwd.getpwuid(os.getuid()).pw_name, home, as_root=False)
    else:
        name = f"cdinst{os.getpid() % 100000}"
        subprocess.run(["useradd", "--create-home", "--home-dir", str(base / "home"), "--shell", "/bin/bash", name],
                       check=True, capture_output=True)
        found = Operator(name, base / "home", as_root=True)
    try:
        yield found
    finally:
        pid_file = found.data_dir / "service.pid"
        if pid_file.exists():  # a test that failed half-way leaves the service it started
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text()), signal.SIGTERM)
            time.sleep(2)
        if found.as_root:
            subprocess.run(["userdel", found.name], check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def write_config(operator: Operator) -> int:
    """Free ports for this service (the operator's own config, kept by the install)."""
    operator.config_dir.mkdir(parents=True)
    ports = service_ports()
    lines = ['sip_host = "127.0.0.1"', "radius_processes = 1", "backup_interval_h = 0"]
    (operator.config_dir / "config.toml").write_text("\n".join(lines + [f"{k} = {v}" for k, v in ports.items()])
                                                     + "\n")
    if operator.as_root:
        subprocess.run(["chown", "-R", f"{operator.name}:", str(operator.home / ".config")], check=True)
    return ports["api_port"]


def sign_in(url: str) -> str:
    answer = requests.post(f"{url}/auth/login", json={"username": "owner", "password": PASSWORD}, timeout=10)
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["token"]
    return token


def test_install_run_upgrade_and_uninstall_as_a_user(archive: Path, operator: Operator) -> None:
    shutil.copy(archive, operator.home / archive.name)
    (operator.home / archive.name).chmod(0o644)
    assert operator.run("tar", "xzf", archive.name).returncode == 0
    unpacked = operator.home / archive.name.removesuffix(".tar.gz")
    prefix = operator.home / "opt"
    url = f"http://127.0.0.1:{write_config(operator)}/api/v1"

    installed = operator.run(str(unpacked / "install.sh"), "--prefix", str(prefix))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    if not Path("/run/systemd/system").is_dir():
        assert "systemd is not running on this machine" in installed.stdout
    unit = operator.home / ".config" / "systemd" / "user" / "carrierdesk.service"
    assert f"ExecStart={prefix}/bin/carrier-switch serve" in unit.read_text()
    entry = (prefix / "share" / "applications" / "carrierdesk.desktop").read_text()
    assert f"Exec={prefix}/bin/carrier-desk" in entry and "Icon=carrierdesk" in entry
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "carrierdesk.svg").is_file()

    # the service the install started: no users yet, so the desktop would open on the first-run wizard
    assert requests.get(f"{url}/setup", timeout=10).json()["needs_admin"] is True
    made = requests.post(f"{url}/setup", json=SETUP, timeout=30)
    assert made.status_code in (200, 201), made.text
    owner = {"Authorization": f"Bearer {sign_in(url)}"}
    me = requests.get(f"{url}/auth/me", headers=owner, timeout=10)
    assert me.json()["username"] == "owner"
    # its warm IVR media worker, started from the bundle's own executable (--ivr-media-worker), said READY
    deadline = time.monotonic() + 60
    while requests.get(f"{url}/live/counters", headers=owner, timeout=10).json()["ivr_workers"] < 1:
        assert time.monotonic() < deadline, "the installed service has no IVR media worker"
        time.sleep(0.5)

    for program in ("carrier-switch", "carrier-desk"):
        checked = operator.run(str(prefix / "bin" / program), "--self-test", timeout=300)
        assert checked.returncode == 0, f"{program}: {checked.stdout}{checked.stderr}"
        assert "self-test passed" in checked.stdout
    status = operator.run(str(prefix / "bin" / "carrier-switch"), "status")
    assert status.returncode == 0 and "api      running" in status.stdout, status.stdout + status.stderr
    first_pid = (operator.data_dir / "service.pid").read_text().strip()

    upgraded = operator.run(str(unpacked / "install.sh"), "--prefix", str(prefix))
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    assert "the data in" in upgraded.stdout and "is kept" in upgraded.stdout
    assert (operator.data_dir / "service.pid").read_text().strip() != first_pid  # a new service...
    sign_in(url)  # ...on the same data: the owner made before the upgrade signs in

    removed = operator.run(str(prefix / "lib" / "carrierdesk" / "uninstall.sh"))
    assert removed.returncode == 0, removed.stdout + removed.stderr
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/health", timeout=5)
    assert not (prefix / "lib" / "carrierdesk").exists() and not (prefix / "bin" / "carrier-switch").exists()
    assert not unit.exists() and not (prefix / "share" / "applications" / "carrierdesk.desktop").exists()
    assert (operator.data_dir / "carrierdesk.db").is_file()  # the data stays
