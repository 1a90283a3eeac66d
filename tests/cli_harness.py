"""`carrier-switch` commands run in this process: the real entry point, `switch_service.cli.main(argv)`, with its
standard streams captured, and the result shaped like `subprocess.run`'s (returncode, stdout, stderr).

Why: a `carrier-switch` process spends about 1.15 s of CPU importing SQLAlchemy, Alembic and the models before
its command starts, and the CLI tests ran hundreds of them. What a test checks (the printed lines, the one-line
`carrier-switch: error: ...`, exit code 2, what was written) is main()'s and its handlers' work, the same here.

What a process would give a command, it gets here: its own stdin (the text given, else an empty one), stdout and
stderr, a root logger with no handlers (so main()'s logging.basicConfig writes to this stderr), the environment
with `env` over it; SystemExit (argparse's errors, --help) becomes the exit code, an uncaught exception a
traceback on stderr and exit code 1, as Python does. Everything is put back afterwards, and what a command left
behind (a file descriptor, a thread, an environment variable, the working folder, a signal handler) fails the test:
a command that needs those is a process's business and is tested as one (`CLI`), like `serve` and `status --wait`.
"""

from __future__ import annotations

import io
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from typing import Any

from switch_service.cli import main

CLI = [sys.executable, "-m", "switch_service"]  # the real door, for the tests whose point is the process
_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE)


def run_cli(*args: str, stdin: str | None = None,
            env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`carrier-switch ARGS` as `subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True,
    env={**os.environ, **env})` would run it, in this process."""
    out, err = io.StringIO(), io.StringIO()
    before = _state()
    with _environment(env or {}) as expected_env, _fresh_root_logger(), _stdin(stdin), \
            redirect_stdout(out), redirect_stderr(err):
        code = _exit_code(args, err)
        left = _left_behind(before, expected_env)
    assert not left, f"`carrier-switch {' '.join(args)}` left behind {left}: run it as a process (CLI)"
    return subprocess.CompletedProcess([*CLI, *args], code, out.getvalue(), err.getvalue())


def cli_ok(*args: str, stdin: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """`carrier-switch ARGS` in this process, which must succeed (a test's setting up): what it printed."""
    done = run_cli(*args, stdin=stdin, env=env)
    assert done.returncode == 0, f"`carrier-switch {' '.join(args)}` ended with {done.returncode}: {done.stderr}"
    return done.stdout


def wait_for_service(process: subprocess.Popen[Any], seconds: float = 90.0) -> bool:
    """Wait as an install script does (`carrier-switch status --wait`) until the `serve` started as `process` runs
    every component (SIP, RADIUS, the API answering); False when it exited or `seconds` passed first. A bare
    /health poll said "up" while SIP and RADIUS were still starting, and a loaded machine outlasted its 30 s."""
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        if run_cli("status", "--wait", "2").returncode == 0:
            return True
    return False


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit code 2 and one line, `carrier-switch: error: ...` holding each fragment: how every refusal ends."""
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("carrier-switch: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _exit_code(args: tuple[str, ...], err: io.StringIO) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_:  # argparse's errors and --help; sys.exit("text") prints the text, as Python does
        if exit_.code is None or isinstance(exit_.code, int):
            return exit_.code or 0
        print(exit_.code, file=err)
        return 1
    except Exception:  # a traceback and exit code 1, as an uncaught exception ends a process
        traceback.print_exc(file=err)
        return 1


def _state() -> dict[str, Any]:
    return {"fds": _open_fds(), "threads": set(threading.enumerate()), "cwd": os.getcwd(),
            "signals": {sig: signal.getsignal(sig) for sig in _SIGNALS}}


def _left_behind(before: dict[str, Any], expected_env: dict[str, str]) -> dict[str, Any]:
    after = _state()
    left: dict[str, Any] = {}
    # SQLite keeps a closed connection's descriptor while another connection of this process (the test's) has the
    # same file open, as closing it would drop that one's locks: a file open before is not one the command left
    already_open = {_target(fd) for fd in before["fds"]}
    if files := {fd: _target(fd) for fd in sorted(after["fds"] - before["fds"]) if _target(fd) not in already_open}:
        left["open files"] = files
    if threads := [thread.name for thread in after["threads"] - before["threads"] if thread.is_alive()]:
        left["threads"] = threads
    if after["cwd"] != before["cwd"]:
        left["working folder"] = after["cwd"]
    if changed := [sig.name for sig in _SIGNALS if after["signals"][sig] != before["signals"][sig]]:
        left["signal handlers"] = changed
    if dict(os.environ) != expected_env:
        left["environment"] = sorted(set(os.environ.items()) ^ set(expected_env.items()))
    return left


def _open_fds() -> set[int]:
    """This process's open file descriptors (not the one os.listdir had open to read the list)."""
    return {fd for fd in map(int, os.listdir("/proc/self/fd")) if _is_open(fd)}


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _target(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return "?"


@contextmanager
def _environment(overrides: Mapping[str, str]) -> Iterator[dict[str, str]]:
    saved = dict(os.environ)
    os.environ.update(overrides)
    try:
        yield dict(os.environ)
    finally:
        for name in set(os.environ) - set(saved):
            del os.environ[name]
        for name, value in saved.items():
            if os.environ.get(name) != value:
                os.environ[name] = value


@contextmanager
def _fresh_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers = []
    try:
        yield
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers = handlers
        root.setLevel(level)


@contextmanager
def _stdin(text: str | None) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.StringIO(text or "")
    try:
        yield
    finally:
        sys.stdin = saved
