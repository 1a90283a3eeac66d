"""A free port of 127.0.0.1, for the self-test and throw-away services (never the operator's fixed ports)."""

from __future__ import annotations

import socket
from collections.abc import Callable


def free_port(*kinds: socket.SocketKind) -> int:
    """A port free for every kind given (SIP listens on UDP and TCP alike); the OS picks it."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, kinds[0]) as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
            try:
                for kind in kinds[1:]:
                    with socket.socket(socket.AF_INET, kind) as other:
                        other.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free local port")


def service_ports(free: Callable[..., int] = free_port) -> dict[str, int]:
    """The settings of a service's four listening ports, each free: the API (TCP), SIP (UDP and TCP alike), RADIUS
    authentication and accounting (UDP). `free` picks them (the tests pass one that keeps to their worker's range)."""
    return {"api_port": free(socket.SOCK_STREAM), "sip_port": free(socket.SOCK_DGRAM, socket.SOCK_STREAM),
            "radius_auth_port": free(socket.SOCK_DGRAM), "radius_acct_port": free(socket.SOCK_DGRAM)}
