"""Customer trunks: IP or digest auth, the password kept only as HA1 and never shown, conflicts, admin only."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from switch_service.call_control.config import ControllerConfig
from switch_service.store.models import Account, AuditEntry, CustomerTrunk, Did
from switch_service.store.models.enums import DidKind

URL = "/api/v1/trunks"
PASSWORD = "s3cret-trunk-pass"


def _account(api: Api) -> int:
    with Session(api.engine) as session, session.begin():
        account = Account(number="500", name="PBX customer")
        session.add(account)
        session.flush()
        return account.id


def _counts(api: Api) -> tuple[int, int]:
    with Session(api.engine) as session:
        return (session.scalar(select(func.count()).select_from(CustomerTrunk)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _stored(api: Api, trunk_id: int) -> CustomerTrunk:
    with Session(api.engine) as session:
        trunk = session.get(CustomerTrunk, trunk_id)
        assert trunk is not None
        return trunk


def _ha1(username: str, password: str) -> str:
    """What the switch's digest check expects: MD5(user:realm:password) in the realm it challenges with."""
    realm = ControllerConfig().digest_realm
    return hashlib.md5(f"{username}:{realm}:{password}".encode(), usedforsecurity=False).hexdigest()


def test_ip_trunk_is_created_listed_and_audited(api: Api, auth_header: Header) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    response = api.client.post(URL, headers=admin, json={"account_id": account, "name": "Martin PBX", "auth": "ip",
                                                         "source_ip": "192.0.2.7", "max_channels": 10,
                                                         "cps_limit": 5})
    assert response.status_code == 201, response.text
    trunk = response.json()
    assert (trunk["auth"], trunk["source_ip"], trunk["username"], trunk["password_set"]) == (
        "ip", "192.0.2.7", None, False)
    assert (trunk["max_channels"], trunk["cps_limit"], trunk["active"]) == (10, 5, True)
    assert api.client.get(f"{URL}/{trunk['id']}", headers=admin).json() == trunk
    assert api.client.get(URL, headers=admin, params={"account_id": account}).json()["items"] == [trunk]
    assert api.client.get(URL, headers=admin, params={"q": "martin"}).json()["items"] == [trunk]
    with Session(api.engine) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "trunk")).one()
        assert (entry.action, entry.entity_id) == ("create", str(trunk["id"]))


def test_digest_password_is_kept_as_ha1_and_never_shown(api: Api, auth_header: Header) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    created = api.client.post(URL, headers=admin, json={"account_id": account, "name": "Roaming", "auth": "digest",
                                                        "username": "roam", "password": PASSWORD})
    assert created.status_code == 201, created.text
    trunk_id = created.json()["id"]
    assert (created.json()["username"], created.json()["password_set"]) == ("roam", True)
    assert _stored(api, trunk_id).password_ha1 == _ha1("roam", PASSWORD)
    renamed = api.client.patch(f"{URL}/{trunk_id}", headers=admin,
                               json={"username": "roam2", "password": "another-pass-9"})
    assert renamed.status_code == 200, renamed.text
    assert _stored(api, trunk_id).password_ha1 == _ha1("roam2", "another-pass-9")
    answers = created.text + renamed.text + api.client.get(URL, headers=admin).text
    with Session(api.engine) as session:
        changes = [entry.changes for entry in session.scalars(select(AuditEntry).where(AuditEntry.entity == "trunk"))]
    for secret in (PASSWORD, "another-pass-9", _ha1("roam", PASSWORD), _ha1("roam2", "another-pass-9")):
        assert secret not in answers
        assert all(secret not in change for change in changes)
    assert json.loads(changes[1]) == {"password": "changed", "username": {"from": "roam", "to": "roam2"}}


def test_patch_rules_for_digest_and_ip(api: Api, auth_header: Header) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    trunk_id = api.client.post(URL, headers=admin, json={"account_id": account, "name": "T", "auth": "digest",
                                                         "username": "u1", "password": PASSWORD}).json()["id"]
    before = _counts(api)
    for body, fields in (({"username": "u2"}, ["password"]), ({"auth": "ip"}, ["source_ip"]),
                         ({"auth": "ip", "source_ip": "192.0.2.1", "username": "u1"}, ["username"]),
                         ({"name": None}, ["name"]), ({"max_channels": -1}, ["max_channels"])):
        refused = api.client.patch(f"{URL}/{trunk_id}", headers=admin, json=body)
        assert refused.status_code == 422, refused.text
        assert [error["loc"][1] for error in refused.json()["detail"]] == fields
    assert _counts(api) == before
    kept_password = api.client.patch(f"{URL}/{trunk_id}", headers=admin, json={"max_channels": 4})
    assert kept_password.json()["password_set"] is True and kept_password.json()["max_channels"] == 4
    to_ip = api.client.patch(f"{URL}/{trunk_id}", headers=admin, json={"auth": "ip", "source_ip": "2001:db8::0:1"})
    assert to_ip.status_code == 200, to_ip.text
    assert (to_ip.json()["source_ip"], to_ip.json()["username"], to_ip.json()["password_set"]) == (
        "2001:db8::1", None, False)
    assert _stored(api, trunk_id).password_ha1 is None
    assert api.client.patch(f"{URL}/4242", headers=admin, json={"active": False}).status_code == 404


