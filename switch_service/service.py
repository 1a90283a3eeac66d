"""The HTTP API server of the service process, and its wait for a stop signal. RADIUS and SIP are not here:
they are telephony.py's components, started with this one by the supervisor of `carrier-switch serve` (daemon.py)."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import uvicorn
from sqlalchemy import Engine

from switch_service.api.app import create_app
from switch_service.api.capacity import api_engine_options, yield_cpu_to_calls
from switch_service.api.live import LiveCalls
from switch_service.config.settings import Settings
from switch_service.errors import UserError
from switch_service.store.engine import make_engine

log = logging.getLogger(__name__)

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 5


class _Server(uvicorn.Server):
    """uvicorn in a thread of the service: stop signals are the main thread's (`wait_for_stop_signal`), which
    stops this server with `ApiServer.stop`. A graceful stop waits for every response to finish, and a live-call
    event stream never does by itself, so a stop first tells the streams to end (`LiveCalls.stop_streams`)."""

    def __init__(self, config: uvicorn.Config, live: LiveCalls) -> None:
        super().__init__(config)
        self.live = live

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a taken port is one clear UserError, not a uvicorn exit."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UserError(f"API address {host!r} cannot be resolved: {exc.strerror}") from None
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    if sys.platform != "win32":  # on Windows SO_REUSEADDR would let two services share the port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise UserError(f"cannot listen on {host}:{port} for the API: {exc.strerror}"
                        " (is another Carrierdesk service running? set api_port to change it)") from None
    sock.set_inheritable(True)
    return sock


def api_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/api/v1"


class ApiServer:
    """The HTTP API on settings api_host/api_port, in a thread of its own, so the service can stop and start it
    again (`carrier-switch restart api`) while SIP and RADIUS go on. `make_live` gives each start a fresh handle
    on the switch's calls (a stopped API closes the one it had)."""

    name = "api"

    def __init__(self, engine: Engine, settings: Settings, make_live: Callable[[], LiveCalls],
                 service: Any = None, duties: Callable[[], bool] = lambda: True) -> None:
        self.engine = engine
        self.duties = duties  # whether this node runs the fee and statement schedules (cluster/duties.py)
        self.settings = settings
        self.make_live = make_live
        self.service = service  # the supervisor the API reports on and restarts through (None: API only)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self._api_engine: Engine | None = None
        self._port = settings.typed.api_port

    def start(self) -> None:
        """The API works on a database engine of its own, on `engine`'s database: its pool and lock waits are
        sized by the API settings (`api.capacity`), apart from what the switch and RADIUS use."""
        host = self.settings.typed.api_host
        self._sock = bind(host, self._port)
        self._port = int(self._sock.getsockname()[1])
        debug = self.settings.typed.log_level.upper() == "DEBUG"
        url = self.engine.url
        self._api_engine = make_engine(url, **api_engine_options(url, self.settings))
        app = create_app(self._api_engine, self.settings, live=self.make_live(), service=self.service,
                         duties=self.duties)
        config = uvicorn.Config(
            app,
            log_config=None,  # keep the process's own logging setup
            log_level="debug" if debug else "warning",
            access_log=debug,
            server_header=False,
            timeout_graceful_shutdown=STOP_TIMEOUT_S,
        )
        server = self._server = _Server(config, app.state.context.live)
        self._thread = threading.Thread(target=self._run, args=(server, self._sock), name="api", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise UserError(f"the API did not start on {api_url(host, self._port)}")
            time.sleep(0.02)
        log.info("Carrierdesk API listening on %s", api_url(host, self._port))

    def _run(self, server: _Server, sock: socket.socket) -> None:
        yield_cpu_to_calls(self.settings.typed.api_nice)  # this thread and the workers it starts; SIP and RADIUS
        server.run(sockets=[sock])

    def stop(self) -> None:
        server, thread, sock, api_engine = self._server, self._thread, self._sock, self._api_engine
        self._server = self._thread = self._sock = self._api_engine = None
        if server is not None:
            server.live.stop_streams()
            server.should_exit = True
        if thread is not None:
            thread.join(STOP_TIMEOUT_S + 5)
        if sock is not None:
            sock.close()
        if api_engine is not None:
            api_engine.dispose()
        if server is not None:
            log.info("Carrierdesk API stopped")

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def ports(self) -> dict[str, int]:
        return {"http": self._port}

    def counters(self) -> dict[str, int]:
        server = self._server
        if server is None:
            return {}
        return {"requests": server.server_state.total_requests,
                "connections": len(server.server_state.connections)}


def wait_for_stop_signal(still_running: Callable[[], bool] = lambda: True) -> None:
    """Block the main thread until SIGINT or SIGTERM (or until `still_running` says no)."""
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda _sig, _frame: stop.set()) for sig in _STOP_SIGNALS}
    try:
        while not stop.wait(0.5) and still_running():
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def serve(engine: Engine, settings: Settings, live: LiveCalls | None = None) -> None:
    """Run the API alone on settings api_host/api_port until SIGINT or SIGTERM, then return (the API of a test
    service or a benchmark). `live`: the switch's calls; without it the live endpoints have no switch behind them."""
    api = ApiServer(engine, settings, lambda: live or LiveCalls())
    api.start()
    try:
        wait_for_stop_signal(api.alive)
    finally:
        api.stop()
