"""A program that is not Carrierdesk holding a TCP port (for tests of a service whose port is taken); imported by
bare name, as the other test harness modules (tests/conftest.py puts this folder on sys.path)."""

from __future__ import annotations

import socket
import threading


class PortHolder:
    """Another program, not Carrierdesk, listening on TCP ports of 127.0.0.1: it accepts connections and closes
    them at once (what holds a port a service wanted). Everything it opened is closed at the end of the test."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []

    def hold(self, port: int = 0) -> int:
        """Listen on `port` (0: a free one); the port held."""
        holder = socket.socket()
        holder.bind(("127.0.0.1", port))
        holder.listen()
        holder.settimeout(0.2)
        self._sockets.append(holder)
        thread = threading.Thread(target=self._accept, args=(holder,), daemon=True)
        thread.start()
        self._threads.append(thread)
        return int(holder.getsockname()[1])

    def _accept(self, holder: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                connection, _address = holder.accept()
            except TimeoutError:
                continue
            connection.close()

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)
        for holder in self._sockets:
            holder.close()
