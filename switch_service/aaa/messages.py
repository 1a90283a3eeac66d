"""RADIUS messages of the AAA service, pure: bytes ↔ pyrad packets ↔ dataclasses.

The server and the client only move bytes; everything here is testable on bytes alone. `decode_request`
is the gate every datagram passes: it checks the wire format strictly (lengths, vendors) and the
authenticators before pyrad's lenient decoder sees the packet.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import struct
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from pyrad import packet as rp
from pyrad.dictionary import Dictionary

from switch_service.aaa import cisco
from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.dictionary import load_dictionary

MAX_PACKET = 4096  # RFC 2865 section 3
_HEADER = 20
_FIXED_SIZE_TYPES = {"integer": 4, "date": 4, "ipaddr": 4, "signed": 4, "short": 2, "byte": 1,
                     "integer64": 8, "ipv6addr": 16, "ifid": 8, "ether": 6}
_USER_PASSWORD = 2
_VENDOR_SPECIFIC = 26
_MESSAGE_AUTHENTICATOR = 80
_DIGEST_RESPONSE = 206
_DIGEST_ATTRIBUTES = 207


class DropReason(enum.StrEnum):
    """Why a datagram got no answer; the server counts and logs these."""

    UNKNOWN_CLIENT = "unknown_client"
    TRUNCATED = "truncated"
    BAD_LENGTH = "bad_length"
    UNEXPECTED_CODE = "unexpected_code"
    ATTRIBUTE_LENGTH = "attribute_length"
    UNKNOWN_VENDOR = "unknown_vendor"
    MISSING_ATTRIBUTE = "missing_attribute"
    INVALID_ATTRIBUTE = "invalid_attribute"
    MISSING_MESSAGE_AUTHENTICATOR = "missing_message_authenticator"
    BAD_MESSAGE_AUTHENTICATOR = "bad_message_authenticator"
    BAD_AUTHENTICATOR = "bad_authenticator"
    DUPLICATE_IN_PROGRESS = "duplicate_in_progress"
    OVERLOADED = "overloaded"


class MalformedPacketError(ValueError):
    def __init__(self, reason: DropReason, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class AcctStatus(enum.IntEnum):
    """Acct-Status-Type (RFC 2866 5.1, RFC 2867 4.1)."""

    START = 1
    STOP = 2
    INTERIM_UPDATE = 3
    ACCOUNTING_ON = 7
    ACCOUNTING_OFF = 8
    TUNNEL_START = 9
    TUNNEL_STOP = 10
    TUNNEL_REJECT = 11
    TUNNEL_LINK_START = 12
    TUNNEL_LINK_STOP = 13
    TUNNEL_LINK_REJECT = 14
    FAILED = 15


@dataclass(frozen=True, slots=True)
class DigestCredentials:
    """SIP digest sent by a proxy instead of a password (draft-sterman or RFC 5090)."""

    response: str
    realm: str | None = None
    nonce: str | None = None
    method: str | None = None
    uri: str | None = None
    qop: str | None = None
    algorithm: str | None = None
    body_digest: str | None = None
    cnonce: str | None = None
    nonce_count: str | None = None
    user_name: str | None = None


@dataclass(frozen=True, slots=True)
class AuthRequest:
    """What an Access-Request asks: `user_name` is the ANI (PIN-less) or the card number."""

    user_name: str
    password: str | None = None
    calling_station_id: str | None = None
    called_station_id: str | None = None
    nas_ip_address: str | None = None
    nas_identifier: str | None = None
    conf_id: str | None = None
    call_id: str | None = None
    remote_address: str | None = None
    call_origin: str | None = None
    call_type: str | None = None
    gw_id: str | None = None
    digest: DigestCredentials | None = None
    avpairs: tuple[str, ...] = ()  # Cisco-AVPair values other than call-id, as "key=value" (did=, account-id=)
    source_address: str = ""  # the NAS the datagram came from (set by the server, not sent)


@dataclass(frozen=True, slots=True)
class AcctRecord:
    """One Accounting-Request. Cisco times that cannot be read are None (the duration still is)."""

    status: AcctStatus
    session_id: str
    user_name: str | None = None
    calling_station_id: str | None = None
    called_station_id: str | None = None
    nas_ip_address: str | None = None
    nas_identifier: str | None = None
    conf_id: str | None = None
    incoming_conf_id: str | None = None
    call_id: str | None = None
    session_time: int | None = None
    setup_time: dt.datetime | None = None
    connect_time: dt.datetime | None = None
    disconnect_time: dt.datetime | None = None
    disconnect_cause: int | None = None  # Q.850, decimal
    terminate_cause: int | None = None
    remote_address: str | None = None
    call_origin: str | None = None
    call_type: str | None = None
    gw_id: str | None = None
    delay_time: int = 0
    avpairs: tuple[str, ...] = ()  # Cisco-AVPair values other than call-id, as "key=value" (carrier-id=)
    source_address: str = ""


@dataclass(frozen=True, slots=True)
class AuthDecision:
    """The answer to an AuthRequest; OK is an Access-Accept, any other code an Access-Reject."""

    return_code: ReturnCode
    credit_time: int | None = None  # seconds
    credit_amount: Decimal | None = None
    billing_model: BillingModel | None = None
    currency: str | None = None
    preferred_lang: str | None = None
    redirect_number: str | None = None
    prompt_id: int | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())  # further (attribute, raw value) pairs, e.g. from a peer

    @property
    def accepted(self) -> bool:
        return self.return_code is ReturnCode.OK


# ---------------------------------------------------------------------------------------------------------
# Wire checks


class _WireIndex:
    """Attribute types by code and (vendor, code), and the known vendor ids, of one dictionary."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.types: dict[object, str] = {}
        self.vendors: set[int] = set()
        for name, attribute in dictionary.attributes.items():
            if attribute.vendor:
                vendor_id = dictionary.vendors.GetForward(attribute.vendor)
                self.types[(vendor_id, attribute.code)] = attribute.type
            else:
                self.types[attribute.code] = attribute.type
            del name
        for vendor_name in dictionary.vendors.forward:
            self.vendors.add(int(dictionary.vendors.GetForward(vendor_name)))


