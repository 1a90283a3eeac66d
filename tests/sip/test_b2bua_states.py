"""The B2BUA's call states fed one event at a time: the transition each makes and what it sends on each leg.

No sockets and no event loop for the most part: the real transaction layer sends into a recording wire, timers run
on a fake clock, and a scripted controller answers at once (or later, for the states that wait on it). The SIPp
tests (test_calls_sipp.py, test_switch_e2e.py) keep the same flows end to end over UDP.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from fake_clock import FakeClock

from switch_service.sip.b2bua import B2BUA, B2buaConfig, Call, CarrierResponse
from switch_service.sip.controller import (
    HANDOFF_DESTINATION,
    REENTRY,
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
from switch_service.sip.local_addresses import LocalAddresses
from switch_service.sip.message import SipRequest, SipResponse, make_response, parse_message
from switch_service.sip.transactions import Peer, TransactionLayer

CALLER = Peer("UDP", "192.0.2.10", 5062)
CARRIER_A = Peer("UDP", "203.0.113.5", 5060)
CARRIER_B = Peer("UDP", "203.0.113.6", 5060)
IVR_PEER = Peer("UDP", "127.0.0.1", 7000)
A = Target(CARRIER_A.host, CARRIER_A.port, "UDP", "15557654321", "1:1")
B = Target(CARRIER_B.host, CARRIER_B.port, "UDP", "15557654321", "2:2")
IVR = Target(IVR_PEER.host, IVR_PEER.port, "UDP", "18005550100", "ivr")
CALLER_SDP = b"v=0\r\no=caller 1 1 IN IP4 192.0.2.10\r\nm=audio 4000 RTP/AVP 0\r\n"
CARRIER_SDP = b"v=0\r\no=carrier 1 1 IN IP4 203.0.113.5\r\nm=audio 5000 RTP/AVP 0\r\n"


def message(lines: list[str], body: bytes = b"") -> SipRequest | SipResponse:
    head = "\r\n".join([*lines, f"Content-Length: {len(body)}"]) + "\r\n\r\n"
    return parse_message(head.encode() + body)


def caller_invite() -> SipRequest:
    invite = message(["INVITE sip:15551230001@192.0.2.1:5060 SIP/2.0",
                      "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-a1",
                      "From: <sip:442070000001@192.0.2.10>;tag=c-1", "To: <sip:15551230001@192.0.2.1>",
                      "Call-ID: a-1@192.0.2.10", "CSeq: 1 INVITE", "Contact: <sip:caller@192.0.2.10:5062>",
                      "Content-Type: application/sdp"], CALLER_SDP)
    assert isinstance(invite, SipRequest)
    return invite


@dataclass
class ScriptedController:
    """Answers `route` and `resume` from its script (a Future: answered when the test sets it); records the rest."""

    decisions: list[Decision | asyncio.Future[Decision]]
    calls: list[Call] = field(default_factory=list)
    attempts: list[tuple[str, int]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    ends: list[tuple[EndCause, HangupBy]] = field(default_factory=list)
    handoffs: list[Handoff] = field(default_factory=list)
    b2bua: B2BUA | None = None
    resume_at_once: bool = False

    def route(self, call: InboundCall) -> Decision | asyncio.Future[Decision]:
        assert self.b2bua is not None
        self.calls.append(next(c for c in self.b2bua.calls_by_a.values() if c.inbound is call))
        return self.decisions.pop(0)

    def resume(self, call: InboundCall, handoff: Handoff) -> Decision | asyncio.Future[Decision]:
        """An awaitable, as the switch's controller answers; at once when `resume_at_once` (a HandoffController
        may: the decision must still reach the call in Resuming)."""
        self.handoffs.append(handoff)
        decision = self.decisions.pop(0)
        if isinstance(decision, asyncio.Future) or self.resume_at_once:
            return decision
        answered: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()
        answered.set_result(decision)
        return answered

    def on_attempt(self, call: InboundCall, target: Target, final_code: int) -> None:
        self.attempts.append((target.carrier_ref, final_code))

    def on_answer(self, call: InboundCall, target: Target) -> None:
        self.answers.append(target.carrier_ref)

    def on_end(self, call: InboundCall, cause: EndCause, duration_s: float, hangup_by: HangupBy) -> None:
        self.ends.append((cause, hangup_by))


@dataclass
class ReentryScriptedController(ScriptedController):
    """A ScriptedController that takes IVR callers back when the carrier hangs up (ReentryController)."""

    leg_ends: int = 0

    def on_leg_end(self, call: InboundCall, duration_s: float) -> None:
        self.leg_ends += 1

    def reenter(self, call: InboundCall) -> Decision | asyncio.Future[Decision]:
        return self.resume(call, Handoff(""))


class Rig:
    """A B2BUA on the real transaction layer, its wire recorded."""

    def __init__(self, *decisions: Decision | asyncio.Future[Decision], ring_timeout_s: float = 180.0,
                 reentry: bool = False) -> None:
        self.clock = FakeClock()
        self.sent: list[tuple[SipRequest | SipResponse, Peer]] = []
        self.layer = TransactionLayer(self.clock, lambda data, peer: self.sent.append((parse_message(data), peer)))
        self.controller = (ReentryScriptedController if reentry else ScriptedController)(list(decisions))
        self.b2bua = B2BUA(self.layer, self.controller, LocalAddresses("192.0.2.1", 5060), self.clock,
                           B2buaConfig(ring_timeout_s=ring_timeout_s, cancel_wait_s=32.0))
        self.controller.b2bua = self.b2bua
        self.invite = caller_invite()

    # -- what the switch sent
    def to(self, peer: Peer) -> list[SipRequest | SipResponse]:
        return [m for m, p in self.sent if p == peer]

    def requests(self, peer: Peer, method: str) -> list[SipRequest]:
        """The `method` requests sent to `peer`, each once (UDP retransmissions are the same branch)."""
        found: dict[str, SipRequest] = {}
        for m in self.to(peer):
            if isinstance(m, SipRequest) and m.method == method:
                found.setdefault(f"{m.top_via.branch}/{m.cseq[0]}", m)
        return list(found.values())

    def statuses(self, peer: Peer = CALLER) -> list[int]:
        """The responses sent to `peer` in order, each once (a final is sent again until it is ACKed)."""
        found: dict[tuple[int, int, str], int] = {}
        for m in self.to(peer):
            if isinstance(m, SipResponse):
                found.setdefault((m.status, *m.cseq), m.status)
        return list(found.values())

    def last_response(self, peer: Peer = CALLER) -> SipResponse:
        return [m for m in self.to(peer) if isinstance(m, SipResponse)][-1]

    @property
    def call(self) -> Call:
        return self.controller.calls[-1]

    @property
    def states(self) -> list[str]:
        return self.call.history

    # -- what the peers send
    def caller_calls(self) -> None:
        self.layer.receive(self.invite, CALLER)

    def carrier_answers(self, peer: Peer, status: int, body: bytes = b"", *, to_tag: str = "k-1") -> SipResponse:
        invite = self.requests(peer, "INVITE")[-1]
        extra = [("contact", f"<sip:carrier@{peer.host}:{peer.port}>")] if 100 < status < 300 else []
        if body:
            extra.append(("content-type", "application/sdp"))
        response = make_response(invite, status, to_tag=to_tag, body=body, extra=extra)
        self.layer.receive(response, peer)
        return response

    def caller_acks(self) -> None:
        """The caller's ACK of the 2xx to its INVITE (a call not ACKed is hung up: Timeout "ack")."""
        to_tag = self.last_response(CALLER).to_tag
        ack = message(["ACK sip:switch@192.0.2.1:5060 SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-ack",
                       "From: <sip:442070000001@192.0.2.10>;tag=c-1", f"To: <sip:15551230001@192.0.2.1>;tag={to_tag}",
                       "Call-ID: a-1@192.0.2.10", "CSeq: 1 ACK"])
        assert isinstance(ack, SipRequest)
        self.layer.receive(ack, CALLER)

    def caller_cancels(self) -> None:
        cancel = message(["CANCEL sip:15551230001@192.0.2.1:5060 SIP/2.0",
                          "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-a1",
                          "From: <sip:442070000001@192.0.2.10>;tag=c-1", "To: <sip:15551230001@192.0.2.1>",
                          "Call-ID: a-1@192.0.2.10", "CSeq: 1 CANCEL"])
        assert isinstance(cancel, SipRequest)
        self.layer.receive(cancel, CALLER)

    def caller_sends(self, method: str, cseq: int, body: bytes = b"") -> None:
        to_tag = self.last_response(CALLER).to_tag
        extra = ["Content-Type: application/sdp"] if body else []
        request = message([f"{method} sip:switch@192.0.2.1:5060 SIP/2.0",
                           f"Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-a{cseq}",
                           "From: <sip:442070000001@192.0.2.10>;tag=c-1",
                           f"To: <sip:15551230001@192.0.2.1>;tag={to_tag}", "Call-ID: a-1@192.0.2.10",
                           f"CSeq: {cseq} {method}", "Contact: <sip:caller@192.0.2.10:5062>", *extra], body)
        assert isinstance(request, SipRequest)
        self.layer.receive(request, CALLER)

    def peer_hangs_up(self, peer: Peer, extra: list[str] | None = None) -> None:
        """BYE from the carrier (or the IVR) on the B-leg."""
        invite = self.requests(peer, "INVITE")[-1]
        bye = message(["BYE sip:switch@192.0.2.1:5060 SIP/2.0",
                       f"Via: SIP/2.0/UDP {peer.host}:{peer.port};branch=z9hG4bK-b9",
                       f"From: <sip:x@{peer.host}>;tag=k-1", f"To: <sip:y@192.0.2.1>;tag={invite.from_tag}",
                       f"Call-ID: {invite.call_id}", "CSeq: 9 BYE", *(extra or [])])
        assert isinstance(bye, SipRequest)
        self.layer.receive(bye, peer)

    def caller_answers_reinvite(self, status: int, body: bytes = b"") -> None:
        reinvite = self.requests(CALLER, "INVITE")[-1]
        extra = [("contact", "<sip:caller@192.0.2.10:5062>")] if status < 300 else []
        if body:
            extra.append(("content-type", "application/sdp"))
        self.layer.receive(make_response(reinvite, status, to_tag="c-1", body=body, extra=extra), CALLER)


