"""Carriers and gateways: CRUD with the stored values checked, validation naming the field with nothing written,
deletion refused while routes or calls refer to a carrier, and the admin-only rule for every other role."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import (
    AuditEntry,
    Carrier,
    Cdr,
    DialPlan,
    DialPlanRoute,
    Gateway,
    RouteCarrier,
    Tariff,
)
from switch_service.store.models.enums import TariffKind, Transport

URL = "/api/v1/carriers"


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


def _tariff(api: Api, name: str, kind: TariffKind) -> int:
    with Session(api.engine) as session:
        tariff = Tariff(name=name, kind=kind)
        session.add(tariff)
        session.commit()
        return tariff.id


def _create(api: Api, headers: dict[str, Any], **body: Any) -> Any:
    response = api.client.post(URL, headers=headers, json={"name": "Alpha", **body})
    assert response.status_code == 201, response.text
    return response.json()


def _counts(api: Api) -> tuple[int, int, int]:
    with Session(api.engine) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[return-value]
                     for model in (Carrier, Gateway, AuditEntry))


def test_create_read_and_list_a_carrier_with_gateways(api: Api, admin: dict[str, Any]) -> None:
    buy = _tariff(api, "Alpha buy", TariffKind.BUY)
    created = _create(api, admin, buy_tariff_id=buy, tech_prefix="777#", number_format="national", strip_digits=1,
                      codecs=["pcmu", "G729"], failover_codes=[503, 403, 403], max_channels=30, cps_limit=5,
                      daily_minutes_cap=1000,
                      gateways=[{"host": "sip.alpha.example", "port": 5080, "transport": "tcp", "weight": 5},
                                {"host": "10.0.0.2"}])
    assert created["codecs"] == ["PCMU", "G729"]
    assert created["failover_codes"] == [403, 503]
    assert created["number_format"] == "national" and created["tech_prefix"] == "777#"
    assert [(g["host"], g["port"], g["transport"], g["weight"], g["enabled"]) for g in created["gateways"]] == [
        ("sip.alpha.example", 5080, "tcp", 5, True), ("10.0.0.2", 5060, "udp", 1, True)]
    with Session(api.engine) as session:
        stored = session.get(Carrier, created["id"])
        assert stored is not None
        assert (stored.codecs, stored.failover_codes, stored.buy_tariff_id) == ("PCMU,G729", "403,503", buy)
        gateways = session.scalars(select(Gateway).where(Gateway.carrier_id == stored.id).order_by(Gateway.id)).all()
        assert [g.transport for g in gateways] == [Transport.TCP, Transport.UDP]
        audit = session.scalars(select(AuditEntry).where(AuditEntry.entity == "carrier")).one()
        assert audit.action == "create" and json.loads(audit.changes)["name"] == "Alpha"
    assert api.client.get(f"{URL}/{created['id']}", headers=admin).json() == created
    for name in ("Beta", "Gamma", "Delta"):
        _create(api, admin, name=name, enabled=name != "Gamma")
    first = api.client.get(URL, headers=admin, params={"limit": 2}).json()
    second = api.client.get(URL, headers=admin, params={"limit": 2, "after": first["next_after"]}).json()
    assert [c["name"] for c in first["items"] + second["items"]] == ["Alpha", "Beta", "Gamma", "Delta"]
    assert second["next_after"] is None
    assert first["items"][0]["gateways"] == created["gateways"]
    off = api.client.get(URL, headers=admin, params={"enabled": "false"}).json()["items"]
    assert [c["name"] for c in off] == ["Gamma"]
    found = api.client.get(URL, headers=admin, params={"q": "ELT"}).json()["items"]
    assert [c["name"] for c in found] == ["Delta"]


def test_patch_changes_only_the_fields_sent_and_audits_before_and_after(api: Api, admin: dict[str, Any]) -> None:
    carrier = _create(api, admin, daily_minutes_cap=100, codecs=["PCMA"])
    with Session(api.engine) as session:
        session.execute(Carrier.__table__.update().values(down_until=dt.datetime(2030, 1, 1, tzinfo=dt.UTC)))
        session.commit()
    response = api.client.patch(f"{URL}/{carrier['id']}", headers=admin,
                                json={"enabled": False, "daily_minutes_cap": None, "failover_codes": [484],
                                      "down_until": None})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["enabled"], body["daily_minutes_cap"], body["failover_codes"], body["down_until"]) == (
        False, None, [484], None)
    assert body["codecs"] == ["PCMA"] and body["name"] == "Alpha"
    with Session(api.engine) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
        changes = json.loads(entry.changes)
    assert changes["enabled"] == {"from": True, "to": False}
    assert changes["failover_codes"] == {"from": "", "to": "484"}
    assert set(changes) == {"enabled", "daily_minutes_cap", "failover_codes", "down_until"}


@pytest.mark.parametrize(("body", "field"), [
    ({"failover_codes": [399]}, "failover_codes"),
    ({"failover_codes": [700]}, "failover_codes"),
    ({"codecs": ["G7XX"]}, "codecs"),
    ({"codecs": []}, "codecs"),
    ({"codecs": ["PCMU", "pcmu"]}, "codecs"),
    ({"number_format": "international"}, "number_format"),
    ({"tech_prefix": "12a"}, "tech_prefix"),
    ({"strip_digits": -1}, "strip_digits"),
    ({"max_channels": -1}, "max_channels"),
    ({"name": ""}, "name"),
    ({"colour": "red"}, "colour"),
    ({"gateways": [{"host": "gw", "port": 0}]}, "port"),
    ({"gateways": [{"host": "gw", "port": 65536}]}, "port"),
    ({"gateways": [{"host": "gw", "transport": "sctp"}]}, "transport"),
    ({"gateways": [{"host": "bad host"}]}, "host"),
])
def test_bad_carrier_is_422_naming_the_field_and_writes_nothing(api: Api, admin: dict[str, Any],
                                                                body: dict[str, Any], field: str) -> None:
    before = _counts(api)
    response = api.client.post(URL, headers=admin, json={"name": "Alpha", **body})
    assert response.status_code == 422, response.text
    assert field in response.json()["detail"][0]["loc"]
    assert _counts(api) == before


def test_buy_tariff_must_exist_and_be_a_buy_tariff(api: Api, admin: dict[str, Any]) -> None:
    sell = _tariff(api, "Retail", TariffKind.SELL)
    for tariff_id, message in ((sell, "is a sell tariff"), (9999, "tariff 9999 does not exist")):
        response = api.client.post(URL, headers=admin, json={"name": "Alpha", "buy_tariff_id": tariff_id})
        assert response.status_code == 422
        error = response.json()["detail"][0]
        assert error["loc"] == ["body", "buy_tariff_id"] and message in error["msg"]
    carrier = _create(api, admin)
    response = api.client.patch(f"{URL}/{carrier['id']}", headers=admin, json={"buy_tariff_id": sell})
    assert response.status_code == 422
    response = api.client.patch(f"{URL}/{carrier['id']}", headers=admin, json={"name": None})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "name"]


def test_duplicate_name_is_409(api: Api, admin: dict[str, Any]) -> None:
    _create(api, admin)
    beta = _create(api, admin, name="Beta")
    assert api.client.post(URL, headers=admin, json={"name": "Alpha"}).status_code == 409
    response = api.client.patch(f"{URL}/{beta['id']}", headers=admin, json={"name": "Alpha"})
    assert response.status_code == 409 and "Alpha" in response.json()["detail"]


def test_delete_is_refused_while_routes_or_calls_refer_to_the_carrier(api: Api, admin: dict[str, Any]) -> None:
    carrier = _create(api, admin, gateways=[{"host": "gw.example"}])
    with Session(api.engine) as session:
        plan = DialPlan(name="p")
        session.add(plan)
        session.flush()
        route = DialPlanRoute(dial_plan_id=plan.id, prefix="")
        session.add(route)
        session.flush()
        session.add(RouteCarrier(route_id=route.id, carrier_id=carrier["id"]))
        session.add(Cdr(call_id="c1", carrier_id=carrier["id"], caller="1", destination="2",
                        started_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), result="answered", cost=Decimal(0)))
        session.commit()
    response = api.client.delete(f"{URL}/{carrier['id']}", headers=admin)
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert "named in 1 route(s)" in detail and "has call records" in detail and '"enabled": false' in detail
    assert api.client.get(f"{URL}/{carrier['id']}", headers=admin).status_code == 200
    unused = _create(api, admin, name="Unused", gateways=[{"host": "gw2.example"}])
    assert api.client.delete(f"{URL}/{unused['id']}", headers=admin).status_code == 204
    assert api.client.get(f"{URL}/{unused['id']}", headers=admin).status_code == 404
    with Session(api.engine) as session:
        assert session.scalars(select(Gateway.host)).all() == ["gw.example"]
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "carrier")).all() == [
            "create", "create", "delete"]


def test_gateway_crud(api: Api, admin: dict[str, Any]) -> None:
    carrier = _create(api, admin)
    other = _create(api, admin, name="Other", gateways=[{"host": "other.example"}])
    base = f"{URL}/{carrier['id']}/gateways"
    response = api.client.post(base, headers=admin, json={"host": "2001:db8::1", "port": 5061, "transport": "tls"})
    assert response.status_code == 201, response.text
    gateway = response.json()
    assert (gateway["carrier_id"], gateway["options_up"]) == (carrier["id"], None)
    response = api.client.patch(f"{base}/{gateway['id']}", headers=admin, json={"enabled": False, "weight": 3})
    assert response.status_code == 200
    assert (response.json()["enabled"], response.json()["weight"], response.json()["port"]) == (False, 3, 5061)
    assert api.client.patch(f"{base}/{gateway['id']}", headers=admin, json={"port": 70000}).status_code == 422
    assert api.client.patch(f"{base}/{gateway['id']}", headers=admin, json={"port": None}).status_code == 422
    assert [g["id"] for g in api.client.get(base, headers=admin).json()] == [gateway["id"]]
    foreign = other["gateways"][0]["id"]  # a gateway of another carrier is not found under this one
    assert api.client.patch(f"{base}/{foreign}", headers=admin, json={"weight": 2}).status_code == 404
    assert api.client.delete(f"{base}/{foreign}", headers=admin).status_code == 404
    assert api.client.delete(f"{base}/{gateway['id']}", headers=admin).status_code == 204
    assert api.client.get(base, headers=admin).json() == []
    assert api.client.get(f"{URL}/9999/gateways", headers=admin).status_code == 404


@pytest.mark.parametrize("role", ["support", "north"])
def test_only_admins_reach_carriers(api: Api, auth_header: Header, admin: dict[str, Any], role: str) -> None:
    carrier = _create(api, admin, gateways=[{"host": "gw.example"}])
    gateway = carrier["gateways"][0]["id"]
    headers = auth_header(api.login(role))
    before = _counts(api)
    calls = [
        ("GET", URL, None), ("POST", URL, {"name": "X"}), ("GET", f"{URL}/{carrier['id']}", None),
        ("PATCH", f"{URL}/{carrier['id']}", {"enabled": False}), ("DELETE", f"{URL}/{carrier['id']}", None),
        ("GET", f"{URL}/{carrier['id']}/gateways", None),
        ("POST", f"{URL}/{carrier['id']}/gateways", {"host": "x"}),
        ("PATCH", f"{URL}/{carrier['id']}/gateways/{gateway}", {"weight": 2}),
        ("DELETE", f"{URL}/{carrier['id']}/gateways/{gateway}", None),
    ]
    for method, url, body in calls:
        response = api.client.request(method, url, headers=headers, json=body)
        assert response.status_code == 403, (method, url, response.text)
        assert "admin" in response.json()["detail"]
    assert _counts(api)[:2] == before[:2]
    assert api.client.get(URL).status_code == 401