@pytest.mark.parametrize(("body", "fields"), [
    ({"auth": "ip"}, ["source_ip"]),
    ({"auth": "ip", "source_ip": "300.1.1.1"}, ["source_ip"]),
    ({"auth": "ip", "source_ip": "fe80::1%" + "z" * 60}, ["source_ip"]),
    ({"auth": "ip", "source_ip": "192.0.2.1", "username": "x", "password": PASSWORD}, ["username", "password"]),
    ({"auth": "digest"}, ["username", "password"]),
    ({"auth": "digest", "username": "a:b", "password": PASSWORD}, ["username"]),
    ({"auth": "digest", "username": "ab", "password": "short"}, ["password"]),
    ({"auth": "sip-tls", "source_ip": "192.0.2.1"}, ["auth"]),
    ({"auth": "ip", "source_ip": "192.0.2.1", "account_id": 999}, ["account_id"]),
    ({"auth": "ip", "source_ip": "192.0.2.1", "name": ""}, ["name"]),
    ({"auth": "ip", "source_ip": "192.0.2.1", "cps_limit": 10_001}, ["cps_limit"]),
    ({"auth": "ip", "source_ip": "192.0.2.1", "password_ha1": "0" * 32}, ["password_ha1"]),
])
def test_bad_trunk_is_422_naming_the_fields_and_writes_nothing(api: Api, auth_header: Header, body: dict[str, Any],
                                                               fields: list[str]) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = api.client.post(URL, headers=admin, json={"account_id": account, "name": "T", **body})
    assert response.status_code == 422, response.text
    assert [error["loc"][1] for error in response.json()["detail"]] == fields
    assert _counts(api) == before


def test_names_user_names_and_ip_addresses_are_not_shared(api: Api, auth_header: Header) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    first = {"account_id": account, "name": "A", "auth": "ip", "source_ip": "192.0.2.1"}
    assert api.client.post(URL, headers=admin, json=first).status_code == 201
    assert api.client.post(URL, headers=admin, json={"account_id": account, "name": "B", "auth": "digest",
                                                     "username": "bee", "password": PASSWORD}).status_code == 201
    before = _counts(api)
    for body, message in (({**first, "source_ip": "192.0.2.2"}, "trunk name 'A' is already in use"),
                          ({**first, "name": "C"}, "source IP 192.0.2.1 already identifies another IP trunk"),
                          ({"account_id": account, "name": "D", "auth": "digest", "username": "bee",
                            "password": PASSWORD}, "trunk user name 'bee' is already in use")):
        response = api.client.post(URL, headers=admin, json=body)
        assert response.status_code == 409, response.text
        assert response.json()["detail"] == message
    assert _counts(api) == before


def test_a_trunk_delivering_dids_is_not_deleted(api: Api, auth_header: Header) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    trunk_id = api.client.post(URL, headers=admin, json={"account_id": account, "name": "A", "auth": "ip",
                                                         "source_ip": "192.0.2.1"}).json()["id"]
    with Session(api.engine) as session, session.begin():
        session.add(Did(number="14165550000", kind=DidKind.TRUNK, account_id=account, trunk_id=trunk_id))
    refused = api.client.delete(f"{URL}/{trunk_id}", headers=admin)
    assert refused.status_code == 409
    assert refused.json()["detail"] == f"trunk {trunk_id} delivers DIDs 14165550000: change or delete them first"
    with Session(api.engine) as session, session.begin():
        session.execute(delete(Did))
    assert api.client.delete(f"{URL}/{trunk_id}", headers=admin).status_code == 204
    assert api.client.get(f"{URL}/{trunk_id}", headers=admin).status_code == 404
    with Session(api.engine) as session:
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "trunk")).all() == [
            "create", "delete"]


@pytest.mark.parametrize("username", ["support", "north"])
def test_only_admins_see_or_change_trunks(api: Api, auth_header: Header, username: str) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    trunk_id = api.client.post(URL, headers=admin, json={"account_id": account, "name": "A", "auth": "ip",
                                                         "source_ip": "192.0.2.1"}).json()["id"]
    other = auth_header(api.login(username))
    before = _counts(api)
    for response in (api.client.get(URL, headers=other), api.client.get(f"{URL}/{trunk_id}", headers=other),
                     api.client.post(URL, headers=other, json={"account_id": account, "name": "B", "auth": "ip",
                                                               "source_ip": "192.0.2.9"}),
                     api.client.patch(f"{URL}/{trunk_id}", headers=other, json={"active": False}),
                     api.client.delete(f"{URL}/{trunk_id}", headers=other)):
        assert response.status_code == 403, response.text
    assert _counts(api) == before
