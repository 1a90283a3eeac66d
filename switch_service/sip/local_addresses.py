"""The address the switch writes as its own (Via, Contact, From, Call-ID) toward each peer.

A switch listening on every interface (`sip_host = 0.0.0.0`, the default) must never write 0.0.0.0: a phone or a
carrier elsewhere would send its ACK and BYE there. The address written is, in this order:
1. `sip_advertised_host` when set (a public address in front of a NAT, a name);
2. the listening address, when it is one address;
3. the address of the interface the system would send to that peer from, found per destination with a UDP
   socket `connect()` (no packet leaves; the kernel only picks the route), and cached.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable

from switch_service.sip.dialogs import LocalAddress

log = logging.getLogger(__name__)

WILDCARDS = frozenset({"", "0.0.0.0", "::", "[::]"})
MAX_CACHED = 4096
FALLBACK = "127.0.0.1"


def route_source(host: str) -> str:
    """The local address the system would use to send to `host` (its routing table's choice)."""
    try:
        infos = socket.getaddrinfo(host, 9, type=socket.SOCK_DGRAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host!r}: {exc}") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.connect(address)  # UDP: nothing is sent
        return str(probe.getsockname()[0])


class LocalAddresses:
    """`for_peer(host)`: the switch's `LocalAddress` as the peer at `host` must see it."""

    def __init__(self, bind_host: str, port: int, advertised_host: str | None = None, *,
                 route: Callable[[str], str] = route_source) -> None:
        self.port = port
        fixed = (advertised_host or "").strip() or (bind_host if bind_host not in WILDCARDS else "")
        self._fixed = LocalAddress(fixed, port) if fixed else None
        self._route = route
        self._cache: dict[str, LocalAddress] = {}

    @property
    def fixed(self) -> LocalAddress | None:
        """The one address written toward every peer, or None when it is chosen per peer."""
        return self._fixed

    def for_peer(self, host: str) -> LocalAddress:
        if self._fixed is not None:
            return self._fixed
        local = self._cache.get(host)
        if local is None:
            local = LocalAddress(self._source(host), self.port)
            if len(self._cache) >= MAX_CACHED:  # bounded: peers come and go
                self._cache.clear()
            self._cache[host] = local
        return local

    def _source(self, host: str) -> str:
        try:
            source = self._route(host)
        except OSError as exc:
            log.warning("no route to SIP peer %s (%s): writing %s as the switch's address; set sip_advertised_host",
                        host, exc, FALLBACK)
            return FALLBACK
        if ipaddress.ip_address(source).is_unspecified:  # cannot happen with a routed peer; never write it
            return FALLBACK
        return source
