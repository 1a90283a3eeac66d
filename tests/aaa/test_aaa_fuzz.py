"""50,000 malformed datagrams (fixed seed) interleaved with valid requests: the server drops and counts
them all, never answers one, and still answers each valid request within 3 s (before a gateway would retry). How
long it all took is printed, not asserted: speed lives in `carrier-switch bench radius`."""

from __future__ import annotations

import hashlib
import logging
import random
import socket
import struct
import time

import pytest
from pyrad import packet

from switch_service.aaa.messages import (
    AcctRecord,
    AcctStatus,
    AuthRequest,
    encode_access_request,
    encode_accounting_request,
    read_reply,
)
from switch_service.aaa.server import RadiusServer
from tests.aaa.conftest import KNOWN_ANI, SECRET, RecordingPolicy

pytestmark = pytest.mark.slow  # 50 000 datagrams

DATAGRAMS = 50_000
BATCH = 100


def _valid_auth(index: int) -> bytes:
    return encode_access_request(AuthRequest(KNOWN_ANI, password="1234", conf_id=f"conf-{index}",
                                             call_id=f"call-{index}@fuzz"), SECRET, index % 256)


def _valid_acct(index: int) -> bytes:
    return encode_accounting_request(AcctRecord(AcctStatus.STOP, f"fuzz-{index}", user_name=KNOWN_ANI,
                                                session_time=index % 600), SECRET, index % 256)


def _signed_acct_with(index: int, raw_attribute: bytes) -> bytes:
    """A correctly signed Accounting-Request carrying one bad attribute: only the wire checks catch it."""
    base = _valid_acct(index)
    attributes = base[20:] + raw_attribute
    header = struct.pack("!BBH", packet.AccountingRequest, base[1], 20 + len(attributes))
    authenticator = hashlib.md5(header + bytes(16) + attributes + SECRET).digest()
    return header + authenticator + attributes


def _malformed(rng: random.Random, auth_pool: list[bytes], acct_pool: list[bytes],
               signed_pool: list[bytes]) -> tuple[str, bytes]:
    port = rng.choice(("auth", "acct"))
    kind = rng.randrange(7)
    base = rng.choice(auth_pool if port == "auth" else acct_pool)
    if kind == 0:  # random bytes
        return port, rng.randbytes(rng.randrange(0, 300))
    if kind == 1:  # truncated valid packet
        return port, base[:rng.randrange(0, len(base))]
    if kind == 2:  # an attribute length byte changed
        data = bytearray(base)
        position = 20
        for _ in range(rng.randrange(0, 4)):
            if position + 1 >= len(data) or data[position + 1] < 2:
                break
            position += data[position + 1]
        if position + 1 < len(data):
            data[position + 1] = (data[position + 1] + rng.randrange(1, 255)) % 256
        return port, bytes(data)
    if kind == 3:  # signed, but an unknown vendor or an attribute of a wrong size
        return "acct", rng.choice(signed_pool)
    if kind == 4:  # bad Message-Authenticator / bad Request Authenticator
        data = bytearray(base)
        flip = rng.randrange(22, 38) if port == "auth" else rng.randrange(4, 20)
        data[flip] ^= 1 << rng.randrange(8)
        return port, bytes(data)
    if kind == 5:  # a request to the wrong port
        return ("acct" if port == "auth" else "auth"), base
    return port, base[:20] + rng.randbytes(rng.randrange(0, 60))  # valid header, random attributes


def test_fuzzed_datagrams_are_dropped_counted_and_the_server_keeps_answering(
        server: RadiusServer, policy: RecordingPolicy, caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(20240305)
    auth_pool = [_valid_auth(i) for i in range(40)]
    acct_pool = [_valid_acct(i) for i in range(40)]
    signed_pool = [_signed_acct_with(i, attribute) for i, attribute in enumerate([
        bytes((26, 12)) + struct.pack("!L", 4242) + bytes((1, 6)) + b"abcd",  # unknown vendor
        bytes((46, 5)) + b"\x00\x00\x01",  # Acct-Session-Time of 3 octets
        bytes((4, 8)) + b"\x7f\x00\x00\x01\x00\x00",  # NAS-IP-Address of 6 octets
        bytes((26, 11)) + struct.pack("!L", 9) + bytes((1, 9)) + b"ab",  # Cisco sub-attribute overruns
        bytes((80, 10)) + bytes(8),  # Message-Authenticator of 8 octets
    ] * 8)]
    addresses = {"auth": server.auth_address, "acct": server.acct_address}
    started = time.monotonic()
    bad_sent = 0
    valid_answered = 0
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, \
            caplog.at_level(logging.INFO, logger="switch_service.aaa.server"):
        sock.settimeout(3)
        for batch in range(DATAGRAMS // BATCH):
            for _ in range(BATCH):
                port, data = _malformed(rng, auth_pool, acct_pool, signed_pool)
                sock.sendto(data, addresses[port])
                bad_sent += 1
            for raw, port in ((_valid_auth(10_000 + batch), "auth"), (_valid_acct(10_000 + batch), "acct")):
                sock.sendto(raw, addresses[port])
                reply = read_reply(sock.recv(4096), raw, SECRET, require_message_authenticator=False)
                assert reply is not None, f"batch {batch}: an answer to something else"
                valid_answered += 1
        elapsed = time.monotonic() - started
        final = _valid_auth(99_999)
        sock.sendto(final, addresses["auth"])
        final_reply = read_reply(sock.recv(4096), final, SECRET, require_message_authenticator=True)
        assert final_reply is not None and final_reply[0] == packet.AccessAccept
        server.stop()
    print(f"\n{DATAGRAMS} malformed datagrams and {valid_answered} valid requests in {elapsed:.1f} s")
    assert valid_answered == 2 * (DATAGRAMS // BATCH)
    assert server.stats.dropped == bad_sent == DATAGRAMS
    assert server.stats.answered_auth == DATAGRAMS // BATCH + 1
    assert server.stats.answered_acct == DATAGRAMS // BATCH
    assert {reason.value for reason in server.stats.drops} >= {
        "truncated", "bad_length", "attribute_length", "unknown_vendor", "bad_authenticator",
        "bad_message_authenticator", "unexpected_code"}
    assert f"dropped {DATAGRAMS} " in caplog.text
    assert "unexpected error" not in caplog.text
