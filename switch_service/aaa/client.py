"""The switch's own RADIUS client (pyrad): Access-Request and Accounting-Request to a configured server.

The server may be ours (`server.RadiusServer`) or any other, e.g. FreeRADIUS. Requests carry a
Message-Authenticator; replies are checked (Response Authenticator, Message-Authenticator when present or
required) by pyrad before they are read back into an `AuthDecision`.
"""

from __future__ import annotations

import dataclasses
import logging

from pyrad import client as pyrad_client
from pyrad import packet as rp
from pyrad.dictionary import Dictionary

from switch_service.aaa.dictionary import load_dictionary
from switch_service.aaa.messages import (
    AcctRecord,
    AuthDecision,
    AuthRequest,
    build_access_request,
    build_accounting_request,
    decision_from_reply,
)

log = logging.getLogger(__name__)


class RadiusTimeoutError(Exception):
    """No valid reply after all retries (the server is down, the secret is wrong, or it dropped us)."""


class RadiusClient:
    """Blocking, thread-safe: each request uses its own socket, so calls may run in parallel.

    `retries` is the number of sends in total; `timeout` the wait after each send (seconds).
    `require_reply_authenticator` refuses Access-Accept/Reject without a Message-Authenticator
    (BlastRADIUS); leave it off only for servers that cannot sign replies.
    """

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

    def _transport(self) -> pyrad_client.Client:
        transport = pyrad_client.Client(server=self.server, authport=self.auth_port, acctport=self.acct_port,
                                        secret=self.secret, dict=self._dictionary, retries=self.retries,
                                        timeout=self.timeout, enforce_ma=self.require_reply_authenticator)
        if self.source_address is not None:
            transport.bind((self.source_address, 0))
        return transport

    def _send(self, request: rp.Packet) -> rp.Packet:
        transport = self._transport()
        try:
            reply: rp.Packet = transport.SendPacket(request)
            return reply
        except pyrad_client.Timeout:
            raise RadiusTimeoutError(
                f"no valid reply from RADIUS server {self.server} after {self.retries} tries") from None
        finally:
            transport._CloseSocket()

    def authorize(self, request: AuthRequest) -> AuthDecision:
        if request.nas_ip_address is None and self.nas_ip_address is not None:
            request = dataclasses.replace(request, nas_ip_address=self.nas_ip_address)
        packet = build_access_request(request, self.secret, self._dictionary)
        reply = self._send(packet)
        decision = decision_from_reply(reply)
        log.debug("RADIUS %s: %s → %s", self.server, request.user_name, decision.return_code.name)
        return decision

    def account(self, record: AcctRecord) -> None:
        """Returns once the server acknowledged the record (Accounting-Response)."""
        if record.nas_ip_address is None and self.nas_ip_address is not None:
            record = dataclasses.replace(record, nas_ip_address=self.nas_ip_address)
        reply = self._send(build_accounting_request(record, self.secret, self._dictionary))
        if reply.code != rp.AccountingResponse:
            raise RadiusTimeoutError(f"unexpected reply code {reply.code} to an Accounting-Request")
