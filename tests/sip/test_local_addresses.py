"""The switch's own address in what it sends (`sip_advertised_host`): never 0.0.0.0, the interface toward each peer
when it listens on every interface. Real peers on a second loopback address (127.0.0.2) and, where this process
may create one, in a network namespace behind a veth pair."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator

import pytest
from sip_peers import HOST, Sipp, SippRun, free_port

from switch_service.sip.controller import StaticRouteController, Target
from switch_service.sip.local_addresses import LocalAddresses, route_source
from switch_service.sip.switch import SwitchConfig, SwitchThread
from switch_service.sip.transactions import TimerConfig

pytestmark = pytest.mark.peers


def test_fixed_address_wins_then_the_listening_address_then_the_route_per_peer() -> None:
    asked: list[str] = []

    def route(host: str) -> str:
        asked.append(host)
        return {"203.0.113.9": "192.0.2.2", "127.0.0.2": "127.0.0.1"}[host]

    assert LocalAddresses("0.0.0.0", 5060, "sip.example.net", route=route).for_peer("203.0.113.9").host == \
        "sip.example.net"
    assert LocalAddresses("10.0.0.5", 5060, route=route).for_peer("203.0.113.9").host == "10.0.0.5"
    per_peer = LocalAddresses("0.0.0.0", 5070, route=route)
    assert per_peer.for_peer("203.0.113.9").host == "192.0.2.2"
    assert per_peer.for_peer("127.0.0.2").host == "127.0.0.1"
    assert per_peer.for_peer("203.0.113.9").port == 5070
    assert asked == ["203.0.113.9", "127.0.0.2"]  # asked once per peer, then cached


def test_no_route_falls_back_to_loopback_never_the_wildcard() -> None:
    def no_route(host: str) -> str:
        raise OSError("Network is unreachable")

    assert LocalAddresses("::", 5060, route=no_route).for_peer("198.51.100.1").host == "127.0.0.1"
    assert LocalAddresses("0.0.0.0", 5060, route=lambda _h: "0.0.0.0").for_peer("x").host == "127.0.0.1"


def test_route_source_is_the_systems_choice() -> None:
    assert route_source("127.0.0.2") == "127.0.0.1"  # lo's primary address sends to the rest of 127/8
    assert LocalAddresses("0.0.0.0", 5060).for_peer("::1").hostport_host == "[::1]"


def switch_on_all_interfaces(targets: list[Target], advertised: str | None = None) -> SwitchThread:
    config = SwitchConfig(host="0.0.0.0", port=free_port(), flood_limit_per_s=None, advertised_host=advertised,
                          timers=TimerConfig(invite_timeout=2.0))
    thread = SwitchThread(StaticRouteController(targets), config)
    thread.start()
    return thread


def own_address_fields(log: str, direction: str) -> dict[str, set[str]]:
    """Hosts the switch wrote in the first INVITE (or the 200 OK) a peer received: Via sent-by, Contact, From,
    Call-ID."""
    message = log.replace("\r\n", "\n").split(direction, 1)[1].split("\n\n", 1)[0]

    def hosts(name: str, pattern: str) -> set[str]:
        return set(re.findall(rf"^{name}:.*?{pattern}", message, flags=re.MULTILINE | re.IGNORECASE))

    return {"via": hosts("Via", r"SIP/2\.0/UDP ([0-9.]+):"), "contact": hosts("Contact", r"@([0-9.]+):"),
            "from": hosts("From", r"@([0-9.]+)>"), "call-id": hosts("Call-ID", r"@([0-9.]+)$")}


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


def test_listening_on_every_interface_writes_the_address_toward_each_peer(sipp: Sipp) -> None:
    carrier = sipp.start("carrier_answer", host="127.0.0.2")
    thread = switch_on_all_interfaces([Target("127.0.0.2", carrier.port, "UDP", "", "second-loopback")])
    try:
        caller = sipp.start("caller_basic", remote_port=thread.switch.port, hold_ms=300)
        caller.wait(20)
        carrier.wait(10)
        assert_ok(caller, carrier)
    finally:
        thread.stop()
    assert "0.0.0.0" not in carrier.log() and "0.0.0.0" not in caller.log()
    toward_carrier = own_address_fields(carrier.log(), "INVITE sip:")
    assert toward_carrier == {"via": {"127.0.0.1"}, "contact": {"127.0.0.1"}, "from": {"127.0.0.1"},
                              "call-id": {"127.0.0.1"}}
    assert own_address_fields(caller.log(), "SIP/2.0 200 OK")["contact"] == {"127.0.0.1"}


def test_advertised_host_is_written_and_reaches_the_switch(sipp: Sipp) -> None:
    carrier = sipp.start("carrier_hangup")
    thread = switch_on_all_interfaces([Target(HOST, carrier.port, "UDP", "", "carrier")], advertised="127.0.0.2")
    try:  # the caller talks to the advertised address only
        caller = sipp.start("caller_wait_bye", remote_port=thread.switch.port, remote_host="127.0.0.2")
        caller.wait(20)
        carrier.wait(10)
        assert_ok(caller, carrier)
    finally:
        thread.stop()
    assert "0.0.0.0" not in carrier.log() and "0.0.0.0" not in caller.log()
    assert own_address_fields(carrier.log(), "INVITE sip:") == {
        "via": {"127.0.0.2"}, "contact": {"127.0.0.2"}, "from": {"127.0.0.2"}, "call-id": {"127.0.0.2"}}
    assert own_address_fields(caller.log(), "SIP/2.0 200 OK")["contact"] == {"127.0.0.2"}


NETNS = f"cd-sip-{os.getpid()}"
NS_SWITCH, NS_CARRIER = "10.216.0.1", "10.216.0.2"


@pytest.fixture
def namespace() -> Iterator[list[str]]:
    """A network namespace reached through a veth pair (10.216.0.1 here, 10.216.0.2 there); skipped where this
    process may not create one (it needs CAP_NET_ADMIN), the second-loopback tests above run everywhere."""
    here, there = f"vh{os.getpid() % 100000}", f"vn{os.getpid() % 100000}"
    steps = [["ip", "netns", "add", NETNS], ["ip", "link", "add", here, "type", "veth", "peer", "name", there],
             ["ip", "link", "set", there, "netns", NETNS], ["ip", "addr", "add", f"{NS_SWITCH}/30", "dev", here],
             ["ip", "link", "set", here, "up"],
             ["ip", "netns", "exec", NETNS, "ip", "addr", "add", f"{NS_CARRIER}/30", "dev", there],
             ["ip", "netns", "exec", NETNS, "ip", "link", "set", there, "up"],
             ["ip", "netns", "exec", NETNS, "ip", "link", "set", "lo", "up"]]
    try:
        for step in steps:
            done = subprocess.run(step, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                pytest.skip(f"cannot build a network namespace here ({' '.join(step)}: {done.stderr.strip()})")
        yield ["ip", "netns", "exec", NETNS]
    finally:
        subprocess.run(["ip", "netns", "del", NETNS], capture_output=True, check=False)  # takes the veth pair along
        subprocess.run(["ip", "link", "del", here], capture_output=True, check=False)


def test_a_carrier_behind_another_interface_sees_that_interfaces_address(sipp: Sipp, namespace: list[str]) -> None:
    carrier = sipp.start("carrier_answer", host=NS_CARRIER, wrapper=namespace)
    thread = switch_on_all_interfaces([Target(NS_CARRIER, carrier.port, "UDP", "", "namespace")])
    try:
        caller = sipp.start("caller_basic", remote_port=thread.switch.port, hold_ms=300)
        caller.wait(20)
        carrier.wait(10)
        assert_ok(caller, carrier)
    finally:
        thread.stop()
    assert own_address_fields(carrier.log(), "INVITE sip:") == {
        "via": {NS_SWITCH}, "contact": {NS_SWITCH}, "from": {NS_SWITCH}, "call-id": {NS_SWITCH}}
    assert own_address_fields(caller.log(), "SIP/2.0 200 OK")["contact"] == {"127.0.0.1"}
