"""RADIUS messages of the AAA service, pure: bytes ↔ dataclasses.

The server and the client only move bytes; everything here is testable on bytes alone. `decode_request`
is the gate every datagram passes: it checks the wire format strictly (lengths, vendors) and the
authenticators, and reads the attributes in the same pass; the server's replies are written here too, and so are
the client's requests and the check that a reply answers its request (`read_reply`). pyrad supplies the
dictionary and the attribute encodings, not the packets: writing the bytes here costs a seventh of a pyrad
packet's time (issue 17, see `aaa.client`).
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import os
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from pyrad import packet as rp
from pyrad import tools
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
_MA_HEADER = bytes((_MESSAGE_AUTHENTICATOR, 18))
_PROXY_STATE = 33
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
# Wire checks and the server's view of a request


class _WireIndex:
    """Of one dictionary: attribute types by code and (vendor, code), the known vendor ids, and how to encode an
    attribute by name (its code, vendor id or 0, type)."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.types: dict[object, str] = {}
        self.vendors: set[int] = set()
        self.by_name: dict[str, tuple[int, int, str]] = {}
        for name, attribute in dictionary.attributes.items():
            vendor_id = int(dictionary.vendors.GetForward(attribute.vendor)) if attribute.vendor else 0
            self.types[(vendor_id, attribute.code) if vendor_id else attribute.code] = attribute.type
            self.by_name[name] = (attribute.code, vendor_id, attribute.type)
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


Attributes = Mapping[object, list[bytes]]  # raw values by code, or (vendor id, code) for vendor attributes


def read_attributes(data: bytes, dictionary: Dictionary) -> dict[object, list[bytes]]:
    """The attribute area's raw values (see `Attributes`); MalformedPacketError unless it is well formed for our
    dictionary.

    Lengths must add up exactly, fixed-size types must have their size, vendors must be known (a
    Vendor-Specific of another vendor is refused: nothing here could act on it, and a NAS sending it is
    misconfigured), User-Password must be 16..128 octets in blocks of 16, at most one 16-octet
    Message-Authenticator.
    """
    index = _wire_index(dictionary)
    attributes: dict[object, list[bytes]] = {}
    seen_ma = False
    for code, value in _split(data, "attribute"):
        if code == _VENDOR_SPECIFIC:
            if len(value) < 6:
                raise MalformedPacketError(DropReason.ATTRIBUTE_LENGTH, f"Vendor-Specific of {len(value)} octets")
            vendor = int.from_bytes(value[:4], "big")
            if vendor not in index.vendors:
                raise MalformedPacketError(DropReason.UNKNOWN_VENDOR, f"vendor {vendor}")
            for sub_code, sub_value in _split(value[4:], f"vendor {vendor} attribute"):
                _check_value((vendor, sub_code), index.types.get((vendor, sub_code)), sub_value)
                attributes.setdefault((vendor, sub_code), []).append(sub_value)
            continue
        if code == _MESSAGE_AUTHENTICATOR:
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
        attributes.setdefault(code, []).append(value)
    return attributes


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


@dataclass(frozen=True, slots=True)
class RadiusRequest:
    """A checked Access-Request or Accounting-Request: what the server reads and answers it with."""

    code: int
    identifier: int
    authenticator: bytes
    secret: bytes
    attributes: Attributes
    dictionary: Dictionary


def decode_request(data: bytes, secret: bytes, *, expected_code: int, require_message_authenticator: bool,
                   dictionary: Dictionary | None = None) -> RadiusRequest:
    """Check and decode an Access-Request or Accounting-Request; raise MalformedPacketError to drop it.

    Access-Request: a Message-Authenticator is verified when present and required when the NAS is
    configured for it (BlastRADIUS, CVE-2024-3596). Accounting-Request: the Request Authenticator proves
    the secret (RFC 2866 3); a Message-Authenticator, if present, is verified too.
    """
    dictionary = dictionary or load_dictionary()
    if len(data) < _HEADER:
        raise MalformedPacketError(DropReason.TRUNCATED, f"{len(data)} octets")
    code, identifier, length = struct.unpack("!BBH", data[:4])
    if length < _HEADER or length > MAX_PACKET:
        raise MalformedPacketError(DropReason.BAD_LENGTH, f"length field {length}")
    if length > len(data):
        raise MalformedPacketError(DropReason.TRUNCATED, f"length field {length}, datagram {len(data)}")
    data = data[:length]  # octets past Length are padding (RFC 2865 3)
    if code != expected_code:
        raise MalformedPacketError(DropReason.UNEXPECTED_CODE, f"code {code}")
    attributes = read_attributes(data[_HEADER:], dictionary)
    if code == rp.AccessRequest:
        verdict = _verify_message_authenticator(data, secret, data[4:20])
        if verdict is None and require_message_authenticator:
            raise MalformedPacketError(DropReason.MISSING_MESSAGE_AUTHENTICATOR, "required for this client")
        if verdict is False:
            raise MalformedPacketError(DropReason.BAD_MESSAGE_AUTHENTICATOR, "wrong secret or altered packet")
    else:
        expected = hashlib.md5(data[:4] + bytes(16) + data[_HEADER:] + secret).digest()
        if not hmac.compare_digest(expected, data[4:20]):
            raise MalformedPacketError(DropReason.BAD_AUTHENTICATOR, "wrong secret or altered packet")
        if _verify_message_authenticator(data, secret, bytes(16)) is False:
            raise MalformedPacketError(DropReason.BAD_MESSAGE_AUTHENTICATOR, "wrong secret or altered packet")
    return RadiusRequest(code, identifier, data[4:20], secret, attributes, dictionary)


