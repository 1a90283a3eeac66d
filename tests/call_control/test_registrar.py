"""The digest trunks' registrar on messages alone: challenge, digest check, bindings, expiry, NAT target."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import pytest

from switch_service.call_control.digest import DigestChallenger, parse_digest
from switch_service.call_control.registrar import Registrar, RegistrarConfig
from switch_service.sip.message import SipRequest, SipResponse, parse_message
from switch_service.sip.transactions import Peer
from switch_service.store.callers import TrunkEntry
from switch_service.store.models.enums import TrunkAuth

SOURCE = Peer("UDP", "203.0.113.7", 40123)  # what the NAT shows: the PBX itself says 192.168.1.20:5062
CONTACT = "sip:pbx@192.168.1.20:5062"


def md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


TRUNK = TrunkEntry(7, 3, "pbx", TrunkAuth.DIGEST, None, "pbx", md5("pbx:carrierdesk:trunk-secret"), 0, 0)
TRUNKS = {"pbx": TRUNK}


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def registrar(clock: Clock) -> Registrar:
    challenger = DigestChallenger(key=b"k" * 32, clock=lambda: 1_700_000_000 + clock.now)
    return Registrar(challenger, RegistrarConfig(min_expires_s=60, max_expires_s=3600), clock=clock)


def register(*, cseq: int = 1, contact: str | None = f"<{CONTACT}>", expires: str | None = "120",
             authorization: str | None = None, call_id: str = "reg-1@pbx") -> SipRequest:
    lines = ["REGISTER sip:switch.example.net SIP/2.0", "Via: SIP/2.0/UDP 192.168.1.20:5062;branch=z9hG4bK-1;rport",
             "From: <sip:pbx@switch.example.net>;tag=f1", "To: <sip:pbx@switch.example.net>",
             f"Call-ID: {call_id}", f"CSeq: {cseq} REGISTER", "Max-Forwards: 70"]
    if contact is not None:
        lines.append(f"Contact: {contact}")
    if expires is not None:
        lines.append(f"Expires: {expires}")
    if authorization is not None:
        lines.append(f"Authorization: {authorization}")
    request = parse_message(("\r\n".join(lines) + "\r\nContent-Length: 0\r\n\r\n").encode())
    assert isinstance(request, SipRequest)
    return request


def answer(challenge: SipResponse, password: str = "trunk-secret", user: str = "pbx") -> str:
    """The Authorization a PBX computes for the challenge (RFC 2617, qop=auth)."""
    params = parse_digest(challenge.headers.get("www-authenticate"))
    assert params is not None
    ha1 = md5(f"{user}:{params['realm']}:{password}")
    ha2 = md5("REGISTER:sip:switch.example.net")
    response = md5(f"{ha1}:{params['nonce']}:00000001:0a4f113b:auth:{ha2}")
    return (f'Digest username="{user}", realm="{params["realm"]}", nonce="{params["nonce"]}", '
            f'uri="sip:switch.example.net", response="{response}", algorithm=MD5, qop=auth, nc=00000001, '
            f'cnonce="0a4f113b"')


def registered(registrar: Registrar, *, cseq: int = 2, **fields: Any) -> SipResponse:
    """Challenge, then the same REGISTER (CSeq `cseq`) with the right digest."""
    challenge = registrar.register(register(), SOURCE, TRUNKS)
    assert challenge.status == 401
    return registrar.register(register(cseq=cseq, authorization=answer(challenge), **fields), SOURCE, TRUNKS)


def test_register_is_challenged_then_bound_to_its_source_address(registrar: Registrar) -> None:
    challenge = registrar.register(register(), SOURCE, TRUNKS)
    assert challenge.status == 401
    assert (challenge.headers.get("www-authenticate") or "").startswith('Digest realm="carrierdesk", nonce="')
    assert registrar.binding(TRUNK.id) is None
    ok = registrar.register(register(cseq=2, authorization=answer(challenge)), SOURCE, TRUNKS)
    assert ok.status == 200
    assert ok.headers.get_all("contact") == [f"<{CONTACT}>;expires=120"]
    binding = registrar.binding(TRUNK.id)
    assert binding is not None and binding.contact == CONTACT
    assert binding.target == SOURCE and binding.behind_nat  # the private Contact is not where calls go


@pytest.mark.parametrize(("asked", "given"), [("10", 60), ("99999", 3600), ("600", 600)])
def test_expiry_is_clamped(registrar: Registrar, asked: str, given: int) -> None:
    assert registered(registrar, expires=asked).headers.get_all("contact") == [f"<{CONTACT}>;expires={given}"]


def test_contact_expires_parameter_wins_over_header(registrar: Registrar) -> None:
    ok = registered(registrar, contact=f"<{CONTACT}>;expires=300", expires="120")
    assert ok.headers.get_all("contact") == [f"<{CONTACT}>;expires=300"]


def test_binding_expires(registrar: Registrar, clock: Clock) -> None:
    registered(registrar, expires="120")
    clock.now += 119
    assert registrar.binding(TRUNK.id) is not None
    clock.now += 1
    assert registrar.binding(TRUNK.id) is None


def test_expires_zero_and_star_unregister(registrar: Registrar) -> None:
    registered(registrar)
    assert registered(registrar, expires="0", call_id="reg-2@pbx").headers.get_all("contact") == []
    assert registrar.binding(TRUNK.id) is None
    registered(registrar, contact="<sip:pbx@192.168.1.20:5062>, <sip:pbx@192.168.1.21:5060>", call_id="reg-3@pbx")
    assert len(registrar.bindings(TRUNK.id)) == 2
    ok = registered(registrar, contact="*", expires="0", call_id="reg-4@pbx")
    assert ok.status == 200 and registrar.bindings(TRUNK.id) == []


def test_star_needs_expires_zero(registrar: Registrar) -> None:
    registered(registrar)
    bad = registered(registrar, contact="*", expires="60", call_id="reg-2@pbx")
    assert bad.status == 400 and "Expires: 0" in bad.reason
    assert registrar.binding(TRUNK.id) is not None  # nothing half-done


def test_bad_expires_is_400(registrar: Registrar) -> None:
    assert registered(registrar, expires="soon").status == 400
    assert registrar.binding(TRUNK.id) is None


def test_wrong_password_is_403_and_logged(registrar: Registrar, caplog: pytest.LogCaptureFixture) -> None:
    challenge = registrar.register(register(), SOURCE, TRUNKS)
    with caplog.at_level(logging.WARNING, logger="switch_service.call_control.registrar"):
        refused = registrar.register(register(cseq=2, authorization=answer(challenge, password="guess")), SOURCE,
                                     TRUNKS)
    assert refused.status == 403
    assert "wrong password for trunk 'pbx'" in caplog.text and "203.0.113.7" in caplog.text
    assert registrar.refused == 1 and registrar.binding(TRUNK.id) is None


def test_unknown_user_is_403(registrar: Registrar) -> None:
    challenge = registrar.register(register(), SOURCE, TRUNKS)
    assert registrar.register(register(cseq=2, authorization=answer(challenge, user="nobody")), SOURCE,
                              TRUNKS).status == 403


def test_stale_nonce_is_challenged_again(registrar: Registrar, clock: Clock) -> None:
    challenge = registrar.register(register(), SOURCE, TRUNKS)
    clock.now += 301  # past the nonce lifetime
    again = registrar.register(register(cseq=2, authorization=answer(challenge)), SOURCE, TRUNKS)
    assert again.status == 401 and "stale=true" in (again.headers.get("www-authenticate") or "")


def test_older_register_of_the_same_call_id_changes_nothing(registrar: Registrar) -> None:
    registered(registrar, cseq=5, expires="600")
    late = registered(registrar, cseq=3, expires="0")  # overtaken: it must not unregister
    assert late.status == 200 and registrar.binding(TRUNK.id) is not None


def test_latest_refreshed_binding_takes_the_calls(registrar: Registrar, clock: Clock) -> None:
    registered(registrar, contact="<sip:pbx@192.168.1.21:5060>", call_id="a@pbx")
    clock.now += 10
    other = Peer("UDP", "203.0.113.7", 40999)
    challenge = registrar.register(register(), other, TRUNKS)
    registrar.register(register(cseq=2, authorization=answer(challenge), call_id="b@pbx"), other, TRUNKS)
    binding = registrar.binding(TRUNK.id)
    assert binding is not None and binding.target == other
