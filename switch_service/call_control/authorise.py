"""Authorisation: the Access-Request of a call (and of each further slice of a connected one, aaa/slices.py), the
load shedding in front of it, and what a reply means for the call — the SIP refusal of an Access-Reject
(`REJECT_SIP`), or the credit, rate and destination of an Access-Accept."""

from __future__ import annotations

import logging
from decimal import Decimal

from switch_service.aaa import slices
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.client import RadiusTimeoutError
from switch_service.aaa.messages import AuthDecision, AuthRequest, DigestCredentials
from switch_service.call_control.aaa_link import AvPairs, SwitchRadius
from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.config import ControllerConfig
from switch_service.sip.controller import Reject

log = logging.getLogger(__name__)

REJECT_SIP: dict[ReturnCode, tuple[int, str]] = {
    ReturnCode.INVALID_ACCOUNT: (403, "Invalid Account"),
    ReturnCode.INVALID_PIN: (403, "Invalid PIN"),
    ReturnCode.INVALID_CARD: (403, "Invalid Card"),
    ReturnCode.ZERO_BALANCE: (402, "Zero Balance"),
    ReturnCode.INSUFFICIENT_BALANCE: (402, "Insufficient Balance"),
    ReturnCode.CREDIT_LIMIT: (402, "Credit Limit Reached"),
    ReturnCode.EXPIRED: (403, "Account Expired"),
    ReturnCode.DENIED: (403, "Denied"),
    ReturnCode.BLOCKED_NUMBER: (403, "Destination Blocked"),
    ReturnCode.IN_USE: (486, "Account In Use"),
    ReturnCode.INVALID_ARGUMENT: (484, "Address Incomplete"),
    ReturnCode.UNAVAILABLE: (503, "Authorisation Unavailable"),
    ReturnCode.RETRIES_EXCEEDED: (403, "Retries Exceeded"),
    ReturnCode.TOLL_FREE: (403, "Toll-Free Not Allowed"),
}


def reject_for(code: ReturnCode) -> Reject:
    """The SIP refusal of a RADIUS Access-Reject (a Warning names the h323-return-code)."""
    sip_code, reason = REJECT_SIP.get(code, (403, "Denied"))
    return Reject(sip_code, reason, (("warning", f'399 carrierdesk "h323-return-code={int(code)}"'),))


def unanswered() -> Reject:
    """RADIUS did not answer: the caller may try again in a moment."""
    return Reject(503, "Authorisation Unavailable", (("retry-after", "5"),))


def decimal_or_none(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        return None


class Authoriser:
    """Sends the Access-Requests, at most `max_pending_auth` at once (beyond: 503 at once, `shed` counts them)."""

    def __init__(self, radius: SwitchRadius, config: ControllerConfig) -> None:
        self.radius = radius
        self.config = config
        self.pending_auth = 0
        self.shed = 0

    @staticmethod
    def access_request(info: CallInfo, destination: str | None, account_id: int | None, *, pin: str | None,
                       send_account: bool, digest: DigestCredentials | None) -> tuple[AuthRequest, AvPairs]:
        """The call's Access-Request and the contract's AV-pairs (`did=`, `account-id=` when the switch vouches
        for the account)."""
        avpairs: list[tuple[str, str]] = [(slices.SLICES_PAIR, "1")]  # this switch re-authorises (extend)
        if info.did:
            avpairs.append(("did", info.did))
        if send_account and account_id is not None:
            avpairs.append(("account-id", str(account_id)))
        request = AuthRequest(user_name=info.caller or "anonymous", password=pin, calling_station_id=info.caller,
                              called_station_id=destination or None, conf_id=info.conf_id, call_id=info.call_id,
                              remote_address=info.source_host, digest=digest)
        return request, avpairs

    def overloaded(self) -> Reject | None:
        """The AAA server is behind: refuse now, not late."""
        if self.pending_auth >= self.config.max_pending_auth:
            self.shed += 1
            return Reject(503, "Overloaded", (("retry-after", "1"),))
        return None

    async def ask(self, info: CallInfo, request: AuthRequest,
                  avpairs: AvPairs) -> tuple[AuthDecision, dict[str, str]] | None:
        """The server's decision and reply AV-pairs; None when it did not answer."""
        self.pending_auth += 1
        info.authorising = True
        try:
            return await self.radius.authorize(request, avpairs)
        except RadiusTimeoutError:
            log.warning("RADIUS did not answer for %s", info.call_id)
            return None
        finally:
            self.pending_auth -= 1
            info.authorising = False

    @staticmethod
    def accepted(info: CallInfo, decision: AuthDecision, reply_pairs: dict[str, str]) -> None:
        """An Access-Accept: the call is authorised for `credit_time`, at the rate the server rated it."""
        info.authorised = True
        info.credit_time = decision.credit_time
        info.sell_rate = decimal_or_none(reply_pairs.get("rate"))
        info.destination_name = reply_pairs.get("destination") or None

    async def extend(self, info: CallInfo, granted_s: int) -> int | None:
        """The next slice of a connected call (aaa/slices.py): an Access-Request for the same h323-conf-id with
        `credit-extend=<granted_s>`; the new total talk time, or None when refused (the call ends when what it
        holds runs out)."""
        request = AuthRequest(user_name=info.caller or "anonymous", calling_station_id=info.caller,
                              called_station_id=info.destination or None, conf_id=info.conf_id, call_id=info.call_id,
                              remote_address=info.source_host)
        avpairs = [(slices.EXTEND_PAIR, str(granted_s))] + ([("did", info.did)] if info.did else [])
        try:
            decision, _pairs = await self.radius.authorize(request, avpairs)
        except RadiusTimeoutError:
            log.warning("RADIUS did not answer the re-authorisation of %s: it ends after %d s", info.call_id,
                        granted_s)
            return None
        if not decision.accepted or decision.credit_time is None or decision.credit_time <= granted_s:
            log.info("call %s: no more credit after %d s (h323-return-code=%d)", info.call_id, granted_s,
                     int(decision.return_code))
            return None
        info.credit_time = decision.credit_time
        return decision.credit_time
