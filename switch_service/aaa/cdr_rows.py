"""What an accounted call was (`CallFacts`, from a Stop or from a live row a crash left open), how it ended, the
one call CDR the policy writes of it and its resellers' lines; a package claim given back for the seconds the call
did not use."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from switch_service.aaa import cisco
from switch_service.aaa.messages import AcctRecord
from switch_service.aaa.policy_rows import DROP_CLAIM, GIVE_BACK_SECONDS, ZERO, AccountRow, avpair_int
from switch_service.aaa.policy_snapshot import Rated, Snapshot, rating_context
from switch_service.billing.commissions import Kind, Level, call_lines
from switch_service.billing.rating import Charge, price_at, rate_call
from switch_service.store.models.enums import CdrKind
from switch_service.store.repositories.cdrs import q850_text
from switch_service.store.repositories.resellers import ResellerNode, ancestry

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


def _own_price(snapshot: Snapshot, node: ResellerNode, call: CallFacts, account: AccountRow,
               at: dt.datetime) -> Decimal | None:
    """A white-label reseller's buy price of the call: the call rated at the reseller's tariff (what the operator
    sells it at), net of taxes; None when that tariff does not price the number."""
    if node.kind is not Kind.WHITE_LABEL or node.tariff_id is None:
        return None
    deck = snapshot.decks.get(node.tariff_id)
    rate = deck.index.lookup(call.number, at) if deck is not None and call.number else None
    if deck is None or rate is None:
        return None
    context = dataclasses.replace(rating_context(snapshot, account, deck, call.did), free_seconds=call.claimed)
    return rate_call(rate, at, call.duration, context).net


def reseller_line_values(snapshot: Snapshot, call: CallFacts, price: Charge | None,
                         cost: Charge | None) -> list[dict[str, Any]]:
    """The rows of `cdr_reseller_lines` for an answered call of an account under a reseller: one per reseller up
    the tree (billing/commissions.py), sharing the customer's price net of taxes; none otherwise."""
    account = call.account
    if account is None or account.reseller_id is None or call.answered_at is None or price is None:
        return []
    nodes = ancestry(snapshot.resellers, account.reseller_id)
    if not nodes:
        return []
    at = call.answered_at
    levels = tuple(Level(node.id, node.kind, node.rules, _own_price(snapshot, node, call, account, at))
                   for node in nodes)
    lines = call_lines(levels, price.net, cost.gross if cost else ZERO, price.charged_seconds, call.number)
    return [{"call_id": call.key, "reseller_id": line.reseller_id, "level": line.level, "sell": line.sell,
             "buy": line.buy, "commission": line.commission, "currency": account.currency} for line in lines]
