"""A RADIUS server as its client sees it: where it is, the shared secret, how often a request is sent and how long
each wait is, how requests are written and replies taken — and the blocking exchange, one socket of its own per
exchange (threads, tests, tools, the IVR media workers).

`aaa/client.RadiusClient` adds the event-loop exchange (the switch, the bench) on the same settings. This module
imports no asyncio: an IVR media worker asks its two questions here from a thread, and asyncio with the ssl it
brings cost each worker 3.8 MB of its memory (`carrier-switch bench ivr --sessions 64`: 790 → 728 MB, 16 workers).

A request is sent `retries` times in all, `timeout` seconds apart, with the same Identifier and Authenticator (a
duplicate to the server, RFC 5080 2.2.2); a datagram that is not the valid answer to it is ignored; then
`RadiusTimeoutError`.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import socket
import time
from collections.abc import Callable

from pyrad import packet as rp
from pyrad.dictionary import Dictionary

from switch_service.aaa.dictionary import load_dictionary
from switch_service.aaa.messages import (
    AcctRecord,
    Attributes,
    AuthDecision,
    AuthRequest,
    decision_from_attributes,
    encode_access_request,
    encode_accounting_request,
    read_reply,
)

log = logging.getLogger(__name__)

Reply = tuple[int, Attributes]  # code, attributes
_MAX_DATAGRAM = 4096  # RFC 2865 3: a RADIUS packet is at most 4096 bytes


class RadiusTimeoutError(Exception):
    """No valid reply after all retries (the server is down, the secret is wrong, or it dropped us)."""


class RadiusPeer:
    """`retries` is the number of sends in total; `timeout` the wait after each send (seconds).
    `require_reply_authenticator` refuses Access-Accept/Reject without a Message-Authenticator
    (BlastRADIUS); leave it off only for servers that cannot sign replies."""

    def __init__(self, server: str, secret: bytes, *, auth_port: int = 1812, acct_port: int = 1813,
                 timeout: float = 2.0, retries: int = 3, nas_ip_address: str | None = None,
                 source_address: str | None = None, require_reply_authenticator: bool = True,
                 dictionary: Dictionary | None = None) -> None:
        if not isinstance(secret, bytes) or not secret:
            raise ValueError("the RADIUS secret must be non-empty bytes")
        self.server = server
        self.secret = secret
        self.auth_port = auth_port
        self.acct_port = acct_port
        self.timeout = timeout
        self.retries = retries
        self.nas_ip_address = nas_ip_address
        self.source_address = source_address
        self.require_reply_authenticator = require_reply_authenticator
        self._dictionary = dictionary or load_dictionary()

    # -- writing requests and taking replies (both exchanges)
    def access_request(self, request: AuthRequest) -> Callable[[int], bytes]:
        """The Access-Request's bytes for an Identifier (this client's NAS-IP-Address unless the request has one)."""
        if request.nas_ip_address is None and self.nas_ip_address is not None:
            request = dataclasses.replace(request, nas_ip_address=self.nas_ip_address)
        return lambda identifier: encode_access_request(request, self.secret, identifier, self._dictionary)

    def accounting_request(self, record: AcctRecord) -> Callable[[int], bytes]:
        """The Accounting-Request's bytes for an Identifier."""
        if record.nas_ip_address is None and self.nas_ip_address is not None:
            record = dataclasses.replace(record, nas_ip_address=self.nas_ip_address)
        return lambda identifier: encode_accounting_request(record, self.secret, identifier, self._dictionary)

    def decision(self, request: AuthRequest, reply: Reply) -> AuthDecision:
        decision = decision_from_attributes(*reply)
        log.debug("RADIUS %s: %s → %s", self.server, request.user_name, decision.return_code.name)
        return decision

    @staticmethod
    def acknowledged(reply: Reply) -> None:
        if reply[0] != rp.AccountingResponse:
            raise RadiusTimeoutError(f"unexpected reply code {reply[0]} to an Accounting-Request")

    def reply_to(self, data: bytes, request: bytes) -> Reply | None:
        """The reply `data` carries when it is the valid answer to `request`, else None."""
        if len(data) < 20 or data[1] != request[1]:
            return None
        reply = read_reply(data, request, self.secret, require_message_authenticator=self.require_reply_authenticator)
        if reply is None:
            log.debug("RADIUS reply that is not the valid answer to its request, ignored")
        return reply

    # -- the blocking exchange
    def authorize(self, request: AuthRequest) -> AuthDecision:
        """Blocking, from any thread but an event loop's."""
        return self.decision(request, self._exchange(self.auth_port, self.access_request(request)))

    def account(self, record: AcctRecord) -> None:
        """Blocking; returns once the server acknowledged the record (Accounting-Response)."""
        self.acknowledged(self._exchange(self.acct_port, self.accounting_request(record)))

    def _exchange(self, port: int, build: Callable[[int], bytes]) -> Reply:
        raw = build(random.randrange(256))  # an Identifier is no secret: the Authenticator is
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind((self.source_address or "0.0.0.0", 0))
            for _ in range(max(1, self.retries)):
                sock.sendto(raw, (self.server, port))
                deadline = time.monotonic() + self.timeout
                while (left := deadline - time.monotonic()) > 0:
                    sock.settimeout(left)
                    try:
                        data = sock.recv(_MAX_DATAGRAM)
                    except TimeoutError:
                        break
                    reply = self.reply_to(data, raw)
                    if reply is not None:
                        return reply
        raise RadiusTimeoutError(f"no valid reply from RADIUS server {self.server}:{port} after {self.retries} tries")
