"""Ports for the services, SIPp peers and desktops the tests start.

Each pytest-xdist worker draws from a range of its own, below the kernel's ephemeral range (32768-60999 on Linux),
one port after the other: the kernel never hands one of these to a bind(0) or an outgoing connection, two workers
never draw the same one, and a test never gets the port an earlier test has just let go. (Ports the OS picked were
free when asked and taken again by another worker's service before the child bound them: `address already in use`.)
The ranges share 10000-32767 among the workers: fixed 4 000-port ranges put an 8th worker's in the ephemeral range,
where a service's SIP port was taken by an outgoing connection before the service bound it.
"""

from __future__ import annotations

import itertools
import os
import socket

from switch_service import local_ports

FIRST_PORT, EPHEMERAL_FROM = 10_000, 32_768
# Every 4th port: the service puts its built-in test carrier at the SIP port + 2, which must not be the port another
# draw gave the RADIUS or the API.
STRIDE = 4
_draws = itertools.count()


def _worker_index() -> int:
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def _ports_per_worker() -> int:
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    return (EPHEMERAL_FROM - FIRST_PORT) // workers // STRIDE * STRIDE


def free_port(*kinds: socket.SocketKind) -> int:
    """A port of 127.0.0.1 free for every kind given (UDP and TCP when none is: SIP listens on both)."""
    ports = _ports_per_worker()
    start = FIRST_PORT + _worker_index() * ports
    for _ in range(ports // STRIDE):
        port = start + next(_draws) * STRIDE % ports
        try:
            for kind in kinds or (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                with socket.socket(socket.AF_INET, kind) as probe:
                    probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        return port
    raise RuntimeError(f"no free port in {start}-{start + ports - 1}")


def service_ports() -> dict[str, int]:
    """A service's four listening ports (the product's `local_ports.service_ports`), from this worker's range."""
    return local_ports.service_ports(free_port)
