"""UDP and TCP listeners: thin byte movers (RFC 3261 §18).

Datagrams and framed stream messages go up as (bytes, Peer); `send(data, peer)` writes to the peer — on UDP to
the address the packet came from (RFC 3581), on TCP over the connection the peer opened, or a new one to it.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from typing import cast

from switch_service.sip.message import SipParseError, frame_stream
from switch_service.sip.transactions import Peer

log = logging.getLogger(__name__)

Receiver = Callable[[bytes, Peer], None]
MAX_PENDING_TCP_BYTES = 1 << 20
UDP_BUFFER_BYTES = 4 << 20


class _UdpProtocol(asyncio.DatagramProtocol):
    def __init__(self, receive: Receiver) -> None:
        self.receive = receive
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.receive(data, Peer("UDP", addr[0], addr[1]))

    def error_received(self, exc: Exception) -> None:
        log.debug("UDP error: %s", exc)


class _TcpConnection(asyncio.Protocol):
    def __init__(self, owner: SipTransport) -> None:
        self.owner = owner
        self.transport: asyncio.Transport | None = None
        self.buffer = b""
        self.peer: Peer | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        host, port = transport.get_extra_info("peername")[:2]
        self.peer = Peer("TCP", host, port)
        self.owner.tcp_connections[(host, port)] = self

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        try:
            messages, self.buffer = frame_stream(self.buffer)
        except SipParseError as exc:
            self.owner.dropped("unframeable TCP stream", f"from {self.peer}: {exc}")
            assert self.transport is not None
            self.transport.close()
            return
        assert self.peer is not None
        for message in messages:
            self.owner.receive(message, self.peer)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.buffer.strip(b"\r\n"):
            self.owner.dropped("truncated TCP message", f"from {self.peer} ({len(self.buffer)} bytes)")
        if self.peer is not None and self.owner.tcp_connections.get((self.peer.host, self.peer.port)) is self:
            del self.owner.tcp_connections[(self.peer.host, self.peer.port)]

    def write(self, data: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(data)


class SipTransport:
    def __init__(self, host: str, port: int, receive: Receiver, dropped: Callable[[str, str], None],
                 tcp: bool = True) -> None:
        self.host = host
        self.port = port
        self.receive = receive
        self.dropped = dropped
        self.tcp_enabled = tcp
        self.udp: asyncio.DatagramTransport | None = None
        self.tcp_server: asyncio.Server | None = None
        self.tcp_connections: dict[tuple[str, int], _TcpConnection] = {}
        self._connecting: dict[tuple[str, int], list[bytes]] = {}
        self._tasks: set[asyncio.Future[None]] = set()

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(lambda: _UdpProtocol(self.receive),
                                                           local_addr=(self.host, self.port))
        self.udp = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:  # bursts of INVITEs must not be lost in the kernel before we read them
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, UDP_BUFFER_BYTES)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, UDP_BUFFER_BYTES)
            except OSError as exc:
                log.warning("cannot enlarge UDP buffers: %s", exc)
        if self.port == 0:
            self.port = transport.get_extra_info("sockname")[1]
        if self.tcp_enabled:
            self.tcp_server = await loop.create_server(lambda: _TcpConnection(self), self.host, self.port,
                                                       reuse_address=True)

    def send(self, data: bytes, peer: Peer) -> None:
        if peer.transport == "UDP":
            if self.udp is not None:
                self.udp.sendto(data, (peer.host, peer.port))
            return
        key = (peer.host, peer.port)
        connection = self.tcp_connections.get(key)
        if connection is not None:
            connection.write(data)
            return
        pending = self._connecting.get(key)
        if pending is not None:
            if sum(map(len, pending)) < MAX_PENDING_TCP_BYTES:
                pending.append(data)
            return
        self._connecting[key] = [data]
        task = asyncio.ensure_future(self._connect(peer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _connect(self, peer: Peer) -> None:
        key = (peer.host, peer.port)
        loop = asyncio.get_running_loop()
        try:
            await asyncio.wait_for(loop.create_connection(lambda: _TcpConnection(self), peer.host, peer.port), 5)
        except (OSError, TimeoutError) as exc:
            log.warning("TCP connect to %s:%d failed: %s", peer.host, peer.port, exc)
            self._connecting.pop(key, None)
            return
        connection = self.tcp_connections.get(key)
        for data in self._connecting.pop(key, []):
            if connection is not None:
                connection.write(data)

    async def stop(self) -> None:
        if self.udp is not None:
            self.udp.close()
        if self.tcp_server is not None:
            self.tcp_server.close()
        for connection in list(self.tcp_connections.values()):
            if connection.transport is not None:
                connection.transport.close()
        if self.tcp_server is not None:
            await self.tcp_server.wait_closed()
