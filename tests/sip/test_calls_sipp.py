"""Calls through the switch with SIPp as caller and carriers (real peers, UDP/TCP on 127.0.0.1)."""

from __future__ import annotations

import re
import time

import pytest
from sip_peers import HOST, Blackhole, Sipp, SippRun, SwitchFactory

from switch_service.sip.controller import EndCause, HangupBy, Target

pytestmark = pytest.mark.peers


def carrier(run: SippRun, ref: str = "", transport: str = "UDP") -> Target:
    return Target(HOST, run.port, transport, "", ref or run.name)


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


def header_values(log: str, name: str) -> set[str]:
    return {m.strip() for m in re.findall(rf"^{name}:\s*(.+?)\s*$", log, flags=re.MULTILINE | re.IGNORECASE)}


def test_basic_call_caller_hangs_up(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_answer")
    switch = start_switch([carrier(uas)])
    uac = sipp.start("caller_basic", remote_port=switch.port, hold_ms=500)
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)
    ends = switch.controller.ends
    assert len(ends) == 1 and ends[0][1] == EndCause.NORMAL and ends[0][3] == HangupBy.CALLER
    assert switch.controller.answers == [(ends[0][0], uas.name)]


def first_value(log: str, name: str) -> str:
    values = re.findall(rf"^{name}:\s*(.+?)\s*$", log, flags=re.MULTILINE | re.IGNORECASE)
    assert values, f"no {name} in log"
    return values[0]


def bodies_of(log: str, first_line: str) -> list[str]:
    """SDP bodies of the messages in a SIPp message log whose first line starts with `first_line`."""
    found = []
    for block in re.split(r"^-{10,}.*$", log.replace("\r\n", "\n"), flags=re.MULTILINE):
        message = block.strip().partition("\n\n")[2].strip()
        if message.startswith(first_line) and "\nv=0" in message:
            found.append(message[message.index("v=0"):].strip())
    return found


def test_topology_hidden_both_ways(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_answer")
    switch = start_switch([carrier(uas)])
    uac = sipp.start("caller_basic", remote_port=switch.port)
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)
    caller_log, carrier_log = uac.log(), uas.log()
    caller_call_id = first_value(caller_log, "Call-ID")
    carrier_call_id = first_value(carrier_log, "Call-ID")
    assert caller_call_id != carrier_call_id
    # what the caller sent never reaches the carrier: Call-ID, Via (its port), Contact, Record-Route, From tag
    assert caller_call_id not in carrier_log
    assert f"127.0.0.1:{uac.port}" not in carrier_log
    assert "caller-proxy.example.net" not in carrier_log
    assert "sip:caller@" not in carrier_log
    assert "Caller1" not in carrier_log  # the caller's From tag ([pid]Caller[call_number])
    # and what the carrier sent never reaches the caller
    assert carrier_call_id not in caller_log
    assert f"127.0.0.1:{uas.port}" not in caller_log
    assert "carrier-proxy.example.org" not in caller_log
    assert "sip:carrier@" not in caller_log
    assert "Carrier1" not in caller_log
    # but the SDP is relayed untouched, both ways
    assert "s=caller-offer" in carrier_log and "s=carrier-answer" in caller_log


def test_carrier_hangs_up(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_hangup")
    switch = start_switch([carrier(uas)])
    uac = sipp.start("caller_wait_bye", remote_port=switch.port)
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)
    assert [(e[1], e[3]) for e in switch.controller.ends] == [(EndCause.NORMAL, HangupBy.CALLEE)]


def test_early_media_183_sdp_reaches_caller_unchanged(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_early_media")
    switch = start_switch([carrier(uas)])
    uac = sipp.start("caller_early_media", remote_port=switch.port)
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)
    sent = bodies_of(uas.log(), "SIP/2.0 183")
    received = bodies_of(uac.log(), "SIP/2.0 183")
    assert sent and received and sent[0] == received[0]
    assert "s=carrier-early-media" in received[0]


def test_503_fails_over_to_the_next_carrier(sipp: Sipp, start_switch: SwitchFactory) -> None:
    first = sipp.start("carrier_reject_503")
    second = sipp.start("carrier_answer")
    switch = start_switch([carrier(first, "c1"), carrier(second, "c2")])
    uac = sipp.start("caller_basic", remote_port=switch.port)
    uac.wait(20)
    first.wait(5)
    second.wait(10)
    assert_ok(uac, first, second)
    assert [(a[1], a[2]) for a in switch.controller.attempts] == [("c1", 503), ("c2", 200)]
    assert [a[1] for a in switch.controller.answers] == ["c2"]