_INDEXES: dict[int, tuple[Dictionary, _WireIndex]] = {}


def _wire_index(dictionary: Dictionary) -> _WireIndex:
    entry = _INDEXES.get(id(dictionary))
    if entry is None or entry[0] is not dictionary:
        entry = (dictionary, _WireIndex(dictionary))
        _INDEXES[id(dictionary)] = entry
    return entry[1]


def _check_value(key: object, attr_type: str | None, value: bytes) -> None:
    size = _FIXED_SIZE_TYPES.get(attr_type or "")
    if size is not None and len(value) != size:
        raise MalformedPacketError(DropReason.ATTRIBUTE_LENGTH,
                                   f"attribute {key} of type {attr_type} has {len(value)} octets")


def _split(data: bytes, what: str) -> list[tuple[int, bytes]]:
    items: list[tuple[int, bytes]] = []
    position = 0
    while position < len(data):
        if len(data) - position < 2:
            raise MalformedPacketError(DropReason.ATTRIBUTE_LENGTH, f"{what}: one stray octet at the end")
        code, length = data[position], data[position + 1]
        if length < 2 or position + length > len(data):
            raise MalformedPacketError(DropReason.ATTRIBUTE_LENGTH, f"{what} {code}: length {length} does not fit")
        items.append((code, data[position + 2: position + length]))
        position += length
    return items


def check_attributes(data: bytes, dictionary: Dictionary) -> None:
    """Raise MalformedPacketError unless the attribute area is well formed for our dictionary.

    Lengths must add up exactly, fixed-size types must have their size, vendors must be known (a
    Vendor-Specific of another vendor is refused: nothing here could act on it, and a NAS sending it is
    misconfigured), User-Password must be 16..128 octets in blocks of 16, at most one 16-octet
    Message-Authenticator.
    """
    index = _wire_index(dictionary)
    seen_ma = False
    for code, value in _split(data, "attribute"):
        if code == _VENDOR_SPECIFIC:
            if len(value) < 6:
                raise MalformedPacketError(DropReason.ATTRIBUTE_LENGTH, f"Vendor-Specific of {len(value)} octets")
            vendor = struct.unpack("!L", value[:4])[0]
            if vendor not in index.vendors:
                raise MalformedPacketError(DropReason.UNKNOWN_VENDOR, f"vendor {vendor}")
            for sub_code, sub_value in _split(value[4:], f"vendor {vendor} attribute"):
                _check_value((vendor, sub_code), index.types.get((vendor, sub_code)), sub_value)
        elif code == _MESSAGE_AUTHENTICATOR:
            if len(value) != 16 or seen_ma:
                raise MalformedPacketError(DropReason.ATTRIBUTE_LENGTH, "Message-Authenticator not one of 16 octets")
            seen_ma = True
        elif code == _USER_PASSWORD:
            if not 16 <= len(value) <= 128 or len(value) % 16:
                raise MalformedPacketError(DropReason.ATTRIBUTE_LENGTH, f"User-Password of {len(value)} octets")
        elif code == _DIGEST_ATTRIBUTES:
            _split(value, "Digest-Attributes sub-attribute")
        else:
            _check_value(code, index.types.get(code), value)


