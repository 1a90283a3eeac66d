"""The call: an A-leg (caller, we are UAS) and a B-leg (carrier, we are UAC), as explicit states.

Each state is a class whose `handle(call, event)` returns the next state (itself to stay); `Call.dispatch` swaps
it in. Side effects (sending, timers, controller events) go through the `Call`'s small verbs so the states read as
the call flow. Everything runs on one event loop, so the responses of one dialog are relayed in the order they
arrived and a 180 can never overtake a 200.

Topology hiding: the B-leg has its own Call-ID, From tag, Via and Contact; nothing of Via, Record-Route, Contact
or Call-ID is copied from one leg to the other — only the SDP (and its Content-Type) and the status line.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from switch_service.routing.failover import should_fail_over
from switch_service.sip.controller import (
    HANDOFF_DESTINATION,
    HANDOFF_LANGUAGE,
    HANDOFF_PIN,
    CallController,
    Decision,
    EndCause,
    Handoff,
    HangupBy,
    HangupOutcome,
    InboundCall,
    Reject,
    Routes,
    Target,
)
from switch_service.sip.dialogs import Dialog
from switch_service.sip.local_addresses import LocalAddresses
from switch_service.sip.message import (
    NameAddr,
    SipParseError,
    SipRequest,
    SipResponse,
    make_response,
    new_tag,
)
from switch_service.sip.transactions import (
    ClientTransaction,
    Peer,
    Scheduler,
    ServerTransaction,
    TimerHandle,
    TransactionLayer,
)

log = logging.getLogger(__name__)

ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, PRACK, NOTIFY"
REAUTH_LEAD_MAX_S = 30.0  # the RADIUS client's retries of an Access-Request take up to ~8 s


def reauth_lead(slice_s: float) -> float:
    """How long before the talk time it holds runs out a call asks for more: half its last slice, 1 to 30 s."""
    return min(REAUTH_LEAD_MAX_S, max(1.0, slice_s / 2))


def is_failover_code(code: int, target: Target) -> bool:
    """Carrier failure (try the next carrier) as opposed to the callee's answer (relay it): the routing
    package's one failover rule, with the target carrier's own extra codes."""
    return should_fail_over(code, target.failure_codes)


@dataclass
class B2buaConfig:
    ring_timeout_s: float = 180.0  # Timer C: provisional received, no final
    cancel_wait_s: float = 32.0
    # the node's name, in each Call-ID the B2BUA makes (<random>.<tag>@host): nodes of a cluster never make the
    # same one, and a carrier's trace says which node placed a call
    call_id_tag: str = ""


# -- events -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RouteDecided:
    decision: Decision


@dataclass(frozen=True)
class CarrierResponse:
    attempt: int
    response: SipResponse


@dataclass(frozen=True)
class CarrierTimeout:
    attempt: int


@dataclass(frozen=True)
class CallerCancel:
    pass


@dataclass(frozen=True)
class InDialogRequest:
    from_caller: bool
    request: SipRequest
    tx: ServerTransaction


@dataclass(frozen=True)
class Timeout:
    name: str  # "credit", "reauth", "ring", "ack", "cancel", "reoffer"


@dataclass(frozen=True)
class CreditExtended:
    """The controller's answer to a call's request for more talk time (CreditController)."""

    granted_from: int  # the total the call held when it asked
    total: int | None  # its new total from answer; None: no more


@dataclass(frozen=True)
class OperatorHangup:
    """An operator ended the call (the HTTP API): handled like the credit timer's expiry."""


@dataclass(frozen=True)
class CallerResponse:
    """The caller's answer to our re-INVITE (the hand-off from the media endpoint to the carrier)."""

    response: SipResponse | None  # None: no answer (timeout)


Event = (RouteDecided | CarrierResponse | CarrierTimeout | CallerCancel | InDialogRequest | Timeout | CallerResponse
         | OperatorHangup | CreditExtended)


# -- states -------------------------------------------------------------------------------------------------------

class CallState:
    name = "state"

    def handle(self, call: Call, event: Event) -> CallState:
        return self

    def enter(self, call: Call) -> None:
        return None

    def __repr__(self) -> str:
        return self.name


class Routing(CallState):
    """Waiting for the controller's decision."""

    name = "routing"

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, CallerCancel):
            call.answer_caller(487)
            return Ended(EndCause.CANCELLED, HangupBy.CALLER)
        if isinstance(event, RouteDecided):
            decision = event.decision
            if isinstance(decision, Reject):
                call.answer_caller(decision.code, decision.reason, list(decision.headers))
                return Ended(EndCause.REJECTED, HangupBy.SWITCH)
            if not decision.targets:
                call.answer_caller(404, "No Route")
                return Ended(EndCause.NO_ROUTE, HangupBy.SWITCH)
            call.routes = decision
            return Attempting(0)
        return self


