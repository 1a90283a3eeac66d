"""Users (admins only): list and create without ever showing a password hash, role and password changes,
deactivation that ends the user's tokens at once, and the last active admin kept (409)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_harness import PASSWORD, Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import ApiSession, AuditEntry, User

URL = "/api/v1/users"
NEW_PASSWORD = "a new passphrase"
USER_FIELDS = {"id", "username", "role", "reseller_id", "active", "last_login_at", "created_at", "updated_at"}


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


def _counts(api: Api) -> tuple[int, int]:
    with Session(api.engine) as session:
        return (session.scalar(select(func.count()).select_from(User)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _login_status(api: Api, username: str, password: str = PASSWORD) -> int:
    return api.client.post("/api/v1/auth/login", json={"username": username, "password": password}).status_code


def test_list_and_get_never_show_password_hashes(api: Api, admin: dict[str, Any], users: dict[str, int]) -> None:
    first = api.client.get(URL, headers=admin, params={"limit": 3}).json()
    rest = api.client.get(URL, headers=admin, params={"after": first["next_after"]}).json()
    items = first["items"] + rest["items"]
    assert [u["username"] for u in items] == ["admin", "support", "north", "south"]
    assert all(set(item) == USER_FIELDS for item in items)
    north = api.client.get(f"{URL}/{users['north']}", headers=admin)
    assert set(north.json()) == USER_FIELDS and "scrypt" not in north.text and "hash" not in north.text
    assert north.json()["role"] == "reseller" and north.json()["reseller_id"] is not None
    resellers_only = api.client.get(URL, headers=admin, params={"role": "reseller"}).json()["items"]
    assert [u["username"] for u in resellers_only] == ["north", "south"]
    assert [u["username"] for u in api.client.get(URL, headers=admin, params={"q": "sup"}).json()["items"]] == [
        "support"]
    assert api.client.get(f"{URL}/9999", headers=admin).status_code == 404


def test_create_user_then_sign_in(api: Api, admin: dict[str, Any], resellers: dict[str, int]) -> None:
    response = api.client.post(URL, headers=admin, json={"username": "east.desk", "password": NEW_PASSWORD,
                                                         "role": "reseller", "reseller_id": resellers["north_east"]})
    assert response.status_code == 201, response.text
    created = response.json()
    assert set(created) == USER_FIELDS
    assert (created["role"], created["reseller_id"], created["active"]) == ("reseller", resellers["north_east"], True)
    assert _login_status(api, "east.desk", NEW_PASSWORD) == 200
    with Session(api.engine) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "user")).one()
    assert json.loads(entry.changes) == {"username": "east.desk", "role": "reseller",
                                         "reseller_id": resellers["north_east"]}
    assert NEW_PASSWORD not in entry.changes
    response = api.client.post(URL, headers=admin, json={"username": "east.desk", "password": NEW_PASSWORD,
                                                         "role": "support"})
    assert response.status_code == 409


@pytest.mark.parametrize(("body", "field"), [
    ({"username": "x", "password": NEW_PASSWORD, "role": "support"}, "username"),
    ({"username": "bad name", "password": NEW_PASSWORD, "role": "support"}, "username"),
    ({"username": "carol", "password": "nine char", "role": "support"}, "password"),
    ({"username": "carol", "password": NEW_PASSWORD, "role": "owner"}, "role"),
    ({"username": "carol", "password": NEW_PASSWORD, "role": "reseller"}, "reseller_id"),
    ({"username": "carol", "password": NEW_PASSWORD, "role": "support", "reseller_id": "NORTH"}, "reseller_id"),
    ({"username": "carol", "password": NEW_PASSWORD, "role": "reseller", "reseller_id": 9999}, "reseller_id"),
])
def test_bad_user_is_422_naming_the_field_and_writes_nothing(api: Api, admin: dict[str, Any],
                                                             resellers: dict[str, int], body: dict[str, Any],
                                                             field: str) -> None:
    body = dict(body, **({"reseller_id": resellers["north"]} if body.get("reseller_id") == "NORTH" else {}))
    before = _counts(api)
    response = api.client.post(URL, headers=admin, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert _counts(api) == before


def test_role_changes_keep_reseller_id_consistent(api: Api, admin: dict[str, Any], users: dict[str, int],
                                                  resellers: dict[str, int]) -> None:
    response = api.client.patch(f"{URL}/{users['north']}", headers=admin, json={"role": "support"})
    assert response.status_code == 200, response.text
    assert (response.json()["role"], response.json()["reseller_id"]) == ("support", None)
    response = api.client.patch(f"{URL}/{users['support']}", headers=admin, json={"role": "reseller"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "reseller_id"]
    response = api.client.patch(f"{URL}/{users['support']}", headers=admin,
                                json={"role": "reseller", "reseller_id": resellers["south"]})
    assert (response.json()["role"], response.json()["reseller_id"]) == ("reseller", resellers["south"])
    response = api.client.patch(f"{URL}/{users['south']}", headers=admin, json={"reseller_id": resellers["north"]})
    assert response.json()["reseller_id"] == resellers["north"]
    response = api.client.patch(f"{URL}/{users['admin']}", headers=admin, json={"reseller_id": resellers["north"]})
    assert response.status_code == 422
    assert api.client.patch(f"{URL}/{users['admin']}", headers=admin, json={"role": None}).status_code == 422


def test_password_reset_signs_the_user_out_everywhere_else(api: Api, auth_header: Header, admin: dict[str, Any],
                                                          users: dict[str, int]) -> None:
    support_token = auth_header(api.login("support"))
    response = api.client.patch(f"{URL}/{users['support']}", headers=admin, json={"password": NEW_PASSWORD})
    assert response.status_code == 200, response.text
    assert api.client.get("/api/v1/auth/me", headers=support_token).status_code == 401
    assert _login_status(api, "support") == 401
    assert _login_status(api, "support", NEW_PASSWORD) == 200
    other_admin_session = auth_header(api.login("admin"))
    response = api.client.patch(f"{URL}/{users['admin']}", headers=admin, json={"password": NEW_PASSWORD})
    assert response.status_code == 200
    assert api.client.get("/api/v1/auth/me", headers=admin).status_code == 200  # the token that asked stays
    assert api.client.get("/api/v1/auth/me", headers=other_admin_session).status_code == 401
    with Session(api.engine) as session:
        entries = session.scalars(select(AuditEntry.changes).where(AuditEntry.entity == "user")).all()
    assert [json.loads(changes) for changes in entries] == [{"password": "reset"}, {"password": "reset"}]


def test_deactivated_users_token_stops_working_at_once(api: Api, auth_header: Header, admin: dict[str, Any],
                                                       users: dict[str, int]) -> None:
    north = auth_header(api.login("north"))
    assert api.client.get("/api/v1/accounts", headers=north).status_code == 200
    response = api.client.delete(f"{URL}/{users['north']}", headers=admin)
    assert response.status_code == 200 and response.json()["active"] is False
    assert api.client.get("/api/v1/accounts", headers=north).status_code == 401
    assert _login_status(api, "north") == 401
    with Session(api.engine) as session:
        assert session.scalar(select(func.count()).select_from(ApiSession)
                              .where(ApiSession.user_id == users["north"])) == 0
    assert api.client.delete(f"{URL}/{users['north']}", headers=admin).status_code == 200  # already inactive
    response = api.client.patch(f"{URL}/{users['north']}", headers=admin, json={"active": True})
    assert response.json()["active"] is True
    assert _login_status(api, "north") == 200
    south = auth_header(api.login("south"))
    assert api.client.patch(f"{URL}/{users['south']}", headers=admin, json={"active": False}).status_code == 200
    assert api.client.get("/api/v1/auth/me", headers=south).status_code == 401


def test_the_last_active_admin_cannot_leave(api: Api, auth_header: Header, admin: dict[str, Any],
                                            users: dict[str, int]) -> None:
    me = f"{URL}/{users['admin']}"
    for method, body in (("DELETE", None), ("PATCH", {"active": False}), ("PATCH", {"role": "support"})):
        response = api.client.request(method, me, headers=admin, json=body)
        assert response.status_code == 409, (method, body, response.text)
        assert "last active admin" in response.json()["detail"]
    assert api.client.get("/api/v1/auth/me", headers=admin).status_code == 200
    second = api.client.post(URL, headers=admin, json={"username": "second", "password": NEW_PASSWORD,
                                                       "role": "admin"}).json()
    assert api.client.patch(f"{URL}/{second['id']}", headers=admin, json={"active": False}).status_code == 200
    assert api.client.delete(me, headers=admin).status_code == 409  # the other admin is inactive
    api.client.patch(f"{URL}/{second['id']}", headers=admin, json={"active": True})
    response = api.client.patch(me, headers=admin, json={"role": "support"})
    assert response.status_code == 200 and response.json()["role"] == "support"
    second_admin = auth_header(api.login("second", NEW_PASSWORD))
    response = api.client.delete(f"{URL}/{second['id']}", headers=second_admin)
    assert response.status_code == 409


@pytest.mark.parametrize("role", ["support", "north"])
def test_only_admins_manage_users(api: Api, auth_header: Header, users: dict[str, int], role: str) -> None:
    headers = auth_header(api.login(role))
    before = _counts(api)
    for method, url, body in (("GET", URL, None), ("GET", f"{URL}/{users['admin']}", None),
                              ("POST", URL, {"username": "carol", "password": NEW_PASSWORD, "role": "admin"}),
                              ("PATCH", f"{URL}/{users[role]}", {"role": "admin"}),
                              ("DELETE", f"{URL}/{users['admin']}", None)):
        assert api.client.request(method, url, headers=headers, json=body).status_code == 403, (method, url)
    assert _counts(api)[0] == before[0]
    with Session(api.engine) as session:
        user = session.get(User, users[role])
        assert user is not None and user.role.value != "admin"
