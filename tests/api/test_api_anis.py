"""ANIs: register (normalised to E.164 digits), list, remove; duplicates, validation and reseller visibility."""

from __future__ import annotations

from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Ani, AuditEntry


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


def _account(api: Api, number: str, reseller_id: int | None = None) -> int:
    with Session(api.engine) as session:
        account = Account(number=number, name=f"Customer {number}", reseller_id=reseller_id)
        session.add(account)
        session.commit()
        return account.id


def _count(api: Api, model: type[Ani] | type[AuditEntry]) -> int:
    with Session(api.engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_register_normalises_lists_and_audits(api: Api, admin: dict[str, Any]) -> None:
    account = _account(api, "100")
    response = api.client.post(f"/api/v1/accounts/{account}/anis", headers=admin,
                               json={"number": "+44 (20) 7946-0958"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["number"] == "442079460958"
    assert body["account_id"] == account
    national = api.client.post(f"/api/v1/accounts/{account}/anis", headers=admin,
                               json={"number": "(212) 555-0100"})
    assert national.json()["number"] == "12125550100"  # the default region is US
    listed = api.client.get(f"/api/v1/accounts/{account}/anis", headers=admin).json()
    assert [a["number"] for a in listed] == ["442079460958", "12125550100"]
    with Session(api.engine) as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "ani")))
    assert [(e.action, e.actor) for e in entries] == [("create", "admin"), ("create", "admin")]
    assert '"number": "442079460958"' in entries[0].changes


@pytest.mark.parametrize(("body", "field"), [
    ({"number": "not a number"}, "number"),
    ({"number": "+1 12"}, "number"),
    ({"number": ""}, "number"),
    ({}, "number"),
    ({"number": "2125550100", "colour": "red"}, "colour"),
])
def test_bad_number_is_422_naming_the_field_and_writes_nothing(api: Api, admin: dict[str, Any],
                                                               body: dict[str, Any], field: str) -> None:
    account = _account(api, "100")
    audits = _count(api, AuditEntry)
    response = api.client.post(f"/api/v1/accounts/{account}/anis", headers=admin, json=body)
    assert response.status_code == 422, response.text
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _count(api, Ani) == 0
    assert _count(api, AuditEntry) == audits


def test_number_registered_to_any_account_is_409(api: Api, admin: dict[str, Any]) -> None:
    first, second = _account(api, "100"), _account(api, "200")
    ok = api.client.post(f"/api/v1/accounts/{first}/anis", headers=admin, json={"number": "+12125550100"})
    assert ok.status_code == 201
    for account in (first, second):
        response = api.client.post(f"/api/v1/accounts/{account}/anis", headers=admin,
                                   json={"number": "001 212 555 0100"})
        assert response.status_code == 409
        assert response.json()["detail"] == "ANI 12125550100 is already registered to an account"
    assert _count(api, Ani) == 1


def test_delete_removes_and_audits(api: Api, admin: dict[str, Any]) -> None:
    account = _account(api, "100")
    ani = api.client.post(f"/api/v1/accounts/{account}/anis", headers=admin,
                          json={"number": "+12125550100"}).json()
    response = api.client.delete(f"/api/v1/anis/{ani['id']}", headers=admin)
    assert response.status_code == 204
    assert _count(api, Ani) == 0
    with Session(api.engine) as session:
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "ani")))
    assert actions == ["create", "delete"]
    again = api.client.delete(f"/api/v1/anis/{ani['id']}", headers=admin)
    assert again.status_code == 404
    assert again.json()["detail"] == f"ANI {ani['id']} does not exist"


def test_unknown_account_is_404(api: Api, admin: dict[str, Any]) -> None:
    assert api.client.get("/api/v1/accounts/4242/anis", headers=admin).status_code == 404
    response = api.client.post("/api/v1/accounts/4242/anis", headers=admin, json={"number": "+12125550100"})
    assert response.status_code == 404
    assert response.json()["detail"] == "account 4242 does not exist"


def test_support_may_manage_anis(api: Api, auth_header: Header) -> None:
    support = auth_header(api.login("support"))
    account = _account(api, "100")
    created = api.client.post(f"/api/v1/accounts/{account}/anis", headers=support,
                              json={"number": "+12125550100"})
    assert created.status_code == 201
    assert api.client.delete(f"/api/v1/anis/{created.json()['id']}", headers=support).status_code == 204


def test_reseller_only_within_its_subtree(api: Api, auth_header: Header, admin: dict[str, Any],
                                          resellers: dict[str, int]) -> None:
    child = _account(api, "100", resellers["north_east"])
    other = _account(api, "200", resellers["south"])
    direct = _account(api, "300")
    other_ani = api.client.post(f"/api/v1/accounts/{other}/anis", headers=admin,
                                json={"number": "+12125550199"}).json()
    north = auth_header(api.login("north"))
    created = api.client.post(f"/api/v1/accounts/{child}/anis", headers=north, json={"number": "+12125550100"})
    assert created.status_code == 201
    assert len(api.client.get(f"/api/v1/accounts/{child}/anis", headers=north).json()) == 1
    for hidden in (other, direct):
        assert api.client.get(f"/api/v1/accounts/{hidden}/anis", headers=north).status_code == 404
        response = api.client.post(f"/api/v1/accounts/{hidden}/anis", headers=north,
                                   json={"number": "+12125550101"})
        assert response.status_code == 404
    assert api.client.delete(f"/api/v1/anis/{other_ani['id']}", headers=north).status_code == 404
    assert _count(api, Ani) == 2
    south = auth_header(api.login("south"))
    assert api.client.delete(f"/api/v1/anis/{created.json()['id']}", headers=south).status_code == 404
    assert api.client.delete(f"/api/v1/anis/{created.json()['id']}", headers=north).status_code == 204


def test_sign_in_is_required(api: Api) -> None:
    assert api.client.get("/api/v1/accounts/1/anis").status_code == 401
    assert api.client.delete("/api/v1/anis/1").status_code == 401