def _verify_message_authenticator(data: bytes, secret: bytes, vector: bytes) -> bool | None:
    """None if the packet has no Message-Authenticator, else whether it is right (RFC 3579 3.2)."""
    position = _HEADER
    while position + 2 <= len(data):
        code, length = data[position], data[position + 1]
        if code == _MESSAGE_AUTHENTICATOR:
            received = data[position + 2: position + 18]
            zeroed = data[:4] + vector + data[_HEADER:position + 2] + bytes(16) + data[position + 18:]
            expected = hmac.new(secret, zeroed, hashlib.md5).digest()
            return hmac.compare_digest(received, expected)
        position += length
    return None


def decode_request(data: bytes, secret: bytes, *, expected_code: int, require_message_authenticator: bool,
                   dictionary: Dictionary | None = None) -> rp.Packet:
    """Check and decode an Access-Request or Accounting-Request; raise MalformedPacketError to drop it.

    Access-Request: a Message-Authenticator is verified when present and required when the NAS is
    configured for it (BlastRADIUS, CVE-2024-3596). Accounting-Request: the Request Authenticator proves
    the secret (RFC 2866 3); a Message-Authenticator, if present, is verified too.
    """
    dictionary = dictionary or load_dictionary()
    if len(data) < _HEADER:
        raise MalformedPacketError(DropReason.TRUNCATED, f"{len(data)} octets")
    code, _identifier, length = struct.unpack("!BBH", data[:4])
    if length < _HEADER or length > MAX_PACKET:
        raise MalformedPacketError(DropReason.BAD_LENGTH, f"length field {length}")
    if length > len(data):
        raise MalformedPacketError(DropReason.TRUNCATED, f"length field {length}, datagram {len(data)}")
    data = data[:length]  # octets past Length are padding (RFC 2865 3)
    if code != expected_code:
        raise MalformedPacketError(DropReason.UNEXPECTED_CODE, f"code {code}")
    check_attributes(data[_HEADER:], dictionary)
    if code == rp.AccessRequest:
        verdict = _verify_message_authenticator(data, secret, data[4:20])
        if verdict is None and require_message_authenticator:
            raise MalformedPacketError(DropReason.MISSING_MESSAGE_AUTHENTICATOR, "required for this client")
        if verdict is False:
            raise MalformedPacketError(DropReason.BAD_MESSAGE_AUTHENTICATOR, "wrong secret or altered packet")
        request: rp.Packet = rp.AuthPacket(packet=data, secret=secret, dict=dictionary)
    else:
        expected = hashlib.md5(data[:4] + bytes(16) + data[_HEADER:] + secret).digest()
        if not hmac.compare_digest(expected, data[4:20]):
            raise MalformedPacketError(DropReason.BAD_AUTHENTICATOR, "wrong secret or altered packet")
        if _verify_message_authenticator(data, secret, bytes(16)) is False:
            raise MalformedPacketError(DropReason.BAD_MESSAGE_AUTHENTICATOR, "wrong secret or altered packet")
        request = rp.AcctPacket(packet=data, secret=secret, dict=dictionary)
    return request


# ---------------------------------------------------------------------------------------------------------
# Packet → dataclasses

_T = TypeVar("_T")


def _raw(packet: rp.Packet, key: object) -> list[bytes]:
    values = OrderedDict.get(packet, key)
    return list(values) if values else []


def _text(packet: rp.Packet, key: object) -> str | None:
    values = _raw(packet, key)
    return values[0].decode("utf-8", errors="replace") if values else None


def _texts(packet: rp.Packet, key: object) -> list[str]:
    return [value.decode("utf-8", errors="replace") for value in _raw(packet, key)]


