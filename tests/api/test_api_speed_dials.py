"""Speed dials of an account: E.164 numbers, one number a slot, audit, and who may touch whose account."""

from __future__ import annotations

from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, AuditEntry, SpeedDial


def _account(api: Api, number: str, reseller_id: int | None = None) -> int:
    with Session(api.engine) as session, session.begin():
        account = Account(number=number, name=number, reseller_id=reseller_id)
        session.add(account)
        session.flush()
        return account.id


def _counts(api: Api) -> tuple[int, int]:
    with Session(api.engine) as session:
        return (session.scalar(select(func.count()).select_from(SpeedDial)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _url(account_id: int) -> str:
    return f"/api/v1/accounts/{account_id}/speed-dials"


@pytest.mark.parametrize("username", ["admin", "support"])
def test_staff_add_list_and_remove_speed_dials(api: Api, auth_header: Header, username: str) -> None:
    account = _account(api, "100")
    headers = auth_header(api.login(username))
    home = api.client.post(_url(account), headers=headers, json={"slot": 2, "number": "+52 55 1234 5678",
                                                                 "label": "Home"})
    assert home.status_code == 201, home.text
    assert {key: home.json()[key] for key in ("account_id", "slot", "number", "label")} == {
        "account_id": account, "slot": 2, "number": "525512345678", "label": "Home"}
    office = api.client.post(_url(account), headers=headers, json={"slot": 0, "number": "(212) 555-0102"})
    assert office.status_code == 201, office.text
    listed = api.client.get(_url(account), headers=headers).json()
    assert [(row["slot"], row["number"], row["label"]) for row in listed] == [
        (0, "12125550102", ""), (2, "525512345678", "Home")]
    assert api.client.delete(f"/api/v1/speed-dials/{home.json()['id']}", headers=headers).status_code == 204
    assert [row["slot"] for row in api.client.get(_url(account), headers=headers).json()] == [0]
    with Session(api.engine) as session:
        audited = session.execute(select(AuditEntry.action, AuditEntry.actor).where(AuditEntry.entity == "speed_dial")
                                  .order_by(AuditEntry.id)).all()
        assert [tuple(row) for row in audited] == [("create", username), ("create", username), ("delete", username)]


def test_a_taken_slot_is_409(api: Api, auth_header: Header) -> None:
    account = _account(api, "100")
    admin = auth_header(api.login("admin"))
    assert api.client.post(_url(account), headers=admin, json={"slot": 1, "number": "13055550101"}).status_code == 201
    before = _counts(api)
    taken = api.client.post(_url(account), headers=admin, json={"slot": 1, "number": "13055550102"})
    assert taken.status_code == 409
    assert taken.json()["detail"] == "speed-dial slot 1 is already in use on this account; remove it first"
    assert _counts(api) == before


@pytest.mark.parametrize(("body", "field"), [
    ({"slot": 100, "number": "13055550101"}, "slot"),
    ({"slot": -1, "number": "13055550101"}, "slot"),
    ({"slot": 1, "number": "not a number"}, "number"),
    ({"slot": 1, "number": "13055550101", "label": "x" * 65}, "label"),
    ({"number": "13055550101"}, "slot"),
    ({"slot": 1, "number": "13055550101", "account_id": 5}, "account_id"),
])
def test_bad_speed_dial_is_422_naming_the_field_and_writes_nothing(api: Api, auth_header: Header,
                                                                   body: dict[str, Any], field: str) -> None:
    account = _account(api, "100")
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = api.client.post(_url(account), headers=admin, json=body)
    assert response.status_code == 422, response.text
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _counts(api) == before


def test_a_reseller_manages_only_its_subtrees_accounts(api: Api, auth_header: Header,
                                                       resellers: dict[str, int]) -> None:
    below = _account(api, "ne", resellers["north_east"])
    south = _account(api, "south", resellers["south"])
    admin = auth_header(api.login("admin"))
    south_dial = api.client.post(_url(south), headers=admin, json={"slot": 1, "number": "13055550101"}).json()
    north = auth_header(api.login("north"))
    own = api.client.post(_url(below), headers=north, json={"slot": 1, "number": "13055550101"})
    assert own.status_code == 201, own.text
    assert len(api.client.get(_url(below), headers=north).json()) == 1
    before = _counts(api)
    for response in (api.client.get(_url(south), headers=north),
                     api.client.post(_url(south), headers=north, json={"slot": 2, "number": "13055550101"}),
                     api.client.delete(f"/api/v1/speed-dials/{south_dial['id']}", headers=north)):
        assert response.status_code == 404, response.text
        assert "does not exist" in response.json()["detail"]
    assert _counts(api) == before
    assert api.client.delete(f"/api/v1/speed-dials/{own.json()['id']}", headers=north).status_code == 204