class Attempting(CallState):
    """INVITE sent to target `index`; relays provisionals; fails over on carrier failures."""

    name = "attempting"

    def __init__(self, index: int) -> None:
        self.index = index
        self.early = False

    def enter(self, call: Call) -> None:
        call.invite_carrier(self.index)

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, CarrierResponse):
            if event.attempt != self.index:
                call.late_response(event.response)
                return self
            response = event.response
            status = response.status
            if status < 200:
                if status > 100:
                    call.relay_provisional(response)
                    if not self.early:
                        self.early = True
                        call.start_ringing()
                return self
            call.stop_timer("ring")
            target = call.target(self.index)
            call.controller_attempt(target, status)
            if status < 300:
                call.connect(response, target)
                return Connected()
            return self._failed(call, status, response)
        if isinstance(event, CarrierTimeout) and event.attempt == self.index:
            call.controller_attempt(call.target(self.index), 408)
            return self._failed(call, 408, None)
        if isinstance(event, Timeout) and event.name == "ring":
            call.cancel_carrier()
            call.controller_attempt(call.target(self.index), 408)
            call.answer_caller(480, "No Answer")
            return Ended(EndCause.REJECTED, HangupBy.SWITCH)
        if isinstance(event, CallerCancel):
            call.cancel_carrier()
            call.answer_caller(487)
            return Cancelling(self.index)
        if isinstance(event, InDialogRequest):
            call.relay_in_dialog(event)
        return self

    def _failed(self, call: Call, status: int, response: SipResponse | None) -> CallState:
        call.last_failure = status
        if is_failover_code(status, call.target(self.index)):
            if self.index + 1 < len(call.targets):
                return Attempting(self.index + 1)
            code = 503 if status == 408 else status
            call.answer_caller(code)
            return Ended(EndCause.ALL_ROUTES_FAILED, HangupBy.CALLEE)
        call.answer_caller(status, response.reason if response else None)
        return Ended(EndCause.REJECTED, HangupBy.CALLEE)


class Cancelling(CallState):
    """Caller cancelled (already answered 487); waiting for the carrier's final to the cancelled INVITE."""

    name = "cancelling"

    def __init__(self, index: int, cause: EndCause = EndCause.CANCELLED,
                 hangup_by: HangupBy = HangupBy.CALLER) -> None:
        self.index = index
        self.cause = cause
        self.hangup_by = hangup_by

    def enter(self, call: Call) -> None:
        call.start_timer("cancel", call.config.cancel_wait_s)

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, CarrierResponse) and event.response.status >= 200:
            if event.response.status < 300:  # answered while the CANCEL crossed it: ACK and hang up
                call.late_response(event.response)
            return Ended(self.cause, self.hangup_by)
        if isinstance(event, CarrierTimeout | Timeout):
            return Ended(self.cause, self.hangup_by)
        if isinstance(event, InDialogRequest):
            event.tx.respond(make_response(event.request, 481))
        return self


class Connected(CallState):
    """Both legs answered; in-dialog requests relayed both ways; BYE from either side or credit expiry ends."""

    name = "connected"

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, InDialogRequest):
            if event.request.method == "BYE":
                event.tx.respond(call.local_response(event.request, 200, event.from_caller))
                handoff = call.handoff_in(event.request) if not event.from_caller else None
                if handoff is not None:
                    return call.resume(handoff)
                if not event.from_caller and call.may_reenter():
                    return call.reenter()
                call.bye(to_caller=not event.from_caller)
                return Ended(EndCause.NORMAL, HangupBy.CALLER if event.from_caller else HangupBy.CALLEE)
            call.relay_in_dialog(event)
            return self
        if isinstance(event, CarrierResponse):
            if 200 <= event.response.status < 300:
                call.ack_carrier(event.response, call.b_ack_body)  # 2xx retransmission: our ACK was lost
            return self
        if isinstance(event, CallerResponse) and event.response is not None and event.response.status < 300:
            call.ack_caller(event.response)  # the caller's 2xx to our re-INVITE again: our ACK was lost
            return self
        if isinstance(event, Timeout) and event.name == "reauth":
            call.ask_for_credit()
            return self
        if isinstance(event, CreditExtended):
            if event.total is not None and event.granted_from == call.granted_s and event.total > event.granted_from:
                call.arm_credit(event.total)
            return self
        if isinstance(event, OperatorHangup) or (isinstance(event, Timeout) and event.name in ("credit", "ack")):
            call.bye(to_caller=True)
            call.bye(to_caller=False)
            if isinstance(event, OperatorHangup):
                return Ended(EndCause.OPERATOR_HANGUP, HangupBy.SWITCH)
            if event.name == "credit":
                return Ended(EndCause.CREDIT_EXHAUSTED, HangupBy.SWITCH)
            return Ended(EndCause.NO_ACK, HangupBy.SWITCH)
        return self


