"""The running service's local control channel: a unix socket `control.sock` in its data folder, mode 0600, so
only the service's own user (or root) may ask it. `carrier-switch status` and `carrier-switch restart` talk to it.

Why a socket and not the HTTP API: it needs no sign-in (the file's permissions are the access rule, as for
systemd's or Docker's control sockets), and it still answers while the API itself is being restarted or has failed.
One JSON request per connection, one JSON answer: `{"command": "status"}` or
`{"command": "restart", "component": "sip"}` → `{"ok": true, "status": {...}}` or `{"ok": false, "error": "..."}`.
Windows has no AF_UNIX in Python: see installer/README.md.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import socketserver
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from switch_service.errors import UserError

log = logging.getLogger(__name__)

SOCKET_NAME = "control.sock"
MAX_REQUEST = 64 * 1024
ANSWER_TIMEOUT_S = 60.0  # a restart of RADIUS waits for its processes

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def socket_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / SOCKET_NAME


class _RequestHandler(socketserver.StreamRequestHandler):
    server: _ControlServer

    def handle(self) -> None:
        line = self.rfile.readline(MAX_REQUEST)
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("a request is a JSON object")
            answer = self.server.answer(request)
        except ValueError as exc:
            answer = {"ok": False, "error": f"bad request: {exc}"}
        except Exception as exc:
            log.exception("control request failed")
            answer = {"ok": False, "error": str(exc) or type(exc).__name__}
        self.wfile.write(json.dumps(answer).encode() + b"\n")


class _ControlServer(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, answer: Handler) -> None:
        self.answer = answer
        super().__init__(str(path), _RequestHandler)


@contextlib.contextmanager
def serving(data_dir: str | Path, answer: Handler) -> Iterator[Path]:
    """Answer control requests on the data folder's socket until the block ends. A socket another running service
    answers on is a UserError; a stale one (a crash) is replaced."""
    path = socket_path(data_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.exists():
        if _answers(path):
            raise UserError(f"another Carrierdesk service is running on the data folder {path.parent} "
                            "(`carrier-switch status` shows it)")
        path.unlink()
    old_mask = os.umask(0o177)  # the socket is born 0600: no moment where another user could connect
    try:
        server = _ControlServer(path, answer)
    except OSError as exc:
        raise UserError(f"cannot create the control socket {path}: {exc.strerror}") from None
    finally:
        os.umask(old_mask)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="control",
                              daemon=True)
    thread.start()
    try:
        yield path
    finally:
        server.shutdown()
        server.server_close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        thread.join(5)


def _answers(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(2)
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def ask(data_dir: str | Path, request: dict[str, Any], timeout: float = ANSWER_TIMEOUT_S) -> dict[str, Any]:
    """Send one request to the service running on `data_dir`; its answer, or a UserError saying why not."""
    path = socket_path(data_dir)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError):
            raise ServiceNotRunningError(f"no Carrierdesk service is running on the data folder {path.parent} "
                                         f"(no one answers on {path})") from None
        except PermissionError:
            raise UserError(f"no permission to ask the service through {path}: run this as the service's "
                            "user (or root)") from None
        sock.sendall(json.dumps(request).encode() + b"\n")
        with sock.makefile("rb") as answers:
            try:
                line = answers.readline()
            except TimeoutError:
                raise UserError(f"the service did not answer within {timeout:.0f} s") from None
    if not line:
        raise UserError("the service closed the control connection without answering")
    answer: dict[str, Any] = json.loads(line)
    if not answer.get("ok"):
        raise UserError(str(answer.get("error", "the service refused")))
    return answer


class ServiceNotRunningError(UserError):
    """Nothing answers on the control socket (`status` exits 3 for it, as systemctl does)."""
