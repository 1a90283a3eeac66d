"""`SwitchController`: the B2BUA's `CallController` (and `HandoffController` for the IVR, `RegistrarController`
for digest trunks), tying the call control's concerns together on the switch's event loop:

INVITE → `identify` (what the call is) → `admission` (the trunk's and account's limits) → `authorise` (RADIUS
Access-Request) → `routing_handoff` (dial plan, sell rate, carriers → targets) → the B2BUA tries them
(`on_attempt`: `cdr_writer` writes each attempt) → `on_answer`: `accounting` Start and Interim-Updates →
`on_end`: `accounting` Stop (the AAA policy writes the call's row), or, for a call RADIUS never authorised, the
switch's own row (`cdr_writer`). Decisions are made on `snapshot`; `gateway_health` keeps the carriers' gateways
under OPTIONS once the switch listens. It never blocks the loop: RADIUS requests are exchanged on the loop itself
(`aaa_link.SwitchRadius`, shared by `authorise` and `accounting`), database work runs in a small thread pool.

SIP answers chosen here (see identify.py, routing_handoff.py and `authorise.REJECT_SIP` for the others): 486 "Too
Many Calls" at the account's concurrent-call limit (the account is busy, like RADIUS code 3); 503 (+ Retry-After)
at an account or trunk CPS limit, the trunk's channel limit, RADIUS unreachable or behind; 484 when the AAA
server gave no destination; 487 when the caller left while the call was being decided; 500 on an internal error.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from switch_service.aaa.client import RadiusClient
from switch_service.call_control.aaa_link import SwitchRadius
from switch_service.call_control.accounting import Accounting
from switch_service.call_control.admission import Admission
from switch_service.call_control.authorise import Authoriser, reject_for, unanswered
from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.call_outcome import CallOutcome, outcome
from switch_service.call_control.cdr_writer import CdrWriter, attempt_row, unauthorised_row
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.digest import DigestChallenger
from switch_service.call_control.gateway_health import GatewayWatch
from switch_service.call_control.identify import IVR_REF, Identified, Identifier
from switch_service.call_control.ivr_sessions import IvrSessions
from switch_service.call_control.lookups import SwitchData
from switch_service.call_control.registrar import Registrar
from switch_service.call_control.routing_handoff import RoutingHandoff, sdp_codecs
from switch_service.call_control.snapshot import Snapshot
from switch_service.events import CallEvent, CallEventKind, EventBus, GatewayBus
from switch_service.phone_numbers import normalise_number, stored_number
from switch_service.routing.circuit_breaker import CircuitBreaker
from switch_service.routing.gateway_health import GatewayHealth
from switch_service.sip import dialog_state
from switch_service.sip.b2bua import is_failover_code
from switch_service.sip.controller import (
    HANDOFF_LANGUAGE,
    HANDOFF_PIN,
    REENTRY,
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
from switch_service.sip.local_addresses import LocalAddresses
from switch_service.sip.loopback import TestCaller
from switch_service.sip.message import SipRequest, SipResponse
from switch_service.sip.transactions import Peer, TransactionLayer
from switch_service.store.repositories.live_ivr import session_id as ivr_session_id

if TYPE_CHECKING:
    from switch_service.media.pool import IvrPool

log = logging.getLogger(__name__)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SwitchController:
    """The switch's `CallController`: see the module docstring for a call's path."""

    name = "switch"

    def __init__(self, engine: Engine, radius: RadiusClient, config: ControllerConfig | None = None, *,
                 events: EventBus | None = None, gateway_events: GatewayBus | None = None,
                 breaker: CircuitBreaker | None = None, clock: Callable[[], dt.datetime] = _utcnow) -> None:
        self.engine = engine
        self.config = config = config or ControllerConfig()
        self.events = events or EventBus()
        self.breaker = breaker or CircuitBreaker()
        self.clock = clock
        self._tasks: set[asyncio.Future[Any]] = set()
        self.snapshot = Snapshot(engine, config, clock, self._spawn)
        self.radius = SwitchRadius(radius)  # the one door to RADIUS, on this loop
        self.digest = DigestChallenger(config.digest_realm)
        self.registrar = Registrar(self.digest, config.registrar)
        self.identifier = Identifier(self.snapshot, self.registrar, self.digest, config)
        self.admission = Admission()
        self.authoriser = Authoriser(self.radius, config)
        self.gateways = GatewayWatch(self.snapshot, self.breaker, gateway_events or GatewayBus(),
                                     interval_s=config.keepalive_interval_s,
                                     failures_to_down=config.keepalive_failures, clock=clock, spawn=self._spawn)
        self.routing = RoutingHandoff(self.snapshot, self.admission, self.breaker, self.gateways, config)
        self.accounting = Accounting(self.radius, config, clock, self._spawn)
        self.cdrs = CdrWriter(engine, self.snapshot.db_pool, self._spawn)
        self.ivr_sessions = IvrSessions(engine, self.snapshot.db_pool, self._spawn, self.events, node=config.node,
                                        clock=clock)
        self.identifier.sessions = self.ivr_sessions
        self.calls: dict[str, CallInfo] = {}
        self._errors = 0
        self.strangers = 0  # INVITEs refused that were nobody's (not recorded, see _record_unauthorised)

    # -- what the service, the API and the tests read ---------------------------------------------------------
    @property
    def test_caller(self) -> TestCaller | None:
        return self.identifier.test_caller

    @test_caller.setter
    def test_caller(self, caller: TestCaller | None) -> None:
        self.identifier.test_caller = caller

    @property
    def gateway_health(self) -> GatewayHealth:
        return self.gateways.gateway_health

    @property
    def gateway_events(self) -> GatewayBus:
        return self.gateways.gateway_events

    @property
    def account_calls(self) -> dict[int, int]:
        return self.admission.account_calls

    @property
    def trunk_calls(self) -> dict[int, int]:
        return self.admission.trunk_calls

    @property
    def carrier_calls(self) -> dict[int, int]:
        return self.admission.carrier_calls

    @property
    def errors(self) -> int:
        return self._errors + self.accounting.errors + self.cdrs.errors + self.ivr_sessions.errors

    async def data(self) -> SwitchData:
        return await self.snapshot.data()

    async def reload(self, *, routing: bool = False) -> None:
        await self.snapshot.reload(routing=routing)

    def _spawn(self, coro: Any) -> asyncio.Future[Any]:
        task: asyncio.Future[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # -- registrar and gateway keep-alive -----------------------------------------------------------------------
    async def register(self, request: SipRequest, source: Peer) -> SipResponse:
        """A REGISTER (B2BUA `RegistrarController`): digest trunks' bindings, checked on the current snapshot."""
        data = await self.snapshot.data()
        return self.registrar.register(request, source, data.callers.trunks_by_user)

    def attach(self, layer: TransactionLayer, addresses: LocalAddresses) -> None:
        """The switch is listening: watch the store for changes, and start the OPTIONS keep-alive to the carriers'
        gateways (unless it is off)."""
        self.snapshot.watch()
        self.gateways.start(layer, addresses)

    # -- CallController ----------------------------------------------------------------------------------------
    async def route(self, call: InboundCall) -> Decision:
        presented = call.pai_user or call.from_user
        info = CallInfo(key=call.switch_ref or call.call_id, call_id=call.call_id, conf_id=secrets.token_hex(16),
                        # a caller who is no number (a SIP user name) is shown by that name rather than not at all
                        caller=normalise_number(presented, self.config.default_region) or presented[:64],
                        source_host=call.source_host, setup_at=self.clock())
        self.calls[info.key] = info
        try:
            identified = await self.identifier.identify(info, call)
            if not isinstance(identified, Identified):
                return self._refused(info, identified)
            if identified.trunk is not None and (refused := self.admission.admit_trunk(info, identified.trunk)):
                return self._refused(info, refused)
            return self._refused(info, await self._authorise(info, call, identified))
        except Exception:
            self._errors += 1
            log.exception("routing %s failed", call.call_id)
            return self._after_auth_reject(info, Reject(500, "Server Internal Error"))

    async def resume(self, call: InboundCall, handoff: Handoff) -> Decision:
        """The IVR handed the call back with a destination (and maybe a PIN): authorise and route it."""
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or info.ended:
            return Reject(481, "Call Gone")
        self.identifier.left_ivr(info)
        info.pin = handoff.pin
        info.language = handoff.language
        try:
            identified = await self.identifier.resumed(info, handoff)
            return self._refused(info, await self._authorise(info, call, identified))
        except Exception:
            self._errors += 1
            log.exception("resuming %s failed", call.call_id)
            return self._after_auth_reject(info, Reject(500, "Server Internal Error"))

    def on_leg_end(self, call: InboundCall, duration_s: float) -> None:
        """The carrier hung up a call the IVR had handed off, and the caller goes back to the IVR (B2BUA `reenter`):
        that call ends here as any call does (its Stop, so its CDR and debit), and what follows is a call of its
        own (a new accounting session id), on the same SIP dialog with the caller."""
        key = call.switch_ref or call.call_id
        info = self.calls.get(key)
        if info is None or info.ended:
            return
        info.hangup_by = HangupBy.CALLEE
        self._finish(info, EndCause.NORMAL, duration_s if info.answered_at is not None else 0.0)
        self.calls[key] = CallInfo(key=key, call_id=info.call_id, conf_id=secrets.token_hex(16), caller=info.caller,
                                   source_host=info.source_host, setup_at=self.clock(), did=info.did,
                                   dialled=info.dialled, pin=info.pin, language=info.language)

    async def reenter(self, call: InboundCall) -> Decision:
        """Where a caller back from a call goes: the IVR of its access number, told so (and given the PIN keyed
        before and the language chosen), which says the balance and asks for a destination again."""
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or info.ended or not info.did:
            return Reject(481, "Call Gone")
        headers = ((REENTRY, "1"), *(((HANDOFF_PIN, info.pin),) if info.pin else ()),
                   *(((HANDOFF_LANGUAGE, info.language),) if info.language else ()))
        return self._refused(info, await self.identifier.ivr_routes(info, info.did, headers))

    async def _authorise(self, info: CallInfo, call: InboundCall, who: Identified) -> Decision:
        data = await self.snapshot.data()
        if info.ended:
            return Reject(487, "Request Terminated")
        account = await self.snapshot.account(data, who.account_id)
        if (account is not None and not info.counted_account
                and (refused := self.admission.admit_account(info, account)) is not None):
            return refused
        request, avpairs = self.authoriser.access_request(info, who.destination, who.account_id, pin=who.pin,
                                                          send_account=who.send_account, digest=who.digest)
        if (shed := self.authoriser.overloaded()) is not None:
            return shed
        answer = await self.authoriser.ask(info, request, avpairs)
        if answer is None:
            return self._unauthorised(info, unanswered())
        decision, reply_pairs = answer
        if not decision.accepted:
            return self._unauthorised(info, reject_for(decision.return_code))
        self.authoriser.accepted(info, decision, reply_pairs)
        if info.ended:  # the caller hung up while we waited: release what the server reserved
            self._finish(info, EndCause.CANCELLED, 0.0)
            return Reject(487, "Request Terminated")
        replied_account = reply_pairs.get("account-id", "")
        if replied_account.isdigit() and (account is None or account.id != int(replied_account)):
            account = await self.snapshot.account(data, int(replied_account))
            if account is not None and not info.counted_account:
                self.admission.count_account(info, account.id)
        number = stored_number(who.destination or decision.redirect_number or who.stored)  # keys: never read again
        if not number:
            return self._after_auth_reject(info, Reject(484, "Address Incomplete"))
        info.destination = number
        did = who.did
        plan_id = (account.dial_plan_id if account else None) or (did.dial_plan_id if did else None)
        at = self.clock()
        if who.fixed is not None:
            return self._started(info, Routes(who.fixed, decision.credit_time, str(info.account_id or "")))
        rate = await self.routing.sell_rate(info, account.tariff_id if account else None, number, at)
        if info.ended:
            self._finish(info, EndCause.CANCELLED, 0.0)
            return Reject(487, "Request Terminated")
        targets = await self.routing.targets(info, call, number, at, rate, dial_plan_id=plan_id)
        if isinstance(targets, Reject):
            return self._after_auth_reject(info, targets)
        return self._started(info, Routes(targets, decision.credit_time, str(info.account_id or "")))

    def _started(self, info: CallInfo, routes: Routes) -> Routes:
        if routes.targets:
            self.admission.hold(info, 0, time.monotonic())
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

    def on_attempt(self, call: InboundCall, target: Target, final_code: int) -> None:
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or target.carrier_ref == IVR_REF:
            return
        now = self.clock()
        info.attempts += 1
        info.last_code = final_code
        meta = info.targets.get(target.carrier_ref)
        self.cdrs.queue_attempt(attempt_row(info, target.number, final_code, meta, now))
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
            self.admission.release_carrier(info)
            index = info.target_order.index(target.carrier_ref) if target.carrier_ref in info.target_order else -1
            if failed and 0 <= index < len(info.target_order) - 1:
                self.admission.hold(info, index + 1, time.monotonic())
                self._publish(info, CallEventKind.FAILED_OVER, carrier_id=meta.carrier_id, sip_code=final_code)

    def on_answer(self, call: InboundCall, target: Target) -> None:
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or target.carrier_ref == IVR_REF or not info.authorised:
            return
        info.answered = info.targets.get(target.carrier_ref)
        info.answered_at = self.clock()
        codecs = sdp_codecs(call.sdp)
        info.codec = codecs[0] if codecs else None
        self.accounting.start(info)
        self._publish(info, CallEventKind.ANSWERED)

    async def extend_credit(self, call: InboundCall, granted_s: int) -> int | None:
        """The next slice of a connected call (authorise.py): the new total talk time, or None when refused."""
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or info.ended or not info.authorised:
            return None
        return await self.authoriser.extend(info, granted_s)

    def on_dialogs(self, call: InboundCall, caller: Dialog, carrier: Dialog) -> None:
        """Keep both legs' dialogs with the live call (`live_calls.sip_dialogs`), so that a restart after a crash
        sends them BYE. Written once the Start made the live row; the latest state wins."""
        info = self.calls.get(call.switch_ref or call.call_id)
        if info is None or info.ended or not info.authorised:
            return
        info.dialogs = dialog_state.dump(caller, carrier)
        if info.start_sent is None or info.start_sent.done():
            self.cdrs.queue_dialogs(info.conf_id, info.dialogs)
        elif not info.dialogs_wait_for_start:
            info.dialogs_wait_for_start = True
            self._spawn(self._dialogs_after_start(info, info.start_sent))

    async def _dialogs_after_start(self, info: CallInfo, start: asyncio.Future[None]) -> None:
        await asyncio.wait([start])  # the live row is the Start's
        if not info.ended and info.dialogs is not None:
            self.cdrs.queue_dialogs(info.conf_id, info.dialogs)

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
        self.accounting.stop_interim(info)
        self.calls.pop(info.key, None)
        self.admission.release(info)
        self.identifier.left_ivr(info)
        ended = self._outcome(info)
        if info.authorised and not info.stopped:
            self.accounting.stop(info, duration_s, ended)
        elif first and not info.authorising:
            self._record_unauthorised(info)
        if first and (info.authorised or info.attempts or info.recorded or info.ivr_shown):
            self._publish(info, CallEventKind.ENDED, duration_s=duration_s, cause=cause.value,
                          sip_code=ended.sip_code)

    @staticmethod
    def _outcome(info: CallInfo) -> CallOutcome:
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
        self.cdrs.queue_attempt(unauthorised_row(info, self._outcome(info), self.clock()))

    # -- events ------------------------------------------------------------------------------------------------
    def _publish(self, info: CallInfo, kind: CallEventKind, **extra: Any) -> None:
        carrier_id = extra.pop("carrier_id", info.answered.carrier_id if info.answered else None)
        self.events.publish(CallEvent(
            kind=kind, call_id=info.call_id, caller=info.caller, destination=info.destination,
            account_id=info.account_id, carrier_id=carrier_id, sell_rate=info.sell_rate, started_at=info.setup_at,
            destination_name=info.destination_name,
            talk_time_left_s=info.credit_time, codec=info.codec, session_id=info.conf_id, **extra))

    def use_ivr_pool(self, pool: IvrPool | None) -> None:
        """The media workers IVR legs go to (None: the fixed IVR endpoint, if any); what they report of their
        callers' stages goes on the callers' live IVR sessions."""
        self.identifier.ivr_pool = pool
        if pool is not None:
            pool.on_report = self.ivr_report

    def ivr_report(self, leg: str, stage: str, account_id: int | None) -> None:
        """An IVR worker says where the caller on leg `leg` is (media/pool.py `on_report`, on this loop)."""
        info = self.calls.get(leg)
        if info is not None:
            self.ivr_sessions.reported(info, stage, account_id)

    def call_ref(self, call_id: str) -> str | None:
        """The switch's key of a call in progress (B2BUA.hang_up takes it), given its accounting session id (the
        live-call row's and CDRs' call_id; an IVR leg's row key too) or its SIP Call-ID; None when no call here has
        that id."""
        call_id = ivr_session_id(call_id)
        for info in self.calls.values():
            if call_id in (info.conf_id, info.call_id):
                return info.key
        return None

    async def drain(self, timeout: float = 10.0) -> None:
        """Stop the keep-alive and the watcher; wait for the accounting requests and attempt rows still under way
        (shutdown, tests)."""
        self.snapshot.stop()
        self.gateways.stop()
        deadline = time.monotonic() + timeout
        while self._tasks and time.monotonic() < deadline:
            await asyncio.wait(list(self._tasks), timeout=max(0.0, deadline - time.monotonic()))
        self.radius.close()  # its sockets belong to this loop (reopened on the next request)

    def close(self) -> None:
        self.snapshot.close()