def connected(*targets: Target, max_duration_s: int | None = None) -> Rig:
    rig = Rig(Routes(list(targets), max_duration_s))
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
    rig.caller_acks()
    assert rig.states == ["attempting", "connected"] and "ack" not in rig.call.timers
    return rig


# -- Routing ------------------------------------------------------------------------------------------------------

def test_routing_a_refusal_is_the_callers_final_answer_with_its_headers() -> None:
    rig = Rig(Reject(402, "Zero Balance", (("warning", '399 carrierdesk "h323-return-code=4"'),)))
    rig.caller_calls()
    assert rig.states == ["ended"]
    assert rig.statuses() == [100, 402]
    assert rig.last_response().headers.get("warning") == '399 carrierdesk "h323-return-code=4"'
    assert rig.controller.ends == [(EndCause.REJECTED, HangupBy.SWITCH)]
    assert rig.requests(CARRIER_A, "INVITE") == []


def test_routing_no_targets_is_404() -> None:
    rig = Rig(Routes([]))
    rig.caller_calls()
    assert rig.statuses() == [100, 404]
    assert rig.controller.ends == [(EndCause.NO_ROUTE, HangupBy.SWITCH)]


def test_routing_a_cancel_before_the_decision_ends_the_call_and_the_late_decision_is_ignored() -> None:
    async def scenario() -> Rig:
        decision: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()
        rig = Rig(decision)
        rig.caller_calls()
        assert rig.states == []  # still Routing
        rig.caller_cancels()
        decision.set_result(Routes([A]))
        await settle()
        return rig

    rig = asyncio.run(scenario())
    assert rig.states == ["ended"]
    assert rig.statuses() == [100, 200, 487]  # 200 to the CANCEL, 487 to the INVITE
    assert rig.controller.ends == [(EndCause.CANCELLED, HangupBy.CALLER)]
    assert rig.requests(CARRIER_A, "INVITE") == []


