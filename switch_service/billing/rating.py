"""Rating: what one call costs, with the breakdown a CDR and an invoice need.

The order of the rules, each applied to the result of the one before:

1. A call of 0 s, or of at most `grace_s`, is free (nothing at all is charged).
2. Minute shrinking: seconds = ceil(real * (1 + shrink_percent/100)); then `min_duration_s` lifts short calls.
3. Free package seconds are the call's first seconds. A call they cover entirely costs nothing (no fees either:
   a package sells calls). Otherwise the charged remainder is billed as a call of its own: initial block, then
   increments, so billed = free + blocks(seconds - free).
4. Each charged second i (counted from the answer) has a price: its step's (call time) from the first step on,
   else its band's (the instant start + i in the account's zone). Seconds billed beyond the real end (rounding,
   shrinking, minimum duration) happen at no wall-clock time, so they pay the price of the call's last real second,
   or less where they reach a cheaper band or step: extension second i pays the cheapest price among seconds
   end-1 .. i. Pricing them strictly at the end band would make a longer call cheaper where a dearer band gives way
   to a cheaper one (50 s before peak ends, at 60/60, a 50 s call would pay 60 s of peak and a 51 s call 50 s of
   peak and 10 s off-peak), which breaks prepaid credit time; this rule is the end-band rule wherever the extension
   stays in its band or reaches a dearer one, and cost stays monotonic.
5. Usage = the exact sum of seconds * price / 60, rounded once to money.
6. Connect fee; disconnect fee (fixed + percent of connect fee + usage) by the rate's rule: to calls shorter than
   the threshold (below_threshold) or to calls of at least the threshold (from_threshold), to every call when the
   threshold is 0; a minimum-cost top-up; surcharges (per call + per minute on billed seconds).
7. Taxes from the tax profile (see taxes.py).

Every amount is `quantize_money`-ed (6 places, ROUND_HALF_UP); fees on a rate are money already (rates.py). The
breakdown lines add up to `subtotal` exactly: per-band/step usage lines are rounded one by one and the last one
absorbs the difference to the once-rounded usage. Gross cost never decreases as a call gets longer, except for the
drop a below_threshold disconnect fee makes at its threshold by design; `max_duration` relies on that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from switch_service.billing.money import MONEY_CONTEXT, ZERO, quantize_money
from switch_service.billing.rates import Rate
from switch_service.billing.surcharges import Surcharge
from switch_service.billing.taxes import TaxProfile
from switch_service.billing.time_bands import BandSchedule, band_segments

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)
_HUNDRED = Decimal(100)
_SIXTY = Decimal(60)
BASE_LABEL = "base"


class LineKind(StrEnum):
    CONNECT_FEE = "connect_fee"
    USAGE = "usage"
    DISCONNECT_FEE = "disconnect_fee"
    MINIMUM_COST = "minimum_cost"
    SURCHARGE = "surcharge"


@dataclass(frozen=True, slots=True)
class ChargeLine:
    """One line of a charge. Usage lines carry their band or step ("base" without either), seconds and price."""

    kind: LineKind
    amount: Decimal
    label: str = ""
    seconds: int = 0
    price_per_minute: Decimal | None = None


@dataclass(frozen=True, slots=True)
class RatingContext:
    """What rating needs beyond the rate: the account's time zone and band schedule, its tax profile, the
    surcharges of this call (its DID's) and the package seconds still free for it."""

    tz: tzinfo = UTC
    bands: BandSchedule | None = None
    taxes: TaxProfile | None = None
    surcharges: tuple[Surcharge, ...] = ()
    free_seconds: int = 0

    def __post_init__(self) -> None:
        if self.free_seconds < 0:
            raise ValueError("free seconds cannot be negative")


NO_CONTEXT = RatingContext()


@dataclass(frozen=True, slots=True)
class Charge:
    """A rated call. `subtotal` is the sum of the breakdown: the price as the deck states it, before exclusive
    taxes and including inclusive ones; `net` + taxes = `gross`."""

    billed_seconds: int
    free_seconds: int
    subtotal: Decimal
    net: Decimal
    taxes: tuple[tuple[str, Decimal], ...]
    gross: Decimal
    breakdown: tuple[ChargeLine, ...]

    @property
    def charged_seconds(self) -> int:
        return self.billed_seconds - self.free_seconds


def posix_seconds(at: datetime) -> int:
    """Whole POSIX seconds of a timezone-aware instant (floored: band edges fall on whole seconds)."""
    try:
        return (at - _EPOCH) // _SECOND
    except TypeError:  # naive: no instant to bill
        raise ValueError(f"time must be timezone-aware: {at!r}") from None


def billed_blocks(seconds: int, initial_block_s: int, increment_s: int) -> int:
    """Seconds rounded up to the initial block, then to whole increments (30/6: 1->30, 31->36, 37->42)."""
    if seconds <= initial_block_s:
        return initial_block_s
    return initial_block_s + -(-(seconds - initial_block_s) // increment_s) * increment_s


def shrink(seconds: int, percent: Decimal) -> int:
    """Minute shrinking: ceil(seconds * (1 + percent/100))."""
    if not percent:
        return seconds
    ctx = MONEY_CONTEXT
    stretched = ctx.divide(ctx.multiply(Decimal(seconds), _HUNDRED + percent), _HUNDRED)
    return int(stretched.to_integral_value(rounding=ROUND_CEILING))


Piece = tuple[int, int, str, Decimal]
Run = tuple[str, int, Decimal]


def _timeline(rate: Rate, bands: BandSchedule | None, zone: tzinfo, t0: int, *, lo: int, hi: int) -> list[Piece]:
    """(from, to, label, price per minute) pieces covering call seconds [lo, hi): bands (if given) until the first
    step, then steps. One piece per band change or step, never one per second."""
    steps = rate.steps
    first_step = min(hi, steps[0].after_s) if steps else hi
    pieces: list[Piece] = []
    if lo < first_step:
        if bands is not None:
            price = rate.band_price
            pieces = [(a, b, band, price(band)) for a, b, band in band_segments(bands, zone, t0, lo, first_step)]
        else:
            pieces.append((lo, first_step, BASE_LABEL, rate.price_per_minute))
    for number, step in enumerate(steps, start=1):
        a = max(lo, step.after_s)
        b = min(hi, steps[number].after_s) if number < len(steps) else hi
        if a < b:
            pieces.append((a, b, f"step{number}", step.price_per_minute))
    return pieces


def _add_run(runs: list[Run], label: str, seconds: int, price: Decimal) -> None:
    """Append a run, merged into the last one when label and price are the same."""
    if runs and runs[-1][0] == label and runs[-1][2] == price:
        runs[-1] = (label, runs[-1][1] + seconds, price)
    else:
        runs.append((label, seconds, price))


def _usage(
    rate: Rate, bands: BandSchedule | None, zone: tzinfo, t0: int, *, real_s: int, free: int, billed: int
) -> list[Run]:
    """Charged seconds [free, billed) as (label, seconds, price per minute) runs, with the extension rule for the
    seconds from `real_s` on (module docstring, rule 4)."""
    pieces = _timeline(rate, bands, zone, t0, lo=min(free, real_s - 1), hi=billed)
    if len(pieces) == 1:  # the usual call, within one band: the single run the loop below would build
        return [(pieces[0][2], billed - free, pieces[0][3])]
    runs: list[Run] = []
    cheapest_label, cheapest = BASE_LABEL, rate.price_per_minute
    for a, b, label, price in pieces:
        if a < real_s:
            lo, hi = max(a, free), min(b, real_s)
            if lo < hi:
                _add_run(runs, label, hi - lo, price)
            if b < real_s:
                continue
            cheapest_label, cheapest = label, price  # this piece holds the last real second
        elif price < cheapest:
            cheapest_label, cheapest = label, price
        lo = max(a, real_s, free)
        if lo < b:
            _add_run(runs, cheapest_label, b - lo, cheapest)
    return runs


def _price(
    rate: Rate, t0: int, duration_s: int, context: RatingContext, lines: list[ChargeLine] | None
) -> tuple[int, int, Decimal]:
    """(billed seconds, free seconds, subtotal) of a call; fills `lines` with the breakdown when given one."""
    if duration_s < 0:
        raise ValueError(f"call duration cannot be negative: {duration_s}")
    if duration_s == 0 or duration_s <= rate.grace_s:
        return 0, 0, ZERO
    seconds = shrink(duration_s, rate.shrink_percent) if rate.shrink_percent else duration_s
    seconds = max(seconds, rate.min_duration_s)
    free = min(context.free_seconds, seconds)
    if free == seconds:
        return seconds, free, ZERO
    billed = free + billed_blocks(seconds - free, rate.initial_block_s, rate.increment_s)
    ctx = MONEY_CONTEXT
    bands = context.bands if rate.has_band_prices else None
    if bands is not None or rate.steps:
        runs = _usage(rate, bands, context.tz, t0, real_s=duration_s, free=free, billed=billed)
        exact = ZERO
        for _, run_seconds, price in runs:
            exact = ctx.add(exact, ctx.multiply(price, run_seconds))
    else:
        runs = [(BASE_LABEL, billed - free, rate.price_per_minute)]
        exact = ctx.multiply(rate.price_per_minute, billed - free)
    usage = quantize_money(ctx.divide(exact, _SIXTY))
    connect = rate.connect_fee
    subtotal = usage + connect if connect else usage
    disconnect = ZERO
    if (rate.disconnect_fee or rate.disconnect_fee_percent) and rate.disconnect_fee_applies(duration_s):
        disconnect = rate.disconnect_fee
        if rate.disconnect_fee_percent:  # a percentage of connect fee + usage
            percent = ctx.divide(ctx.multiply(subtotal, rate.disconnect_fee_percent), _HUNDRED)
            disconnect = quantize_money(disconnect + percent)
        subtotal += disconnect
    top_up = ZERO
    if subtotal < rate.min_cost:
        top_up = rate.min_cost - subtotal
        subtotal = rate.min_cost
    amounts = []
    for surcharge in context.surcharges:
        amount = surcharge.per_call
        if surcharge.per_minute:
            amount = quantize_money(amount + ctx.divide(ctx.multiply(surcharge.per_minute, billed), _SIXTY))
        amounts.append(amount)
        subtotal += amount
    if lines is not None:
        if connect:
            lines.append(ChargeLine(LineKind.CONNECT_FEE, connect))
        _usage_lines(runs, usage, lines)
        if disconnect:
            lines.append(ChargeLine(LineKind.DISCONNECT_FEE, disconnect))
        if top_up:
            lines.append(ChargeLine(LineKind.MINIMUM_COST, top_up))
        for surcharge, amount in zip(context.surcharges, amounts, strict=True):
            lines.append(ChargeLine(LineKind.SURCHARGE, amount, surcharge.name))
    return billed, free, subtotal


def _usage_lines(runs: list[Run], usage: Decimal, lines: list[ChargeLine]) -> None:
    """One line per run, each rounded; the last takes the remainder so the lines add up to `usage`."""
    if len(runs) == 1:
        label, seconds, price = runs[0]
        lines.append(ChargeLine(LineKind.USAGE, usage, label, seconds, price))
        return
    amounts = [quantize_money(MONEY_CONTEXT.divide(MONEY_CONTEXT.multiply(price, s), _SIXTY)) for _, s, price in runs]
    amounts[-1] += usage - sum(amounts, ZERO)
    for (label, seconds, price), amount in zip(runs, amounts, strict=True):
        lines.append(ChargeLine(LineKind.USAGE, amount, label, seconds, price))


def rate_call(rate: Rate, start: datetime, duration_s: int, context: RatingContext = NO_CONTEXT) -> Charge:
    """Rate a call answered at `start` (timezone-aware) that lasted `duration_s` real seconds."""
    lines: list[ChargeLine] = []
    billed, free, subtotal = _price(rate, posix_seconds(start), duration_s, context, lines)
    if context.taxes is None:
        return Charge(billed, free, subtotal, subtotal, (), subtotal, tuple(lines))
    net, taxes, gross = context.taxes.split(subtotal)
    return Charge(billed, free, subtotal, net, taxes, gross, tuple(lines))


def call_gross(rate: Rate, start: datetime, duration_s: int, context: RatingContext = NO_CONTEXT) -> Decimal:
    """`rate_call(...).gross` without building the breakdown: the figure credit-time searches compare."""
    subtotal = _price(rate, posix_seconds(start), duration_s, context, None)[2]
    return subtotal if context.taxes is None else context.taxes.split(subtotal)[2]


def price_at(rate: Rate, at: datetime, context: RatingContext = NO_CONTEXT) -> Decimal:
    """The per-minute price of a call answered at `at`: its band's (peak, off-peak, weekend, holiday) in the
    account's zone. What a CDR and a live call show as the rate the call is billed at (steps start later)."""
    if context.bands is None or not rate.has_band_prices:
        return rate.price_per_minute
    return rate.band_price(context.bands.band_at(at.astimezone(context.tz)))


def margin(price: Charge, cost: Charge) -> Decimal:
    """What a call earned: the sell-side net minus the carrier's (buy-side) net."""
    return price.net - cost.net
