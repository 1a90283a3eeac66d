"""RFC 3261 §17 transactions: client/server, INVITE/non-INVITE, with the UDP timers A-K.

Each transaction is a small state machine fed by messages and timer expiries; it moves bytes only through a
`send` callable and schedules through a `Scheduler` (the asyncio loop, or a fake clock in tests). The layer
matches incoming messages to transactions (branch + sent-by + method, §17.2.3 / §17.1.3), absorbs
retransmissions, ACKs non-2xx finals hop-by-hop, and hands everything else to the transaction user (the B2BUA).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from switch_service.sip.message import (
    MAGIC_COOKIE,
    Headers,
    SipParseError,
    SipRequest,
    SipResponse,
    make_response,
    new_tag,
)

log = logging.getLogger(__name__)


class TimerHandle(Protocol):
    def cancel(self) -> None: ...


class Scheduler(Protocol):
    def call_later(self, delay: float, callback: Callable[[], None]) -> TimerHandle: ...


@dataclass(frozen=True)
class Peer:
    """Where a message came from / goes to: transport name and address."""

    transport: str
    host: str
    port: int

    @property
    def reliable(self) -> bool:
        return self.transport != "UDP"


SendFn = Callable[[bytes, Peer], None]


@dataclass
class TimerConfig:
    t1: float = 0.5
    t2: float = 4.0
    t4: float = 5.0
    invite_timeout: float | None = None  # Timer B override (failover "no answer from host")
    # Server transactions held at once, and the bytes of their requests. A rejected INVITE is kept 64*T1 (32 s) for
    # its ACK with its request and response, so junk INVITEs at a few thousand a second once held 450 MB; beyond
    # either bound new requests get a stateless 503 (see `overloaded`).
    max_server_transactions: int = 20_000
    max_server_bytes: int = 32 << 20

    @property
    def timer_b(self) -> float:
        return self.invite_timeout if self.invite_timeout is not None else 64 * self.t1


class State(enum.Enum):
    CALLING = "calling"
    TRYING = "trying"
    PROCEEDING = "proceeding"
    ACCEPTED = "accepted"
    COMPLETED = "completed"
    CONFIRMED = "confirmed"
    TERMINATED = "terminated"


class _Timers:
    def __init__(self, scheduler: Scheduler) -> None:
        self._scheduler = scheduler
        self._handles: dict[str, TimerHandle] = {}

    def start(self, name: str, delay: float, callback: Callable[[], None]) -> None:
        self.stop(name)
        self._handles[name] = self._scheduler.call_later(delay, callback)

    def stop(self, name: str) -> None:
        handle = self._handles.pop(name, None)
        if handle is not None:
            handle.cancel()

    def stop_all(self) -> None:
        for handle in self._handles.values():
            handle.cancel()
        self._handles.clear()


class ClientTransaction:
    """Client INVITE (§17.1.1) and non-INVITE (§17.1.2) transaction.

    `on_response(response)` receives provisional and final responses (first copy only), `on_timeout()` Timer B/F.
    """

    def __init__(self, layer: TransactionLayer, request: SipRequest, peer: Peer,
                 on_response: Callable[[SipResponse], None], on_timeout: Callable[[], None]) -> None:
        self.layer = layer
        self.request = request
        self.peer = peer
        self.on_response = on_response
        self.on_timeout = on_timeout
        self.invite = request.method == "INVITE"
        self.branch = request.top_via.branch or ""
        self.state = State.CALLING if self.invite else State.TRYING
        self.timers = _Timers(layer.scheduler)
        self._data = request.to_bytes()
        self._interval = layer.config.t1
        self.last_final: SipResponse | None = None
        self._ack: bytes | None = None

    def start(self) -> None:
        cfg = self.layer.config
        self.layer.send(self._data, self.peer)
        if not self.peer.reliable:
            self.timers.start("A" if self.invite else "E", cfg.t1, self._retransmit)
        self.timers.start("B" if self.invite else "F", cfg.timer_b if self.invite else 64 * cfg.t1, self._timeout)

    def _retransmit(self) -> None:
        if self.state not in (State.CALLING, State.TRYING, State.PROCEEDING):
            return
        self.layer.send(self._data, self.peer)
        cfg = self.layer.config
        if self.invite:
            self._interval *= 2
            self.timers.start("A", self._interval, self._retransmit)
        else:
            self._interval = cfg.t2 if self.state == State.PROCEEDING else min(self._interval * 2, cfg.t2)
            self.timers.start("E", self._interval, self._retransmit)

    def _timeout(self) -> None:
        if self.state in (State.CALLING, State.TRYING, State.PROCEEDING):
            self.terminate()
            self.on_timeout()

    def cancel_timeout(self) -> None:
        """Stop Timer B once a provisional arrived: the TU runs its own (Timer C style) wait."""
        self.timers.stop("B")

    def receive(self, response: SipResponse) -> None:
        status = response.status
        if self.invite:
            if self.state in (State.CALLING, State.PROCEEDING):
                self.timers.stop("A")
                if status < 200:
                    self.state = State.PROCEEDING
                    self.on_response(response)
                elif status < 300:
                    # RFC 6026 Accepted: 2xx retransmissions go to the TU (it re-sends the ACK)
                    self.state = State.ACCEPTED
                    self.timers.stop("B")
                    self.timers.start("M", 64 * self.layer.config.t1, self.terminate)
                    self.on_response(response)
                else:
                    self.state = State.COMPLETED
                    self.timers.stop("B")
                    self.last_final = response
                    self._ack = build_non2xx_ack(self.request, response).to_bytes()
                    self.layer.send(self._ack, self.peer)
                    self.timers.start("D", 0 if self.peer.reliable else 32.0, self.terminate)
                    self.on_response(response)
            elif self.state == State.ACCEPTED and 200 <= status < 300:
                self.on_response(response)
            elif self.state == State.COMPLETED and status >= 300 and self._ack is not None:
                self.layer.send(self._ack, self.peer)  # absorb, re-ACK
            return
        if self.state in (State.TRYING, State.PROCEEDING):
            if status < 200:
                self.state = State.PROCEEDING
                self.on_response(response)
            else:
                self.state = State.COMPLETED
                self.timers.stop("E")
                self.timers.stop("F")
                self.timers.start("K", 0 if self.peer.reliable else self.layer.config.t4, self.terminate)
                self.on_response(response)

    def terminate(self) -> None:
        self.state = State.TERMINATED
        self.timers.stop_all()
        self.layer.forget_client(self)


class ServerTransaction:
    """Server INVITE (§17.2.1, with RFC 6026 Accepted) and non-INVITE (§17.2.2) transaction."""

    def __init__(self, layer: TransactionLayer, request: SipRequest, peer: Peer, key: tuple[str, ...]) -> None:
        self.layer = layer
        self.request = request
        self.peer = peer
        self.key = key
        self.invite = request.method == "INVITE"
        self.state = State.PROCEEDING if self.invite else State.TRYING
        self.timers = _Timers(layer.scheduler)
        self.last_response: bytes | None = None
        self.final_status = 0
        self._interval = layer.config.t1
        self.on_ack_timeout: Callable[[], None] | None = None

    def respond(self, response: SipResponse) -> None:
        if self.state in (State.COMPLETED, State.CONFIRMED, State.TERMINATED, State.ACCEPTED) and not (
                self.state == State.ACCEPTED and 200 <= response.status < 300):
            return
        data = response.to_bytes()
        self.last_response = data
        self.layer.send(data, self.peer)
        status = response.status
        cfg = self.layer.config
        if status < 200:
            if not self.invite:
                self.state = State.PROCEEDING
            return
        self.final_status = status
        if self.invite:
            if status < 300:
                # 2xx: retransmitted (Timer G style, §13.3.1.4) until the ACK matches by Call-ID/CSeq
                self.state = State.ACCEPTED
                self.layer.expect_2xx_ack(self)
                if not self.peer.reliable:
                    self.timers.start("G", cfg.t1, self._retransmit)
                self.timers.start("L", 64 * cfg.t1, self._ack_timeout)
            else:
                self.state = State.COMPLETED
                if not self.peer.reliable:
                    self.timers.start("G", cfg.t1, self._retransmit)
                self.timers.start("H", 64 * cfg.t1, self._ack_timeout)
        else:
            self.state = State.COMPLETED
            self.timers.start("J", 0 if self.peer.reliable else 64 * cfg.t1, self.terminate)

    def _retransmit(self) -> None:
        if self.state not in (State.COMPLETED, State.ACCEPTED) or self.last_response is None:
            return
        self.layer.send(self.last_response, self.peer)
        self._interval = min(self._interval * 2, self.layer.config.t2)
        self.timers.start("G", self._interval, self._retransmit)

    def _ack_timeout(self) -> None:
        accepted = self.state == State.ACCEPTED
        self.terminate()
        if accepted and self.on_ack_timeout is not None:
            self.on_ack_timeout()

    def retransmitted_request(self) -> None:
        if self.last_response is not None and self.state in (State.PROCEEDING, State.TRYING, State.COMPLETED,
                                                              State.ACCEPTED):
            self.layer.send(self.last_response, self.peer)

    def ack(self) -> None:
        if self.state == State.COMPLETED:
            self.state = State.CONFIRMED
            self.timers.stop("G")
            self.timers.stop("H")
            self.timers.start("I", 0 if self.peer.reliable else self.layer.config.t4, self.terminate)
        elif self.state == State.ACCEPTED:
            self.terminate()

    def terminate(self) -> None:
        self.state = State.TERMINATED
        self.timers.stop_all()
        self.layer.forget_server(self)


class TransactionUser(Protocol):
    """What the layer hands up (the B2BUA implements it)."""

    def on_request(self, request: SipRequest, tx: ServerTransaction) -> None: ...
    def on_cancel(self, cancel: SipRequest, invite_tx: ServerTransaction | None, peer: Peer) -> None: ...
    def on_ack(self, ack: SipRequest, peer: Peer) -> None: ...
    def on_stray_response(self, response: SipResponse, peer: Peer) -> None: ...


def _server_key(request: SipRequest, method: str) -> tuple[str, ...]:
    via = request.top_via
    branch = via.branch or ""
    if branch.startswith(MAGIC_COOKIE):
        return (branch, f"{via.host}:{via.port or 5060}", method)
    # RFC 2543 peers: fall back to Call-ID, CSeq number, From tag and the Via itself (§17.2.3)
    return (request.call_id, str(request.cseq[0]), request.from_tag or "", str(via), method)


class TransactionLayerFull(Exception):  # noqa: N818 - a condition the switch counts, like SipParseError
    """A new request came while `max_server_transactions` were held: answered 503 without state."""


class TransactionLayer:
    def __init__(self, scheduler: Scheduler, send: SendFn, config: TimerConfig | None = None) -> None:
        self.scheduler = scheduler
        self.send = send
        self.config = config or TimerConfig()
        self.user: TransactionUser | None = None
        self.overloaded = 0  # requests answered statelessly because the layer was full
        self.held_bytes = 0  # of the requests of the server transactions held (their responses copy part of them)
        self._clients: dict[tuple[str, str], ClientTransaction] = {}
        self._servers: dict[tuple[str, ...], ServerTransaction] = {}
        self._accepted: dict[tuple[str, int], ServerTransaction] = {}

    @property
    def held(self) -> int:
        """Server transactions in the table now."""
        return len(self._servers)

    # -- client side
    def start_client(self, request: SipRequest, peer: Peer, on_response: Callable[[SipResponse], None],
                     on_timeout: Callable[[], None]) -> ClientTransaction:
        tx = ClientTransaction(self, request, peer, on_response, on_timeout)
        self._clients[(tx.branch, request.method)] = tx
        tx.start()
        return tx

    def forget_client(self, tx: ClientTransaction) -> None:
        if self._clients.get((tx.branch, tx.request.method)) is tx:
            del self._clients[(tx.branch, tx.request.method)]

    # -- server side
    def forget_server(self, tx: ServerTransaction) -> None:
        if self._servers.get(tx.key) is tx:
            del self._servers[tx.key]
            self.held_bytes -= tx.request.wire_size
        accepted_key = (tx.request.call_id, tx.request.cseq[0])
        if self._accepted.get(accepted_key) is tx:
            del self._accepted[accepted_key]

    def expect_2xx_ack(self, tx: ServerTransaction) -> None:
        self._accepted[(tx.request.call_id, tx.request.cseq[0])] = tx

    # -- input
    def receive(self, message: SipRequest | SipResponse, peer: Peer) -> None:
        user = self.user
        assert user is not None
        if isinstance(message, SipResponse):
            method = message.cseq[1]
            tx = self._clients.get((message.top_via.branch or "", method))
            if tx is not None:
                tx.receive(message)
            else:
                user.on_stray_response(message, peer)
            return
        method = message.method
        if method == "ACK":
            invite_tx = self._servers.get(_server_key(message, "INVITE"))
            if invite_tx is not None and invite_tx.state in (State.COMPLETED, State.CONFIRMED):
                invite_tx.ack()  # ACK of a non-2xx final: hop-by-hop, absorbed here
                return
            accepted = self._accepted.pop((message.call_id, message.cseq[0]), None)
            if accepted is not None:
                accepted.ack()
            user.on_ack(message, peer)
            return
        key = _server_key(message, method)
        existing = self._servers.get(key)
        if existing is not None:
            existing.retransmitted_request()
            return
        if (len(self._servers) >= self.config.max_server_transactions
                or self.held_bytes + message.wire_size > self.config.max_server_bytes):
            self.overloaded += 1
            self.send(make_response(message, 503, to_tag=new_tag(), extra=[("retry-after", "5")]).to_bytes(), peer)
            raise TransactionLayerFull(f"{len(self._servers)} server transactions ({self.held_bytes} bytes) held")
        server = ServerTransaction(self, message, peer, key)
        self._servers[key] = server
        self.held_bytes += message.wire_size
        try:
            if method == "CANCEL":
                invite_tx = self._servers.get(_server_key(message, "INVITE"))
                # 200 (or 481) to the CANCEL first, then the TU answers the INVITE 487 (§9.2)
                server.respond(make_response(message, 200 if invite_tx is not None else 481))
                user.on_cancel(message, invite_tx, peer)
                return
            user.on_request(message, server)
        except Exception as exc:
            self._unanswered(server, 400 if isinstance(exc, SipParseError) else 500)
            raise

    def _unanswered(self, server: ServerTransaction, status: int) -> None:
        """The TU failed on a request (a header it reads lazily is malformed, or a bug): answer it, so the
        transaction ends on its timers instead of staying in the table for ever (3 787 of them after 160 000 junk
        datagrams)."""
        if server.final_status:
            return
        try:
            server.respond(make_response(server.request, status, to_tag=new_tag()))
        finally:
            if not server.final_status:
                server.terminate()

    def close(self) -> None:
        for client in list(self._clients.values()):
            client.timers.stop_all()
        for server in list(self._servers.values()):
            server.timers.stop_all()
        self._clients.clear()
        self._servers.clear()
        self._accepted.clear()


def build_non2xx_ack(invite: SipRequest, response: SipResponse) -> SipRequest:
    """ACK for a 3xx-6xx final: same branch, To from the response (§17.1.1.3)."""
    headers = Headers()
    headers.add("via", invite.headers.get_all("via")[0])
    for name in ("route",):
        for value in invite.headers.get_all(name):
            headers.add(name, value)
    headers.add("from", invite.headers.get("from") or "")
    headers.add("to", response.headers.get("to") or "")
    headers.add("call-id", invite.call_id)
    headers.add("cseq", f"{invite.cseq[0]} ACK")
    headers.add("max-forwards", "70")
    return SipRequest(headers, b"", "ACK", invite.uri)
