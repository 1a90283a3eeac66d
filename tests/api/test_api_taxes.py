"""Tax profiles with their taxes through the API: create, list, replace the taxes, delete refused while in use;
bad input is a 422 naming the field with nothing written."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select

from switch_service.store.models import Account, AuditEntry, Tax, TaxProfile

UK = {"name": "UK", "taxes": [{"name": "VAT", "percent": "20", "inclusive": True},
                              {"name": "Levy", "percent": "2.5"}]}


def _counts(api: Api) -> tuple[int, int]:
    with api.session() as session:
        return (session.scalar(select(func.count()).select_from(TaxProfile)) or 0,
                session.scalar(select(func.count()).select_from(Tax)) or 0)


def test_create_list_update_and_delete_a_profile(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    created = api.client.post("/api/v1/tax-profiles", headers=admin, json=UK)
    assert created.status_code == 201, created.text
    profile = created.json()
    assert [(t["name"], t["percent"], t["inclusive"], t["position"]) for t in profile["taxes"]] == [
        ("VAT", "20.0000", True, 0), ("Levy", "2.5000", False, 1)]
    api.client.post("/api/v1/tax-profiles", headers=admin, json={"name": "None", "taxes": [
        {"name": "Zero", "percent": "0"}]})
    first = api.client.get("/api/v1/tax-profiles?limit=1", headers=admin).json()
    assert [p["name"] for p in first["items"]] == ["UK"]
    assert first["items"][0]["taxes"] == profile["taxes"]
    rest = api.client.get(f"/api/v1/tax-profiles?after={first['next_after']}", headers=admin).json()
    assert ([p["name"] for p in rest["items"]], rest["next_after"]) == (["None"], None)

    url = f"/api/v1/tax-profiles/{profile['id']}"
    renamed = api.client.patch(url, headers=admin, json={"name": "United Kingdom"}).json()
    assert (renamed["name"], renamed["taxes"]) == ("United Kingdom", profile["taxes"])
    replaced = api.client.patch(url, headers=admin, json={"taxes": [
        {"name": "Levy", "percent": "3", "position": 5}, {"name": "VAT", "percent": "17.5", "position": 1}]})
    assert replaced.status_code == 200, replaced.text
    taxes = replaced.json()["taxes"]
    assert [(t["name"], t["percent"], t["position"]) for t in taxes] == [("VAT", "17.5000", 1), ("Levy", "3.0000", 5)]
    assert min(t["id"] for t in taxes) > max(t["id"] for t in profile["taxes"])  # the billing fingerprint sees it
    assert api.client.get(url, headers=admin).json() == replaced.json()
    assert _counts(api) == (2, 3)

    assert api.client.delete(url, headers=admin).status_code == 204
    assert api.client.get(url, headers=admin).status_code == 404
    assert _counts(api) == (1, 1)
    with api.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "tax_profile")
                                  .order_by(AuditEntry.id)).all()
    assert actions == ["create", "create", "update", "update", "delete"]


@pytest.mark.parametrize(("body", "loc"), [
    ({"name": "X", "taxes": []}, ["body", "taxes"]),
    ({"name": "X", "taxes": [{"name": "VAT", "percent": "-1"}]}, ["body", "taxes", 0, "percent"]),
    ({"name": "X", "taxes": [{"name": "VAT", "percent": "100.5"}]}, ["body", "taxes", 0, "percent"]),
    ({"name": "X", "taxes": [{"name": "VAT", "percent": "20.12345"}]}, ["body", "taxes", 0, "percent"]),
    ({"name": "X", "taxes": [{"name": "VAT", "percent": "20"}, {"name": "vat", "percent": "5"}]}, ["body", "taxes"]),
    ({"name": "", "taxes": [{"name": "VAT", "percent": "20"}]}, ["body", "name"]),
    ({"name": "X", "taxes": [{"name": "VAT", "percent": 20, "rate": 1}]}, ["body", "taxes", 0, "rate"]),
])
def test_bad_input_is_a_422_naming_the_field(api: Api, auth_header: Header, body: dict[str, Any],
                                             loc: list[Any]) -> None:
    admin = auth_header(api.login("admin"))
    response = api.client.post("/api/v1/tax-profiles", headers=admin, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == loc
    assert _counts(api) == (0, 0)


def test_a_profile_in_use_cannot_be_deleted_and_names_are_unique(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    profile = api.client.post("/api/v1/tax-profiles", headers=admin, json=UK).json()
    assert api.client.post("/api/v1/tax-profiles", headers=admin, json=UK).status_code == 409
    with api.session() as session:
        session.add(Account(number="1001", name="Customer", tax_profile_id=profile["id"]))
        session.commit()
    refused = api.client.delete(f"/api/v1/tax-profiles/{profile['id']}", headers=admin)
    assert refused.status_code == 409
    assert refused.json()["detail"] == ("tax profile 'UK' is still used by 1 account; give them another profile "
                                        "first")
    with api.session() as session:
        assert session.get(TaxProfile, profile["id"]) is not None
        assert session.scalars(select(Tax.percent).order_by(Tax.position)).all() == [Decimal(20), Decimal("2.5")]