def _password(request: RadiusRequest, hidden: bytes) -> str:
    """User-Password in clear (RFC 2865 5.2); bytes that are not UTF-8 (a wrong secret) are left out."""
    clear = bytearray()
    last = request.authenticator
    for start in range(0, len(hidden), 16):
        block = hidden[start:start + 16]
        clear += bytes(a ^ b for a, b in zip(hashlib.md5(request.secret + last).digest(), block, strict=True))
        last = block
    return bytes(clear).rstrip(b"\x00").decode("utf-8", errors="ignore")


# ---------------------------------------------------------------------------------------------------------
# Attributes → dataclasses

_T = TypeVar("_T")


def _raw(attributes: Attributes, key: object) -> list[bytes]:
    return attributes.get(key) or []


def _text(attributes: Attributes, key: object) -> str | None:
    values = attributes.get(key)
    return values[0].decode("utf-8", errors="replace") if values else None


def _texts(attributes: Attributes, key: object) -> list[str]:
    return [value.decode("utf-8", errors="replace") for value in _raw(attributes, key)]


def _integer(attributes: Attributes, code: int) -> int | None:
    values = attributes.get(code)
    return int.from_bytes(values[0], "big") if values else None


def _address(attributes: Attributes, code: int) -> str | None:
    values = attributes.get(code)
    return ".".join(str(octet) for octet in values[0]) if values else None


def _cisco(attributes: Attributes, name: str, code: int) -> str | None:
    value = _text(attributes, (cisco.VENDOR_ID, code))
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


def _digest(attributes: Attributes) -> DigestCredentials | None:
    response = _text(attributes, _DIGEST_RESPONSE)
    fields: dict[str, str] = {}
    if response is not None:
        for raw in _raw(attributes, _DIGEST_ATTRIBUTES):
            for sub_code, sub_value in _split(raw, "Digest-Attributes sub-attribute"):
                name = _STERMAN_FIELDS.get(sub_code)
                if name and name not in fields:
                    fields[name] = sub_value.decode("utf-8", errors="replace")
    else:
        response = _text(attributes, 103)
        if response is None:
            return None
        for code, name in _RFC5090_FIELDS.items():
            value = _text(attributes, code)
            if value is not None:
                fields[name] = value
    return DigestCredentials(response=response, **fields)


def _call_id(attributes: Attributes) -> str | None:
    return cisco.find_avpair(_texts(attributes, (cisco.VENDOR_ID, 1)), "call-id")


def _other_avpairs(attributes: Attributes) -> tuple[str, ...]:
    """Every Cisco-AVPair but call-id (which has its own field), in packet order."""
    return tuple(text for text in _texts(attributes, (cisco.VENDOR_ID, 1)) if not text.startswith("call-id="))


