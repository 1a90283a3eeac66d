"""The NAS registry: addresses and networks, the switch's own entry, and reloading the stored clients while serving."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from switch_service.aaa.client import RadiusClient, RadiusTimeoutError
from switch_service.aaa.messages import AuthRequest
from switch_service.aaa.server import NasEntry, NasRegistry, RadiusServer
from tests.aaa.conftest import KNOWN_ANI, RecordingPolicy

GATEWAY = NasEntry(b"gateway-secret-0123", True, "gateway")
OFFICE = NasEntry(b"office-secret-01234", False, "office")


def test_a_source_is_found_by_address_then_by_network_longest_prefix_first() -> None:
    registry = NasRegistry({"10.1.0.0/16": OFFICE, "10.1.2.0/24": GATEWAY, "192.0.2.7": GATEWAY})
    assert registry.get("192.0.2.7") == GATEWAY
    assert registry.get("192.0.2.8") is None
    assert registry.get("10.1.2.200") == GATEWAY  # the /24 before the /16 that also covers it
    assert registry.get("10.1.3.1") == OFFICE
    assert registry.get("::ffff:10.1.3.1") == OFFICE  # an IPv4 peer seen through a dual-stack socket
    assert registry.get("garbage") is None
    assert len(registry) == 3


def test_the_fixed_entry_outlives_reloads_and_wins_over_a_stored_one() -> None:
    registry = NasRegistry()
    registry.add("127.0.0.1", b"switch-secret", name="local switch")
    assert registry.replace({"127.0.0.0/8": GATEWAY, "127.0.0.1": OFFICE})
    assert registry.get("127.0.0.1") == NasEntry(b"switch-secret", True, "local switch")
    assert registry.get("127.0.0.2") == GATEWAY
    assert not registry.replace({"127.0.0.0/8": GATEWAY, "127.0.0.1": OFFICE})  # nothing changed
    assert registry.replace({})
    assert registry.get("127.0.0.2") is None and registry.get("127.0.0.1") is not None


class _Store:
    """What the stored NAS clients are now, as the server's loader reads them."""

    def __init__(self) -> None:
        self.entries: dict[str, NasEntry] = {}
        self.reads = 0
        self.fail = False
        self.lock = threading.Lock()

    def load(self) -> dict[str, NasEntry]:
        with self.lock:
            self.reads += 1
            if self.fail:
                raise RuntimeError("database unreachable")
            return dict(self.entries)


def _ask(server: RadiusServer, secret: bytes) -> bool:
    """Whether the server answers an Access-Request sent from 127.0.0.2 with `secret`."""
    client = RadiusClient("127.0.0.1", secret, auth_port=server.auth_address[1], acct_port=server.acct_address[1],
                          timeout=0.3, retries=1, source_address="127.0.0.2")
    try:
        client.authorize(AuthRequest(KNOWN_ANI, calling_station_id=KNOWN_ANI))
    except RadiusTimeoutError:
        return False
    return True


def _until(condition: Callable[[], bool], seconds: float) -> float:
    started = time.monotonic()
    while not condition() and time.monotonic() - started < seconds:
        time.sleep(0.02)
    return time.monotonic() - started


def test_a_stored_nas_is_served_then_dropped_within_the_reload_interval(policy: RecordingPolicy) -> None:
    store = _Store()
    interval = 0.2
    with RadiusServer(policy, NasRegistry(), auth_port=0, acct_port=0, nas_loader=store.load,
                      nas_reload_s=interval) as server:
        secret = b"gateway-secret-0123"
        assert not _ask(server, secret)
        store.entries = {"127.0.0.0/30": NasEntry(secret, True, "gateway")}
        assert _until(lambda: server.registry.get("127.0.0.2") is not None, 5) <= interval * 3
        assert _ask(server, secret)
        store.fail = True  # the database goes away: the known clients are still served
        reads = store.reads
        assert _until(lambda: store.reads > reads, 5) <= interval * 3
        assert _ask(server, secret)
        store.fail = False
        store.entries = {}
        assert _until(lambda: server.registry.get("127.0.0.2") is None, 5) <= interval * 3
        assert not _ask(server, secret)
    reads = store.reads
    time.sleep(interval * 2)
    assert store.reads == reads  # stopped with the server
