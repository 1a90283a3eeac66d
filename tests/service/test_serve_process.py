"""`carrier-switch serve` as the operator runs it: one process answering HTTP, SIP and RADIUS, stopped by SIGTERM."""

from __future__ import annotations

import signal
import socket
import subprocess
from pathlib import Path

import pytest
from cli_harness import cli_ok
from worker_ports import service_ports

from switch_service.aaa.dictionary import dictionary_dir
from switch_service.config.secrets import SecretStore
from tests.aaa.conftest import require_binary
from tests.service.conftest import CLI, RunningService, write_config

pytestmark = pytest.mark.peers

DEMO_ANI = "13055550101"  # Maria Gonzalez in the demo data, stored destination +52 55 1234 5678


def sip_options(port: int) -> str:
    request = (f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-probe1\r\n"
               "From: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: probe-1@127.0.0.1\r\n"
               "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(5)
        sock.sendto(request.encode(), ("127.0.0.1", port))
        return sock.recv(65535).decode()


def test_one_process_answers_http_sip_and_radius_and_stops_cleanly(running_service: RunningService,
                                                                     tmp_path: Path) -> None:
    process, ports, _log = running_service
    assert sip_options(ports["sip_port"]).startswith("SIP/2.0 200")

    secret = SecretStore().get("radius_secret")  # the switch's own NAS secret, created at start-up
    assert secret
    request = tmp_path / "access.txt"
    request.write_text(f'User-Name = "{DEMO_ANI}"\nCalling-Station-Id = "{DEMO_ANI}"\n'
                       'Called-Station-Id = ""\nh323-conf-id = "h323-conf-id=SERVE-TEST-1"\n'
                       'Message-Authenticator = 0x00\n')
    answer = subprocess.run(
        [require_binary("radclient"), "-x", "-d", str(dictionary_dir()), "-r", "1", "-t", "3", "-f", str(request),
         f"127.0.0.1:{ports['radius_auth_port']}", "auth", secret],
        check=False, capture_output=True, text=True, timeout=30)
    assert "Access-Accept" in answer.stdout, answer.stdout + answer.stderr
    assert "h323-return-code=0" in answer.stdout
    assert "h323-redirect-number=525512345678" in answer.stdout

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0


def test_a_taken_sip_port_is_one_clear_line(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        ports = service_ports() | {"sip_port": taken.getsockname()[1]}
        write_config(ports, tmp_path / "service.db")
        cli_ok("db", "upgrade")
        result = subprocess.run([*CLI, "serve"], check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("carrier-switch: error: cannot listen for SIP"), \
        result.stderr
    assert "Traceback" not in result.stderr, result.stderr
