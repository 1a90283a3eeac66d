"""SIPp peers and the in-process switch for the SIP tests (helpers; fixtures are in conftest.py)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from worker_ports import free_port

from switch_service.sip.controller import StaticRouteController, Target
from switch_service.sip.switch import SwitchConfig, SwitchThread
from switch_service.sip.transactions import TimerConfig

T = TypeVar("T")
CALLER = "442070000001"  # the From user of every SIPp caller scenario ([caller] where a test may change it)
SCENARIOS = Path(__file__).resolve().parents[1] / "data" / "sipp"


IN_CI = os.environ.get("CI", "").lower() == "true"


HOST = "127.0.0.1"


def port_bound(port: int, kind: socket.SocketKind = socket.SOCK_DGRAM, host: str = HOST,
               wrapper: list[str] | None = None) -> bool:
    if wrapper:  # in another network namespace: ask ss there
        flag = "-Huln" if kind == socket.SOCK_DGRAM else "-Htln"
        listing = subprocess.run([*wrapper, "ss", flag, f"sport = :{port}"], capture_output=True, text=True,
                                 check=False)
        return bool(listing.stdout.strip())
    with socket.socket(socket.AF_INET, kind) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


@dataclass
class SippRun:
    name: str
    process: subprocess.Popen[bytes]
    messages: Path
    errors: Path
    port: int
    returncode: int | None = None

    def wait(self, timeout: float) -> int:
        try:
            self.returncode = self.process.wait(timeout)
        except subprocess.TimeoutExpired:  # SIGINT first: SIPp then writes out its message and error logs
            self.process.send_signal(signal.SIGINT)
            try:
                self.returncode = self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.returncode = self.process.wait(5)
        return self.returncode

    def log(self) -> str:
        return self.messages.read_text(errors="replace") if self.messages.exists() else ""

    def error_log(self) -> str:
        return self.errors.read_text(errors="replace") if self.errors.exists() else ""

    def final_answers(self) -> dict[str, int]:
        """Each call's final answer to its INVITE, by Call-ID: a final answer the switch sent again (its ACK was
        late on a loaded machine) is still one call."""
        answers: dict[str, int] = {}
        for message in re.split(r"^-{10,}.*$", self.log(), flags=re.M):
            status = re.search(r"^SIP/2\.0 ([2-6]\d\d) ", message, re.M)
            call_id = re.search(r"^(?:Call-ID|i):\s*(\S+)", message, re.M | re.I)
            if status and call_id and re.search(r"^CSeq:\s*\d+ INVITE", message, re.M | re.I):
                answers.setdefault(call_id.group(1), int(status.group(1)))
        return answers


@dataclass
class Sipp:
    binary: str
    workdir: Path
    runs: list[SippRun] = field(default_factory=list)

    def start(self, scenario: str | Path, *, remote_port: int | None = None, service: str = "15551230001",
              transport: str = "u1", hold_ms: int = 0, timeout_s: int = 20, calls: int = 1,
              rate: float | None = None, keys: dict[str, str] | None = None, port: int | None = None,
              extra: list[str] | None = None, host: str = HOST, remote_host: str = HOST,
              wrapper: list[str] | None = None) -> SippRun:
        """`port`: SIPp's own (default a free one); `extra`: more options (e.g. -au/-ap); `host`: the address SIPp
        binds (another loopback address, or one in a network namespace `wrapper` runs it in, e.g. ip netns exec)."""
        port = port or free_port()
        source = scenario if isinstance(scenario, Path) else SCENARIOS / f"{scenario}.xml"  # a Path: made by a test
        name = f"{source.stem}-{port}"
        messages = self.workdir / f"{name}.messages.log"
        errors = self.workdir / f"{name}.errors.log"
        command = [*(wrapper or []), self.binary, "-sf", str(source), "-i", host,
                   "-p", str(port), "-mp", str(free_port()), "-m", str(calls), "-nostdin", "-t", transport,
                   "-timeout", f"{timeout_s}s", "-timeout_error", "-trace_msg", "-message_file", str(messages),
                   "-trace_err", "-error_file", str(errors), "-d", str(hold_ms), "-s", service]
        if rate is not None:
            command += ["-r", str(rate), "-l", str(calls)]
        for key, value in {"caller": CALLER, **(keys or {})}.items():
            command += ["-key", key, value]
        command += extra or []
        if remote_port is not None:
            command.append(f"{remote_host}:{remote_port}")
        process = subprocess.Popen(command, cwd=self.workdir, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run = SippRun(name, process, messages, errors, port)
        self.runs.append(run)
        if remote_port is None:  # a carrier: wait until it listens
            kind = socket.SOCK_DGRAM if transport.startswith("u") else socket.SOCK_STREAM
            deadline = time.monotonic() + 5
            while not port_bound(port, kind, host, wrapper) and time.monotonic() < deadline:
                time.sleep(0.02)
        return run

    def stop_all(self) -> None:
        for run in self.runs:
            if run.process.poll() is None:
                run.process.kill()
                run.process.wait(5)


@dataclass
class RunningSwitch:
    thread: SwitchThread
    port: int
    controller: StaticRouteController


class SwitchFactory:
    def __init__(self) -> None:
        self.started: list[SwitchThread] = []

    def __call__(self, targets: list[Target], *, max_duration_s: int | None = None,
                 invite_timeout: float | None = 2.0, flood_limit: float | None = None,
                 t1: float = 0.5) -> RunningSwitch:
        controller = StaticRouteController(targets, max_duration_s)
        config = SwitchConfig(host=HOST, port=free_port(), flood_limit_per_s=flood_limit,
                              timers=TimerConfig(t1=t1, invite_timeout=invite_timeout))
        thread = SwitchThread(controller, config)
        port = thread.start()
        self.started.append(thread)
        return RunningSwitch(thread, port, controller)


class Blackhole:
    """A carrier that never answers: counts what it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((HOST, 0))
        self.sock.setblocking(False)
        self.port = int(self.sock.getsockname()[1])

    def received(self) -> list[bytes]:
        packets = []
        while True:
            try:
                packets.append(self.sock.recv(65535))
            except BlockingIOError:
                return packets

    def close(self) -> None:
        self.sock.close()


def wait_for(probe: Callable[[], T | None], timeout: float = 10.0, what: str = "condition") -> T:
    """The probe's first true answer, polled every 50 ms; AssertionError naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