class Resuming(CallState):
    """The media endpoint handed the call back (its BYE is answered); waiting for the controller's decision.
    The caller stays answered and hears nothing for the few milliseconds this takes."""

    name = "resuming"

    def __init__(self, handoff: Handoff) -> None:
        self.handoff = handoff

    def enter(self, call: Call) -> None:
        """Ask only now that the call is in this state: a decision given at once must find it here (asked from
        Connected, a synchronous answer reached Connected, which ignores decisions, and the call waited forever)."""
        controller: Any = call.b2bua.controller
        call.b2bua.decide(call, lambda: controller.resume(call.inbound, self.handoff))

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, RouteDecided):
            decision = event.decision
            if isinstance(decision, Reject) or not decision.targets:
                call.bye(to_caller=True)
                return Ended(EndCause.REJECTED if isinstance(decision, Reject) else EndCause.NO_ROUTE,
                             HangupBy.SWITCH)
            call.routes = decision
            return Transferring(0)
        if isinstance(event, InDialogRequest):
            return _caller_request_while_moving(call, event, None)
        return self


class Reentering(Resuming):
    """The carrier hung up a call the IVR had handed off (its leg is accounted): the caller, still answered, waits
    for the controller's media target and goes back to the IVR (Transferring to it, as to a carrier)."""

    name = "reentering"

    def __init__(self) -> None:
        super().__init__(Handoff(""))

    def enter(self, call: Call) -> None:
        controller: Any = call.b2bua.controller
        call.b2bua.decide(call, lambda: controller.reenter(call.inbound))


class Transferring(CallState):
    """RFC 3725 flow I: INVITE the carrier without SDP; its 2xx carries the offer, which goes to the caller in a
    re-INVITE; the caller's answer goes to the carrier in the ACK. Carrier failures fail over as in Attempting;
    provisionals are not relayed (the caller is already answered)."""

    name = "transferring"

    def __init__(self, index: int) -> None:
        self.index = index
        self.ringing = False

    def enter(self, call: Call) -> None:
        call.invite_carrier(self.index, offer=b"")

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, CarrierResponse):
            if event.attempt != self.index:
                call.late_response(event.response)
                return self
            status = event.response.status
            if status < 200:
                if status > 100 and not self.ringing:
                    self.ringing = True
                    call.start_ringing()
                return self
            call.stop_timer("ring")
            target = call.target(self.index)
            call.controller_attempt(target, status)
            if status < 300:
                assert call.b_dialog is not None
                call.b_dialog.update_from_response(event.response)
                if not event.response.body:  # no offer: nothing to give the caller
                    call.ack_carrier(event.response)
                    call.bye(to_caller=False)
                    call.bye(to_caller=True)
                    return Ended(EndCause.ALL_ROUTES_FAILED, HangupBy.SWITCH)
                call.reoffer_caller(event.response)
                return ReofferingCaller(self.index, event.response)
            return self._failed(call, status)
        if isinstance(event, CarrierTimeout) and event.attempt == self.index:
            call.controller_attempt(call.target(self.index), 408)
            return self._failed(call, 408)
        if isinstance(event, Timeout) and event.name == "ring":
            call.cancel_carrier()
            call.controller_attempt(call.target(self.index), 408)
            call.bye(to_caller=True)
            return Cancelling(self.index, EndCause.REJECTED, HangupBy.SWITCH)
        if isinstance(event, InDialogRequest):
            return _caller_request_while_moving(call, event, self.index)
        return self

    def _failed(self, call: Call, status: int) -> CallState:
        call.last_failure = status
        if is_failover_code(status, call.target(self.index)) and self.index + 1 < len(call.targets):
            return Transferring(self.index + 1)
        call.bye(to_caller=True)
        failover = is_failover_code(status, call.target(self.index))
        return Ended(EndCause.ALL_ROUTES_FAILED if failover else EndCause.REJECTED, HangupBy.CALLEE)


class ReofferingCaller(CallState):
    """The carrier answered (not yet ACKed); the caller has our re-INVITE with the carrier's SDP."""

    name = "reoffering"

    def __init__(self, index: int, carrier_answer: SipResponse) -> None:
        self.index = index
        self.carrier_answer = carrier_answer

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, CallerResponse):
            response = event.response
            if response is None or response.status >= 300:
                call.ack_carrier(self.carrier_answer, call.invite.body)
                call.bye(to_caller=False)
                call.bye(to_caller=True)
                return Ended(EndCause.REJECTED, HangupBy.SWITCH)
            if response.status < 200:
                return self
            call.ack_caller(response)
            call.b_ack_body = response.body
            call.ack_carrier(self.carrier_answer, response.body)
            call.connected_to(self.index)
            return Connected()
        if isinstance(event, CarrierResponse):
            return self  # 2xx retransmissions: the ACK goes once the caller answered
        if isinstance(event, InDialogRequest) and event.from_caller and event.request.method == "BYE":
            event.tx.respond(call.local_response(event.request, 200, True))
            call.ack_carrier(self.carrier_answer, call.invite.body)
            call.bye(to_caller=False)
            return Ended(EndCause.CANCELLED, HangupBy.CALLER)
        if isinstance(event, InDialogRequest):
            event.tx.respond(call.local_response(event.request, 491 if event.request.method == "INVITE" else 200,
                                                 event.from_caller))
        return self


