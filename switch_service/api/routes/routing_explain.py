"""What the switch would do with a call: GET /routing/explain (admin only).

The same code path as `carrier-switch routes explain` (`store.repositories.routing.explain_route`, then
`routing.explain.explain_rows`), so both give the same facts; here they come as JSON.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Annotated

from fastapi import Query

from switch_service.api.deps import Admin, Context, DbSession
from switch_service.api.params import IdQuery
from switch_service.api.request_errors import error_responses, invalid, missing_row
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import MAX_ID, Timestamp
from switch_service.api.schemas.routing import (
    ExplainAccount,
    ExplainCarrier,
    ExplainPlan,
    Outcome,
    RouteExplanation,
    RouteStrategy,
    SkipReason,
)
from switch_service.errors import UserError
from switch_service.routing.explain import explain_rows
from switch_service.routing.results import RoutingResult
from switch_service.store.models import Account, DialPlan
from switch_service.store.repositories import routing as repository
from switch_service.store.types import utcnow

router = api_router(prefix="/routing", tags=["routing"])

_RESPONSES = error_responses(401, 403)

UNRATED_NOTE = "the account's tariff has no rate for this number (no profit check, the call would be refused)"
NO_TARIFF_NOTE = "no sell rate (no account, or the account has no tariff): routes are not checked for profit"


def explained_carriers(result: RoutingResult) -> list[ExplainCarrier]:
    """The rows of `explain_rows` (routes in the order tried, then the skipped carriers) as JSON items."""
    carriers = [route.carrier for route in result.routes] + [skip.carrier for skip in result.skipped]
    reasons = [None] * len(result.routes) + [SkipReason(skip.reason.value) for skip in result.skipped]
    return [
        ExplainCarrier(
            position=row.position, carrier_id=carrier.id, carrier=row.carrier,
            status="skipped" if reason is not None else "pinned" if row.status == "pinned" else "route",
            skip_reason=reason, detail=row.detail, gateway=row.gateway or None, number_sent=row.number or None,
            buy_prefix=row.buy_prefix, buy_rate=row.buy_price, sell_rate=row.sell_price, margin=row.margin,
            margin_percent=row.margin_percent,
        )
        for row, carrier, reason in zip(explain_rows(result), carriers, reasons, strict=True)
    ]


@router.get("/explain", responses=_RESPONSES)
def explain_route(
    session: DbSession,
    _user: Admin,
    context: Context,
    *,
    number: Annotated[str, Query(min_length=1, max_length=40, description="dialled number, any usual form")],
    dial_plan_id: Annotated[IdQuery, Query(description="the plan to route by (default: the account's)")] = None,
    account_id: Annotated[IdQuery, Query(description="sell rate, time zone and default plan from it")] = None,
    at: Annotated[Timestamp | None, Query(description="when the call is made (default: now)")] = None,
    seed: Annotated[int | None, Query(ge=0, le=MAX_ID, description="random seed, for a reproducible weighted "
                                                                   "order")] = None,
) -> RouteExplanation:
    """The route matched, the carriers in the order the switch would try them (buy rate, margin, number sent)
    and every carrier skipped with its reason. Give `account_id`, `dial_plan_id`, or both."""
    try:
        digits = repository.dialled_number(number, context.settings["default_region"])
    except UserError as exc:
        raise invalid(("query", "number"), str(exc), number) from None
    account = None
    if account_id is not None:
        account = session.get(Account, account_id)
        if account is None:
            raise missing_row(("query", "account_id"), "account", account_id)
    plan_id = dial_plan_id if dial_plan_id is not None else account.dial_plan_id if account is not None else None
    if plan_id is None:
        message = (f"account {account.number} has no dial plan; give dial_plan_id" if account is not None
                   else "give dial_plan_id or account_id (whose dial plan is used)")
        raise invalid(("query", "dial_plan_id"), message, dial_plan_id, "no_dial_plan",
                      **({"account": account.number} if account is not None else {}))
    if session.get(DialPlan, plan_id) is None:
        raise missing_row(("query", "dial_plan_id"), "dial plan", plan_id)
    when = at.astimezone(dt.UTC) if at is not None else utcnow()
    explained = repository.explain_route(
        session, digits, when, dial_plan_id=plan_id, tariff_id=account.tariff_id if account is not None else None,
        tz=(account.time_zone if account is not None else None) or "UTC",
        rng=random.Random(seed) if seed is not None else None)
    result, sell = explained.result, explained.sell
    notes = [UNRATED_NOTE] if explained.unrated else [NO_TARIFF_NOTE] if sell is None else []
    return RouteExplanation(
        number=result.number, at=when, dial_plan=ExplainPlan(id=explained.plan.id, name=explained.plan.name),
        account=ExplainAccount(id=account.id, number=account.number, name=account.name) if account else None,
        outcome=Outcome(result.outcome.value), route_prefix=result.route_prefix,
        strategy=RouteStrategy(result.strategy.value) if result.strategy is not None else None,
        sell_rate=result.sell_price, sell_prefix=sell.prefix if sell is not None else None, notes=notes,
        carriers=explained_carriers(result),
    )
