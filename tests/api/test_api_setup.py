"""First run (`/setup`: the first admin and the company, once only, race-safe) and `/company` by role."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from api_harness import Api, Header
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.api.app import create_app
from switch_service.config import settings as settings_module
from switch_service.store.engine import make_engine
from switch_service.store.models import Account, AuditEntry, CardBatch, CompanySetting, User
from switch_service.store.repositories.company import claim_first_setup

SETUP = "/api/v1/setup"
COMPANY = "/api/v1/company"
NO_DEFAULTS = {"default_tariff_id": None, "default_dial_plan_id": None}  # of a new account

DEFAULTS = {"low_balance": "1.000000", "cash_rounding": "refuse", "address": ""}  # the company settings not set here


def _body(**changes: Any) -> dict[str, Any]:
    return {"username": "owner", "password": "owner password 1", "company_name": "Acme Telecom",
            "currency": "eur", "time_zone": "Europe/Madrid", **changes}


@pytest.fixture
def empty_api(isolated_dirs: Path, empty_template: Path) -> Iterator[Api]:
    """The real app over a migrated database with no user at all (a fresh install)."""
    shutil.copyfile(empty_template, isolated_dirs / "empty.db")
    engine = make_engine(f"sqlite:///{isolated_dirs / 'empty.db'}")
    with TestClient(create_app(engine, settings_module.load(), secrets_fallback=True)) as client:
        yield Api(client, engine)
    engine.dispose()


def _counts(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        return (session.scalar(select(func.count()).select_from(User)) or 0,
                session.scalar(select(func.count()).select_from(CompanySetting)) or 0)


def test_setup_creates_the_first_admin_and_company_signs_in_and_then_shuts(empty_api: Api,
                                                                          auth_header: Header) -> None:
    client = empty_api.client
    assert client.get(SETUP).json() == {"needs_admin": True}

    response = client.post(SETUP, json=_body())
    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["user"]["username"] == "owner" and answer["user"]["role"] == "admin"
    me = client.get("/api/v1/auth/me", headers=auth_header(answer["token"]))
    assert me.status_code == 200 and me.json()["username"] == "owner"
    assert empty_api.login("owner", "owner password 1")  # a real user with that password
    company = client.get(COMPANY, headers=auth_header(answer["token"])).json()
    assert company == {"name": "Acme Telecom", "currency": "EUR", "time_zone": "Europe/Madrid",
                       **NO_DEFAULTS, **DEFAULTS}
    with empty_api.session() as session:
        audited = {(entry.action, entry.entity) for entry in session.scalars(select(AuditEntry))}
    assert {("create", "user"), ("update", "company"), ("login", "api_session")} <= audited

    assert client.get(SETUP).json() == {"needs_admin": False}
    before = _counts(empty_api.engine)
    again = client.post(SETUP, json=_body(username="intruder", company_name="Taken Over"))
    assert again.status_code == 409
    assert "already set up" in again.json()["detail"]
    assert _counts(empty_api.engine) == before
    assert client.get(COMPANY, headers=auth_header(answer["token"])).json()["name"] == "Acme Telecom"


def test_setup_is_refused_where_users_already_exist(api: Api) -> None:
    assert api.client.get(SETUP).json() == {"needs_admin": False}
    response = api.client.post(SETUP, json=_body())
    assert response.status_code == 409
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(CompanySetting)) == 0
        assert session.scalar(select(User.id).where(User.username == "owner")) is None


def test_concurrent_setups_exactly_one_wins(empty_api: Api) -> None:
    start = threading.Barrier(4)

    def attempt(n: int) -> int:
        start.wait(timeout=10)
        return empty_api.client.post(SETUP, json=_body(username=f"owner{n}")).status_code

    with ThreadPoolExecutor(4) as pool:
        codes = sorted(pool.map(attempt, range(4)))
    assert codes == [201, 409, 409, 409]
    assert _counts(empty_api.engine) == (1, 4)  # one admin; name, currency, time zone and the setup marker


def test_the_setup_claim_lets_one_of_two_transactions_win(db_engine: Engine) -> None:
    """On every backend: the second claim waits for the first transaction and then fails on the key."""
    with Session(db_engine) as first, Session(db_engine) as second:
        claim_first_setup(first)
        with ThreadPoolExecutor(1) as pool:
            later = pool.submit(claim_first_setup, second)
            first.commit()
            with pytest.raises(IntegrityError):
                later.result(timeout=60)
        second.rollback()


@pytest.mark.parametrize(("field", "value"), [
    ("currency", "EURO"), ("currency", "E1"), ("time_zone", "Mars/Olympus_Mons"), ("time_zone", "../etc/passwd"),
    ("company_name", ""), ("password", "short"), ("username", "a b"),
])
def test_bad_setup_is_a_422_naming_the_field_and_writes_nothing(empty_api: Api, field: str, value: str) -> None:
    response = empty_api.client.post(SETUP, json=_body(**{field: value}))
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _counts(empty_api.engine) == (0, 0)
    assert empty_api.client.get(SETUP).json() == {"needs_admin": True}


def test_every_role_reads_the_company_and_before_setup_it_is_the_config_defaults(api: Api,
                                                                                auth_header: Header) -> None:
    assert api.client.get(COMPANY).status_code == 401
    for user in ("admin", "support", "north"):
        response = api.client.get(COMPANY, headers=auth_header(api.login(user)))
        assert response.status_code == 200
        assert response.json() == {"name": "", "currency": "USD", "time_zone": "UTC",
                                   **NO_DEFAULTS, **DEFAULTS}


def test_only_an_admin_changes_the_company_and_it_is_audited(api: Api, auth_header: Header) -> None:
    for user in ("support", "north"):
        refused = api.client.patch(COMPANY, json={"name": "Mine"}, headers=auth_header(api.login(user)))
        assert refused.status_code == 403
    admin = auth_header(api.login("admin"))
    response = api.client.patch(COMPANY, json={"name": "Acme", "time_zone": "America/Bogota"}, headers=admin)
    assert response.status_code == 200, response.text
    assert response.json() == {"name": "Acme", "currency": "USD", "time_zone": "America/Bogota",
                               **NO_DEFAULTS, **DEFAULTS}
    assert api.client.patch(COMPANY, json={"currency": "cop"}, headers=admin).json()["currency"] == "COP"
    assert api.client.get(COMPANY, headers=auth_header(api.login("support"))).json() == {
        "name": "Acme", "currency": "COP", "time_zone": "America/Bogota", **NO_DEFAULTS, **DEFAULTS}
    with api.session() as session:
        changes = [json.loads(text) for text in session.scalars(
            select(AuditEntry.changes).where(AuditEntry.entity == "company").order_by(AuditEntry.id))]
    assert changes == [{"name": "Acme", "time_zone": "America/Bogota"}, {"currency": "COP"}]


@pytest.mark.parametrize(("body", "field"), [
    ({"time_zone": "Nowhere/Town"}, "time_zone"), ({"currency": "dollars"}, "currency"), ({"name": None}, "name"),
    ({"colour": "red"}, "colour"),
])
def test_bad_company_change_is_a_422_naming_the_field(api: Api, auth_header: Header, body: dict[str, Any],
                                                      field: str) -> None:
    response = api.client.patch(COMPANY, json=body, headers=auth_header(api.login("admin")))
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(CompanySetting)) == 0



def test_records_made_without_a_currency_take_the_companys_and_accounts_its_time_zone(api: Api,
                                                                                    auth_header: Header) -> None:
    """The owner picks EUR and Madrid in the wizard, not in the service's config file: what is created afterwards
    without a currency is in EUR, and a new account's time bands are counted in Madrid time."""
    admin = auth_header(api.login("admin"))
    changed = api.client.patch(COMPANY, json={"currency": "EUR", "time_zone": "Europe/Madrid"}, headers=admin)
    assert changed.status_code == 200, changed.text
    made = {
        "account": api.client.post("/api/v1/accounts", headers=admin, json={"number": "7001", "name": "Ana"}),
        "tariff": api.client.post("/api/v1/tariffs", headers=admin, json={"name": "Retail EU"}),
        "reseller": api.client.post("/api/v1/resellers", headers=admin, json={"name": "Kiosk EU"}),
        "voucher": api.client.post("/api/v1/vouchers", headers=admin, json={"count": 1, "value": "5"}),
    }
    for kind, response in made.items():
        assert response.status_code == 201, (kind, response.text)
    currencies = {kind: response.json() for kind, response in made.items()}
    currencies["voucher"] = currencies["voucher"][0]
    assert {kind: body["currency"] for kind, body in currencies.items()} == dict.fromkeys(made, "EUR")
    batch = api.client.post("/api/v1/card-batches", headers=admin, json={"name": "EU 5", "count": 1,
                                                                         "face_value": "5"})
    assert batch.status_code == 202, batch.text
    assert api.wait_job(admin, batch.json()["id"])["state"] == "succeeded"
    with api.session() as session:
        account = session.scalars(select(Account).where(Account.number == "7001")).one()
        assert (account.currency, account.time_zone) == ("EUR", "Europe/Madrid")
        assert session.scalars(select(CardBatch.currency).where(CardBatch.name == "EU 5")).one() == "EUR"
