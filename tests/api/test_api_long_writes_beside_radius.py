"""The API's long jobs on the embedded SQLite while the service's RADIUS process answers calls on the same database:
a big rate-deck import, card batch, tariff raise and blend. Every Access-Request and Accounting-Stop is answered
promptly and every Stop is on record, the job's result is whole, and a cancelled import leaves nothing. (SQLite has
one writer: a job that held the write lock for its whole run kept a Stop unanswered for seconds.)"""

from __future__ import annotations

import base64
import datetime as dt
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from api_harness import Api, Header
from radius_calls import Caller, Calls, calls_beside
from sqlalchemy import func, select

from switch_service.aaa.processes import PolicyOptions, RadiusProcesses
from switch_service.aaa.server import NasRegistry
from switch_service.cli.rates_commands import write_synthetic_deck
from switch_service.store.models import Account, Card, Cdr, Rate, Reservation, Tariff
from switch_service.store.models.accounts import Ani
from switch_service.store.models.enums import ReservationStatus
from switch_service.store.target import DatabaseTarget

pytestmark = pytest.mark.peers  # the service's own RADIUS process, ~45 s

ROWS = 300_000
CARDS = 40_000
RAISED = 50_000
BLENDED = 100_000
SECRET = b"import-beside-radius"
ANI = "15551230001"
DEST = "442071234567"
PROMPT_S = 5.0  # an answer takes milliseconds; a gateway retransmits after its timeout (Cisco IOS: 5 s)
PIN_KEY = base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef").decode()

Job = dict[str, Any]


@pytest.fixture
def radius(api: Api) -> Iterator[RadiusProcesses]:
    """The service's RADIUS server process (its own interpreter and engine), with an account that can call 44."""
    with api.session() as session, session.begin():
        sell = Tariff(name="Sell")
        session.add(sell)
        session.flush()
        session.add(Rate(tariff_id=sell.id, prefix="44", destination="United Kingdom", price_per_minute=Decimal("0.01"),
                         valid_from=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
        account = Account(number="A1", name="Alice", balance=Decimal("1000"), tariff_id=sell.id)
        session.add(account)
        session.flush()
        session.add(Ani(account_id=account.id, number=ANI))
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name="switch")
    server = RadiusProcesses(PolicyOptions(DatabaseTarget.of(api.engine), pin_key=PIN_KEY),
                             registry, auth_port=0, acct_port=0, processes=1)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _beside(api: Api, admin: dict[str, Any], radius: RadiusProcesses, start: Callable[[], str],
            what: str) -> tuple[Job, Calls]:
    """Start the job while calls flow; its end state, and the calls answered while it ran (checked promptly)."""
    with calls_beside(Caller((radius.auth_address[1], radius.acct_address[1]), SECRET, ANI, DEST)) as calls:
        began = time.monotonic()
        job = api.wait_job(admin, start(), timeout=60)
        ended = time.monotonic()
    assert calls.failures == []
    during = calls.between(began, ended)
    worst = max(seconds for _what, _sent, seconds in during) if during else 0.0
    print(f"\n{len(during)} RADIUS answers while {what}; the slowest took {worst:.3f} s")
    assert len(during) >= 20, f"the calls did not run alongside the job ({what})"
    assert [answer for answer in calls.answers if answer[2] > PROMPT_S] == []
    with api.session() as session:  # every acknowledged Stop billed and written, no money left held
        assert session.scalar(select(func.count()).select_from(Cdr)) == calls.accepted
        assert session.scalar(select(func.count()).select_from(Reservation)
                              .where(Reservation.status == ReservationStatus.OPEN)) == 0
    return job, calls


def _tariff(api: Api, admin: dict[str, Any], name: str, kind: str = "sell") -> int:
    return int(api.client.post("/api/v1/tariffs", headers=admin, json={"name": name, "kind": kind}).json()["id"])


def _start_import(api: Api, admin: dict[str, Any], tariff_id: int, deck: Path) -> str:
    started = api.client.post(f"/api/v1/tariffs/{tariff_id}/imports", headers=admin,
                              files={"file": ("big.csv", deck.read_bytes(), "text/csv")})
    assert started.status_code == 202, started.text
    return str(started.json()["id"])


def _started(answer: Any) -> str:
    assert answer.status_code == 202, answer.text
    return str(answer.json()["id"])


def _imported(api: Api, admin: dict[str, Any], tariff_id: int, deck: Path) -> None:
    assert api.wait_job(admin, _start_import(api, admin, tariff_id, deck), timeout=60)["state"] == "succeeded"


def _rates(api: Api, tariff_id: int) -> tuple[int, int]:
    with api.session() as session:
        count = session.scalar(select(func.count()).where(Rate.tariff_id == tariff_id)) or 0
        return count, session.scalars(select(Tariff.version).where(Tariff.id == tariff_id)).one()


def test_radius_is_answered_promptly_during_a_big_import(api: Api, auth_header: Header, radius: RadiusProcesses,
                                                         tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api, admin, "Big")
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, ROWS, seed=11)
    job, _calls = _beside(api, admin, radius, lambda: _start_import(api, admin, tariff_id, deck),
                          f"{ROWS} rates were imported")
    assert (job["state"], job["result"]["rows"]) == ("succeeded", ROWS), job
    assert _rates(api, tariff_id) == (ROWS, 2)


