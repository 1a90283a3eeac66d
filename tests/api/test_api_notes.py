"""Account notes: admin and support add and read them; author and UTC time are recorded and audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, AccountNote, AuditEntry


def _account(api: Api, number: str = "100", reseller_id: int | None = None) -> int:
    with Session(api.engine) as session:
        account = Account(number=number, name=f"Customer {number}", reseller_id=reseller_id)
        session.add(account)
        session.commit()
        return account.id


def _notes(api: Api) -> list[AccountNote]:
    with Session(api.engine) as session:
        return list(session.scalars(select(AccountNote)))


@pytest.mark.parametrize("role", ["admin", "support"])
def test_add_and_list_records_author_and_utc_time(api: Api, auth_header: Header, users: dict[str, int],
                                                  role: str) -> None:
    headers = auth_header(api.login(role))
    account = _account(api)
    before = dt.datetime.now(dt.UTC)
    first = api.client.post(f"/api/v1/accounts/{account}/notes", headers=headers,
                            json={"text": "  called about the invoice  "})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["text"] == "called about the invoice"
    assert body["author_id"] == users[role]
    assert body["author"] == role
    at = dt.datetime.fromisoformat(body["at"])
    assert at.utcoffset() == dt.timedelta(0)
    assert before - dt.timedelta(seconds=1) <= at <= dt.datetime.now(dt.UTC)
    api.client.post(f"/api/v1/accounts/{account}/notes", headers=headers, json={"text": "second"})
    listed = api.client.get(f"/api/v1/accounts/{account}/notes", headers=headers)
    assert listed.status_code == 200
    assert [n["text"] for n in listed.json()] == ["second", "called about the invoice"]
    assert listed.json()[1] == body
    with Session(api.engine) as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "account_note")))
    assert [(e.action, e.actor) for e in entries] == [("create", role), ("create", role)]
    assert entries[0].entity_id == str(body["id"])


@pytest.mark.parametrize(("body", "field"), [
    ({"text": ""}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "x" * 4001}, "text"),
    ({}, "text"),
    ({"text": "ok", "author_id": 1}, "author_id"),
])
def test_bad_note_is_422_naming_the_field_and_writes_nothing(api: Api, auth_header: Header,
                                                             body: dict[str, Any], field: str) -> None:
    headers = auth_header(api.login("admin"))
    account = _account(api)
    with Session(api.engine) as session:
        audits = session.scalar(select(func.count()).select_from(AuditEntry))
    response = api.client.post(f"/api/v1/accounts/{account}/notes", headers=headers, json=body)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _notes(api) == []
    with Session(api.engine) as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_reseller_is_403_even_within_its_subtree(api: Api, auth_header: Header,
                                                resellers: dict[str, int]) -> None:
    north = auth_header(api.login("north"))
    account = _account(api, reseller_id=resellers["north"])
    assert api.client.get(f"/api/v1/accounts/{account}/notes", headers=north).status_code == 403
    response = api.client.post(f"/api/v1/accounts/{account}/notes", headers=north, json={"text": "hi"})
    assert response.status_code == 403
    assert _notes(api) == []


def test_unknown_account_is_404(api: Api, auth_header: Header) -> None:
    support = auth_header(api.login("support"))
    assert api.client.get("/api/v1/accounts/4242/notes", headers=support).status_code == 404
    response = api.client.post("/api/v1/accounts/4242/notes", headers=support, json={"text": "hi"})
    assert response.status_code == 404
    assert _notes(api) == []


def test_sign_in_is_required(api: Api) -> None:
    assert api.client.get("/api/v1/accounts/1/notes").status_code == 401
