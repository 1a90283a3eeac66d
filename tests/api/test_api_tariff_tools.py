"""Building and repricing a tariff through the API as jobs: a sell tariff blended from two carriers' decks (prices
worked out by hand), a tariff raised and lowered by a percentage, and bad input refused with nothing changed."""

from __future__ import annotations

from typing import Any

import pytest
from api_harness import Api, Header

URL = "/api/v1/tariffs"
Headers = dict[str, Any]


def _tariff(api: Api, admin: Headers, name: str, kind: str = "sell", rates: tuple[dict[str, Any], ...] = ()) -> int:
    created = api.client.post(URL, headers=admin, json={"name": name, "kind": kind})
    assert created.status_code == 201, created.text
    tariff_id = int(created.json()["id"])
    for rate in rates:
        added = api.client.post(f"{URL}/{tariff_id}/rates", headers=admin, json=rate)
        assert added.status_code == 201, added.text
    return tariff_id


def _carrier(api: Api, admin: Headers, name: str, buy_tariff_id: int | None, **more: Any) -> int:
    created = api.client.post("/api/v1/carriers", headers=admin,
                              json={"name": name, "buy_tariff_id": buy_tariff_id, **more})
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def _prices(api: Api, admin: Headers, tariff_id: int) -> dict[str, tuple[str, ...]]:
    rates = api.client.get(f"{URL}/{tariff_id}/rates", headers=admin).json()["items"]
    return {rate["prefix"]: (rate["price_per_minute"], rate["offpeak_price"], rate["connect_fee"]) for rate in rates}


def _finished(api: Api, admin: Headers, answer: Any) -> dict[str, Any]:
    assert answer.status_code == 202, answer.text
    assert answer.headers["Location"] == f"/api/v1/jobs/{answer.json()['id']}"
    job = api.wait_job(admin, answer.json()["id"])
    assert job["state"] == "succeeded", job
    return job


@pytest.fixture
def world(api: Api, auth_header: Header) -> dict[str, Any]:
    """Carrier Alpha: 44 at 0.01, 447 at 0.03; Beta: 44 at 0.012, 447 at 0.025, 33 at 0.02; Gamma (switched off):
    everything at 0.001; Delta: no buy deck. A sell tariff Retail with one rate, 49, that no carrier covers."""
    admin = auth_header(api.login("admin"))
    alpha = _tariff(api, admin, "Alpha buy", "buy", ({"prefix": "44", "price_per_minute": "0.01"},
                                                     {"prefix": "447", "price_per_minute": "0.03"}))
    beta = _tariff(api, admin, "Beta buy", "buy", ({"prefix": "44", "price_per_minute": "0.012"},
                                                   {"prefix": "447", "price_per_minute": "0.025"},
                                                   {"prefix": "33", "price_per_minute": "0.02"}))
    gamma = _tariff(api, admin, "Gamma buy", "buy", ({"prefix": "4", "price_per_minute": "0.001"},))
    retail = _tariff(api, admin, "Retail", rates=({"prefix": "49", "price_per_minute": "0.5"},))
    return {"admin": admin, "retail": retail, "alpha_buy": alpha,
            "carriers": [_carrier(api, admin, "Alpha", alpha), _carrier(api, admin, "Beta", beta),
                         _carrier(api, admin, "Gamma", gamma, enabled=False)],
            "delta": _carrier(api, admin, "Delta", None)}


def test_a_sell_tariff_is_blended_from_carriers_decks(api: Api, world: dict[str, Any]) -> None:
    admin, retail = world["admin"], world["retail"]
    version = api.client.get(f"{URL}/{retail}", headers=admin).json()["version"]
    job = _finished(api, admin, api.client.post(f"{URL}/{retail}/blend", headers=admin, json={
        "carrier_ids": world["carriers"], "margin_percent": "20", "round_up": "0.001"}))
    result = job["result"]
    assert (result["priced"], result["carriers"], result["skipped"]) == (3, ["Alpha", "Beta"], ["Gamma"])
    assert (result["uncovered_count"], result["uncovered"]) == (1, ["49"])  # Retail had it; nobody sells it
    assert result["version"] == version + 1
    # 33: Beta 0.02 x 1.2 = 0.024; 44: Alpha 0.01 x 1.2 = 0.012; 447: Beta 0.025 x 1.2 = 0.03
    assert {prefix: price for prefix, (price, _o, _c) in _prices(api, admin, retail).items()} == {
        "33": "0.024000", "44": "0.012000", "447": "0.030000"}

    # the average of the two cheapest, with at least 0.005 a minute over it: 44: (0.01 + 0.012) / 2 = 0.011,
    # + 20 % = 0.0132 < 0.011 + 0.005 = 0.016; 447: 0.0275 x 1.2 = 0.033 > 0.0325
    _finished(api, admin, api.client.post(f"{URL}/{retail}/blend", headers=admin, json={
        "carrier_ids": world["carriers"][:2], "margin_percent": "20", "min_margin": "0.005", "best": 2}))
    prices = {prefix: price for prefix, (price, _o, _c) in _prices(api, admin, retail).items()}
    assert (prices["44"], prices["447"], prices["33"]) == ("0.016000", "0.033000", "0.025000")


