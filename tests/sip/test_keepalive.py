"""The OPTIONS pinger over the switch's real transaction layer and UDP, against a UDP peer on 127.0.0.1 that answers
with a chosen status (or not at all)."""

from __future__ import annotations

import asyncio
from typing import cast

import pytest
from sip_peers import HOST, free_port

from switch_service.sip.controller import StaticRouteController
from switch_service.sip.keepalive import GatewayAddress, KeepAlive
from switch_service.sip.message import SipRequest, make_response, new_tag, parse_message
from switch_service.sip.switch import SipSwitch, SwitchConfig
from switch_service.sip.transactions import Peer, TimerConfig


class Gateway(asyncio.DatagramProtocol):
    """Answers each OPTIONS with `status` (None: stays silent) and remembers what it got."""

    def __init__(self, status: int | None) -> None:
        self.status = status
        self.requests: list[SipRequest] = []
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        request = parse_message(data)
        assert isinstance(request, SipRequest)
        self.requests.append(request)
        if self.status is not None and self.transport is not None:
            self.transport.sendto(make_response(request, self.status, to_tag=new_tag()).to_bytes(), addr)


async def ping_rounds(status: int | None, rounds: int) -> tuple[list[int | None], Gateway, int]:
    """`rounds` keep-alive rounds 0.1 s apart to one gateway; the outcomes reported."""
    loop = asyncio.get_running_loop()
    peer_transport, gateway = await loop.create_datagram_endpoint(lambda: Gateway(status), local_addr=(HOST, 0))
    port = peer_transport.get_extra_info("sockname")[1]
    switch = SipSwitch(StaticRouteController([]), SwitchConfig(host=HOST, port=free_port(), tcp=False,
                                                               flood_limit_per_s=None, timers=TimerConfig(t1=0.05)))
    await switch.start()
    outcomes: list[int | None] = []

    async def gateways() -> list[GatewayAddress]:
        return [GatewayAddress(1, 1, Peer("UDP", HOST, port))]

    assert switch.layer is not None and switch.b2bua is not None
    keepalive = KeepAlive(switch.layer, switch.b2bua.addresses, 0.1, gateways, lambda _g, code: outcomes.append(code))
    keepalive.start()
    try:
        for _ in range(200):
            if len(outcomes) >= rounds:
                break
            await asyncio.sleep(0.02)
    finally:
        keepalive.stop()
        await switch.stop()
        peer_transport.close()
    return outcomes, gateway, port


@pytest.mark.parametrize("status", [200, 503, 405])
def test_each_ping_reports_the_final_answer(status: int) -> None:
    outcomes, gateway, port = asyncio.run(ping_rounds(status, 3))
    assert outcomes[:3] == [status] * 3
    request = gateway.requests[0]
    assert request.method == "OPTIONS" and request.uri == f"sip:{HOST}:{port}"
    assert len({r.call_id for r in gateway.requests}) == len(gateway.requests)  # a new Call-ID per ping


def test_silence_is_reported_as_no_answer_once_per_round() -> None:
    outcomes, gateway, _port = asyncio.run(ping_rounds(None, 3))
    assert outcomes[:3] == [None, None, None]
    # one OPTIONS per round plus its T1 retransmissions within the 0.1 s timeout, never a pile-up
    assert len({r.call_id for r in gateway.requests}) <= len(outcomes) + 1
