"""The service on this machine, started as a child process (`python -m switch_service`, the `carrier-switch`
command) with its own settings: the embedded SQLite database in the per-user data folder unless the config says
otherwise. Used by the desktop's start-up (`desktop.start_up`) and by `make run` (installer/run_local.py). No Qt
here; of `switch_service` only the config reader: the service itself is only ever a separate process.

**This computer's installation** is what the config file says (the same file `carrier-switch config set` writes):
its API address and its instance id, kept in its data folder. A service answering at that address with another
instance id is another installation (a copy started by hand on the same port, another user's service): the
desktop never works on it, and a start that fails because it holds the port says so, with the service's own
words (the last lines it wrote to stderr).

Every call here blocks (a migration, a start-up): from the GUI, run them in an Op.
"""

from __future__ import annotations

import collections
import json
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from switch_service.api.schemas import API_PREFIX, Health
from switch_service.config.identity import instance_id
from switch_service.config.settings import load as load_config

FROZEN_SERVICE = ("carrier-switch", "carrier-switch")  # the installed bundle beside ours: <lib>/carrier-switch/...


def service_command() -> tuple[str, ...]:
    """`carrier-switch`: this Python's module from a source tree, the installed bundle's program from a bundle."""
    if getattr(sys, "frozen", False):
        return (str(Path(sys.executable).resolve().parents[1].joinpath(*FROZEN_SERVICE)),)
    return (sys.executable, "-m", "switch_service")
UPGRADE_TIMEOUT_S = 300
STARTUP_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10
# What ends the program that started the service (the desktop, make run's launcher) as quitting does, so that it still
# stops the service: a session's log-out, a closed terminal, `kill`, Ctrl+C (no SIGHUP on Windows).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
TAIL_LINES = 30  # of the service's stderr, kept to explain a failed start
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_ADDRESS = frozenset({"0.0.0.0", "::", ""})


class LocalServiceError(Exception):
    """The local service could not be prepared or did not start; the message says what happened, `output` is what
    the service itself wrote (its last lines on stderr)."""

    UPGRADE, EXITED, TIMEOUT, FOREIGN = "upgrade", "exited", "timeout", "foreign"

    def __init__(self, kind: str, message: str, output: str = "") -> None:
        super().__init__(f"{message}\n{output}" if output else message)
        self.kind = kind
        self.message = message
        self.output = output


def is_local(url: str) -> bool:
    """True when `url` names this machine (the only place a service can be started from here)."""
    return (urllib.parse.urlsplit(url).hostname or "") in LOCAL_HOSTS


@dataclass(frozen=True)
class LocalInstallation:
    """This computer's service as its config file describes it."""

    url: str  # where its API answers, as a client on this machine reaches it
    data_dir: Path
    config_file: Path

    @property
    def instance_id(self) -> str:
        """Made in the data folder if the service never ran (it then adopts it)."""
        return instance_id(self.data_dir)

    def serves(self, url: str) -> bool:
        """True when `url` is this installation's address (127.0.0.1, localhost or ::1 at its port)."""
        wanted, given = urllib.parse.urlsplit(self.url), urllib.parse.urlsplit(url)
        return is_local(url) and given.port == wanted.port and given.scheme == wanted.scheme


def local_installation() -> LocalInstallation:
    """Read the config file (CARRIERDESK_CONFIG_DIR, else the per-user config folder). A config file the service
    would refuse is a UserError naming the problem, as `carrier-switch` reports it."""
    config = load_config()
    host = str(config["api_host"])
    host = "127.0.0.1" if host in ANY_ADDRESS else host
    shown = f"[{host}]" if ":" in host else host
    return LocalInstallation(url=f"http://{shown}:{config['api_port']}", data_dir=Path(config["data_dir"]),
                             config_file=config.source)


def read_health(url: str, timeout_s: float = 1.0) -> Health | None:
    """GET /health at `url`; None when nothing (or no Carrierdesk service) answers."""
    try:
        with urllib.request.urlopen(f"{url}{API_PREFIX}/health", timeout=timeout_s) as response:
            return Health.model_validate(json.loads(response.read()))
    except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
        return None


def upgrade_database(env: Mapping[str, str] | None = None) -> None:
    """`carrier-switch db upgrade`: create or migrate the database the service will use."""
    try:
        done = subprocess.run([*service_command(), "db", "upgrade"], env=env, capture_output=True, text=True,
                              timeout=UPGRADE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise LocalServiceError(LocalServiceError.UPGRADE,
                                f"preparing the database took longer than {UPGRADE_TIMEOUT_S} s") from None
    if done.returncode != 0:
        raise LocalServiceError(LocalServiceError.UPGRADE, f"db upgrade exited with {done.returncode}",
                                (done.stderr or done.stdout).strip())


class ForeignServiceError(LocalServiceError):
    """Another installation answers at this computer's service address."""

    def __init__(self, url: str, health: Health, output: str = "") -> None:
        where = health.database_url or health.data_dir or health.database
        super().__init__(self.FOREIGN, f"another Carrierdesk service answers at {url} (instance "
                                       f"{health.instance_id or 'unknown'}, database {where}): it is not this "
                                       f"computer's service; stop it, or give this computer's service another port "
                                       f"with `carrier-switch config set api_port N`", output)
        self.url = url
        self.health = health


class LocalService:
    """`carrier-switch serve` as a child process; `stop` ends it (SIGTERM: the service settles and closes).

    What the service writes to stderr still reaches ours (`echo`), and its last lines are kept in `output()` to
    explain a start that failed."""

    def __init__(self, installation: LocalInstallation, env: Mapping[str, str] | None = None, *,
                 echo: IO[str] | None = sys.stderr) -> None:
        self.installation = installation
        self.expected_id = installation.instance_id
        self._tail: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)
        self.process = subprocess.Popen([*service_command(), "serve"], env=env, stderr=subprocess.PIPE, text=True,
                                        errors="replace")
        self._reader = threading.Thread(target=self._read_stderr, args=(echo,), name="local-service-stderr",
                                        daemon=True)
        self._reader.start()

    def _read_stderr(self, echo: IO[str] | None) -> None:
        """Until the service closes its stderr (it ended)."""
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._tail.append(line.rstrip("\n"))
            if echo is not None:
                echo.write(line)
                echo.flush()

    def output(self) -> str:
        """The service's last lines on stderr."""
        return "\n".join(self._tail)

    def wait_until_healthy(self, timeout_s: float = STARTUP_TIMEOUT_S) -> Health:
        """Return this service's health once it answers at the installation's address (the answer names this
        process). LocalServiceError if the process ends (with its own words) or time runs out; ForeignServiceError
        when another installation answers there meanwhile and this one has given up."""
        url = self.installation.url
        deadline = time.monotonic() + timeout_s
        foreign: Health | None = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._reader.join(timeout=2)  # its last words
                if foreign is not None:
                    raise ForeignServiceError(url, foreign, self.output())
                raise LocalServiceError(LocalServiceError.EXITED,
                                        f"the service stopped at start-up (exit code {self.process.returncode})",
                                        self.output())
            health = read_health(url)
            if health is not None:
                if health.pid == self.process.pid:
                    return health
                if health.instance_id != self.expected_id:
                    foreign = health
            time.sleep(0.2)
        if foreign is not None:
            raise ForeignServiceError(url, foreign, self.output())
        raise LocalServiceError(LocalServiceError.TIMEOUT, f"the service did not answer on {url} within "
                                                           f"{timeout_s:.0f} s", self.output())

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.running:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=STOP_TIMEOUT_S)