# -- Attempting ---------------------------------------------------------------------------------------------------

def test_attempting_relays_ringing_then_connects_on_2xx() -> None:
    rig = Rig(Routes([A]))
    rig.caller_calls()
    assert rig.states == ["attempting"]
    sent = rig.requests(CARRIER_A, "INVITE")[0]
    assert sent.body == CALLER_SDP and sent.call_id != rig.invite.call_id  # topology hidden, offer relayed
    assert sent.first_line() == "INVITE sip:15557654321@203.0.113.5:5060 SIP/2.0"
    rig.carrier_answers(CARRIER_A, 180)
    assert rig.statuses() == [100, 180] and "ring" in rig.call.timers
    rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
    assert rig.states == ["attempting", "connected"]
    answer = rig.last_response()
    assert (answer.status, answer.body) == (200, CARRIER_SDP)
    assert len(rig.requests(CARRIER_A, "ACK")) == 1
    assert "ring" not in rig.call.timers
    assert rig.controller.attempts == [("1:1", 200)] and rig.controller.answers == ["1:1"]


def test_attempting_a_carrier_failure_fails_over_to_the_next_target() -> None:
    rig = Rig(Routes([A, B]))
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 503)
    assert rig.states == ["attempting", "attempting"]
    assert len(rig.requests(CARRIER_A, "ACK")) == 1  # the transaction layer ACKs the non-2xx final
    assert len(rig.requests(CARRIER_B, "INVITE")) == 1
    assert rig.statuses() == [100]  # the caller hears nothing of the failure
    rig.carrier_answers(CARRIER_B, 200, CARRIER_SDP)
    assert rig.states[-1] == "connected"
    assert rig.controller.attempts == [("1:1", 503), ("2:2", 200)] and rig.controller.answers == ["2:2"]


