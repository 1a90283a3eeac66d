"""Recurring fees through the API: admin-only CRUD, no charge for occurrences before the fee existed, a run that
charges what is due once, and the service charging by itself every `fees_interval_s`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.api.app import create_app
from switch_service.config import settings as settings_module
from switch_service.store.models import Account, Payment, RecurringFee
from switch_service.store.models.enums import PaymentKind, Period

URL = "/api/v1/recurring-fees"
NOW = dt.datetime.now(dt.UTC)


def _account(engine: Engine, balance: str = "10") -> int:
    with Session(engine) as session, session.begin():
        account = Account(number="5001", name="Ana", balance=Decimal(balance))
        session.add(account)
        session.flush()
        return account.id


def _make_due(engine: Engine, fee_id: int, at: dt.datetime) -> None:
    """As if the service had been down since `at`: the occurrence at `at` was never charged."""
    with Session(engine) as session, session.begin():
        fee = session.get(RecurringFee, fee_id)
        assert fee is not None
        fee.anchor_at = fee.next_due_at = at


def _fee_payments(engine: Engine, account_id: int) -> list[tuple[Decimal, str]]:
    with Session(engine) as session:
        return [(amount, reference) for amount, reference in session.execute(
            select(Payment.amount, Payment.reference).where(Payment.account_id == account_id,
                                                            Payment.kind == PaymentKind.FEE))]


def test_a_fee_starts_at_its_next_occurrence_and_is_managed_by_admins_only(api: Api, auth_header: Header) -> None:
    account_id = _account(api.engine)
    admin = auth_header(api.login("admin"))
    first = (NOW - dt.timedelta(days=40)).replace(microsecond=0)
    response = api.client.post(URL, headers=admin, json={"name": "Maintenance", "amount": "0.5", "period": "weekly",
                                                         "first_due_at": first.isoformat(),
                                                         "account_id": account_id})
    assert response.status_code == 201, response.text
    fee = response.json()
    next_due = dt.datetime.fromisoformat(fee["next_due_at"])
    assert NOW < next_due <= NOW + dt.timedelta(days=7)  # the 5 missed weeks are not charged
    assert (next_due - first) % dt.timedelta(days=7) == dt.timedelta(0)
    assert api.client.get(f"{URL}/{fee['id']}", headers=admin).json() == fee
    assert api.client.get(URL, headers=admin, params={"account_id": account_id}).json()["items"] == [fee]
    changed = api.client.patch(f"{URL}/{fee['id']}", headers=admin, json={"amount": "0.75", "active": False})
    assert changed.status_code == 200 and (changed.json()["amount"], changed.json()["active"]) == ("0.750000", False)
    for user in ("support", "north"):
        assert api.client.get(URL, headers=auth_header(api.login(user))).status_code == 403
    assert api.client.post(f"{URL}/run", headers=admin).json() == {"runs": []}
    assert api.client.delete(f"{URL}/{fee['id']}", headers=admin).status_code == 204
    assert api.client.get(f"{URL}/{fee['id']}", headers=admin).status_code == 404


@pytest.mark.parametrize(("body", "field"), [
    ({"amount": "0"}, "amount"), ({"amount": "-1"}, "amount"), ({"period": "yearly"}, "period"),
    ({"first_due_at": "2026-01-01T00:00:00"}, "first_due_at"), ({"account_id": 999999}, "account_id"),
])
def test_bad_fee_is_a_422_naming_the_field(api: Api, auth_header: Header, body: dict[str, Any], field: str) -> None:
    good = {"name": "Rent", "amount": "2", "first_due_at": NOW.isoformat()}
    response = api.client.post(URL, headers=auth_header(api.login("admin")), json=good | body)
    assert response.status_code == 422, response.text
    assert field in response.text
    with api.session() as session:
        assert session.scalars(select(RecurringFee)).all() == []


def test_run_charges_what_is_due_once_and_the_payments_show_it(api: Api, auth_header: Header) -> None:
    account_id = _account(api.engine, "10")
    admin = auth_header(api.login("admin"))
    fee = api.client.post(URL, headers=admin, json={"name": "DID rent", "amount": "2.5", "period": "monthly",
                                                    "first_due_at": NOW.isoformat(), "account_id": account_id}).json()
    _make_due(api.engine, fee["id"], NOW - dt.timedelta(hours=1))
    runs = api.client.post(f"{URL}/run", headers=admin).json()["runs"]
    assert [(run["fee_id"], len(run["occurrences"]), run["accounts"]) for run in runs] == [(fee["id"], 1, 1)]
    assert api.client.post(f"{URL}/run", headers=admin).json() == {"runs": []}
    payments = api.client.get(f"/api/v1/accounts/{account_id}/payments", headers=admin).json()["items"]
    assert [(p["kind"], p["amount"], p["reference"]) for p in payments] == [("fee", "2.500000", "DID rent")]
    assert api.client.get(f"/api/v1/accounts/{account_id}", headers=admin).json()["balance"] == "7.500000"


def test_the_service_charges_due_fees_by_itself(engine: Engine) -> None:
    account_id = _account(engine, "3")
    with Session(engine) as session, session.begin():
        due = NOW - dt.timedelta(minutes=5)
        session.add(RecurringFee(name="Maintenance", account_id=account_id, amount=Decimal("1"),
                                 period=Period.DAILY,
                                 anchor_at=due, next_due_at=due))
    loaded = settings_module.load()
    settings = dataclasses.replace(loaded, values={**loaded.values, "fees_interval_s": 1})
    with TestClient(create_app(engine, settings, secrets_fallback=True)):
        deadline = time.monotonic() + 15
        while not _fee_payments(engine, account_id) and time.monotonic() < deadline:
            time.sleep(0.1)
    assert _fee_payments(engine, account_id) == [(Decimal("1"), "Maintenance")]