def auth_request_from_packet(packet: RadiusRequest, source_address: str = "") -> AuthRequest:
    """The AuthRequest of a decoded Access-Request; User-Password is decrypted with the packet's secret."""
    attributes = packet.attributes
    user_name = _text(attributes, 1)
    if user_name is None:
        raise MalformedPacketError(DropReason.MISSING_ATTRIBUTE, "Access-Request without User-Name")
    hidden = attributes.get(_USER_PASSWORD)
    return AuthRequest(
        user_name=user_name,
        password=_password(packet, hidden[0]) if hidden else None,
        calling_station_id=_text(attributes, 31),
        called_station_id=_text(attributes, 30),
        nas_ip_address=_address(attributes, 4),
        nas_identifier=_text(attributes, 32),
        conf_id=_cisco(attributes, "h323-conf-id", 24),
        call_id=_call_id(attributes),
        remote_address=_cisco(attributes, "h323-remote-address", 23),
        call_origin=_cisco(attributes, "h323-call-origin", 26),
        call_type=_cisco(attributes, "h323-call-type", 27),
        gw_id=_cisco(attributes, "h323-gw-id", 33),
        digest=_digest(attributes),
        avpairs=_other_avpairs(attributes),
        source_address=source_address,
    )


def acct_record_from_packet(packet: RadiusRequest, source_address: str = "") -> AcctRecord:
    """The AcctRecord of a decoded Accounting-Request."""
    attributes = packet.attributes
    status_value = _integer(attributes, 40)
    if status_value is None:
        raise MalformedPacketError(DropReason.MISSING_ATTRIBUTE, "Accounting-Request without Acct-Status-Type")
    try:
        status = AcctStatus(status_value)
    except ValueError:
        raise MalformedPacketError(DropReason.INVALID_ATTRIBUTE, f"Acct-Status-Type {status_value}") from None
    session_id = _text(attributes, 44)
    if session_id is None and status not in (AcctStatus.ACCOUNTING_ON, AcctStatus.ACCOUNTING_OFF):
        raise MalformedPacketError(DropReason.MISSING_ATTRIBUTE, "Accounting-Request without Acct-Session-Id")
    return AcctRecord(
        status=status,
        session_id=session_id or "",
        user_name=_text(attributes, 1),
        calling_station_id=_text(attributes, 31),
        called_station_id=_text(attributes, 30),
        nas_ip_address=_address(attributes, 4),
        nas_identifier=_text(attributes, 32),
        conf_id=_cisco(attributes, "h323-conf-id", 24),
        incoming_conf_id=_cisco(attributes, "h323-incoming-conf-id", 35),
        call_id=_call_id(attributes),
        session_time=_integer(attributes, 46),
        setup_time=_lenient(cisco.parse_time, _cisco(attributes, "h323-setup-time", 25)),
        connect_time=_lenient(cisco.parse_time, _cisco(attributes, "h323-connect-time", 28)),
        disconnect_time=_lenient(cisco.parse_time, _cisco(attributes, "h323-disconnect-time", 29)),
        disconnect_cause=_lenient(cisco.parse_disconnect_cause, _cisco(attributes, "h323-disconnect-cause", 30)),
        terminate_cause=_integer(attributes, 49),
        remote_address=_cisco(attributes, "h323-remote-address", 23),
        call_origin=_cisco(attributes, "h323-call-origin", 26),
        call_type=_cisco(attributes, "h323-call-type", 27),
        gw_id=_cisco(attributes, "h323-gw-id", 33),
        delay_time=_integer(attributes, 41) or 0,
        avpairs=_other_avpairs(attributes),
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


def _encoded(index: _WireIndex, name: str, value: str) -> bytes:
    """One attribute on the wire (a vendor attribute inside its Vendor-Specific)."""
    code, vendor, kind = index.by_name[name]
    data: bytes = tools.EncodeAttr(kind, value)
    if len(data) > (247 if vendor else 253):
        raise ValueError(f"{name} of {len(data)} octets does not fit in an attribute")
    if not vendor:
        return bytes((code, len(data) + 2)) + data
    return bytes((_VENDOR_SPECIFIC, len(data) + 8)) + vendor.to_bytes(4, "big") + bytes((code, len(data) + 2)) + data


def _reply(request: RadiusRequest, code: int, attributes: bytes, *, sign: bool) -> bytes:
    """A reply to `request`: its Proxy-States copied last (RFC 2865 5.33), a Message-Authenticator first if
    `sign` (RFC 3579 3.2), the Response Authenticator over it all (RFC 2865 3)."""
    body = attributes + b"".join(bytes((_PROXY_STATE, len(value) + 2)) + value
                                 for value in request.attributes.get(_PROXY_STATE, ()))
    length = _HEADER + len(body) + (18 if sign else 0)
    header = struct.pack("!BBH", code, request.identifier, length)
    if sign:
        zeroed = _MA_HEADER + bytes(16) + body
        body = _MA_HEADER + hmac.new(request.secret, header + request.authenticator + zeroed, hashlib.md5).digest() \
            + body
    return header + hashlib.md5(header + request.authenticator + body + request.secret).digest() + body


def encode_auth_reply(request: RadiusRequest, decision: AuthDecision) -> bytes:
    """Access-Accept or Access-Reject for `request`, signed with a Message-Authenticator."""
    index = _wire_index(request.dictionary)
    attributes = b"".join(_encoded(index, name, value) for name, value in reply_attributes(decision))
    return _reply(request, rp.AccessAccept if decision.accepted else rp.AccessReject, attributes, sign=True)


def encode_acct_response(request: RadiusRequest) -> bytes:
    """An empty Accounting-Response: the record is stored (RFC 2866 4.2)."""
    return _reply(request, rp.AccountingResponse, b"", sign=False)


# ---------------------------------------------------------------------------------------------------------
# Requests and replies (client side)


_Pairs = list[tuple[str, Any]]  # (attribute name, value) in packet order


def _cisco_pair(name: str, value: object) -> tuple[str, str | None]:
    return name, cisco.build_value(name, value) if value is not None else None


def _call_pairs(request: AuthRequest | AcctRecord) -> _Pairs:
    """What Access- and Accounting-Requests both say of a call (None values are left out by the callers)."""
    return [("Calling-Station-Id", request.calling_station_id), ("Called-Station-Id", request.called_station_id),
            ("NAS-IP-Address", request.nas_ip_address), ("NAS-Identifier", request.nas_identifier),
            _cisco_pair("h323-conf-id", request.conf_id),
            ("Cisco-AVPair", cisco.build_avpair("call-id", request.call_id) if request.call_id is not None else None),
            *[("Cisco-AVPair", pair) for pair in request.avpairs],
            _cisco_pair("h323-remote-address", request.remote_address),
            _cisco_pair("h323-call-origin", request.call_origin), _cisco_pair("h323-call-type", request.call_type),
            _cisco_pair("h323-gw-id", request.gw_id)]


def _access_pairs(request: AuthRequest) -> _Pairs:
    """An Access-Request's attributes but User-Password (hidden with the authenticator) and Message-Authenticator."""
    pairs: _Pairs = [("User-Name", request.user_name), *_call_pairs(request)]
    if request.digest is not None:
        digest = request.digest
        pairs.append(("Digest-Response", digest.response))
        for code, name in _STERMAN_FIELDS.items():
            value = getattr(digest, name)
            if value is not None:
                encoded = value.encode("utf-8")
                pairs.append(("Digest-Attributes", bytes((code, len(encoded) + 2)) + encoded))
    return [(name, value) for name, value in pairs if value is not None]


def _accounting_pairs(record: AcctRecord) -> _Pairs:
    pairs: _Pairs = [("Acct-Status-Type", int(record.status)), ("Acct-Session-Id", record.session_id or None),
                     ("User-Name", record.user_name), *_call_pairs(record)]
    pairs += [_cisco_pair("h323-incoming-conf-id", record.incoming_conf_id), ("Acct-Session-Time", record.session_time)]
    pairs += [_cisco_pair(name, cisco.format_time(moment) if moment is not None else None)
              for name, moment in (("h323-setup-time", record.setup_time), ("h323-connect-time", record.connect_time),
                                   ("h323-disconnect-time", record.disconnect_time))]
    if record.disconnect_cause is not None:
        pairs.append(("h323-disconnect-cause", cisco.format_disconnect_cause(record.disconnect_cause)))
    pairs += [("Acct-Terminate-Cause", record.terminate_cause), ("Acct-Delay-Time", record.delay_time or None)]
    return [(name, value) for name, value in pairs if value is not None]


def _hide_password(password: str, authenticator: bytes, secret: bytes) -> bytes:
    """User-Password hidden per RFC 2865 5.2 (padded with NULs to a multiple of 16 octets)."""
    clear = password.encode("utf-8") or bytes(16)
    clear += bytes(-len(clear) % 16)
    hidden = bytearray()
    last = authenticator
    for start in range(0, len(clear), 16):
        block = bytes(a ^ b for a, b in zip(hashlib.md5(secret + last).digest(), clear[start:start + 16],
                                            strict=True))
        hidden += block
        last = block
    return bytes(hidden)


def encode_access_request(request: AuthRequest, secret: bytes, identifier: int,
                          dictionary: Dictionary | None = None) -> bytes:
    """An Access-Request: a random Request Authenticator, the Message-Authenticator first, the password hidden per
    RFC 2865 5.2."""
    index = _wire_index(dictionary or load_dictionary())
    authenticator = os.urandom(16)
    pairs = _access_pairs(request)
    attributes = _encoded(index, *pairs[0])
    if request.password is not None:
        hidden = _hide_password(request.password, authenticator, secret)
        attributes += bytes((_USER_PASSWORD, len(hidden) + 2)) + hidden
    attributes += b"".join(_encoded(index, name, value) for name, value in pairs[1:])
    header = struct.pack("!BBH", rp.AccessRequest, identifier, _HEADER + 18 + len(attributes))
    signature = hmac.new(secret, header + authenticator + _MA_HEADER + bytes(16) + attributes, hashlib.md5).digest()
    return header + authenticator + _MA_HEADER + signature + attributes


def encode_accounting_request(record: AcctRecord, secret: bytes, identifier: int,
                              dictionary: Dictionary | None = None) -> bytes:
    """An Accounting-Request, signed with its Request Authenticator (RFC 2866 3)."""
    index = _wire_index(dictionary or load_dictionary())
    attributes = b"".join(_encoded(index, name, value) for name, value in _accounting_pairs(record))
    header = struct.pack("!BBH", rp.AccountingRequest, identifier, _HEADER + len(attributes))
    return header + hashlib.md5(header + bytes(16) + attributes + secret).digest() + attributes


def read_reply(raw: bytes, request: bytes, secret: bytes, *, require_message_authenticator: bool) -> \
        tuple[int, Attributes] | None:
    """The code and attributes of a reply to the raw `request`, or None when it is not its valid reply (wrong
    Identifier, length or Response Authenticator; a missing or wrong Message-Authenticator where one is required
    or present; attributes that do not parse). Vendor attributes of any vendor are read."""
    if len(raw) < _HEADER or raw[1] != request[1]:
        return None
    length = int.from_bytes(raw[2:4], "big")
    if not _HEADER <= length <= len(raw):
        return None
    raw = raw[:length]
    vector = request[4:20]
    expected = hashlib.md5(raw[:4] + vector + raw[_HEADER:] + secret).digest()
    if not hmac.compare_digest(expected, raw[4:20]):
        return None
    signed = _verify_message_authenticator(raw, secret, vector)
    if signed is False or (signed is None and require_message_authenticator and request[0] == rp.AccessRequest):
        return None
    attributes: dict[object, list[bytes]] = {}
    try:
        for code, value in _split(raw[_HEADER:], "attribute"):
            if code == _VENDOR_SPECIFIC and len(value) > 4:
                vendor = int.from_bytes(value[:4], "big")
                for sub_code, sub_value in _split(value[4:], "vendor attribute"):
                    attributes.setdefault((vendor, sub_code), []).append(sub_value)
            else:
                attributes.setdefault(code, []).append(value)
    except MalformedPacketError:
        return None
    return raw[0], attributes


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None


def decision_from_attributes(code: int, attributes: Attributes) -> AuthDecision:
    """Read an Access-Accept/Access-Reject back into an AuthDecision.

    A reject without h323-return-code is DENIED; an accept without one is OK; a reject claiming OK is
    DENIED (the packet code wins). Values a peer wrote that cannot be read are left out.
    """
    returned = _lenient(lambda text: ReturnCode(int(text)), _cisco(attributes, "h323-return-code", 103))
    if code == rp.AccessAccept:
        return_code = ReturnCode.OK if returned is None else returned
    elif code == rp.AccessReject:
        return_code = ReturnCode.DENIED if returned in (None, ReturnCode.OK) else returned
    else:
        raise MalformedPacketError(DropReason.UNEXPECTED_CODE, f"reply code {code}")
    billing = _lenient(lambda text: BillingModel(int(text)), _cisco(attributes, "h323-billing-model", 109))
    return AuthDecision(
        return_code=return_code,
        credit_time=_lenient(int, _cisco(attributes, "h323-credit-time", 102)),
        credit_amount=_lenient(_decimal, _cisco(attributes, "h323-credit-amount", 101)),
        billing_model=billing,
        currency=_cisco(attributes, "h323-currency", 110),
        preferred_lang=_cisco(attributes, "h323-preferred-lang", 107),
        redirect_number=_cisco(attributes, "h323-redirect-number", 106),
        prompt_id=_lenient(int, _cisco(attributes, "h323-prompt-id", 104)),
        extra=tuple(("Reply-Message", value) for value in _texts(attributes, 18))
        + tuple(("Cisco-AVPair", value) for value in _texts(attributes, (cisco.VENDOR_ID, 1))),
    )
