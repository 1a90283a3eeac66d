"""CDR rows written by the switch, and the codes every CDR writer shares.

The switch writes one attempt row (kind=attempt) per carrier tried, so a failover shows every carrier with its SIP
answer, and the call row (kind=call) of each call it refused or lost before RADIUS accounting knew it (no
money was held: limits, CPS, no money, blocked, unknown number, the caller gone): every attempt is on record, so
ASR counts them. The call row of an authorised call is the AAA policy's (it rates the call at Accounting-Stop).
Rows go in batches in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Cdr
from switch_service.store.models.enums import CdrKind

# Q.850 cause of a call that was never answered -> Cdr.result
_UNANSWERED_RESULTS = {16: "cancelled", 31: "cancelled", 17: "busy", 18: "no_answer", 19: "no_answer",
                       21: "rejected", 1: "failed", 3: "failed", 28: "failed", 34: "failed", 38: "failed",
                       41: "failed", 42: "failed", 102: "no_answer", 127: "failed"}
# SIP final response -> Q.850 cause (RFC 3398 section 8.2.6.1, with 487: the caller cleared)
_SIP_TO_Q850 = {400: 41, 401: 21, 402: 21, 403: 21, 404: 1, 405: 63, 406: 79, 407: 21, 408: 102, 410: 22,
                413: 127, 414: 127, 415: 79, 416: 127, 420: 127, 421: 127, 423: 127, 480: 18, 481: 41, 482: 25,
                483: 25, 484: 28, 485: 1, 486: 17, 487: 16, 488: 127, 500: 41, 501: 79, 502: 38, 503: 41,
                504: 102, 505: 127, 513: 127, 600: 17, 603: 21, 604: 1, 606: 58}
_Q850_TEXT = {1: "Unallocated number", 3: "No route to destination", 16: "Normal call clearing", 17: "User busy",
              18: "No user responding", 19: "No answer", 21: "Call rejected", 22: "Number changed",
              25: "Exchange routing error", 28: "Invalid number format", 31: "Normal, unspecified",
              34: "No circuit available", 38: "Network out of order", 41: "Temporary failure",
              42: "Switching equipment congestion", 58: "Bearer capability not available",
              63: "Service not available", 79: "Service not implemented", 102: "Recovery on timer expiry",
              127: "Interworking, unspecified"}


def q850_text(cause: int | None) -> str | None:
    """The name of a Q.850 cause (ITU-T Q.850 table 1), for a call row without a better reason."""
    if cause is None:
        return None
    return _Q850_TEXT.get(cause, f"Q.850 cause {cause}")


def result_for_cause(cause: int | None) -> str:
    """What an unanswered call's Q.850 cause means in `Cdr.result` (16 normal before answer = cancelled)."""
    return _UNANSWERED_RESULTS.get(cause, "failed") if cause is not None else "failed"


def q850_for_sip(code: int) -> int:
    """The Q.850 cause of a SIP final response (RFC 3398); 31 (normal, unspecified) for the rest."""
    return _SIP_TO_Q850.get(code, 31)


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """An attempt row, or (kind=call) the call row of a call the switch refused."""

    call_id: str  # shared with the call row: the call's Acct-Session-Id (h323-conf-id)
    attempt: int  # 1 for the first carrier tried; 0 for a call row
    caller: str
    destination: str  # as sent to the carrier
    started_at: dt.datetime
    ended_at: dt.datetime
    sip_code: int | None  # the final answer (None: the caller got none we know of)
    result: str  # answered | busy | no_answer | failed | cancelled | rejected
    account_id: int | None = None
    carrier_id: int | None = None
    gateway_id: int | None = None
    did: str | None = None
    buy_rate: Decimal | None = None  # per minute
    kind: CdrKind = CdrKind.ATTEMPT
    reason: str | None = None
    q850_cause: int | None = None
    hangup_by: str | None = None


def attempt_result(sip_code: int) -> str:
    """The CDR result of a carrier's final answer."""
    if 200 <= sip_code < 300:
        return "answered"
    if sip_code in (486, 600):
        return "busy"
    if sip_code in (408, 480):
        return "no_answer"
    if sip_code == 487:
        return "cancelled"
    if sip_code in (403, 404, 603, 484):
        return "rejected"
    return "failed"


def write_attempts(session: Session, records: Sequence[AttemptRecord]) -> None:
    """Insert the rows (the caller commits); a call row takes its account's reseller and currency, as the AAA
    policy's call rows do, so the reports group refused calls like the others."""
    if not records:
        return
    ids = {r.account_id for r in records if r.kind is CdrKind.CALL and r.account_id is not None}
    accounts = ({row.id: row for row in session.execute(
        select(Account.id, Account.reseller_id, Account.currency).where(Account.id.in_(ids)))} if ids else {})
    rows = []
    for r in records:
        account = accounts.get(r.account_id) if r.kind is CdrKind.CALL and r.account_id is not None else None
        rows.append({
            "kind": r.kind, "call_id": r.call_id, "attempt": r.attempt, "account_id": r.account_id,
            "reseller_id": account.reseller_id if account else None, "currency": account.currency if account else "USD",
            "carrier_id": r.carrier_id, "gateway_id": r.gateway_id, "caller": r.caller[:64],
            "destination": r.destination[:64], "did": r.did, "started_at": r.started_at, "ended_at": r.ended_at,
            "answered_at": r.ended_at if r.result == "answered" else None, "sip_code": r.sip_code,
            "result": r.result, "buy_rate": r.buy_rate, "reason": r.reason and r.reason[:120],
            "q850_cause": r.q850_cause, "disconnect_cause": f"{r.q850_cause:X}" if r.q850_cause is not None else None,
            "hangup_by": r.hangup_by})
    session.execute(insert(Cdr), rows)
