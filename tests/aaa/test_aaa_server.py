"""Server lifecycle, the NAS registry, and policy failures (pyrad-built packets over real UDP)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import pytest
from pyrad import packet

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.messages import (
    AcctRecord,
    AcctStatus,
    AuthDecision,
    AuthRequest,
    decision_from_attributes,
    encode_access_request,
    encode_accounting_request,
    read_reply,
)
from switch_service.aaa.server import NasEntry, NasRegistry, RadiusServer
from switch_service.security.pins import PinCipher
from tests.aaa.conftest import SECRET, RecordingPolicy


def _exchange(raw: bytes, address: tuple[str, int], timeout: float = 2.0) -> bytes | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        sock.sendto(raw, address)
        try:
            return sock.recv(4096)
        except TimeoutError:
            return None


def test_start_stop_is_clean_and_a_busy_port_fails_loudly(policy: RecordingPolicy, registry: NasRegistry) -> None:
    before = {thread.name for thread in threading.enumerate()}
    radius = RadiusServer(policy, registry, auth_port=0, acct_port=0)
    radius.start()
    with pytest.raises(RuntimeError):
        radius.start()
    second = RadiusServer(policy, registry, auth_port=radius.auth_address[1], acct_port=0)
    with pytest.raises(OSError):
        second.start()  # no SO_REUSEPORT: a stale server cannot silently share the port
    started = time.monotonic()
    radius.stop()
    radius.stop()  # idempotent
    assert time.monotonic() - started < 3
    time.sleep(0.05)
    leftovers = {thread.name for thread in threading.enumerate()} - before
    assert not [name for name in leftovers if name.startswith("radius")]


def test_a_stop_that_does_not_wait_for_the_receiver_leaves_it_nothing_to_trip_on(policy: RecordingPolicy,
                                                                                registry: NasRegistry) -> None:
    """A stop on a loaded machine may give up on a receiver thread that has not run yet (`timeout`); the thread
    then finds its sockets closed and ends quietly, with no error in the thread."""
    errors: list[threading.ExceptHookArgs] = []
    hook, threading.excepthook = threading.excepthook, errors.append
    try:
        for _ in range(50):
            radius = RadiusServer(policy, registry, auth_port=0, acct_port=0)
            radius.start()
            radius.stop(timeout=0)
        time.sleep(1.2)  # a receiver that did register its sockets wakes within its 1 s select
    finally:
        threading.excepthook = hook
    assert [f"{error.exc_type.__name__}: {error.exc_value}" for error in errors] == []


def test_registry_from_nas_client_rows() -> None:
    cipher = PinCipher("k" * 32)

    @dataclass
    class Row:
        name: str
        address: str
        secret_ciphertext: bytes
        require_message_authenticator: bool
        enabled: bool

    registry = NasRegistry.from_clients([
        Row("gw1", "10.0.0.5", cipher.encrypt("secret-1"), True, True),
        Row("gw2", "10.0.0.6", cipher.encrypt("secret-2"), False, False),
    ], cipher)
    assert registry.get("10.0.0.5") == NasEntry(b"secret-1", True, "gw1")
    assert registry.get("10.0.0.6") is None
    assert registry.get("not an address") is None
    registry.replace({"::1": NasEntry(b"x")})
    assert registry.get("0:0:0:0:0:0:0:1") == NasEntry(b"x") and len(registry) == 1


class _Broken(RecordingPolicy):
    def authorize(self, request: AuthRequest) -> AuthDecision:
        raise RuntimeError("database down")

    def account(self, record: AcctRecord) -> None:
        raise RuntimeError("database down")


def test_policy_failure_rejects_auth_and_leaves_accounting_unanswered(registry: NasRegistry) -> None:
    with RadiusServer(_Broken(), registry, auth_port=0, acct_port=0) as radius:
        request = encode_access_request(AuthRequest("15551230001"), SECRET, 1)
        raw_reply = _exchange(request, radius.auth_address)
        assert raw_reply is not None
        code, attributes = read_reply(raw_reply, request, SECRET, require_message_authenticator=True) or (0, {})
        assert decision_from_attributes(code, attributes).return_code is ReturnCode.UNAVAILABLE
        raw = encode_accounting_request(AcctRecord(AcctStatus.STOP, "s1"), SECRET, 2)
        assert _exchange(raw, radius.acct_address, timeout=0.5) is None
        assert _exchange(raw, radius.acct_address, timeout=0.5) is None  # a resend tries the policy again
        assert radius.stats.policy_errors == 3


def test_garbage_then_valid_request_is_answered(server: RadiusServer) -> None:
    for junk in (b"", b"\x01", b"\xff" * 19, b"\x01\x02\x00\x14" + bytes(16) + b"\x00"):
        assert _exchange(junk, server.auth_address, timeout=0.05) is None
    request = encode_access_request(AuthRequest("15551230001"), SECRET, 1)
    raw_reply = _exchange(request, server.auth_address)
    assert raw_reply is not None and raw_reply[0] == packet.AccessAccept
    assert server.stats.dropped == 4
