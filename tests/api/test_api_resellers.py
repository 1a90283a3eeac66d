"""The reseller tree: what each role sees (a reseller user only its subtree; another's by id is 404), creating
sub-resellers, moves without cycles, validation with nothing written, and commission rules (admins only).

The template's tree: North -> North-East, and South; users north and south belong to North and South."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import AuditEntry, CommissionRule, DialPlan, Reseller, Tariff
from switch_service.store.models.enums import TariffKind

URL = "/api/v1/resellers"


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


@pytest.fixture
def north(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("north"))


def _counts(api: Api) -> tuple[int, ...]:
    with Session(api.engine) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (Reseller, CommissionRule, AuditEntry))


def _ids(body: dict[str, Any]) -> list[int]:
    return [item["id"] for item in body["items"]]


def test_admin_sees_the_whole_tree_paged_with_children_and_balance(api: Api, admin: dict[str, Any],
                                                                   resellers: dict[str, int]) -> None:
    with Session(api.engine) as session:
        session.execute(Reseller.__table__.update().where(Reseller.id == resellers["north"])
                        .values(balance=Decimal("1500.25")))
        session.commit()
    first = api.client.get(URL, headers=admin, params={"limit": 2}).json()
    rest = api.client.get(URL, headers=admin, params={"after": first["next_after"]}).json()
    assert _ids(first) + _ids(rest) == sorted(resellers.values()) and rest["next_after"] is None
    north = api.client.get(f"{URL}/{resellers['north']}", headers=admin).json()
    assert (north["name"], north["children"], north["balance"], north["parent_id"]) == ("North", 1, "1500.250000", None)
    children = api.client.get(URL, headers=admin, params={"parent_id": resellers["north"]}).json()
    assert _ids(children) == [resellers["north_east"]]
    assert _ids(api.client.get(URL, headers=admin, params={"q": "south"}).json()) == [resellers["south"]]


def test_a_reseller_user_sees_only_its_subtree(api: Api, auth_header: Header, north: dict[str, Any],
                                               resellers: dict[str, int]) -> None:
    assert _ids(api.client.get(URL, headers=north).json()) == [resellers["north"], resellers["north_east"]]
    assert api.client.get(f"{URL}/{resellers['north_east']}", headers=north).status_code == 200
    hidden = api.client.get(f"{URL}/{resellers['south']}", headers=north)
    assert hidden.status_code == 404 and hidden.json()["detail"] == f"reseller {resellers['south']} does not exist"
    south = auth_header(api.login("south"))
    assert _ids(api.client.get(URL, headers=south).json()) == [resellers["south"]]
    assert api.client.get(f"{URL}/{resellers['north_east']}", headers=south).status_code == 404


def test_support_is_refused(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    support = auth_header(api.login("support"))
    before = _counts(api)
    for method, url, body in (("GET", URL, None), ("GET", f"{URL}/{resellers['north']}", None),
                              ("POST", URL, {"name": "X"}), ("PATCH", f"{URL}/{resellers['north']}", {"name": "Y"}),
                              ("GET", f"{URL}/{resellers['north']}/commission-rules", None)):
        assert api.client.request(method, url, headers=support, json=body).status_code == 403, (method, url)
    assert _counts(api)[:2] == before[:2]


def test_a_reseller_user_creates_sub_resellers_in_its_subtree_only(api: Api, north: dict[str, Any],
                                                                   resellers: dict[str, int]) -> None:
    response = api.client.post(URL, headers=north, json={"name": "North Shop", "kind": "pinless",
                                                         "credit_limit": "50", "currency": "eur"})
    assert response.status_code == 201, response.text
    shop = response.json()
    assert (shop["parent_id"], shop["kind"], shop["credit_limit"], shop["currency"], shop["balance"]) == (
        resellers["north"], "pinless", "50.000000", "EUR", "0.000000")
    deeper = api.client.post(URL, headers=north, json={"name": "Kiosk", "parent_id": resellers["north_east"]})
    assert deeper.status_code == 201 and deeper.json()["parent_id"] == resellers["north_east"]
    assert api.client.get(f"{URL}/{resellers['north_east']}", headers=north).json()["children"] == 1
    before = _counts(api)
    outside = api.client.post(URL, headers=north, json={"name": "Sneaky", "parent_id": resellers["south"]})
    assert outside.status_code == 422
    assert outside.json()["detail"][0]["loc"] == ["body", "parent_id"]
    assert "does not exist" in outside.json()["detail"][0]["msg"]
    with Session(api.engine) as session:
        plan = DialPlan(name="p")
        session.add(plan)
        session.commit()
        plan_id = plan.id
    assigned = api.client.post(URL, headers=north, json={"name": "Planned", "dial_plan_id": plan_id})
    assert assigned.status_code == 403 and "dial_plan_id" in assigned.json()["detail"]
    assert api.client.patch(f"{URL}/{shop['id']}", headers=north, json={"name": "Renamed"}).status_code == 403
    assert _counts(api) == before


def test_admin_moves_a_reseller_but_never_into_a_cycle(api: Api, admin: dict[str, Any],
                                                       resellers: dict[str, int]) -> None:
    north, north_east, south = resellers["north"], resellers["north_east"], resellers["south"]
    for parent in (north, north_east):  # itself, and one of its own descendants
        response = api.client.patch(f"{URL}/{north}", headers=admin, json={"parent_id": parent})
        assert response.status_code == 422
        error = response.json()["detail"][0]
        assert error["loc"] == ["body", "parent_id"] and "cycle" in error["msg"]
    response = api.client.patch(f"{URL}/{north}", headers=admin, json={"parent_id": south, "status": "suspended"})
    assert response.status_code == 200, response.text
    assert (response.json()["parent_id"], response.json()["status"]) == (south, "suspended")
    assert api.client.patch(f"{URL}/{south}", headers=admin, json={"parent_id": north_east}).status_code == 422
    response = api.client.patch(f"{URL}/{north}", headers=admin, json={"parent_id": None})
    assert response.status_code == 200 and response.json()["parent_id"] is None
    with Session(api.engine) as session:
        changes = [json.loads(entry.changes) for entry in session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "reseller").order_by(AuditEntry.id))]
    assert changes == [{"parent_id": {"from": None, "to": south}, "status": {"from": "active", "to": "suspended"}},
                       {"parent_id": {"from": south, "to": None}}]


def test_admin_creates_with_tariff_and_plan_and_bad_input_writes_nothing(api: Api, admin: dict[str, Any]) -> None:
    with Session(api.engine) as session:
        sell, buy = Tariff(name="Retail"), Tariff(name="Alpha buy", kind=TariffKind.BUY)
        plan = DialPlan(name="p")
        session.add_all([sell, buy, plan])
        session.commit()
        sell_id, buy_id, plan_id = sell.id, buy.id, plan.id
    response = api.client.post(URL, headers=admin, json={"name": "Top", "tariff_id": sell_id, "dial_plan_id": plan_id,
                                                         "email": "ops@top.example", "brand_name": "TopTel"})
    assert response.status_code == 201, response.text
    top = response.json()
    assert (top["parent_id"], top["tariff_id"], top["dial_plan_id"], top["currency"]) == (None, sell_id, plan_id,
                                                                                          "USD")
    before = _counts(api)
    for body, field in (({"name": "X", "tariff_id": buy_id}, "tariff_id"),
                        ({"name": "X", "dial_plan_id": 9999}, "dial_plan_id"),
                        ({"name": "X", "parent_id": 9999}, "parent_id"),
                        ({"name": "X", "kind": "franchise"}, "kind"),
                        ({"name": "X", "credit_limit": "-1"}, "credit_limit"),
                        ({"name": "X", "email": "nobody"}, "email"),
                        ({"name": ""}, "name")):
        response = api.client.post(URL, headers=admin, json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["detail"][0]["loc"] == ["body", field]
    assert api.client.post(URL, headers=admin, json={"name": "Top"}).status_code == 409
    assert api.client.patch(f"{URL}/{top['id']}", headers=admin, json={"name": "North"}).status_code == 409
    assert api.client.patch(f"{URL}/{top['id']}", headers=admin, json={"kind": None}).status_code == 422
    assert _counts(api) == before


def test_commission_rules_crud(api: Api, admin: dict[str, Any], north: dict[str, Any],
                               resellers: dict[str, int]) -> None:
    rules = f"{URL}/{resellers['north']}/commission-rules"
    response = api.client.post(rules, headers=admin, json={"basis": "sales_percent", "percent": "8.5"})
    assert response.status_code == 201, response.text
    rule = response.json()
    assert (rule["basis"], rule["prefix"], rule["percent"], rule["amount"]) == ("sales_percent", "", "8.5000", None)
    per_minute = api.client.post(rules, headers=admin, json={"basis": "per_minute", "prefix": "44",
                                                             "amount": "0.002"}).json()
    page = api.client.get(rules, headers=admin, params={"limit": 1}).json()
    rest = api.client.get(rules, headers=admin, params={"after": page["next_after"]}).json()
    assert _ids(page) + _ids(rest) == [rule["id"], per_minute["id"]]
    response = api.client.patch(f"{rules}/{rule['id']}", headers=admin,
                                json={"basis": "per_minute", "percent": None, "amount": "0.01"})
    assert response.status_code == 200, response.text
    assert (response.json()["basis"], response.json()["percent"], response.json()["amount"]) == (
        "per_minute", None, "0.010000")
    response = api.client.patch(f"{rules}/{rule['id']}", headers=admin, json={"basis": "margin_percent"})
    assert response.status_code == 422 and "takes a percent" in response.json()["detail"][0]["msg"]
    before = _counts(api)
    for body in ({"basis": "per_minute"}, {"basis": "sales_percent", "percent": "0"},
                 {"basis": "sales_percent", "percent": "101"}, {"basis": "bonus", "percent": "1"},
                 {"basis": "sales_percent", "percent": "5", "amount": "1"}, {"basis": "per_minute", "amount": "1",
                                                                            "prefix": "+44"}):
        assert api.client.post(rules, headers=admin, json=body).status_code == 422, body
    other = f"{URL}/{resellers['south']}/commission-rules/{rule['id']}"
    assert api.client.patch(other, headers=admin, json={"prefix": "1"}).status_code == 404
    assert api.client.delete(other, headers=admin).status_code == 404
    for method, body in (("GET", None), ("POST", {"basis": "per_minute", "amount": "1"})):
        assert api.client.request(method, rules, headers=north, json=body).status_code == 403
    assert api.client.delete(f"{rules}/{rule['id']}", headers=north).status_code == 403
    assert _counts(api) == before
    assert api.client.delete(f"{rules}/{rule['id']}", headers=admin).status_code == 204
    assert _ids(api.client.get(rules, headers=admin).json()) == [per_minute["id"]]
    assert api.client.get(f"{URL}/9999/commission-rules", headers=admin).status_code == 404
