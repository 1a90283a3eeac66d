"""A free port of 127.0.0.1, for the self-test and throw-away services (never the operator's fixed ports)."""

from __future__ import annotations

import socket


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