def _caller_request_while_moving(call: Call, event: InDialogRequest, index: int | None) -> CallState:
    """A request from the caller while no carrier is connected: BYE ends the call (cancelling a pending
    INVITE), an offer is refused with 491 (try later), the rest is acknowledged."""
    request = event.request
    if not event.from_caller:  # the media endpoint's dialog is gone
        event.tx.respond(make_response(request, 481))
        return call.state
    if request.method == "BYE":
        event.tx.respond(call.local_response(request, 200, True))
        if index is None:
            return Ended(EndCause.CANCELLED, HangupBy.CALLER)
        call.cancel_carrier()
        return Cancelling(index)
    code = 491 if request.method in ("INVITE", "UPDATE") else 200
    event.tx.respond(call.local_response(request, code, True))
    return call.state


class Ended(CallState):
    name = "ended"

    def __init__(self, cause: EndCause, hangup_by: HangupBy) -> None:
        self.cause = cause
        self.hangup_by = hangup_by

    def enter(self, call: Call) -> None:
        call.finish(self.cause, self.hangup_by)

    def handle(self, call: Call, event: Event) -> CallState:
        if isinstance(event, InDialogRequest):
            event.tx.respond(make_response(event.request, 481))
        elif isinstance(event, CarrierResponse):
            call.late_response(event.response)
        return self


# -- the call -----------------------------------------------------------------------------------------------------

