"""GET /reports/traffic: grouped sums per role, the CDR search's filters, paging by key, bounded range."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy.orm import Session

from switch_service.api.schemas.reports import ReportGroup
from switch_service.store.models import Account, Carrier, Cdr
from switch_service.store.models.enums import CdrKind
from switch_service.store.repositories.reports import GROUPS

T0 = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
RANGE = {"since": "2026-03-01T00:00:00Z", "until": "2026-04-01T00:00:00Z"}
MONEY = {"revenue", "cost", "profit"}


@pytest.fixture
def seeded(api: Api, resellers: dict[str, int]) -> dict[str, int]:
    """Accounts north, south and direct; per account two answered calls (60 s and 120 s) and a busy one, each
    answered call at 1.000000 sold and 0.400000 bought via carrier A (the busy one tried there too: its call row
    names it, as the switch writes it); one attempt row per call."""
    with Session(api.engine) as session:
        accounts = {name: Account(number=f"{i}00", name=name.title(), reseller_id=resellers.get(name))
                    for i, name in enumerate(["north", "south", "direct"], start=1)}
        carrier = Carrier(name="Carrier A")
        session.add_all([*accounts.values(), carrier])
        session.flush()
        for day, (name, account) in enumerate(accounts.items()):
            for n, (result, seconds) in enumerate([("answered", 60), ("answered", 120), ("busy", 0)]):
                at = T0 + dt.timedelta(days=day, minutes=n)
                answered = result == "answered"
                session.add(Cdr(kind=CdrKind.CALL, call_id=f"{name}-{n}", account_id=account.id,
                                reseller_id=account.reseller_id, carrier_id=carrier.id,
                                caller="1", destination="4420", prefix="44", destination_name="UK", started_at=at,
                                duration_s=seconds, billed_s=seconds, price=Decimal(1 if answered else 0),
                                cost=Decimal("0.4") if answered else Decimal(0), result=result))
                session.add(Cdr(kind=CdrKind.ATTEMPT, call_id=f"{name}-{n}", account_id=account.id,
                                carrier_id=carrier.id, caller="1", destination="4420", started_at=at, result=result))
        session.commit()
        return {name: account.id for name, account in accounts.items()} | {"carrier": carrier.id}


def _report(api: Api, headers: dict[str, Any], **params: Any) -> Any:
    response = api.client.get("/api/v1/reports/traffic", headers=headers, params={**RANGE, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_the_groupings_are_the_repository_s() -> None:
    assert [group.value for group in ReportGroup] == list(GROUPS)


def test_admin_report_by_carrier(api: Api, auth_header: Header, seeded: dict[str, int]) -> None:
    body = _report(api, auth_header(api.login("admin")), group_by="carrier")
    assert body["view"] == "full"
    assert body["rows"] == [{
        "key": str(seeded["carrier"]), "name": "Carrier A", "calls": 9, "answered": 6, "asr_percent": 66.67,
        "acd_s": 90.0, "minutes": 9.0, "attempts": 9, "attempts_asr_percent": 66.67, "revenue": "6.000000",
        "cost": "2.400000", "profit": "3.600000"}]
    assert body["total"]["calls"] == 9
    assert body["unassigned"] is None  # every call row names its carrier
    assert body["next_after"] is None


def test_by_account_pages_by_key_with_total_on_the_first_page(api: Api, auth_header: Header,
                                                               seeded: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    first = _report(api, admin, group_by="account", limit=2)
    assert [(row["key"], row["name"]) for row in first["rows"]] == [
        (str(seeded["north"]), "100 North"), (str(seeded["south"]), "200 South")]
    assert first["rows"][0]["calls"] == 3 and first["rows"][0]["asr_percent"] == 66.67
    assert first["total"]["revenue"] == "6.000000" and first["unassigned"] is None
    second = _report(api, admin, group_by="account", limit=2, after=first["next_after"])
    assert [row["key"] for row in second["rows"]] == [str(seeded["direct"])]
    assert second["total"] is None and second["next_after"] is None


def test_by_day_and_filters(api: Api, auth_header: Header, seeded: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    days = _report(api, admin, group_by="day")
    assert [row["key"] for row in days["rows"]] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    later = _report(api, admin, group_by="day", after="2026-03-01")
    assert [row["key"] for row in later["rows"]] == ["2026-03-02", "2026-03-03"]
    one = _report(api, admin, group_by="destination", account_id=seeded["south"])
    assert [(row["key"], row["name"], row["calls"]) for row in one["rows"]] == [("44", "UK", 3)]
    narrow = _report(api, admin, group_by="account", since="2026-03-02T00:00:00Z", until="2026-03-03T00:00:00Z")
    assert [row["key"] for row in narrow["rows"]] == [str(seeded["south"])]


def test_support_gets_no_money_and_no_carrier_grouping(api: Api, auth_header: Header,
                                                       seeded: dict[str, int]) -> None:
    support = auth_header(api.login("support"))
    body = _report(api, support, group_by="reseller")
    assert body["view"] == "restricted"
    for row in [*body["rows"], body["total"]]:
        assert not MONEY & set(row), row
    refused = api.client.get("/api/v1/reports/traffic", headers=support, params={**RANGE, "group_by": "carrier"})
    assert refused.status_code == 403
    assert "may not group by carrier" in refused.json()["detail"]
    refused = api.client.get("/api/v1/reports/traffic", headers=support,
                             params={**RANGE, "group_by": "day", "carrier_id": seeded["carrier"]})
    assert refused.status_code == 403


def test_reseller_sees_its_subtree_with_revenue_but_no_cost(api: Api, auth_header: Header,
                                                            seeded: dict[str, int]) -> None:
    body = _report(api, auth_header(api.login("north")), group_by="account")
    assert body["view"] == "revenue"
    assert [row["key"] for row in body["rows"]] == [str(seeded["north"])]
    assert body["total"]["revenue"] == "2.000000"
    assert not {"cost", "profit"} & set(body["total"])
    south = _report(api, auth_header(api.login("south")), group_by="account")
    assert [row["key"] for row in south["rows"]] == [str(seeded["south"])]


@pytest.mark.parametrize(("params", "field"), [
    ({"since": "2026-03-01T00:00:00Z"}, "until"),
    ({"until": "2026-03-01T00:00:00Z"}, "since"),
    ({"since": "2026-03-02T00:00:00Z", "until": "2026-03-01T00:00:00Z"}, "until"),
    ({"since": "2025-01-01T00:00:00Z", "until": "2026-03-01T00:00:00Z"}, "until"),
    ({**RANGE, "after": "yesterday"}, "after"),
    ({**RANGE, "group_by": "country"}, "group_by"),
])
def test_bad_ranges_and_cursors_are_422_naming_the_field(api: Api, auth_header: Header, params: dict[str, str],
                                                         field: str) -> None:
    query = {"group_by": "day", **params}
    response = api.client.get("/api/v1/reports/traffic", headers=auth_header(api.login("admin")), params=query)
    assert response.status_code == 422, response.text
    assert any(error["loc"][-1] == field for error in response.json()["detail"]), response.text
