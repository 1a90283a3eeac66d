"""A retail store's agent PIN through the API on SQLite, PostgreSQL and MariaDB: drawn by the service and shown once
(only its keyed index is stored; no later answer, nor the audit log, holds it), a new one replaces the old, revoking
removes it; admins do it for any reseller, a reseller user for its own and those below it, never another's (404),
and support not at all (403)."""

from __future__ import annotations

from typing import Any

import pytest
from api_harness import PASSWORD, Api
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.store.models import AuditEntry, Reseller

API = "/api/v1"

pytestmark = pytest.mark.databases


def _bearer(api: Api, username: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api.login(username)}"}


def _ok(response: Any, code: int = 200) -> Any:
    assert response.status_code == code, response.text
    return response.json() if response.content else None


def _reseller(api: Api, admin: dict[str, str], name: str, parent: int | None = None) -> int:
    return int(_ok(api.client.post(f"{API}/resellers", headers=admin,
                                   json={"name": name, "parent_id": parent, "currency": "USD"}), 201)["id"])


def _user(api: Api, admin: dict[str, str], username: str, role: str, reseller: int | None = None) -> None:
    _ok(api.client.post(f"{API}/users", headers=admin, json={"username": username, "password": PASSWORD,
                                                             "role": role, "reseller_id": reseller}), 201)


def _stored_index(api: Api, reseller_id: int) -> str | None:
    with Session(api.engine) as session:
        return session.scalar(select(Reseller.agent_pin_index).where(Reseller.id == reseller_id))


def test_an_agent_pin_is_shown_once_replaced_and_revoked(any_api: Api) -> None:
    api = any_api
    admin = _bearer(api, "admin")
    shop = _reseller(api, admin, "Corner Shop")
    assert _ok(api.client.get(f"{API}/resellers/{shop}", headers=admin))["agent_pin_issued_at"] is None

    issued = _ok(api.client.post(f"{API}/resellers/{shop}/agent-pin", headers=admin), 201)
    pin = issued["agent_pin"]
    assert issued["reseller_id"] == shop and pin.isdigit() and len(pin) == 10
    cipher = api.client.app.state.context.pins()  # type: ignore[attr-defined]
    assert _stored_index(api, shop) == cipher.index(pin)  # found by its keyed index, the PIN itself kept nowhere
    shown = api.client.get(f"{API}/resellers/{shop}", headers=admin)
    assert shown.json()["agent_pin_issued_at"] is not None and pin not in shown.text
    assert pin not in api.client.get(f"{API}/resellers", headers=admin).text

    again = _ok(api.client.post(f"{API}/resellers/{shop}/agent-pin", headers=admin), 201)["agent_pin"]
    assert again != pin and _stored_index(api, shop) == cipher.index(again)  # the old PIN opens nothing now

    _ok(api.client.delete(f"{API}/resellers/{shop}/agent-pin", headers=admin), 204)
    assert _stored_index(api, shop) is None
    assert _ok(api.client.get(f"{API}/resellers/{shop}", headers=admin))["agent_pin_issued_at"] is None
    gone = api.client.delete(f"{API}/resellers/{shop}/agent-pin", headers=admin)
    assert (gone.status_code, gone.json()["code"]) == (404, "not_found")

    with Session(api.engine) as session:
        audit = session.execute(select(AuditEntry.action, AuditEntry.changes)
                                .where(AuditEntry.entity == "reseller_agent_pin").order_by(AuditEntry.id)).all()
    assert [action for action, _ in audit] == ["update", "update", "delete"]
    assert not any(pin in changes or again in changes for _, changes in audit)


def test_a_reseller_user_issues_pins_in_its_own_subtree_only(any_api: Api) -> None:
    api = any_api
    admin = _bearer(api, "admin")
    north = _reseller(api, admin, "North")
    shop = _reseller(api, admin, "North Shop", north)
    south = _reseller(api, admin, "South")
    _user(api, admin, "north", "reseller", north)
    _user(api, admin, "support", "support")
    user = _bearer(api, "north")

    for own in (north, shop):  # itself, and a store below it
        assert _ok(api.client.post(f"{API}/resellers/{own}/agent-pin", headers=user), 201)["reseller_id"] == own
    other = api.client.post(f"{API}/resellers/{south}/agent-pin", headers=user)
    assert other.status_code == 404 and _stored_index(api, south) is None  # another's: not even that it exists
    assert api.client.delete(f"{API}/resellers/{south}/agent-pin", headers=user).status_code == 404
    _ok(api.client.delete(f"{API}/resellers/{shop}/agent-pin", headers=user), 204)

    support = _bearer(api, "support")
    refused = api.client.post(f"{API}/resellers/{north}/agent-pin", headers=support)
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    assert _stored_index(api, shop) is None and _stored_index(api, north) is not None
