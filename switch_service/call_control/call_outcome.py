"""How a call ended, as its CDR says it: the SIP final answer the caller got, the Q.850 cause and a readable reason.

One place for the switch's two writers of call rows to agree on: its own rows of the calls it refused before
RADIUS accounting knew them, and the AV-pairs of the Accounting-Stop (`sip-code=`, `disconnect-text=`) from which
the AAA policy writes the row of every authorised call.
"""

from __future__ import annotations

from dataclasses import dataclass

from switch_service.sip.controller import EndCause, Reject
from switch_service.store.repositories.cdrs import q850_for_sip

_REASONS = {
    EndCause.NORMAL: "Normal clearing",
    EndCause.CREDIT_EXHAUSTED: "Credit exhausted",
    EndCause.CANCELLED: "Cancelled by the caller",
    EndCause.REJECTED: "Refused by the callee",
    EndCause.NO_ROUTE: "No route",
    EndCause.ALL_ROUTES_FAILED: "Every carrier failed",
    EndCause.NO_ACK: "No ACK from the caller",
    EndCause.SHUTDOWN: "Switch shut down",
    EndCause.OPERATOR_HANGUP: "Hung up by an operator",
}
MAX_REASON = 120


def q850_cause(cause: EndCause, last_code: int) -> int:
    """The h323-disconnect-cause (Q.850) of how a call ended."""
    if cause is EndCause.NORMAL:
        return 16
    if cause is EndCause.CREDIT_EXHAUSTED:
        return 102  # recovery on timer expiry
    if cause is EndCause.CANCELLED:
        return 16  # the caller cleared before answer
    if cause is EndCause.NO_ROUTE:
        return 3
    if cause is EndCause.ALL_ROUTES_FAILED:
        return 34
    if cause is EndCause.REJECTED:
        if last_code in (486, 600):
            return 17
        if last_code in (408, 480):
            return 19
        if last_code in (404, 604):
            return 1
        if last_code == 484:
            return 28
        if last_code in (403, 603):
            return 21
        return 31
    if cause is EndCause.SHUTDOWN:
        return 41
    return 31


@dataclass(frozen=True, slots=True)
class CallOutcome:
    sip_code: int | None  # the final answer to the caller's INVITE (200 once answered); None: not known
    q850: int
    reason: str


def refusal_q850(code: int) -> int:
    """The cause of the switch's own refusal: 21 (call rejected) for a 4xx of its policy (limits, money, blocked,
    no IVR), whatever RFC 3398 maps the code to from a callee; a number nobody serves (404) and a failure (5xx)
    keep their mapping (1 unallocated number, 41 temporary failure), a cancel is 16."""
    if 400 <= code < 500 and code not in (404, 487):
        return 21
    return q850_for_sip(code)


def refusal_reason(reject: Reject) -> str:
    """`reject.reason`, with the text of its Warning when it has one (e.g. the RADIUS return code)."""
    warning = next((value for name, value in reject.headers if name == "warning"), "")
    detail = warning.split('"')[1] if warning.count('"') >= 2 else ""
    return (f"{reject.reason} ({detail})" if detail else reject.reason)[:MAX_REASON]


def outcome(cause: EndCause, *, answered: bool, last_code: int, refusal: Reject | None) -> CallOutcome:
    """What ended the call: the switch's refusal when it refused it, else the end the B2BUA reported."""
    if refusal is not None:
        return CallOutcome(refusal.code, refusal_q850(refusal.code), refusal_reason(refusal))
    reason = _REASONS.get(cause, cause.value)
    if answered:
        return CallOutcome(200, q850_cause(cause, last_code), reason)
    if cause is EndCause.CANCELLED:
        return CallOutcome(487, q850_cause(cause, last_code), reason)
    if cause is EndCause.ALL_ROUTES_FAILED:
        silent = last_code in (0, 408)
        return CallOutcome(503 if silent else last_code, q850_cause(cause, last_code),
                           f"{reason} ({'no answer' if silent else f'the last with {last_code}'})")
    if cause is EndCause.REJECTED and last_code:
        return CallOutcome(last_code, q850_cause(cause, last_code), f"{reason} ({last_code})")
    return CallOutcome(None, q850_cause(cause, last_code), reason)
