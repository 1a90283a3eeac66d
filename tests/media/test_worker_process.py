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

from switch_service.local_ports import free_port
from switch_service.media.pool import FROZEN_WORKER_ARG, worker_command
from switch_service.media.tones import write_tone_prompts


def options(prompts: Path) -> str:
    return json.dumps({"host": "127.0.0.1", "port": free_port(socket.SOCK_DGRAM), "radius_host": "127.0.0.1",
                       "auth_port": free_port(socket.SOCK_DGRAM), "secret": "s", "prompts": str(prompts)})


def test_the_worker_says_ready_and_ends_cleanly_on_sigterm(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "switch_service.media.worker"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write((options(write_tone_prompts(tmp_path)) + "\n").encode())
    process.stdin.close()
    lines = iter(process.stdout.readline, b"")
    assert any(line.startswith(b"READY ") for line in lines)  # after pjlib's own start-up lines
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0


def test_a_worker_whose_service_died_ends(tmp_path: Path) -> None:
    pid_file = tmp_path / "worker.pid"
    parent = tmp_path / "service.py"
    parent.write_text(
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'switch_service.media.worker'], stdin=subprocess.PIPE,\n"
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
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    raise AssertionError("the orphaned worker kept running")


def test_the_bundled_service_starts_workers_from_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_command() == [sys.executable, "-m", "switch_service.media.worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_command() == [sys.executable, FROZEN_WORKER_ARG]
    entry = (Path(__file__).resolve().parents[2] / "installer" / "entry_switch.py").read_text()
    assert f'["{FROZEN_WORKER_ARG}"]' in entry
