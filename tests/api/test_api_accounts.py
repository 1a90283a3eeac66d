"""Accounts: keyset paging, search, validation, duplicates and reseller visibility."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.store.models import Account
from switch_service.store.models.enums import AccountKind


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


def _seed(api: Api, count: int, reseller_id: int | None = None, prefix: str = "7") -> list[int]:
    with Session(api.engine) as session:
        accounts = [Account(number=f"{prefix}{i:05d}", name=f"Customer {i}", reseller_id=reseller_id)
                    for i in range(count)]
        session.add_all(accounts)
        session.commit()
        return [a.id for a in accounts]


def _accounts(api: Api) -> list[Account]:
    with Session(api.engine) as session:
        return list(session.scalars(select(Account)))


def _all_pages(api: Api, headers: dict[str, Any], **params: Any) -> tuple[list[int], int]:
    seen: list[int] = []
    pages = 0
    after = None
    while True:
        query = dict(params, **({"after": after} if after is not None else {}))
        response = api.client.get("/api/v1/accounts", headers=headers, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        seen.extend(item["id"] for item in body["items"])
        after = body["next_after"]
        if after is None:
            return seen, pages


def test_keyset_paging_returns_every_account_exactly_once(api: Api, admin: dict[str, Any]) -> None:
    ids = _seed(api, 23)
    seen, pages = _all_pages(api, admin, limit=5)
    assert seen == sorted(ids)
    assert pages == 5


def test_page_that_ends_exactly_at_the_last_row_says_so(api: Api, admin: dict[str, Any]) -> None:
    _seed(api, 10)
    body = api.client.get("/api/v1/accounts", headers=admin, params={"limit": 10}).json()
    assert len(body["items"]) == 10
    assert body["next_after"] is None


def test_limit_is_bounded(api: Api, admin: dict[str, Any]) -> None:
    for limit in (0, 501):
        response = api.client.get("/api/v1/accounts", headers=admin, params={"limit": limit})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_search_filters_number_and_name(api: Api, admin: dict[str, Any]) -> None:
    _seed(api, 12)
    with Session(api.engine) as session:
        session.add(Account(number="999100", name="Acme 50% Telecom"))
        session.commit()
    by_number, _ = _all_pages(api, admin, q="0001", limit=2)
    numbers = {a.id: a.number for a in _accounts(api)}
    assert sorted(numbers[i] for i in by_number) == ["700001", "700010", "700011"]
    by_name = api.client.get("/api/v1/accounts", headers=admin, params={"q": "acme"}).json()["items"]
    assert [a["name"] for a in by_name] == ["Acme 50% Telecom"]
    percent = api.client.get("/api/v1/accounts", headers=admin, params={"q": "50%"}).json()["items"]
    assert [a["number"] for a in percent] == ["999100"]  # % is a literal, not a wildcard
    assert api.client.get("/api/v1/accounts", headers=admin, params={"q": "zzz"}).json()["items"] == []


def test_create_account_returns_201_with_money_as_strings(api: Api, admin: dict[str, Any]) -> None:
    response = api.client.post("/api/v1/accounts", headers=admin, json={
        "number": "+44-20-1", "name": "  Ring Ltd ", "kind": "postpaid", "currency": "eur",
        "credit_limit": "250.75", "overdraft": "0",
    })
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "Ring Ltd"
    assert body["kind"] == "postpaid"
    assert body["status"] == "active"
    assert body["currency"] == "EUR"
    assert body["credit_limit"] == "250.750000"
    assert body["balance"] == "0.000000"
    fetched = api.client.get(f"/api/v1/accounts/{body['id']}", headers=admin).json()
    assert fetched == body
    with Session(api.engine) as session:
        account = session.get(Account, body["id"])
        assert account is not None
        assert account.credit_limit == Decimal("250.75")


def test_currency_defaults_to_the_company_currency(api: Api, admin: dict[str, Any]) -> None:
    response = api.client.post("/api/v1/accounts", headers=admin, json={"number": "5", "name": "Five"})
    assert response.json()["currency"] == "USD"


@pytest.mark.parametrize(("body", "field"), [
    ({"number": "1", "name": "A", "credit_limit": "-1"}, "credit_limit"),
    ({"number": "1", "name": "A", "overdraft": "0.0000001"}, "overdraft"),
    ({"number": "1", "name": "A", "currency": "US"}, "currency"),
    ({"number": "1", "name": "A", "kind": "gold"}, "kind"),
    ({"number": "1 2", "name": "A"}, "number"),
    ({"number": "1", "name": ""}, "name"),
    ({"number": "1", "name": "A", "colour": "red"}, "colour"),
    ({"name": "A"}, "number"),
])
def test_bad_data_is_422_naming_the_field(api: Api, admin: dict[str, Any], body: dict[str, Any],
                                          field: str) -> None:
    response = api.client.post("/api/v1/accounts", headers=admin, json=body)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]


def test_duplicate_number_is_409_with_a_message(api: Api, admin: dict[str, Any]) -> None:
    body = {"number": "123", "name": "First"}
    assert api.client.post("/api/v1/accounts", headers=admin, json=body).status_code == 201
    response = api.client.post("/api/v1/accounts", headers=admin, json=dict(body, name="Second"))
    assert response.status_code == 409
    assert response.json()["detail"] == "account number 123 is already in use"


def test_unknown_reseller_is_422_naming_the_field(api: Api, admin: dict[str, Any]) -> None:
    response = api.client.post("/api/v1/accounts", headers=admin,
                               json={"number": "9", "name": "Nine", "reseller_id": 999})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["loc"], error["msg"]) == (["body", "reseller_id"], "reseller 999 does not exist")
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 0


def test_user_error_in_a_route_is_400(api: Api) -> None:
    def refuse() -> None:
        raise UserError("the operator can fix this")

    api.client.app.add_api_route("/refuse", refuse)  # type: ignore[attr-defined]
    response = api.client.get("/refuse")
    assert response.status_code == 400
    assert response.json() == {"detail": "the operator can fix this", "code": "bad_request", "field": None,
                               "params": {}}


def test_unknown_account_is_404(api: Api, admin: dict[str, Any]) -> None:
    response = api.client.get("/api/v1/accounts/4242", headers=admin)
    assert response.status_code == 404
    assert response.json()["detail"] == "account 4242 does not exist"


def test_reseller_sees_only_its_subtree(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    own = _seed(api, 2, resellers["north"], prefix="1")
    child = _seed(api, 2, resellers["north_east"], prefix="2")
    other = _seed(api, 2, resellers["south"], prefix="3")
    direct = _seed(api, 1, None, prefix="4")
    north = auth_header(api.login("north"))
    seen, _ = _all_pages(api, north, limit=1)
    assert seen == own + child
    assert api.client.get(f"/api/v1/accounts/{child[0]}", headers=north).status_code == 200
    for hidden in (other[0], direct[0]):
        response = api.client.get(f"/api/v1/accounts/{hidden}", headers=north)
        assert response.status_code == 404
    south = auth_header(api.login("south"))
    assert _all_pages(api, south)[0] == other
    admin = auth_header(api.login("admin"))
    assert len(_all_pages(api, admin)[0]) == 7


def _ids(api: Api, headers: dict[str, Any], **params: Any) -> list[int]:
    response = api.client.get("/api/v1/accounts/ids", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["ids"])


def test_id_list_is_every_listed_id_in_the_list_order(api: Api, admin: dict[str, Any]) -> None:
    ids = _seed(api, 23)
    assert _ids(api, admin) == _all_pages(api, admin, limit=7)[0] == sorted(ids)
    # the row before any page is its cursor: the page after ids[9] starts at ids[10]
    listed = _ids(api, admin)
    page = api.client.get("/api/v1/accounts", headers=admin, params={"after": listed[9], "limit": 5}).json()
    assert [item["id"] for item in page["items"]] == listed[10:15]


def test_id_list_follows_the_search(api: Api, admin: dict[str, Any]) -> None:
    sevens = _seed(api, 3, prefix="7")
    _seed(api, 3, prefix="8")
    assert _ids(api, admin, q=" 700001") == [sevens[1]]
    assert _ids(api, admin, q="70000") == _all_pages(api, admin, q="70000")[0] == sevens
    assert _ids(api, admin, q="no such customer") == []
    assert api.client.get("/api/v1/accounts/ids", headers=admin, params={"q": "x" * 101}).status_code == 422


def test_id_list_shows_each_role_what_the_list_shows(api: Api, auth_header: Header,
                                                     resellers: dict[str, int]) -> None:
    own = _seed(api, 2, resellers["north"], prefix="1")
    child = _seed(api, 2, resellers["north_east"], prefix="2")
    other = _seed(api, 2, resellers["south"], prefix="3")
    direct = _seed(api, 1, None, prefix="4")
    north = auth_header(api.login("north"))
    assert _ids(api, north) == own + child
    assert _ids(api, north, q="30000") == []  # another reseller's account, found by number: still hidden
    assert _ids(api, auth_header(api.login("south"))) == other
    support = auth_header(api.login("support"))
    assert _ids(api, support) == _all_pages(api, support)[0] == own + child + other + direct
    assert api.client.get("/api/v1/accounts/ids").status_code == 401


def test_every_account_answer_carries_the_ledgers_available(api: Api, admin: dict[str, Any]) -> None:
    """balance + overdraft (credit limit when postpaid) - money held, worked out by the service alone."""
    with Session(api.engine) as session:
        prepaid = Account(number="9001", name="Prepaid", balance=Decimal("10"), overdraft=Decimal("2.5"),
                          credit_limit=Decimal("99"), reserved=Decimal("4.000001"))
        postpaid = Account(number="9002", name="Postpaid", kind=AccountKind.POSTPAID, balance=Decimal("-10"),
                           overdraft=Decimal("100"), credit_limit=Decimal("50"), reserved=Decimal("5"))
        session.add_all([prepaid, postpaid])
        session.commit()
        expected = {prepaid.id: "8.499999", postpaid.id: "35.000000"}
    for account_id, available in expected.items():
        response = api.client.get(f"/api/v1/accounts/{account_id}", headers=admin)
        assert response.status_code == 200, response.text
        assert response.json()["available"] == available
        assert api.client.get(f"/api/v1/accounts/{account_id}/calling", headers=admin).json()["available"] == available
    listed = api.client.get("/api/v1/accounts", headers=admin).json()["items"]
    assert {item["id"]: item["available"] for item in listed} == expected
