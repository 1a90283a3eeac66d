"""The real call control: DIDs, ANIs and trunks → RADIUS authorisation → routing → attempt CDRs and accounting.

`SwitchController` implements the B2BUA's `CallController` (and `HandoffController` for the IVR). It runs on the
switch's event loop and never blocks it: RADIUS requests run in a thread pool of their own, database work
(snapshot reloads, sell-rate look-ups, attempt rows) in a small one. Decisions are made on in-memory snapshots
(`lookups.SwitchData`) that are swapped when the store changes.

A call, by what the request-URI user (normalised to E.164 digits) is:
- a forward DID: Access-Request for the DID's account (`account-id=`), Called-Station-Id = the forward number;
- an access number: the caller's ANI (P-Asserted-Identity, else From). A known ANI with a stored destination is
  authorised at once (Called-Station-Id left out, the destination comes back as h323-redirect-number); any other
  caller goes to the IVR media endpoint when one is configured, and is refused with 480 (Warning: no IVR) when not;
- a trunk DID: delivered to the trunk's address (its source IP, port 5060; a digest trunk: where its live REGISTER
  binding points, registrar.py; none: 480), billed to the DID's account;
- anything else from a customer trunk's source IP (auth=ip): destination = the request-URI user, billed to the
  trunk's account, within the trunk's channel and CPS limits;
- anything else, when digest trunks exist: 407 challenge; the INVITE with Proxy-Authorization of a digest trunk's
  user name goes on as a trunk call, the digest checked by the AAA server (digest.py; no REGISTER needed to call);
- anything else: 404.

SIP answers chosen by the switch (see `REJECT_SIP` for the RADIUS return codes):
- 480 + Warning "no IVR media endpoint is configured": access number, caller unknown or without a destination;
- 480 + Warning "trunk not registered": a digest trunk's DID while the trunk has no live registration;
- 486 "Too Many Calls": the account's concurrent-call limit (the account is busy, like RADIUS code 3);
- 503 (+ Retry-After: 1): account or trunk CPS limit, trunk channel limit, RADIUS unreachable, no carrier usable;
- 403: destination blocked by the dial plan; 404: the dial plan has no route for the number; 503: no dial plan.

Beside the calls: REGISTER of digest trunks (`register`, registrar.py; bindings in memory), the OPTIONS keep-alive
to every carrier gateway once the switch is attached (`attach`, keepalive.py; a gateway down per
routing/gateway_health.py is skipped by routing, its state stored on the gateway row and published on
`gateway_events`), and an Accounting Interim-Update per answered call every `interim_interval_s`.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import datetime as dt
import logging
import random
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Engine, bindparam, update
from sqlalchemy.orm import Session

from switch_service.aaa import slices
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.client import RadiusClient, RadiusTimeoutError
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthDecision, AuthRequest, DigestCredentials
from switch_service.billing.rates import Rate
from switch_service.call_control.aaa_link import AvPairs, SwitchRadius
from switch_service.call_control.call_outcome import CallOutcome, outcome
from switch_service.call_control.digest import DigestChallenger, parse_digest
from switch_service.call_control.lookups import (
    AccountEntry,
    AniEntry,
    DidEntry,
    SwitchData,
    find_account,
    find_ani,
    load_switch_data,
)
from switch_service.call_control.lookups import change_signature as data_signature
from switch_service.call_control.radius_async import AsyncRadius
from switch_service.call_control.registrar import Registrar, RegistrarConfig
from switch_service.call_control.targets import TargetInfo, routes_to_targets
from switch_service.config.settings import Settings
from switch_service.drop_log import DropLog
from switch_service.errors import UserError
from switch_service.events import CallEvent, CallEventKind, EventBus, GatewayBus, GatewayEvent, GatewayEventKind
from switch_service.phone_numbers import normalise_number, stored_number
from switch_service.routing.caps import CarrierLoad
from switch_service.routing.circuit_breaker import CircuitBreaker
from switch_service.routing.gateway_health import GatewayChange, GatewayHealth, ping_failed
from switch_service.routing.results import Outcome
from switch_service.routing.router import RoutingState
from switch_service.security import sip_digest
from switch_service.sip import dialog_state
from switch_service.sip.b2bua import is_failover_code
from switch_service.sip.controller import (
    Decision,
    EndCause,
    Handoff,
    HangupBy,
    InboundCall,
    Reject,
    Routes,
    Target,
)
from switch_service.sip.dialogs import Dialog
from switch_service.sip.keepalive import GatewayAddress, KeepAlive
from switch_service.sip.local_addresses import LocalAddresses
from switch_service.sip.loopback import TestCaller
from switch_service.sip.message import SipRequest, SipResponse
from switch_service.sip.transactions import Peer, TransactionLayer
from switch_service.store.models import Gateway, LiveCall
from switch_service.store.models.enums import CdrKind, DidKind, TrunkAuth
from switch_service.store.repositories.cdrs import AttemptRecord, attempt_result, result_for_cause, write_attempts
from switch_service.store.repositories.routing import CarrierMinutes, minutes_used, sell_rate

log = logging.getLogger(__name__)

IVR_REF = "ivr"
MAX_PENDING_ROWS = 100_000  # CDR rows waiting for the database (a flood of refused INVITEs, a stalled database)
_LIVE = LiveCall.metadata.tables[LiveCall.__tablename__]
_KEEP_DIALOGS = update(_LIVE).where(_LIVE.c.call_id == bindparam("b_key")).values(sip_dialogs=bindparam("b_state"))
NO_IVR_CODE = 480
T = TypeVar("T")

REJECT_SIP: dict[ReturnCode, tuple[int, str]] = {
    ReturnCode.INVALID_ACCOUNT: (403, "Invalid Account"),
    ReturnCode.INVALID_PIN: (403, "Invalid PIN"),
    ReturnCode.INVALID_CARD: (403, "Invalid Card"),
    ReturnCode.ZERO_BALANCE: (402, "Zero Balance"),
    ReturnCode.INSUFFICIENT_BALANCE: (402, "Insufficient Balance"),
    ReturnCode.CREDIT_LIMIT: (402, "Credit Limit Reached"),
    ReturnCode.EXPIRED: (403, "Account Expired"),
    ReturnCode.DENIED: (403, "Denied"),
    ReturnCode.BLOCKED_NUMBER: (403, "Destination Blocked"),
    ReturnCode.IN_USE: (486, "Account In Use"),
    ReturnCode.INVALID_ARGUMENT: (484, "Address Incomplete"),
    ReturnCode.UNAVAILABLE: (503, "Authorisation Unavailable"),
    ReturnCode.RETRIES_EXCEEDED: (403, "Retries Exceeded"),
    ReturnCode.TOLL_FREE: (403, "Toll-Free Not Allowed"),
}


def reject_for(code: ReturnCode) -> Reject:
    """The SIP refusal of a RADIUS Access-Reject (a Warning names the h323-return-code)."""
    sip_code, reason = REJECT_SIP.get(code, (403, "Denied"))
    return Reject(sip_code, reason, (("warning", f'399 carrierdesk "h323-return-code={int(code)}"'),))


_STATIC_PT = {"0": "PCMU", "3": "GSM", "8": "PCMA", "9": "G722", "18": "G729"}


def sdp_codecs(sdp: bytes) -> list[str]:
    """Codec names of the first audio stream, in the offered order."""
    text = sdp.decode("utf-8", "replace")
    match = re.search(r"^m=audio \d+(?:/\d+)? \S+ ([\d ]+)", text, flags=re.MULTILINE)
    if match is None:
        return []
    names = {pt: name.upper() for pt, name in re.findall(r"^a=rtpmap:(\d+) ([^/\s]+)", text, flags=re.MULTILINE)}
    return [names.get(pt) or _STATIC_PT.get(pt, pt) for pt in match.group(1).split()]


class _PerSecond:
    """Events per key in the last second (CPS limits)."""

    def __init__(self) -> None:
        self._times: dict[int, collections.deque[float]] = {}

    def count(self, key: int, now: float) -> int:
        times = self._times.get(key)
        if not times:
            return 0
        while times and times[0] <= now - 1.0:
            times.popleft()
        return len(times)

    def add(self, key: int, now: float) -> None:
        self._times.setdefault(key, collections.deque()).append(now)


@dataclass
class ControllerConfig:
    ivr: str | None = None  # "host:port[/transport]" of the IVR media endpoint; None: no IVR
    default_region: str = "US"
    check_interval_s: float = 1.0  # how often the store is asked whether it changed
    minutes_refresh_s: float = 30.0  # carriers' minutes (caps) from the CDRs
    time_zone: str = "UTC"  # of the carriers' daily/monthly caps
    radius_async: bool = True  # RADIUS on the event loop (radius_async.py); False: RadiusClient in threads
    radius_threads: int = 64
    max_pending_auth: int = 64  # Access-Requests under way at once; beyond: 503 at once (load shedding)
    acct_retry_s: float = 120.0  # how long an unacknowledged Accounting request is sent again
    max_targets: int = 16
    digest_realm: str = sip_digest.REALM  # the realm of the digest trunks' HA1
    registrar: RegistrarConfig = field(default_factory=RegistrarConfig)
    keepalive_interval_s: float = 30.0  # OPTIONS to every carrier gateway; 0: off
    keepalive_failures: int = 3  # pings failed in a row (no answer, 5xx) that take a gateway down
    interim_interval_s: float = 60.0  # Accounting Interim-Update of each answered call; 0: off
    rng: random.Random = field(default_factory=random.Random)

    @classmethod
    def from_settings(cls, settings: Settings) -> ControllerConfig:
        """The service's switch options (config/settings.py); a bad combination is a UserError naming it."""
        try:
            registrar = RegistrarConfig(min_expires_s=int(settings["sip_register_min_expires_s"]),
                                        max_expires_s=int(settings["sip_register_max_expires_s"]))
        except ValueError as exc:
            raise UserError(f"sip_register_min_expires_s / sip_register_max_expires_s: {exc}") from None
        if int(settings["sip_keepalive_failures"]) < 1:
            raise UserError("sip_keepalive_failures must be at least 1")
        if int(settings["credit_slice_s"]) < 1:
            raise UserError("credit_slice_s must be at least 1")
        return cls(default_region=str(settings["default_region"]), time_zone=str(settings["time_zone"]),
                   registrar=registrar, keepalive_interval_s=max(0, int(settings["sip_keepalive_interval_s"])),
                   keepalive_failures=int(settings["sip_keepalive_failures"]),
                   interim_interval_s=max(0, int(settings["sip_interim_interval_s"])))


