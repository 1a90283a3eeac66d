"""The pool of IVR media workers inside the service: it starts worker processes (media/worker.py) on demand up to
`max_workers`, keeps `min_workers` warm, gives each IVR leg a worker with a free slot (4 a worker: pjsua2's limit),
takes the slot back when the leg leaves the IVR (hand-off or hang-up), and restarts a worker that died — the legs it
held are reported (`on_lost`) so the switch ends them, and a log line says so. A worker tells where each caller is
(the flow's step, the account once the AAA server named it) in `STAGE {json}` lines on its stdout, which the pool
hands to `on_report` on the loop (the switch shows them on the caller's live IVR session).

It lives on the switch's event loop: `acquire`/`release` are called by the call control, `watch` runs as a task.
A worker is started off the loop (its start takes a few hundred ms of pjsua2 initialisation).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from switch_service.local_ports import free_port
from switch_service.media.prompt_sets import operator_folder
from switch_service.media.tones import write_tone_prompts

log = logging.getLogger(__name__)

SLOTS = 4  # calls a worker holds (PJSUA_MAX_CALLS of the pjsua2 wheel)
FROZEN_WORKER_ARG = "--ivr-media-worker"  # the bundled carrier-switch runs a worker itself (installer/entry_switch.py)
READY_TIMEOUT_S = 15.0
WATCH_INTERVAL_S = 1.0
STAGE_LINE = b"STAGE "  # a worker's report of a caller's stage (worker.py `report`)


@dataclass(frozen=True)
class PoolOptions:
    radius_host: str
    auth_port: int
    secret: str
    source_address: str | None = None
    host: str = "127.0.0.1"
    min_workers: int = 1
    max_workers: int = 4
    prompts: Path | None = None  # a folder <lang>/<name>.wav; None: the product's prompt library
    language: str = "en"
    max_pin_tries: int = 3
    first_digit_s: float = 10.0
    inter_digit_s: float = 4.0
    log_level: str = "INFO"


@dataclass
class WorkerProcess:
    number: int
    port: int
    process: subprocess.Popen[bytes]
    legs: set[str] = field(default_factory=set)

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


class IvrPool:
    def __init__(self, options: PoolOptions) -> None:
        self.options = options
        self.workers: list[WorkerProcess] = []
        self.starting = 0
        self.busy_refusals = 0  # IVR legs refused because every slot was taken
        self.restarts = 0
        self.on_lost: Callable[[list[str]], None] | None = None  # the legs of a dead worker: the switch ends them
        # (leg, stage, account id): where a worker says the caller on a leg is; called on the pool's loop
        self.on_report: Callable[[str, str, int | None], None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._numbers = 0
        self._where: dict[str, WorkerProcess] = {}
        self._watcher: asyncio.Task[None] | None = None
        self._spare: asyncio.Future[WorkerProcess | None] | None = None
        self._stopped = False

    # -- starting and stopping workers
    def _spawn(self) -> WorkerProcess:
        """Start a worker and wait for its READY line (blocking: run it off the loop)."""
        port = free_port(socket.SOCK_DGRAM)
        self._numbers += 1
        number = self._numbers
        options = self.options
        config = {"host": options.host, "port": port, "radius_host": options.radius_host,
                  "auth_port": options.auth_port, "secret": options.secret, "source_address": options.source_address,
                  "prompts": str(options.prompts) if options.prompts else None, "language": options.language,
                  "max_pin_tries": options.max_pin_tries, "first_digit_s": options.first_digit_s,
                  "inter_digit_s": options.inter_digit_s}
        process = subprocess.Popen(
            [*worker_command(), "--log-level", options.log_level],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        process.stdin.write((json.dumps(config) + "\n").encode())
        process.stdin.close()
        deadline = time.monotonic() + READY_TIMEOUT_S
        line = b""
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line or line.startswith(b"READY"):
                break
        if not line.startswith(b"READY"):
            process.kill()
            process.wait(5)
            raise RuntimeError(f"IVR worker did not start (exit code {process.returncode})")
        worker = WorkerProcess(number, port, process)
        # its log lines go to the service's log; its stdout is drained so a chatty library never blocks it
        threading.Thread(target=_relay_log, args=(process.stderr, worker.number), daemon=True).start()
        threading.Thread(target=self._read_reports, args=(process.stdout,), daemon=True).start()
        log.info("IVR worker %d started (pid %d, port %d)", worker.number, process.pid, port)
        return worker

    def _read_reports(self, stream: IO[bytes]) -> None:
        """A worker's stdout: its STAGE lines go to `on_report` on the loop; anything else (a chatty library) is
        read and dropped, so the worker never blocks on a full pipe."""
        for raw in iter(stream.readline, b""):
            if not raw.startswith(STAGE_LINE):
                continue
            try:
                report = json.loads(raw[len(STAGE_LINE):])
                leg, stage, account = str(report["leg"]), str(report["stage"]), report.get("account_id")
            except (ValueError, KeyError, TypeError):
                log.warning("IVR worker: unreadable report %r", raw[:200])
                continue
            loop, deliver = self._loop, self.on_report
            if loop is None or deliver is None:
                continue
            try:
                loop.call_soon_threadsafe(deliver, leg, stage, account if isinstance(account, int) else None)
            except RuntimeError:  # the loop is closed: the service stops
                return

    async def _start_one(self) -> WorkerProcess | None:
        self._loop = asyncio.get_running_loop()
        self.starting += 1
        try:
            worker = await asyncio.get_running_loop().run_in_executor(None, self._spawn)
        except Exception:
            log.exception("could not start an IVR worker")
            return None
        finally:
            self.starting -= 1
        if self._stopped:  # the pool stopped while this one started
            worker.process.terminate()
            worker.process.wait(5)
            return None
        self.workers.append(worker)
        return worker

    async def start(self) -> None:
        """The warm workers, and the watcher that restarts a dead one."""
        await asyncio.gather(*(self._start_one() for _ in range(self.options.min_workers)))
        self._watcher = asyncio.ensure_future(self._watch())

    def stop(self) -> None:
        """End the watcher (on its loop, from any thread) and the workers (their calls end with them)."""
        self._stopped = True
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.get_loop().call_soon_threadsafe(watcher.cancel)
        for worker in self.workers:
            if worker.alive:
                worker.process.terminate()
        for worker in self.workers:
            try:
                worker.process.wait(5)
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait(5)
        self.workers.clear()
        self._where.clear()

    # -- slots
    async def acquire(self, key: str) -> tuple[str, int] | None:
        """(host, port) of a worker with a free slot for the leg `key`, a new worker when all are full and the pool
        may grow; None when every slot is taken (the caller gets 503)."""
        worker = self._free()
        if worker is None and len(self.workers) + self.starting < self.options.max_workers:
            worker = await self._start_one()
            if worker is not None and len(worker.legs) >= SLOTS:
                worker = self._free()
        if worker is None:
            self.busy_refusals += 1
            log.warning("IVR: all %d slots busy, a caller is refused (503)", SLOTS * len(self.workers))
            return None
        worker.legs.add(key)
        self._where[key] = worker
        if self._free() is None and len(self.workers) + self.starting < self.options.max_workers:
            self._spare = asyncio.ensure_future(self._start_one())  # the next caller need not wait for a start
        return self.options.host, worker.port

    def _free(self) -> WorkerProcess | None:
        """The live worker with the fewest legs and a free slot (spreads the load, so a death costs fewer calls)."""
        candidates = [w for w in self.workers if w.alive and len(w.legs) < SLOTS]
        return min(candidates, key=lambda w: len(w.legs)) if candidates else None

    def release(self, key: str) -> None:
        worker = self._where.pop(key, None)
        if worker is not None:
            worker.legs.discard(key)

    def worker_of(self, key: str) -> int | None:
        """The number of the worker holding leg `key` (as the log names it)."""
        worker = self._where.get(key)
        return worker.number if worker is not None else None

    @property
    def legs(self) -> int:
        return len(self._where)

    # -- the watcher
    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_INTERVAL_S)
            await self.check()

    async def check(self) -> None:
        """Replace dead workers (their legs are ended through `on_lost`); keep `min_workers` running."""
        for worker in [w for w in self.workers if not w.alive]:
            self.workers.remove(worker)
            lost = sorted(worker.legs)
            for key in lost:
                self._where.pop(key, None)
            self.restarts += 1
            log.error("IVR worker %d (pid %d) died with exit code %s; its %d call(s) in the IVR are ended",
                      worker.number, worker.process.pid, worker.process.returncode, len(lost))
            if lost and self.on_lost is not None:
                self.on_lost(lost)
        missing = self.options.min_workers - len(self.workers) - self.starting
        if missing > 0:
            await asyncio.gather(*(self._start_one() for _ in range(missing)))

    def memory_mb(self) -> tuple[float, float]:
        """The live workers' memory together, MB (Linux /proc; 0 elsewhere): resident (RSS, which counts the pages
        they share — the interpreter, pjsua2's libraries — once per worker) and proportional (PSS, each shared page
        split between its sharers: what they take from the machine together)."""
        rss = pss = 0
        for worker in self.workers:
            try:
                rollup = Path(f"/proc/{worker.process.pid}/smaps_rollup").read_text()
            except OSError:
                continue
            sizes = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:] if ":" in line}
            rss, pss = rss + sizes.get("Rss", 0), pss + sizes.get("Pss", 0)
        return rss / 1024, pss / 1024


def _relay_log(stream: IO[bytes], number: int) -> None:
    """A worker's log lines (`LEVEL message`, worker.py's format) into the service's log; pjsua2's own lines (its
    errors: the library logs at level 1) as warnings."""
    for raw in iter(stream.readline, b""):
        text = raw.decode(errors="replace").rstrip()
        level_name, _, message = text.partition(" ")
        level = logging.getLevelName(level_name)
        if isinstance(level, int):
            log.log(level, "IVR worker %d: %s", number, message)
        elif text:
            log.warning("IVR worker %d: %s", number, text)


def worker_command() -> list[str]:
    """How a worker is started: this Python with the worker module, or the bundled executable with its flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_WORKER_ARG]
    return [sys.executable, "-m", "switch_service.media"]


def prompts_folder(configured: str, data_dir: str) -> Path:
    """The folder the workers get: the operator's recordings (media/prompt_sets.py: `ivr_prompts_dir`, else
    `prompts/` in the data folder), played over the shipped prompt library's files; where the library is not
    installed and nothing is configured, stand-in tones written once to the data folder."""
    if configured or importlib.util.find_spec("switch_service.media.prompts") is not None:
        return operator_folder(configured, data_dir)
    return write_tone_prompts(Path(data_dir) / "ivr_tones")
