"""The hand-off to routing: the account's dial plan, the sell rate, the carriers' loads, open circuit breakers
and gateways down give routing/ what it needs; its routes come back as the B2BUA's targets (targets.py). SIP
answers: 403 destination blocked by the dial plan, 404 no route for the number, 503 no dial plan or no carrier."""

from __future__ import annotations

import datetime as dt
import logging
import re

from switch_service.billing.rates import Rate
from switch_service.call_control.admission import Admission
from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.gateway_health import GatewayWatch
from switch_service.call_control.lookups import SwitchData
from switch_service.call_control.snapshot import Snapshot
from switch_service.call_control.targets import routes_to_targets
from switch_service.routing.circuit_breaker import CircuitBreaker
from switch_service.routing.results import Outcome
from switch_service.routing.router import RoutingState
from switch_service.sip.controller import InboundCall, Reject, Target

log = logging.getLogger(__name__)

_STATIC_PT = {"0": "PCMU", "3": "GSM", "8": "PCMA", "9": "G722", "18": "G729"}


def sdp_codecs(sdp: bytes) -> list[str]:
    """Codec names of the first audio stream, in the offered order."""
    text = sdp.decode("utf-8", "replace")
    match = re.search(r"^m=audio \d+(?:/\d+)? \S+ ([\d ]+)", text, flags=re.MULTILINE)
    if match is None:
        return []
    names = {pt: name.upper() for pt, name in re.findall(r"^a=rtpmap:(\d+) ([^/\s]+)", text, flags=re.MULTILINE)}
    return [names.get(pt) or _STATIC_PT.get(pt, pt) for pt in match.group(1).split()]


class RoutingHandoff:
    def __init__(self, snapshot: Snapshot, admission: Admission, breaker: CircuitBreaker, gateways: GatewayWatch,
                 config: ControllerConfig) -> None:
        self.snapshot = snapshot
        self.admission = admission
        self.breaker = breaker
        self.gateways = gateways
        self.config = config

    async def sell_rate(self, info: CallInfo, tariff_id: int | None, number: str, at: dt.datetime) -> Rate | None:
        """The account's sell rate (routing never routes at a loss); the call's rate when the AAA server did not
        say (a third-party one)."""
        rate = await self.snapshot.sell_rate(tariff_id, number, at)
        if info.sell_rate is None:
            info.sell_rate = rate.price_per_minute if rate is not None else None
            info.destination_name = rate.destination if rate is not None else None
        return rate

    async def targets(self, info: CallInfo, call: InboundCall, number: str, at: dt.datetime, rate: Rate | None,
                      *, dial_plan_id: int | None) -> list[Target] | Reject:
        """The carriers' gateways to try, in order (kept on `info` to find them again), or the refusal."""
        data = await self.snapshot.data()
        plan = data.dial_plans.get(dial_plan_id) if dial_plan_id is not None else None
        if plan is None:
            log.warning("call %s: no dial plan (account %s)", info.call_id, info.account_id)
            return Reject(503, "No Dial Plan")
        codecs = [c for c in sdp_codecs(call.sdp) if c != "TELEPHONE-EVENT"] or None
        try:
            result = data.router.route(number, at, rate, plan, self.state(data), codecs=codecs)
        except ValueError:  # the buy index was built for another rate period
            await self.snapshot.reload(routing=True)
            data = await self.snapshot.data()
            result = data.router.route(number, at, rate, data.dial_plans[plan.id], self.state(data), codecs=codecs)
        if result.outcome is Outcome.BLOCKED:
            return Reject(403, "Destination Blocked")
        if result.outcome is Outcome.NO_ROUTE:
            return Reject(404, "No Route")
        targets, by_ref = routes_to_targets(result.routes, max_targets=self.config.max_targets)
        if not targets:
            return Reject(503, "No Carrier Available")
        info.targets = by_ref
        info.target_order = [t.carrier_ref for t in targets]
        return targets

    def state(self, data: SwitchData) -> RoutingState:
        """What routing must know of now: the carriers' loads, open breakers, gateways the keep-alive saw down."""
        loads = self.admission.carrier_loads(list(data.router.carriers), self.snapshot.minutes)
        return RoutingState(loads=loads, down=self.breaker.down_carriers(), rng=self.config.rng,
                            gateways_up=self.gateways.overrides(data))
