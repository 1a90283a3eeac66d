"""Dial plans and routes: CRUD with route carriers, keyset paging with the prefix filter, conflicts, validation
naming the field with nothing written, and the admin-only rule. The routes written here are the ones the switch
loads (checked through the routing repository)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.routing.dial_plans import Strategy
from switch_service.store.models import Account, AuditEntry, DialPlan, DialPlanRoute, RouteCarrier
from switch_service.store.repositories.routing import load_dial_plan

PLANS = "/api/v1/dial-plans"


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


@pytest.fixture
def carriers(api: Api, admin: dict[str, Any]) -> dict[str, int]:
    ids = {}
    for name in ("Alpha", "Beta", "Gamma"):
        response = api.client.post("/api/v1/carriers", headers=admin, json={"name": name})
        assert response.status_code == 201, response.text
        ids[name] = response.json()["id"]
    return ids


def _plan(api: Api, headers: dict[str, Any], name: str = "standard") -> int:
    response = api.client.post(PLANS, headers=headers, json={"name": name, "description": "least cost"})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _route(api: Api, headers: dict[str, Any], plan_id: int, **body: Any) -> Any:
    response = api.client.post(f"{PLANS}/{plan_id}/routes", headers=headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def _counts(api: Api) -> tuple[int, ...]:
    with Session(api.engine) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (DialPlan, DialPlanRoute, RouteCarrier, AuditEntry))


def test_plan_crud_with_route_counts(api: Api, admin: dict[str, Any]) -> None:
    plan_id = _plan(api, admin)
    _plan(api, admin, "premium")
    _route(api, admin, plan_id, prefix="")
    _route(api, admin, plan_id, prefix="44")
    plan = api.client.get(f"{PLANS}/{plan_id}", headers=admin).json()
    assert (plan["name"], plan["description"], plan["routes"]) == ("standard", "least cost", 2)
    page = api.client.get(PLANS, headers=admin, params={"limit": 1}).json()
    assert [p["name"] for p in page["items"]] == ["standard"] and page["next_after"] == plan_id
    rest = api.client.get(PLANS, headers=admin, params={"after": plan_id}).json()
    assert [(p["name"], p["routes"]) for p in rest["items"]] == [("premium", 0)] and rest["next_after"] is None
    assert [p["name"] for p in api.client.get(PLANS, headers=admin, params={"q": "PREM"}).json()["items"]] == [
        "premium"]
    response = api.client.patch(f"{PLANS}/{plan_id}", headers=admin, json={"description": "cheapest first"})
    assert response.status_code == 200 and response.json()["description"] == "cheapest first"
    assert response.json()["routes"] == 2
    assert api.client.patch(f"{PLANS}/{plan_id}", headers=admin, json={"name": "premium"}).status_code == 409
    assert api.client.post(PLANS, headers=admin, json={"name": "standard"}).status_code == 409


def test_routes_with_carriers_are_what_the_switch_loads(api: Api, admin: dict[str, Any],
                                                        carriers: dict[str, int]) -> None:
    plan_id = _plan(api, admin)
    route = _route(api, admin, plan_id, prefix="44", strategy="priority", min_margin_percent="12.5",
                   min_margin_amount="0.002", carriers=[
                       {"carrier_id": carriers["Beta"], "priority": 2},
                       {"carrier_id": carriers["Alpha"], "priority": 1, "pinned": True},
                       {"carrier_id": carriers["Gamma"], "excluded": True}])
    assert route["min_margin_percent"] == "12.5000" and route["min_margin_amount"] == "0.002000"
    assert [(c["carrier"], c["priority"], c["pinned"], c["excluded"]) for c in route["carriers"]] == [
        ("Beta", 2, False, False), ("Alpha", 1, True, False), ("Gamma", 0, False, True)]
    _route(api, admin, plan_id, prefix="1900", blocked=True)
    with Session(api.engine) as session:
        view = load_dial_plan(session, plan_id)
    policy = view.match("447700900123")
    assert policy is not None and policy.strategy is Strategy.PRIORITY
    assert policy.min_margin_percent == Decimal("12.5") and policy.min_margin_amount == Decimal("0.002")
    assert [(c.carrier_id, c.pinned, c.excluded) for c in policy.carriers] == [
        (carriers["Beta"], False, False), (carriers["Alpha"], True, False), (carriers["Gamma"], False, True)]
    blocked = view.match("19005550100")
    assert blocked is not None and blocked.blocked
    assert view.match("33123") is None
    assert api.client.get(f"{PLANS}/{plan_id}/routes/{route['id']}", headers=admin).json() == route


def test_patch_route_replaces_carriers_and_single_carrier_put_and_delete(api: Api, admin: dict[str, Any],
                                                                         carriers: dict[str, int]) -> None:
    plan_id = _plan(api, admin)
    route = _route(api, admin, plan_id, prefix="", carriers=[{"carrier_id": carriers["Alpha"]},
                                                             {"carrier_id": carriers["Beta"]}])
    url = f"{PLANS}/{plan_id}/routes/{route['id']}"
    response = api.client.patch(url, headers=admin, json={"strategy": "weighted", "allow_loss": True,
                                                          "carriers": [{"carrier_id": carriers["Gamma"], "weight": 3}]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["strategy"], body["allow_loss"], body["prefix"]) == ("weighted", True, "")
    assert [(c["carrier"], c["weight"]) for c in body["carriers"]] == [("Gamma", 3)]
    response = api.client.put(f"{url}/carriers/{carriers['Alpha']}", headers=admin, json={"excluded": True})
    assert response.status_code == 200
    response = api.client.put(f"{url}/carriers/{carriers['Gamma']}", headers=admin, json={"weight": 7})
    assert [(c["carrier"], c["weight"], c["excluded"]) for c in response.json()["carriers"]] == [
        ("Gamma", 7, False), ("Alpha", 1, True)]
    response = api.client.delete(f"{url}/carriers/{carriers['Gamma']}", headers=admin)
    assert response.status_code == 200
    assert [c["carrier"] for c in response.json()["carriers"]] == ["Alpha"]
    assert api.client.delete(f"{url}/carriers/{carriers['Gamma']}", headers=admin).status_code == 404
    assert api.client.put(f"{url}/carriers/9999", headers=admin, json={}).status_code == 404
    response = api.client.patch(url, headers=admin, json={"min_margin_amount": "0.01"})
    assert response.json()["min_margin_amount"] == "0.010000"
    response = api.client.patch(url, headers=admin, json={"min_margin_amount": None})
    assert response.json()["min_margin_amount"] is None
    with Session(api.engine) as session:
        updates = [json.loads(entry.changes) for entry in session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "dial_plan_route", AuditEntry.action == "update")
            .order_by(AuditEntry.id))]
    assert updates[0]["strategy"] == {"from": "lcr", "to": "weighted"}
    assert [c["carrier_id"] for c in updates[0]["carriers"]["from"]] == [carriers["Alpha"], carriers["Beta"]]
    assert len(updates) == 6


def test_list_routes_is_keyset_paged_with_a_prefix_filter(api: Api, admin: dict[str, Any]) -> None:
    plan_id = _plan(api, admin)
    other = _plan(api, admin, "other")
    prefixes = ["", "1", "44", "441", "4420", "447", "33", "49"]
    for prefix in prefixes:
        _route(api, admin, plan_id, prefix=prefix)
    _route(api, admin, other, prefix="44")
    seen, after = [], None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"after": after} if after is not None else {})}
        page = api.client.get(f"{PLANS}/{plan_id}/routes", headers=admin, params=params).json()
        seen.extend(route["prefix"] for route in page["items"])
        after = page["next_after"]
        if after is None:
            break
    assert seen == prefixes
    page = api.client.get(f"{PLANS}/{plan_id}/routes", headers=admin, params={"prefix": "44", "limit": 2}).json()
    rest = api.client.get(f"{PLANS}/{plan_id}/routes", headers=admin,
                          params={"prefix": "44", "after": page["next_after"]}).json()
    assert [r["prefix"] for r in page["items"] + rest["items"]] == ["44", "441", "4420", "447"]
    response = api.client.get(f"{PLANS}/{plan_id}/routes", headers=admin, params={"prefix": "4x"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "prefix"]
    assert api.client.get(f"{PLANS}/9999/routes", headers=admin).status_code == 404


@pytest.mark.parametrize(("body", "loc"), [
    ({"prefix": "44a"}, ["body", "prefix"]),
    ({"strategy": "cheapest"}, ["body", "strategy"]),
    ({"min_margin_percent": "-1"}, ["body", "min_margin_percent"]),
    ({"min_margin_amount": "0.0000001"}, ["body", "min_margin_amount"]),
    ({"carriers": [{"carrier_id": "x"}]}, ["body", "carriers", 0, "carrier_id"]),
    ({"carriers": [{"carrier_id": "ALPHA", "pinned": True, "excluded": True}]}, ["body", "carriers", 0]),
    ({"carriers": [{"carrier_id": "ALPHA"}, {"carrier_id": "ALPHA"}]}, ["body", "carriers"]),
    ({"carriers": [{"carrier_id": "ALPHA"}, {"carrier_id": 9999}]}, ["body", "carriers", 1, "carrier_id"]),
    ({"carriers": [{"carrier_id": "ALPHA", "weight": -1}]}, ["body", "carriers", 0, "weight"]),
])
def test_bad_route_is_422_naming_the_field_and_writes_nothing(api: Api, admin: dict[str, Any],
                                                              carriers: dict[str, int], body: dict[str, Any],
                                                              loc: list[Any]) -> None:
    plan_id = _plan(api, admin)
    body = dict(body, carriers=[dict(entry, carrier_id=carriers["Alpha"]) if entry["carrier_id"] == "ALPHA" else entry
                                for entry in body.get("carriers", [])])
    before = _counts(api)
    response = api.client.post(f"{PLANS}/{plan_id}/routes", headers=admin, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:len(loc)] == loc
    assert _counts(api) == before


def test_duplicate_prefix_is_409_and_a_route_of_another_plan_is_404(api: Api, admin: dict[str, Any]) -> None:
    plan_id = _plan(api, admin)
    other = _plan(api, admin, "other")
    route = _route(api, admin, plan_id, prefix="44")
    _route(api, admin, plan_id, prefix="33")
    response = api.client.post(f"{PLANS}/{plan_id}/routes", headers=admin, json={"prefix": "44"})
    assert response.status_code == 409 and "'44'" in response.json()["detail"]
    moved = api.client.patch(f"{PLANS}/{plan_id}/routes/{route['id']}", headers=admin, json={"prefix": "33"})
    assert moved.status_code == 409
    assert api.client.get(f"{PLANS}/{other}/routes/{route['id']}", headers=admin).status_code == 404
    assert api.client.delete(f"{PLANS}/{other}/routes/{route['id']}", headers=admin).status_code == 404
    assert api.client.delete(f"{PLANS}/{plan_id}/routes/{route['id']}", headers=admin).status_code == 204
    assert api.client.get(f"{PLANS}/{plan_id}/routes/{route['id']}", headers=admin).status_code == 404


def test_delete_plan_removes_its_routes_but_not_while_an_account_uses_it(api: Api, admin: dict[str, Any],
                                                                         carriers: dict[str, int]) -> None:
    plan_id = _plan(api, admin)
    _route(api, admin, plan_id, prefix="", carriers=[{"carrier_id": carriers["Alpha"]}])
    with Session(api.engine) as session:
        session.add(Account(number="1", name="Customer", dial_plan_id=plan_id))
        session.commit()
    response = api.client.delete(f"{PLANS}/{plan_id}", headers=admin)
    assert response.status_code == 409 and "1 account(s)" in response.json()["detail"]
    with Session(api.engine) as session:
        session.execute(Account.__table__.update().values(dial_plan_id=None))
        session.commit()
    assert api.client.delete(f"{PLANS}/{plan_id}", headers=admin).status_code == 204
    assert _counts(api)[:3] == (0, 0, 0)
    assert api.client.get(f"{PLANS}/{plan_id}", headers=admin).status_code == 404


@pytest.mark.parametrize("role", ["support", "south"])
def test_only_admins_reach_dial_plans(api: Api, auth_header: Header, admin: dict[str, Any], role: str) -> None:
    plan_id = _plan(api, admin)
    route = _route(api, admin, plan_id, prefix="44")
    headers = auth_header(api.login(role))
    before = _counts(api)
    routes = f"{PLANS}/{plan_id}/routes"
    calls = [
        ("GET", PLANS, None), ("POST", PLANS, {"name": "x"}), ("GET", f"{PLANS}/{plan_id}", None),
        ("PATCH", f"{PLANS}/{plan_id}", {"name": "y"}), ("DELETE", f"{PLANS}/{plan_id}", None),
        ("GET", routes, None), ("POST", routes, {"prefix": "1"}), ("GET", f"{routes}/{route['id']}", None),
        ("PATCH", f"{routes}/{route['id']}", {"blocked": True}), ("DELETE", f"{routes}/{route['id']}", None),
        ("PUT", f"{routes}/{route['id']}/carriers/1", {}), ("DELETE", f"{routes}/{route['id']}/carriers/1", None),
    ]
    for method, url, body in calls:
        response = api.client.request(method, url, headers=headers, json=body)
        assert response.status_code == 403, (method, url, response.text)
    assert _counts(api)[:3] == before[:3]
