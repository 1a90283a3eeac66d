"""Who is calling, and what the call is, from the request-URI user (normalised to E.164 digits) and the snapshot:

- a forward DID: billed to the DID's account (`account-id=`), Called-Station-Id = the forward number;
- an access number: the caller's ANI (P-Asserted-Identity, else From). A known ANI with a stored destination is
  authorised at once (Called-Station-Id left out, the destination comes back as h323-redirect-number); any other
  caller goes to the IVR: a media worker of the pool with a free slot (media/pool.py; every slot busy: 503 with
  Retry-After), else the fixed IVR media endpoint when one is configured, else 480 (Warning: no IVR);
- a trunk DID: delivered to the trunk's address (its source IP, port 5060; a digest trunk: where its live REGISTER
  binding points, registrar.py; none: 480 + Warning "trunk not registered"), billed to the DID's account;
- anything else from a customer trunk's source IP (auth=ip): destination = the request-URI user, billed to the
  trunk's account (admission.py then checks the trunk's channel and CPS limits);
- anything else, when digest trunks exist: 407 challenge; the INVITE with Proxy-Authorization of a digest trunk's
  user name goes on as a trunk call, the digest checked by the AAA server (digest.py; no REGISTER needed to call);
- anything else: 404.
The service's own test calls (sip/loopback.py) are billed to the account they name, as a forward DID's call is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from switch_service.aaa.messages import DigestCredentials
from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.digest import DigestChallenger, parse_digest
from switch_service.call_control.registrar import Registrar
from switch_service.call_control.snapshot import Snapshot
from switch_service.phone_numbers import normalise_number, reading_region
from switch_service.sip.controller import (
    IVR_LEG,
    LANGUAGE_MENU,
    Decision,
    Handoff,
    InboundCall,
    Reject,
    Routes,
    Target,
)
from switch_service.sip.loopback import TestCaller
from switch_service.store.callers import AniEntry, DidEntry, TrunkEntry
from switch_service.store.models.enums import DidKind, TrunkAuth

if TYPE_CHECKING:
    from switch_service.call_control.ivr_sessions import IvrSessions
    from switch_service.media.pool import IvrPool

IVR_REF = "ivr"
NO_IVR_CODE = 480
IVR_BUSY_RETRY_AFTER_S = 10


@dataclass(frozen=True)
class Identified:
    """A call the switch knows: what to ask the AAA server about it, and where it goes if not routed."""

    destination: str | None  # Called-Station-Id; None: the ANI's stored destination (`stored`) is asked for
    account_id: int | None
    did: DidEntry | None
    stored: str | None = None
    pin: str | None = None
    send_account: bool = True  # the switch vouches for the account (`account-id=`)
    fixed: list[Target] | None = None  # a trunk DID's delivery: no routing
    digest: DigestCredentials | None = None  # a digest trunk's: the AAA server checks it
    trunk: TrunkEntry | None = None  # a customer trunk's call: within its channel and CPS limits


def parse_address(text: str) -> tuple[str, int, str]:
    """`host:port[/transport]` → (host, port, TRANSPORT)."""
    address, _, transport = text.partition("/")
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"not host:port[/transport]: {text!r}")
    return host, int(port), (transport or "UDP").upper()


class Identifier:
    def __init__(self, snapshot: Snapshot, registrar: Registrar, digest: DigestChallenger,
                 config: ControllerConfig) -> None:
        self.snapshot = snapshot
        self.registrar = registrar
        self.digest = digest
        self.region = config.default_region
        self.ivr_target = parse_address(config.ivr) if config.ivr else None
        self.ivr_pool: IvrPool | None = None  # the media workers (the service sets it); before `ivr_target`
        self.sessions: IvrSessions | None = None  # the IVR legs shown as live calls (the controller sets it)
        self.test_caller: TestCaller | None = None  # the service's own caller (loopback.py): its calls are billed

    async def identify(self, info: CallInfo, call: InboundCall) -> Identified | Decision:
        """What the call is (see the module docstring), or the switch's answer when that is all there is to it."""
        data = await self.snapshot.data()
        callers = data.callers
        test = self.test_caller.claim(call) if self.test_caller is not None else None
        if test is not None:
            return Identified(normalise_number(test.number, self.region), test.account_id, None)
        dialled = info.dialled = normalise_number(call.did, self.region)
        did = callers.dids.get(dialled)
        if did is not None:
            info.did = dialled
            self._read_caller(info, call, did.country)
            if did.kind is DidKind.FORWARD:
                if not did.forward_to or did.account_id is None:
                    return Reject(404, "DID Not Configured")
                return Identified(did.forward_to, did.account_id, did)
            if did.kind is DidKind.ACCESS_NUMBER:
                return await self._access_number(info, did, await self.snapshot.ani(data, info.caller))
            return self._trunk_did(dialled, did, callers.trunks.get(did.trunk_id) if did.trunk_id is not None else None)
        trunk = callers.trunks_by_ip.get(call.source_host)
        credentials: DigestCredentials | None = None
        if trunk is None and callers.trunks_by_user:
            params = parse_digest(call.proxy_authorization)
            credentials = self.digest.credentials(params) if params is not None else None
            trunk = callers.trunks_by_user.get(credentials.user_name or "") if credentials is not None else None
            if trunk is None or credentials is None or not self.digest.fresh(credentials.nonce or ""):
                stale = credentials is not None and trunk is not None
                return Reject(407, "Proxy Authentication Required",
                              (("proxy-authenticate", self.digest.challenge(stale=stale)),))
        if trunk is None:
            return Reject(404, "Not Found")
        if trunk.country:  # what the trunk sends in national form is read as of its country
            dialled = info.dialled = normalise_number(call.did, reading_region(self.region, trunk.country))
            self._read_caller(info, call, trunk.country)
        info.trunk_id = trunk.id
        info.account_id = trunk.account_id  # a refusal's row names the account
        # a digest trunk is identified by the AAA server checking the digest, not by the switch's word
        return Identified(dialled, trunk.account_id, None, digest=credentials, send_account=credentials is None,
                          trunk=trunk)

    def _read_caller(self, info: CallInfo, call: InboundCall, country: str | None) -> None:
        """The caller's number read again as of the country of the DID or trunk the call came through, if it has
        one (the controller read it in the default region before it knew)."""
        if country:
            presented = call.pai_user or call.from_user
            info.caller = normalise_number(presented, reading_region(self.region, country)) or info.caller

    def _trunk_did(self, dialled: str, did: DidEntry, trunk: TrunkEntry | None) -> Identified | Reject:
        if trunk is None or did.account_id is None:
            return Reject(404, "DID Not Configured")
        if trunk.auth is TrunkAuth.DIGEST:
            binding = self.registrar.binding(trunk.id)
            if binding is None:
                return Reject(480, "Temporarily Unavailable", (("warning", '399 carrierdesk "trunk not registered"'),))
            peer = binding.target
            deliver = Target(peer.host, peer.port, peer.transport, dialled, f"trunk:{trunk.id}")
        elif trunk.source_ip:
            deliver = Target(trunk.source_ip, 5060, "UDP", dialled, f"trunk:{trunk.id}")
        else:
            return Reject(404, "DID Not Configured")
        return Identified(dialled, did.account_id, did, fixed=[deliver])

    async def _access_number(self, info: CallInfo, did: DidEntry, ani: AniEntry | None) -> Identified | Decision:
        if ani is not None and ani.destination:
            return Identified(None, ani.account_id, did, stored=ani.destination, send_account=False)
        menu = ((LANGUAGE_MENU, ",".join(did.language_menu)),) if did.language_menu else ()
        return await self.ivr_routes(info, did.number, menu)

    async def ivr_routes(self, info: CallInfo, did_number: str,
                         headers: tuple[tuple[str, str], ...] = ()) -> Decision:
        """The call to the IVR on access number `did_number`: a worker's free slot, else the fixed media endpoint,
        else a refusal saying why. `headers` go with the INVITE (the access number's language menu, a caller's
        re-entry)."""
        if self.ivr_pool is not None:
            place = await self.ivr_pool.acquire(info.key)
            if place is None:
                return Reject(503, "IVR Busy", (
                    ("retry-after", str(IVR_BUSY_RETRY_AFTER_S)),
                    ("warning", '399 carrierdesk "every IVR slot is busy"')))
            info.ivr = True
            self._entered(info, self.ivr_pool.worker_of(info.key))
            return Routes([Target(place[0], place[1], "UDP", did_number, IVR_REF)], media=True,
                          headers=(*headers, (IVR_LEG, info.key)))
        if self.ivr_target is None:
            return Reject(NO_IVR_CODE, "No IVR Available", (
                ("warning", '399 carrierdesk "no IVR media endpoint is configured"'),
                ("reason", 'SIP;cause=480;text="no IVR configured: caller unknown or without a destination"')))
        info.ivr = True
        self._entered(info, None)
        host, port, transport = self.ivr_target
        return Routes([Target(host, port, transport, did_number, IVR_REF)], media=True, headers=headers)

    async def resumed(self, info: CallInfo, handoff: Handoff) -> Identified:
        """A call the IVR hands back with a destination (and maybe a PIN): the caller's ANI names the account."""
        data = await self.snapshot.data()
        ani = await self.snapshot.ani(data, info.caller)
        did = data.callers.dids.get(info.did or "")
        account = await self.snapshot.account(data, ani.account_id if ani else None)
        # what the caller keyed in, read as of its account's country, else the access number's
        region = reading_region(self.region, account.country if account else None, did.country if did else None)
        destination = normalise_number(handoff.destination, region)
        return Identified(destination, ani.account_id if ani else None, did, pin=handoff.pin, send_account=False)

    def _entered(self, info: CallInfo, worker: int | None) -> None:
        if self.sessions is not None:
            self.sessions.entered(info, worker)

    def left_ivr(self, info: CallInfo) -> None:
        """The call left the IVR (handed back, or ended): its worker's slot is free again, its live row goes."""
        if info.ivr and self.ivr_pool is not None:
            self.ivr_pool.release(info.key)
        if self.sessions is not None:
            self.sessions.left(info)
