"""RFC 3261 transaction timers, driven by a fake clock (no sockets, no sleeping)."""

from __future__ import annotations

import pytest
from fake_clock import FakeClock

from switch_service.sip.message import SipParseError, SipRequest, SipResponse, make_response, parse_message
from switch_service.sip.transactions import (
    Peer,
    ServerTransaction,
    State,
    TimerConfig,
    TransactionLayer,
    TransactionLayerFull,
)

PEER = Peer("UDP", "192.0.2.20", 5060)


class RecordingUser:
    def __init__(self) -> None:
        self.requests: list[tuple[SipRequest, ServerTransaction]] = []
        self.cancels: list[SipRequest] = []
        self.acks: list[SipRequest] = []

    def on_request(self, request: SipRequest, tx: ServerTransaction) -> None:
        self.requests.append((request, tx))

    def on_cancel(self, cancel: SipRequest, invite_tx: ServerTransaction | None, peer: Peer) -> None:
        self.cancels.append(cancel)

    def on_ack(self, ack: SipRequest, peer: Peer) -> None:
        self.acks.append(ack)

    def on_stray_response(self, response: SipResponse, peer: Peer) -> None:
        pass


def request(method: str = "INVITE", branch: str = "z9hG4bK-1", cseq_method: str | None = None) -> SipRequest:
    message = parse_message((
        f"{method} sip:1@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5060;branch={branch}\r\n"
        "From: <sip:a@x>;tag=f1\r\nTo: <sip:1@y>\r\nCall-ID: c1\r\n"
        f"CSeq: 1 {cseq_method or method}\r\nContent-Length: 0\r\n\r\n").encode())
    assert isinstance(message, SipRequest)
    return message


def make_layer() -> tuple[FakeClock, list[bytes], TransactionLayer, RecordingUser]:
    clock = FakeClock()
    sent: list[bytes] = []
    layer = TransactionLayer(clock, lambda data, _peer: sent.append(data), TimerConfig())
    user = RecordingUser()
    layer.user = user
    return clock, sent, layer, user


def test_invite_client_timer_a_doubles_and_timer_b_times_out() -> None:
    clock, sent, layer, _ = make_layer()
    timeouts: list[bool] = []
    layer.start_client(request(), PEER, on_response=lambda _r: None, on_timeout=lambda: timeouts.append(True))
    clock.advance(0.49)
    assert len(sent) == 1
    clock.advance(0.02)  # A fires at 0.5, then 1.5, 3.5, 7.5, 15.5, 31.5
    assert len(sent) == 2
    clock.advance(31.0)
    assert len(sent) == 7 and not timeouts
    clock.advance(0.6)  # B = 64*T1 = 32 s
    assert timeouts == [True]
    clock.advance(60)
    assert len(sent) == 7


def test_provisional_stops_retransmission_and_non_2xx_is_acked_hop_by_hop() -> None:
    clock, sent, layer, _ = make_layer()
    got: list[int] = []
    invite = request()
    layer.start_client(invite, PEER, on_response=lambda r: got.append(r.status), on_timeout=lambda: None)
    layer.receive(make_response(invite, 180, to_tag="t"), PEER)
    clock.advance(5)
    assert len(sent) == 1 and got == [180]
    busy = make_response(invite, 486, to_tag="t")
    layer.receive(busy, PEER)
    layer.receive(busy, PEER)  # retransmitted final: absorbed, re-ACKed
    assert got == [180, 486]
    acks = [d for d in sent if d.startswith(b"ACK ")]
    assert len(acks) == 2 and b"branch=z9hG4bK-1" in acks[0] and b";tag=t" in acks[0]


def test_short_invite_timeout_for_failover() -> None:
    clock = FakeClock()
    layer = TransactionLayer(clock, lambda _d, _p: None, TimerConfig(invite_timeout=2.0))
    layer.user = RecordingUser()
    timeouts: list[float] = []
    layer.start_client(request(), PEER, on_response=lambda _r: None, on_timeout=lambda: timeouts.append(clock.now))
    clock.advance(3)
    assert timeouts == [2.0]


def test_non_invite_client_timer_e_capped_at_t2_and_timer_f() -> None:
    clock, sent, layer, _ = make_layer()
    timeouts: list[float] = []
    layer.start_client(request("BYE"), PEER, on_response=lambda _r: None,
                       on_timeout=lambda: timeouts.append(clock.now))
    clock.advance(20)
    gaps = [0.5, 1.0, 2.0, 4.0, 4.0, 4.0, 4.0]  # E: 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5
    assert len(sent) == 1 + len(gaps)
    clock.advance(20)
    assert timeouts == [32.0]


def test_server_invite_absorbs_retransmission_and_timer_g_h() -> None:
    clock, sent, layer, user = make_layer()
    invite = request()
    layer.receive(invite, PEER)
    assert len(user.requests) == 1
    tx = user.requests[0][1]
    tx.respond(make_response(invite, 100))
    layer.receive(invite, PEER)  # retransmission: the 100 again, TU not bothered
    assert len(user.requests) == 1 and len(sent) == 2
    tx.respond(make_response(invite, 486, to_tag="x"))
    clock.advance(0.51)  # G: final retransmitted until the ACK
    assert sent[-1].startswith(b"SIP/2.0 486") and len(sent) == 4
    layer.receive(request("ACK", cseq_method="ACK"), PEER)
    assert tx.state == State.CONFIRMED and user.acks == []  # hop-by-hop ACK absorbed
    clock.advance(10)
    assert len(sent) == 4 and tx.state == State.TERMINATED


