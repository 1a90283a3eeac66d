"""Which answers from a carrier move the call to the next route.

The rule (ARCHITECTURE "A call, step by step", ASTPP #419, MagnusBilling #558):
- Fail over on no response at all (timeout, `None`), 408 Request Timeout, any 5xx (500, 502, 503, 504, ... 599),
  and the extra codes a carrier is configured to treat as failures (`Carrier.failover_codes`).
- NEVER fail over on an answer about the callee: 404 Not Found, 480 Temporarily Unavailable, 486 Busy Here,
  487 Request Terminated (the caller cancelled), nor on any 6xx global failure (600 Busy Everywhere, 603 Decline,
  604, 606). These end the call even when a carrier lists them as failures: retrying a busy callee on every
  carrier rings them again and again and bills attempts for nothing.
- Anything else (other 4xx, 3xx) ends the call unless the carrier lists it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from switch_service.routing.results import Route

NEVER_FAIL_OVER = frozenset({404, 480, 486, 487, 600, 603, 604, 606})


def parse_failover_codes(text: str) -> frozenset[int]:
    """"403, 484" -> {403, 484}; raises ValueError naming a code that is not a SIP status (300-699)."""
    codes: set[int] = set()
    for raw in text.replace(";", ",").split(","):
        part = raw.strip()
        if not part:
            continue
        if not part.isdigit() or not 300 <= int(part) <= 699:
            raise ValueError(f"not a SIP failure code: {part!r}")
        codes.add(int(part))
    return frozenset(codes)


def should_fail_over(code: int | None, carrier_codes: Iterable[int] = ()) -> bool:
    """Whether a final answer `code` (None = no response) from a carrier moves the call to the next route."""
    if code is None:
        return True
    if code in NEVER_FAIL_OVER or 600 <= code <= 699:
        return False
    if code == 408 or 500 <= code <= 599:
        return True
    return code in frozenset(carrier_codes)


def route_fails_over(route: Route, code: int | None) -> bool:
    """`should_fail_over` with the route's carrier's own extra codes."""
    return should_fail_over(code, route.carrier.failover_codes)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try of one route: its final SIP code (None = no response) and whether it answered (2xx)."""

    route: Route
    code: int | None

    @property
    def answered(self) -> bool:
        return self.code is not None and 200 <= self.code <= 299


def billing_route(attempts: Sequence[Attempt]) -> Route | None:
    """The route that carried the call — the answered attempt — whose buy rate the CDR is costed at; None when
    no attempt was answered. Never the first route tried (ASTPP #523 billed failover at the primary's price)."""
    for attempt in reversed(attempts):
        if attempt.answered:
            return attempt.route
    return None


def billing_carrier(attempts: Sequence[Attempt]) -> int | None:
    """The id of the carrier that carried the call (see `billing_route`)."""
    route = billing_route(attempts)
    return route.carrier.id if route is not None else None
