"""Hypothesis strategies shared by the rating and credit-time property tests: any rate, any account context."""

from __future__ import annotations

from datetime import date, time
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from switch_service.billing.rates import DisconnectFeeRule, Rate, RateStep
from switch_service.billing.rating import RatingContext
from switch_service.billing.surcharges import Surcharge
from switch_service.billing.taxes import Tax, TaxProfile
from switch_service.billing.time_bands import Band, BandRange, BandSchedule

LONDON = ZoneInfo("Europe/London")

prices = st.decimals(min_value=0, max_value=2, places=4)
ALL_DAYS = frozenset(range(7))


@st.composite
def rates(draw: st.DrawFn, with_threshold: bool = False,
          rules: tuple[DisconnectFeeRule, ...] = tuple(DisconnectFeeRule)) -> Rate:
    """Any rate: blocks, fees, minimums, grace, shrinking, up to three steps, band prices; with a disconnect fee
    threshold (under one of `rules`) only when asked."""
    afters = sorted(draw(st.sets(st.integers(1, 400), max_size=3)))
    return Rate(
        "44",
        "any",
        draw(prices),
        initial_block_s=draw(st.sampled_from([1, 6, 30, 60])),
        increment_s=draw(st.sampled_from([1, 6, 30, 60])),
        connect_fee=draw(prices),
        disconnect_fee=draw(prices),
        disconnect_threshold_s=draw(st.integers(0, 120)) if with_threshold else 0,
        disconnect_fee_percent=draw(st.decimals(0, 50, places=2)),
        disconnect_fee_rule=draw(st.sampled_from(rules)),
        min_duration_s=draw(st.integers(0, 90)),
        min_cost=draw(prices),
        grace_s=draw(st.integers(0, 10)),
        shrink_percent=draw(st.decimals(0, 30, places=2)),
        steps=tuple(RateStep(after, draw(prices)) for after in afters),
        offpeak_price=draw(st.none() | prices),
        weekend_price=draw(st.none() | prices),
        holiday_price=draw(st.none() | prices),
    )


@st.composite
def contexts(draw: st.DrawFn) -> RatingContext:
    """London or Sydney, bands changing every few minutes or hours, optional taxes, surcharges and free seconds."""
    cuts = sorted(draw(st.sets(st.integers(1, 1439), min_size=1, max_size=6)))
    ranges = tuple(
        BandRange(draw(st.sampled_from(list(Band))), ALL_DAYS, time(a // 60, a % 60), time(b // 60, b % 60))
        for a, b in pairwise(cuts)
    )
    taxes = draw(
        st.none()
        | st.lists(st.builds(Tax, st.text("abc", min_size=1), st.decimals(0, 30, places=2), st.booleans()), min_size=1,
                   max_size=3).map(lambda found: TaxProfile("p", tuple(found)))
    )  # fmt: skip
    surcharges = draw(st.lists(st.builds(Surcharge, st.just("s"), prices, prices), max_size=2))
    return RatingContext(
        tz=draw(st.sampled_from([LONDON, ZoneInfo("Australia/Sydney")])),
        bands=BandSchedule(ranges, frozenset({date(2025, 3, 30)})),
        taxes=taxes,
        surcharges=tuple(surcharges),
        free_seconds=draw(st.integers(0, 200)),
    )
