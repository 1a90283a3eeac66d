"""CDR rows written by the switch: one attempt row (kind=attempt) per carrier tried.

The call row (kind=call) is the AAA policy's (it rates the call at Accounting-Stop); attempts are the switch's,
so a failover shows every carrier it tried with its SIP answer. Rows go in batches in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from switch_service.store.models import Cdr
from switch_service.store.models.enums import CdrKind


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    call_id: str  # shared with the call row: the call's Acct-Session-Id (h323-conf-id)
    attempt: int  # 1 for the first carrier tried
    caller: str
    destination: str  # as sent to the carrier
    started_at: dt.datetime
    ended_at: dt.datetime
    sip_code: int
    result: str  # answered | busy | no_answer | failed | cancelled | rejected
    account_id: int | None = None
    carrier_id: int | None = None
    gateway_id: int | None = None
    did: str | None = None
    buy_rate: Decimal | None = None  # per minute


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
    """Insert the attempt rows (the caller commits)."""
    if not records:
        return
    session.execute(insert(Cdr), [
        {"kind": CdrKind.ATTEMPT, "call_id": r.call_id, "attempt": r.attempt, "account_id": r.account_id,
         "carrier_id": r.carrier_id, "gateway_id": r.gateway_id, "caller": r.caller[:64],
         "destination": r.destination[:64], "did": r.did, "started_at": r.started_at, "ended_at": r.ended_at,
         "answered_at": r.ended_at if r.result == "answered" else None, "sip_code": r.sip_code,
         "result": r.result, "buy_rate": r.buy_rate}
        for r in records
    ])


def attempts_of(session: Session, call_id: str) -> list[Cdr]:
    """The attempt rows of one call, in attempt order."""
    query = select(Cdr).where(Cdr.call_id == call_id, Cdr.kind == CdrKind.ATTEMPT).order_by(Cdr.attempt)
    return list(session.scalars(query))
