"""Free-minute packages through the API: create, list, update, delete refused while assigned; assigning one to an
account opens its period in the account's time zone, and the account's list shows the seconds used."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select, update

from switch_service.store.models import Account, AccountPackage, AuditEntry, Package
from switch_service.store.repositories.package_renewals import renew_packages

UK_300 = {"name": "UK 300", "period": "monthly", "free_seconds": 18000, "prefixes": ["447", "44"], "fee": "4.99"}


def _account(api: Api, time_zone: str = "UTC") -> int:
    with api.session() as session:
        account = Account(number="1001", name="Customer", time_zone=time_zone)
        session.add(account)
        session.commit()
        return account.id


def _entries(api: Api) -> int:
    with api.session() as session:
        return session.scalar(select(func.count()).select_from(AccountPackage)) or 0


def test_create_list_update_and_delete_a_package(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    created = api.client.post("/api/v1/packages", headers=admin, json=UK_300)
    assert created.status_code == 201, created.text
    package = created.json()
    assert (package["prefixes"], package["fee"], package["period"]) == (["44", "447"], "4.990000", "monthly")
    with api.session() as session:
        stored = session.get(Package, package["id"])
        assert stored is not None
        assert stored.prefixes == "44,447"
    api.client.post("/api/v1/packages", headers=admin, json={"name": "FR daily", "period": "daily",
                                                             "free_seconds": 600, "prefixes": ["33"]})
    first = api.client.get("/api/v1/packages?limit=1", headers=admin).json()
    assert ([p["name"] for p in first["items"]], first["next_after"]) == (["UK 300"], package["id"])
    assert [p["name"] for p in api.client.get(f"/api/v1/packages?after={package['id']}",
                                              headers=admin).json()["items"]] == ["FR daily"]
    url = f"/api/v1/packages/{package['id']}"
    patched = api.client.patch(url, headers=admin, json={"free_seconds": 6000, "prefixes": ["44"]}).json()
    assert (patched["free_seconds"], patched["prefixes"], patched["fee"]) == (6000, ["44"], "4.990000")
    assert api.client.get(url, headers=admin).json() == patched
    assert api.client.delete(url, headers=admin).status_code == 204
    assert api.client.get(url, headers=admin).status_code == 404
    with api.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "package")
                                  .order_by(AuditEntry.id)).all()
    assert actions == ["create", "create", "update", "delete"]


@pytest.mark.parametrize(("change", "loc"), [
    ({"prefixes": ["44", "4a"]}, ["body", "prefixes", 1]),
    ({"prefixes": []}, ["body", "prefixes"]),
    ({"prefixes": ["44", "44"]}, ["body", "prefixes"]),
    ({"free_seconds": -1}, ["body", "free_seconds"]),
    ({"fee": "-1"}, ["body", "fee"]),
    ({"fee": "1.0000001"}, ["body", "fee"]),
    ({"period": "yearly"}, ["body", "period"]),
])
def test_bad_input_is_a_422_naming_the_field(api: Api, auth_header: Header, change: dict[str, Any],
                                             loc: list[Any]) -> None:
    admin = auth_header(api.login("admin"))
    response = api.client.post("/api/v1/packages", headers=admin, json={**UK_300, **change})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == loc
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(Package)) == 0


def test_assign_a_package_and_list_the_account_packages_with_used_seconds(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account_id = _account(api, "America/New_York")
    package = api.client.post("/api/v1/packages", headers=admin, json=UK_300).json()
    url = f"/api/v1/accounts/{account_id}/packages"
    # 02:00 UTC on 1 March is still February in New York: the period starts 1 February, local midnight.
    assigned = api.client.post(url, headers=admin, json={"package_id": package["id"], "at": "2026-03-01T02:00:00Z"})
    assert assigned.status_code == 201, assigned.text
    entry = assigned.json()
    assert entry == {"id": entry["id"], "account_id": account_id, "package_id": package["id"],
                     "package_name": "UK 300", "period": "monthly", "period_start": "2026-02-01T05:00:00Z",
                     "free_seconds": 18000, "used_seconds": 0, "remaining_seconds": 18000}
    again = api.client.post(url, headers=admin, json={"package_id": package["id"], "at": "2026-02-15T12:00:00Z"})
    assert again.status_code == 409
    march = api.client.post(url, headers=admin, json={"package_id": package["id"], "at": "2026-03-15T12:00:00Z"})
    assert march.json()["period_start"] == "2026-03-01T05:00:00Z"
    payments = api.client.get(f"/api/v1/accounts/{account_id}/payments", headers=admin).json()["items"]
    assert [(p["kind"], p["amount"], p["reference"]) for p in payments] == [  # newest first; the 409 charged nothing
        ("fee", "4.990000", "UK 300 from 2026-03-01"), ("fee", "4.990000", "UK 300 from 2026-02-01")]
    assert api.client.get(f"/api/v1/accounts/{account_id}", headers=admin).json()["balance"] == "-9.980000"
    with api.session() as session:  # calls used some of February's seconds
        session.execute(update(AccountPackage).where(AccountPackage.id == entry["id"]).values(used_seconds=18500))
        session.commit()
    listed = api.client.get(f"{url}?limit=1", headers=admin).json()
    assert [(e["used_seconds"], e["remaining_seconds"]) for e in listed["items"]] == [(18500, 0)]
    rest = api.client.get(f"{url}?after={listed['next_after']}", headers=admin).json()
    assert ([e["period_start"] for e in rest["items"]], rest["next_after"]) == (["2026-03-01T05:00:00Z"], None)

    refused = api.client.delete(f"/api/v1/packages/{package['id']}", headers=admin)
    assert refused.status_code == 409
    assert refused.json()["detail"] == "package 'UK 300' is still used by 1 account; remove it from them first"
    for row in (entry, march.json()):
        assert api.client.delete(f"{url}/{row['id']}", headers=admin).status_code == 204
    assert _entries(api) == 0
    assert api.client.delete(f"/api/v1/packages/{package['id']}", headers=admin).status_code == 204


def test_assigning_checks_the_account_and_the_package(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account_id = _account(api)
    missing = api.client.post(f"/api/v1/accounts/{account_id}/packages", headers=admin, json={"package_id": 99})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "package_id"]
    package = api.client.post("/api/v1/packages", headers=admin, json=UK_300).json()
    assert api.client.post("/api/v1/accounts/999/packages", headers=admin,
                           json={"package_id": package["id"]}).status_code == 404
    naive = api.client.post(f"/api/v1/accounts/{account_id}/packages", headers=admin,
                            json={"package_id": package["id"], "at": "2026-03-01T00:00:00"})
    assert naive.status_code == 422
    assert naive.json()["detail"][0]["loc"] == ["body", "at"]
    assert api.client.delete(f"/api/v1/accounts/{account_id}/packages/5", headers=admin).status_code == 404
    assert _entries(api) == 0


def test_deleting_a_renewed_period_stops_the_package_for_good(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    ana = _account(api)
    with api.session() as session:
        bob_account = Account(number="1002", name="Bob", time_zone="UTC")
        session.add(bob_account)
        session.commit()
        bob = bob_account.id
    package = api.client.post("/api/v1/packages", headers=admin, json=UK_300).json()
    for account_id in (ana, bob):
        assigned = api.client.post(f"/api/v1/accounts/{account_id}/packages", headers=admin,
                                   json={"package_id": package["id"], "at": "2026-02-15T12:00:00Z"})
        assert assigned.status_code == 201, assigned.text
    march, april = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    assert [r.account_id for r in renew_packages(api.engine, march + dt.timedelta(days=4))] == [ana, bob]
    with api.session() as session:
        bobs_march = session.scalars(select(AccountPackage.id).where(AccountPackage.account_id == bob,
                                                                     AccountPackage.period_start == march)).one()
    assert api.client.delete(f"/api/v1/accounts/{bob}/packages/{bobs_march}", headers=admin).status_code == 204
    assert renew_packages(api.engine, march + dt.timedelta(days=5)) == []  # not reopened, not charged again
    assert [r.account_id for r in renew_packages(api.engine, april + dt.timedelta(days=4))] == [ana]
    with api.session() as session:
        anas_april = session.scalars(select(AccountPackage.id).where(AccountPackage.account_id == ana,
                                                                     AccountPackage.period_start == april)).one()
    assert anas_april == bobs_march  # SQLite hands a deleted last row's id out again: receipts must not use it

    def fees(account_id: int) -> list[str]:
        items = api.client.get(f"/api/v1/accounts/{account_id}/payments", headers=admin).json()["items"]
        return [p["reference"] for p in items if p["kind"] == "fee"]

    assert fees(ana) == ["UK 300 from 2026-04-01", "UK 300 from 2026-03-01", "UK 300 from 2026-02-01"]
    assert fees(bob) == ["UK 300 from 2026-03-01", "UK 300 from 2026-02-01"]  # March charged once, April never


def test_an_assignment_sent_again_with_its_key_charges_the_fee_once(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account_id = _account(api)
    package = api.client.post("/api/v1/packages", headers=admin, json=UK_300).json()
    url = f"/api/v1/accounts/{account_id}/packages"
    keyed = {**admin, "Idempotency-Key": "assign-1"}
    first = api.client.post(url, headers=keyed, json={"package_id": package["id"]})
    again = api.client.post(url, headers=keyed, json={"package_id": package["id"]})
    assert (first.status_code, again.status_code, again.json()) == (201, 201, first.json())
    payments = api.client.get(f"/api/v1/accounts/{account_id}/payments", headers=admin).json()["items"]
    assert [(p["kind"], p["amount"]) for p in payments] == [("fee", "4.990000")]
    assert _entries(api) == 1
