"""Ports for the services, SIPp peers and desktops the tests start.

Each pytest-xdist worker draws from a range of its own, below the kernel's ephemeral range (32768-60999 on Linux),
one port after the other: the kernel never hands one of these to a bind(0) or an outgoing connection, two workers
never draw the same one, and a test never gets the port an earlier test has just let go. (Ports the OS picked were
free when asked and taken again by another worker's service before the child bound them: `address already in use`.)
"""

from __future__ import annotations

import itertools
import os
import socket

FIRST_PORT, PORTS_PER_WORKER = 10_000, 4_000
# Every 4th port: the service puts its built-in test carrier at the SIP port + 2, which must not be the port another
# draw gave the RADIUS or the API.
STRIDE = 4
_draws = itertools.count()


def _worker_index() -> int:
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def free_port(*kinds: socket.SocketKind) -> int:
    """A port of 127.0.0.1 free for every kind given (UDP and TCP when none is: SIP listens on both)."""
    start = FIRST_PORT + _worker_index() * PORTS_PER_WORKER
    for _ in range(PORTS_PER_WORKER // STRIDE):
        port = start + next(_draws) * STRIDE % PORTS_PER_WORKER
        try:
            for kind in kinds or (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                with socket.socket(socket.AF_INET, kind) as probe:
                    probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        return port
    raise RuntimeError(f"no free port in {start}-{start + PORTS_PER_WORKER - 1}")