def test_server_2xx_retransmitted_until_ack_then_ack_timeout_otherwise() -> None:
    clock, sent, layer, user = make_layer()
    invite = request()
    layer.receive(invite, PEER)
    tx = user.requests[0][1]
    fired: list[bool] = []
    tx.on_ack_timeout = lambda: fired.append(True)
    tx.respond(make_response(invite, 200, to_tag="x"))
    clock.advance(1.6)
    assert sum(d.startswith(b"SIP/2.0 200") for d in sent) == 3
    clock.advance(40)
    assert fired == [True]


def test_cancel_matches_the_invite_and_gets_200() -> None:
    _clock, sent, layer, user = make_layer()
    invite = request()
    layer.receive(invite, PEER)
    layer.receive(request("CANCEL"), PEER)
    assert len(user.cancels) == 1
    assert sent[-1].startswith(b"SIP/2.0 200") and b"CSeq: 1 CANCEL" in sent[-1]
    layer.receive(request("CANCEL", branch="z9hG4bK-other"), PEER)
    assert sent[-1].startswith(b"SIP/2.0 481")


def test_non_invite_server_timer_j_absorbs_retransmissions() -> None:
    clock, sent, layer, user = make_layer()
    bye = request("BYE")
    layer.receive(bye, PEER)
    user.requests[0][1].respond(make_response(bye, 200, to_tag="x"))
    layer.receive(bye, PEER)
    assert len(user.requests) == 1 and len(sent) == 2
    clock.advance(33)
    layer.receive(bye, PEER)  # after Timer J the transaction is gone: a new request for the TU
    assert len(user.requests) == 2


class FailingUser(RecordingUser):
    """A TU that fails on the request (a header it parses lazily is malformed)."""

    def on_request(self, request: SipRequest, tx: ServerTransaction) -> None:
        tx.respond(make_response(request, 100))
        raise SipParseError("unclosed <")


def test_a_request_the_tu_fails_on_is_answered_400_and_forgotten() -> None:
    clock = FakeClock()
    sent: list[bytes] = []
    layer = TransactionLayer(clock, lambda data, _peer: sent.append(data), TimerConfig())
    layer.user = FailingUser()
    with pytest.raises(SipParseError):
        layer.receive(request(), PEER)
    assert sent[-1].startswith(b"SIP/2.0 400")
    clock.advance(40)  # Timer H: the transaction ends (it stayed in the table for ever before)
    assert layer.held == 0


def test_beyond_max_server_transactions_new_requests_get_a_stateless_503() -> None:
    clock = FakeClock()
    sent: list[bytes] = []
    layer = TransactionLayer(clock, lambda data, _peer: sent.append(data), TimerConfig(max_server_transactions=2))
    user = RecordingUser()
    layer.user = user
    layer.receive(request(branch="z9hG4bK-1"), PEER)
    layer.receive(request(branch="z9hG4bK-2"), PEER)
    with pytest.raises(TransactionLayerFull):
        layer.receive(request(branch="z9hG4bK-3"), PEER)
    assert sent[-1].startswith(b"SIP/2.0 503") and b"Retry-After: 5" in sent[-1]
    assert len(user.requests) == 2 and layer.held == 2 and layer.overloaded == 1
    layer.receive(request(branch="z9hG4bK-1"), PEER)  # a retransmission of a held one is still absorbed
    assert layer.held == 2
    for _, tx in user.requests:
        tx.respond(make_response(tx.request, 486, to_tag="x"))
    clock.advance(40)
    layer.receive(request(branch="z9hG4bK-3"), PEER)  # room again
    assert len(user.requests) == 3


def test_the_bytes_of_held_requests_are_bounded_too() -> None:
    """Big junk INVITEs: few of them may hold what many small ones would (each kept 32 s with its response)."""
    clock = FakeClock()
    sent: list[bytes] = []
    layer = TransactionLayer(clock, lambda data, _peer: sent.append(data), TimerConfig(max_server_bytes=20_000))
    user = RecordingUser()
    layer.user = user
    padding = "x" * 8000
    for n in range(3):
        big = parse_message(request(branch=f"z9hG4bK-{n}").to_bytes().replace(
            b"Content-Length: 0", f"Subject: {padding}\r\nContent-Length: 0".encode()))
        if n < 2:
            layer.receive(big, PEER)
        else:
            with pytest.raises(TransactionLayerFull):
                layer.receive(big, PEER)
    assert len(user.requests) == 2 and sent[-1].startswith(b"SIP/2.0 503")
    assert 16_000 < layer.held_bytes <= 20_000
    for _, tx in user.requests:
        tx.respond(make_response(tx.request, 486, to_tag="x"))
    clock.advance(40)
    assert (layer.held, layer.held_bytes) == (0, 0)
