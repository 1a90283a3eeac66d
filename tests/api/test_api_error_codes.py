"""Every 4xx answer carries a machine-readable `code`, the `field` it is about and the `params` of its words besides
the human `detail`, so a client (the desktop) can say it in its own words and language."""

from __future__ import annotations

from api_harness import PASSWORD, Api, Header


def _account(api: Api, headers: dict[str, str], number: str = "5001") -> int:
    response = api.client.post("/api/v1/accounts", headers=headers, json={"number": number, "name": "Cafe"})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_a_422_names_the_field_and_keeps_pydantic_types(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api, admin)
    response = api.client.post(f"/api/v1/accounts/{account}/payments", headers=admin,
                               json={"amount": "0", "kind": "topup"})
    assert response.status_code == 422
    body = response.json()
    assert (body["code"], body["field"]) == ("invalid_input", "amount")
    [problem] = body["detail"]
    assert (problem["type"], problem["loc"], problem["ctx"]) == ("greater_than", ["body", "amount"], {"gt": 0})


def test_a_missing_row_named_in_a_body_is_a_not_found_problem(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    response = api.client.post("/api/v1/accounts", headers=admin,
                               json={"number": "5002", "name": "Cafe", "reseller_id": 999})
    body = response.json()
    assert (response.status_code, body["code"], body["field"]) == (422, "invalid_input", "reseller_id")
    [problem] = body["detail"]
    assert (problem["type"], problem["msg"], problem["ctx"]) == (
        "not_found", "reseller 999 does not exist", {"what": "reseller", "key": "999"})


def test_http_errors_have_codes(api: Api, auth_header: Header) -> None:
    wrong = api.client.post("/api/v1/auth/login", json={"username": "admin", "password": "not it at all"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "wrong_credentials")
    anonymous = api.client.get("/api/v1/accounts")
    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "not_signed_in")

    admin = auth_header(api.login("admin"))
    _account(api, admin, "5003")
    taken = api.client.post("/api/v1/accounts", headers=admin, json={"number": "5003", "name": "Again"})
    assert taken.status_code == 409
    assert taken.json() == {"detail": "account number 5003 is already in use", "code": "number_taken",
                            "field": "number", "params": {"what": "account number", "number": "5003"}}

    missing = api.client.get("/api/v1/accounts/424242", headers=admin)
    assert missing.json() == {"detail": "account 424242 does not exist", "code": "not_found", "field": None,
                              "params": {"what": "account", "key": "424242"}}

    support = auth_header(api.login("support", PASSWORD))
    refused = api.client.get("/api/v1/carriers", headers=support)
    assert (refused.status_code, refused.json()["code"], refused.json()["params"]) == (
        403, "forbidden", {"role": "support"})

    explain = api.client.get("/api/v1/routing/explain", headers=admin, params={"number": "442071234567"})
    assert explain.status_code == 422
    assert [(p["type"], p["loc"]) for p in explain.json()["detail"]] == [("no_dial_plan", ["query", "dial_plan_id"])]
