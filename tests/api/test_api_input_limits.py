"""What a request may send: bodies limited by a setting (413 naming it, nothing read past the limit), a 422 that
never echoes a large input, JSON the parser gives up on answered 422 like any invalid JSON."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from api_harness import PASSWORD, Api
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from switch_service.api.app import create_app
from switch_service.config import settings as settings_module
from switch_service.store.models import Payment

MIB = 1024 * 1024


@pytest.fixture
def small_limits(engine: Engine) -> Iterator[Api]:
    """The app with a 64 KiB body limit and 1 MiB rate-deck files."""
    loaded = settings_module.load()
    settings = dataclasses.replace(loaded, values={**loaded.values, "api_max_body_kib": 64, "api_max_upload_mib": 1})
    with TestClient(create_app(engine, settings, secrets_fallback=True)) as client:
        yield Api(client, engine)


def _admin(api: Api) -> dict[str, str]:
    return {"Authorization": f"Bearer {api.login('admin', PASSWORD)}"}


def _account(api: Api, headers: dict[str, str]) -> int:
    return int(api.client.post("/api/v1/accounts", headers=headers, json={"number": "1", "name": "A"}).json()["id"])


def _payments(api: Api) -> int:
    with api.session() as session:
        return session.scalar(select(func.count()).select_from(Payment)) or 0


def test_a_50_mb_body_is_413_naming_the_setting_and_not_echoed(api: Api) -> None:
    admin = _admin(api)
    account_id = _account(api, admin)
    huge = b'{"amount": "1", "note": "' + b"x" * (50 * MIB) + b'"}'
    response = api.client.post(f"/api/v1/accounts/{account_id}/payments", content=huge,
                               headers={**admin, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert "api_max_body_kib" in response.json()["detail"]
    assert len(response.content) < 1000  # it came back whole in a 422 before
    assert _payments(api) == 0


def test_a_large_body_without_a_length_is_cut_off_at_the_limit(small_limits: Api) -> None:
    api = small_limits
    admin = _admin(api)
    account_id = _account(api, admin)

    def chunks() -> Iterator[bytes]:  # chunked transfer: no Content-Length to judge it by
        yield b'{"amount": "1", "note": "'
        for _ in range(200):
            yield b"x" * 1024
        yield b'"}'

    response = api.client.post(f"/api/v1/accounts/{account_id}/payments", content=chunks(),
                               headers={**admin, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert _payments(api) == 0


@pytest.mark.parametrize(("body", "field"), [
    ({"amount": "1", "note": "x" * 60_000}, "note"),  # a text field too long
    ({"amount": ["1"] * 10_000}, "amount"),  # a list where money goes
])
def test_a_422_never_echoes_a_large_input(api: Api, body: dict[str, Any], field: str) -> None:
    admin = _admin(api)
    account_id = _account(api, admin)
    response = api.client.post(f"/api/v1/accounts/{account_id}/payments", headers=admin, json=body)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", field]
    assert len(error["input"]) < 200 and "characters)" in error["input"]
    assert len(response.content) < 1000
    small = api.client.post(f"/api/v1/accounts/{account_id}/payments", headers=admin, json={"amount": "1e3"})
    assert small.json()["detail"][0]["input"] == "1e3"  # short inputs are shown as they are
    assert _payments(api) == 0


def test_json_nested_too_deeply_is_422_like_any_invalid_json(api: Api) -> None:
    admin = _admin(api)
    account_id = _account(api, admin)
    response = api.client.post(f"/api/v1/accounts/{account_id}/payments", content=b"[" * 500_000,
                               headers={**admin, "Content-Type": "application/json"})
    assert response.status_code == 422  # FastAPI answered 400 ("There was an error parsing the body")
    [error] = response.json()["detail"]
    assert (error["type"], error["loc"], error["ctx"]["error"]) == ("json_invalid", ["body"], "nested too deeply")
    five_mb = api.client.post(f"/api/v1/accounts/{account_id}/payments", content=b"[" * (5 * MIB),
                              headers={**admin, "Content-Type": "application/json"})
    assert five_mb.status_code == 413  # beyond the default 1 MiB: not even read
    not_utf8 = api.client.post(f"/api/v1/accounts/{account_id}/payments", content=b'{"amount": "\xff"}',
                               headers={**admin, "Content-Type": "application/json"})
    assert not_utf8.status_code == 422
    assert _payments(api) == 0


def test_rate_decks_have_their_own_larger_limit(small_limits: Api) -> None:
    api = small_limits
    admin = _admin(api)
    tariff_id = api.client.post("/api/v1/tariffs", headers=admin, json={"name": "Retail"}).json()["id"]
    line = b"44,United Kingdom,0.025000\n"
    deck = b"prefix,destination,price\n" + line * (512 * 1024 // len(line))  # 512 KiB: over the JSON limit
    accepted = api.client.post(f"/api/v1/tariffs/{tariff_id}/imports", headers=admin,
                               files={"file": ("deck.csv", deck, "text/csv")})
    assert accepted.status_code == 202, accepted.text
    too_big = api.client.post(f"/api/v1/tariffs/{tariff_id}/imports", headers=admin,
                              files={"file": ("deck.csv", deck * 3, "text/csv")})
    assert too_big.status_code == 413
    assert "api_max_upload_mib" in too_big.json()["detail"]
    api.wait_job(admin, accepted.json()["id"])