def test_attempting_every_target_failed_is_503_even_after_a_timeout() -> None:
    rig = Rig(Routes([A, B]))
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 500)
    rig.clock.advance(40)  # no answer from B: Timer B (64*T1)
    assert rig.states == ["attempting", "attempting", "ended"]
    assert rig.statuses() == [100, 503]
    assert rig.controller.attempts == [("1:1", 500), ("2:2", 408)]
    assert rig.controller.ends == [(EndCause.ALL_ROUTES_FAILED, HangupBy.CALLEE)]


def test_attempting_the_callees_answer_is_relayed_without_failover() -> None:
    rig = Rig(Routes([A, B]))
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 486)
    assert rig.states == ["attempting", "ended"]
    assert rig.statuses() == [100, 486]
    assert rig.requests(CARRIER_B, "INVITE") == []
    assert rig.controller.ends == [(EndCause.REJECTED, HangupBy.CALLEE)]


def test_attempting_rings_past_timer_b_until_the_ring_timeout() -> None:
    """A callee may ring for a minute: the 180 hands the wait from the INVITE's Timer B (32 s) to the ring timeout."""
    rig = Rig(Routes([A]), ring_timeout_s=180.0)
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 180)
    rig.clock.advance(60)
    assert rig.states == ["attempting"] and rig.statuses() == [100, 180]
    assert rig.controller.attempts == []
    rig.carrier_answers(CARRIER_A, 200)
    assert rig.states == ["attempting", "connected"]


def test_attempting_ringing_too_long_cancels_the_carrier_and_answers_480() -> None:
    rig = Rig(Routes([A]), ring_timeout_s=60.0)  # beyond Timer B (32 s): the 180 stopped it
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 180)
    rig.clock.advance(61)
    assert rig.states == ["attempting", "ended"]
    assert len(rig.requests(CARRIER_A, "CANCEL")) == 1
    assert rig.statuses() == [100, 180, 480]
    assert rig.controller.attempts == [("1:1", 408)]
    assert rig.controller.ends == [(EndCause.REJECTED, HangupBy.SWITCH)]


# -- Cancelling ---------------------------------------------------------------------------------------------------

def test_attempting_a_cancel_cancels_the_carrier_and_waits_for_its_final() -> None:
    rig = Rig(Routes([A]))
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 180)
    rig.caller_cancels()
    assert rig.states == ["attempting", "cancelling"]
    assert rig.statuses() == [100, 180, 200, 487]
    cancel = rig.requests(CARRIER_A, "CANCEL")[0]
    assert cancel.cseq == (rig.requests(CARRIER_A, "INVITE")[0].cseq[0], "CANCEL")
    assert rig.controller.ends == []  # not over until the carrier's final
    rig.carrier_answers(CARRIER_A, 487)
    assert rig.states[-1] == "ended"
    assert rig.controller.ends == [(EndCause.CANCELLED, HangupBy.CALLER)]