def _integer(packet: rp.Packet, code: int) -> int | None:
    values = _raw(packet, code)
    return int.from_bytes(values[0], "big") if values else None


def _address(packet: rp.Packet, code: int) -> str | None:
    values = _raw(packet, code)
    return ".".join(str(octet) for octet in values[0]) if values else None


def _cisco(packet: rp.Packet, name: str, code: int) -> str | None:
    value = _text(packet, (cisco.VENDOR_ID, code))
    return cisco.parse_value(name, value) if value is not None else None


def _lenient(parse: Callable[[str], _T], value: str | None) -> _T | None:
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError:
        return None


_STERMAN_FIELDS = {1: "realm", 2: "nonce", 3: "method", 4: "uri", 5: "qop", 6: "algorithm", 7: "body_digest",
                   8: "cnonce", 9: "nonce_count", 10: "user_name"}
_RFC5090_FIELDS = {104: "realm", 105: "nonce", 108: "method", 109: "uri", 110: "qop", 111: "algorithm",
                   112: "body_digest", 113: "cnonce", 114: "nonce_count", 115: "user_name"}


def _digest(packet: rp.Packet) -> DigestCredentials | None:
    response = _text(packet, _DIGEST_RESPONSE)
    fields: dict[str, str] = {}
    if response is not None:
        for raw in _raw(packet, _DIGEST_ATTRIBUTES):
            for sub_code, sub_value in _split(raw, "Digest-Attributes sub-attribute"):
                name = _STERMAN_FIELDS.get(sub_code)
                if name and name not in fields:
                    fields[name] = sub_value.decode("utf-8", errors="replace")
    else:
        response = _text(packet, 103)
        if response is None:
            return None
        for code, name in _RFC5090_FIELDS.items():
            value = _text(packet, code)
            if value is not None:
                fields[name] = value
    return DigestCredentials(response=response, **fields)


def _call_id(packet: rp.Packet) -> str | None:
    return cisco.find_avpair(_texts(packet, (cisco.VENDOR_ID, 1)), "call-id")


def _other_avpairs(packet: rp.Packet) -> tuple[str, ...]:
    """Every Cisco-AVPair but call-id (which has its own field), in packet order."""
    return tuple(text for text in _texts(packet, (cisco.VENDOR_ID, 1)) if not text.startswith("call-id="))


def auth_request_from_packet(packet: rp.AuthPacket, source_address: str = "") -> AuthRequest:
    """The AuthRequest of a decoded Access-Request; User-Password is decrypted with the packet's secret."""
    user_name = _text(packet, 1)
    if user_name is None:
        raise MalformedPacketError(DropReason.MISSING_ATTRIBUTE, "Access-Request without User-Name")
    encrypted = _raw(packet, _USER_PASSWORD)
    return AuthRequest(
        user_name=user_name,
        password=packet.PwDecrypt(encrypted[0]) if encrypted else None,
        calling_station_id=_text(packet, 31),
        called_station_id=_text(packet, 30),
        nas_ip_address=_address(packet, 4),
        nas_identifier=_text(packet, 32),
        conf_id=_cisco(packet, "h323-conf-id", 24),
        call_id=_call_id(packet),
        remote_address=_cisco(packet, "h323-remote-address", 23),
        call_origin=_cisco(packet, "h323-call-origin", 26),
        call_type=_cisco(packet, "h323-call-type", 27),
        gw_id=_cisco(packet, "h323-gw-id", 33),
        digest=_digest(packet),
        avpairs=_other_avpairs(packet),
        source_address=source_address,
    )


