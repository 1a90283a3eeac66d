"""The carriers' gateways seen through SIP OPTIONS (sip/keepalive.py) once the switch listens: a gateway down per
routing/gateway_health.py is skipped by routing, its state stored on the gateway row and published on
`gateway_events`; a gateway that answers again closes its carrier's circuit breaker."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from switch_service.call_control.lookups import SwitchData
from switch_service.call_control.snapshot import Snapshot
from switch_service.events import GatewayBus, GatewayEvent, GatewayEventKind
from switch_service.routing.circuit_breaker import CircuitBreaker
from switch_service.routing.gateway_health import GatewayChange, GatewayHealth, ping_failed
from switch_service.sip.keepalive import GatewayAddress, KeepAlive
from switch_service.sip.local_addresses import LocalAddresses
from switch_service.sip.transactions import Peer, TransactionLayer
from switch_service.store.models import Gateway

log = logging.getLogger(__name__)


class GatewayWatch:
    def __init__(self, snapshot: Snapshot, breaker: CircuitBreaker, gateway_events: GatewayBus, *,
                 interval_s: float, failures_to_down: int, clock: Callable[[], dt.datetime],
                 spawn: Callable[[Any], asyncio.Future[Any]]) -> None:
        self.snapshot = snapshot
        self.breaker = breaker
        self.gateway_events = gateway_events
        self.interval_s = interval_s
        self.clock = clock
        self._spawn = spawn
        self.gateway_health = GatewayHealth(failures_to_down)
        self.keepalive: KeepAlive | None = None
        self._gateways_up: tuple[SwitchData | None, dict[int, bool]] = (None, {})

    def start(self, layer: TransactionLayer, addresses: LocalAddresses) -> None:
        """The OPTIONS keep-alive to the carriers' gateways (unless it is off)."""
        if self.interval_s > 0 and self.keepalive is None:
            self.keepalive = KeepAlive(layer, addresses, self.interval_s, self._gateways, self._answered)
            self.keepalive.start()

    def stop(self) -> None:
        if self.keepalive is not None:
            self.keepalive.stop()
            self.keepalive = None

    async def _gateways(self) -> list[GatewayAddress]:
        """Every enabled gateway of every enabled carrier, seeded with its stored OPTIONS state."""
        data = await self.snapshot.data()
        gateways = []
        for carrier in data.router.carriers.values():
            for gateway in carrier.gateways:
                if carrier.enabled and gateway.enabled:
                    self.gateway_health.seed(gateway.id, gateway.options_up)
                    gateways.append(GatewayAddress(gateway.id, carrier.id,
                                                   Peer(gateway.transport.upper(), gateway.host, gateway.port)))
        self.gateway_health.forget(g.gateway_id for g in gateways)
        return gateways

    def _answered(self, gateway: GatewayAddress, code: int | None) -> None:
        if not ping_failed(code) and self.breaker.options_up(gateway.carrier_id):
            log.warning("carrier %d answers OPTIONS again: its circuit breaker is closed", gateway.carrier_id)
        change = self.gateway_health.record(gateway.gateway_id, code)
        if change is None:
            return
        self._gateways_up = (None, {})  # recomputed at the next call
        peer = gateway.peer
        address = f"{peer.host}:{peer.port}/{peer.transport}"
        if change.first:
            log.info("gateway %d (%s) of carrier %d answers OPTIONS (%s)", gateway.gateway_id, address,
                     gateway.carrier_id, code)
        elif change.up:
            log.warning("gateway %d (%s) of carrier %d answers OPTIONS again (%s): back in routing",
                        gateway.gateway_id, address, gateway.carrier_id, code)
        else:
            log.warning("gateway %d (%s) of carrier %d is down: %d OPTIONS in a row %s; routing skips it",
                        gateway.gateway_id, address, gateway.carrier_id, self.gateway_health.failures_to_down,
                        "unanswered" if code is None else f"failed, the last with {code}")
        at = self.clock()
        self.gateway_events.publish(GatewayEvent(GatewayEventKind.UP if change.up else GatewayEventKind.DOWN,
                                                 gateway.carrier_id, gateway.gateway_id, address, code, at))
        self._spawn(self._store(change, at))

    async def _store(self, change: GatewayChange, at: dt.datetime) -> None:
        """The gateway row keeps the verdict (the API shows it; a restart starts from it)."""
        def write(session: Session) -> None:
            with session.begin():
                session.execute(update(Gateway).where(Gateway.id == change.gateway_id)
                                .values(options_up=change.up, options_checked_at=at))
        try:
            await self.snapshot.in_db(write)
        except Exception:
            log.exception("could not store the OPTIONS state of gateway %d", change.gateway_id)

    def overrides(self, data: SwitchData) -> dict[int, bool]:
        """The keep-alive's verdicts that differ from the snapshot's views (usually none), for routing."""
        computed_for, overrides = self._gateways_up
        if computed_for is not data:
            overrides = self.gateway_health.overrides(data.router.carriers.values())
            self._gateways_up = (data, overrides)
        return overrides
