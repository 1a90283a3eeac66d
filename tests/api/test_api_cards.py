"""Card batches and cards: the batch job end to end, cancel, validation, the PIN export, lookups and roles."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, AuditEntry, Card, CardBatch, Tariff
from switch_service.store.models.enums import TariffKind
from switch_service.store.repositories.cards import CardBatchSpec, create_card_batch

BATCHES = "/api/v1/card-batches"
FUTURE = (dt.datetime.now(dt.UTC) + dt.timedelta(days=400)).replace(microsecond=0)


def _cipher(api: Api) -> PinCipher:
    cipher: PinCipher = api.client.app.state.context.pins()  # type: ignore[attr-defined]
    return cipher


def _counts(api: Api) -> tuple[int, int, int, int]:
    with Session(api.engine) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[return-value]
                     for model in (CardBatch, Card, Account, AuditEntry))


def _batch(api: Api, name: str, count: int = 3, reseller_id: int | None = None) -> int:
    """A batch made straight in the store (the job is tested on its own below)."""
    with Session(api.engine) as session, session.begin():
        return create_card_batch(session, _cipher(api), CardBatchSpec(
            name=name, count=count, face_value=Decimal(10), reseller_id=reseller_id, distributor="Kiosk",
            expires_at=FUTURE)).id


def _pins(api: Api, batch_id: int) -> dict[str, str]:
    cipher = _cipher(api)
    with Session(api.engine) as session:
        return {card.serial: cipher.decrypt(card.pin_ciphertext)
                for card in session.scalars(select(Card).where(Card.batch_id == batch_id))}


def test_a_batch_is_made_by_a_job_with_unique_pins(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    with Session(api.engine) as session, session.begin():
        tariff = Tariff(name="Retail", kind=TariffKind.SELL, currency="EUR")  # the batch's currency
        session.add(tariff)
        session.flush()
        tariff_id = tariff.id
    admin = auth_header(api.login("admin"))
    response = api.client.post(BATCHES, headers=admin, json={
        "name": "Holiday 5", "count": 2500, "face_value": "5.25", "currency": "eur", "expires_at": FUTURE.isoformat(),
        "valid_days_after_first_use": 90, "distributor": "Corner Shop", "reseller_id": resellers["north"],
        "tariff_id": tariff_id})
    assert response.status_code == 202, response.text
    assert response.json()["kind"] == "card_batch"
    assert response.headers["location"] == f"/api/v1/jobs/{response.json()['id']}"
    job = api.wait_job(admin, response.json()["id"])
    assert job["state"] == "succeeded", job
    assert (job["done"], job["total"]) == (2500, 2500)
    batch_id = job["result"]["batch_id"]
    assert job["result"] == {"batch_id": batch_id, "name": "Holiday 5", "cards": 2500}
    batch = api.client.get(f"{BATCHES}/{batch_id}", headers=admin).json()
    assert (batch["count"], batch["face_value"], batch["currency"], batch["tariff_id"]) == (
        2500, "5.250000", "EUR", tariff_id)
    assert (batch["valid_days_after_first_use"], batch["distributor"], batch["reseller_id"]) == (
        90, "Corner Shop", resellers["north"])
    assert dt.datetime.fromisoformat(batch["expires_at"]) == FUTURE
    assert batch["cards_by_status"] == {"new": 2500, "active": 0, "used": 0, "expired": 0, "blocked": 0}
    pins = _pins(api, batch_id)
    assert len(pins) == 2500 and len(set(pins.values())) == 2500
    assert all(len(pin) == 10 and pin.isdigit() for pin in pins.values())
    with Session(api.engine) as session:
        balances = session.execute(select(Account.balance, Account.currency, Account.reseller_id, Account.tariff_id)
                                   .join(Card, Card.account_id == Account.id).distinct()).all()
        assert [tuple(row) for row in balances] == [(Decimal("5.25"), "EUR", resellers["north"], tariff_id)]
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "card_batch")).one()
        assert (entry.action, entry.actor, entry.entity_id) == ("create", "admin", str(batch_id))
        assert json.loads(entry.changes)["count"] == 2500


def test_progress_shows_while_a_big_batch_runs_and_cancel_writes_nothing(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    job_id = api.client.post(BATCHES, headers=admin, json={"name": "Big", "count": 100_000,
                                                           "face_value": "1"}).json()["id"]
    deadline = time.monotonic() + 60
    job = api.client.get(f"/api/v1/jobs/{job_id}", headers=admin).json()
    while job["done"] == 0 and job["state"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.02)
        job = api.client.get(f"/api/v1/jobs/{job_id}", headers=admin).json()
    assert job["state"] == "running", job
    assert 0 < job["done"] < job["total"] == 100_000
    assert job["message"] == f"{job['done']} of 100000 cards made"
    assert api.client.post(f"/api/v1/jobs/{job_id}/cancel", headers=admin).status_code == 200
    finished = api.wait_job(admin, job_id)
    assert finished["state"] == "cancelled", finished
    assert finished["message"] == "cancelled; nothing was written"
    assert _counts(api) == before


@pytest.mark.parametrize(("body", "field"), [
    ({"count": 0}, "count"),
    ({"count": 100_001}, "count"),
    ({"face_value": "0"}, "face_value"),
    ({"face_value": "-1"}, "face_value"),
    ({"face_value": "1.0000001"}, "face_value"),
    ({"currency": "EURO"}, "currency"),
    ({"expires_at": "2020-01-01T00:00:00+00:00"}, "expires_at"),
    ({"expires_at": "2030-01-01T00:00:00"}, "expires_at"),
    ({"expires_at": "9999-12-31T23:59:59-14:00"}, "expires_at"),
    ({"valid_days_after_first_use": 0}, "valid_days_after_first_use"),
    ({"reseller_id": 999}, "reseller_id"),
    ({"tariff_id": 999}, "tariff_id"),
    ({"name": ""}, "name"),
    ({"pins": ["1234"]}, "pins"),
])
def test_bad_batch_is_422_naming_the_field_and_starts_nothing(api: Api, auth_header: Header, body: dict[str, Any],
                                                              field: str) -> None:
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = api.client.post(BATCHES, headers=admin, json={"name": "B", "count": 5, "face_value": "10", **body})
    assert response.status_code == 422, response.text
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _counts(api) == before


def test_a_batch_name_in_use_is_409(api: Api, auth_header: Header) -> None:
    _batch(api, "Taken")
    admin = auth_header(api.login("admin"))
    response = api.client.post(BATCHES, headers=admin, json={"name": "Taken", "count": 5, "face_value": "10"})
    assert response.status_code == 409
    assert response.json()["detail"] == "a card batch named 'Taken' already exists"


def test_the_pin_export_is_admin_only_audited_and_parses_back(api: Api, auth_header: Header) -> None:
    batch_id = _batch(api, "Print me", count=1203)  # more than one export chunk of 1000
    admin = auth_header(api.login("admin"))
    response = api.client.get(f"{BATCHES}/{batch_id}/cards.csv", headers=admin)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1203
    assert list(rows[0]) == ["serial", "pin", "value", "currency", "expires_at", "valid_days_after_first_use"]
    assert {row["serial"]: row["pin"] for row in rows} == _pins(api, batch_id)
    assert {(row["value"], row["currency"], row["expires_at"], row["valid_days_after_first_use"]) for row in rows} == {
        ("10.000000", "USD", FUTURE.isoformat(), "")}
    with Session(api.engine) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
        assert (entry.entity, entry.entity_id, entry.actor) == ("card_batch", str(batch_id), "admin")
    for username in ("support", "north"):
        refused = api.client.get(f"{BATCHES}/{batch_id}/cards.csv", headers=auth_header(api.login(username)))
        assert refused.status_code == 403


def test_support_looks_cards_up_by_serial_or_pin_but_never_sees_a_pin(api: Api, auth_header: Header) -> None:
    batch_id = _batch(api, "Lookup")
    serial, pin = sorted(_pins(api, batch_id).items())[1]
    support = auth_header(api.login("support"))
    by_serial = api.client.post("/api/v1/cards/lookup", headers=support, json={"serial": serial})
    assert by_serial.status_code == 200, by_serial.text
    card = by_serial.json()
    assert (card["serial"], card["status"], card["balance"], card["face_value"], card["currency"]) == (
        serial, "new", "10.000000", "10.000000", "USD")
    assert card["account_number"] == f"C{serial}" and card["batch_id"] == batch_id
    assert "pin" not in card and pin not in by_serial.text
    spaced = f"{pin[:3]} {pin[3:6]}-{pin[6:]}"
    by_pin = api.client.post("/api/v1/cards/lookup", headers=support, json={"pin": spaced})
    assert by_pin.status_code == 200 and by_pin.json() == card
    assert pin not in by_pin.text
    missing = api.client.post("/api/v1/cards/lookup", headers=support, json={"serial": "999999999"})
    assert (missing.status_code, missing.json()["detail"]) == (404, "no card has serial 999999999")
    for body, loc in (({"pin": "12ab56"}, ["body", "pin"]), ({}, ["body"]),
                      ({"serial": serial, "pin": pin}, ["body"]), ({"serial": "12-3"}, ["body", "serial"])):
        refused = api.client.post("/api/v1/cards/lookup", headers=support, json=body)
        assert refused.status_code == 422, refused.text
        assert refused.json()["detail"][0]["loc"] == loc


def test_cards_of_a_batch_page_by_keyset_and_filter_by_status(api: Api, auth_header: Header) -> None:
    batch_id = _batch(api, "Pages", count=5)
    admin = auth_header(api.login("admin"))
    first = api.client.get(f"{BATCHES}/{batch_id}/cards", headers=admin, params={"limit": 3}).json()
    second = api.client.get(f"{BATCHES}/{batch_id}/cards", headers=admin,
                            params={"limit": 3, "after": first["next_after"]}).json()
    serials = [card["serial"] for card in first["items"] + second["items"]]
    assert serials == sorted(_pins(api, batch_id)) and second["next_after"] is None
    assert api.client.get(f"{BATCHES}/{batch_id}/cards", headers=admin,
                          params={"status": "used"}).json()["items"] == []
    assert len(api.client.get(f"{BATCHES}/{batch_id}/cards", headers=admin,
                              params={"status": "new"}).json()["items"]) == 5


def test_a_reseller_sees_only_its_own_batches_and_cards(api: Api, auth_header: Header,
                                                          resellers: dict[str, int]) -> None:
    own = _batch(api, "North cards", reseller_id=resellers["north_east"])
    south = _batch(api, "South cards", reseller_id=resellers["south"])
    _batch(api, "House cards")
    north = auth_header(api.login("north"))
    listed = api.client.get(BATCHES, headers=north).json()["items"]
    assert [batch["id"] for batch in listed] == [own]
    assert "tariff_id" not in listed[0]
    assert api.client.get(f"{BATCHES}/{own}", headers=north).status_code == 200
    for url in (f"{BATCHES}/{south}", f"{BATCHES}/{south}/cards"):
        hidden = api.client.get(url, headers=north)
        assert (hidden.status_code, hidden.json()["detail"], hidden.json()["params"]) == (
            404, f"card batch {south} does not exist", {"what": "card batch", "key": str(south)})
    south_serial, south_pin = next(iter(_pins(api, south).items()))
    for body in ({"serial": south_serial}, {"pin": south_pin}):
        assert api.client.post("/api/v1/cards/lookup", headers=north, json=body).status_code == 404
    own_serial = next(iter(_pins(api, own)))
    assert api.client.post("/api/v1/cards/lookup", headers=north, json={"serial": own_serial}).status_code == 200
    # a reseller user's batch is paid from its reseller's balance (tests/api/test_api_reseller_money.py): none here
    refused = api.client.post(BATCHES, headers=north, json={"name": "Mine", "count": 1, "face_value": "1"})
    assert refused.status_code == 409 and "available" in refused.text


def test_support_reads_batches_without_the_tariff_and_may_not_make_one(api: Api, auth_header: Header) -> None:
    batch_id = _batch(api, "Any")
    support = auth_header(api.login("support"))
    listed = api.client.get(BATCHES, headers=support, params={"q": "an"}).json()
    assert [batch["id"] for batch in listed["items"]] == [batch_id] and listed["next_after"] is None
    one = api.client.get(f"{BATCHES}/{batch_id}", headers=support).json()
    assert "tariff_id" not in one and one["cards_by_status"]["new"] == 3
    before = _counts(api)
    refused = api.client.post(BATCHES, headers=support, json={"name": "S", "count": 1, "face_value": "1"})
    assert refused.status_code == 403
    assert _counts(api) == before
