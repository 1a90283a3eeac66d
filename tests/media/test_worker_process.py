"""The media worker as a process: it starts, says READY, ends cleanly on SIGTERM (Calls and players dropped before
libDestroy, exit code 0), and ends by itself when the service that started it is gone."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import alive

from switch_service.local_ports import free_port
from switch_service.media.pool import FROZEN_WORKER_ARG, worker_command
from switch_service.media.tones import write_tone_prompts


def options(prompts: Path) -> str:
    return json.dumps({"host": "127.0.0.1", "port": free_port(socket.SOCK_DGRAM), "radius_host": "127.0.0.1",
                       "auth_port": free_port(socket.SOCK_DGRAM), "secret": "s", "prompts": str(prompts)})


def test_the_worker_says_ready_and_ends_cleanly_on_sigterm(tmp_path: Path) -> None:
    process = subprocess.Popen(worker_command(), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write((options(write_tone_prompts(tmp_path)) + "\n").encode())
    process.stdin.close()
    lines = iter(process.stdout.readline, b"")
    assert any(line.startswith(b"READY ") for line in lines)  # after pjlib's own start-up lines
    loaded = Path(f"/proc/{process.pid}/maps").read_text()
    assert "_hashlib." not in loaded and "_ssl." not in loaded  # no OpenSSL binding (media/__main__.py)
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0


def test_a_worker_whose_service_died_ends(tmp_path: Path) -> None:
    pid_file = tmp_path / "worker.pid"
    parent = tmp_path / "service.py"
    parent.write_text(
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'switch_service.media'], stdin=subprocess.PIPE,\n"
        "                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
        f"p.stdin.write({(options(write_tone_prompts(tmp_path)) + chr(10)).encode()!r})\n"
        "p.stdin.close()\n"
        "while not p.stdout.readline().startswith(b'READY'):\n"
        "    pass\n"
        f"open({str(pid_file)!r}, 'w').write(str(p.pid))\n")
    subprocess.run([sys.executable, str(parent)], check=True, timeout=30)  # the "service" exits at once
    worker = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not alive(worker):
            return
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    raise AssertionError("the orphaned worker kept running")


def test_the_bundled_service_starts_workers_from_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_command() == [sys.executable, "-m", "switch_service.media"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_command() == [sys.executable, FROZEN_WORKER_ARG]
    entry = (Path(__file__).resolve().parents[2] / "installer" / "entry_switch.py").read_text()
    assert f'["{FROZEN_WORKER_ARG}"]' in entry


def test_a_worker_leaves_out_what_it_does_not_need() -> None:
    """Up to 16 workers run at once, so each one's imports are counted (media/__main__.py, README's IVR paragraph):
    seen in the worker process's own import log."""
    done = subprocess.run([*worker_command(), "--help"], check=False, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert {"pjsua2", "switch_service.media.worker", "switch_service.aaa.radius_peer"} <= imported
    assert {"asyncio", "ssl", "phonenumbers", "babel.numbers"} & imported == set()