def acct_record_from_packet(packet: rp.AcctPacket, source_address: str = "") -> AcctRecord:
    """The AcctRecord of a decoded Accounting-Request."""
    status_value = _integer(packet, 40)
    if status_value is None:
        raise MalformedPacketError(DropReason.MISSING_ATTRIBUTE, "Accounting-Request without Acct-Status-Type")
    try:
        status = AcctStatus(status_value)
    except ValueError:
        raise MalformedPacketError(DropReason.INVALID_ATTRIBUTE, f"Acct-Status-Type {status_value}") from None
    session_id = _text(packet, 44)
    if session_id is None and status not in (AcctStatus.ACCOUNTING_ON, AcctStatus.ACCOUNTING_OFF):
        raise MalformedPacketError(DropReason.MISSING_ATTRIBUTE, "Accounting-Request without Acct-Session-Id")
    return AcctRecord(
        status=status,
        session_id=session_id or "",
        user_name=_text(packet, 1),
        calling_station_id=_text(packet, 31),
        called_station_id=_text(packet, 30),
        nas_ip_address=_address(packet, 4),
        nas_identifier=_text(packet, 32),
        conf_id=_cisco(packet, "h323-conf-id", 24),
        incoming_conf_id=_cisco(packet, "h323-incoming-conf-id", 35),
        call_id=_call_id(packet),
        session_time=_integer(packet, 46),
        setup_time=_lenient(cisco.parse_time, _cisco(packet, "h323-setup-time", 25)),
        connect_time=_lenient(cisco.parse_time, _cisco(packet, "h323-connect-time", 28)),
        disconnect_time=_lenient(cisco.parse_time, _cisco(packet, "h323-disconnect-time", 29)),
        disconnect_cause=_lenient(cisco.parse_disconnect_cause, _cisco(packet, "h323-disconnect-cause", 30)),
        terminate_cause=_integer(packet, 49),
        remote_address=_cisco(packet, "h323-remote-address", 23),
        call_origin=_cisco(packet, "h323-call-origin", 26),
        call_type=_cisco(packet, "h323-call-type", 27),
        gw_id=_cisco(packet, "h323-gw-id", 33),
        delay_time=_integer(packet, 41) or 0,
        avpairs=_other_avpairs(packet),
        source_address=source_address,
    )


# ---------------------------------------------------------------------------------------------------------
# Decisions → replies (server side)


def reply_attributes(decision: AuthDecision) -> list[tuple[str, str]]:
    """The Cisco VSAs of a decision, in the order a gateway expects them (return code first)."""
    pairs: list[tuple[str, object]] = [("h323-return-code", int(decision.return_code))]
    if decision.credit_time is not None:
        pairs.append(("h323-credit-time", int(decision.credit_time)))
    if decision.credit_amount is not None:
        pairs.append(("h323-credit-amount", format(decision.credit_amount, "f")))
    if decision.billing_model is not None:
        pairs.append(("h323-billing-model", int(decision.billing_model)))
    if decision.currency is not None:
        pairs.append(("h323-currency", decision.currency))
    if decision.preferred_lang is not None:
        pairs.append(("h323-preferred-lang", decision.preferred_lang))
    if decision.redirect_number is not None:
        pairs.append(("h323-redirect-number", decision.redirect_number))
    if decision.prompt_id is not None:
        pairs.append(("h323-prompt-id", int(decision.prompt_id)))
    return [(name, cisco.build_value(name, value)) for name, value in pairs] + list(decision.extra)


def encode_auth_reply(request: rp.AuthPacket, decision: AuthDecision) -> bytes:
    """Access-Accept or Access-Reject for `request`, signed with a Message-Authenticator."""
    reply = request.CreateReply()
    reply.code = rp.AccessAccept if decision.accepted else rp.AccessReject
    for name, value in reply_attributes(decision):
        reply.AddAttribute(name, value)
    raw: bytes = reply.ReplyPacket()
    return raw


def encode_acct_response(request: rp.AcctPacket) -> bytes:
    """An empty Accounting-Response: the record is stored (RFC 2866 4.2)."""
    raw: bytes = request.CreateReply().ReplyPacket()
    return raw


# ---------------------------------------------------------------------------------------------------------
# Requests and replies (client side)


def _add(packet: rp.Packet, name: str, value: Any) -> None:
    if value is not None:
        packet.AddAttribute(name, value)


def _add_cisco(packet: rp.Packet, name: str, value: Any) -> None:
    if value is not None:
        packet.AddAttribute(name, cisco.build_value(name, value))


def _fill_call(packet: rp.Packet, request: AuthRequest | AcctRecord) -> None:
    _add(packet, "Calling-Station-Id", request.calling_station_id)
    _add(packet, "Called-Station-Id", request.called_station_id)
    _add(packet, "NAS-IP-Address", request.nas_ip_address)
    _add(packet, "NAS-Identifier", request.nas_identifier)
    _add_cisco(packet, "h323-conf-id", request.conf_id)
    if request.call_id is not None:
        packet.AddAttribute("Cisco-AVPair", cisco.build_avpair("call-id", request.call_id))
    for pair in request.avpairs:
        packet.AddAttribute("Cisco-AVPair", pair)
    _add_cisco(packet, "h323-remote-address", request.remote_address)
    _add_cisco(packet, "h323-call-origin", request.call_origin)
    _add_cisco(packet, "h323-call-type", request.call_type)
    _add_cisco(packet, "h323-gw-id", request.gw_id)


