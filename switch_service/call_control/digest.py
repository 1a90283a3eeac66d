"""SIP digest challenges for customer trunks that authenticate by user name and password (auth=digest).

On the INVITE the switch challenges (407 with a nonce) and checks the nonce is its own and fresh; the response is
checked by the AAA server (the digest travels in the Access-Request, draft-sterman attributes), which holds the
trunk's HA1 = MD5(user:realm:password). On REGISTER (401) the switch checks the response itself with the HA1 of
its snapshot: a registration reserves no money. Both checks are security/sip_digest.py's. Nonces are stateless:
`<hex time>.<HMAC of it>`, valid `lifetime_s`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable

from switch_service.aaa.messages import DigestCredentials
from switch_service.security.sip_digest import ALGORITHM, REALM

_PARAM = re.compile(r'\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))\s*,?')


def parse_digest(header: str | None) -> dict[str, str] | None:
    """The parameters of a `Digest ...` credentials header (keys lower-cased), or None."""
    if not header:
        return None
    scheme, _, rest = header.strip().partition(" ")
    if scheme.lower() != "digest":
        return None
    params: dict[str, str] = {}
    for match in _PARAM.finditer(rest):
        key = match.group(1).lower()
        params[key] = match.group(2) if match.group(2) is not None else match.group(3)
    return params


class DigestChallenger:
    def __init__(self, realm: str = REALM, *, lifetime_s: float = 300.0, key: bytes | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.realm = realm
        self.lifetime_s = lifetime_s
        self._key = key or secrets.token_bytes(32)
        self._clock = clock

    def _sign(self, stamp: str) -> str:
        return hmac.new(self._key, stamp.encode(), hashlib.sha256).hexdigest()[:32]

    def nonce(self) -> str:
        stamp = format(int(self._clock()), "x")
        return f"{stamp}.{self._sign(stamp)}"

    def fresh(self, nonce: str) -> bool:
        stamp, _, signature = nonce.partition(".")
        try:
            issued = int(stamp, 16)
        except ValueError:
            return False
        return (hmac.compare_digest(signature, self._sign(stamp))
                and 0 <= self._clock() - issued <= self.lifetime_s)

    def challenge(self, stale: bool = False) -> str:
        value = f'Digest realm="{self.realm}", nonce="{self.nonce()}", algorithm={ALGORITHM}, qop="auth"'
        return value + (", stale=true" if stale else "")

    def credentials(self, params: dict[str, str], method: str = "INVITE") -> DigestCredentials | None:
        """The digest to send to the AAA server, when the header answers one of our fresh challenges."""
        if params.get("realm") != self.realm or not params.get("response") or not params.get("username"):
            return None
        if (params.get("algorithm") or ALGORITHM).upper() != ALGORITHM:
            return None
        return DigestCredentials(
            response=params["response"], realm=params["realm"], nonce=params.get("nonce"), method=method,
            uri=params.get("uri"), qop=params.get("qop"), algorithm=params.get("algorithm") or ALGORITHM,
            cnonce=params.get("cnonce"), nonce_count=params.get("nc"), user_name=params["username"])