@dataclass
class Call:
    b2bua: B2BUA
    invite: SipRequest
    invite_tx: ServerTransaction
    a_dialog: Dialog
    inbound: InboundCall
    state: CallState = field(default_factory=Routing)
    routes: Routes | None = None
    b_dialog: Dialog | None = None
    b_invite_tx: ClientTransaction | None = None
    attempt: int = -1
    last_failure: int = 0
    connect_time: float | None = None
    granted_s: int | None = None  # talk seconds from connect the call holds credit for (the credit timer's)
    resumed: bool = False  # the IVR handed the call back: a carrier's BYE may take the caller back to it
    b_ack_body: bytes = b""  # the SDP our ACK to the carrier carried (RFC 3725 hand-off), re-sent with it
    timers: dict[str, TimerHandle] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)

    @property
    def config(self) -> B2buaConfig:
        return self.b2bua.config

    @property
    def targets(self) -> list[Target]:
        return self.routes.targets if self.routes else []

    def target(self, index: int) -> Target:
        return self.targets[index]

    def dispatch(self, event: Event) -> None:
        state = self.state
        try:
            new_state = state.handle(self, event)
        except Exception:
            log.exception("call %s: %r failed on %s", self.inbound.call_id, state, type(event).__name__)
            if isinstance(state, Ended):
                return
            new_state = Ended(EndCause.NORMAL, HangupBy.SWITCH)
        if new_state is not state:
            self.history.append(new_state.name)
            self.state = new_state
            # enter() may dispatch again (a controller that answers at once): that moves the call on by itself
            new_state.enter(self)

    # -- verbs used by the states
    def answer_caller(self, code: int, reason: str | None = None,
                      extra: list[tuple[str, str]] | None = None) -> None:
        self.invite_tx.respond(make_response(self.invite, code, reason, to_tag=self.a_dialog.local_tag,
                                             extra=extra))

    def local_response(self, request: SipRequest, code: int, to_caller: bool) -> SipResponse:
        dialog = self.a_dialog if to_caller else self.b_dialog
        tag = dialog.local_tag if dialog else new_tag()
        return make_response(request, code, to_tag=tag)

    def _relayed(self, request: SipRequest, to_caller: bool, response: SipResponse) -> SipResponse:
        """A response for one leg made from the other leg's: status, reason, body — nothing topological."""
        dialog = self.a_dialog if to_caller else self.b_dialog
        extra: list[tuple[str, str]] = []
        if dialog is not None and request.method in ("INVITE", "UPDATE", "SUBSCRIBE") and response.status < 300:
            extra.append(("contact", dialog.local.contact(dialog.peer.transport)))
        for name in ("content-type", "require", "rseq", "supported", "allow", "accept"):
            value = response.headers.get(name)
            if value is not None and (name != "content-type" or response.body):
                extra.append((name, value))
        tag = dialog.local_tag if dialog else new_tag()
        return make_response(request, response.status, response.reason, to_tag=tag, body=response.body,
                             extra=extra)

    def relay_provisional(self, response: SipResponse) -> None:
        assert self.b_dialog is not None
        self.b_dialog.update_from_response(response)
        self.invite_tx.respond(self._relayed(self.invite, True, response))

    def invite_carrier(self, index: int, offer: bytes | None = None) -> None:
        """INVITE target `index` with the caller's offer (or `offer`; b"" asks the carrier for one)."""
        b2bua = self.b2bua
        target = self.target(index)
        self.attempt = index
        peer = Peer(target.transport.upper(), target.host, target.port)
        local = b2bua.addresses.for_peer(target.host)
        tag = b2bua.config.call_id_tag
        call_id = f"{secrets.token_hex(10)}{'.' + tag if tag else ''}@{local.host}"
        from_user = self.inbound.pai_user or self.inbound.from_user or "anonymous"
        ruri = f"sip:{target.number}@{target.host}:{target.port}"
        if peer.transport != "UDP":
            ruri += f";transport={peer.transport.lower()}"
        dialog = Dialog(call_id=call_id, local_tag=new_tag(), local_uri=f"<sip:{from_user}@{local.hostport_host}>",
                        remote_uri=f"<sip:{target.number}@{target.host}>", remote_target=ruri, peer=peer,
                        local=local, local_cseq=0)
        if self.b_dialog is not None:
            b2bua.calls_by_b.pop(self.b_dialog.call_id, None)
        self.b_dialog = dialog
        b2bua.calls_by_b[call_id] = self
        body = self.invite.body if offer is None else offer
        content_type = (self.invite.headers.get("content-type") or "application/sdp") if body else None
        extra = [("allow", ALLOW), *(self.routes.headers if self.routes else ())]
        request = dialog.request("INVITE", body, content_type, extra)
        attempt = index
        self.b_invite_tx = b2bua.layer.start_client(
            request, peer,
            on_response=lambda response: self.dispatch(CarrierResponse(attempt, response)),
            on_timeout=lambda: self.dispatch(CarrierTimeout(attempt)))

    def cancel_carrier(self) -> None:
        tx = self.b_invite_tx
        if tx is None or tx.state.value not in ("calling", "proceeding"):
            return
        invite = tx.request
        cancel = SipRequest(invite.headers.copy(), b"", "CANCEL", invite.uri)
        for name in ("content-type", "contact", "allow"):
            cancel.headers.remove(name)
        cancel.headers.set("cseq", f"{invite.cseq[0]} CANCEL")
        self.b2bua.layer.start_client(cancel, tx.peer, on_response=lambda _r: None, on_timeout=lambda: None)
        tx.cancel_timeout()

    def ack_carrier(self, response: SipResponse, body: bytes = b"") -> None:
        assert self.b_dialog is not None
        dialog = self.b_dialog
        ack = (dialog.request("ACK", body, "application/sdp", cseq=response.cseq[0]) if body
               else dialog.ack_for_2xx(response.cseq[0]))
        self.b2bua.layer.send(ack.to_bytes(), dialog.peer)

    def ack_caller(self, response: SipResponse) -> None:
        self.a_dialog.update_from_response(response)
        self.b2bua.layer.send(self.a_dialog.ack_for_2xx(response.cseq[0]).to_bytes(), self.a_dialog.peer)

    # -- the IVR hand-off (RFC 3725)
    def handoff_in(self, bye: SipRequest) -> Handoff | None:
        """The destination a media endpoint put in its BYE, when this call is on one and can be resumed."""
        if self.routes is None or not self.routes.media or not hasattr(self.b2bua.controller, "resume"):
            return None
        destination = (bye.headers.get(HANDOFF_DESTINATION) or "").strip()
        if not destination:
            return None
        pin = (bye.headers.get(HANDOFF_PIN) or "").strip() or None
        return Handoff(destination, pin, (bye.headers.get(HANDOFF_LANGUAGE) or "").strip() or None)

    def resume(self, handoff: Handoff) -> CallState:
        """The call goes to Resuming, which asks the controller where it goes now (RouteDecided)."""
        self.stop_timer("credit")
        self.stop_timer("reauth")
        self.connect_time = None  # talk time starts again with the carrier
        self.resumed = True
        if self.b_dialog is not None:
            self.b2bua.calls_by_b.pop(self.b_dialog.call_id, None)
            self.b_dialog = None
        return Resuming(handoff)

    def may_reenter(self) -> bool:
        """A carrier's BYE takes the caller back to the IVR: the call came from it and the controller takes it."""
        return self.resumed and self.routes is not None and not self.routes.media and hasattr(
            self.b2bua.controller, "reenter")

    def reenter(self) -> CallState:
        """The carrier's leg ends (the controller accounts it); the caller goes to Reentering."""
        duration = time.monotonic() - self.connect_time if self.connect_time is not None else 0.0
        self.stop_timer("credit")
        self.stop_timer("reauth")
        self.connect_time = None
        self.granted_s = None
        if self.b_dialog is not None:
            self.b2bua.calls_by_b.pop(self.b_dialog.call_id, None)
            self.b_dialog = None
        controller: Any = self.b2bua.controller
        self.b2bua.notify(controller.on_leg_end, self.inbound, duration)
        return Reentering()

    def reoffer_caller(self, carrier_answer: SipResponse) -> None:
        """re-INVITE the caller with the carrier's offer."""
        content_type = carrier_answer.headers.get("content-type") or "application/sdp"
        request = self.a_dialog.request("INVITE", carrier_answer.body, content_type, [("allow", ALLOW)])
        self.b2bua.layer.start_client(request, self.a_dialog.peer,
                                      on_response=lambda response: self.dispatch(CallerResponse(response)),
                                      on_timeout=lambda: self.dispatch(CallerResponse(None)))

    def connected_to(self, index: int) -> None:
        """The carrier of a hand-off is connected: talk time and the credit timer start now."""
        self.connect_time = time.monotonic()
        self.arm_credit(self.routes.max_duration_s if self.routes else None)
        self.b2bua.notify(self.b2bua.controller.on_answer, self.inbound, self.target(index))
        self.dialogs_changed()

    def connect(self, response: SipResponse, target: Target) -> None:
        assert self.b_dialog is not None
        self.b_dialog.update_from_response(response)
        self.ack_carrier(response)
        self.invite_tx.on_ack_timeout = lambda: self.dispatch(Timeout("ack"))
        self.invite_tx.respond(self._relayed(self.invite, True, response))
        self.connect_time = time.monotonic()
        self.arm_credit(self.routes.max_duration_s if self.routes else None)
        self.b2bua.notify(self.b2bua.controller.on_answer, self.inbound, target)
        self.dialogs_changed()

    def dialogs_changed(self) -> None:
        """Both legs as they are now, for a controller that keeps them (DialogKeeper): after a crash they are what
        the restart sends BYE on."""
        keeper = getattr(self.b2bua.controller, "on_dialogs", None)
        if keeper is not None and self.b_dialog is not None and self.connect_time is not None:
            self.b2bua.notify(keeper, self.inbound, self.a_dialog, self.b_dialog)

    def arm_credit(self, total_s: int | None) -> None:
        """The call may talk `total_s` seconds from connect: the credit timer cuts it then (BYE to both legs). A
        controller that extends credit is asked for more a little before (`reauth_lead`)."""
        if total_s is None or self.connect_time is None:
            return
        previous = self.granted_s or 0
        self.granted_s = total_s
        elapsed = time.monotonic() - self.connect_time
        self.start_timer("credit", max(0.0, total_s - elapsed))
        if hasattr(self.b2bua.controller, "extend_credit"):
            lead = reauth_lead(total_s - previous)
            self.start_timer("reauth", max(0.0, total_s - lead - elapsed))

    def ask_for_credit(self) -> None:
        """Ask the controller for more talk time; its answer reaches the call as CreditExtended."""
        granted = self.granted_s
        if granted is None:
            return
        controller: Any = self.b2bua.controller
        self.b2bua.ask(self, lambda: controller.extend_credit(self.inbound, granted),
                       lambda total: CreditExtended(granted, total))

    def late_response(self, response: SipResponse) -> None:
        """A 2xx from an attempt we gave up on: ACK it and hang that leg up (no orphan call at the carrier)."""
        if not 200 <= response.status < 300 or response.cseq[1] != "INVITE":
            return
        peer = self.b_dialog.peer if self.b_dialog else Peer("UDP", "127.0.0.1", 5060)
        dialog = Dialog(call_id=response.call_id, local_tag=response.from_tag or "", local_uri=_strip_tag(
            response.headers.get("from") or ""), remote_uri=_strip_tag(response.headers.get("to") or ""),
            remote_target="", peer=peer, local=self.b2bua.addresses.for_peer(peer.host),
            local_cseq=response.cseq[0])
        dialog.update_from_response(response)
        contact = response.contact
        if contact is None:
            return
        self.b2bua.layer.send(dialog.ack_for_2xx(response.cseq[0]).to_bytes(), dialog.peer)
        bye = dialog.request("BYE")
        self.b2bua.layer.start_client(bye, dialog.peer, on_response=lambda _r: None, on_timeout=lambda: None)

    def bye(self, to_caller: bool) -> None:
        dialog = self.a_dialog if to_caller else self.b_dialog
        if dialog is None:
            return
        self.b2bua.layer.start_client(dialog.request("BYE"), dialog.peer, on_response=lambda _r: None,
                                      on_timeout=lambda: None)

    def relay_in_dialog(self, event: InDialogRequest) -> None:
        """re-INVITE / UPDATE / INFO / NOTIFY ...: forwarded on the other leg, its response relayed back."""
        request, tx = event.request, event.tx
        source = self.a_dialog if event.from_caller else self.b_dialog
        other = self.b_dialog if event.from_caller else self.a_dialog
        if other is None or source is None or other.remote_tag is None:
            tx.respond(make_response(request, 481, to_tag=source.local_tag if source else None))
            return
        if request.method == "INVITE":
            source.remote_target = _contact_or(request, source.remote_target)
        content_type = request.headers.get("content-type") if request.body else None
        extra = [(name, value) for name in ("event", "subscription-state", "info-package", "rack", "require",
                                            "supported", "session-expires")
                 if (value := request.headers.get(name)) is not None]
        forwarded = other.request(request.method, request.body, content_type, extra)
        self.dialogs_changed()  # the CSeq moved (and a re-INVITE may move the remote target)

        def relay_back(response: SipResponse) -> None:
            if request.method == "INVITE" and 200 <= response.status < 300:
                other.update_from_response(response)
                self.b2bua.layer.send(other.ack_for_2xx(response.cseq[0]).to_bytes(), other.peer)
                self.dialogs_changed()
            tx.respond(self._relayed(request, not event.from_caller, response))

        def timed_out() -> None:
            tx.respond(make_response(request, 408, to_tag=source.local_tag))

        self.b2bua.layer.start_client(forwarded, other.peer, on_response=relay_back, on_timeout=timed_out)

    def controller_attempt(self, target: Target, code: int) -> None:
        self.b2bua.notify(self.b2bua.controller.on_attempt, self.inbound, target, code)

    def start_ringing(self) -> None:
        """The carrier rings the callee (a provisional above 100): from now the ring timeout bounds the wait (Timer
        C), not the INVITE transaction's Timer B (32 s), which cut calls that rang longer (RFC 3261 17.1.1.2: Timer B
        matters only while the transaction is still Calling)."""
        self.start_timer("ring", self.config.ring_timeout_s)
        if self.b_invite_tx is not None:
            self.b_invite_tx.cancel_timeout()

    def start_timer(self, name: str, delay: float) -> None:
        self.stop_timer(name)
        self.timers[name] = self.b2bua.scheduler.call_later(delay, lambda: self.dispatch(Timeout(name)))

    def stop_timer(self, name: str) -> None:
        handle = self.timers.pop(name, None)
        if handle is not None:
            handle.cancel()

    def finish(self, cause: EndCause, hangup_by: HangupBy) -> None:
        for handle in self.timers.values():
            handle.cancel()
        self.timers.clear()
        duration = time.monotonic() - self.connect_time if self.connect_time is not None else 0.0
        self.b2bua.forget(self)
        self.b2bua.notify(self.b2bua.controller.on_end, self.inbound, cause, duration, hangup_by)


