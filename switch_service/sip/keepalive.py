"""OPTIONS keep-alive to the carriers' gateways: the pings and their outcomes, nothing else.

Every `interval_s` each gateway the owner lists gets an out-of-dialog OPTIONS of its own (new Call-ID, sent
through the transaction layer, so UDP retransmissions follow T1). The outcome is reported once per ping: the
status of the final answer, or None when none came within `timeout_s` (then the transaction is dropped). A gateway
still owing the previous answer is not pinged again. What an outcome means (down after N failures, back on an
answer) is `routing.gateway_health`; storing, logging and publishing it is the owner's (`SwitchController`).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from switch_service.sip.dialogs import Dialog
from switch_service.sip.local_addresses import LocalAddresses
from switch_service.sip.message import SipResponse, new_tag
from switch_service.sip.transactions import ClientTransaction, Peer, TimerHandle, TransactionLayer

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GatewayAddress:
    gateway_id: int
    carrier_id: int
    peer: Peer


@dataclass
class _Ping:
    tx: ClientTransaction | None = None
    timer: TimerHandle | None = None


Report = Callable[[GatewayAddress, int | None], None]


class KeepAlive:
    def __init__(self, layer: TransactionLayer, addresses: LocalAddresses, interval_s: float,
                 gateways: Callable[[], Awaitable[list[GatewayAddress]]], report: Report, *,
                 timeout_s: float | None = None) -> None:
        if interval_s <= 0:
            raise ValueError("the keep-alive interval must be positive (0 switches the keep-alive off)")
        self.layer = layer
        self.addresses = addresses
        self.interval_s = interval_s
        self.timeout_s = timeout_s if timeout_s is not None else min(interval_s, 64 * layer.config.t1)
        self._gateways = gateways
        self._report = report
        self._pending: dict[int, _Ping] = {}
        self._task: asyncio.Task[None] | None = None
        self.sent = 0

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        for ping in self._pending.values():
            _drop(ping)
        self._pending.clear()

    async def _run(self) -> None:
        while True:
            try:
                for gateway in await self._gateways():
                    self.ping(gateway)
            except Exception:
                log.exception("OPTIONS keep-alive round failed")
            await asyncio.sleep(self.interval_s)

    def ping(self, gateway: GatewayAddress) -> None:
        """One OPTIONS to `gateway`, unless the previous one is still waiting for its answer."""
        if gateway.gateway_id in self._pending:
            return
        peer = gateway.peer
        address = f"sip:{peer.host}:{peer.port}" + ("" if peer.transport == "UDP" else
                                                     f";transport={peer.transport.lower()}")
        local = self.addresses.for_peer(peer.host)
        dialog = Dialog(call_id=f"{secrets.token_hex(10)}@{local.host}", local_tag=new_tag(),
                        local_uri=f"<sip:keepalive@{local.hostport_host}>", remote_uri=f"<{address}>",
                        remote_target=address, peer=peer, local=local, local_cseq=0)
        request = dialog.request("OPTIONS", extra=[("accept", "application/sdp")])
        ping = self._pending[gateway.gateway_id] = _Ping()

        def answered(response: SipResponse) -> None:
            if response.status >= 200:
                self._done(gateway, ping, response.status)

        ping.timer = self.layer.scheduler.call_later(self.timeout_s, lambda: self._done(gateway, ping, None))
        ping.tx = self.layer.start_client(request, peer, on_response=answered,
                                          on_timeout=lambda: self._done(gateway, ping, None))
        self.sent += 1

    def _done(self, gateway: GatewayAddress, ping: _Ping, code: int | None) -> None:
        if self._pending.get(gateway.gateway_id) is not ping:
            return  # reported already (the answer and the timeout raced)
        del self._pending[gateway.gateway_id]
        _drop(ping)
        self._report(gateway, code)


def _drop(ping: _Ping) -> None:
    if ping.timer is not None:
        ping.timer.cancel()
    if ping.tx is not None and ping.tx.state.value in ("trying", "proceeding"):
        ping.tx.terminate()
