"""Carrier capacity: channels in use, calls per second, and daily/monthly minute caps.

The counters are the switch's (channels, CPS) and the store's (minutes carried today and this month, summed from
the CDRs in SQL); this module only decides. A limit of 0 and a cap of None mean unlimited.
"""

from __future__ import annotations

from dataclasses import dataclass

from switch_service.routing.carriers import CarrierView
from switch_service.routing.results import SkipReason


@dataclass(frozen=True, slots=True)
class CarrierLoad:
    """What a carrier is carrying now: open channels, calls set up in the current second, and the seconds it
    carried today and this month (the periods of its minute caps)."""

    channels_in_use: int = 0
    calls_this_second: int = 0
    seconds_today: int = 0
    seconds_this_month: int = 0


IDLE = CarrierLoad()


def over_cap(carrier: CarrierView, load: CarrierLoad) -> str | None:
    """Why the carrier has used up a minute cap (None when it has not): a cap is reached at cap * 60 seconds."""
    if carrier.daily_minutes_cap is not None and load.seconds_today >= carrier.daily_minutes_cap * 60:
        return f"daily cap {carrier.daily_minutes_cap} min reached ({load.seconds_today // 60} min today)"
    if carrier.monthly_minutes_cap is not None and load.seconds_this_month >= carrier.monthly_minutes_cap * 60:
        return (f"monthly cap {carrier.monthly_minutes_cap} min reached "
                f"({load.seconds_this_month // 60} min this month)")
    return None


def at_capacity(carrier: CarrierView, load: CarrierLoad) -> str | None:
    """Why one more call cannot start on the carrier now (channels or calls per second), or None."""
    if carrier.max_channels and load.channels_in_use >= carrier.max_channels:
        return f"{load.channels_in_use}/{carrier.max_channels} channels in use"
    if carrier.cps_limit and load.calls_this_second >= carrier.cps_limit:
        return f"{load.calls_this_second}/{carrier.cps_limit} calls this second"
    return None


def capacity_problem(carrier: CarrierView, load: CarrierLoad) -> tuple[SkipReason, str] | None:
    """The first capacity reason to skip the carrier: minute caps, then channels and CPS."""
    detail = over_cap(carrier, load)
    if detail is not None:
        return SkipReason.OVER_CAP, detail
    detail = at_capacity(carrier, load)
    if detail is not None:
        return SkipReason.AT_CAPACITY, detail
    return None