def test_a_tariff_is_raised_and_lowered_by_a_percentage(api: Api, world: dict[str, Any]) -> None:
    admin, retail = world["admin"], world["retail"]
    added = api.client.post(f"{URL}/{retail}/rates", headers=admin, json={
        "prefix": "44", "price_per_minute": "0.012", "offpeak_price": "0.01", "connect_fee": "0.05"})
    assert added.status_code == 201
    version = api.client.get(f"{URL}/{retail}", headers=admin).json()["version"]

    job = _finished(api, admin, api.client.post(f"{URL}/{retail}/raise", headers=admin, json={"percent": "5"}))
    assert (job["result"]["rates"], job["result"]["version"]) == (2, version + 1)
    # 0.012 x 1.05 = 0.0126, 0.01 x 1.05 = 0.0105, 0.5 x 1.05 = 0.525; the connect fee stays without `fees`
    assert _prices(api, admin, retail) == {"44": ("0.012600", "0.010500", "0.050000"),
                                           "49": ("0.525000", None, "0.000000")}

    _finished(api, admin, api.client.post(f"{URL}/{retail}/raise", headers=admin, json={
        "percent": "5", "round_up": "0.001", "fees": True}))
    # 0.0126 x 1.05 = 0.01323 -> 0.014; 0.0105 x 1.05 = 0.011025 -> 0.012; connect 0.05 x 1.05 = 0.0525 -> 0.053
    assert _prices(api, admin, retail)["44"] == ("0.014000", "0.012000", "0.053000")

    _finished(api, admin, api.client.post(f"{URL}/{retail}/raise", headers=admin, json={"percent": "-10"}))
    # 0.014 x 0.9 = 0.0126; 0.012 x 0.9 = 0.0108; 49 was 0.525 x 1.05 = 0.55125 -> 0.552, now x 0.9 = 0.4968
    assert _prices(api, admin, retail)["44"] == ("0.012600", "0.010800", "0.053000")
    assert _prices(api, admin, retail)["49"][0] == "0.496800"


@pytest.mark.parametrize(("path", "body", "status", "field", "words"), [
    ("blend", {"margin_percent": "20"}, 422, "carrier_ids", "Field required"),
    ("blend", {"carrier_ids": [], "margin_percent": "20"}, 422, "carrier_ids", "at least 1"),
    ("blend", {"carrier_ids": ["alpha", "alpha"], "margin_percent": "20"}, 422, "carrier_ids", "listed twice"),
    ("blend", {"carrier_ids": [999], "margin_percent": "20"}, 422, "carrier_ids", "no carrier 999"),
    ("blend", {"carrier_ids": ["delta"], "margin_percent": "20"}, 422, "carrier_ids", "Delta has no buy tariff"),
    ("blend", {"carrier_ids": ["alpha"]}, 422, "margin_percent", "as margin_percent or as margin_amount"),
    ("blend", {"carrier_ids": ["alpha"], "margin_percent": "20", "margin_amount": "0.01"}, 422, "margin_percent",
     "(one)"),
    ("blend", {"carrier_ids": ["alpha"], "margin_percent": "-5"}, 422, "margin_percent", "greater than or equal"),
    ("blend", {"carrier_ids": ["alpha"], "margin_percent": "20", "round_up": "0"}, 422, "round_up", "above 0"),
    ("raise", {"percent": "0"}, 422, "percent", "changes nothing"),
    ("raise", {"percent": "-100"}, 422, "percent", "greater than -100"),
    ("raise", {"percent": "5", "round_up": "0"}, 422, "round_up", "above 0"),
    ("raise", {"percent": "abc"}, 422, "percent", "valid decimal"),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_changes(
        api: Api, world: dict[str, Any], *, path: str, body: dict[str, Any], status: int, field: str,
        words: str) -> None:
    admin, retail = world["admin"], world["retail"]
    names = {"alpha": world["carriers"][0], "delta": world["delta"]}
    if "carrier_ids" in body:
        body = {**body, "carrier_ids": [names.get(item, item) for item in body["carrier_ids"]]}
    before = _prices(api, admin, retail), api.client.get(f"{URL}/{retail}", headers=admin).json()["version"]
    answer = api.client.post(f"{URL}/{retail}/{path}", headers=admin, json=body)
    assert answer.status_code == status, answer.text
    [problem] = answer.json()["detail"]
    assert problem["loc"][:2] == ["body", field] and words in problem["msg"], problem
    assert (_prices(api, admin, retail), api.client.get(f"{URL}/{retail}", headers=admin).json()["version"]) == before


def test_a_buy_tariff_is_not_blended_and_support_may_not_reprice(api: Api, world: dict[str, Any],
                                                                  auth_header: Header) -> None:
    admin = world["admin"]
    refused = api.client.post(f"{URL}/{world['alpha_buy']}/blend", headers=admin,
                              json={"carrier_ids": world["carriers"][1:2], "margin_percent": "20"})
    assert refused.status_code == 409 and "is a buy tariff" in refused.json()["detail"]
    support = auth_header(api.login("support"))
    assert api.client.post(f"{URL}/{world['retail']}/raise", headers=support,
                           json={"percent": "5"}).status_code == 403
    assert api.client.post(f"{URL}/{world['retail']}/blend", headers=support,
                           json={"carrier_ids": world["carriers"], "margin_percent": "5"}).status_code == 403
