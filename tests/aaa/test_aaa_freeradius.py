"""The switch's RADIUS client against a real FreeRADIUS 3 (Debian package `freeradius`).

The test writes a minimal configuration (tests/data/radius/freeradius) into a temporary directory with
fresh ports, starts `freeradius -X -d <dir>` and stops it afterwards.
"""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.client import RadiusClient, RadiusTimeoutError
from switch_service.aaa.dictionary import dictionary_dir
from switch_service.aaa.messages import (
    AcctRecord,
    AcctStatus,
    AuthRequest,
    encode_access_request,
    read_reply,
)
from tests.aaa.conftest import DATA, KNOWN_ANI, SECRET, free_udp_port, require_binary

pytestmark = pytest.mark.peers


@dataclass(frozen=True)
class FreeRadius:
    auth_port: int
    acct_port: int
    confdir: Path

    def client(self, secret: bytes = SECRET, **options: object) -> RadiusClient:
        return RadiusClient("127.0.0.1", secret, auth_port=self.auth_port, acct_port=self.acct_port,
                            nas_ip_address="127.0.0.1", **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def freeradius(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreeRadius]:
    binary = require_binary("freeradius")
    confdir = tmp_path_factory.mktemp("freeradius")
    auth_port, acct_port = free_udp_port(), free_udp_port()
    template = (DATA / "freeradius" / "radiusd.conf").read_text(encoding="utf-8")
    config = (template.replace("@CONFDIR@", str(confdir)).replace("@AUTH_PORT@", str(auth_port))
              .replace("@ACCT_PORT@", str(acct_port)).replace("@SECRET@", SECRET.decode()))
    (confdir / "radiusd.conf").write_text(config, encoding="utf-8")
    for name in ("users", "acct_users"):
        (confdir / name).write_text((DATA / "freeradius" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (confdir / "dictionary").write_text(f"$INCLUDE {dictionary_dir() / 'dictionary'}\n", encoding="utf-8")
    log_path = confdir / "radiusd.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen([binary, "-X", "-d", str(confdir)], stdout=log_file, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while b"Ready to process requests" not in log_path.read_bytes():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"FreeRADIUS did not start:\n{log_path.read_text(errors='replace')[-3000:]}")
            time.sleep(0.05)
        yield FreeRadius(auth_port, acct_port, confdir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def test_access_accept_from_freeradius_is_read_into_a_decision(freeradius: FreeRadius) -> None:
    decision = freeradius.client(require_reply_authenticator=False).authorize(
        AuthRequest(KNOWN_ANI, password="1234", calling_station_id=KNOWN_ANI, called_station_id="442071234567",
                    conf_id="3F2A1B4C 12345678 9ABCDEF0 11223344", call_id="a84b4c76e66710@10.0.0.5"))
    assert decision.accepted
    assert decision.return_code is ReturnCode.OK
    assert decision.credit_time == 300
    assert decision.credit_amount == Decimal("9.99")
    assert decision.billing_model is BillingModel.DEBIT
    assert decision.currency == "EUR"
    assert decision.preferred_lang == "fr"


def test_access_reject_from_freeradius_carries_the_return_code(freeradius: FreeRadius) -> None:
    client = freeradius.client(require_reply_authenticator=False)
    unknown = client.authorize(AuthRequest("15559990000", password="1234"))
    assert not unknown.accepted and unknown.return_code is ReturnCode.INVALID_ACCOUNT
    wrong_pin = client.authorize(AuthRequest(KNOWN_ANI, password="9999"))
    assert not wrong_pin.accepted and wrong_pin.return_code is ReturnCode.DENIED


def test_accounting_round_trip_is_logged_by_freeradius(freeradius: FreeRadius) -> None:
    connect = dt.datetime(2024, 3, 5, 14, 3, 7, tzinfo=dt.UTC)
    client = freeradius.client()
    client.account(AcctRecord(AcctStatus.START, "fr-session-1", user_name=KNOWN_ANI, connect_time=connect,
                              call_id="a84b4c76e66710@10.0.0.5", conf_id="3F2A1B4C"))
    client.account(AcctRecord(AcctStatus.STOP, "fr-session-1", user_name=KNOWN_ANI, session_time=95,
                              connect_time=connect, disconnect_time=connect + dt.timedelta(seconds=95),
                              disconnect_cause=16, call_id="a84b4c76e66710@10.0.0.5"))
    detail = (freeradius.confdir / "detail").read_text(encoding="utf-8")
    assert detail.count('Acct-Session-Id = "fr-session-1"') == 2
    assert "Acct-Status-Type = Stop" in detail
    assert 'h323-disconnect-cause = "h323-disconnect-cause=10"' in detail
    assert 'h323-connect-time = "h323-connect-time=14:03:07.000 GMT Tue Mar 05 2024"' in detail
    assert 'Cisco-AVPair = "call-id=a84b4c76e66710@10.0.0.5"' in detail
    assert "Acct-Session-Time = 95" in detail


def test_strict_client_accepts_only_signed_replies(freeradius: FreeRadius) -> None:
    """Debian bookworm's FreeRADIUS 3.2.1 predates the BlastRADIUS fixes and sends Access-Accept without
    a Message-Authenticator: the client's default (require one) must then see no valid reply. A FreeRADIUS
    that signs its replies must be accepted."""
    request = encode_access_request(AuthRequest(KNOWN_ANI, password="1234"), SECRET, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(2)
        sock.sendto(request, ("127.0.0.1", freeradius.auth_port))
        reply = sock.recv(4096)
    assert read_reply(reply, request, SECRET, require_message_authenticator=False) is not None
    strict = freeradius.client(timeout=0.3, retries=1)
    if read_reply(reply, request, SECRET, require_message_authenticator=True) is not None:  # signed
        assert strict.authorize(AuthRequest(KNOWN_ANI, password="1234")).accepted
    else:
        with pytest.raises(RadiusTimeoutError):
            strict.authorize(AuthRequest(KNOWN_ANI, password="1234"))


def test_wrong_secret_times_out_against_freeradius(freeradius: FreeRadius) -> None:
    client = freeradius.client(b"not-the-secret", timeout=0.3, retries=2, require_reply_authenticator=False)
    with pytest.raises(RadiusTimeoutError):
        client.authorize(AuthRequest(KNOWN_ANI, password="1234"))