def test_cancelling_a_2xx_crossing_the_cancel_is_acked_and_hung_up() -> None:
    rig = Rig(Routes([A]))
    rig.caller_calls()
    rig.caller_cancels()
    rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
    assert rig.states == ["attempting", "cancelling", "ended"]
    assert len(rig.requests(CARRIER_A, "ACK")) == 1 and len(rig.requests(CARRIER_A, "BYE")) == 1
    assert 200 not in rig.statuses()[2:]  # the caller already has its 487: never a 200 after it
    assert rig.controller.ends == [(EndCause.CANCELLED, HangupBy.CALLER)]


def test_cancelling_ends_when_the_carrier_never_answers() -> None:
    rig = Rig(Routes([A]))
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 100)
    rig.caller_cancels()
    rig.clock.advance(33)
    assert rig.states == ["attempting", "cancelling", "ended"]
    assert rig.controller.ends == [(EndCause.CANCELLED, HangupBy.CALLER)]


# -- Connected ----------------------------------------------------------------------------------------------------

def test_connected_the_callers_bye_is_answered_and_passed_to_the_carrier() -> None:
    rig = connected(A)
    rig.caller_sends("BYE", 2)
    assert rig.states[-1] == "ended"
    assert rig.statuses()[-1] == 200
    bye = rig.requests(CARRIER_A, "BYE")[0]
    assert bye.call_id == rig.requests(CARRIER_A, "INVITE")[0].call_id and bye.to_tag == "k-1"
    assert rig.controller.ends == [(EndCause.NORMAL, HangupBy.CALLER)]


def test_connected_the_carriers_bye_reaches_the_caller() -> None:
    rig = connected(A)
    rig.peer_hangs_up(CARRIER_A)
    assert rig.states[-1] == "ended"
    assert rig.statuses(CARRIER_A)[-1] == 200
    bye = rig.requests(CALLER, "BYE")[0]
    assert (bye.call_id, bye.to_tag) == (rig.invite.call_id, "c-1")
    assert rig.controller.ends == [(EndCause.NORMAL, HangupBy.CALLEE)]


def test_connected_a_reinvite_is_relayed_and_its_answer_acked_and_returned() -> None:
    rig = connected(A)
    new_offer = CALLER_SDP.replace(b"4000", b"4002")
    rig.caller_sends("INVITE", 2, new_offer)
    relayed = rig.requests(CARRIER_A, "INVITE")[-1]
    assert relayed.body == new_offer and relayed.to_tag == "k-1"
    rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
    assert len(rig.requests(CARRIER_A, "ACK")) == 2
    assert (rig.last_response().status, rig.last_response().cseq) == (200, (2, "INVITE"))
    assert rig.states == ["attempting", "connected"]


def test_connected_a_2xx_retransmission_is_acked_again() -> None:
    rig = connected(A)
    invite = rig.requests(CARRIER_A, "INVITE")[0]
    rig.layer.receive(make_response(invite, 200, to_tag="k-1", body=CARRIER_SDP,
                                    extra=[("contact", "<sip:carrier@203.0.113.5:5060>")]), CARRIER_A)
    assert len(rig.requests(CARRIER_A, "ACK")) == 2
    assert rig.states[-1] == "connected"


def test_connected_the_credit_timer_hangs_up_both_legs() -> None:
    rig = connected(A, max_duration_s=60)
    rig.clock.advance(59)
    assert rig.states[-1] == "connected"
    rig.clock.advance(2)
    assert rig.states[-1] == "ended"
    assert len(rig.requests(CALLER, "BYE")) == 1 and len(rig.requests(CARRIER_A, "BYE")) == 1
    assert rig.controller.ends == [(EndCause.CREDIT_EXHAUSTED, HangupBy.SWITCH)]


def test_connected_an_operator_hangup_ends_both_legs() -> None:
    rig = connected(A)
    assert rig.b2bua.hang_up(rig.call.inbound.switch_ref or "") is HangupOutcome.ENDED
    assert len(rig.requests(CALLER, "BYE")) == 1 and len(rig.requests(CARRIER_A, "BYE")) == 1
    assert rig.controller.ends == [(EndCause.OPERATOR_HANGUP, HangupBy.SWITCH)]
    assert rig.b2bua.hang_up(rig.call.inbound.switch_ref or "") is HangupOutcome.NOT_FOUND


