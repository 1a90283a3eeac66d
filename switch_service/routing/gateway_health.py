"""Whether each carrier gateway answers its OPTIONS keep-alive: the live side of `GatewayView.options_up`.

The switch pings every gateway (sip/keepalive.py) and reports each outcome here. A gateway that failed
`failures_to_down` pings in a row (no answer before the timeout, or a 5xx) is down; the first ping it answers with
anything else (a 2xx, or a 4xx such as 405: it is alive) brings it back up. Routing skips a down gateway exactly as
one whose stored `options_up` is False (`CarrierView.usable_gateways`), and a carrier with no usable gateway is
skipped as DOWN ("no gateway up"). `overrides` gives routing only the verdicts that differ from what its views say,
so while nothing changed the router's cached per-route facts serve as they are.

Pure: no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from switch_service.routing.carriers import CarrierView


@dataclass(frozen=True, slots=True)
class GatewayChange:
    """A gateway went down or came back (what the switch logs, stores and publishes)."""

    gateway_id: int
    up: bool
    code: int | None  # the last answer's status; None: no answer
    first: bool = False  # the gateway's first verdict since the switch started (up at its first answer)


def ping_failed(code: int | None) -> bool:
    """A ping that counts against the gateway: no answer at all, or a server failure."""
    return code is None or 500 <= code <= 599


class GatewayHealth:
    def __init__(self, failures_to_down: int = 3) -> None:
        if failures_to_down < 1:
            raise ValueError("failures_to_down must be at least 1")
        self.failures_to_down = failures_to_down
        self._misses: dict[int, int] = {}
        self._up: dict[int, bool] = {}  # the verdicts so far (none before a gateway's first ping outcome)

    def seed(self, gateway_id: int, up: bool | None) -> None:
        """Start from the stored state (`Gateway.options_up`) when the keep-alive has no verdict of its own yet."""
        if up is not None and gateway_id not in self._up:
            self._up[gateway_id] = up

    def record(self, gateway_id: int, code: int | None) -> GatewayChange | None:
        """One ping's outcome (`code` None: no answer in time). Returns the change it made, if any."""
        was = self._up.get(gateway_id)
        if ping_failed(code):
            misses = self._misses.get(gateway_id, 0) + 1
            self._misses[gateway_id] = misses
            if misses >= self.failures_to_down and was is not False:
                self._up[gateway_id] = False
                return GatewayChange(gateway_id, False, code)
            return None
        self._misses.pop(gateway_id, None)
        self._up[gateway_id] = True
        if was is None:  # known up from now on: the store and the carriers page say since when
            return GatewayChange(gateway_id, True, code, first=True)
        return GatewayChange(gateway_id, True, code) if was is False else None

    def is_up(self, gateway_id: int) -> bool | None:
        return self._up.get(gateway_id)

    def forget(self, keep: Iterable[int]) -> None:
        """Drop the gateways that are no longer configured."""
        kept = set(keep)
        for table in (self._misses, self._up):
            for gateway_id in [g for g in table if g not in kept]:
                del table[gateway_id]

    def overrides(self, carriers: Iterable[CarrierView]) -> dict[int, bool]:
        """gateway id → up, for the gateways whose verdict differs from their view's usability."""
        changed: dict[int, bool] = {}
        for carrier in carriers:
            for gateway in carrier.gateways:
                up = self._up.get(gateway.id)
                if up is not None and up != (gateway.options_up is not False):
                    changed[gateway.id] = up
        return changed
