"""What an accounted call was (`CallFacts`, from a Stop or from a live row a crash left open), how it ended, and the
one call CDR the policy writes of it; a package claim given back for the seconds the call did not use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from switch_service.aaa import cisco
from switch_service.aaa.messages import AcctRecord
from switch_service.aaa.policy_rows import DROP_CLAIM, GIVE_BACK_SECONDS, ZERO, AccountRow, avpair_int
from switch_service.aaa.policy_snapshot import Rated
from switch_service.billing.rating import Charge, price_at
from switch_service.store.models.enums import CdrKind
from switch_service.store.repositories.cdrs import q850_text

HANGUP_BY = frozenset({"caller", "callee", "switch"})


@dataclass(frozen=True, slots=True)
class CallFacts:
    key: str
    account: AccountRow | None
    carrier_id: int | None
    number: str
    did: str | None
    caller: str
    started_at: dt.datetime
    answered_at: dt.datetime | None
    ended_at: dt.datetime
    duration: int
    cause: int | None
    result: str
    hangup_by: str | None = None
    claimed: int = 0  # package seconds the call claimed at authorisation
    claim_entry: int | None = None  # the account_packages row they came from
    gateway_id: int | None = None
    sip_code: int | None = None  # the final answer the caller got (our switch says it)
    reason: str | None = None


def ending(pairs: Sequence[str], record: AcctRecord) -> dict[str, Any]:
    """How a call ended, from a Stop: our switch says who hung up, the SIP answer and why (`hangup-by=`,
    `sip-code=`, `disconnect-text=`); another gateway's Stop gets "unknown" and the text of its Q.850 cause."""
    hangup = cisco.find_avpair(pairs, "hangup-by")
    text = (cisco.find_avpair(pairs, "disconnect-text") or "").strip()
    return {"hangup_by": hangup if hangup in HANGUP_BY else "unknown", "sip_code": avpair_int(pairs, "sip-code"),
            "reason": text[:120] or q850_text(record.disconnect_cause)}


def release_claim(conn: Any, call: CallFacts, used: int) -> None:
    """Delete the call's package claim and give back the seconds it did not use; nothing if a duplicate Stop
    released it already (the DELETE decides). `conn`: a DirectConnection or a Session."""
    if conn.execute(DROP_CLAIM, {"key": call.key}).rowcount == 1 and call.claimed > used:
        conn.execute(GIVE_BACK_SECONDS, {"entry": call.claim_entry, "seconds": call.claimed - used})


def cdr_values(call: CallFacts, sell: Rated | None, buy: Rated | None, *, price: Charge | None,
                cost: Charge | None) -> dict[str, Any]:
    account = call.account
    at = call.answered_at or call.started_at
    sell_net = price.net if price else ZERO
    buy_net = cost.net if cost else ZERO
    return {
        "kind": CdrKind.CALL, "call_id": call.key, "attempt": 0, "account_id": account.id if account else None,
        "reseller_id": account.reseller_id if account else None, "carrier_id": call.carrier_id,
        "gateway_id": call.gateway_id, "caller": call.caller[:64], "destination": call.number[:64], "did": call.did,
        "prefix": sell.rate.prefix if sell else (buy.rate.prefix if buy else None),
        "destination_name": (sell.rate.destination if sell else (buy.rate.destination if buy else None)) or None,
        "started_at": call.started_at, "answered_at": call.answered_at, "ended_at": call.ended_at,
        "duration_s": call.duration if call.answered_at is not None else 0,
        "billed_s": price.billed_seconds if price else 0, "free_s": price.free_seconds if price else 0,
        "sell_rate": price_at(sell.rate, at, sell.context) if sell else None,  # the band's, as billed
        "buy_rate": price_at(buy.rate, at, buy.context) if buy else None,
        "price": price.gross if price else ZERO, "cost": cost.gross if cost else ZERO, "margin": sell_net - buy_net,
        "currency": account.currency if account else "USD", "result": call.result, "q850_cause": call.cause,
        "disconnect_cause": f"{call.cause:X}" if call.cause is not None else None, "hangup_by": call.hangup_by,
        "sip_code": call.sip_code, "reason": call.reason,
    }
