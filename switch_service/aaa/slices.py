"""Money in slices: a call holds money for a slice of talk time, not for its whole possible length, and its NAS
asks for the next slice before this one runs out (the quota of an online charging system, RFC 4006; the debit
interval of CGRateS). Several calls then share one prepaid balance, and the sum of their holds never exceeds what
the account may spend, because each slice is taken by the same conditional UPDATE as the first hold.

The protocol, on RADIUS with the Cisco VoIP attributes (RADIUS accounting has no answer to carry a new quota, so
the NAS re-authorises, as Cisco's prepaid gateways do for the same h323-conf-id):
- a NAS that will re-authorise says so in its Access-Request: `Cisco-AVPair = "credit-slices=1"`. It gets
  `h323-credit-time` = the seconds its hold pays for: one slice (`credit_slice_s`), or the whole affordable call
  when that is shorter or costs nothing;
- before that time runs out it sends an Access-Request for the same h323-conf-id (and call-id) with
  `Cisco-AVPair = "credit-extend=<the h323-credit-time it holds>"`. The answer is an Access-Accept whose
  `h323-credit-time` is the call's new total from answer (one more slice, or what the money still buys), or an
  Access-Reject (return code 4, 12 or 6 when the money is gone; 7 or 5 when the account was blocked or expired;
  11 when the call holds nothing here): the NAS ends the call when the time it holds runs out. A repeated request
  (a retransmission, a retry) is answered with the total already granted, never a second slice;
- a NAS that does not say `credit-slices=1` (a third-party gateway that never re-authorises) gets, and holds
  money for, the whole affordable call up to `max_call_seconds`, as before: it cannot ask again, so a slice
  would cut its calls short, and holding less than it was told it may talk would let its calls overspend.
"""

from __future__ import annotations

from collections.abc import Sequence

from switch_service.aaa import cisco

SLICES_PAIR = "credit-slices"
EXTEND_PAIR = "credit-extend"
# A second-stage Access-Request of an IVR (`quote=1`): how long may the call last, nothing held. The call is placed
# by the switch, whose own Access-Request holds the money (the IVR hands the call back to it).
QUOTE_PAIR = "quote"


def wants_slices(avpairs: Sequence[str]) -> bool:
    """The NAS will re-authorise (`credit-slices=1`)."""
    return cisco.find_avpair(avpairs, SLICES_PAIR) == "1"


def extension_of(avpairs: Sequence[str]) -> int | None:
    """The seconds a re-authorising NAS holds (`credit-extend=N`), or None for a first Access-Request."""
    raw = cisco.find_avpair(avpairs, EXTEND_PAIR)
    if raw is None:
        return None
    try:
        held = int(raw)
    except ValueError:
        return -1  # malformed: refused as an invalid argument
    return held if held >= 0 else -1


def first_grant(total_s: int, free_s: int, slice_s: int) -> int:
    """Seconds the first hold pays for: the free seconds the call claimed and one slice, at most the whole
    affordable call."""
    return min(total_s, free_s + slice_s)


def next_grant(total_s: int, granted_s: int, slice_s: int) -> int | None:
    """The call's next total, given what the money now buys in all (`total_s`), or None when it buys no more."""
    if total_s <= granted_s:
        return None
    return min(total_s, granted_s + slice_s)