def test_a_cancelled_big_import_leaves_nothing(api: Api, auth_header: Header, radius: RadiusProcesses,
                                               tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api, admin, "Big")
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, ROWS // 2, seed=12)

    def start_and_cancel_while_staging() -> str:
        job_id = _start_import(api, admin, tariff_id, deck)
        deadline = time.monotonic() + 30
        while (job := api.client.get(f"/api/v1/jobs/{job_id}", headers=admin).json())["done"] == 0 \
                and job["state"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.01)
        assert api.client.post(f"/api/v1/jobs/{job_id}/cancel", headers=admin).status_code == 200
        return job_id

    job, _calls = _beside(api, admin, radius, start_and_cancel_while_staging, "an import was cancelled")
    assert (job["state"], job["message"]) == ("cancelled", "cancelled; nothing was written")
    assert _rates(api, tariff_id) == (0, 1)


def test_radius_is_answered_promptly_while_a_big_card_batch_is_made(api: Api, auth_header: Header,
                                                                   radius: RadiusProcesses) -> None:
    admin = auth_header(api.login("admin"))
    job, _calls = _beside(api, admin, radius, lambda: _started(api.client.post(
        "/api/v1/card-batches", headers=admin, json={"name": "Big batch", "count": CARDS, "face_value": "5"})),
        f"{CARDS} cards were made")
    assert job["state"] == "succeeded", job
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(Card)) == CARDS


def test_radius_is_answered_promptly_while_a_big_tariff_is_raised(api: Api, auth_header: Header,
                                                                  radius: RadiusProcesses, tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api, admin, "Big")
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, RAISED, seed=13)
    _imported(api, admin, tariff_id, deck)
    job, _calls = _beside(api, admin, radius, lambda: _started(api.client.post(
        f"/api/v1/tariffs/{tariff_id}/raise", headers=admin, json={"percent": "10"})),
        f"{RAISED} rates were raised")
    assert (job["state"], job["result"]["rates"], job["result"]["version"]) == ("succeeded", RAISED, 3), job


def test_radius_is_answered_promptly_while_a_big_tariff_is_blended(api: Api, auth_header: Header,
                                                                   radius: RadiusProcesses, tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    buy = _tariff(api, admin, "Buy", "buy")
    deck = tmp_path / "buy.csv"
    write_synthetic_deck(deck, BLENDED, seed=14)
    _imported(api, admin, buy, deck)
    carrier = api.client.post("/api/v1/carriers", headers=admin, json={"name": "Wholesale", "buy_tariff_id": buy})
    assert carrier.status_code == 201, carrier.text
    sell = _tariff(api, admin, "Retail")
    job, _calls = _beside(api, admin, radius, lambda: _started(api.client.post(
        f"/api/v1/tariffs/{sell}/blend", headers=admin,
        json={"carrier_ids": [carrier.json()["id"]], "margin_percent": "20"})), f"{BLENDED} rates were blended")
    assert (job["state"], job["result"]["priced"]) == ("succeeded", BLENDED), job
