"""A white-label reseller's own sell tariff, through the API on SQLite, PostgreSQL and MariaDB: marked up from its
buy tariff exactly (rounded up to the money quantum), the longest prefix markup first, refreshed after the buy
tariff changes, below cost only when allowed; its user sees and edits only its own tariff and gives it to its
customers; and a call over RADIUS by such a customer earns the reseller its sell price less its buy price."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from api_harness import PASSWORD, Api
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.store.models import Cdr, CdrResellerLine, Rate
from tests.aaa.test_aaa_billing_policy import ANI, DEST, NOW, build_world, make_policy

D = Decimal
API = "/api/v1"
SECRET = b"white-label-tariff"
BUY_DECK = [  # prefix, price per minute, connect fee
    ("1", "0.005", "0"), ("33", "0.033333", "0"), ("44", "0.0123", "0.05"), ("4420", "0.011111", "0"),
    ("447", "0.000001", "0"),
]
MARKUP = {"markup_percent": "20", "prefix_markups": [{"prefix": "44", "percent": "35"},
                                                     {"prefix": "4420", "percent": "10"}]}


def _bearer(api: Api, username: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api.login(username)}"}


def _ok(response: Any, code: int = 200) -> Any:
    assert response.status_code == code, response.text
    return response.json()


def _label(api: Api, admin: dict[str, str]) -> tuple[int, int]:
    """Through the API: the operator's buy tariff for the reseller, the white-label reseller 'Label' on it and
    its user 'label'. Returns (reseller id, buy tariff id)."""
    buy = _ok(api.client.post(f"{API}/tariffs", headers=admin, json={"name": "Label buy"}), 201)["id"]
    for prefix, price, connect in BUY_DECK:
        _ok(api.client.post(f"{API}/tariffs/{buy}/rates", headers=admin,
                            json={"prefix": prefix, "destination": f"D{prefix}", "price_per_minute": price,
                                  "connect_fee": connect, "valid_from": "2026-01-01T00:00:00Z"}), 201)
    label = _ok(api.client.post(f"{API}/resellers", headers=admin,
                                json={"name": "Label", "kind": "white_label", "tariff_id": buy}), 201)["id"]
    _ok(api.client.post(f"{API}/users", headers=admin,
                        json={"username": "label", "password": PASSWORD, "role": "reseller", "reseller_id": label}),
        201)
    return label, buy


def _prices(api: Api, headers: dict[str, str], tariff_id: int) -> dict[str, tuple[Decimal, Decimal]]:
    items = _ok(api.client.get(f"{API}/tariffs/{tariff_id}/rates", headers=headers, params={"limit": 100}))["items"]
    return {item["prefix"]: (D(item["price_per_minute"]), D(item["connect_fee"])) for item in items}


@pytest.mark.databases
def test_sell_tariff_is_marked_up_refreshed_and_below_cost_only_when_allowed(any_api: Api) -> None:
    admin = _bearer(any_api, "admin")
    label, buy = _label(any_api, admin)
    url = f"{API}/resellers/{label}/sell-tariff"
    sell = _ok(any_api.client.put(url, headers=admin, json=MARKUP))
    assert (sell["kind"], sell["rate_count"]) == ("sell", 5)
    assert _ok(any_api.client.get(f"{API}/resellers/{label}", headers=admin))["sell_tariff_id"] == sell["id"]
    assert _prices(any_api, admin, sell["id"]) == {  # by hand; every price rounded UP to 0.000001
        "1": (D("0.006"), D(0)),  # 0.005 × 1.20
        "33": (D("0.04"), D(0)),  # 0.033333 × 1.20 = 0.0399996
        "44": (D("0.016605"), D("0.0675")),  # 0.0123 × 1.35; 0.05 × 1.35
        "4420": (D("0.012223"), D(0)),  # 0.011111 × 1.10 = 0.0122221: the longer prefix's 10 % wins over 44's 35 %
        "447": (D("0.000002"), D(0)),  # 0.000001 × 1.35 = 0.00000135, never below cost
    }
    rate_1 = next(item["id"] for item in _ok(any_api.client.get(f"{API}/tariffs/{buy}/rates", headers=admin,
                                                                params={"prefix": "1"}))["items"])
    _ok(any_api.client.patch(f"{API}/tariffs/{buy}/rates/{rate_1}", headers=admin,
                             json={"price_per_minute": "0.01"}))
    refreshed = _ok(any_api.client.put(url, headers=admin, json=MARKUP))
    assert refreshed["id"] == sell["id"] and refreshed["version"] > sell["version"]
    assert _prices(any_api, admin, sell["id"])["1"] == (D("0.012"), D(0))
    for body, loc in ((dict(MARKUP, markup_percent="-5"), ["body", "markup_percent"]),
                      ({"prefix_markups": [{"prefix": "44", "percent": "-1"}]},
                       ["body", "prefix_markups", 0, "percent"])):
        response = any_api.client.put(url, headers=admin, json=body)
        assert response.status_code == 422, response.text
        error = response.json()["detail"][0]
        assert error["loc"] == loc and "below cost" in error["msg"]
    assert _prices(any_api, admin, sell["id"])["1"] == (D("0.012"), D(0))  # nothing changed
    _ok(any_api.client.put(url, headers=admin, json={"markup_percent": "-5", "allow_below_cost": True}))
    assert _prices(any_api, admin, sell["id"])["1"] == (D("0.0095"), D(0))
    with Session(any_api.engine) as session:
        assert session.scalar(select(func.count()).select_from(Rate).where(Rate.tariff_id == sell["id"])) == 5
    north = _ok(any_api.client.post(f"{API}/resellers", headers=admin,
                                    json={"name": "North", "kind": "usage_based", "tariff_id": buy}), 201)["id"]
    bare = _ok(any_api.client.post(f"{API}/resellers", headers=admin,
                                   json={"name": "Bare", "kind": "white_label"}), 201)["id"]
    for reseller, words in ((north, "only a white_label reseller"), (bare, "has no buy tariff")):
        response = any_api.client.put(f"{API}/resellers/{reseller}/sell-tariff", headers=admin, json=MARKUP)
        assert response.status_code == 422 and words in response.json()["detail"][0]["msg"], response.text


@pytest.mark.databases
def test_reseller_user_sees_and_edits_only_its_own_sell_tariff(any_api: Api) -> None:
    admin = _bearer(any_api, "admin")
    label, buy = _label(any_api, admin)
    other = _ok(any_api.client.post(f"{API}/resellers", headers=admin,
                                    json={"name": "Other", "kind": "white_label", "tariff_id": buy}), 201)["id"]
    user = _bearer(any_api, "label")
    assert any_api.client.put(f"{API}/resellers/{other}/sell-tariff", headers=user, json=MARKUP).status_code == 404
    own = _ok(any_api.client.put(f"{API}/resellers/{label}/sell-tariff", headers=user, json=MARKUP))
    _ok(any_api.client.put(f"{API}/resellers/{other}/sell-tariff", headers=admin, json={"markup_percent": "1"}))
    listed = _ok(any_api.client.get(f"{API}/tariffs", headers=user))["items"]
    assert [item["id"] for item in listed] == [own["id"]]
    assert len(_ok(any_api.client.get(f"{API}/tariffs", headers=admin))["items"]) == 3
    assert _ok(any_api.client.get(f"{API}/tariffs/{own['id']}", headers=user))["rate_count"] == 5
    for path in (f"/tariffs/{buy}", f"/tariffs/{buy}/rates", f"/tariffs/{own['id'] + 1}/rates"):
        assert any_api.client.get(f"{API}{path}", headers=user).status_code == 404, path
    rates = _ok(any_api.client.get(f"{API}/tariffs/{own['id']}/rates", headers=user, params={"prefix": "44"}))
    rate = rates["items"][0]
    changed = _ok(any_api.client.patch(f"{API}/tariffs/{own['id']}/rates/{rate['id']}", headers=user,
                                       json={"price_per_minute": "0.02"}))
    assert D(changed["price_per_minute"]) == D("0.02")
    below = any_api.client.patch(f"{API}/tariffs/{own['id']}/rates/{rate['id']}", headers=user,
                                 json={"price_per_minute": "0.0122"})  # it buys 44 at 0.0123
    assert below.status_code == 422 and below.json()["detail"][0]["loc"] == ["body", "price_per_minute"], below.text
    assert "below the buy price" in below.json()["detail"][0]["msg"]
    assert D(_prices(any_api, user, own["id"])["44"][0]) == D("0.02")  # nothing changed
    buy_rate = _ok(any_api.client.get(f"{API}/tariffs/{buy}/rates", headers=admin))["items"][0]
    assert any_api.client.patch(f"{API}/tariffs/{buy}/rates/{buy_rate['id']}", headers=user,
                                json={"price_per_minute": "0"}).status_code == 404
    assert any_api.client.post(f"{API}/tariffs/{own['id']}/rates", headers=user,
                               json={"prefix": "9", "price_per_minute": "1"}).status_code == 403
    assert any_api.client.get(f"{API}/carriers", headers=user).status_code == 403
    refused = any_api.client.post(f"{API}/accounts", headers=user,
                                  json={"number": "L2", "name": "Not mine", "tariff_id": buy})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "tariff_id"]
    customer = _ok(any_api.client.post(f"{API}/accounts", headers=user,
                                       json={"number": "L1", "name": "Customer", "tariff_id": own["id"]}), 201)
    assert (customer["tariff_id"], customer["reseller_id"]) == (own["id"], label)
    _ok(any_api.client.patch(f"{API}/accounts/{customer['id']}", headers=user, json={"tariff_id": None}))
    assert any_api.client.patch(f"{API}/accounts/{customer['id']}", headers=user,
                                json={"name": "Renamed"}).status_code == 403
    _ok(any_api.client.patch(f"{API}/accounts/{customer['id']}", headers=user, json={"tariff_id": own["id"]}))
    outside = any_api.client.post(f"{API}/accounts", headers=admin,
                                  json={"number": "X1", "name": "Not under Label", "tariff_id": own["id"]})
    assert outside.status_code == 422 and "own sell tariff" in outside.json()["detail"][0]["msg"], outside.text
    moved = any_api.client.patch(f"{API}/accounts/{customer['id']}", headers=admin, json={"reseller_id": other})
    assert moved.status_code == 422 and moved.json()["detail"][0]["loc"] == ["body", "tariff_id"], moved.text


@pytest.mark.databases
def test_a_call_on_the_white_label_tariff_earns_sell_less_buy(any_api: Api) -> None:
    """A customer of the white-label reseller, on its sell tariff (44 at 0.07 × 1.35 = 0.0945/min), calls 44 for
    180 s over RADIUS: it pays 0.2835, the reseller buys at 0.07/min (0.21) and earns 0.0735."""
    world = build_world(any_api.engine, balance="5.00")
    admin = _bearer(any_api, "admin")
    buy = _ok(any_api.client.post(f"{API}/tariffs", headers=admin, json={"name": "Label buy"}), 201)["id"]
    _ok(any_api.client.post(f"{API}/tariffs/{buy}/rates", headers=admin,
                            json={"prefix": "44", "price_per_minute": "0.07", "valid_from": "2026-01-01T00:00:00Z"}),
        201)
    label = _ok(any_api.client.post(f"{API}/resellers", headers=admin,
                                    json={"name": "Label", "kind": "white_label", "tariff_id": buy}), 201)["id"]
    sell = _ok(any_api.client.put(f"{API}/resellers/{label}/sell-tariff", headers=admin,
                                  json={"markup_percent": "20", "prefix_markups": [{"prefix": "44",
                                                                                    "percent": "35"}]}))
    _ok(any_api.client.patch(f"{API}/accounts/{world.account_id}", headers=admin,
                             json={"reseller_id": label, "tariff_id": sell["id"]}))
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, require_message_authenticator=False, name="switch")
    server = RadiusServer(make_policy(any_api.engine), registry, auth_port=0, acct_port=0, drop_log_interval=0.0)
    server.start()
    client = RadiusClient("127.0.0.1", SECRET, auth_port=server.auth_address[1], acct_port=server.acct_address[1],
                          timeout=5.0, retries=2)
    try:
        assert client.authorize(AuthRequest(ANI, calling_station_id=ANI, called_station_id=DEST, conf_id="wl-1",
                                            call_id="wl-1@sw")).accepted
        for status in (AcctStatus.START, AcctStatus.STOP):
            stop = status is AcctStatus.STOP
            client.account(AcctRecord(status=status, session_id="wl-1", user_name=ANI, calling_station_id=ANI,
                                      called_station_id=DEST, conf_id="wl-1", call_id="wl-1@sw", setup_time=NOW,
                                      connect_time=NOW, session_time=180 if stop else None,
                                      disconnect_time=NOW + dt.timedelta(seconds=180) if stop else None,
                                      disconnect_cause=16 if stop else None))
    finally:
        server.stop()
    with Session(any_api.engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        lines = session.scalars(select(CdrResellerLine)).all()
    assert cdr.price == D("0.2835")
    assert [(line.reseller_id, line.level, line.sell, line.buy, line.commission) for line in lines] == [
        (label, 0, D("0.2835"), D("0.21"), D("0.0735"))]
