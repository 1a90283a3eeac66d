"""CDRs: filters in SQL, keyset paging, fields per role (absent, not null), reseller subtree, CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy.orm import Session

from switch_service.api.routes import cdrs as cdr_routes
from switch_service.store.models import Account, Carrier, Cdr
from switch_service.store.models.enums import CdrKind

T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
CARRIER_FIELDS = {"cost", "margin", "buy_rate", "carrier_id"}


@dataclass
class Seeded:
    accounts: dict[str, int]
    carriers: dict[str, int]
    cdrs: dict[str, list[int]]  # by account name, ascending ids


@pytest.fixture
def seeded(api: Api, resellers: dict[str, int]) -> Seeded:
    """Four accounts (north, north-east, south, none), two carriers, 5 calls each plus one attempt row each."""
    with Session(api.engine) as session:
        accounts = {name: Account(number=f"{i}00", name=name, reseller_id=resellers.get(name))
                    for i, name in enumerate(["north", "north_east", "south", "direct"], start=1)}
        carriers = {"a": Carrier(name="Carrier A"), "b": Carrier(name="Carrier B")}
        session.add_all([*accounts.values(), *carriers.values()])
        session.flush()
        made: dict[str, list[Cdr]] = {name: [] for name in accounts}
        for i in range(20):
            name = list(accounts)[i % 4]
            cdr = Cdr(
                kind=CdrKind.CALL, call_id=f"call-{i}", account_id=accounts[name].id,
                reseller_id=accounts[name].reseller_id,
                carrier_id=carriers["a" if i % 2 == 0 else "b"].id,
                caller="12125550100", destination=("4420" if i % 3 == 0 else "3312") + f"{i:06d}",
                started_at=T0 + dt.timedelta(hours=i), duration_s=60 + i, billed_s=60 + i,
                sell_rate=Decimal("0.1"), buy_rate=Decimal("0.04"), price=Decimal("0.1") + i,
                cost=Decimal("0.040001"), margin=Decimal("0.059999") + i, currency="USD",
                result="answered" if i % 5 else "busy",
            )
            session.add(cdr)
            session.flush()
            made[name].append(cdr)
        for name, account in accounts.items():
            session.add(Cdr(kind=CdrKind.ATTEMPT, call_id=f"attempt-{name}", account_id=account.id,
                            carrier_id=carriers["a"].id, caller="1", destination="1", started_at=T0,
                            result="failed"))
        session.commit()
        return Seeded({n: a.id for n, a in accounts.items()}, {n: c.id for n, c in carriers.items()},
                      {n: [c.id for c in rows] for n, rows in made.items()})


def _pages(api: Api, headers: dict[str, Any], **params: Any) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    pages = 0
    after = None
    while True:
        query = dict(params, **({"after": after} if after is not None else {}))
        response = api.client.get("/api/v1/cdrs", headers=headers, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        items.extend(body["items"])
        after = body["next_after"]
        if after is None:
            return items, pages


def _csv(api: Api, headers: dict[str, Any], **params: Any) -> list[dict[str, str]]:
    response = api.client.get("/api/v1/cdrs.csv", headers=headers, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def _all_calls(seeded: Seeded) -> list[int]:
    return sorted((i for ids in seeded.cdrs.values() for i in ids), reverse=True)


def test_admin_pages_all_calls_newest_first_with_every_field(api: Api, auth_header: Header,
                                                              seeded: Seeded) -> None:
    admin = auth_header(api.login("admin"))
    items, pages = _pages(api, admin, limit=6)
    assert [c["id"] for c in items] == _all_calls(seeded)  # attempt rows are left out by default
    assert pages == 4
    first = items[-1]
    assert first["cost"] == "0.040001"
    assert first["margin"] == "0.059999"
    assert first["buy_rate"] == "0.040000"
    assert first["carrier_id"] == seeded.carriers["a"]
    assert first["price"] == "0.100000"
    assert first["started_at"].startswith("2026-03-01T12:00:00")
    body = api.client.get("/api/v1/cdrs", headers=admin, params={"limit": 1}).json()
    assert body["view"] == "full"


@pytest.mark.parametrize("role", ["support", "north"])
def test_support_and_resellers_get_no_carrier_fields(api: Api, auth_header: Header, seeded: Seeded,
                                                     role: str) -> None:
    headers = auth_header(api.login(role))
    body = api.client.get("/api/v1/cdrs", headers=headers).json()
    assert body["view"] == "restricted"
    assert body["items"]
    for item in body["items"]:
        assert not CARRIER_FIELDS & set(item), item
        assert item["price"]
    rows = _csv(api, headers)
    assert rows
    for row in rows:
        assert not CARRIER_FIELDS & set(row)


def test_filters_are_applied(api: Api, auth_header: Header, seeded: Seeded) -> None:
    admin = auth_header(api.login("admin"))

    def ids(**params: Any) -> list[int]:
        return [c["id"] for c in _pages(api, admin, limit=500, **params)[0]]

    everything = _all_calls(seeded)
    north = seeded.accounts["north"]
    assert ids(account_id=north) == sorted(seeded.cdrs["north"], reverse=True)
    by_carrier = ids(carrier_id=seeded.carriers["b"])
    assert len(by_carrier) == 10
    assert by_carrier == everything[0::2]  # odd call numbers used carrier b; newest (19) first
    uk = ids(destination_prefix="4420")
    assert len(uk) == 7  # call numbers 0, 3, ..., 18
    assert ids(destination_prefix="442") == uk
    assert ids(destination_prefix="9") == []
    since = (T0 + dt.timedelta(hours=5)).isoformat()
    until = (T0 + dt.timedelta(hours=8)).isoformat()
    assert ids(since=since, until=until) == everything[12:15]  # call numbers 7, 6, 5
    assert len(ids(result="busy")) == 4
    assert ids(result="recovered") == []  # the result of a call closed after a crash is a filter too (was 422)
    assert len(ids(kind="attempt")) == 4
    assert ids(account_id=north, result="busy", destination_prefix="4420") == [seeded.cdrs["north"][0]]


@pytest.mark.parametrize(("params", "field"), [
    ({"destination_prefix": "44a"}, "destination_prefix"),
    ({"destination_prefix": "%"}, "destination_prefix"),
    ({"since": "2026-03-01T12:00:00"}, "since"),  # no UTC offset
    ({"until": "yesterday"}, "until"),
    ({"result": "great"}, "result"),
    ({"kind": "sms"}, "kind"),
    ({"limit": 0}, "limit"),
    ({"limit": 501}, "limit"),
    ({"account_id": "x"}, "account_id"),
])
def test_bad_filters_are_422_naming_the_parameter(api: Api, auth_header: Header, params: dict[str, Any],
                                                  field: str) -> None:
    admin = auth_header(api.login("admin"))
    for path in ("/api/v1/cdrs", "/api/v1/cdrs.csv"):
        if path.endswith(".csv") and field == "limit":
            continue
        response = api.client.get(path, headers=admin, params=params)
        assert response.status_code == 422, (path, response.text)
        assert [error["loc"] for error in response.json()["detail"]] == [["query", field]]


def test_reseller_sees_only_its_subtree(api: Api, auth_header: Header, seeded: Seeded) -> None:
    north = auth_header(api.login("north"))
    mine = sorted(seeded.cdrs["north"] + seeded.cdrs["north_east"], reverse=True)
    assert [c["id"] for c in _pages(api, north, limit=3)[0]] == mine
    assert [int(r["id"]) for r in _csv(api, north)] == mine
    south_account = seeded.accounts["south"]
    assert _pages(api, north, account_id=south_account)[0] == []
    assert _csv(api, north, account_id=south_account) == []
    south = auth_header(api.login("south"))
    assert [c["id"] for c in _pages(api, south)[0]] == sorted(seeded.cdrs["south"], reverse=True)


@pytest.mark.parametrize("role", ["support", "north"])
def test_only_admins_may_filter_by_carrier(api: Api, auth_header: Header, seeded: Seeded, role: str) -> None:
    headers = auth_header(api.login(role))
    for path in ("/api/v1/cdrs", "/api/v1/cdrs.csv"):
        response = api.client.get(path, headers=headers, params={"carrier_id": seeded.carriers["a"]})
        assert response.status_code == 403
        assert "may not filter by carrier" in response.json()["detail"]


def test_csv_streams_every_matching_row_in_batches(api: Api, auth_header: Header, seeded: Seeded,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cdr_routes, "CSV_BATCH_SIZE", 3)  # 20 rows: 7 batches, the last one short
    admin = auth_header(api.login("admin"))
    response = api.client.get("/api/v1/cdrs.csv", headers=admin)
    assert response.headers["content-disposition"] == 'attachment; filename="cdrs.csv"'
    reader = csv.reader(io.StringIO(response.text))
    header = next(reader)
    assert tuple(header) == cdr_routes.FULL_FIELDS
    rows = [dict(zip(header, row, strict=True)) for row in reader]
    assert [int(r["id"]) for r in rows] == _all_calls(seeded)
    json_items = _pages(api, admin, limit=500)[0]
    for row, item in zip(rows, json_items, strict=True):
        assert row["cost"] == item["cost"]
        assert row["margin"] == item["margin"]
        assert row["destination"] == item["destination"]
        assert row["carrier_id"] == str(item["carrier_id"])
        assert row["did"] == ""  # None is an empty cell
        assert row["kind"] == "call"
        assert dt.datetime.fromisoformat(row["started_at"]) == dt.datetime.fromisoformat(item["started_at"])
    filtered = _csv(api, admin, destination_prefix="4420", result="busy")
    assert [int(r["id"]) for r in filtered] == [c["id"] for c in json_items
                                                if c["destination"].startswith("4420") and c["result"] == "busy"]


def test_an_empty_selection_is_just_the_header(api: Api, auth_header: Header) -> None:
    support = auth_header(api.login("support"))
    response = api.client.get("/api/v1/cdrs.csv", headers=support)
    assert response.status_code == 200
    assert response.text.splitlines() == [",".join(cdr_routes.RESTRICTED_FIELDS)]


def test_sign_in_is_required(api: Api) -> None:
    assert api.client.get("/api/v1/cdrs").status_code == 401
    assert api.client.get("/api/v1/cdrs.csv").status_code == 401
