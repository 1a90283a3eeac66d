"""The switch's one RADIUS client: a lost request is sent again as the same datagram, `retries` sends in all, on
the event loop and from blocking callers alike."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import pytest
from pyrad import packet

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.client import RadiusClient, RadiusTimeoutError
from switch_service.aaa.messages import AuthDecision, AuthRequest, decode_request, encode_auth_reply
from tests.aaa.conftest import SECRET


class _LossyServer:
    """Drops the first `drop` datagrams it gets, answers the rest with an Access-Accept; keeps what it got."""

    def __init__(self, drop: int) -> None:
        self.drop = drop
        self.received: list[bytes] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = int(self.sock.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, source = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            self.received.append(data)
            if len(self.received) > self.drop:
                request = decode_request(data, SECRET, expected_code=packet.AccessRequest,
                                         require_message_authenticator=True)
                self.sock.sendto(encode_auth_reply(request, AuthDecision(ReturnCode.OK, credit_time=90)), source)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def lossy() -> Iterator[_LossyServer]:
    server = _LossyServer(drop=1)
    yield server
    server.close()


def _client(port: int, retries: int) -> RadiusClient:
    return RadiusClient("127.0.0.1", SECRET, auth_port=port, acct_port=port, timeout=0.2, retries=retries)


def test_a_lost_request_is_sent_again_as_the_same_datagram(lossy: _LossyServer) -> None:
    decision = _client(lossy.port, 2).authorize(AuthRequest("15551230001", call_id="a@sw"))
    assert decision.accepted and decision.credit_time == 90
    assert len(lossy.received) == 2 and lossy.received[0] == lossy.received[1]  # RFC 5080 2.2.2


def test_on_the_event_loop_too(lossy: _LossyServer) -> None:
    async def ask() -> AuthDecision:
        client = _client(lossy.port, 2)
        try:
            return await client.authorize_async(AuthRequest("15551230001", call_id="b@sw"))
        finally:
            client.close()

    assert asyncio.run(ask()).accepted
    assert len(lossy.received) == 2 and lossy.received[0] == lossy.received[1]


def test_retries_counts_every_send() -> None:
    silent = _LossyServer(drop=10)
    try:
        with pytest.raises(RadiusTimeoutError, match="after 3 tries"):
            _client(silent.port, 3).authorize(AuthRequest("15551230001"))
        assert len(silent.received) == 3
    finally:
        silent.close()
