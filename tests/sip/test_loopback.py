"""The service's own SIP endpoints (switch_service/sip/loopback.py) against real peers: SIPp calls the test carrier
(answered with SDP, hung up by the caller or by the carrier after its time, OPTIONS answered), and the test
caller places a call through a running switch to the test carrier and hangs it up after the seconds asked for."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from sip_peers import HOST, Sipp, SwitchFactory, free_port

from switch_service.sip.controller import EndCause, HangupBy, Target
from switch_service.sip.loopback import TestCaller, TestCallRequest, TestCarrier
from switch_service.sip.transactions import Peer

pytestmark = pytest.mark.peers

T = TypeVar("T")


class Loop:
    """An event loop in a thread, as the switch runs the endpoints on its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def loop() -> Iterator[Loop]:
    running = Loop()
    yield running
    running.stop()


def _carrier(loop: Loop, hangup_s: float = 60.0) -> TestCarrier:
    carrier = TestCarrier(free_port(), hangup_s)
    loop.run(carrier.start())
    return carrier


def test_the_test_carrier_answers_with_sdp_and_takes_the_callers_bye(loop: Loop, sipp: Sipp) -> None:
    carrier = _carrier(loop)
    run = sipp.start("caller_hangs_up", remote_port=carrier.port, hold_ms=300)
    assert run.wait(20) == 0, run.log() + run.error_log()
    assert "180 Ringing" in run.log() and "m=audio" in run.log()
    assert carrier.answered == 1
    deadline = time.monotonic() + 5  # SIPp may exit on the BYE's 200 before the carrier's loop forgets the call
    while carrier.calls and time.monotonic() < deadline:
        time.sleep(0.05)
    assert carrier.calls == {}  # the BYE ended it
    loop.run(carrier.stop())


def test_the_test_carrier_hangs_up_after_its_time(loop: Loop, sipp: Sipp) -> None:
    carrier = _carrier(loop, hangup_s=1.0)
    started = time.monotonic()
    run = sipp.start("caller_wait_bye", remote_port=carrier.port)
    assert run.wait(20) == 0, run.log() + run.error_log()  # the scenario ends only on the carrier's BYE
    assert time.monotonic() - started >= 1.0
    assert carrier.calls == {}
    loop.run(carrier.stop())


def test_the_test_carrier_answers_options_so_the_keepalive_sees_it_up(loop: Loop) -> None:
    carrier = _carrier(loop)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(5)
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
        sock.sendto((f"OPTIONS sip:{HOST}:{carrier.port} SIP/2.0\r\nVia: SIP/2.0/UDP {HOST}:{port};branch=z9hG4bK1\r\n"
                     f"From: <sip:ka@{HOST}>;tag=1\r\nTo: <sip:{HOST}>\r\nCall-ID: ka-1\r\nCSeq: 1 OPTIONS\r\n"
                     "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n").encode(), (HOST, carrier.port))
        answer = sock.recv(65535).decode()
    assert answer.startswith("SIP/2.0 200 OK")
    loop.run(carrier.stop())


def test_the_test_caller_calls_through_the_switch_and_hangs_up_after_its_seconds(
        loop: Loop, start_switch: SwitchFactory) -> None:
    carrier = _carrier(loop)
    switch = start_switch([Target(HOST, carrier.port, "UDP", carrier_ref="test")])
    caller = TestCaller(Peer("UDP", HOST, switch.port))
    loop.run(caller.start())
    started = time.monotonic()
    result = loop.run(caller.place(TestCallRequest(account_id=1, number="442079460018", seconds=1)))
    assert result.answered and result.sip_code == 200
    deadline = time.monotonic() + 10  # the switch's thread notes the answer and the end after relaying them
    while not (switch.controller.answers and switch.controller.ends) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert switch.controller.answers == [(result.sip_call_id, "test")]
    [(call_id, cause, talked_s, hangup_by)] = switch.controller.ends
    assert (call_id, cause, hangup_by) == (result.sip_call_id, EndCause.NORMAL, HangupBy.CALLER)
    assert talked_s >= 0.9 and time.monotonic() - started < 15
    deadline = time.monotonic() + 5  # the carrier's loop forgets the call after answering the switch's BYE
    while carrier.calls and time.monotonic() < deadline:
        time.sleep(0.05)
    assert carrier.calls == {}
    for endpoint in (caller, carrier):
        loop.run(endpoint.stop())
