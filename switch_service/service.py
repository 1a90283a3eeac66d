"""The switch service process. For now it serves the HTTP API; SIP and RADIUS join it later."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from types import FrameType

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


class _Server(uvicorn.Server):
    """uvicorn re-raises SIGINT/SIGTERM after a graceful stop (so the process dies of them);
    `serve` is meant to return instead, so the caller can stop the other parts of the service.

    A graceful stop waits for every response to finish, and a live-call event stream never does by itself:
    a stop signal first tells the streams to end (`LiveCalls.stop_streams`, which only sets a flag)."""

    def __init__(self, config: uvicorn.Config, live: LiveCalls) -> None:
        super().__init__(config)
        self.live = live

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.live.stop_streams()
        super().handle_exit(sig, frame)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


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


def serve(engine: Engine, settings: Settings, live: LiveCalls | None = None) -> None:
    """Run the API on settings api_host/api_port until SIGINT or SIGTERM, then return. `live`: the switch's
    calls (its event bus and hangup); without it the live endpoints have no switch behind them.

    The API works on a database engine of its own, on `engine`'s database: its pool and lock waits are sized by
    the API settings (`api.capacity`), apart from what the switch and RADIUS use."""
    host: str = settings["api_host"]
    port: int = settings["api_port"]
    sock = bind(host, port)
    debug = str(settings["log_level"]).upper() == "DEBUG"
    try:
        api_engine = make_engine(engine.url.render_as_string(hide_password=False),
                                 **api_engine_options(engine.url, settings))
        try:
            app = create_app(api_engine, settings, live=live)
            config = uvicorn.Config(
                app,
                log_config=None,  # keep the process's own logging setup
                log_level="debug" if debug else "warning",
                access_log=debug,
                server_header=False,
            )
            server = _Server(config, app.state.context.live)
            log.info("Carrierdesk API listening on %s", api_url(host, port))
            yield_cpu_to_calls(int(settings["api_nice"]))  # SIP and RADIUS run already, at their own priority
            server.run(sockets=[sock])
        finally:
            api_engine.dispose()
    finally:
        sock.close()
    log.info("Carrierdesk API stopped")
