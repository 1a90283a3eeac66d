"""The RADIUS server against the real Debian radclient: replies attribute by attribute, and the drops."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from pyrad import packet

from switch_service.aaa.messages import AcctRecord, AcctStatus, DropReason, encode_accounting_request
from switch_service.aaa.server import NasRegistry, RadiusServer
from tests.aaa.conftest import DATA, KNOWN_ANI, SECRET, RecordingPolicy, radclient

pytestmark = pytest.mark.peers


def test_access_accept_carries_the_cisco_credit_attributes(server: RadiusServer, policy: RecordingPolicy) -> None:
    result = radclient(server.auth_address[1], "auth", DATA / "access_request.txt")
    assert result.reply_code() == "Access-Accept", result.stdout + result.stderr
    attributes = result.reply_attributes()
    assert attributes["h323-return-code"] == ["h323-return-code=0"]
    assert attributes["h323-credit-time"] == ["h323-credit-time=120"]
    assert attributes["h323-credit-amount"] == ["h323-credit-amount=4.75"]
    assert attributes["h323-billing-model"] == ["h323-billing-model=1"]
    assert attributes["h323-currency"] == ["h323-currency=USD"]
    assert attributes["h323-preferred-lang"] == ["h323-preferred-lang=en"]
    assert "Message-Authenticator" in attributes
    [request] = policy.auth_requests
    assert request.user_name == KNOWN_ANI
    assert request.password == "1234"
    assert request.called_station_id == "442071234567"
    assert request.calling_station_id == KNOWN_ANI
    assert request.nas_ip_address == "127.0.0.1"
    assert request.conf_id == "3F2A1B4C 12345678 9ABCDEF0 11223344"
    assert request.call_id == "a84b4c76e66710@10.0.0.5"
    assert request.call_origin == "answer"
    assert request.source_address == "127.0.0.1"


def test_unknown_account_gets_access_reject_with_return_code(server: RadiusServer) -> None:
    result = radclient(server.auth_address[1], "auth", DATA / "access_request_unknown_account.txt")
    assert result.reply_code() == "Access-Reject", result.stdout + result.stderr
    assert result.reply_attributes()["h323-return-code"] == ["h323-return-code=1"]
    assert "h323-credit-time" not in result.reply_attributes()


def test_accounting_start_and_stop_are_answered_and_recorded(server: RadiusServer, policy: RecordingPolicy) -> None:
    for name in ("accounting_start.txt", "accounting_stop.txt"):
        result = radclient(server.acct_address[1], "acct", DATA / name)
        assert result.reply_code() == "Accounting-Response", result.stdout + result.stderr
    start, stop = policy.records
    assert start.status is AcctStatus.START and stop.status is AcctStatus.STOP
    assert stop.session_id == "3F2A1B4C-0001"
    assert stop.session_time == 95
    assert stop.disconnect_cause == 16
    assert stop.terminate_cause == 1
    assert stop.call_id == "a84b4c76e66710@10.0.0.5"
    assert stop.connect_time is not None and stop.disconnect_time is not None
    assert (stop.disconnect_time - stop.connect_time).total_seconds() == 95
    assert start.setup_time is not None and start.setup_time.isoformat() == "2024-03-05T14:03:01+00:00"


def _no_answer(result_stdout: str) -> bool:
    return "No reply from server" in result_stdout or "Received" not in result_stdout


@pytest.mark.parametrize(("command", "name"), [("auth", "access_request.txt"), ("acct", "accounting_stop.txt")])
def test_wrong_secret_gets_no_answer(server: RadiusServer, policy: RecordingPolicy, caplog: pytest.LogCaptureFixture,
                                     command: str, name: str) -> None:
    port = server.auth_address[1] if command == "auth" else server.acct_address[1]
    with caplog.at_level(logging.WARNING, logger="switch_service.aaa.server"):
        result = radclient(port, command, DATA / name, b"not-the-secret", "-t", "0.5")
    assert not result.answered and _no_answer(result.stdout), result.stdout
    assert policy.auth_requests == [] and policy.records == []
    reason = DropReason.BAD_MESSAGE_AUTHENTICATOR if command == "auth" else DropReason.BAD_AUTHENTICATOR
    assert server.stats.drops[reason] >= 1
    assert reason.value in caplog.text
    assert "not-the-secret" not in caplog.text and SECRET.decode() not in caplog.text


def test_unknown_client_gets_no_answer(policy: RecordingPolicy, caplog: pytest.LogCaptureFixture) -> None:
    only_other_nas = NasRegistry()
    only_other_nas.add("127.0.0.2", SECRET)
    with RadiusServer(policy, only_other_nas, auth_port=0, acct_port=0) as radius, \
            caplog.at_level(logging.WARNING, logger="switch_service.aaa.server"):
        result = radclient(radius.auth_address[1], "auth", DATA / "access_request.txt", SECRET, "-t", "0.5")
        assert not result.answered
        assert radius.stats.drops[DropReason.UNKNOWN_CLIENT] >= 1
    assert policy.auth_requests == []
    assert "unknown_client" in caplog.text and "127.0.0.1" in caplog.text


def test_client_required_to_sign_gets_no_answer_without_message_authenticator(
        server: RadiusServer, policy: RecordingPolicy) -> None:
    result = radclient(server.auth_address[1], "auth", DATA / "access_request_without_message_authenticator.txt",
                       SECRET, "-t", "0.5")
    assert not result.answered
    assert server.stats.drops[DropReason.MISSING_MESSAGE_AUTHENTICATOR] >= 1
    assert policy.auth_requests == []


def test_client_not_required_to_sign_is_answered_without_message_authenticator(policy: RecordingPolicy) -> None:
    lenient = NasRegistry()
    lenient.add("127.0.0.1", SECRET, require_message_authenticator=False)
    with RadiusServer(policy, lenient, auth_port=0, acct_port=0) as radius:
        result = radclient(radius.auth_address[1], "auth", DATA / "access_request_without_message_authenticator.txt")
    assert result.reply_code() == "Access-Accept", result.stdout + result.stderr


class _SlowFirstAccounting(RecordingPolicy):
    """Takes 1.2 s over the first record, so that radclient (-t 0.4) retransmits while it is decided."""

    def account(self, record: AcctRecord) -> None:
        if not self.records:
            time.sleep(1.2)
        super().account(record)


def test_retransmitted_accounting_reaches_the_policy_once(registry: NasRegistry) -> None:
    slow = _SlowFirstAccounting()
    with RadiusServer(slow, registry, auth_port=0, acct_port=0) as radius:
        result = radclient(radius.acct_address[1], "acct", DATA / "accounting_stop.txt", SECRET, "-t", "0.4",
                           "-r", "5")
        assert result.reply_code() == "Accounting-Response", result.stdout + result.stderr
        assert radius.stats.drops[DropReason.DUPLICATE_IN_PROGRESS] >= 1
    assert len(slow.records) == 1


def test_identical_accounting_packet_resent_is_answered_from_the_cache(server: RadiusServer,
                                                                        policy: RecordingPolicy) -> None:
    """The same bytes three times from the same socket: three identical answers, one record."""
    record = AcctRecord(AcctStatus.STOP, "dup-1", user_name=KNOWN_ANI, session_time=30)
    raw = encode_accounting_request(record, SECRET, 7)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(2)
        replies = []
        for _ in range(3):
            sock.sendto(raw, server.acct_address)
            replies.append(sock.recv(4096))
    assert len(set(replies)) == 1 and replies[0][0] == packet.AccountingResponse
    assert len(policy.records) == 1
    assert server.stats.duplicates_answered == 2
