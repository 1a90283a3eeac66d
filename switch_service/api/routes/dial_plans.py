"""Dial plans and their routes (per prefix: strategy, blocking, profit rules, carriers), admin only.

A route's carriers travel inside the route: `carriers` in a POST or PATCH body is the whole list, and one
carrier's entry can be set or removed on its own (PUT / DELETE .../carriers/{carrier_id}).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query, status
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import (
    conflict,
    ensure_name_free,
    error_responses,
    flush_or,
    get_or_404,
    invalid,
    name_taken,
    not_found,
)
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.routing import (
    MAX_ROUTE_CARRIERS,
    DialPlanCreate,
    DialPlanOut,
    DialPlanPage,
    DialPlanUpdate,
    RouteCarrierIn,
    RouteCarrierOut,
    RouteCarrierSettings,
    RouteCreate,
    RouteOut,
    RoutePage,
    RouteStrategy,
    RouteUpdate,
)
from switch_service.api.sorting import Order, SortKeys
from switch_service.store.models import Account, Carrier, DialPlan, DialPlanRoute, Did, Reseller, RouteCarrier
from switch_service.store.models.enums import RouteStrategy as StoreRouteStrategy
from switch_service.store.repositories.company import DEFAULT_DIAL_PLAN, default_uses

router = api_router(prefix="/dial-plans", tags=["dial plans"])

_RESPONSES = error_responses(401, 403, 404)
_WRITE_RESPONSES = error_responses(401, 403, 404, 409)


# --- dial plans ----------------------------------------------------------------------------------


def _route_counts(session: Session, plan_ids: Sequence[int]) -> dict[int, int]:
    if not plan_ids:
        return {}
    query = (select(DialPlanRoute.dial_plan_id, func.count()).where(DialPlanRoute.dial_plan_id.in_(plan_ids))
             .group_by(DialPlanRoute.dial_plan_id))
    return {plan_id: int(count) for plan_id, count in session.execute(query)}


def plan_out(plan: DialPlan, routes: int) -> DialPlanOut:
    return DialPlanOut(id=plan.id, name=plan.name, description=plan.description, routes=routes,
                       created_at=plan.created_at, updated_at=plan.updated_at)


def _plan(session: Session, plan_id: int) -> DialPlan:
    return get_or_404(session, DialPlan, plan_id, "dial plan")


DialPlanSort = Literal["name", "description", "routes"]
DIAL_PLAN_SORT: SortKeys[DialPlanSort] = SortKeys(DialPlanSort, {
    "name": func.lower(DialPlan.name), "description": func.lower(DialPlan.description),
    "routes": select(func.count(DialPlanRoute.id)).where(DialPlanRoute.dial_plan_id == DialPlan.id)
    .scalar_subquery(),
})
RouteSort = Literal["prefix", "strategy", "blocked"]
ROUTE_SORT: SortKeys[RouteSort] = SortKeys(RouteSort, {
    "prefix": DialPlanRoute.prefix, "strategy": DialPlanRoute.strategy, "blocked": DialPlanRoute.blocked,
})


@router.get("", responses=_RESPONSES)
def list_dial_plans(
    session: DbSession,
    _user: Admin,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[DialPlanSort | None, DIAL_PLAN_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    q: Annotated[str | None, Query(max_length=100, description="part of the name")] = None,
) -> DialPlanPage:
    query = select(DialPlan)
    if q is not None and q.strip():
        query = query.where(DialPlan.name.icontains(q.strip(), autoescape=True))
    rows, next_after = keyset_page(session, query, DialPlan.id, after, limit,
                                   ordering=DIAL_PLAN_SORT.ordering(sort, order))
    counts = _route_counts(session, [plan.id for plan in rows])
    return DialPlanPage(items=[plan_out(plan, counts.get(plan.id, 0)) for plan in rows], next_after=next_after)


@router.get("/{plan_id}", responses=_RESPONSES)
def get_dial_plan(plan_id: ObjectId, session: DbSession, _user: Admin) -> DialPlanOut:
    plan = _plan(session, plan_id)
    return plan_out(plan, _route_counts(session, [plan.id]).get(plan.id, 0))


@router.post("", status_code=status.HTTP_201_CREATED, responses=_WRITE_RESPONSES)
def create_dial_plan(body: DialPlanCreate, session: DbSession, user: Admin) -> DialPlanOut:
    ensure_name_free(session, DialPlan.name, DialPlan.id, body.name, "dial plan")
    plan = DialPlan(name=body.name, description=body.description)
    session.add(plan)
    flush_or(session, name_taken("dial plan", body.name))  # a race lost to another client creating the same name
    session.refresh(plan)
    out = plan_out(plan, 0)
    record_created(session, user, "dial_plan", plan.id, out)
    return out


@router.patch("/{plan_id}", responses=_WRITE_RESPONSES)
def update_dial_plan(plan_id: ObjectId, body: DialPlanUpdate, session: DbSession, user: Admin) -> DialPlanOut:
    plan = _plan(session, plan_id)
    values = body.changes()
    if "name" in values:
        ensure_name_free(session, DialPlan.name, DialPlan.id, values["name"], "dial plan", except_id=plan.id)
    changed = apply_patch(plan, values)
    flush_or(session, name_taken("dial plan", plan.name))
    session.refresh(plan)
    if changed:
        record_audit(session, user, "update", "dial_plan", plan.id, changed)
    return plan_out(plan, _route_counts(session, [plan.id]).get(plan.id, 0))


@router.delete("/{plan_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_WRITE_RESPONSES)
def delete_dial_plan(plan_id: ObjectId, session: DbSession, user: Admin) -> None:
    """Delete a plan with its routes; 409 while accounts, DIDs or resellers use it."""
    plan = _plan(session, plan_id)
    uses = []
    for model, what in ((Account, "account(s)"), (Did, "DID(s)"), (Reseller, "reseller(s)")):
        count = session.scalar(select(func.count()).select_from(model).where(model.dial_plan_id == plan.id))
        if count:
            uses.append(f"{count} {what}")
    if default_uses(session, DEFAULT_DIAL_PLAN, plan.id):
        uses.append("the company (its default dial plan for new accounts)")
    if uses:
        raise conflict(f"dial plan {plan.name!r} cannot be deleted: {', '.join(uses)} use it. "
                       "Give them another plan first.")
    route_ids = select(DialPlanRoute.id).where(DialPlanRoute.dial_plan_id == plan.id).scalar_subquery()
    session.execute(delete(RouteCarrier).where(RouteCarrier.route_id.in_(route_ids)))
    removed = session.execute(delete(DialPlanRoute).where(DialPlanRoute.dial_plan_id == plan.id))
    record_audit(session, user, "delete", "dial_plan", plan.id,
                 {"name": plan.name, "routes": getattr(removed, "rowcount", None)})
    session.delete(plan)


# --- routes --------------------------------------------------------------------------------------


def _route_carriers(session: Session, route_ids: Sequence[int]) -> dict[int, list[RouteCarrierOut]]:
    found: dict[int, list[RouteCarrierOut]] = {route_id: [] for route_id in route_ids}
    if route_ids:
        query = (select(RouteCarrier, Carrier.name).join(Carrier, Carrier.id == RouteCarrier.carrier_id)
                 .where(RouteCarrier.route_id.in_(route_ids)).order_by(RouteCarrier.id))
        for entry, name in session.execute(query):
            found[entry.route_id].append(RouteCarrierOut(
                carrier_id=entry.carrier_id, carrier=name, priority=entry.priority, weight=entry.weight,
                pinned=entry.pinned, excluded=entry.excluded))
    return found


def route_out(route: DialPlanRoute, carriers: list[RouteCarrierOut]) -> RouteOut:
    return RouteOut(id=route.id, dial_plan_id=route.dial_plan_id, prefix=route.prefix,
                    strategy=RouteStrategy(route.strategy.value), blocked=route.blocked, allow_loss=route.allow_loss,
                    min_margin_percent=route.min_margin_percent, min_margin_amount=route.min_margin_amount,
                    carriers=carriers)


def _route(session: Session, plan_id: int, route_id: int) -> DialPlanRoute:
    route = session.scalar(select(DialPlanRoute).where(DialPlanRoute.id == route_id,
                                                       DialPlanRoute.dial_plan_id == plan_id))
    if route is None:
        raise not_found("route", route_id)
    return route


def _route_answer(session: Session, route: DialPlanRoute) -> RouteOut:
    session.flush()
    session.refresh(route)
    return route_out(route, _route_carriers(session, [route.id])[route.id])


def _prefix_taken(plan: DialPlan, prefix: str) -> HTTPException:
    return conflict(f"dial plan {plan.name!r} already has a route for prefix {prefix!r}")


def _check_prefix_free(session: Session, plan: DialPlan, prefix: str, route_id: int | None = None) -> None:
    query = select(DialPlanRoute.id).where(DialPlanRoute.dial_plan_id == plan.id, DialPlanRoute.prefix == prefix)
    if route_id is not None:
        query = query.where(DialPlanRoute.id != route_id)
    if session.scalar(query) is not None:
        raise _prefix_taken(plan, prefix)


def _check_carriers_exist(session: Session, entries: Sequence[RouteCarrierIn]) -> None:
    wanted = [entry.carrier_id for entry in entries]
    known = set(session.scalars(select(Carrier.id).where(Carrier.id.in_(wanted)))) if wanted else set()
    for index, carrier_id in enumerate(wanted):
        if carrier_id not in known:
            raise invalid(("body", "carriers", index, "carrier_id"), f"carrier {carrier_id} does not exist",
                          carrier_id)


def _replace_carriers(session: Session, route_id: int, entries: Sequence[RouteCarrierIn]) -> None:
    session.execute(delete(RouteCarrier).where(RouteCarrier.route_id == route_id))
    session.add_all([RouteCarrier(route_id=route_id, **entry.model_dump()) for entry in entries])


def _route_values(values: dict[str, Any]) -> dict[str, Any]:
    if "strategy" in values:
        values = dict(values, strategy=StoreRouteStrategy(values["strategy"]))
    return values


@router.get("/{plan_id}/routes", responses=_RESPONSES)
def list_routes(
    plan_id: ObjectId,
    session: DbSession,
    _user: Admin,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[RouteSort | None, ROUTE_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    prefix: Annotated[str | None, Query(pattern=r"^[0-9]{1,20}$",
                                        description="only routes whose prefix starts with these digits")] = None,
) -> RoutePage:
    _plan(session, plan_id)
    query = select(DialPlanRoute).where(DialPlanRoute.dial_plan_id == plan_id)
    if prefix is not None:
        query = query.where(DialPlanRoute.prefix.startswith(prefix, autoescape=True))
    rows, next_after = keyset_page(session, query, DialPlanRoute.id, after, limit,
                                   ordering=ROUTE_SORT.ordering(sort, order))
    carriers = _route_carriers(session, [route.id for route in rows])
    return RoutePage(items=[route_out(route, carriers[route.id]) for route in rows], next_after=next_after)


@router.get("/{plan_id}/routes/{route_id}", responses=_RESPONSES)
def get_route(plan_id: ObjectId, route_id: ObjectId, session: DbSession, _user: Admin) -> RouteOut:
    route = _route(session, plan_id, route_id)
    return route_out(route, _route_carriers(session, [route.id])[route.id])


@router.post("/{plan_id}/routes", status_code=status.HTTP_201_CREATED, responses=_WRITE_RESPONSES)
def create_route(plan_id: ObjectId, body: RouteCreate, session: DbSession, user: Admin) -> RouteOut:
    plan = _plan(session, plan_id)
    _check_prefix_free(session, plan, body.prefix)
    _check_carriers_exist(session, body.carriers)
    route = DialPlanRoute(dial_plan_id=plan.id, **_route_values(body.model_dump(exclude={"carriers"})))
    session.add(route)
    flush_or(session, _prefix_taken(plan, body.prefix))  # a race lost to another client adding the same prefix
    _replace_carriers(session, route.id, body.carriers)
    out = _route_answer(session, route)
    record_created(session, user, "dial_plan_route", route.id, out)
    return out


@router.patch("/{plan_id}/routes/{route_id}", responses=_WRITE_RESPONSES)
def update_route(plan_id: ObjectId, route_id: ObjectId, body: RouteUpdate, session: DbSession, user: Admin) -> RouteOut:
    """Change the fields sent; `carriers`, when sent, replaces the whole carrier list."""
    plan = _plan(session, plan_id)
    route = _route(session, plan_id, route_id)
    values = body.changes()
    carriers: list[RouteCarrierIn] | None = values.pop("carriers", None)
    if "prefix" in values:
        _check_prefix_free(session, plan, values["prefix"], route.id)
    changed = apply_patch(route, _route_values(values))
    if carriers is not None:
        _check_carriers_exist(session, carriers)
        before = _route_carriers(session, [route.id])[route.id]
        _replace_carriers(session, route.id, carriers)
        changed["carriers"] = {"from": [entry.model_dump() for entry in before],
                               "to": [entry.model_dump() for entry in carriers]}
    flush_or(session, _prefix_taken(plan, route.prefix))
    out = _route_answer(session, route)
    if changed:
        record_audit(session, user, "update", "dial_plan_route", route.id, changed)
    return out


@router.delete("/{plan_id}/routes/{route_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_RESPONSES)
def delete_route(plan_id: ObjectId, route_id: ObjectId, session: DbSession, user: Admin) -> None:
    route = _route(session, plan_id, route_id)
    session.execute(delete(RouteCarrier).where(RouteCarrier.route_id == route.id))
    record_audit(session, user, "delete", "dial_plan_route", route.id,
                 {"dial_plan_id": plan_id, "prefix": route.prefix})
    session.delete(route)


@router.put("/{plan_id}/routes/{route_id}/carriers/{carrier_id}", responses=_WRITE_RESPONSES)
def set_route_carrier(plan_id: ObjectId, route_id: ObjectId, carrier_id: ObjectId, *, body: RouteCarrierSettings,
                      session: DbSession, user: Admin) -> RouteOut:
    """Add the carrier to the route, or replace its entry (priority, weight, pinned, excluded)."""
    route = _route(session, plan_id, route_id)
    get_or_404(session, Carrier, carrier_id, "carrier")
    entry = session.scalar(select(RouteCarrier).where(RouteCarrier.route_id == route.id,
                                                      RouteCarrier.carrier_id == carrier_id))
    if entry is None:
        count = session.scalar(select(func.count()).select_from(RouteCarrier).where(RouteCarrier.route_id == route.id))
        if count is not None and count >= MAX_ROUTE_CARRIERS:
            raise conflict(f"route {route.id} already names {MAX_ROUTE_CARRIERS} carriers (the most it may)")
        entry = RouteCarrier(route_id=route.id, carrier_id=carrier_id)
        session.add(entry)
    changed = apply_patch(entry, body.model_dump())
    out = _route_answer(session, route)
    record_audit(session, user, "update", "dial_plan_route", route.id, {"carrier_id": carrier_id, **changed})
    return out


@router.delete("/{plan_id}/routes/{route_id}/carriers/{carrier_id}", responses=_RESPONSES)
def remove_route_carrier(plan_id: ObjectId, route_id: ObjectId, carrier_id: ObjectId, session: DbSession,
                         user: Admin) -> RouteOut:
    """Take the carrier out of the route's list (to keep it from the prefix, PUT it with `excluded: true`)."""
    route = _route(session, plan_id, route_id)
    removed = session.execute(delete(RouteCarrier).where(RouteCarrier.route_id == route.id,
                                                         RouteCarrier.carrier_id == carrier_id))
    if not getattr(removed, "rowcount", 0):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"route {route.id} names no carrier {carrier_id}")
    record_audit(session, user, "update", "dial_plan_route", route.id, {"carrier_id": carrier_id, "removed": True})
    return _route_answer(session, route)
