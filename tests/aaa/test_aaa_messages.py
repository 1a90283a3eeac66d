"""Packets ↔ dataclasses on bytes alone (packets built with pyrad and the shipped dictionary)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import struct
from decimal import Decimal

import pytest
from pyrad import packet
from pyrad.dictionary import Dictionary

from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.dictionary import dictionary_dir, load_dictionary
from switch_service.aaa.messages import (
    AcctRecord,
    AcctStatus,
    AuthDecision,
    AuthRequest,
    DigestCredentials,
    DropReason,
    MalformedPacketError,
    RadiusRequest,
    acct_record_from_packet,
    auth_request_from_packet,
    decision_from_attributes,
    decode_request,
    encode_access_request,
    encode_accounting_request,
    encode_acct_response,
    encode_auth_reply,
    read_reply,
    reply_attributes,
)
from tests.aaa.conftest import SECRET

CONNECT = dt.datetime(2024, 3, 5, 14, 3, 7, tzinfo=dt.UTC)


def _decode_auth(raw: bytes, *, require: bool = True) -> RadiusRequest:
    return decode_request(raw, SECRET, expected_code=packet.AccessRequest, require_message_authenticator=require)


def test_shipped_dictionary_defines_the_cisco_voip_attributes() -> None:
    dictionary = load_dictionary()
    assert dictionary.vendors.GetForward("Cisco") == 9
    expected = {"Cisco-AVPair": 1, "h323-remote-address": 23, "h323-conf-id": 24, "h323-setup-time": 25,
                "h323-call-origin": 26, "h323-call-type": 27, "h323-connect-time": 28,
                "h323-disconnect-time": 29, "h323-disconnect-cause": 30, "h323-voice-quality": 31,
                "h323-gw-id": 33, "h323-incoming-conf-id": 35, "h323-credit-amount": 101,
                "h323-credit-time": 102, "h323-return-code": 103, "h323-prompt-id": 104,
                "h323-time-and-day": 105, "h323-redirect-number": 106, "h323-preferred-lang": 107,
                "h323-redirect-ip-address": 108, "h323-billing-model": 109, "h323-currency": 110}
    for name, code in expected.items():
        attribute = dictionary.attributes[name]
        assert (attribute.code, attribute.vendor, attribute.type) == (code, "Cisco", "string"), name
    assert dictionary.attributes["User-Password"].encrypt == 1
    assert dictionary.attributes["Message-Authenticator"].code == 80
    assert dictionary["Acct-Status-Type"].values.GetForward("Interim-Update") == b"\x00\x00\x00\x03"
    assert load_dictionary() is dictionary  # loaded once
    assert Dictionary(str(dictionary_dir() / "dictionary")).attributes.keys() == dictionary.attributes.keys()


def test_access_request_bytes_to_auth_request() -> None:
    request = AuthRequest("15551230001", password="s3cr3t-PIN-with-more-than-16", calling_station_id="15551230001",
                          called_station_id="442071234567", nas_ip_address="10.0.0.5", conf_id="3F2A 1B4C",
                          call_id="abc@10.0.0.5", remote_address="10.0.0.9", gw_id="gw1")
    raw = encode_access_request(request, SECRET, 1)
    decoded = auth_request_from_packet(_decode_auth(raw), "10.0.0.5")
    assert decoded == dataclasses.replace(request, source_address="10.0.0.5")
    assert decoded.password == "s3cr3t-PIN-with-more-than-16"
    assert decoded.conf_id == "3F2A 1B4C" and decoded.call_id == "abc@10.0.0.5"
    assert decoded.nas_ip_address == "10.0.0.5" and decoded.gw_id == "gw1" and decoded.remote_address == "10.0.0.9"


def test_sip_digest_attributes_are_read() -> None:
    digest = DigestCredentials(response="0123456789abcdef0123456789abcdef", realm="sip.example", nonce="n1",
                               method="INVITE", uri="sip:442071234567@sip.example", user_name="15551230001")
    raw = encode_access_request(AuthRequest("15551230001", digest=digest), SECRET, 1)
    assert auth_request_from_packet(_decode_auth(raw)).digest == digest


def test_rfc5090_digest_is_read_by_number() -> None:
    request = packet.AuthPacket(secret=SECRET, dict=load_dictionary())
    request.add_message_authenticator()
    request.AddAttribute("User-Name", "alice")
    for code, value in ((103, b"f" * 32), (104, b"realm"), (108, b"INVITE")):
        request[code] = [value]
    digest = auth_request_from_packet(_decode_auth(request.RequestPacket())).digest
    assert digest == DigestCredentials(response="f" * 32, realm="realm", method="INVITE")


def test_accounting_request_bytes_to_record() -> None:
    record = AcctRecord(AcctStatus.STOP, "sess-1", user_name="15551230001", calling_station_id="15551230001",
                        called_station_id="442071234567", conf_id="3F2A", incoming_conf_id="3F29", call_id="x@y",
                        session_time=95, setup_time=CONNECT - dt.timedelta(seconds=6), connect_time=CONNECT,
                        disconnect_time=CONNECT + dt.timedelta(seconds=95), disconnect_cause=16, terminate_cause=1,
                        call_origin="answer", call_type="VoIP", delay_time=3)
    raw = encode_accounting_request(record, SECRET, 1)
    decoded = decode_request(raw, SECRET, expected_code=packet.AccountingRequest, require_message_authenticator=True)
    assert acct_record_from_packet(decoded, "127.0.0.1") == AcctRecord(
        **{name: getattr(record, name) for name in AcctRecord.__dataclass_fields__ if name != "source_address"},
        source_address="127.0.0.1")


@pytest.mark.parametrize(("status", "name"), [
    (AcctStatus.START, "Start"), (AcctStatus.INTERIM_UPDATE, "Interim-Update"), (AcctStatus.STOP, "Stop")])
def test_acct_status_types_from_a_pyrad_packet(status: AcctStatus, name: str) -> None:
    request = packet.AcctPacket(secret=SECRET, dict=load_dictionary())
    request.AddAttribute("Acct-Status-Type", name)
    request.AddAttribute("Acct-Session-Id", "s")
    request.AddAttribute("h323-connect-time", "h323-connect-time=not a time")
    decoded = decode_request(request.RequestPacket(), SECRET, expected_code=packet.AccountingRequest,
                             require_message_authenticator=False)
    record = acct_record_from_packet(decoded)
    assert record.status is status and record.connect_time is None  # unreadable time → None, record kept


def test_accounting_without_status_type_is_refused() -> None:
    request = packet.AcctPacket(secret=SECRET, dict=load_dictionary())
    request.AddAttribute("Acct-Session-Id", "s")
    decoded = decode_request(request.RequestPacket(), SECRET, expected_code=packet.AccountingRequest,
                             require_message_authenticator=False)
    with pytest.raises(MalformedPacketError) as caught:
        acct_record_from_packet(decoded)
    assert caught.value.reason is DropReason.MISSING_ATTRIBUTE


def test_decision_to_reply_attributes() -> None:
    decision = AuthDecision(ReturnCode.OK, credit_time=120, credit_amount=Decimal("4.750"),
                            billing_model=BillingModel.DEBIT, currency="USD", preferred_lang="es",
                            redirect_number="18005550000", prompt_id=27)
    assert reply_attributes(decision) == [
        ("h323-return-code", "h323-return-code=0"), ("h323-credit-time", "h323-credit-time=120"),
        ("h323-credit-amount", "h323-credit-amount=4.750"), ("h323-billing-model", "h323-billing-model=1"),
        ("h323-currency", "h323-currency=USD"), ("h323-preferred-lang", "h323-preferred-lang=es"),
        ("h323-redirect-number", "h323-redirect-number=18005550000"), ("h323-prompt-id", "h323-prompt-id=27")]
    assert reply_attributes(AuthDecision(ReturnCode.ZERO_BALANCE)) == [("h323-return-code", "h323-return-code=4")]


@pytest.mark.parametrize("decision", [
    AuthDecision(ReturnCode.OK, credit_time=120, credit_amount=Decimal("4.75"), billing_model=BillingModel.DEBIT,
                 currency="USD", preferred_lang="en", redirect_number="123", prompt_id=5),
    AuthDecision(ReturnCode.INSUFFICIENT_BALANCE, prompt_id=12),
])
def test_reply_bytes_round_trip_and_are_signed(decision: AuthDecision) -> None:
    raw_request = encode_access_request(AuthRequest("15551230001"), SECRET, 5)
    raw_reply = encode_auth_reply(_decode_auth(raw_request), decision)
    request = packet.AuthPacket(packet=raw_request, secret=SECRET, dict=load_dictionary())  # pyrad as a witness
    assert request.VerifyReply(request.CreateReply(packet=raw_reply), raw_reply, enforce_ma=True)
    code, attributes = read_reply(raw_reply, raw_request, SECRET, require_message_authenticator=True) or (0, {})
    assert code == (packet.AccessAccept if decision.accepted else packet.AccessReject)
    assert decision_from_attributes(code, attributes) == decision


def test_accounting_response_is_verifiable() -> None:
    raw = encode_accounting_request(AcctRecord(AcctStatus.START, "s"), SECRET, 6)
    decoded = decode_request(raw, SECRET, expected_code=packet.AccountingRequest, require_message_authenticator=True)
    raw_reply = encode_acct_response(decoded)
    assert raw_reply[0] == packet.AccountingResponse
    request = packet.AcctPacket(packet=raw, secret=SECRET, dict=load_dictionary())
    assert request.VerifyReply(request.CreateReply(packet=raw_reply), raw_reply)


def test_reject_without_return_code_is_denied() -> None:
    assert decision_from_attributes(packet.AccessReject, {}).return_code is ReturnCode.DENIED


def _signed_acct(attributes: bytes) -> bytes:
    header = struct.pack("!BBH", packet.AccountingRequest, 1, 20 + len(attributes))
    return header + hashlib.md5(header + bytes(16) + attributes + SECRET).digest() + attributes


@pytest.mark.parametrize(("raw", "reason"), [
    (b"", DropReason.TRUNCATED),
    (b"\x04\x01\x00", DropReason.TRUNCATED),
    (b"\x04\x01\x00\x13" + bytes(16), DropReason.BAD_LENGTH),
    (b"\x04\x01\x10\x01" + bytes(4096), DropReason.BAD_LENGTH),
    (b"\x04\x01\x00\x30" + bytes(20), DropReason.TRUNCATED),
    (_signed_acct(b"\x01\x01a"), DropReason.ATTRIBUTE_LENGTH),
    (_signed_acct(b"\x2e\x05\x00\x00\x01"), DropReason.ATTRIBUTE_LENGTH),
    (_signed_acct(b"\x1a\x0c" + struct.pack("!L", 4242) + b"\x01\x06abcd"), DropReason.UNKNOWN_VENDOR),
    (_signed_acct(b"\x1a\x0b" + struct.pack("!L", 9) + b"\x01\x09ab"), DropReason.ATTRIBUTE_LENGTH),
    (_signed_acct(b"\x50\x0a" + bytes(8)), DropReason.ATTRIBUTE_LENGTH),
    (_signed_acct(b"\x01\x03a")[:4] + bytes(16) + b"\x01\x03a", DropReason.BAD_AUTHENTICATOR),
    (_signed_acct(b"\x01\x03a").replace(b"\x04", b"\x05", 1), DropReason.UNEXPECTED_CODE),
])
def test_malformed_accounting_requests_are_refused(raw: bytes, reason: DropReason) -> None:
    with pytest.raises(MalformedPacketError) as caught:
        decode_request(raw, SECRET, expected_code=packet.AccountingRequest, require_message_authenticator=False)
    assert caught.value.reason is reason


def test_access_request_message_authenticator_rules() -> None:
    signed = encode_access_request(AuthRequest("alice"), SECRET, 1)
    _decode_auth(signed)
    with pytest.raises(MalformedPacketError) as wrong_secret:
        decode_request(signed, b"other", expected_code=packet.AccessRequest, require_message_authenticator=False)
    assert wrong_secret.value.reason is DropReason.BAD_MESSAGE_AUTHENTICATOR
    unsigned = packet.AuthPacket(secret=SECRET, dict=load_dictionary(), User_Name="alice").RequestPacket()
    _decode_auth(unsigned, require=False)
    with pytest.raises(MalformedPacketError) as missing:
        _decode_auth(unsigned)
    assert missing.value.reason is DropReason.MISSING_MESSAGE_AUTHENTICATOR
    bad_password = packet.AuthPacket(secret=SECRET, dict=load_dictionary(), User_Name="a")
    bad_password[2] = [b"short"]
    with pytest.raises(MalformedPacketError) as short:
        _decode_auth(bad_password.RequestPacket(), require=False)
    assert short.value.reason is DropReason.ATTRIBUTE_LENGTH


def test_switch_requests_read_back_by_us_and_by_pyrad() -> None:
    digest = DigestCredentials(response="0123456789abcdef0123456789abcdef", realm="r", nonce="n1", method="INVITE",
                               uri="sip:1@r", user_name="pbx")
    request = AuthRequest("15551230001", password="a PIN of more than sixteen octets", calling_station_id="1555",
                          called_station_id="442071234567", nas_ip_address="10.0.0.5", conf_id="3F2A",
                          call_id="abc@sw", remote_address="10.0.0.9", digest=digest, avpairs=("did=18005550100",))
    raw = encode_access_request(request, SECRET, 7)
    decoded = _decode_auth(raw)  # the Message-Authenticator is required and verified
    assert raw[1] == 7 and auth_request_from_packet(decoded) == request
    by_pyrad = packet.AuthPacket(packet=raw, secret=SECRET, dict=load_dictionary())
    assert by_pyrad.PwDecrypt(by_pyrad["User-Password"][0]) == request.password
    assert by_pyrad["Cisco-AVPair"] == ["call-id=abc@sw", "did=18005550100"]
    assert by_pyrad["h323-conf-id"] == ["h323-conf-id=3F2A"] and by_pyrad["NAS-IP-Address"] == ["10.0.0.5"]
    record = AcctRecord(AcctStatus.STOP, "sess-1", user_name="1555", calling_station_id="1555", conf_id="3F2A",
                        incoming_conf_id="3F29", call_id="x@y", session_time=95, connect_time=CONNECT,
                        disconnect_time=CONNECT + dt.timedelta(seconds=95), disconnect_cause=16, delay_time=3)
    raw_record = encode_accounting_request(record, SECRET, 9)
    decoded_record = decode_request(raw_record, SECRET, expected_code=packet.AccountingRequest,
                                    require_message_authenticator=False)  # the Request Authenticator is checked
    assert acct_record_from_packet(decoded_record) == record
    record_by_pyrad = packet.AcctPacket(packet=raw_record, secret=SECRET, dict=load_dictionary())
    assert record_by_pyrad.VerifyAcctRequest()
    assert record_by_pyrad["Acct-Status-Type"] == ["Stop"] and record_by_pyrad["Acct-Session-Time"] == [95]
    assert record_by_pyrad["h323-disconnect-cause"] == ["h323-disconnect-cause=10"]


def test_replies_read_as_bytes_only_when_they_answer_the_request() -> None:
    decision = AuthDecision(ReturnCode.OK, credit_time=120, credit_amount=Decimal("4.75"),
                            billing_model=BillingModel.DEBIT, currency="USD", preferred_lang="en")
    raw = encode_access_request(AuthRequest("15551230001"), SECRET, 3)
    reply = encode_auth_reply(_decode_auth(raw), decision)
    code, attributes = read_reply(reply, raw, SECRET, require_message_authenticator=True) or (0, {})
    assert decision_from_attributes(code, attributes) == decision
    assert read_reply(reply, raw, b"other secret", require_message_authenticator=True) is None
    assert read_reply(reply, raw[:1] + b"\x04" + raw[2:], SECRET, require_message_authenticator=True) is None
    unsigned = packet.AuthPacket(code=packet.AccessAccept, id=3, secret=SECRET, authenticator=raw[4:20],
                                 dict=load_dictionary()).ReplyPacket()
    assert read_reply(unsigned, raw, SECRET, require_message_authenticator=True) is None
    assert read_reply(unsigned, raw, SECRET, require_message_authenticator=False) == (packet.AccessAccept, {})
    raw_record = encode_accounting_request(AcctRecord(AcctStatus.START, "s"), SECRET, 4)
    response = encode_acct_response(decode_request(raw_record, SECRET, expected_code=packet.AccountingRequest,
                                                   require_message_authenticator=False))
    assert read_reply(response, raw_record, SECRET, require_message_authenticator=True) == (
        packet.AccountingResponse, {})
