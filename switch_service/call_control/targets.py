"""Routing's answer as the B2BUA's targets: every usable gateway of every route, in order.

A target's `carrier_ref` is `"<carrier id>:<gateway id>"`, which is all the controller needs to find the route
back when the B2BUA reports an attempt or an answer (`parse_ref`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from switch_service.routing.results import Route
from switch_service.sip.controller import Target


@dataclass(frozen=True, slots=True)
class TargetInfo:
    route: Route
    carrier_id: int
    gateway_id: int


def carrier_ref(carrier_id: int, gateway_id: int) -> str:
    return f"{carrier_id}:{gateway_id}"


def parse_ref(ref: str) -> tuple[int, int] | None:
    carrier, sep, gateway = ref.partition(":")
    if not sep or not carrier.isdigit() or not gateway.isdigit():
        return None
    return int(carrier), int(gateway)


def routes_to_targets(routes: Iterable[Route], *, max_targets: int = 16) -> tuple[list[Target], dict[str, TargetInfo]]:
    """Targets in routing order (each route's gateways heaviest first), at most `max_targets` of them."""
    targets: list[Target] = []
    info: dict[str, TargetInfo] = {}
    for route in routes:
        carrier = route.carrier
        for gateway in route.gateways:
            if len(targets) >= max_targets:
                return targets, info
            ref = carrier_ref(carrier.id, gateway.id)
            targets.append(Target(gateway.host, gateway.port, gateway.transport.upper(), route.number, ref,
                                  carrier.failover_codes))
            info[ref] = TargetInfo(route, carrier.id, gateway.id)
    return targets, info
