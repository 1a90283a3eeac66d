"""The Cisco-AVPairs a prepaid IVR (our media workers, media/worker.py) and our AAA server add to the Cisco VoIP
attributes, for what those have no attribute of their own (a third-party gateway that sends none is served as
before). The quote's own request pair is `slices.QUOTE_PAIR`."""

from __future__ import annotations

# A quote's reply: the seconds the IVR announces, the access number's minute shrinking applied (aaa/authorise.py).
ANNOUNCE_PAIR = "announce-time"
# A first-stage reply to a PIN: `1` when the caller's number may be registered to the card's account for PIN-less
# calls (not registered yet, and the account below its max_anis).
REGISTRABLE_PAIR = "ani-registrable"
# A first-stage request with the PIN: register the caller's number (Calling-Station-Id) to the PIN's account.
REGISTER_PAIR = "register-ani"
# A first-stage request (the PIN, or the recognised ANI): redeem the voucher with this code onto the caller's account
# (aaa/ivr_recharge.py); the answer is the first stage's, with the new balance.
RECHARGE_PAIR = "recharge-voucher"
# A first-stage request (the PIN, or the recognised ANI): move the whole balance of the card with this PIN onto the
# caller's account, the other card left at zero and used up (aaa/ivr_recharge.py); the answer is as for a voucher.
RECHARGE_CARD_PAIR = "recharge-card"
# A first-stage request of a retail agent (aaa/agent_recharge.py), no PIN of a card: the agent PIN alone is answered
# with what the agent's reseller may still sell (h323-credit-amount, -currency); with the customer's phone number and
# the amount (a decimal) it recharges that PIN-less customer from the reseller's balance and answers the customer's
# new balance.
AGENT_PIN_PAIR = "agent-pin"
AGENT_NUMBER_PAIR = "agent-recharge-number"
AGENT_AMOUNT_PAIR = "agent-recharge-amount"


def speed_dial_slot(dialled: str | None) -> int | None:
    """The speed-dial code a dialled string is (one or two digits, 0-99: no destination is that short), else None.
    The AAA server answers it with the account's stored number as h323-redirect-number."""
    text = (dialled or "").strip()
    return int(text) if text.isdigit() and len(text) <= 2 else None
