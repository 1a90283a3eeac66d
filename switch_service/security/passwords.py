"""Desktop user passwords hashed with scrypt (memory-hard, in the standard library)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

COST = 2**14  # scrypt's N: about 60 ms of CPU and 16 MiB per hash
_R, _P, _DKLEN = 8, 1, 32


def hash_password(password: str, *, cost: int = COST) -> str:
    """The stored form names its scrypt parameters, so `verify_password` checks a hash made at another `cost` (a
    power of two) too: raising COST later leaves the old hashes valid."""
    if not password:
        raise ValueError("password must not be empty")
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=cost, r=_R, p=_P, dklen=_DKLEN)
    return "$".join(("scrypt", str(cost), str(_R), str(_P), _b64(salt), _b64(digest)))


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
    )
    return hmac.compare_digest(actual, expected)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