# -- the IVR hand-off: Resuming, Transferring, ReofferingCaller ---------------------------------------------------

async def settle() -> None:
    """Let the controller's answers reach the call."""
    for _ in range(3):
        await asyncio.sleep(0)


async def in_the_ivr(*decisions: Decision | asyncio.Future[Decision]) -> Rig:
    """A call answered by the IVR media endpoint, whose BYE hands it back with a destination."""
    rig = Rig(Routes([IVR], media=True), *decisions)
    rig.caller_calls()
    rig.carrier_answers(IVR_PEER, 200, CARRIER_SDP)
    rig.caller_acks()
    rig.peer_hangs_up(IVR_PEER, [f"{HANDOFF_DESTINATION}: 15557654321"])
    assert rig.controller.handoffs == [Handoff("15557654321")]
    assert rig.statuses(IVR_PEER)[-1] == 200
    assert rig.states[-1] == "resuming"
    await settle()
    return rig


def test_the_ivrs_bye_hands_the_call_to_the_carrier_without_an_offer() -> None:
    rig = asyncio.run(in_the_ivr(Routes([A])))
    assert rig.states == ["attempting", "connected", "resuming", "transferring"]
    invite = rig.requests(CARRIER_A, "INVITE")[0]
    assert invite.body == b""  # RFC 3725 flow I: the carrier makes the offer
    assert rig.requests(CALLER, "BYE") == []  # the caller stays


def test_transferring_the_carriers_offer_goes_to_the_caller_and_its_answer_back_in_the_ack() -> None:
    rig = asyncio.run(in_the_ivr(Routes([A])))
    rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
    assert rig.states[-1] == "reoffering"
    reinvite = rig.requests(CALLER, "INVITE")[0]
    assert reinvite.body == CARRIER_SDP and reinvite.to_tag == "c-1"
    assert rig.requests(CARRIER_A, "ACK") == []  # not before the caller answered
    rig.caller_answers_reinvite(200, CALLER_SDP)
    assert rig.states[-1] == "connected"
    assert len(rig.requests(CALLER, "ACK")) == 1
    assert rig.requests(CARRIER_A, "ACK")[0].body == CALLER_SDP
    assert rig.controller.answers == ["ivr", "1:1"]


def test_a_hand_off_decided_at_once_is_not_lost() -> None:
    rig = Rig(Routes([IVR], media=True), Routes([A]))
    rig.controller.resume_at_once = True
    rig.caller_calls()
    rig.carrier_answers(IVR_PEER, 200, CARRIER_SDP)
    rig.caller_acks()
    rig.peer_hangs_up(IVR_PEER, [f"{HANDOFF_DESTINATION}: 15557654321"])
    assert rig.states == ["attempting", "connected", "resuming", "transferring"]
    assert rig.requests(CARRIER_A, "INVITE")[0].body == b""


def test_transferring_a_carrier_failure_fails_over() -> None:
    rig = asyncio.run(in_the_ivr(Routes([A, B])))
    rig.carrier_answers(CARRIER_A, 503)
    assert rig.states[-2:] == ["transferring", "transferring"]
    assert rig.requests(CARRIER_B, "INVITE")[0].body == b""


def test_transferring_a_2xx_without_an_offer_ends_both_legs() -> None:
    rig = asyncio.run(in_the_ivr(Routes([A])))
    rig.carrier_answers(CARRIER_A, 200)
    assert rig.states[-1] == "ended"
    assert len(rig.requests(CARRIER_A, "ACK")) == 1 and len(rig.requests(CARRIER_A, "BYE")) == 1
    assert len(rig.requests(CALLER, "BYE")) == 1
    assert rig.controller.ends == [(EndCause.ALL_ROUTES_FAILED, HangupBy.SWITCH)]


def test_reoffering_the_callers_refusal_ends_both_legs() -> None:
    rig = asyncio.run(in_the_ivr(Routes([A])))
    rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
    rig.caller_answers_reinvite(488)
    assert rig.states[-2:] == ["reoffering", "ended"]
    assert len(rig.requests(CARRIER_A, "ACK")) == 1 and len(rig.requests(CARRIER_A, "BYE")) == 1
    assert len(rig.requests(CALLER, "BYE")) == 1
    assert rig.controller.ends == [(EndCause.REJECTED, HangupBy.SWITCH)]


