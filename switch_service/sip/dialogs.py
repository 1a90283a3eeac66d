"""One side of a call as a SIP dialog (RFC 3261 §12): tags, URIs, remote target, route set, CSeq counters.

Pure: builds the in-dialog requests and ACKs for its side; the B2BUA decides where they are sent (to the peer the
dialog's first message came from / went to, which is what NATed callers need, RFC 3581).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from switch_service.sip.message import Headers, NameAddr, SipRequest, SipResponse, new_branch
from switch_service.sip.transactions import Peer


@dataclass(frozen=True)
class LocalAddress:
    """The switch's own address as written into Via and Contact."""

    host: str
    port: int

    @property
    def hostport_host(self) -> str:
        """The host as written in a URI or Via (an IPv6 address in brackets)."""
        return f"[{self.host}]" if ":" in self.host else self.host

    def via(self, transport: str, branch: str | None = None) -> str:
        return f"SIP/2.0/{transport} {self.hostport_host}:{self.port};branch={branch or new_branch()};rport"

    def contact(self, transport: str, user: str = "switch") -> str:
        suffix = "" if transport == "UDP" else f";transport={transport.lower()}"
        return f"<sip:{user}@{self.hostport_host}:{self.port}{suffix}>"


@dataclass
class Dialog:
    call_id: str
    local_tag: str
    local_uri: str  # name-addr without tag, e.g. "<sip:123@switch>"
    remote_uri: str
    remote_target: str  # request-URI of in-dialog requests (the peer's Contact)
    peer: Peer
    local: LocalAddress
    remote_tag: str | None = None
    route_set: list[str] = field(default_factory=list)
    local_cseq: int = 1
    remote_cseq: int = 0

    @classmethod
    def as_uas(cls, invite: SipRequest, local_tag: str, peer: Peer, local: LocalAddress) -> Dialog:
        """Our side of the caller's dialog: we answer, so their From is our remote URI (§12.1.1)."""
        contact = invite.contact
        return cls(
            call_id=invite.call_id, local_tag=local_tag, local_uri=_without_tag(invite.headers.get("to") or ""),
            remote_uri=_without_tag(invite.headers.get("from") or ""),
            remote_target=str(contact.uri) if contact and not contact.star else invite.uri,
            peer=peer, local=local, remote_tag=invite.from_tag,
            route_set=invite.headers.get_all("record-route"), local_cseq=0, remote_cseq=invite.cseq[0])

    def update_from_response(self, response: SipResponse) -> None:
        """Early/confirmed dialog state from a 1xx/2xx with a To tag (UAC side, §12.1.2)."""
        tag = response.to_tag
        if tag:
            self.remote_tag = tag
        contact = response.contact
        if contact is not None and not contact.star:
            self.remote_target = str(contact.uri)
        record_route = response.headers.get_all("record-route")
        if record_route:
            self.route_set = list(reversed(record_route))

    def request(self, method: str, body: bytes = b"", content_type: str | None = None,
                extra: list[tuple[str, str]] | None = None, cseq: int | None = None) -> SipRequest:
        if cseq is None:
            self.local_cseq += 1
            cseq = self.local_cseq
        headers = Headers()
        headers.add("via", self.local.via(self.peer.transport))
        headers.add("max-forwards", "70")
        for route in self.route_set:
            headers.add("route", route)
        headers.add("from", f"{self.local_uri};tag={self.local_tag}")
        to = self.remote_uri + (f";tag={self.remote_tag}" if self.remote_tag else "")
        headers.add("to", to)
        headers.add("call-id", self.call_id)
        headers.add("cseq", f"{cseq} {method}")
        if method in ("INVITE", "UPDATE", "SUBSCRIBE", "REFER"):
            headers.add("contact", self.local.contact(self.peer.transport))
        for name, value in extra or []:
            headers.add(name, value)
        if body and content_type:
            headers.add("content-type", content_type)
        return SipRequest(headers, body, method, self.remote_target)

    def ack_for_2xx(self, cseq: int) -> SipRequest:
        """ACK of a 2xx: a new transaction of its own, end-to-end on this leg (§13.2.2.4)."""
        return self.request("ACK", cseq=cseq)


def _without_tag(value: str) -> str:
    addr = NameAddr.parse(value)
    addr.params.pop("tag", None)
    return str(addr)
