"""Shared pieces of the AAA tests: peer binaries, a policy double, running servers on fresh ports."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.dictionary import dictionary_dir
from switch_service.aaa.messages import AcctRecord, AuthDecision, AuthRequest
from switch_service.aaa.server import NasRegistry, RadiusServer

IN_CI = os.environ.get("CI", "").lower() == "true"
DATA = Path(__file__).resolve().parents[1] / "data" / "radius"
SECRET = b"t3st-secret"
KNOWN_ANI = "15551230001"


def require_binary(name: str) -> str:
    """Path of a peer program; outside CI a missing one skips the test, with CI=true it fails it."""
    path = shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None)
    if path is None:
        package = "freeradius" if name == "freeradius" else "freeradius-utils"
        message = f"{name} is not installed (Debian package {package})"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: a missing test peer is a failure)")
        pytest.skip(message)
    return path


def free_udp_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class RecordingPolicy:
    """AaaPolicy double deciding by User-Name: KNOWN_ANI is a prepaid account with credit, others unknown."""

    auth_requests: list[AuthRequest] = field(default_factory=list)
    records: list[AcctRecord] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def authorize(self, request: AuthRequest) -> AuthDecision:
        with self.lock:
            self.auth_requests.append(request)
        if request.user_name != KNOWN_ANI:
            return AuthDecision(ReturnCode.INVALID_ACCOUNT)
        return AuthDecision(ReturnCode.OK, credit_time=120, credit_amount=Decimal("4.75"),
                            billing_model=BillingModel.DEBIT, currency="USD", preferred_lang="en")

    def account(self, record: AcctRecord) -> None:
        with self.lock:
            self.records.append(record)


@pytest.fixture
def policy() -> RecordingPolicy:
    return RecordingPolicy()


@pytest.fixture
def registry() -> NasRegistry:
    nas = NasRegistry()
    nas.add("127.0.0.1", SECRET, require_message_authenticator=True, name="test gateway")
    return nas


@pytest.fixture
def server(policy: RecordingPolicy, registry: NasRegistry) -> Iterator[RadiusServer]:
    radius = RadiusServer(policy, registry, host="127.0.0.1", auth_port=0, acct_port=0, drop_log_interval=0.0)
    radius.start()
    try:
        yield radius
    finally:
        radius.stop()


@dataclass(frozen=True)
class RadclientResult:
    returncode: int
    stdout: str
    stderr: str

    @property
    def answered(self) -> bool:
        return "Received " in self.stdout

    def reply_code(self) -> str | None:
        for line in self.stdout.splitlines():
            if line.startswith("Received "):
                return line.split()[1]
        return None

    def reply_attributes(self) -> dict[str, list[str]]:
        """`name = "value"` lines printed by radclient -x after the `Received` line."""
        attributes: dict[str, list[str]] = {}
        received = False
        for line in self.stdout.splitlines():
            if line.startswith("Received "):
                received = True
                continue
            if received and line.startswith("\t") and " = " in line:
                name, _, value = line.strip().partition(" = ")
                attributes.setdefault(name, []).append(value.strip('"'))
        return attributes


def radclient(port: int, command: str, request_file: Path, secret: bytes = SECRET, *extra: str) -> RadclientResult:
    binary = require_binary("radclient")
    completed = subprocess.run(
        [binary, "-x", "-d", str(dictionary_dir()), "-r", "1", "-t", "2", *extra, "-f", str(request_file),
         f"127.0.0.1:{port}", command, secret.decode()],
        capture_output=True, text=True, timeout=30, check=False)
    return RadclientResult(completed.returncode, completed.stdout, completed.stderr)
