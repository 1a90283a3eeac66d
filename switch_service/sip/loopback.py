"""The service's own SIP endpoints on loopback, so a new installation has something to see: a test carrier and a
test caller.

- `TestCarrier` answers like a carrier gateway on 127.0.0.1 (`sip_test_carrier_port`): OPTIONS 200, INVITE 100,
  180, then 200 with an SDP answer (PCMU/PCMA, no media is sent), and it hangs up with a BYE after `hangup_s`
  seconds unless the call ended before (BYE from the switch); CANCEL gets 487. The demo's carrier "Test carrier
  (built-in)" points at it, and it is the cheapest, so the demo's dial plans route to it.
- `TestCaller` places a real call into the switch from its own port on 127.0.0.1: INVITE with an SDP offer, ACK,
  BYE after the seconds asked for. The switch knows its calls by their Call-ID (`claim`, asked by the call
  control for a call from the caller's port) and takes them down its normal billed path: RADIUS authorisation
  of the account (`account-id=`, as for a forward DID), the account's dial plan, the carriers, accounting, CDRs.

Both run on the switch's event loop, over the same transport and transaction layers as the switch.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass, field

from switch_service.sip.controller import InboundCall
from switch_service.sip.dialogs import Dialog, LocalAddress
from switch_service.sip.message import SipParseError, SipRequest, SipResponse, make_response, new_tag, parse_message
from switch_service.sip.transactions import Peer, ServerTransaction, TimerHandle, TransactionLayer
from switch_service.sip.transport import SipTransport

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
TEST_CALLER_USER = "test-call"
RING_S = 0.5  # the test carrier rings this long before it answers
MAX_TEST_CALL_S = 3600
_SDP = ("v=0\r\no=carrierdesk {session} 1 IN IP4 127.0.0.1\r\ns=Carrierdesk test\r\nc=IN IP4 127.0.0.1\r\n"
        "t=0 0\r\nm=audio {port} RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n")


def sdp(port: int) -> bytes:
    """A PCMU/PCMA audio description on loopback (nobody sends RTP to it: the calls are signalling only)."""
    return _SDP.format(session=secrets.randbelow(10**9), port=port).encode()


class _Endpoint:
    """A UDP SIP endpoint on loopback with its own transaction layer: the transaction user of that layer."""

    def __init__(self, port: int) -> None:
        self._port = port
        self.transport: SipTransport | None = None
        self.layer: TransactionLayer | None = None
        self.local = LocalAddress(LOOPBACK, port)

    async def start(self) -> None:
        self.transport = SipTransport(LOOPBACK, self._port, self._receive, self._dropped, tcp=False)
        await self.transport.start()
        self.layer = TransactionLayer(asyncio.get_running_loop(), self.transport.send)
        self.layer.user = self
        self.local = LocalAddress(LOOPBACK, self.transport.port)

    async def stop(self) -> None:
        if self.layer is not None:
            self.layer.close()
        if self.transport is not None:
            await self.transport.stop()

    @property
    def port(self) -> int:
        return self.local.port

    def _receive(self, data: bytes, peer: Peer) -> None:
        if not data.strip(b"\r\n\x00 ") or self.layer is None:
            return
        try:
            self.layer.receive(parse_message(data), peer)
        except SipParseError as exc:
            self._dropped("malformed message", f"from {peer.host}:{peer.port}: {exc}")

    def _dropped(self, reason: str, detail: str) -> None:
        log.info("%s dropped %s %s", type(self).__name__, reason, detail)

    def _send_bye(self, dialog: Dialog) -> None:
        assert self.layer is not None
        self.layer.start_client(dialog.request("BYE"), dialog.peer, on_response=lambda _r: None,
                                on_timeout=lambda: None)

    # -- TransactionUser: what the subclasses do not handle
    def on_request(self, request: SipRequest, tx: ServerTransaction) -> None:
        if request.method == "OPTIONS":
            tx.respond(make_response(request, 200, to_tag=new_tag(), extra=[("allow", "INVITE, ACK, BYE, CANCEL, "
                                                                                     "OPTIONS")]))
        else:
            tx.respond(make_response(request, 481 if request.to_tag else 405, to_tag=new_tag()))

    def on_cancel(self, cancel: SipRequest, invite_tx: ServerTransaction | None, peer: Peer) -> None:
        return None

    def on_ack(self, ack: SipRequest, peer: Peer) -> None:
        return None

    def on_stray_response(self, response: SipResponse, peer: Peer) -> None:
        return None


@dataclass
class _Answered:
    """A call the test carrier is in: its dialog and the timers that answer and end it."""

    invite: SipRequest
    tx: ServerTransaction
    dialog: Dialog
    timer: TimerHandle | None = None
    answered: bool = False


class TestCarrier(_Endpoint):
    """Answers every INVITE (see the module docstring); `calls` are the ones it is in now."""

    __test__ = False  # a product class, not a pytest one

    def __init__(self, port: int, hangup_s: float = MAX_TEST_CALL_S) -> None:
        super().__init__(port)
        self.hangup_s = hangup_s
        self.calls: dict[str, _Answered] = {}
        self.answered = 0

    def on_request(self, request: SipRequest, tx: ServerTransaction) -> None:
        call = self.calls.get(request.call_id)
        if request.method == "INVITE" and not request.to_tag:
            self._ring(request, tx)
        elif request.method == "BYE" and call is not None:
            tx.respond(make_response(request, 200, to_tag=call.dialog.local_tag))
            self._forget(call)
        else:
            super().on_request(request, tx)

    def on_cancel(self, cancel: SipRequest, invite_tx: ServerTransaction | None, peer: Peer) -> None:
        call = self.calls.get(cancel.call_id)
        if call is not None and not call.answered:
            call.tx.respond(make_response(call.invite, 487, to_tag=call.dialog.local_tag))
            self._forget(call)

    def _ring(self, invite: SipRequest, tx: ServerTransaction) -> None:
        assert self.layer is not None
        dialog = Dialog.as_uas(invite, new_tag(), tx.peer, self.local)
        call = self.calls[invite.call_id] = _Answered(invite, tx, dialog)
        tx.respond(make_response(invite, 180, to_tag=dialog.local_tag))
        call.timer = self.layer.scheduler.call_later(RING_S, lambda: self._answer(call))

    def _answer(self, call: _Answered) -> None:
        assert self.layer is not None
        call.answered = True
        self.answered += 1
        extra = [("contact", self.local.contact("UDP", "test-carrier")), ("content-type", "application/sdp")]
        call.tx.respond(make_response(call.invite, 200, to_tag=call.dialog.local_tag, body=sdp(self.port + 2),
                                      extra=extra))
        call.timer = self.layer.scheduler.call_later(self.hangup_s, lambda: self._hang_up(call))

    def _hang_up(self, call: _Answered) -> None:
        if self.calls.get(call.invite.call_id) is call:
            self._send_bye(call.dialog)
            self._forget(call)

    def _forget(self, call: _Answered) -> None:
        if call.timer is not None:
            call.timer.cancel()
        self.calls.pop(call.invite.call_id, None)


@dataclass(frozen=True)
class TestCallRequest:
    __test__ = False
    account_id: int
    number: str  # as the caller dials it
    seconds: int  # talk time: the test caller hangs up after it


@dataclass(frozen=True)
class TestCallResult:
    __test__ = False
    sip_call_id: str  # the caller leg's (live events carry it as sip_call_id)
    sip_code: int  # the switch's final answer to the INVITE (408: none came)
    reason: str
    warning: str = ""  # the switch's Warning header: why it refused

    @property
    def answered(self) -> bool:
        return 200 <= self.sip_code < 300


@dataclass
class _Placed:
    request: TestCallRequest
    dialog: Dialog
    result: asyncio.Future[TestCallResult] = field(default_factory=asyncio.Future)
    timer: TimerHandle | None = None


class TestCaller(_Endpoint):
    """Places test calls into the switch at `switch` (see the module docstring)."""

    __test__ = False

    def __init__(self, switch: Peer) -> None:
        super().__init__(0)
        self.switch = switch
        self._placed: dict[str, _Placed] = {}

    def claim(self, call: InboundCall) -> TestCallRequest | None:
        """The test call this inbound INVITE is, or None: a call from the caller's own address with the Call-ID
        of a call it placed (anything else is the world's, however it is dressed)."""
        placed = self._placed.get(call.call_id)
        if placed is None or (call.source_host, call.source_port) != (LOOPBACK, self.port):
            return None
        return placed.request

    async def place(self, request: TestCallRequest) -> TestCallResult:
        """INVITE the switch; the result once its final answer came. An answered call is ACKed and hung up after
        `request.seconds` (or ends earlier when the switch ends it)."""
        assert self.layer is not None
        call_id = f"{secrets.token_hex(10)}@{LOOPBACK}"
        switch = self.switch
        dialog = Dialog(call_id=call_id, local_tag=new_tag(), local_uri=f"<sip:{TEST_CALLER_USER}@{LOOPBACK}>",
                        remote_uri=f"<sip:{request.number}@{switch.host}>",
                        remote_target=f"sip:{request.number}@{switch.host}:{switch.port}", peer=switch,
                        local=self.local, local_cseq=0)
        placed = self._placed[call_id] = _Placed(request, dialog)
        invite = dialog.request("INVITE", sdp(self.port + 2), "application/sdp")
        self.layer.start_client(invite, switch, on_response=lambda response: self._answered(placed, response),
                                on_timeout=lambda: self._ended(placed, TestCallResult(call_id, 408, "No answer")))
        return await placed.result

    def _answered(self, placed: _Placed, response: SipResponse) -> None:
        assert self.layer is not None
        if response.status < 200 or placed.result.done():
            return
        call_id = placed.dialog.call_id
        result = TestCallResult(call_id, response.status, response.reason,
                                response.headers.get("warning") or "")
        if response.status >= 300:
            self._ended(placed, result)
            return
        placed.dialog.update_from_response(response)
        self.layer.send(placed.dialog.ack_for_2xx(response.cseq[0]).to_bytes(), placed.dialog.peer)
        placed.timer = self.layer.scheduler.call_later(placed.request.seconds, lambda: self._hang_up(placed))
        placed.result.set_result(result)

    def _hang_up(self, placed: _Placed) -> None:
        if self._placed.pop(placed.dialog.call_id, None) is placed:
            self._send_bye(placed.dialog)

    def _ended(self, placed: _Placed, result: TestCallResult) -> None:
        self._placed.pop(placed.dialog.call_id, None)
        if placed.timer is not None:
            placed.timer.cancel()
        if not placed.result.done():
            placed.result.set_result(result)

    def on_request(self, request: SipRequest, tx: ServerTransaction) -> None:
        placed = self._placed.get(request.call_id)
        if request.method == "BYE" and placed is not None:  # the switch ended it (credit, operator)
            tx.respond(make_response(request, 200, to_tag=placed.dialog.local_tag))
            self._ended(placed, placed.result.result() if placed.result.done() else
                        TestCallResult(request.call_id, 487, "Ended"))
        else:
            super().on_request(request, tx)
