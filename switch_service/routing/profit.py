"""Profit guarantee: never send a call through a carrier that costs more than it sells for (MagnusBilling #591),
nor under the route's minimum margin, unless the dial plan allows a loss for that prefix.

Prices compared are the per-minute prices of the buy and sell rates (`price_per_minute`). Margin percent is the
markup over the buy price, (sell - buy) / buy * 100, the same convention as `tariffs blend --margin`, so a tariff
built with a 20% margin passes a route that demands 20%.
"""

from __future__ import annotations

from decimal import Decimal

from switch_service.billing.money import MONEY_CONTEXT, ZERO
from switch_service.routing.dial_plans import RoutePolicy

_HUNDRED = Decimal(100)
_PERCENT_PLACES = Decimal("0.01")


def margin_percent(buy: Decimal, sell: Decimal) -> Decimal | None:
    """Markup over the buy price in percent, to 2 places; None when the buy price is 0 (infinite markup)."""
    if buy == ZERO:
        return None
    return MONEY_CONTEXT.divide((sell - buy) * _HUNDRED, buy).quantize(_PERCENT_PLACES)


def loss_problem(buy: Decimal, sell: Decimal | None, policy: RoutePolicy) -> str | None:
    """Why a carrier at `buy` may not carry a call sold at `sell` on this route, or None when it may."""
    if sell is None or policy.allow_loss:
        return None
    margin = sell - buy
    if margin < ZERO:
        return f"buy {buy} > sell {sell}"
    if policy.min_margin_amount is not None and margin < policy.min_margin_amount:
        return f"margin {margin} < minimum {policy.min_margin_amount}"
    # compared exactly: margin / buy * 100 < min  <=>  margin * 100 < min * buy (buy > 0)
    if policy.min_margin_percent is not None and margin * _HUNDRED < policy.min_margin_percent * buy:
        return f"margin {margin_percent(buy, sell)}% < minimum {policy.min_margin_percent}%"
    return None