def test_resuming_a_refusal_says_bye_to_the_caller() -> None:
    rig = asyncio.run(in_the_ivr(Reject(402, "Zero Balance")))
    assert rig.states[-2:] == ["resuming", "ended"]
    assert len(rig.requests(CALLER, "BYE")) == 1
    assert rig.controller.ends == [(EndCause.REJECTED, HangupBy.SWITCH)]


def test_resuming_the_callers_bye_while_waiting_ends_the_call() -> None:
    async def scenario() -> Rig:
        decision: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()
        rig = await in_the_ivr(decision)
        assert rig.states[-1] == "resuming"
        rig.caller_sends("BYE", 2)
        decision.set_result(Routes([A]))
        await settle()
        return rig

    rig = asyncio.run(scenario())
    assert rig.states[-2:] == ["resuming", "ended"]
    assert rig.statuses()[-1] == 200
    assert rig.requests(CARRIER_A, "INVITE") == []
    assert rig.controller.ends == [(EndCause.CANCELLED, HangupBy.CALLER)]


# -- Ended --------------------------------------------------------------------------------------------------------

def test_ended_a_late_2xx_from_a_carrier_is_acked_and_hung_up() -> None:
    rig = Rig(Routes([A]))
    rig.caller_calls()
    rig.carrier_answers(CARRIER_A, 486)
    invite = rig.requests(CARRIER_A, "INVITE")[0]
    late = make_response(invite, 200, to_tag="k-2", body=CARRIER_SDP,
                         extra=[("contact", "<sip:carrier@203.0.113.5:5060>")])
    rig.call.dispatch(CarrierResponse(0, late))
    assert rig.states == ["attempting", "ended"]
    assert len(rig.requests(CARRIER_A, "BYE")) == 1
    assert rig.controller.ends == [(EndCause.REJECTED, HangupBy.CALLEE)]  # told once


def test_when_the_carrier_hangs_up_a_handed_off_call_the_caller_goes_back_to_the_ivr() -> None:
    back = Routes([IVR], media=True, headers=((REENTRY, "1"),))

    async def scenario() -> Rig:
        rig = Rig(Routes([IVR], media=True), Routes([A]), back, reentry=True)
        rig.caller_calls()
        rig.carrier_answers(IVR_PEER, 200, CARRIER_SDP)
        rig.caller_acks()
        rig.peer_hangs_up(IVR_PEER, [f"{HANDOFF_DESTINATION}: 15557654321"])
        await settle()
        rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
        rig.caller_answers_reinvite(200, CALLER_SDP)
        rig.peer_hangs_up(CARRIER_A)
        await settle()
        return rig

    rig = asyncio.run(scenario())
    assert rig.states[-4:] == ["reoffering", "connected", "reentering", "transferring"]
    assert rig.controller.leg_ends == 1 and rig.controller.ends == []  # the call goes on
    assert rig.statuses(CARRIER_A)[-1] == 200 and rig.requests(CALLER, "BYE") == []
    again = rig.requests(IVR_PEER, "INVITE")[-1]
    assert again.body == b"" and again.headers.get(REENTRY) == "1"  # flow I again, the worker told why
    rig.carrier_answers(IVR_PEER, 200, CARRIER_SDP, to_tag="k-2")
    rig.caller_answers_reinvite(200, CALLER_SDP)
    assert rig.states[-1] == "connected" and rig.call.routes is back


def test_without_reentry_the_carriers_bye_ends_a_handed_off_call() -> None:
    async def scenario() -> Rig:
        rig = await in_the_ivr(Routes([A]))
        rig.carrier_answers(CARRIER_A, 200, CARRIER_SDP)
        rig.caller_answers_reinvite(200, CALLER_SDP)
        rig.peer_hangs_up(CARRIER_A)
        return rig

    rig = asyncio.run(scenario())
    assert rig.states[-1] == "ended" and len(rig.requests(CALLER, "BYE")) == 1
    assert rig.controller.ends == [(EndCause.NORMAL, HangupBy.CALLEE)]
