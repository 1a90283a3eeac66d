"""The registrar of customer trunks that authenticate by SIP digest (auth=digest): where their DIDs' calls go.

A REGISTER without credentials is challenged (401 + WWW-Authenticate, the same stateless nonces as the INVITE's
407); the answer is checked here against the trunk's HA1 in the switch's snapshot (no RADIUS: a registration
reserves no money). A wrong password gets 403 and a log line. A good one stores a binding per Contact, its
expiry clamped to [min_expires_s, max_expires_s]; `Expires: 0` (or `;expires=0`) removes a Contact, `Contact: *`
with `Expires: 0` removes them all, and a binding not refreshed in time is gone. The 200 lists the trunk's current
Contacts with their expiry (RFC 3261 §10.3).

NAT (RFC 3581): a binding's target is the address the REGISTER came from. A Contact that differs from it (a private
address behind NAT, another port) is unreachable as written, and when they agree it is the same address.

Bindings live in this process's memory: a restart forgets them and the trunks register again at their next
refresh (at most `max_expires_s` later), which is what registrars usually do. REGISTER floods meet the switch's
per-source-IP flood limit before they get here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from switch_service.call_control.digest import DigestChallenger, parse_digest
from switch_service.security.sip_digest import response_matches
from switch_service.sip.message import (
    NameAddr,
    SipParseError,
    SipRequest,
    SipResponse,
    make_response,
    new_tag,
    split_commas,
)
from switch_service.sip.transactions import Peer
from switch_service.store.callers import TrunkEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RegistrarConfig:
    min_expires_s: int = 60
    max_expires_s: int = 3600
    default_expires_s: int = 3600  # when the REGISTER names no expiry
    max_contacts: int = 5  # per trunk: a sixth Contact replaces the one refreshed longest ago

    def __post_init__(self) -> None:
        if not 0 < self.min_expires_s <= self.max_expires_s:
            raise ValueError(f"registrar expiry bounds must satisfy 0 < min <= max, got {self.min_expires_s} and "
                             f"{self.max_expires_s}")


@dataclass(frozen=True, slots=True)
class Binding:
    trunk_id: int
    contact: str  # the Contact URI as registered
    target: Peer  # where its calls are sent: the REGISTER's source
    expires_at: float  # on the registrar's clock
    call_id: str
    cseq: int

    @property
    def behind_nat(self) -> bool:
        """The Contact names another address than the one the REGISTER came from."""
        try:
            uri = NameAddr.parse(self.contact).uri
        except SipParseError:
            return True
        return (uri.host, uri.port or 5060) != (self.target.host, self.target.port)


class RegisterError(ValueError):
    """A REGISTER the registrar cannot act on (answered 400 with the reason)."""


class Registrar:
    def __init__(self, challenger: DigestChallenger, config: RegistrarConfig | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.challenger = challenger
        self.config = config or RegistrarConfig()
        self.clock = clock
        self._bindings: dict[int, dict[str, Binding]] = {}
        self.refused = 0

    def binding(self, trunk_id: int) -> Binding | None:
        """The live binding registered or refreshed last (the one a call to the trunk goes to), or None."""
        live = self.bindings(trunk_id)
        return max(live, key=lambda b: b.expires_at) if live else None

    def bindings(self, trunk_id: int) -> list[Binding]:
        """The trunk's live bindings; the expired ones are dropped on the way."""
        contacts = self._bindings.get(trunk_id)
        if not contacts:
            return []
        now = self.clock()
        for contact in [c for c, b in contacts.items() if b.expires_at <= now]:
            del contacts[contact]
        if not contacts:
            del self._bindings[trunk_id]
        return list(contacts.values())

    def register(self, request: SipRequest, source: Peer, trunks_by_user: Mapping[str, TrunkEntry]) -> SipResponse:
        """The answer to one REGISTER (bindings changed when it is a 200)."""
        header = request.headers.get("authorization") or request.headers.get("proxy-authorization")
        params = parse_digest(header)
        credentials = self.challenger.credentials(params, "REGISTER") if params is not None else None
        if credentials is None:
            return self._challenge(request, stale=False)
        trunk = trunks_by_user.get(credentials.user_name or "")
        if trunk is None or not trunk.password_ha1:
            return self._refuse(request, source, f"unknown digest user {credentials.user_name!r}")
        if not self.challenger.fresh(credentials.nonce or ""):
            return self._challenge(request, stale=True)
        if not response_matches(trunk.password_ha1, credentials):
            return self._refuse(request, source, f"wrong password for trunk {trunk.name!r}")
        try:
            return self._update(request, source, trunk)
        except RegisterError as exc:
            log.info("REGISTER of trunk %r from %s:%d refused: %s", trunk.name, source.host, source.port, exc)
            return make_response(request, 400, str(exc), to_tag=new_tag())

    def _challenge(self, request: SipRequest, *, stale: bool) -> SipResponse:
        return make_response(request, 401, to_tag=new_tag(),
                             extra=[("www-authenticate", self.challenger.challenge(stale=stale))])

    def _refuse(self, request: SipRequest, source: Peer, why: str) -> SipResponse:
        self.refused += 1
        log.warning("REGISTER from %s:%d refused: %s", source.host, source.port, why)
        return make_response(request, 403, "Forbidden", to_tag=new_tag())

    def _update(self, request: SipRequest, source: Peer, trunk: TrunkEntry) -> SipResponse:
        contacts = _contacts(request)
        default = _expires(request.headers.get("expires"), self.config.default_expires_s)
        self.bindings(trunk.id)  # drop the expired ones first
        bindings = self._bindings.setdefault(trunk.id, {})
        call_id, cseq = request.call_id, request.cseq[0]
        if any(contact.star for contact in contacts):
            if len(contacts) != 1 or default != 0:
                raise RegisterError("Contact: * needs Expires: 0 and no other Contact")
            bindings.clear()
            log.info("trunk %r unregistered every contact", trunk.name)
        now = self.clock()
        for contact in (c for c in contacts if not c.star):
            uri = str(contact.uri)
            old = bindings.get(uri)
            if old is not None and old.call_id == call_id and old.cseq >= cseq:
                continue  # an older REGISTER overtaken by a newer one (§10.3 step 7)
            expires = _expires(contact.params.get("expires"), default)
            if expires == 0:
                bindings.pop(uri, None)
                log.info("trunk %r unregistered %s", trunk.name, uri)
                continue
            expires = min(max(expires, self.config.min_expires_s), self.config.max_expires_s)
            if old is None and len(bindings) >= self.config.max_contacts:
                del bindings[min(bindings.values(), key=lambda b: b.expires_at).contact]
            binding = Binding(trunk.id, uri, source, now + expires, call_id, cseq)
            bindings[uri] = binding
            log.info("trunk %r registered %s for %d s, calls go to %s:%d/%s%s", trunk.name, uri, expires,
                     source.host, source.port, source.transport, " (behind NAT)" if binding.behind_nat else "")
        listed = [(f"<{b.contact}>;expires={max(0, round(b.expires_at - now))}")
                  for b in self.bindings(trunk.id)]
        return make_response(request, 200, to_tag=new_tag(), extra=[("contact", value) for value in listed])


def _contacts(request: SipRequest) -> list[NameAddr]:
    try:
        return [NameAddr.parse(part) for value in request.headers.get_all("contact") for part in split_commas(value)]
    except SipParseError as exc:
        raise RegisterError(f"bad Contact: {exc}") from None


def _expires(text: str | None, default: int) -> int:
    if text is None:
        return default
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        raise RegisterError(f"bad expires value {text[:20]!r}")
    return int(text)