@dataclass
class CallInfo:
    """What the controller knows of one call (keyed by the B2BUA's switch_ref)."""

    key: str
    call_id: str
    conf_id: str
    caller: str
    source_host: str
    setup_at: dt.datetime
    did: str | None = None
    destination: str = ""
    account_id: int | None = None
    trunk_id: int | None = None
    ivr: bool = False
    authorised: bool = False
    credit_time: int | None = None
    sell_rate: Decimal | None = None  # per minute, in the band the call starts in (the AAA server's `rate=`)
    destination_name: str | None = None  # as rated (the AAA server's `destination=`)
    targets: dict[str, TargetInfo] = field(default_factory=dict)
    target_order: list[str] = field(default_factory=list)
    attempts: int = 0
    attempt_started: dt.datetime | None = None
    last_code: int = 0
    holding_carrier: int | None = None
    answered: TargetInfo | None = None
    answered_at: dt.datetime | None = None
    last_tried: TargetInfo | None = None  # the carrier tried last: an unanswered call's row names it
    refusal: Reject | None = None  # what the switch answered when it refused the call
    hangup_by: HangupBy = HangupBy.SWITCH
    end_cause: EndCause | None = None
    dialled: str = ""  # the request-URI's number, normalised
    authorising: bool = False  # an Access-Request is under way
    recorded: bool = False  # the switch wrote the call's row itself (no Stop will come)
    challenged: bool = False  # answered 407: not an attempt yet
    dialogs: str | None = None  # both legs' dialogs as JSON (sip/dialog_state.py), kept with the live call
    dialogs_wait_for_start: bool = False
    codec: str | None = None
    counted_account: bool = False
    counted_trunk: bool = False
    ended: bool = False
    stopped: bool = False
    start_sent: asyncio.Future[None] | None = None
    interim: asyncio.TimerHandle | None = None


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SwitchController:
    """The switch's `CallController`: see the module docstring for the flows and SIP codes."""

    name = "switch"

    def __init__(self, engine: Engine, radius: RadiusClient, config: ControllerConfig | None = None, *,
                 events: EventBus | None = None, gateway_events: GatewayBus | None = None,
                 breaker: CircuitBreaker | None = None, clock: Callable[[], dt.datetime] = _utcnow) -> None:
        self.engine = engine
        self.radius = SwitchRadius(radius)
        self.aio_radius = AsyncRadius(radius)
        self.config = config or ControllerConfig()
        self.events = events or EventBus()
        self.breaker = breaker or CircuitBreaker()
        self.clock = clock
        self.ivr_target = _parse_address(self.config.ivr) if self.config.ivr else None
        self.digest = DigestChallenger(self.config.digest_realm)
        self.registrar = Registrar(self.digest, self.config.registrar)
        self.gateway_health = GatewayHealth(self.config.keepalive_failures)
        self.gateway_events = gateway_events or GatewayBus()
        self.keepalive: KeepAlive | None = None
        self.test_caller: TestCaller | None = None  # the service's own caller (loopback.py): its calls are billed
        self._gateways_up: tuple[SwitchData | None, dict[int, bool]] = (None, {})
        self._radius_pool = concurrent.futures.ThreadPoolExecutor(self.config.radius_threads, "switch-radius")
        self._db_pool = concurrent.futures.ThreadPoolExecutor(2, "switch-db")
        self._data: SwitchData | None = None
        self._data_lock: asyncio.Lock | None = None
        self._last_check = 0.0
        self._refreshing: asyncio.Task[None] | None = None
        self._watcher: asyncio.Future[None] | None = None
        self._minutes: dict[int, CarrierMinutes] = {}
        self._minutes_at = -1e9
        self._sell_cache: collections.OrderedDict[tuple[int, str], Rate | None] = collections.OrderedDict()
        self.calls: dict[str, CallInfo] = {}
        self.account_calls: collections.Counter[int] = collections.Counter()
        self.trunk_calls: collections.Counter[int] = collections.Counter()
        self.carrier_calls: collections.Counter[int] = collections.Counter()
        self._account_cps = _PerSecond()
        self._trunk_cps = _PerSecond()
        self._carrier_cps = _PerSecond()
        self._tasks: set[asyncio.Future[Any]] = set()
        self._pending_attempts: list[AttemptRecord] = []
        self._pending_dialogs: dict[str, str] = {}
        self._flush_scheduled = False
        self.pending_auth = 0
        self.shed = 0
        self._attempt_lock = threading.Lock()
        self._lost_log = DropLog(log)
        self.errors = 0
        self.rows_lost = 0  # attempt and refused-call rows dropped because the database fell too far behind
        self.strangers = 0  # INVITEs refused that were nobody's (not recorded, see _record_unauthorised)

    # -- data --------------------------------------------------------------------------------------------------
    async def _in_db(self, fn: Callable[[Session], T]) -> T:
        def run() -> T:
            with Session(self.engine) as session:
                return fn(session)
        return await asyncio.get_running_loop().run_in_executor(self._db_pool, run)

    async def data(self) -> SwitchData:
        """The current snapshot; loaded on first use, checked for changes every `check_interval_s` (by the watcher
        once the switch listens, and here when a call comes after a longer pause)."""
        if self._data is None:
            await self.reload()
        now = time.monotonic()
        if now - self._last_check >= self.config.check_interval_s and self._refreshing is None:
            self._last_check = now
            self._refreshing = asyncio.ensure_future(self._refresh())
        if now - self._minutes_at >= self.config.minutes_refresh_s:
            self._minutes_at = now
            self._spawn(self._refresh_minutes())
        assert self._data is not None
        return self._data

    async def reload(self, *, routing: bool = False) -> None:
        """Rebuild the snapshot from the store now; the router only if routing data changed, or with `routing`."""
        if self._data_lock is None:
            self._data_lock = asyncio.Lock()
        async with self._data_lock:
            at = self.clock()
            previous = None if routing else self._data
            self._data = await self._in_db(lambda session: load_switch_data(session, at, previous))
            self._sell_cache.clear()
            self._last_check = time.monotonic()

    async def _watch(self) -> None:
        """While the switch listens: look for changes every `check_interval_s`, calls or not."""
        while True:
            await asyncio.sleep(self.config.check_interval_s)
            if self._refreshing is None:
                self._last_check = time.monotonic()
                self._refreshing = refreshing = asyncio.ensure_future(self._refresh())
                await asyncio.wait([refreshing])

    async def _ani(self, data: SwitchData, number: str) -> AniEntry | None:
        """The caller number from the snapshot, else from the store (registered since the snapshot was built)."""
        if not number:
            return None
        return data.anis.get(number) or await self._in_db(lambda session: find_ani(session, number))

    async def _account_entry(self, data: SwitchData, account_id: int | None) -> AccountEntry | None:
        """The account from the snapshot, else from the store (created since the snapshot was built)."""
        if account_id is None:
            return None
        return data.accounts.get(account_id) or await self._in_db(lambda session: find_account(session, account_id))

    async def _refresh(self) -> None:
        try:
            signature = await self._in_db(data_signature)
            if self._data is None or signature != self._data.signature:
                await self.reload()
        except Exception:
            log.exception("could not check the store for changes")
        finally:
            self._refreshing = None

    async def _refresh_minutes(self) -> None:
        at, tz = self.clock(), self.config.time_zone
        try:
            self._minutes = await self._in_db(lambda session: minutes_used(session, at, tz))
        except Exception:
            log.exception("could not load the carriers' minutes")

    async def _sell_rate(self, tariff_id: int | None, number: str, at: dt.datetime) -> Rate | None:
        if tariff_id is None:
            return None
        key = (tariff_id, number)
        if key in self._sell_cache:
            self._sell_cache.move_to_end(key)
            return self._sell_cache[key]
        rate = await self._in_db(lambda session: sell_rate(session, tariff_id, number, at))
        self._sell_cache[key] = rate
        if len(self._sell_cache) > 20_000:
            self._sell_cache.popitem(last=False)
        return rate

    def _spawn(self, coro: Any) -> asyncio.Future[Any]:
        task: asyncio.Future[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # -- registrar and gateway keep-alive -----------------------------------------------------------------------
    async def register(self, request: SipRequest, source: Peer) -> SipResponse:
        """A REGISTER (B2BUA `RegistrarController`): digest trunks' bindings, checked on the current snapshot."""
        data = await self.data()
        return self.registrar.register(request, source, data.trunks_by_user)

    def attach(self, layer: TransactionLayer, addresses: LocalAddresses) -> None:
        """The switch is listening: watch the store for changes, and start the OPTIONS keep-alive to the carriers'
        gateways (unless it is off)."""
        if self._watcher is None:
            self._watcher = asyncio.ensure_future(self._watch())
        if self.config.keepalive_interval_s > 0 and self.keepalive is None:
            self.keepalive = KeepAlive(layer, addresses, self.config.keepalive_interval_s, self._keepalive_gateways,
                                       self._gateway_answered)
            self.keepalive.start()

    async def _keepalive_gateways(self) -> list[GatewayAddress]:
        """Every enabled gateway of every enabled carrier, seeded with its stored OPTIONS state."""
        data = await self.data()
        gateways = []
        for carrier in data.router.carriers.values():
            for gateway in carrier.gateways:
                if carrier.enabled and gateway.enabled:
                    self.gateway_health.seed(gateway.id, gateway.options_up)
                    gateways.append(GatewayAddress(gateway.id, carrier.id,
                                                   Peer(gateway.transport.upper(), gateway.host, gateway.port)))
        self.gateway_health.forget(g.gateway_id for g in gateways)
        return gateways

    def _gateway_answered(self, gateway: GatewayAddress, code: int | None) -> None:
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
        self._spawn(self._store_gateway(change, at))

    async def _store_gateway(self, change: GatewayChange, at: dt.datetime) -> None:
        """The gateway row keeps the verdict (the API shows it; a restart starts from it)."""
        def write(session: Session) -> None:
            with session.begin():
                session.execute(update(Gateway).where(Gateway.id == change.gateway_id)
                                .values(options_up=change.up, options_checked_at=at))
        try:
            await self._in_db(write)
        except Exception:
            log.exception("could not store the OPTIONS state of gateway %d", change.gateway_id)

    def _gateway_overrides(self, data: SwitchData) -> dict[int, bool]:
        """The keep-alive's verdicts that differ from the snapshot's views (usually none), for routing."""
        computed_for, overrides = self._gateways_up
        if computed_for is not data:
            overrides = self.gateway_health.overrides(data.router.carriers.values())
            self._gateways_up = (data, overrides)
        return overrides

    # -- CallController ----------------------------------------------------------------------------------------
    async def route(self, call: InboundCall) -> Decision:
        presented = call.pai_user or call.from_user
        info = CallInfo(key=call.switch_ref or call.call_id, call_id=call.call_id, conf_id=secrets.token_hex(16),
                        # a caller who is no number (a SIP user name) is shown by that name rather than not at all
                        caller=normalise_number(presented, self.config.default_region) or presented[:64],
                        source_host=call.source_host, setup_at=self.clock())
        self.calls[info.key] = info
        try:
            return self._refused(info, await self._route(info, call))
        except Exception:
            self.errors += 1
            log.exception("routing %s failed", call.call_id)
            return self._after_auth_reject(info, Reject(500, "Server Internal Error"))

    async def _route(self, info: CallInfo, call: InboundCall) -> Decision:
        data = await self.data()
        region = self.config.default_region
        test = self.test_caller.claim(call) if self.test_caller is not None else None
        if test is not None:  # billed to the account it names, as a forward DID's call is
            return await self._authorise(info, call, normalise_number(test.number, region), test.account_id, None)
        dialled = info.dialled = normalise_number(call.did, region)
        did = data.dids.get(dialled)
        if did is not None:
            info.did = dialled
            if did.kind is DidKind.FORWARD:
                if not did.forward_to or did.account_id is None:
                    return Reject(404, "DID Not Configured")
                return await self._authorise(info, call, did.forward_to, did.account_id, did)
            if did.kind is DidKind.ACCESS_NUMBER:
                return await self._access_number(info, call, did, await self._ani(data, info.caller))
            trunk = data.trunks.get(did.trunk_id) if did.trunk_id is not None else None
            if trunk is None or did.account_id is None:
                return Reject(404, "DID Not Configured")
            if trunk.auth is TrunkAuth.DIGEST:
                binding = self.registrar.binding(trunk.id)
                if binding is None:
                    return Reject(480, "Temporarily Unavailable",
                                  (("warning", '399 carrierdesk "trunk not registered"'),))
                peer = binding.target
                deliver = Target(peer.host, peer.port, peer.transport, dialled, f"trunk:{trunk.id}")
            elif trunk.source_ip:
                deliver = Target(trunk.source_ip, 5060, "UDP", dialled, f"trunk:{trunk.id}")
            else:
                return Reject(404, "DID Not Configured")
            return await self._authorise(info, call, dialled, did.account_id, did, fixed=[deliver])
        trunk = data.trunks_by_ip.get(call.source_host)
        credentials: DigestCredentials | None = None
        if trunk is None and data.trunks_by_user:
            params = parse_digest(call.proxy_authorization)
            credentials = self.digest.credentials(params) if params is not None else None
            trunk = data.trunks_by_user.get(credentials.user_name or "") if credentials is not None else None
            if trunk is None or credentials is None or not self.digest.fresh(credentials.nonce or ""):
                stale = credentials is not None and trunk is not None
                return Reject(407, "Proxy Authentication Required",
                              (("proxy-authenticate", self.digest.challenge(stale=stale)),))
        if trunk is None:
            return Reject(404, "Not Found")
        info.trunk_id = trunk.id
        info.account_id = trunk.account_id  # a refusal's row names the account
        now = time.monotonic()
        if trunk.max_channels and self.trunk_calls[trunk.id] >= trunk.max_channels:
            return Reject(503, "Trunk Channels Exhausted", (("retry-after", "1"),))
        if trunk.cps_limit and self._trunk_cps.count(trunk.id, now) >= trunk.cps_limit:
            return Reject(503, "Trunk CPS Limit", (("retry-after", "1"),))
        self._trunk_cps.add(trunk.id, now)
        self.trunk_calls[trunk.id] += 1
        info.counted_trunk = True
        # a digest trunk is identified by the AAA server checking the digest, not by the switch's word
        return await self._authorise(info, call, dialled, trunk.account_id, None, digest=credentials,
                                     send_account=credentials is None)

    async def _access_number(self, info: CallInfo, call: InboundCall, did: DidEntry,
                             ani: AniEntry | None) -> Decision:
        if ani is not None and ani.destination:
            return await self._authorise(info, call, None, ani.account_id, did, stored=ani.destination,
                                         send_account=False)
        if self.ivr_target is None:
            return Reject(NO_IVR_CODE, "No IVR Available", (
                ("warning", '399 carrierdesk "no IVR media endpoint is configured"'),
                ("reason", 'SIP;cause=480;text="no IVR configured: caller unknown or without a destination"')))
        info.ivr = True
        host, port, transport = self.ivr_target
        return Routes([Target(host, port, transport, did.number, IVR_REF)], media=True)

    async def resume(self, call: InboundCall, handoff: Handoff) -> Decision:
        """The IVR handed the call back with a destination (and maybe a PIN): authorise and route it."""
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or info.ended:
            return Reject(481, "Call Gone")
        try:
            data = await self.data()
            ani = await self._ani(data, info.caller)
            did = data.dids.get(info.did or "")
            destination = normalise_number(handoff.destination, self.config.default_region)
            return self._refused(info, await self._authorise(info, call, destination, ani.account_id if ani else None,
                                                             did, pin=handoff.pin, send_account=False))
        except Exception:
            self.errors += 1
            log.exception("resuming %s failed", call.call_id)
            return self._after_auth_reject(info, Reject(500, "Server Internal Error"))

    def _admit(self, info: CallInfo, account: AccountEntry) -> Reject | None:
        """The account's concurrent-call and calls-per-second limits; an admitted call is counted."""
        info.account_id = account.id  # a refusal's row names the account
        now = time.monotonic()
        if account.max_concurrent_calls and self.account_calls[account.id] >= account.max_concurrent_calls:
            return Reject(486, "Too Many Calls", (("warning", '399 carrierdesk "concurrent-call limit"'),))
        if account.cps_limit and self._account_cps.count(account.id, now) >= account.cps_limit:
            return Reject(503, "Account CPS Limit", (("retry-after", "1"),))
        self._account_cps.add(account.id, now)
        self.account_calls[account.id] += 1
        info.counted_account = True
        return None

    async def _authorise(self, info: CallInfo, call: InboundCall, destination: str | None, account_id: int | None,
                         did: DidEntry | None, *, stored: str | None = None, pin: str | None = None,
                         send_account: bool = True, fixed: list[Target] | None = None,
                         digest: DigestCredentials | None = None) -> Decision:
        data = await self.data()
        if info.ended:
            return Reject(487, "Request Terminated")
        account = await self._account_entry(data, account_id)
        if account is not None and not info.counted_account and (refused := self._admit(info, account)) is not None:
            return refused
        avpairs: list[tuple[str, str]] = [(slices.SLICES_PAIR, "1")]  # this switch re-authorises (extend_credit)
        if info.did:
            avpairs.append(("did", info.did))
        if send_account and account_id is not None:
            avpairs.append(("account-id", str(account_id)))
        request = AuthRequest(user_name=info.caller or "anonymous", password=pin, calling_station_id=info.caller,
                              called_station_id=destination or None, conf_id=info.conf_id, call_id=info.call_id,
                              remote_address=info.source_host, digest=digest)
        if self.pending_auth >= self.config.max_pending_auth:  # the AAA server is behind: refuse now, not late
            self.shed += 1
            return Reject(503, "Overloaded", (("retry-after", "1"),))
        self.pending_auth += 1
        info.authorising = True
        try:
            if self.config.radius_async:
                decision, reply_pairs = await self.aio_radius.authorize(request, avpairs)
            else:
                decision, reply_pairs = await self._radius(self.radius.authorize, request, avpairs)
        except RadiusTimeoutError:
            log.warning("RADIUS did not answer for %s", info.call_id)
            return self._unauthorised(info, Reject(503, "Authorisation Unavailable", (("retry-after", "5"),)))
        finally:
            self.pending_auth -= 1
            info.authorising = False
        if not decision.accepted:
            return self._unauthorised(info, reject_for(decision.return_code))
        info.authorised = True
        info.credit_time = decision.credit_time
        info.sell_rate = _decimal_or_none(reply_pairs.get("rate"))
        info.destination_name = reply_pairs.get("destination") or None
        if info.ended:  # the caller hung up while we waited: release what the server reserved
            self._finish(info, EndCause.CANCELLED, 0.0)
            return Reject(487, "Request Terminated")
        replied_account = reply_pairs.get("account-id", "")
        if replied_account.isdigit() and (account is None or account.id != int(replied_account)):
            account = await self._account_entry(data, int(replied_account))
            if account is not None and not info.counted_account:
                self.account_calls[account.id] += 1
                info.counted_account = True
                info.account_id = account.id
        number = stored_number(destination or decision.redirect_number or stored)  # keys: never read again
        if not number:
            return self._after_auth_reject(info, Reject(484, "Address Incomplete"))
        info.destination = number
        plan_id = (account.dial_plan_id if account else None) or (did.dial_plan_id if did else None)
        return await self._routes(info, call, number, decision, tariff_id=account.tariff_id if account else None,
                                  dial_plan_id=plan_id, fixed=fixed)

    async def _routes(self, info: CallInfo, call: InboundCall, number: str, decision: AuthDecision, *,
                      tariff_id: int | None, dial_plan_id: int | None, fixed: list[Target] | None) -> Decision:
        at = self.clock()
        if fixed is not None:
            return self._started(info, Routes(fixed, decision.credit_time, str(info.account_id or "")))
        rate = await self._sell_rate(tariff_id, number, at)
        if info.sell_rate is None:  # an AAA server that did not say (a third-party one)
            info.sell_rate = rate.price_per_minute if rate is not None else None
            info.destination_name = rate.destination if rate is not None else None
        if info.ended:
            self._finish(info, EndCause.CANCELLED, 0.0)
            return Reject(487, "Request Terminated")
        data = await self.data()
        plan = data.dial_plans.get(dial_plan_id) if dial_plan_id is not None else None
        if plan is None:
            log.warning("call %s: no dial plan (account %s)", info.call_id, info.account_id)
            return self._after_auth_reject(info, Reject(503, "No Dial Plan"))
        codecs = [c for c in sdp_codecs(call.sdp) if c != "TELEPHONE-EVENT"] or None
        try:
            result = data.router.route(number, at, rate, plan, self._routing_state(data), codecs=codecs)
        except ValueError:  # the buy index was built for another rate period
            await self.reload(routing=True)
            data = await self.data()
            result = data.router.route(number, at, rate, data.dial_plans[plan.id], self._routing_state(data),
                                       codecs=codecs)
        if result.outcome is Outcome.BLOCKED:
            return self._after_auth_reject(info, Reject(403, "Destination Blocked"))
        if result.outcome is Outcome.NO_ROUTE:
            return self._after_auth_reject(info, Reject(404, "No Route"))
        targets, by_ref = routes_to_targets(result.routes, max_targets=self.config.max_targets)
        if not targets:
            return self._after_auth_reject(info, Reject(503, "No Carrier Available"))
        info.targets = by_ref
        info.target_order = [t.carrier_ref for t in targets]
        return self._started(info, Routes(targets, decision.credit_time, str(info.account_id or "")))

    def _started(self, info: CallInfo, routes: Routes) -> Routes:
        if routes.targets:
            self._hold(info, 0, time.monotonic())
        info.attempt_started = self.clock()
        self._publish(info, CallEventKind.STARTED)
        return routes

    def _after_auth_reject(self, info: CallInfo, reject: Reject) -> Reject:
        """A refusal after the server may have reserved money: the Stop (0 s) releases it."""
        self._refused(info, reject)
        self._finish(info, EndCause.NO_ROUTE, 0.0)
        return reject

    def _unauthorised(self, info: CallInfo, reject: Reject) -> Reject:
        """RADIUS refused (or did not answer): no Stop will come, so when the call ended while we asked, its row is
        the switch's to write now."""
        if info.ended:
            self._record_unauthorised(info)
        return reject

    @staticmethod
    def _refused(info: CallInfo, decision: Decision) -> Decision:
        """Remember the switch's refusal: the call's row says it (a 407 challenge is not one: the INVITE comes
        again with credentials, and that is the attempt)."""
        if isinstance(decision, Reject) and info.refusal is None:
            info.refusal = decision
            info.challenged = decision.code == 407
        return decision

    def _routing_state(self, data: SwitchData) -> RoutingState:
        now = time.monotonic()
        loads: dict[int, CarrierLoad] = {}
        for carrier_id in data.router.carriers:
            minutes = self._minutes.get(carrier_id)
            channels = self.carrier_calls.get(carrier_id, 0)
            cps = self._carrier_cps.count(carrier_id, now)
            if minutes is None and not channels and not cps:
                continue
            loads[carrier_id] = CarrierLoad(channels, cps, minutes.seconds_today if minutes else 0,
                                            minutes.seconds_this_month if minutes else 0)
        return RoutingState(loads=loads, down=self.breaker.down_carriers(), rng=self.config.rng,
                            gateways_up=self._gateway_overrides(data))

    def _hold(self, info: CallInfo, index: int, now: float) -> None:
        """The carrier of target `index` has a channel of this call (from its INVITE to the end)."""
        if index >= len(info.target_order):
            return
        target = info.targets.get(info.target_order[index])
        if target is None:
            return
        info.holding_carrier = target.carrier_id
        self.carrier_calls[target.carrier_id] += 1
        self._carrier_cps.add(target.carrier_id, now)

    def _release_carrier(self, info: CallInfo) -> None:
        if info.holding_carrier is not None:
            self.carrier_calls[info.holding_carrier] -= 1
            if self.carrier_calls[info.holding_carrier] <= 0:
                del self.carrier_calls[info.holding_carrier]
            info.holding_carrier = None

    async def _radius(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._radius_pool, fn, *args)

    def on_attempt(self, call: InboundCall, target: Target, final_code: int) -> None:
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or target.carrier_ref == IVR_REF:
            return
        now = self.clock()
        info.attempts += 1
        info.last_code = final_code
        meta = info.targets.get(target.carrier_ref)
        started = info.attempt_started or info.setup_at
        self._queue_attempt(AttemptRecord(  # call_id: the call row's key (Acct-Session-Id = h323-conf-id)
            call_id=info.conf_id, attempt=info.attempts, caller=info.caller, destination=target.number,
            started_at=started, ended_at=now, sip_code=final_code, result=attempt_result(final_code),
            account_id=info.account_id, carrier_id=meta.carrier_id if meta else None,
            gateway_id=meta.gateway_id if meta else None, did=info.did,
            buy_rate=meta.route.buy_price if meta else None))
        info.attempt_started = now
        if meta is None:
            return
        info.last_tried = meta
        failed = is_failover_code(final_code, target)
        if failed:
            self.breaker.record_failure(meta.carrier_id)
        else:
            self.breaker.record_success(meta.carrier_id)
        if final_code >= 300:
            self._release_carrier(info)
            index = info.target_order.index(target.carrier_ref) if target.carrier_ref in info.target_order else -1
            if failed and 0 <= index < len(info.target_order) - 1:
                self._hold(info, index + 1, time.monotonic())
                self._publish(info, CallEventKind.FAILED_OVER, carrier_id=meta.carrier_id, sip_code=final_code)

    def on_answer(self, call: InboundCall, target: Target) -> None:
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or target.carrier_ref == IVR_REF or not info.authorised:
            return
        info.answered = info.targets.get(target.carrier_ref)
        info.answered_at = self.clock()
        codecs = sdp_codecs(call.sdp)
        info.codec = codecs[0] if codecs else None
        record = _acct_record(info, AcctStatus.START, connect_time=info.answered_at)
        info.start_sent = self._spawn(self._account(record, self._acct_pairs(info), None))
        if self.config.interim_interval_s > 0:
            info.interim = asyncio.get_running_loop().call_later(self.config.interim_interval_s, self._interim, info)
        self._publish(info, CallEventKind.ANSWERED)

    def _interim(self, info: CallInfo) -> None:
        """Accounting Interim-Update with the talk time so far (the server moves the live call's last_seen_at,
        which crash recovery bills up to), then the next one."""
        info.interim = None
        if info.ended or info.answered_at is None:
            return
        talked = round((self.clock() - info.answered_at).total_seconds())
        record = _acct_record(info, AcctStatus.INTERIM_UPDATE, connect_time=info.answered_at, session_time=talked)
        self._spawn(self._account(record, self._acct_pairs(info), info.start_sent))
        info.interim = asyncio.get_running_loop().call_later(self.config.interim_interval_s, self._interim, info)

    async def extend_credit(self, call: InboundCall, granted_s: int) -> int | None:
        """The next slice of a connected call (aaa/slices.py): an Access-Request for the same h323-conf-id with
        `credit-extend=<granted_s>`; the new total talk time, or None when refused (the call ends when what it
        holds runs out)."""
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or info.ended or not info.authorised:
            return None
        request = AuthRequest(user_name=info.caller or "anonymous", calling_station_id=info.caller,
                              called_station_id=info.destination or None, conf_id=info.conf_id, call_id=info.call_id,
                              remote_address=info.source_host)
        avpairs = [(slices.EXTEND_PAIR, str(granted_s))] + ([("did", info.did)] if info.did else [])
        try:
            if self.config.radius_async:
                decision, _pairs = await self.aio_radius.authorize(request, avpairs)
            else:
                decision, _pairs = await self._radius(self.radius.authorize, request, avpairs)
        except RadiusTimeoutError:
            log.warning("RADIUS did not answer the re-authorisation of %s: it ends after %d s", info.call_id,
                        granted_s)
            return None
        if not decision.accepted or decision.credit_time is None or decision.credit_time <= granted_s:
            log.info("call %s: no more credit after %d s (h323-return-code=%d)", info.call_id, granted_s,
                     int(decision.return_code))
            return None
        info.credit_time = decision.credit_time
        return decision.credit_time

    def on_dialogs(self, call: InboundCall, caller: Dialog, carrier: Dialog) -> None:
        """Keep both legs' dialogs with the live call (`live_calls.sip_dialogs`), so that a restart after a crash
        sends them BYE. Written once the Start made the live row; the latest state wins."""
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or info.ended or not info.authorised:
            return
        info.dialogs = dialog_state.dump(caller, carrier)
        if info.start_sent is None or info.start_sent.done():
            self._queue_dialogs(info.conf_id, info.dialogs)
        elif not info.dialogs_wait_for_start:
            info.dialogs_wait_for_start = True
            self._spawn(self._dialogs_after_start(info, info.start_sent))

    async def _dialogs_after_start(self, info: CallInfo, start: asyncio.Future[None]) -> None:
        await asyncio.wait([start])  # the live row is the Start's
        if not info.ended and info.dialogs is not None:
            self._queue_dialogs(info.conf_id, info.dialogs)

    def on_end(self, call: InboundCall, cause: EndCause, duration_s: float, hangup_by: HangupBy) -> None:
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None:
            return
        info.hangup_by = hangup_by
        self._finish(info, cause, duration_s if info.answered_at is not None else 0.0)

    def _finish(self, info: CallInfo, cause: EndCause, duration_s: float) -> None:
        """Idempotent end of a call: counters released; an authorised call's Accounting-Stop sent (the AAA policy
        writes its row), an unauthorised one's row written here."""
        first = not info.ended
        info.ended = True
        info.end_cause = info.end_cause or cause
        if info.interim is not None:
            info.interim.cancel()
            info.interim = None
        self.calls.pop(info.key, None)
        self._release_carrier(info)
        if info.counted_account and info.account_id is not None:
            self.account_calls[info.account_id] -= 1
            if self.account_calls[info.account_id] <= 0:
                del self.account_calls[info.account_id]
            info.counted_account = False
        if info.counted_trunk and info.trunk_id is not None:
            self.trunk_calls[info.trunk_id] -= 1
            if self.trunk_calls[info.trunk_id] <= 0:
                del self.trunk_calls[info.trunk_id]
            info.counted_trunk = False
        ended = self._outcome(info)
        if info.authorised and not info.stopped:
            info.stopped = True
            answered = info.answered_at is not None  # a carrier's (info.answered) or a trunk's (no route)
            now = self.clock()
            talked = round(duration_s)
            if info.end_cause is EndCause.CREDIT_EXHAUSTED and info.credit_time is not None:
                talked = min(talked, info.credit_time)  # cut for credit: the switch's own lag is not billed
            record = _acct_record(
                info, AcctStatus.STOP, session_time=talked if answered else 0,
                connect_time=info.answered_at if answered else None, disconnect_time=now,
                disconnect_cause=ended.q850)
            pairs = [*self._acct_pairs(info), ("disconnect-text", ended.reason), ("hangup-by", info.hangup_by.value)]
            if ended.sip_code is not None:
                pairs.append(("sip-code", str(ended.sip_code)))
            self._spawn(self._account(record, pairs, info.start_sent))
        elif first and not info.authorising:
            self._record_unauthorised(info)
        if first and (info.authorised or info.attempts or info.recorded):
            self._publish(info, CallEventKind.ENDED, duration_s=duration_s, cause=cause.value,
                          sip_code=ended.sip_code)

    def _outcome(self, info: CallInfo) -> CallOutcome:
        return outcome(info.end_cause or EndCause.NORMAL, answered=info.answered_at is not None,
                       last_code=info.last_code, refusal=info.refusal)

    def _record_unauthorised(self, info: CallInfo) -> None:
        """The row of a call RADIUS never authorised (refused, or the caller left first): the switch's, at once.
        Only a call that is someone's — to one of our numbers, from a customer trunk, of a known account — is an
        attempt: an INVITE from nobody to a number nobody has (a scanner's, 404) is counted, not recorded, or a
        scan would fill the call records and bury the ASR."""
        if info.recorded or info.authorised or info.challenged:
            return
        if info.did is None and info.trunk_id is None and info.account_id is None:
            self.strangers += 1
            return
        info.recorded = True
        ended = self._outcome(info)
        reason = f"In the IVR: {ended.reason}" if info.ivr and info.refusal is None else ended.reason
        tried = info.last_tried
        self._queue_attempt(AttemptRecord(
            kind=CdrKind.CALL, call_id=info.conf_id, attempt=0, caller=info.caller,
            destination=info.destination or info.dialled, started_at=info.setup_at, ended_at=self.clock(),
            sip_code=ended.sip_code, result=result_for_cause(ended.q850), account_id=info.account_id,
            carrier_id=tried.carrier_id if tried else None, gateway_id=tried.gateway_id if tried else None,
            did=info.did, reason=reason, q850_cause=ended.q850, hangup_by=info.hangup_by.value))

    def _acct_pairs(self, info: CallInfo) -> AvPairs:
        pairs = []
        carrier = info.answered or info.last_tried  # the row of an unanswered call names the carrier tried last
        if carrier is not None:
            pairs += [("carrier-id", str(carrier.carrier_id)), ("gateway-id", str(carrier.gateway_id))]
        if info.account_id is not None:
            pairs.append(("account-id", str(info.account_id)))
        if info.did:
            pairs.append(("did", info.did))
        if info.credit_time is not None:  # the live-call row's talk time and codec
            pairs.append(("credit-time", str(info.credit_time)))
        if info.codec:
            pairs.append(("codec", info.codec))
        return pairs

    async def _account(self, record: AcctRecord, avpairs: AvPairs, after: asyncio.Future[None] | None) -> None:
        """Send until acknowledged (the policy is idempotent per session and status), for `acct_retry_s`."""
        if after is not None:
            await asyncio.wait([after])  # Start before Stop, whatever became of the Start
        deadline = time.monotonic() + self.config.acct_retry_s
        delay = 1.0
        while True:
            try:
                if self.config.radius_async:
                    await self.aio_radius.account(record, avpairs)
                else:
                    await self._radius(self.radius.account, record, avpairs)
                return
            except RadiusTimeoutError:
                if time.monotonic() + delay > deadline:
                    break
                log.warning("Accounting-%s for %s not acknowledged yet, sending again in %.0f s",
                            record.status.name, record.session_id, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 15.0)
            except Exception:
                break
        self.errors += 1
        log.error("Accounting-%s for %s was never acknowledged (crash recovery settles the call)",
                  record.status.name, record.session_id)

    # -- rows the switch writes, in batches off the loop: attempt and refused-call CDRs, kept dialogs -------------
    def _queue_attempt(self, record: AttemptRecord) -> None:
        with self._attempt_lock:
            if len(self._pending_attempts) >= MAX_PENDING_ROWS:  # the database is far behind: memory stays bounded
                self.rows_lost += 1
                self._lost_log.note("lost", "the database is %d CDR rows behind: %d row(s) not written",
                                    len(self._pending_attempts), self.rows_lost)
                return
            self._pending_attempts.append(record)
        self._flush_soon()

    def _queue_dialogs(self, conf_id: str, state: str) -> None:
        with self._attempt_lock:
            self._pending_dialogs[conf_id] = state  # a call's latest state wins
        self._flush_soon()

    def _flush_soon(self) -> None:
        with self._attempt_lock:
            if self._flush_scheduled:
                return
            self._flush_scheduled = True
        self._spawn(asyncio.get_running_loop().run_in_executor(self._db_pool, self._flush_rows))

    def _flush_rows(self) -> None:
        with self._attempt_lock:
            records, self._pending_attempts = self._pending_attempts, []
            dialogs, self._pending_dialogs = self._pending_dialogs, {}
            self._flush_scheduled = False
        try:
            with Session(self.engine) as session, session.begin():
                write_attempts(session, records)
                if dialogs:
                    session.connection().execute(_KEEP_DIALOGS, [{"b_key": key, "b_state": state}
                                                                 for key, state in dialogs.items()])
        except Exception:
            self.errors += 1
            log.exception("could not write %d CDR row(s) and the dialogs of %d call(s) (a crash now would leave "
                          "their legs up)", len(records), len(dialogs))

    # -- events ------------------------------------------------------------------------------------------------
    def _publish(self, info: CallInfo, kind: CallEventKind, **extra: Any) -> None:
        carrier_id = extra.pop("carrier_id", info.answered.carrier_id if info.answered else None)
        self.events.publish(CallEvent(
            kind=kind, call_id=info.call_id, caller=info.caller, destination=info.destination,
            account_id=info.account_id, carrier_id=carrier_id, sell_rate=info.sell_rate, started_at=info.setup_at,
            destination_name=info.destination_name,
            talk_time_left_s=info.credit_time, codec=info.codec, session_id=info.conf_id, **extra))

    def call_ref(self, call_id: str) -> str | None:
        """The switch's key of a call in progress (B2BUA.hang_up takes it), given its accounting session id (the
        live-call row's and CDRs' call_id) or its SIP Call-ID; None when no call here has that id."""
        for info in self.calls.values():
            if call_id in (info.conf_id, info.call_id):
                return info.key
        return None

    async def drain(self, timeout: float = 10.0) -> None:
        """Stop the keep-alive and the watcher; wait for the accounting requests and attempt rows still under way
        (shutdown, tests)."""
        if self._watcher is not None:
            self._watcher.cancel()
            self._watcher = None
        if self.keepalive is not None:
            self.keepalive.stop()
            self.keepalive = None
        deadline = time.monotonic() + timeout
        while self._tasks and time.monotonic() < deadline:
            await asyncio.wait(list(self._tasks), timeout=max(0.0, deadline - time.monotonic()))
        self.aio_radius.close()  # its sockets belong to this loop (reopened on the next request)

    def close(self) -> None:
        self._radius_pool.shutdown(wait=True)
        self._db_pool.shutdown(wait=True)


def _decimal_or_none(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        return None


def _acct_record(info: CallInfo, status: AcctStatus, **times: Any) -> AcctRecord:
    """An Accounting-Request of the call: what every status repeats, plus its times."""
    return AcctRecord(status=status, session_id=info.conf_id, user_name=info.caller or "anonymous",
                      calling_station_id=info.caller, called_station_id=info.destination, conf_id=info.conf_id,
                      call_id=info.call_id, setup_time=info.setup_at, remote_address=info.source_host, **times)


def _parse_address(text: str) -> tuple[str, int, str]:
    """`host:port[/transport]` → (host, port, TRANSPORT)."""
    address, _, transport = text.partition("/")
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"not host:port[/transport]: {text!r}")
    return host, int(port), (transport or "UDP").upper()
