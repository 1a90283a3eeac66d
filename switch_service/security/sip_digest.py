"""The SIP digest rule (RFC 2617 / RFC 7616, MD5, qop=auth or none), in one place for everyone who needs it.

The API keeps a trunk's password only as its HA1, the AAA server checks an INVITE's digest against it and the
switch checks a REGISTER's: all three use this module, so a password stored by one is the password accepted by
the others, and every comparison takes constant time (no timing hint about how much of a response was right).
Challenges, nonces and header parsing are the switch's business (sip/digest.py). Standard library only.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Protocol

REALM = "carrierdesk"  # the realm the switch challenges with, and so the realm inside every stored HA1
ALGORITHM = "MD5"  # the only one offered: SIP phones and PBXs answer MD5


class DigestAnswer(Protocol):
    """What a client sent back (aaa.messages.DigestCredentials has these fields)."""

    @property
    def response(self) -> str: ...
    @property
    def nonce(self) -> str | None: ...
    @property
    def method(self) -> str | None: ...
    @property
    def uri(self) -> str | None: ...
    @property
    def qop(self) -> str | None: ...
    @property
    def algorithm(self) -> str | None: ...
    @property
    def cnonce(self) -> str | None: ...
    @property
    def nonce_count(self) -> str | None: ...


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def password_ha1(username: str, password: str, realm: str = REALM) -> str:
    """HA1 = MD5(user:realm:password): what is stored instead of the password."""
    return _md5(f"{username}:{realm}:{password}")


def expected_response(ha1: str, *, method: str, uri: str, nonce: str, qop: str | None = None,
                      nonce_count: str | None = None, cnonce: str | None = None) -> str:
    """The response a client knowing the password sends (without qop: RFC 2069's form)."""
    ha2 = _md5(f"{method}:{uri}")
    middle = f"{nonce}:{nonce_count}:{cnonce}:{qop}" if qop else nonce
    return _md5(f"{ha1.lower()}:{middle}:{ha2}")


def response_matches(ha1: str, answer: DigestAnswer) -> bool:
    """Whether the answer proves the password behind `ha1`: MD5 only, a nonce required, compared in constant time.
    A missing method is an INVITE's (the AAA server's draft-sterman attributes may leave it out)."""
    if (answer.algorithm or ALGORITHM).upper() != ALGORITHM or not answer.nonce:
        return False
    expected = expected_response(ha1, method=answer.method or "INVITE", uri=answer.uri or "", nonce=answer.nonce,
                                 qop=answer.qop, nonce_count=answer.nonce_count, cnonce=answer.cnonce)
    # bytes: compare_digest refuses a str that is not ASCII, and a response comes from anyone on the network
    return hmac.compare_digest(expected.encode(), answer.response.strip().lower().encode("utf-8"))
