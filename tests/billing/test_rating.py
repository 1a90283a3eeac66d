"""Hand-worked rating examples (every expected amount written out) and the properties rating promises."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rating_strategies import contexts, rates

from switch_service.billing.rates import DisconnectFeeRule, Rate, RateStep
from switch_service.billing.rating import (
    Charge,
    ChargeLine,
    LineKind,
    RatingContext,
    billed_blocks,
    call_gross,
    margin,
    posix_seconds,
    rate_call,
)
from switch_service.billing.surcharges import Surcharge
from switch_service.billing.taxes import Tax, TaxProfile
from switch_service.billing.time_bands import Band, BandRange, BandSchedule, band_segments

D = Decimal
LONDON = ZoneInfo("Europe/London")
NOON = datetime(2025, 6, 11, 11, 0, tzinfo=UTC)  # a Wednesday, 12:00 in London (BST)
UK_BANDS = BandSchedule.peak_hours(holidays=frozenset({date(2025, 8, 25)}))  # peak 08:00-20:00 Mon-Fri
LONDON_BANDS = RatingContext(tz=LONDON, bands=UK_BANDS)


def rate(**terms: object) -> Rate:
    """A 0.12/min rate (0.002 per second: easy to check by hand), 60/60 unless the example says otherwise."""
    return Rate("44", "United Kingdom", **{"price_per_minute": D("0.12"), **terms})  # type: ignore[arg-type]


def london(hour: int, minute: int, second: int = 0, day: date = date(2025, 6, 11)) -> datetime:
    return datetime.combine(day, time(hour, minute, second), tzinfo=LONDON).astimezone(UTC)


BANDED: dict[str, object] = {"offpeak_price": D("0.06"), "weekend_price": D("0.03")}
FROM_10: dict[str, object] = {"initial_block_s": 1, "increment_s": 1, "disconnect_fee": D("0.03"),
                              "disconnect_threshold_s": 10, "disconnect_fee_rule": DisconnectFeeRule.FROM_THRESHOLD}

# (case, rate terms, start, duration, context, billed seconds, subtotal)
EXAMPLES: list[tuple[str, dict[str, object], datetime, int, RatingContext, int, str]] = [
    ("30/6 on 1 s", {"initial_block_s": 30, "increment_s": 6}, NOON, 1, RatingContext(), 30, "0.060000"),
    ("30/6 on 29 s", {"initial_block_s": 30, "increment_s": 6}, NOON, 29, RatingContext(), 30, "0.060000"),
    ("30/6 on 31 s", {"initial_block_s": 30, "increment_s": 6}, NOON, 31, RatingContext(), 36, "0.072000"),
    ("30/6 on 36 s", {"initial_block_s": 30, "increment_s": 6}, NOON, 36, RatingContext(), 36, "0.072000"),
    ("30/6 on 37 s", {"initial_block_s": 30, "increment_s": 6}, NOON, 37, RatingContext(), 42, "0.084000"),
    ("60/60 on 1 s", {}, NOON, 1, RatingContext(), 60, "0.120000"),
    ("60/60 on 60 s", {}, NOON, 60, RatingContext(), 60, "0.120000"),
    ("60/60 on 61 s", {}, NOON, 61, RatingContext(), 120, "0.240000"),
    ("1/1 on 37 s", {"initial_block_s": 1, "increment_s": 1}, NOON, 37, RatingContext(), 37, "0.074000"),
    ("0 s is not billed", {"connect_fee": D("0.05")}, NOON, 0, RatingContext(), 0, "0.000000"),
    ("minimum duration 60 on 10 s at 1/1", {"initial_block_s": 1, "increment_s": 1, "min_duration_s": 60}, NOON,
     10, RatingContext(), 60, "0.120000"),
    ("minimum cost 0.10 on 10 s at 1/1 (usage 0.02 + top-up 0.08)",
     {"initial_block_s": 1, "increment_s": 1, "min_cost": D("0.10")}, NOON, 10, RatingContext(), 10, "0.100000"),
    ("grace 5 s: a 5 s call is free", {"grace_s": 5, "connect_fee": D("0.05")}, NOON, 5, RatingContext(), 0, "0"),
    ("grace 5 s: a 6 s call pays all of it", {"grace_s": 5, "initial_block_s": 1, "increment_s": 1}, NOON, 6,
     RatingContext(), 6, "0.012000"),
    ("connect fee 0.05 + 60 s", {"connect_fee": D("0.05")}, NOON, 30, RatingContext(), 60, "0.170000"),
    ("disconnect fee 0.03 under its 10 s threshold",
     {"initial_block_s": 1, "increment_s": 1, "disconnect_fee": D("0.03"), "disconnect_threshold_s": 10}, NOON, 9,
     RatingContext(), 9, "0.048000"),
    ("disconnect fee 0.03 at its 10 s threshold: not charged",
     {"initial_block_s": 1, "increment_s": 1, "disconnect_fee": D("0.03"), "disconnect_threshold_s": 10}, NOON, 10,
     RatingContext(), 10, "0.020000"),
    ("disconnect fee 10% of (0.05 connect + 0.12 usage) = 0.017",
     {"connect_fee": D("0.05"), "disconnect_fee_percent": D(10)}, NOON, 60, RatingContext(), 60, "0.187000"),
    ("steps: 60 s at 0.12 then 30 s at 0.06",
     {"initial_block_s": 1, "increment_s": 1, "steps": (RateStep(60, D("0.06")),)}, NOON, 90, RatingContext(), 90,
     "0.150000"),
    ("three steps: 0.12, 0.06 after 60 s, 0.03 after 120 s, 0.012 after 180 s on 240 s",
     {"steps": (RateStep(60, D("0.06")), RateStep(120, D("0.03")), RateStep(180, D("0.012")))}, NOON, 240,
     RatingContext(), 240, "0.222000"),
    ("off-peak to peak, 07:58 -> 08:03 London: 120 s x 0.001 + 180 s x 0.002", BANDED, london(7, 58), 300,
     LONDON_BANDS, 300, "0.480000"),
    ("peak to off-peak, 19:58 -> 20:03 London: 120 s x 0.002 + 180 s x 0.001", BANDED, london(19, 58), 300,
     LONDON_BANDS, 300, "0.420000"),
    ("rounded-up seconds keep the band at the end: 07:58:30 + 80 s ends off-peak, its 40 rounded seconds reach "
     "peak but are billed off-peak: 120 s x 0.001", BANDED, london(7, 58, 30), 80, LONDON_BANDS, 120, "0.120000"),
    ("rounded-up seconds that reach a cheaper band pay it: 19:58:30 + 80 s: 90 s peak + 30 s off-peak",
     BANDED, london(19, 58, 30), 80, LONDON_BANDS, 120, "0.210000"),
    ("weekend: Saturday noon at 0.03", BANDED, london(12, 0, day=date(2025, 6, 14)), 60, LONDON_BANDS, 60,
     "0.030000"),
    ("holiday (25 Aug 2025) with a holiday price 0.024", {**BANDED, "holiday_price": D("0.024")},
     london(12, 0, day=date(2025, 8, 25)), 60, LONDON_BANDS, 60, "0.024000"),
    ("holiday without a holiday price falls back to the weekend price", BANDED,
     london(12, 0, day=date(2025, 8, 25)), 60, LONDON_BANDS, 60, "0.030000"),
    ("bands ignored without a band schedule", BANDED, london(21, 0), 60, RatingContext(), 60, "0.120000"),
    ("free seconds partly used: 20 free of a 50 s call, 30 s charged as a 30/6 call",
     {"initial_block_s": 30, "increment_s": 6}, NOON, 50, RatingContext(free_seconds=20), 50, "0.060000"),
    ("free seconds partly used: the 1 s remainder pays the 30 s initial block",
     {"initial_block_s": 30, "increment_s": 6}, NOON, 21, RatingContext(free_seconds=20), 50, "0.060000"),
    ("free seconds cover the whole call: nothing charged, not even the connect fee",
     {"connect_fee": D("0.05")}, NOON, 15, RatingContext(free_seconds=20), 15, "0"),
    ("minute shrinking 10% on 60 s at 1/1: 66 s", {"initial_block_s": 1, "increment_s": 1, "shrink_percent": D(10)},
     NOON, 60, RatingContext(), 66, "0.132000"),
    ("minute shrinking 10% on 31 s at 30/6: ceil(34.1) = 35 -> 36 s",
     {"initial_block_s": 30, "increment_s": 6, "shrink_percent": D(10)}, NOON, 31, RatingContext(), 36, "0.072000"),
    ("toll-free access surcharge 0.05 per call + 0.03/min on 60 s",
     {}, NOON, 60, RatingContext(surcharges=(Surcharge("toll-free access", D("0.05"), D("0.03")),)), 60,
     "0.200000"),
    ("a second DID's surcharge, 0.25 per call only", {}, NOON, 60,
     RatingContext(surcharges=(Surcharge("DID 18005550101", D("0.25")),)), 60, "0.370000"),
    # The IPsmarx / A2Billing rule (from_threshold): the fee unless the call is shorter than the threshold.
    ("from 10 s: a 9 s call is spared the 0.03 fee: 9 x 0.002", {**FROM_10}, NOON, 9, RatingContext(), 9,
     "0.018000"),
    ("from 10 s: a 10 s call pays it: 10 x 0.002 + 0.03", {**FROM_10}, NOON, 10, RatingContext(), 10, "0.050000"),
    ("from 10 s: a 45 s call pays it: 45 x 0.002 + 0.03", {**FROM_10}, NOON, 45, RatingContext(), 45, "0.120000"),
    ("from a 0 s threshold: every call pays it: 5 x 0.002 + 0.03", {**FROM_10, "disconnect_threshold_s": 0}, NOON,
     5, RatingContext(), 5, "0.040000"),
    ("from 30 s at 60/60: a 20 s call pays 0.05 connect + 60 s (0.12), no disconnect fee",
     {"connect_fee": D("0.05"), "disconnect_fee": D("0.01"), "disconnect_fee_percent": D(10),
      "disconnect_threshold_s": 30, "disconnect_fee_rule": DisconnectFeeRule.FROM_THRESHOLD}, NOON, 20,
     RatingContext(), 60, "0.170000"),
    ("from 30 s at 60/60: a 60 s call pays 0.05 + 0.12 + (0.01 + 10% of 0.17 = 0.027)",
     {"connect_fee": D("0.05"), "disconnect_fee": D("0.01"), "disconnect_fee_percent": D(10),
      "disconnect_threshold_s": 30, "disconnect_fee_rule": DisconnectFeeRule.FROM_THRESHOLD}, NOON, 60,
     RatingContext(), 60, "0.197000"),
    ("below 10 s (the default rule) on the same terms: the 9 s call pays it, the 10 s call not",
     {**FROM_10, "disconnect_fee_rule": DisconnectFeeRule.BELOW_THRESHOLD}, NOON, 9, RatingContext(), 9,
     "0.048000"),
]  # fmt: skip


@pytest.mark.parametrize("case", EXAMPLES, ids=[case[0] for case in EXAMPLES])
def test_hand_worked_examples(case: tuple[str, dict[str, object], datetime, int, RatingContext, int, str]) -> None:
    _, terms, start, duration, context, billed, subtotal = case
    charge = rate_call(rate(**terms), start, duration, context)
    assert charge.billed_seconds == billed
    assert charge.subtotal == D(subtotal)
    assert sum((line.amount for line in charge.breakdown), D(0)) == charge.subtotal
    assert charge.net == charge.gross == charge.subtotal  # no tax profile
    assert call_gross(rate(**terms), start, duration, context) == charge.gross


def test_crossing_is_split_per_band() -> None:
    charge = rate_call(rate(**BANDED), london(7, 58), 300, LONDON_BANDS)
    assert charge.breakdown == (
        ChargeLine(LineKind.USAGE, D("0.120000"), "offpeak", 120, D("0.06")),
        ChargeLine(LineKind.USAGE, D("0.360000"), "peak", 180, D("0.12")),
    )


def test_breakdown_lists_every_item() -> None:
    terms = {"connect_fee": D("0.05"), "disconnect_fee": D("0.01"), "min_cost": D("0.50")}
    context = RatingContext(surcharges=(Surcharge("toll-free access", D("0.05"), D("0.03")),))
    charge = rate_call(rate(**terms), NOON, 60, context)
    assert charge.breakdown == (
        ChargeLine(LineKind.CONNECT_FEE, D("0.05")),
        ChargeLine(LineKind.USAGE, D("0.120000"), "base", 60, D("0.12")),
        ChargeLine(LineKind.DISCONNECT_FEE, D("0.01")),
        ChargeLine(LineKind.MINIMUM_COST, D("0.32")),
        ChargeLine(LineKind.SURCHARGE, D("0.080000"), "toll-free access"),
    )
    assert charge.subtotal == D("0.58")


def test_steps_are_itemised() -> None:
    charge = rate_call(rate(initial_block_s=1, increment_s=1, steps=(RateStep(60, D("0.06")),)), NOON, 90)
    assert [(line.label, line.seconds, line.amount) for line in charge.breakdown] == [
        ("base", 60, D("0.120000")),
        ("step1", 30, D("0.030000")),
    ]


def test_partly_free_call_reports_free_and_charged_seconds() -> None:
    charge = rate_call(rate(initial_block_s=30, increment_s=6), NOON, 50, RatingContext(free_seconds=20))
    assert (charge.billed_seconds, charge.free_seconds, charge.charged_seconds) == (50, 20, 30)


def test_the_literal_end_band_rule_would_make_a_longer_call_cheaper() -> None:
    """Why rule 4 takes the cheapest band: with every rounded-up second at the end band, the 80 s call from
    19:58:30 would cost 120 s of peak (0.24) and a 91 s call 90 s peak + 30 s off-peak (0.21)."""
    costs = [rate_call(rate(**BANDED), london(19, 58, 30), d, LONDON_BANDS).gross for d in range(61, 121)]
    assert costs == sorted(costs)
    assert set(costs) == {D("0.210000")}


@pytest.mark.parametrize(
    ("profile", "subtotal", "net", "taxes", "gross"),
    [
        (TaxProfile("uk", (Tax("VAT", D(20), inclusive=True), Tax("levy", D("2.5")))), "1.2",
         "1.000000", (("VAT", "0.200000"), ("levy", "0.025000")), "1.225000"),
        (TaxProfile("two on top", (Tax("state", D(10)), Tax("county", D(5)))), "1",
         "1.000000", (("state", "0.100000"), ("county", "0.050000")), "1.150000"),
        (TaxProfile("two included", (Tax("state", D(10), True), Tax("county", D(5), True))), "1.15",
         "1.000000", (("state", "0.100000"), ("county", "0.050000")), "1.150000"),
    ],
    ids=["one included, one on top", "two exclusive", "two inclusive"],
)  # fmt: skip
def test_taxes_in_a_charge(
    profile: TaxProfile, subtotal: str, net: str, taxes: tuple[tuple[str, str], ...], gross: str
) -> None:
    # 1/1 at 0.06/min: 1 s = 0.001, so `subtotal` * 1000 seconds rates to exactly `subtotal`.
    seconds = int(D(subtotal) * 1000)
    one_per_mille = Rate("1", "US", D("0.06"), initial_block_s=1, increment_s=1)
    charge = rate_call(one_per_mille, NOON, seconds, RatingContext(taxes=profile))
    assert charge.subtotal == D(subtotal)
    assert (charge.net, charge.taxes, charge.gross) == (D(net), tuple((n, D(a)) for n, a in taxes), D(gross))


def test_buy_and_sell_sides_give_cost_price_and_margin() -> None:
    sell = rate_call(rate(), NOON, 90)  # 60/60: 120 s at 0.12 = 0.24
    buy = rate_call(Rate("44", "UK via carrier A", D("0.05"), initial_block_s=1, increment_s=1), NOON, 90)
    assert (sell.net, buy.net, margin(sell, buy)) == (D("0.240000"), D("0.075000"), D("0.165000"))


def test_ten_hour_call_walks_one_segment_per_band_change() -> None:
    """Peak on even hours, off-peak on odd ones: 00:30 -> 10:30 crosses 10 boundaries in 11 segments, and is
    1/1 billed 1800 s peak + 5 h off-peak + 4 h peak + 1800 s peak = 3.6 + 18 + 28.8 + 3.6."""
    even_hours = tuple(BandRange(Band.PEAK, frozenset(range(7)), time(h), time(h + 1)) for h in range(0, 24, 2))
    hourly = RatingContext(tz=UTC, bands=BandSchedule(even_hours))
    start = datetime(2025, 6, 11, 0, 30, tzinfo=UTC)
    segments = list(band_segments(BandSchedule(even_hours), UTC, posix_seconds(start), 0, 36_000))
    assert len(segments) == 11
    charge = rate_call(rate(initial_block_s=1, increment_s=1, offpeak_price=D("0.06")), start, 36_000, hourly)
    assert charge.subtotal == D("54.000000")
    assert [line.label for line in charge.breakdown] == ["peak", "offpeak"] * 5 + ["peak"]


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        rate_call(rate(), datetime(2025, 6, 11, 12, 0), 60)


def test_negative_duration_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        rate_call(rate(), NOON, -1)


def test_billed_blocks() -> None:
    assert [billed_blocks(s, 30, 6) for s in (1, 29, 30, 31, 36, 37)] == [30, 30, 30, 36, 36, 42]


# Properties ---------------------------------------------------------------------------------------------------

# Around the London spring-forward and ordinary days, so DST changes are crossed too.
starts = st.integers(-86_400, 86_400).map(lambda s: datetime(2025, 3, 30, 1, tzinfo=UTC) + timedelta(seconds=s))
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rates(), contexts(), starts, st.integers(0, 3_000))
def test_cost_never_decreases_with_duration(rate: Rate, context: RatingContext, start: datetime, first: int) -> None:
    costs = [rate_call(rate, start, d, context) for d in range(first, first + 80)]
    grosses = [charge.gross for charge in costs]
    assert grosses == sorted(grosses)
    for charge in costs:
        assert_consistent(charge)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(rates(with_threshold=True, rules=(DisconnectFeeRule.FROM_THRESHOLD,)), contexts(), starts,
       st.integers(0, 200))
def test_a_fee_from_its_threshold_keeps_cost_from_ever_decreasing(rate: Rate, context: RatingContext,
                                                                  start: datetime, first: int) -> None:
    grosses = [call_gross(rate, start, d, context) for d in range(first, first + 80)]
    assert grosses == sorted(grosses)


def assert_consistent(charge: Charge) -> None:
    assert sum((line.amount for line in charge.breakdown), D(0)) == charge.subtotal
    assert charge.net + sum((amount for _, amount in charge.taxes), D(0)) == charge.gross
    assert 0 <= charge.free_seconds <= charge.billed_seconds
