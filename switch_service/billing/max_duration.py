"""Credit time: how long a call the account can afford (RADIUS h323-credit-time) with the money available to it.

Gross cost is monotonic non-decreasing in the call's length (rating.py) except where a below_threshold disconnect
fee stops applying at its threshold (a from_threshold fee starting there only steps it up). So the search splits at
the threshold and bisects each monotonic part on whole seconds,
using the very rating code that will bill the call: the answer is exactly affordable, about 15 ratings deep.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from switch_service.billing.rates import Rate
from switch_service.billing.rating import NO_CONTEXT, RatingContext, call_gross

DEFAULT_CAP_S = 4 * 3600


def _largest_affordable(gross: Callable[[int], Decimal], money: Decimal, lo: int, hi: int) -> int:
    """The largest d in [lo, hi] with gross(d) <= money, given gross(lo) <= money and gross monotonic on [lo, hi]."""
    if gross(hi) <= money:
        return hi
    while hi - lo > 1:
        middle = (lo + hi) // 2
        if gross(middle) <= money:
            lo = middle
        else:
            hi = middle
    return lo


def max_duration(
    available: Decimal,
    rate: Rate,
    start: datetime,
    context: RatingContext = NO_CONTEXT,
    cap_seconds: int = DEFAULT_CAP_S,
) -> int:
    """The longest call (real seconds, at most `cap_seconds`) whose gross cost is <= `available`.

    Counts everything rating counts: fees, increments, steps, bands (crossings included), shrinking, free package
    seconds and taxes. The result d is exactly affordable: rate_call(d).gross <= available < rate_call(d + 1).gross
    (unless d is the cap). 0 means not even the shortest call is affordable; calls within `grace_s` or wholly
    covered by free seconds cost nothing, so they are always affordable.
    """
    if available < 0 or cap_seconds <= 0:
        return 0

    def gross(duration_s: int) -> Decimal:
        return call_gross(rate, start, duration_s, context)

    threshold = rate.disconnect_threshold_s if rate.disconnect_fee or rate.disconnect_fee_percent else 0
    if 0 < threshold <= cap_seconds:
        if gross(threshold) <= available:
            return _largest_affordable(gross, available, threshold, cap_seconds)
        return _largest_affordable(gross, available, 0, threshold - 1)
    return _largest_affordable(gross, available, 0, cap_seconds)