def build_access_request(request: AuthRequest, secret: bytes, dictionary: Dictionary | None = None,
                         identifier: int | None = None) -> rp.AuthPacket:
    """An Access-Request with a Message-Authenticator; the password is hidden per RFC 2865 5.2."""
    packet = rp.AuthPacket(id=identifier, secret=secret, dict=dictionary or load_dictionary(),
                           message_authenticator=True)
    packet.add_message_authenticator()
    packet.AddAttribute("User-Name", request.user_name)
    if request.password is not None:
        packet.AddAttribute("User-Password", packet.PwCrypt(request.password))
    _fill_call(packet, request)
    if request.digest is not None:
        digest = request.digest
        packet.AddAttribute("Digest-Response", digest.response)
        for code, name in _STERMAN_FIELDS.items():
            value = getattr(digest, name)
            if value is not None:
                encoded = value.encode("utf-8")
                packet.AddAttribute("Digest-Attributes", bytes((code, len(encoded) + 2)) + encoded)
    return packet


def build_accounting_request(record: AcctRecord, secret: bytes, dictionary: Dictionary | None = None,
                             identifier: int | None = None) -> rp.AcctPacket:
    packet = rp.AcctPacket(id=identifier, secret=secret, dict=dictionary or load_dictionary())
    packet[40] = [struct.pack("!I", int(record.status))]
    if record.session_id:
        packet.AddAttribute("Acct-Session-Id", record.session_id)
    _add(packet, "User-Name", record.user_name)
    _fill_call(packet, record)
    _add_cisco(packet, "h323-incoming-conf-id", record.incoming_conf_id)
    _add(packet, "Acct-Session-Time", record.session_time)
    for name, moment in (("h323-setup-time", record.setup_time), ("h323-connect-time", record.connect_time),
                         ("h323-disconnect-time", record.disconnect_time)):
        if moment is not None:
            packet.AddAttribute(name, cisco.build_value(name, cisco.format_time(moment)))
    if record.disconnect_cause is not None:
        packet.AddAttribute("h323-disconnect-cause", cisco.format_disconnect_cause(record.disconnect_cause))
    _add(packet, "Acct-Terminate-Cause", record.terminate_cause)
    if record.delay_time:
        packet.AddAttribute("Acct-Delay-Time", record.delay_time)
    return packet


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None


def decision_from_reply(reply: rp.Packet) -> AuthDecision:
    """Read an Access-Accept/Access-Reject back into an AuthDecision.

    A reject without h323-return-code is DENIED; an accept without one is OK; a reject claiming OK is
    DENIED (the packet code wins). Values a peer wrote that cannot be read are left out.
    """
    code = _lenient(lambda text: ReturnCode(int(text)), _cisco(reply, "h323-return-code", 103))
    if reply.code == rp.AccessAccept:
        return_code = ReturnCode.OK if code is None else code
    elif reply.code == rp.AccessReject:
        return_code = ReturnCode.DENIED if code in (None, ReturnCode.OK) else code
    else:
        raise MalformedPacketError(DropReason.UNEXPECTED_CODE, f"reply code {reply.code}")
    billing = _lenient(lambda text: BillingModel(int(text)), _cisco(reply, "h323-billing-model", 109))
    return AuthDecision(
        return_code=return_code,
        credit_time=_lenient(int, _cisco(reply, "h323-credit-time", 102)),
        credit_amount=_lenient(_decimal, _cisco(reply, "h323-credit-amount", 101)),
        billing_model=billing,
        currency=_cisco(reply, "h323-currency", 110),
        preferred_lang=_cisco(reply, "h323-preferred-lang", 107),
        redirect_number=_cisco(reply, "h323-redirect-number", 106),
        prompt_id=_lenient(int, _cisco(reply, "h323-prompt-id", 104)),
        extra=tuple(("Reply-Message", value) for value in _texts(reply, 18))
        + tuple(("Cisco-AVPair", value) for value in _texts(reply, (cisco.VENDOR_ID, 1))),
    )
