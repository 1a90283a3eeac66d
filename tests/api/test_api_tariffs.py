"""Tariffs and band schedules through the API: create, list, update with the version bumped, delete refused while
in use; and every pricing route is admin-only (support and resellers get 403 saying why; a reseller user reads
and edits only its own white-label sell tariff, so the operator's is a 404 to it)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select

from switch_service.api.schemas import API_PREFIX
from switch_service.store.models import (
    Account,
    AuditEntry,
    BandSchedule,
    CardBatch,
    Carrier,
    Rate,
    Reseller,
    Tariff,
    Tax,
    TaxProfile,
)
from switch_service.store.models.enums import ResellerKind

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
PRICING_PATHS = ("/tariffs", "/tax-profiles", "/packages", "/band-schedules", "/accounts/{account_id}/packages")


def _tariff(api: Api, **values: Any) -> int:
    with api.session() as session:
        tariff = Tariff(**{"name": "Retail", **values})
        session.add(tariff)
        session.flush()
        session.add(Rate(tariff_id=tariff.id, prefix="44", price_per_minute=Decimal("0.01"), valid_from=T0))
        session.commit()
        return tariff.id


def _version(api: Api, tariff_id: int) -> int:
    with api.session() as session:
        return session.scalars(select(Tariff.version).where(Tariff.id == tariff_id)).one()


def _audit(api: Api, entity: str) -> list[tuple[str, dict[str, Any]]]:
    with api.session() as session:
        rows = session.execute(select(AuditEntry.action, AuditEntry.changes).where(AuditEntry.entity == entity)
                               .order_by(AuditEntry.id))
        return [(action, json.loads(changes)) for action, changes in rows]


def test_create_list_get_update_and_delete_a_tariff(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    created = api.client.post("/api/v1/tariffs", headers=admin, json={"name": "Wholesale", "currency": "eur"})
    assert created.status_code == 201, created.text
    tariff = created.json()
    assert (tariff["name"], tariff["kind"], tariff["currency"], tariff["version"]) == ("Wholesale", "sell", "EUR", 1)
    buy = api.client.post("/api/v1/tariffs", headers=admin, json={"name": "Carrier A buy", "kind": "buy"}).json()
    assert buy["currency"] == "USD"  # the company currency setting

    detail = api.client.get(f"/api/v1/tariffs/{tariff['id']}", headers=admin).json()
    assert detail["rate_count"] == 0
    first = api.client.get("/api/v1/tariffs?limit=1", headers=admin).json()
    assert [t["name"] for t in first["items"]] == ["Wholesale"]
    rest = api.client.get(f"/api/v1/tariffs?limit=1&after={first['next_after']}", headers=admin).json()
    assert ([t["name"] for t in rest["items"]], rest["next_after"]) == (["Carrier A buy"], None)
    assert [t["name"] for t in api.client.get("/api/v1/tariffs?kind=buy", headers=admin).json()["items"]] == [
        "Carrier A buy"]
    assert [t["name"] for t in api.client.get("/api/v1/tariffs?q=sale", headers=admin).json()["items"]] == [
        "Wholesale"]

    updated = api.client.patch(f"/api/v1/tariffs/{tariff['id']}", headers=admin, json={"name": "Wholesale 2027"})
    assert updated.status_code == 200, updated.text
    assert (updated.json()["name"], updated.json()["version"]) == ("Wholesale 2027", 2)

    assert api.client.delete(f"/api/v1/tariffs/{tariff['id']}", headers=admin).status_code == 204
    assert api.client.get(f"/api/v1/tariffs/{tariff['id']}", headers=admin).status_code == 404
    assert [action for action, _ in _audit(api, "tariff")] == ["create", "create", "update", "delete"]


def test_tariff_names_are_unique_and_bad_input_names_the_field(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    _tariff(api)
    duplicate = api.client.post("/api/v1/tariffs", headers=admin, json={"name": "Retail"})
    assert duplicate.status_code == 409
    assert "Retail" in duplicate.json()["detail"]
    for body, field in (({"name": ""}, "name"), ({"name": "x", "currency": "EURO"}, "currency"),
                        ({"name": "x", "kind": "wholesale"}, "kind"), ({"name": "x", "band_schedule_id": 99},
                                                                         "band_schedule_id")):
        response = api.client.post("/api/v1/tariffs", headers=admin, json=body)
        assert response.status_code == 422, body
        assert response.json()["detail"][0]["loc"] == ["body", field]
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(Tariff)) == 1


def test_every_change_to_a_tariff_bumps_its_version(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    schedule = api.client.post("/api/v1/band-schedules", headers=admin, json={"name": "Office hours"}).json()
    versions = [_version(api, tariff_id)]
    for body in ({"band_schedule_id": schedule["id"]}, {"currency": "GBP"}, {"band_schedule_id": None}):
        assert api.client.patch(f"/api/v1/tariffs/{tariff_id}", headers=admin, json=body).status_code == 200
        versions.append(_version(api, tariff_id))
    assert versions == [1, 2, 3, 4]
    refused = api.client.patch(f"/api/v1/tariffs/{tariff_id}", headers=admin, json={"name": None})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "name"]
    assert _version(api, tariff_id) == 4


@pytest.mark.parametrize("user_kind", ["account", "carrier", "reseller", "card batch"])
def test_deleting_a_tariff_in_use_is_refused_and_keeps_it(api: Api, auth_header: Header, user_kind: str) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    with api.session() as session:
        session.add({
            "account": lambda: Account(number="1001", name="Customer", tariff_id=tariff_id),
            "carrier": lambda: Carrier(name="Carrier A", buy_tariff_id=tariff_id),
            "reseller": lambda: Reseller(name="East", kind=ResellerKind.USAGE_BASED, tariff_id=tariff_id),
            "card batch": lambda: CardBatch(name="Cards", count=1, face_value=Decimal(5), tariff_id=tariff_id),
        }[user_kind]())
        session.commit()
    response = api.client.delete(f"/api/v1/tariffs/{tariff_id}", headers=admin)
    assert response.status_code == 409
    assert response.json()["detail"] == (f"tariff 'Retail' is still used by 1 {user_kind}; give them another "
                                         "tariff first")
    with api.session() as session:
        assert session.get(Tariff, tariff_id) is not None
        assert session.scalar(select(func.count()).select_from(Rate)) == 1
    assert _audit(api, "tariff") == []


def test_deleting_an_unused_tariff_removes_its_rates(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    assert api.client.delete(f"/api/v1/tariffs/{tariff_id}", headers=admin).status_code == 204
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(Rate)) == 0
    assert _audit(api, "tariff") == [("delete", {"name": "Retail", "rates": 1})]


def test_a_buy_tariff_in_use_by_a_carrier_cannot_become_a_sell_tariff(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    from switch_service.store.models.enums import TariffKind

    tariff_id = _tariff(api, kind=TariffKind.BUY)
    with api.session() as session:
        session.add(Carrier(name="Carrier A", buy_tariff_id=tariff_id))
        session.commit()
    response = api.client.patch(f"/api/v1/tariffs/{tariff_id}", headers=admin, json={"kind": "sell"})
    assert response.status_code == 409
    assert "used as a buy tariff by 1 carrier" in response.json()["detail"]
    assert _version(api, tariff_id) == 1


# --- band schedules ------------------------------------------------------------------------------


def test_band_schedule_crud_and_holidays_as_iso_dates(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    created = api.client.post("/api/v1/band-schedules", headers=admin, json={
        "name": "UK business", "peak_days": [4, 0, 1, 2, 3], "peak_start": "09:00", "peak_end": "00:00",
        "weekend_days": [6, 5], "holidays": ["2026-12-25", "2026-01-01"]})
    assert created.status_code == 201, created.text
    schedule = created.json()
    assert schedule == {"id": schedule["id"], "name": "UK business", "peak_days": [0, 1, 2, 3, 4],
                        "peak_start": "09:00:00", "peak_end": "00:00:00", "weekend_days": [5, 6],
                        "holidays": ["2026-01-01", "2026-12-25"]}
    with api.session() as session:
        row = session.get(BandSchedule, schedule["id"])
        assert row is not None
        assert (row.peak_days, row.holidays) == ("0,1,2,3,4", "2026-01-01,2026-12-25")
    patched = api.client.patch(f"/api/v1/band-schedules/{schedule['id']}", headers=admin,
                               json={"holidays": ["2027-01-01"]}).json()
    assert (patched["holidays"], patched["peak_start"]) == (["2027-01-01"], "09:00:00")
    page = api.client.get("/api/v1/band-schedules", headers=admin).json()
    assert [s["name"] for s in page["items"]] == ["UK business"]
    assert api.client.delete(f"/api/v1/band-schedules/{schedule['id']}", headers=admin).status_code == 204
    assert [action for action, _ in _audit(api, "band_schedule")] == ["create", "update", "delete"]


@pytest.mark.parametrize(("body", "field"), [
    ({"holidays": ["2026-02-30"]}, "holidays"),
    ({"holidays": ["2026-12-25", "2026-12-25"]}, "holidays"),
    ({"peak_days": [1, 7]}, "peak_days"),
    ({"weekend_days": [5, 5]}, "weekend_days"),
    ({"peak_start": "25:00"}, "peak_start"),
    ({"peak_start": "08:00:00.5"}, "peak_start"),
    ({"peak_start": "20:00", "peak_end": "08:00"}, "peak_end"),
])
def test_a_bad_band_schedule_is_a_422_naming_the_field(api: Api, auth_header: Header, body: dict[str, Any],
                                                        field: str) -> None:
    admin = auth_header(api.login("admin"))
    response = api.client.post("/api/v1/band-schedules", headers=admin, json={"name": "Bad", **body})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(BandSchedule)) == 0


def test_changing_a_band_schedule_bumps_its_tariffs_and_deleting_one_in_use_is_refused(
        api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    schedule = api.client.post("/api/v1/band-schedules", headers=admin, json={"name": "Office"}).json()
    using = _tariff(api, band_schedule_id=schedule["id"])
    other = _tariff(api, name="Other")
    evening = api.client.patch(f"/api/v1/band-schedules/{schedule['id']}", headers=admin, json={"peak_end": "18:00"})
    assert evening.status_code == 200
    assert (_version(api, using), _version(api, other)) == (2, 1)
    backwards = api.client.patch(f"/api/v1/band-schedules/{schedule['id']}", headers=admin,
                                 json={"peak_start": "19:00"})
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["body", "peak_end"]
    refused = api.client.delete(f"/api/v1/band-schedules/{schedule['id']}", headers=admin)
    assert refused.status_code == 409
    assert refused.json()["detail"] == ("band schedule 'Office' is still used by 1 tariff; give them another "
                                        "schedule (or none) first")


# --- roles ---------------------------------------------------------------------------------------


def _pricing_calls(api: Api) -> list[tuple[str, str]]:
    """Every (method, path) of the pricing routes, from the served OpenAPI document, ids filled in with 1."""
    paths = api.client.get(f"{API_PREFIX}/openapi.json").json()["paths"]
    return [(method.upper(), re.sub(r"\{[a-z_]+\}", "1", path)) for path, operations in paths.items()
            if path.removeprefix(API_PREFIX).startswith(PRICING_PATHS) for method in operations]


# What a reseller user may ask of pricing (its own white-label sell tariff): the operator's tariff 1 is a 404 to it.
RESELLER_READS = {("GET", "/api/v1/tariffs"): 200, ("GET", "/api/v1/tariffs/1"): 404,
                  ("GET", "/api/v1/tariffs/1/rates"): 404, ("GET", "/api/v1/tariffs/1/rates/1"): 404,
                  ("PATCH", "/api/v1/tariffs/1/rates/1"): 404}


@pytest.mark.parametrize("username", ["support", "north"])
def test_every_pricing_call_is_admin_only_and_says_why(api: Api, auth_header: Header, username: str) -> None:
    headers = auth_header(api.login(username))
    with api.session() as session:
        reseller = session.scalars(select(Reseller.id).where(Reseller.name == "North")).one()
        session.add(Account(id=1, number="1", name="Own customer", reseller_id=reseller))
        tariff = Tariff(id=1, name="Retail")
        session.add(tariff)
        session.flush()
        session.add_all([Rate(id=1, tariff_id=1, prefix="44", price_per_minute=Decimal("0.01"), valid_from=T0),
                         TaxProfile(id=1, name="UK"), BandSchedule(id=1, name="Office")])
        session.flush()
        session.add(Tax(profile_id=1, name="VAT", percent=Decimal(20)))
        session.commit()
    calls = _pricing_calls(api)
    assert len(calls) >= 30  # every route of tariffs, rates, imports, export, taxes, packages, band schedules
    for method, path in calls:
        response = api.client.request(method, path, headers=headers, json={})
        if username == "north" and (method, path) in RESELLER_READS:  # its own white-label sell tariff only
            assert response.status_code == RESELLER_READS[method, path], (method, path, response.text)
            continue
        assert response.status_code == 403, (method, path, response.text)
        detail = response.json()["detail"]
        assert "admin-only" in detail and f"the {'support' if username == 'support' else 'reseller'} role" in detail
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(Rate)) == 1
        assert session.scalar(select(Tariff.version).where(Tariff.id == 1)) == 1
        assert session.scalar(select(func.count()).where(AuditEntry.entity != "api_session")) == 0