def _strip_tag(value: str) -> str:
    addr = NameAddr.parse(value)
    addr.params.pop("tag", None)
    return str(addr)


def _contact_or(request: SipRequest, default: str) -> str:
    contact = request.contact
    return str(contact.uri) if contact is not None and not contact.star else default


def _user(value: str | None) -> str:
    if not value:
        return ""
    try:
        return NameAddr.parse(value).uri.user or ""
    except SipParseError:
        return ""


class B2BUA:
    """The transaction user: new INVITEs become `Call`s, everything else is matched to one or answered here."""

    def __init__(self, layer: TransactionLayer, controller: CallController, addresses: LocalAddresses,
                 scheduler: Scheduler, config: B2buaConfig | None = None) -> None:
        self.layer = layer
        self.controller = controller
        self.addresses = addresses
        self.scheduler = scheduler
        self.config = config or B2buaConfig()
        self.calls_by_a: dict[tuple[str, str], Call] = {}
        self.calls_by_b: dict[str, Call] = {}
        self.ended_calls = 0
        self.allow = ALLOW + (", REGISTER" if hasattr(controller, "register") else "")  # what we answer
        self._tasks: set[asyncio.Future[None]] = set()
        layer.user = self

    @property
    def active_calls(self) -> int:
        return len(self.calls_by_a)

    def notify(self, fn: Callable[..., Any], *args: Any) -> None:
        """Controller events never break the call: a failing hook is logged."""
        try:
            fn(*args)
        except Exception:
            log.exception("controller %s failed", getattr(fn, "__name__", fn))

    def forget(self, call: Call) -> None:
        self.calls_by_a.pop((call.invite.call_id, call.invite.from_tag or ""), None)
        if call.b_dialog is not None and self.calls_by_b.get(call.b_dialog.call_id) is call:
            del self.calls_by_b[call.b_dialog.call_id]
        self.ended_calls += 1

    # -- TransactionUser
    def on_request(self, request: SipRequest, tx: ServerTransaction) -> None:
        method = request.method
        if request.to_tag:
            call = self.calls_by_b.get(request.call_id)
            if call is not None:
                call.dispatch(InDialogRequest(False, request, tx))
                return
            call = self.calls_by_a.get((request.call_id, request.from_tag or ""))
            if call is not None:
                call.dispatch(InDialogRequest(True, request, tx))
                return
            tx.respond(make_response(request, 481, to_tag=None))
            return
        if method == "INVITE":
            self._new_call(request, tx)
        elif method == "OPTIONS":
            tx.respond(make_response(request, 200, to_tag=new_tag(), extra=[
                ("allow", self.allow), ("accept", "application/sdp"), ("supported", "replaces, timer"),
                ("content-length", "0")]))
        elif method in ("BYE", "UPDATE", "INFO", "PRACK", "NOTIFY"):
            tx.respond(make_response(request, 481, to_tag=new_tag()))
        elif method == "REGISTER" and hasattr(self.controller, "register"):
            self._register(request, tx)
        elif method in ("REGISTER", "SUBSCRIBE", "MESSAGE", "REFER", "PUBLISH"):
            tx.respond(make_response(request, 405, to_tag=new_tag(), extra=[("allow", self.allow)]))
        else:
            tx.respond(make_response(request, 501, to_tag=new_tag()))

    def _register(self, request: SipRequest, tx: ServerTransaction) -> None:
        """A registrar controller answers REGISTER (digest trunks); its answer may take a snapshot load."""
        controller: Any = self.controller
        answer: SipResponse | Awaitable[SipResponse] = controller.register(request, tx.peer)
        if not inspect.isawaitable(answer):
            tx.respond(answer)
            return

        async def respond(pending: Awaitable[SipResponse]) -> None:
            try:
                tx.respond(await pending)
            except Exception:
                log.exception("REGISTER from %s:%d failed", tx.peer.host, tx.peer.port)
                tx.respond(make_response(request, 500, to_tag=new_tag()))

        task = asyncio.ensure_future(respond(answer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def on_cancel(self, cancel: SipRequest, invite_tx: ServerTransaction | None, peer: Peer) -> None:
        call = self.calls_by_a.get((cancel.call_id, cancel.from_tag or ""))
        if call is not None and invite_tx is call.invite_tx:
            call.dispatch(CallerCancel())

    def on_ack(self, ack: SipRequest, peer: Peer) -> None:
        call = self.calls_by_a.get((ack.call_id, ack.from_tag or ""))
        if call is not None and ack.cseq[0] == call.invite.cseq[0]:
            call.stop_timer("ack")

    def on_stray_response(self, response: SipResponse, peer: Peer) -> None:
        call = self.calls_by_b.get(response.call_id)
        if call is not None and response.cseq[1] == "INVITE" and 200 <= response.status < 300:
            call.ack_carrier(response)

    def _new_call(self, invite: SipRequest, tx: ServerTransaction) -> None:
        local_tag = new_tag()
        tx.respond(make_response(invite, 100))
        ruri = invite.request_uri
        dialog = Dialog.as_uas(invite, local_tag, tx.peer, self.addresses.for_peer(tx.peer.host))
        inbound = InboundCall(
            call_id=invite.call_id, source_host=tx.peer.host, source_port=tx.peer.port,
            transport=tx.peer.transport, did=ruri.user or "", from_user=_user(invite.headers.get("from")),
            pai_user=_user(invite.headers.get("p-asserted-identity")) or None,
            to_user=_user(invite.headers.get("to")), sdp=invite.body, switch_ref=secrets.token_hex(8),
            proxy_authorization=invite.headers.get("proxy-authorization") or invite.headers.get("authorization"))
        call = Call(self, invite, tx, dialog, inbound)
        self.calls_by_a[(invite.call_id, invite.from_tag or "")] = call
        self.decide(call, lambda: self.controller.route(inbound))

    def decide(self, call: Call, ask: Callable[[], Decision | Awaitable[Decision]]) -> None:
        """Ask the controller (route or resume); its answer reaches the call as RouteDecided."""
        self.ask(call, ask, RouteDecided, Reject(500, "Routing Failed"))

    def ask(self, call: Call, question: Callable[[], Any], event: Callable[[Any], Event],
            failed: Any = None) -> None:
        """Ask the controller something (it may answer at once or with an awaitable); the answer reaches the call
        as `event(answer)`, `event(failed)` when the controller failed."""
        try:
            answer = question()
        except Exception:
            log.exception("controller failed on %s", call.inbound.call_id)
            answer = failed
        if inspect.isawaitable(answer):
            task = asyncio.ensure_future(self._await_answer(call, answer, event, failed))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        else:
            call.dispatch(event(answer))

    async def _await_answer(self, call: Call, pending: Awaitable[Any], event: Callable[[Any], Event],
                            failed: Any) -> None:
        try:
            answer = await pending
        except Exception:
            log.exception("controller failed on %s", call.inbound.call_id)
            answer = failed
        call.dispatch(event(answer))

    def hang_up(self, switch_ref: str) -> HangupOutcome:
        """End a connected call as the credit timer does (BYE to both legs), cause operator-hangup."""
        call = next((c for c in self.calls_by_a.values() if c.inbound.switch_ref == switch_ref), None)
        if call is None:
            return HangupOutcome.NOT_FOUND
        if not isinstance(call.state, Connected):
            return HangupOutcome.NOT_CONNECTED
        call.dispatch(OperatorHangup())
        return HangupOutcome.ENDED

    def close(self) -> None:
        for call in list(self.calls_by_a.values()):
            if isinstance(call.state, Connected):
                call.bye(to_caller=True)
                call.bye(to_caller=False)
            if not isinstance(call.state, Ended):  # the controller hears of every call's end (accounting)
                call.state = Ended(EndCause.SHUTDOWN, HangupBy.SWITCH)
                call.finish(EndCause.SHUTDOWN, HangupBy.SWITCH)
            for handle in call.timers.values():
                handle.cancel()
        self.calls_by_a.clear()
        self.calls_by_b.clear()
