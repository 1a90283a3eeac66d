"""Lists sorted and filtered in the service, on SQLite, PostgreSQL and MariaDB: every page of a sorted list
read with `after=<id of the row before>` (as the desktop's id list reads it) gives the same order as the id list
and as sorting the accounts by hand; filters by kind (cards apart from customers), status, reseller and balance;
the batch look-up by ids; every other list (trunks, vouchers, resellers, commission rules, fees, tax profiles,
packages, band schedules, dial plans, routes) read page by page in the order of a key computed in SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, openapi
from sqlalchemy import update
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Reseller
from switch_service.store.models.enums import ResellerKind, Status

ACCOUNTS = "/api/v1/accounts"
# name, balance after a payment (a refund below zero), repeated balances and names to test the id tie-break
PEOPLE = [("Maria", "25"), ("dev", "12.5"), ("Ana", "-3.2"), ("Pierre", "40"), ("Chidi", "0"), ("Emily", "18.75"),
          ("Maria", "12.5"), ("Zoe", "0"), ("ana", "7"), ("Bob", "-0.01"), ("Carl", "12.5")]


def _headers(api: Api) -> dict[str, str]:
    return {"Authorization": f"Bearer {api.login('admin')}"}


def _make_accounts(api: Api, headers: dict[str, str], reseller_id: int | None = None) -> dict[int, tuple[str, Decimal]]:
    made = {}
    for n, (name, balance) in enumerate(PEOPLE):
        body: dict[str, Any] = {"number": f"{700 + n}", "name": name}
        if reseller_id is not None and n % 3 == 0:
            body["reseller_id"] = reseller_id
        account = api.client.post(ACCOUNTS, json=body, headers=headers).json()
        amount = Decimal(balance)
        if amount:
            kind = "topup" if amount > 0 else "refund"
            paid = api.client.post(f"{ACCOUNTS}/{account['id']}/payments", headers=headers,
                                   json={"amount": str(abs(amount)), "kind": kind})
            assert paid.status_code == 201, paid.text
        made[account["id"]] = (name, amount)
    return made


def _every_page(api: Api, headers: dict[str, str], params: dict[str, Any], ids: list[int],
                limit: int = 4) -> list[int]:
    """The list read page by page as the desktop reads it: `after` = the id before each page in the id list."""
    seen: list[int] = []
    for first in range(0, len(ids), limit):
        after = {"after": ids[first - 1]} if first else {}
        page = api.client.get(ACCOUNTS, params={**params, **after, "limit": limit}, headers=headers).json()
        seen += [item["id"] for item in page["items"]]
        assert (page["next_after"] is None) == (first + limit >= len(ids))
    return seen


def _followed(api: Api, headers: dict[str, str], params: dict[str, Any], limit: int = 3) -> list[int]:
    """The list read by following `next_after`, as a client without the id list reads it."""
    seen: list[int] = []
    after: int | None = None
    while True:
        query = {**params, "limit": limit, **({"after": after} if after is not None else {})}
        page = api.client.get(ACCOUNTS, params=query, headers=headers).json()
        seen += [item["id"] for item in page["items"]]
        after = page["next_after"]
        if after is None:
            return seen


@pytest.mark.databases
@pytest.mark.parametrize(("sort", "key"), [
    ("name", lambda made, i: (made[i][0], i)),
    ("balance", lambda made, i: (made[i][1], i)),
    ("number", lambda made, i: (str(700 + list(made).index(i)), i)),
])
def test_every_page_follows_the_sort_in_both_directions(any_api: Api, sort: str, key: Any) -> None:
    headers = _headers(any_api)
    made = _make_accounts(any_api, headers)
    for order in ("asc", "desc"):
        params = {"sort": sort, "order": order}
        ids = any_api.client.get(f"{ACCOUNTS}/ids", params=params, headers=headers).json()["ids"]
        if sort == "name":  # the database's collation decides between "Ana" and "ana": the rest is fixed
            names = [made[i][0].lower() for i in ids]
            assert names == sorted(names, reverse=order == "desc")
        else:
            assert ids == sorted(made, key=lambda i: key(made, i), reverse=order == "desc")
        assert _every_page(any_api, headers, params, ids) == ids
        assert _followed(any_api, headers, params) == ids


@pytest.mark.databases
def test_cards_are_apart_from_customers_and_filters_combine(any_api: Api) -> None:
    headers = _headers(any_api)
    with Session(any_api.engine) as session:
        reseller = Reseller(name="Acme", kind=ResellerKind.USAGE_BASED)
        session.add(reseller)
        session.commit()
        reseller_id = reseller.id
    made = _make_accounts(any_api, headers, reseller_id)
    job = any_api.client.post("/api/v1/card-batches", headers=headers,
                              json={"name": "Shop 5", "count": 30, "face_value": "5"}).json()
    assert any_api.wait_job(headers, job["id"])["state"] == "succeeded"

    def listed(**params: Any) -> list[dict[str, Any]]:
        ids = any_api.client.get(f"{ACCOUNTS}/ids", params=params, headers=headers).json()["ids"]
        items = any_api.client.get(ACCOUNTS, params={**params, "limit": 500}, headers=headers).json()["items"]
        assert [item["id"] for item in items] == ids
        return list(items)

    customers = listed(kind=["prepaid", "postpaid"])
    assert {item["id"] for item in customers} == set(made)
    assert not any(item["card"] for item in customers)
    cards = listed(kind="card")
    assert len(cards) == 30 and all(item["card"] and item["kind"] == "prepaid" for item in cards)
    assert len(listed()) == len(made) + 30
    assert len(listed(kind=["prepaid", "card"])) == len(made) + 30

    below_zero = listed(balance_below="0", kind="prepaid")
    assert sorted(item["name"] for item in below_zero) == ["Ana", "Bob"]
    assert {item["balance"] for item in listed(balance_below="5.000001", kind="card")} == {"5.000000"}
    by_reseller = listed(reseller_id=reseller_id)
    assert {item["id"] for item in by_reseller} == {i for n, i in enumerate(made) if n % 3 == 0}
    # the accounts' edit form is another branch's (i14a): status is set in the store here
    suspended = list(made)[1:3]
    with Session(any_api.engine) as session, session.begin():
        session.execute(update(Account).where(Account.id.in_(suspended)).values(status=Status.SUSPENDED))
    assert [item["id"] for item in listed(status="suspended", sort="name")] == sorted(
        suspended, key=lambda i: made[i][0].lower())
    assert listed(status="suspended", reseller_id=reseller_id) == []
    sorted_cards = listed(kind="card", sort="kind", order="desc")
    assert len(sorted_cards) == 30
    kinds = [("card" if item["card"] else item["kind"]) for item in listed(sort="kind")]
    assert kinds == sorted(kinds)


def test_bad_sort_and_filters_are_a_422_naming_the_parameter(api: Api, auth_header: Any) -> None:
    headers = auth_header(api.login("admin"))
    for params, name in [({"sort": "password"}, "sort"), ({"order": "up"}, "order"), ({"kind": "vip"}, "kind"),
                         ({"status": "gone"}, "status"), ({"balance_below": "1e3x"}, "balance_below"),
                         ({"balance_below": "0.0000001"}, "balance_below"), ({"ids": "x"}, "ids")]:
        for path in (ACCOUNTS, f"{ACCOUNTS}/ids") if name != "ids" else (ACCOUNTS,):
            response = api.client.get(path, params=params, headers=headers)
            assert response.status_code == 422, (path, params)
            assert response.json()["detail"][0]["loc"][:2] == ["query", name]


def test_the_batch_look_up_answers_the_visible_accounts_named(api: Api, auth_header: Any,
                                                              resellers: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    mine = api.client.post(ACCOUNTS, json={"number": "N1", "name": "North one", "reseller_id": resellers["north"]},
                           headers=admin).json()
    other = api.client.post(ACCOUNTS, json={"number": "S1", "name": "South one", "reseller_id": resellers["south"]},
                            headers=admin).json()
    plain = api.client.post(ACCOUNTS, json={"number": "P1", "name": "Plain"}, headers=admin).json()
    wanted = [other["id"], plain["id"], mine["id"], 999_999]
    page = api.client.get(ACCOUNTS, params={"ids": wanted, "sort": "name"}, headers=admin).json()
    assert [item["number"] for item in page["items"]] == ["N1", "P1", "S1"]
    assert page["next_after"] is None
    north = auth_header(api.login("north"))
    page = api.client.get(ACCOUNTS, params={"ids": wanted}, headers=north).json()
    assert [item["number"] for item in page["items"]] == ["N1"]  # another reseller's account is not there
    too_many = api.client.get(ACCOUNTS, params={"ids": list(range(1, 502))}, headers=admin)
    assert too_many.status_code == 422


def _sorted_lists() -> list[tuple[str, list[str]]]:
    """(path, sort names) of every list of the API that sorts (its `sort` parameter's description names them)."""
    lists = []
    for path, operations in openapi()["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["name"] == "sort":
                names = parameter["description"].split(": ", 1)[1].split(", ")
                lists.append((path.removeprefix("/api/v1"), names))
    return lists


def test_every_sorted_list_takes_each_of_its_sort_keys_from_any_row(api: Api, auth_header: Any) -> None:
    """Each sort key of each list, both ways, from the first page and after a row (the key read from that row)."""
    headers = auth_header(api.login("admin"))
    account = api.client.post(ACCOUNTS, json={"number": "S1", "name": "Sorted"}, headers=headers).json()
    tariff = api.client.post("/api/v1/tariffs", json={"name": "Sell", "kind": "sell"}, headers=headers).json()
    reseller = api.client.post("/api/v1/resellers", json={"name": "Sorted"}, headers=headers).json()
    plan = api.client.post("/api/v1/dial-plans", json={"name": "Sorted"}, headers=headers).json()
    ids = {"{account_id}": account["id"], "{tariff_id}": tariff["id"], "{reseller_id}": reseller["id"],
           "{plan_id}": plan["id"]}
    lists = _sorted_lists()
    assert {path for path, _names in lists} >= {"/accounts", "/accounts/ids", "/carriers", "/dids", "/card-batches",
                                                "/tariffs", "/tariffs/{tariff_id}/rates", "/users", "/cdrs",
                                                "/accounts/{account_id}/payments", "/trunks", "/vouchers",
                                                "/resellers", "/resellers/{reseller_id}/commission-rules",
                                                "/recurring-fees", "/tax-profiles", "/packages", "/band-schedules",
                                                "/dial-plans", "/dial-plans/{plan_id}/routes"}
    for template, names in lists:
        path = template.format_map({key.strip("{}"): value for key, value in ids.items()})
        for name in names:
            for order in ("asc", "desc"):
                for after in ({}, {"after": 1}):
                    response = api.client.get(f"/api/v1{path}", params={"sort": name, "order": order, **after},
                                              headers=headers)
                    assert response.status_code == 200, (path, name, order, after, response.text)


def _read_all(api: Api, headers: dict[str, str], path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Every row of a list, two at a time, by following `next_after`."""
    items: list[dict[str, Any]] = []
    after: int | None = None
    while True:
        query = {**params, "limit": 2, **({"after": after} if after is not None else {})}
        response = api.client.get(f"/api/v1{path}", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        after = page["next_after"]
        if after is None:
            return items


def _post(api: Api, headers: dict[str, str], path: str, body: dict[str, Any]) -> Any:
    response = api.client.post(f"/api/v1{path}", json=body, headers=headers)
    assert response.status_code == 201, (path, response.text)
    return response.json()


def _name(row: dict[str, Any]) -> str:
    return str(row["name"]).lower()


def _other_lists(api: Api, headers: dict[str, str]) -> list[tuple[str, str, Any]]:
    """Rows in the lists sorted since issue 15, ties and empty values included: (path, sort, key of a row)."""
    account = _post(api, headers, "/accounts", {"number": "900", "name": "Lists"})
    for name, ip in (("Gamma", "10.0.0.3"), ("alpha", None), ("Beta", "10.0.0.1"), ("delta", "10.0.0.2"),
                     ("Epsilon", None)):
        body: dict[str, Any] = {"account_id": account["id"], "name": name, "auth": "ip" if ip else "digest"}
        body |= {"source_ip": ip} if ip else {"username": f"u{name.lower()}", "password": "s3cret-Passw0rd"}
        _post(api, headers, "/trunks", body)
    codes = [made["code"] for value in ("5", "2", "9") for made in _post(
        api, headers, "/vouchers", {"count": 2, "value": value, "label": f"Value {value}"})]
    for code in codes[1::2]:
        _post(api, headers, "/vouchers/redeem", {"code": code, "account_id": account["id"]})
    resellers = [_post(api, headers, "/resellers", {"name": name, "credit_limit": limit})
                 for name, limit in (("North", "10"), ("east", "0"), ("South", "10"), ("west", "2.5"))]
    rules = f"/resellers/{resellers[0]['id']}/commission-rules"
    for rule in ({"basis": "sales_percent", "percent": "5"}, {"basis": "per_minute", "amount": "0.01"},
                 {"basis": "margin_percent", "percent": "2.5"}, {"basis": "per_minute", "amount": "0"},
                 {"basis": "sales_percent", "percent": "5", "prefix": "44"}):
        _post(api, headers, rules, rule)
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    for n, (name, days, period) in enumerate((("Rent", 3, "monthly"), ("maintenance", 1, "weekly"),
                                              ("Support", 3, "daily"), ("backup", 2, "monthly"))):
        _post(api, headers, "/recurring-fees", {"name": name, "amount": str(10 - n), "period": period,
                                                "first_due_at": (start + dt.timedelta(days=days)).isoformat()})
    for name in ("VAT", "levy", "Sales", "city"):
        _post(api, headers, "/tax-profiles", {"name": name, "taxes": [{"name": name, "percent": "10"}]})
    for name, seconds, fee in (("UK 100", 6000, "5"), ("mx 60", 3600, "2"), ("US 100", 6000, "0"), ("de", 60, "5")):
        _post(api, headers, "/packages", {"name": name, "free_seconds": seconds, "prefixes": ["44"], "fee": fee})
    for name, peak in (("Office", "09:00"), ("early", "07:30"), ("Late", "10:00"), ("shop", "09:00")):
        _post(api, headers, "/band-schedules", {"name": name, "peak_start": peak})
    plans = [_post(api, headers, "/dial-plans", {"name": name, "description": text})
             for name, text in (("Retail", "shops"), ("wholesale", "Carriers"), ("Cheap", "budget"))]
    for plan, prefixes in zip(plans, (["44", "4420", "1"], [], ["52"]), strict=True):
        for prefix, strategy in zip(prefixes, ("lcr", "priority", "lcr"), strict=False):
            _post(api, headers, f"/dial-plans/{plan['id']}/routes", {"prefix": prefix, "strategy": strategy,
                                                                     "blocked": prefix == "1"})
    routes = f"/dial-plans/{plans[0]['id']}/routes"
    return [
        ("/trunks", "name", _name), ("/trunks", "source_ip", lambda row: row["source_ip"] or ""),
        ("/trunks", "auth", lambda row: row["auth"]), ("/trunks", "active", lambda row: row["active"]),
        ("/vouchers", "used", lambda row: row["used"]), ("/vouchers", "value", lambda row: Decimal(row["value"])),
        ("/vouchers", "label", lambda row: row["label"].lower()),
        ("/resellers", "name", _name), ("/resellers", "credit_limit", lambda row: Decimal(row["credit_limit"])),
        (rules, "percent", lambda row: Decimal(row["percent"] if row["percent"] is not None else -1)),
        (rules, "amount", lambda row: Decimal(row["amount"] if row["amount"] is not None else -1)),
        (rules, "basis", lambda row: row["basis"]), (rules, "prefix", lambda row: row["prefix"]),
        ("/recurring-fees", "name", _name), ("/recurring-fees", "amount", lambda row: Decimal(row["amount"])),
        ("/recurring-fees", "next_due_at", lambda row: dt.datetime.fromisoformat(row["next_due_at"])),
        ("/recurring-fees", "period", lambda row: row["period"]),
        ("/tax-profiles", "name", _name),
        ("/packages", "name", _name), ("/packages", "fee", lambda row: Decimal(row["fee"])),
        ("/packages", "free_seconds", lambda row: row["free_seconds"]),
        ("/band-schedules", "name", _name), ("/band-schedules", "peak_start", lambda row: row["peak_start"]),
        ("/dial-plans", "routes", lambda row: row["routes"]), ("/dial-plans", "name", _name),
        ("/dial-plans", "description", lambda row: row["description"].lower()),
        (routes, "prefix", lambda row: row["prefix"]), (routes, "strategy", lambda row: row["strategy"]),
        (routes, "blocked", lambda row: row["blocked"]),
    ]


@pytest.mark.databases
def test_the_other_lists_sort_every_page_by_their_keys(any_api: Api) -> None:
    """Each list read two rows at a time, both ways, is in (key, id) order and holds every row."""
    headers = _headers(any_api)
    for path, sort, key in _other_lists(any_api, headers):
        every = {row["id"] for row in _read_all(any_api, headers, path, {})}
        for order in ("asc", "desc"):
            rows = _read_all(any_api, headers, path, {"sort": sort, "order": order})
            keys = [(key(row), row["id"]) for row in rows]
            assert keys == sorted(keys, reverse=order == "desc"), (path, sort, order, keys)
            assert {row["id"] for row in rows} == every, (path, sort, order)
