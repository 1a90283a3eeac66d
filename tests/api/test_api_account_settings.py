"""Everything the switch reads of an account, set through the API: create and PATCH with tariff, dial plan and
limits, the company's defaults, what stops an account calling (`/calling`), status rules for payments, ANIs with
their destination and the account's maximum of them. Bad input is a 4xx naming the field, and nothing changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Ani

URL = "/api/v1/accounts"


@pytest.fixture
def admin(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("admin"))


@pytest.fixture
def support(api: Api, auth_header: Header) -> dict[str, Any]:
    return auth_header(api.login("support"))


def post(api: Api, headers: dict[str, Any], path: str, body: dict[str, Any], code: int = 201) -> dict[str, Any]:
    response = api.client.post(f"/api/v1{path}", headers=headers, json=body)
    assert response.status_code == code, response.text
    answer: dict[str, Any] = response.json()
    return answer


def patch(api: Api, headers: dict[str, Any], path: str, body: dict[str, Any], code: int = 200) -> dict[str, Any]:
    response = api.client.patch(f"/api/v1{path}", headers=headers, json=body)
    assert response.status_code == code, response.text
    answer: dict[str, Any] = response.json()
    return answer


def error_fields(answer: dict[str, Any]) -> list[str]:
    return [item["loc"][-1] for item in answer["detail"]]


def pricing(api: Api, admin: dict[str, Any]) -> dict[str, int]:
    """A USD sell tariff with one rate, a EUR sell tariff, a buy tariff and a dial plan with one route."""
    usd = post(api, admin, "/tariffs", {"name": "Retail USD", "currency": "USD"})["id"]
    post(api, admin, f"/tariffs/{usd}/rates", {"prefix": "1", "price_per_minute": "0.02"})
    eur = post(api, admin, "/tariffs", {"name": "Retail EUR", "currency": "EUR"})["id"]
    buy = post(api, admin, "/tariffs", {"name": "Carrier deck", "kind": "buy", "currency": "USD"})["id"]
    plan = post(api, admin, "/dial-plans", {"name": "World"})["id"]
    post(api, admin, f"/dial-plans/{plan}/routes", {"prefix": ""})
    return {"usd": usd, "eur": eur, "buy": buy, "plan": plan}


def account_count(api: Api) -> int:
    with Session(api.engine) as session:
        return session.scalar(select(func.count()).select_from(Account)) or 0


def test_a_new_account_takes_the_company_defaults_and_can_call_once_paid(api: Api, admin: dict[str, Any]) -> None:
    ids = pricing(api, admin)
    company = patch(api, admin, "/company", {"default_tariff_id": ids["usd"], "default_dial_plan_id": ids["plan"]})
    assert (company["default_tariff_id"], company["default_dial_plan_id"]) == (ids["usd"], ids["plan"])
    account = post(api, admin, "/accounts", {"number": "1001", "name": "Ana", "max_concurrent_calls": 2,
                                            "cps_limit": 1, "max_anis": 3, "low_balance_threshold": "2.50",
                                            "language": "es", "time_zone": "Europe/Madrid"})
    assert (account["tariff_id"], account["dial_plan_id"]) == (ids["usd"], ids["plan"])
    assert (account["max_concurrent_calls"], account["cps_limit"], account["max_anis"]) == (2, 1, 3)
    assert (account["language"], account["time_zone"], account["low_balance_threshold"]) == (
        "es", "Europe/Madrid", "2.500000")

    calling = api.client.get(f"{URL}/{account['id']}/calling", headers=admin).json()
    assert not calling["can_call"]
    assert [block["code"] for block in calling["blocks"]] == ["no_money", "not_identified"]
    assert calling["tariff"] == {"id": ids["usd"], "name": "Retail USD", "currency": "USD", "rates_in_force": 1}
    assert calling["dial_plan"] == {"id": ids["plan"], "name": "World", "routes": 1}
    assert calling["low_balance"] is True

    post(api, admin, f"/accounts/{account['id']}/anis", {"number": "+1 305 555 0101"})
    post(api, admin, f"/accounts/{account['id']}/payments", {"amount": "5.00"})
    calling = api.client.get(f"{URL}/{account['id']}/calling", headers=admin).json()
    assert (calling["can_call"], calling["blocks"], calling["available"], calling["anis"]) == (
        True, [], "5.000000", 1)
    assert calling["low_balance"] is False


def test_a_default_tariff_in_another_currency_is_not_given(api: Api, admin: dict[str, Any]) -> None:
    ids = pricing(api, admin)
    patch(api, admin, "/company", {"default_tariff_id": ids["usd"]})
    account = post(api, admin, "/accounts", {"number": "2001", "name": "Euro", "currency": "EUR"})
    assert account["tariff_id"] is None
    calling = api.client.get(f"{URL}/{account['id']}/calling", headers=admin).json()
    assert {block["code"] for block in calling["blocks"]} >= {"no_tariff", "no_dial_plan"}
    assert "company's default tariff" in calling["blocks"][0]["message"]


@pytest.mark.parametrize(("body", "field"), [
    ({"tariff_id": "eur"}, "tariff_id"),
    ({"tariff_id": "buy"}, "tariff_id"),
    ({"tariff_id": 9999}, "tariff_id"),
    ({"dial_plan_id": 9999}, "dial_plan_id"),
    ({"tax_profile_id": 9999}, "tax_profile_id"),
    ({"time_zone": "Mars/Olympus"}, "time_zone"),
    ({"max_concurrent_calls": -1}, "max_concurrent_calls"),
    ({"language": "english"}, "language"),
])
def test_bad_references_are_a_422_naming_the_field_and_nothing_is_created(
        api: Api, admin: dict[str, Any], body: dict[str, Any], field: str) -> None:
    ids = pricing(api, admin)
    body = {key: ids.get(value, value) if isinstance(value, str) else value for key, value in body.items()}
    before = account_count(api)
    answer = post(api, admin, "/accounts", {"number": "3001", "name": "Bad", **body}, code=422)
    assert error_fields(answer) == [field]
    assert account_count(api) == before


def test_patch_changes_what_is_sent_and_refuses_bad_input_whole(api: Api, admin: dict[str, Any]) -> None:
    ids = pricing(api, admin)
    account = post(api, admin, "/accounts", {"number": "4001", "name": "Bo", "tariff_id": ids["usd"]})
    path = f"/accounts/{account['id']}"
    changed = patch(api, admin, path, {"dial_plan_id": ids["plan"], "status": "suspended", "overdraft": "1.5",
                                       "expires_at": "2030-01-01T00:00:00Z", "email": "bo@example.com"})
    assert (changed["dial_plan_id"], changed["status"], changed["overdraft"]) == (ids["plan"], "suspended",
                                                                                 "1.500000")
    assert changed["expires_at"].startswith("2030-01-01T00:00:00")
    assert changed["tariff_id"] == ids["usd"]  # not sent: kept

    refused = patch(api, admin, path, {"name": "Changed", "tariff_id": ids["eur"], "dial_plan_id": 9999}, code=422)
    assert error_fields(refused) == ["tariff_id", "dial_plan_id"]
    assert "is in EUR, not USD" in refused["detail"][0]["msg"]
    assert api.client.get(f"/api/v1{path}", headers=admin).json() == changed

    assert error_fields(patch(api, admin, path, {"name": None}, code=422)) == ["name"]
    assert error_fields(patch(api, admin, path, {"currency": "EUR"}, code=422)) == ["currency"]
    cleared = patch(api, admin, path, {"tariff_id": None, "expires_at": None, "email": None})
    assert (cleared["tariff_id"], cleared["expires_at"], cleared["email"]) == (None, None, None)


def test_support_edits_contact_details_only(api: Api, admin: dict[str, Any], support: dict[str, Any]) -> None:
    ids = pricing(api, admin)
    account = post(api, admin, "/accounts", {"number": "5001", "name": "Cy"})
    path = f"/accounts/{account['id']}"
    assert patch(api, support, path, {"name": "Cyrus", "email": "cy@example.com"})["name"] == "Cyrus"
    refused = patch(api, support, path, {"tariff_id": ids["usd"], "status": "closed"}, code=403)
    assert "status, tariff_id" in refused["detail"]
    assert post(api, support, "/accounts", {"number": "5002", "name": "D", "dial_plan_id": ids["plan"]},
                code=403)["detail"].startswith("the support role may not set dial_plan_id")


def test_payments_follow_the_account_status(api: Api, admin: dict[str, Any]) -> None:
    account = post(api, admin, "/accounts", {"number": "6001", "name": "Di"})
    path = f"/accounts/{account['id']}"
    post(api, admin, f"{path}/payments", {"amount": "10"})
    patch(api, admin, path, {"status": "suspended"})
    refused = post(api, admin, f"{path}/payments", {"amount": "5"}, code=409)
    assert refused["detail"].startswith("status: account 6001 is suspended")
    assert api.client.get(f"/api/v1{path}", headers=admin).json()["balance"] == "10.000000"
    patch(api, admin, path, {"status": "closed"})
    post(api, admin, f"{path}/payments", {"amount": "5"}, code=409)
    receipt = post(api, admin, f"{path}/payments", {"amount": "10", "kind": "refund"})
    assert receipt["balance"] == "0.000000"
    patch(api, admin, path, {"status": "active"})
    assert post(api, admin, f"{path}/payments", {"amount": "1"})["balance"] == "1.000000"


def test_company_defaults_are_checked_and_protected(api: Api, admin: dict[str, Any]) -> None:
    ids = pricing(api, admin)
    for body, field in (({"default_tariff_id": ids["eur"]}, "default_tariff_id"),
                        ({"default_tariff_id": ids["buy"]}, "default_tariff_id"),
                        ({"default_dial_plan_id": 9999}, "default_dial_plan_id")):
        assert error_fields(patch(api, admin, "/company", body, code=422)) == [field]
    patch(api, admin, "/company", {"default_tariff_id": ids["usd"], "default_dial_plan_id": ids["plan"]})
    assert error_fields(patch(api, admin, "/company", {"currency": "EUR"}, code=422)) == ["currency"]
    assert patch(api, admin, "/company", {"currency": "EUR", "default_tariff_id": ids["eur"]})["currency"] == "EUR"
    assert "default tariff" in api.client.delete(f"/api/v1/tariffs/{ids['eur']}", headers=admin).json()["detail"]
    assert "default dial plan" in api.client.delete(f"/api/v1/dial-plans/{ids['plan']}",
                                                    headers=admin).json()["detail"]
    cleared = patch(api, admin, "/company", {"default_tariff_id": None, "default_dial_plan_id": None})
    assert (cleared["default_tariff_id"], cleared["default_dial_plan_id"]) == (None, None)
    assert api.client.delete(f"/api/v1/dial-plans/{ids['plan']}", headers=admin).status_code == 204


def test_a_used_tariff_keeps_its_currency(api: Api, admin: dict[str, Any]) -> None:
    ids = pricing(api, admin)
    post(api, admin, "/accounts", {"number": "7001", "name": "Ed", "tariff_id": ids["usd"]})
    refused = patch(api, admin, f"/tariffs/{ids['usd']}", {"currency": "EUR"}, code=409)
    assert "1 account in USD" in refused["detail"]


def test_anis_carry_a_destination_and_the_account_limits_them(api: Api, admin: dict[str, Any]) -> None:
    account = post(api, admin, "/accounts", {"number": "8001", "name": "Flo", "max_anis": 2})
    path = f"/accounts/{account['id']}/anis"
    first = post(api, admin, path, {"number": "+1 305 555 0101", "destination": "+52 55 1234 5678"})
    assert (first["number"], first["destination"]) == ("13055550101", "525512345678")
    changed = patch(api, admin, f"/anis/{first['id']}", {"destination": "00 44 20 7946 0018"})
    assert changed["destination"] == "442079460018"
    assert error_fields(patch(api, admin, f"/anis/{first['id']}", {"destination": "call me"}, code=422)) == [
        "destination"]
    assert error_fields(post(api, admin, path, {"number": "+1 305 555 0199", "destination": "x"}, code=422)) == [
        "destination"]
    post(api, admin, path, {"number": "+1 305 555 0102"})
    refused = post(api, admin, path, {"number": "+1 305 555 0103"}, code=409)
    assert refused["detail"].startswith("max_anis: account 8001 has its maximum of 2")
    with Session(api.engine) as session:
        stored = dict(session.execute(select(Ani.number, Ani.destination)).all())
    assert stored == {"13055550101": "442079460018", "13055550102": None}
    assert patch(api, admin, f"/anis/{first['id']}", {"destination": None})["destination"] is None
    patch(api, admin, f"/accounts/{account['id']}", {"max_anis": 0})  # 0: no limit
    post(api, admin, path, {"number": "+1 305 555 0103"})


def test_money_amounts_stay_exact(api: Api, admin: dict[str, Any]) -> None:
    account = post(api, admin, "/accounts", {"number": "9001", "name": "Gus", "overdraft": "0.000001",
                                            "low_balance_threshold": "0.10"})
    with Session(api.engine) as session:
        stored = session.get(Account, account["id"])
        assert stored is not None
        assert (stored.overdraft, stored.low_balance_threshold) == (Decimal("0.000001"), Decimal("0.10"))


def test_card_batches_take_the_defaults_a_tariff_in_their_currency_and_a_most_of_caller_numbers(
        api: Api, admin: dict[str, Any]) -> None:
    ids = pricing(api, admin)
    patch(api, admin, "/company", {"default_tariff_id": ids["usd"], "default_dial_plan_id": ids["plan"]})
    refused = post(api, admin, "/card-batches", {"name": "Euro cards", "count": 2, "face_value": "5",
                                                 "tariff_id": ids["usd"], "currency": "EUR"}, code=422)
    assert error_fields(refused) == ["tariff_id"]
    job = post(api, admin, "/card-batches", {"name": "Kiosk 5", "count": 2, "face_value": "5", "max_anis": 1},
               code=202)
    assert api.wait_job(admin, job["id"])["state"] == "succeeded"
    batch_id = api.client.get("/api/v1/card-batches", headers=admin).json()["items"][0]["id"]
    cards = api.client.get(f"/api/v1/card-batches/{batch_id}/cards", headers=admin).json()["items"]
    accounts = [api.client.get(f"{URL}/{card['account_id']}", headers=admin).json() for card in cards]
    assert {(a["tariff_id"], a["dial_plan_id"], a["max_anis"]) for a in accounts} == {(ids["usd"], ids["plan"], 1)}
    first = accounts[0]["id"]
    post(api, admin, f"/accounts/{first}/anis", {"number": "+1 305 555 0171"})
    assert "max_anis" in post(api, admin, f"/accounts/{first}/anis", {"number": "+1 305 555 0172"}, code=409)["detail"]
