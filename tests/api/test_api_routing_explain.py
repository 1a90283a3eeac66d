"""GET /api/v1/routing/explain: carriers and a dial plan set up through the API, explained by the API and by
`carrier-switch routes explain` on the same database; both must give the same facts."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from cli_harness import run_cli
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Rate, Tariff
from switch_service.store.models.enums import TariffKind

URL = "/api/v1/routing/explain"
AT = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
UK_MOBILE = "447700900123"

# carrier: (buy price for 447, extra carrier fields, gateways)
CARRIERS: dict[str, tuple[str, dict[str, Any], list[dict[str, Any]]]] = {
    "Alpha": ("0.050", {}, [{"host": "10.0.0.1"}]),
    "Beta": ("0.040", {"number_format": "national", "tech_prefix": "777#"},
             [{"host": "10.0.0.2", "weight": 5}, {"host": "10.0.0.12", "port": 5080, "transport": "tcp"}]),
    "Gamma": ("0.070", {}, [{"host": "10.0.0.3"}]),
    "Delta": ("0.030", {}, [{"host": "10.0.0.4"}]),
    "Epsilon": ("0.020", {"enabled": False}, [{"host": "10.0.0.5"}]),
    "Zeta": ("0.010", {}, []),
}


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


def _tariff(session: Session, name: str, kind: TariffKind, prices: dict[str, str]) -> int:
    tariff = Tariff(name=name, kind=kind)
    session.add(tariff)
    session.flush()
    session.add_all([Rate(tariff_id=tariff.id, prefix=prefix, destination=f"dest {prefix}",
                          price_per_minute=Decimal(price), valid_from=EPOCH) for prefix, price in prices.items()])
    return tariff.id


@pytest.fixture
def seeded(api: Api, admin: dict[str, Any]) -> dict[str, int]:
    """Buy decks and a sell tariff in the database; carriers, the dial plan and its routes made through the API;
    an account on the plan and the tariff. For UK mobile at AT (sold at 0.060): Alpha is pinned (0.050), Beta
    routes (0.040, national, tech prefix), Gamma is at a loss, Delta excluded, Epsilon off, Zeta has no gateway."""
    ids: dict[str, int] = {}
    with Session(api.engine) as session:
        decks = {name: _tariff(session, f"{name} buy", TariffKind.BUY, {"44": "0.009", "447": price})
                 for name, (price, _extra, _gateways) in CARRIERS.items()}
        retail = _tariff(session, "Retail", TariffKind.SELL, {"44": "0.020", "447": "0.060", "1": "0.010"})
        session.commit()
    for name, (_price, extra, gateways) in CARRIERS.items():
        response = api.client.post("/api/v1/carriers", headers=admin,
                                   json={"name": name, "buy_tariff_id": decks[name], "gateways": gateways, **extra})
        assert response.status_code == 201, response.text
        ids[name] = response.json()["id"]
    response = api.client.post("/api/v1/dial-plans", headers=admin, json={"name": "explained"})
    ids["plan"] = response.json()["id"]
    routes = f"/api/v1/dial-plans/{ids['plan']}/routes"
    entries = [{"carrier_id": ids[name], "pinned": name == "Alpha", "excluded": name == "Delta"} for name in CARRIERS]
    assert api.client.post(routes, headers=admin, json={"prefix": "", "carriers": entries}).status_code == 201
    assert api.client.post(routes, headers=admin, json={"prefix": "1900", "blocked": True}).status_code == 201
    with Session(api.engine) as session:
        account = Account(number="500001", name="Routing Tester", tariff_id=retail, dial_plan_id=ids["plan"])
        session.add(account)
        session.commit()
        ids["account"] = account.id
    return ids


def _cli_explain(api: Api, *args: str) -> str:
    url = api.engine.url.render_as_string(hide_password=False)
    result = run_cli("routes", "explain", *args, "--db", url)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _text(value: object) -> str:
    return "-" if value is None else str(value)


def _as_cli_row(item: dict[str, Any]) -> list[str]:
    """An API carrier as the CLI prints it (its columns in its order)."""
    status = item["status"] if item["skip_reason"] is None else f"skipped: {item['skip_reason']}"
    status += f" ({item['detail']})" if item["detail"] else ""
    return [_text(item["position"]), item["carrier"], item["gateway"] or "-", item["number_sent"] or "-",
            _text(item["buy_prefix"]), _text(item["buy_rate"]), _text(item["sell_rate"]), _text(item["margin"]),
            _text(item["margin_percent"]), status]


def _cli_rows(output: str) -> list[list[str]]:
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#"))
    return [re.split(r" {2,}", line.strip()) for line in lines[start + 1:]]


def test_explain_agrees_with_the_cli(api: Api, admin: dict[str, Any], seeded: dict[str, int]) -> None:
    response = api.client.get(URL, headers=admin, params={"number": "+44 7700 900123",
                                                          "account_id": seeded["account"], "at": AT.isoformat()})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["number"], body["outcome"], body["route_prefix"], body["strategy"]) == (
        UK_MOBILE, "routed", "", "lcr")
    assert body["dial_plan"] == {"id": seeded["plan"], "name": "explained"}
    assert body["account"] == {"id": seeded["account"], "number": "500001", "name": "Routing Tester"}
    assert (body["sell_rate"], body["sell_prefix"], body["notes"]) == ("0.060000", "447", [])
    carriers = {item["carrier"]: item for item in body["carriers"]}
    assert [item["carrier"] for item in body["carriers"]] == ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    alpha, beta = carriers["Alpha"], carriers["Beta"]
    assert (alpha["position"], alpha["status"], alpha["buy_rate"], alpha["margin"]) == (1, "pinned", "0.050000",
                                                                                        "0.010000")
    assert (beta["position"], beta["status"], beta["number_sent"], beta["margin_percent"]) == (
        2, "route", "777#07700900123", "50.00")
    assert (beta["gateway"], beta["detail"], beta["carrier_id"]) == ("10.0.0.2:5060/udp", "+1 gateway(s)",
                                                                     seeded["Beta"])
    assert {name: (carriers[name]["position"], carriers[name]["skip_reason"])
            for name in ("Gamma", "Delta", "Epsilon", "Zeta")} == {
        "Gamma": (None, "at a loss"), "Delta": (None, "excluded"), "Epsilon": (None, "disabled"),
        "Zeta": (None, "down")}
    assert carriers["Gamma"]["margin"] == "-0.010000"

    out = _cli_explain(api, "+44 7700 900123", "--account", str(seeded["account"]), "--at", AT.isoformat())
    assert (f"number {body['number']}  dial plan explained  route prefix ''  strategy lcr  outcome routed"
            in out)
    assert f"sell rate {body['sell_rate']}/min (prefix {body['sell_prefix']})" in out
    assert _cli_rows(out) == [_as_cli_row(item) for item in body["carriers"]]


def test_blocked_prefix_agrees_with_the_cli(api: Api, admin: dict[str, Any], seeded: dict[str, int]) -> None:
    body = api.client.get(URL, headers=admin, params={"number": "19005550100", "account_id": seeded["account"],
                                                      "at": AT.isoformat()}).json()
    assert (body["outcome"], body["route_prefix"], body["carriers"]) == ("blocked", "1900", [])
    out = _cli_explain(api, "19005550100", "--account", str(seeded["account"]), "--at", AT.isoformat())
    assert "route prefix '1900'" in out and "outcome blocked" in out


def test_dial_plan_alone_routes_without_a_profit_check(api: Api, admin: dict[str, Any],
                                                        seeded: dict[str, int]) -> None:
    body = api.client.get(URL, headers=admin, params={"number": UK_MOBILE, "dial_plan_id": seeded["plan"],
                                                      "at": AT.isoformat()}).json()
    assert body["account"] is None and body["sell_rate"] is None
    assert body["notes"] and "not checked for profit" in body["notes"][0]
    routed = [(item["carrier"], item["buy_rate"], item["margin"]) for item in body["carriers"]
              if item["position"] is not None]
    assert routed == [("Alpha", "0.050000", None), ("Beta", "0.040000", None), ("Gamma", "0.070000", None)]


def test_account_without_a_rate_is_noted(api: Api, admin: dict[str, Any], seeded: dict[str, int]) -> None:
    body = api.client.get(URL, headers=admin, params={"number": "33123456789", "account_id": seeded["account"],
                                                      "at": AT.isoformat()}).json()
    assert body["sell_rate"] is None
    assert body["notes"] == ["the account's tariff has no rate for this number (no profit check, the call would "
                             "be refused)"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"number": "not a number", "dial_plan_id": "PLAN"}, ("number", "not a phone number")),
    ({"number": UK_MOBILE}, ("dial_plan_id", "give dial_plan_id or account_id")),
    ({"number": UK_MOBILE, "account_id": 9999}, ("account_id", "account 9999 does not exist")),
    ({"number": UK_MOBILE, "dial_plan_id": 9999}, ("dial_plan_id", "dial plan 9999 does not exist")),
    ({"number": UK_MOBILE, "account_id": "PLANLESS"}, ("dial_plan_id", "has no dial plan")),
    ({"number": UK_MOBILE, "dial_plan_id": "PLAN", "at": "2026-03-10T12:00:00"}, ("at", "timezone")),
])
def test_bad_query_is_422_naming_the_parameter(api: Api, admin: dict[str, Any], seeded: dict[str, int],
                                               params: dict[str, Any], expected: tuple[str, str]) -> None:
    with Session(api.engine) as session:
        planless = Account(number="600001", name="No plan")
        session.add(planless)
        session.commit()
        planless_id = planless.id
    values = {"PLAN": seeded["plan"], "PLANLESS": planless_id}
    query = {key: values.get(value, value) if isinstance(value, str) else value for key, value in params.items()}
    response = api.client.get(URL, headers=admin, params=query)
    assert response.status_code == 422, response.text
    field, message = expected
    error = response.json()["detail"][0]
    assert error["loc"] == ["query", field] and message in error["msg"].lower()


@pytest.mark.parametrize("role", ["support", "north"])
def test_only_admins_may_explain(api: Api, auth_header: Header, seeded: dict[str, int], role: str) -> None:
    response = api.client.get(URL, headers=auth_header(api.login(role)),
                              params={"number": UK_MOBILE, "dial_plan_id": seeded["plan"]})
    assert response.status_code == 403