def test_486_is_not_retried(sipp: Sipp, start_switch: SwitchFactory, blackhole: Blackhole) -> None:
    first = sipp.start("carrier_reject_486")
    switch = start_switch([carrier(first, "c1"), Target(HOST, blackhole.port, "UDP", "", "c2")])
    uac = sipp.start("caller_expect_486", remote_port=switch.port)
    uac.wait(20)
    first.wait(5)
    assert_ok(uac, first)
    time.sleep(0.3)
    assert blackhole.received() == []
    assert [(a[1], a[2]) for a in switch.controller.attempts] == [("c1", 486)]


def test_no_response_fails_over_after_the_invite_timeout(sipp: Sipp, start_switch: SwitchFactory,
                                                          blackhole: Blackhole) -> None:
    second = sipp.start("carrier_answer")
    switch = start_switch([Target(HOST, blackhole.port, "UDP", "", "dead"), carrier(second, "c2")],
                          invite_timeout=1.5)
    started = time.monotonic()
    uac = sipp.start("caller_basic", remote_port=switch.port)
    uac.wait(20)
    second.wait(10)
    assert_ok(uac, second)
    packets = blackhole.received()
    assert packets and all(p.startswith(b"INVITE ") for p in packets)
    assert len(packets) >= 2  # Timer A retransmitted the INVITE before giving up
    assert [(a[1], a[2]) for a in switch.controller.attempts] == [("dead", 408), ("c2", 200)]
    assert time.monotonic() - started >= 1.5


def test_all_carriers_failing_gives_503(sipp: Sipp, start_switch: SwitchFactory, blackhole: Blackhole) -> None:
    first = sipp.start("carrier_reject_503")
    switch = start_switch([carrier(first, "c1"), Target(HOST, blackhole.port, "UDP", "", "dead")],
                          invite_timeout=1.0)
    uac = sipp.start("caller_expect_503", remote_port=switch.port)
    uac.wait(20)
    first.wait(5)
    assert_ok(uac, first)
    assert [(a[1], a[2]) for a in switch.controller.attempts] == [("c1", 503), ("dead", 408)]


def test_caller_cancel_while_ringing(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_cancel")
    switch = start_switch([carrier(uas)])
    uac = sipp.start("caller_cancel", remote_port=switch.port)
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)
    assert "CANCEL sip:" in uas.log()
    assert [e[1] for e in switch.controller.ends] == [EndCause.CANCELLED]


def test_credit_timer_hangs_up_both_legs(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_answer")
    switch = start_switch([carrier(uas)], max_duration_s=3)
    started = time.monotonic()
    uac = sipp.start("caller_wait_bye", remote_port=switch.port)
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)  # both received a BYE (their scenarios wait for it)
    elapsed = time.monotonic() - started
    ends = switch.controller.ends
    assert [(e[1], e[3]) for e in ends] == [(EndCause.CREDIT_EXHAUSTED, HangupBy.SWITCH)]
    assert 2.0 <= ends[0][2] <= 4.0
    assert elapsed < 6.0


def test_reinvite_relayed_and_upper_case_transport_contact(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_reinvite")
    switch = start_switch([carrier(uas)])
    uac = sipp.start("caller_reinvite", remote_port=switch.port)
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)
    assert ";transport=UDP>" in uac.log()  # the caller's Contact as SIPp writes it
    assert "s=caller-reoffer-hold" in uas.log() and "s=carrier-reanswer" in uac.log()


def test_tcp_basic_call(sipp: Sipp, start_switch: SwitchFactory) -> None:
    uas = sipp.start("carrier_answer", transport="t1")
    switch = start_switch([carrier(uas, transport="TCP")])
    uac = sipp.start("caller_basic", remote_port=switch.port, transport="t1")
    uac.wait(20)
    uas.wait(10)
    assert_ok(uac, uas)
    assert "SIP/2.0/TCP" in uas.log() and "SIP/2.0/TCP" in uac.log()
    assert [e[1] for e in switch.controller.ends] == [EndCause.NORMAL]
