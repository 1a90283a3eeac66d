"""The explanation of a routing decision: one row per carrier, the routes in order first, then the skipped ones
with their reason. Used by `carrier-switch routes explain` and the API alike."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from switch_service.routing.profit import margin_percent
from switch_service.routing.results import Outcome, RoutingResult


@dataclass(frozen=True, slots=True)
class ExplainRow:
    position: int | None  # 1-based order of the route, None for a skipped carrier
    carrier: str
    gateway: str  # first gateway host:port/transport ("" when skipped)
    number: str  # as sent to the carrier ("" when skipped)
    buy_prefix: str | None
    buy_price: Decimal | None
    sell_price: Decimal | None
    margin: Decimal | None
    margin_percent: Decimal | None
    status: str  # "route", "pinned", or the skip reason
    detail: str = ""


def explain_rows(result: RoutingResult) -> list[ExplainRow]:
    rows: list[ExplainRow] = []
    for position, route in enumerate(result.routes, start=1):
        gateway = route.gateways[0] if route.gateways else None
        rows.append(ExplainRow(
            position, route.carrier.name,
            f"{gateway.host}:{gateway.port}/{gateway.transport}" if gateway else "",
            route.number, route.buy_rate.prefix, route.buy_price, route.sell_price, route.margin,
            route.margin_percent, "pinned" if route.pinned else "route",
            f"+{len(route.gateways) - 1} gateway(s)" if len(route.gateways) > 1 else "",
        ))
    sell = result.sell_price
    for skip in result.skipped:
        buy = skip.buy_rate.price_per_minute if skip.buy_rate is not None else None
        margin = sell - buy if sell is not None and buy is not None else None
        percent = margin_percent(buy, sell) if sell is not None and buy is not None else None
        rows.append(ExplainRow(None, skip.carrier.name, "", "", skip.buy_rate.prefix if skip.buy_rate else None,
                               buy, sell, margin, percent, f"skipped: {skip.reason}", skip.detail))
    return rows


def _text(value: object) -> str:
    return "-" if value is None else str(value)


def format_explanation(result: RoutingResult, *, plan_name: str = "", sell_prefix: str | None = None) -> str:
    """A plain-text table, headed by the decision (route prefix, strategy, outcome)."""
    route = "none" if result.route_prefix is None else repr(result.route_prefix)
    head = [
        f"number {result.number}  dial plan {plan_name or '-'}  route prefix {route}  "
        f"strategy {result.strategy or '-'}  outcome {result.outcome}",
        f"sell rate {_text(result.sell_price)}/min" + (f" (prefix {sell_prefix})" if sell_prefix else ""),
    ]
    if result.outcome in (Outcome.BLOCKED, Outcome.NO_ROUTE):
        return "\n".join(head) + "\n"
    table = [("#", "carrier", "gateway", "number sent", "buy prefix", "buy/min", "sell/min", "margin", "margin %",
              "status")]
    for row in explain_rows(result):
        status = row.status + (f" ({row.detail})" if row.detail else "")
        table.append((_text(row.position), row.carrier, row.gateway or "-", row.number or "-", _text(row.buy_prefix),
                      _text(row.buy_price), _text(row.sell_price), _text(row.margin), _text(row.margin_percent),
                      status))
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=True)) + "  " + line[-1]
             for line in table]
    return "\n".join(head + lines) + "\n"
