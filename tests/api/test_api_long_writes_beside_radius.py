"""The API's long jobs on the embedded SQLite while the RADIUS server answers calls on the same database: a big
rate-deck import, card batch, tariff raise and blend. Every Access-Request and Accounting-Stop is answered promptly
and every Stop is on record, the job's result is whole, and a cancelled import leaves nothing. (SQLite has one
writer: a job that held the write lock for its whole run kept a Stop unanswered for seconds.)"""

from __future__ import annotations

import base64
import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.cli.rates_commands import write_synthetic_deck
from switch_service.security.pins import PinCipher
from switch_service.store.engine import make_engine
from switch_service.store.models import Account, Card, Cdr, Rate, Reservation, Tariff
from switch_service.store.models.accounts import Ani
from switch_service.store.models.enums import ReservationStatus

ROWS = 200_000
CARDS = 40_000
RAISED = 50_000
BLENDED = 100_000
SECRET = b"import-beside-radius"
ANI = "15551230001"
DEST = "442071234567"
PROMPT_S = 2.0  # an answer takes milliseconds, and a gateway retransmits after a few seconds
PIN_KEY = base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef").decode()


@dataclass
class Calls:
    """Calls made one after another (Access-Request, then Accounting-Stop) until told to stop."""

    client: RadiusClient
    stop: threading.Event = field(default_factory=threading.Event)
    answers: list[tuple[str, float]] = field(default_factory=list)  # (what, seconds to the answer)
    accepted: int = 0
    failures: list[str] = field(default_factory=list)

    def run(self) -> None:
        number = 0
        while not self.stop.is_set():
            number += 1
            conf = f"beside-import-{number}"
            try:
                started = time.monotonic()
                decision = self.client.authorize(AuthRequest(ANI, calling_station_id=ANI, called_station_id=DEST,
                                                             conf_id=conf, call_id=f"{conf}@sw"))
                self.answers.append(("Access-Request", time.monotonic() - started))
                if not decision.accepted:
                    self.failures.append(f"{conf}: refused with {decision.return_code.name}")
                    return
                self.accepted += 1
                now = dt.datetime.now(dt.UTC).replace(microsecond=0)
                started = time.monotonic()
                self.client.account(AcctRecord(
                    AcctStatus.STOP, conf, user_name=ANI, calling_station_id=ANI, called_station_id=DEST,
                    conf_id=conf, call_id=f"{conf}@sw", session_time=30, setup_time=now - dt.timedelta(seconds=35),
                    connect_time=now - dt.timedelta(seconds=30), disconnect_time=now, disconnect_cause=16))
                self.answers.append(("Accounting-Stop", time.monotonic() - started))
            except Exception as exc:
                self.failures.append(f"{conf}: {exc!r}")
                return


@pytest.fixture
def radius(api: Api) -> Iterator[RadiusServer]:
    """The RADIUS server on its own engine (as its own process would be), with an account that can call 44."""
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
    engine = make_engine(api.engine.url.render_as_string(hide_password=False))
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name="switch")
    server = RadiusServer(BillingPolicy(engine, pin_cipher=PinCipher(PIN_KEY)), registry, auth_port=0, acct_port=0,
                          drop_log_interval=0.0)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        engine.dispose()


def _calls(server: RadiusServer) -> Calls:
    return Calls(RadiusClient("127.0.0.1", SECRET, auth_port=server.auth_address[1],
                              acct_port=server.acct_address[1], timeout=5.0, retries=1))  # one try


def _tariff(api: Api, admin: Header | dict[str, Any], name: str) -> int:
    return int(api.client.post("/api/v1/tariffs", headers=admin, json={"name": name}).json()["id"])


def _start_import(api: Api, admin: dict[str, Any], tariff_id: int, deck: Path) -> str:
    started = api.client.post(f"/api/v1/tariffs/{tariff_id}/imports", headers=admin,
                              files={"file": ("big.csv", deck.read_bytes(), "text/csv")})
    assert started.status_code == 202, started.text
    return str(started.json()["id"])


def _rates(api: Api, tariff_id: int) -> tuple[int, int]:
    with api.session() as session:
        count = session.scalar(select(func.count()).where(Rate.tariff_id == tariff_id)) or 0
        return count, session.scalars(select(Tariff.version).where(Tariff.id == tariff_id)).one()


def test_radius_is_answered_promptly_during_a_big_import(api: Api, auth_header: Header, radius: RadiusServer,
                                                         tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api, admin, "Big")
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, ROWS, seed=11)
    calls = _calls(radius)
    caller = threading.Thread(target=calls.run)
    caller.start()
    try:
        time.sleep(0.3)  # calls are flowing before the import starts
        job_id = _start_import(api, admin, tariff_id, deck)
        job = api.wait_job(admin, job_id, timeout=60)
        during = len(calls.answers)
    finally:
        calls.stop.set()
        caller.join(30)
    assert calls.failures == []
    assert job["state"] == "succeeded", job
    assert job["result"]["rows"] == ROWS
    assert _rates(api, tariff_id) == (ROWS, 2)
    worst = max(seconds for _what, seconds in calls.answers)
    print(f"\n{during} RADIUS answers while {ROWS} rates were imported; the slowest took {worst:.3f} s")
    assert during >= 20, "the calls did not run alongside the import"
    assert [answer for answer in calls.answers if answer[1] > PROMPT_S] == []
    with api.session() as session:  # every acknowledged Stop billed and written, no money left held
        assert session.scalar(select(func.count()).select_from(Cdr)) == calls.accepted
        assert session.scalar(select(func.count()).select_from(Reservation)
                              .where(Reservation.status == ReservationStatus.OPEN)) == 0


def test_a_cancelled_big_import_leaves_nothing_and_radius_kept_answering(api: Api, auth_header: Header,
                                                                        radius: RadiusServer,
                                                                        tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api, admin, "Big")
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, ROWS // 2, seed=12)
    calls = _calls(radius)
    caller = threading.Thread(target=calls.run)
    caller.start()
    try:
        job_id = _start_import(api, admin, tariff_id, deck)
        deadline = time.monotonic() + 30  # cancelled while it stages
        while (job := api.client.get(f"/api/v1/jobs/{job_id}", headers=admin).json())["done"] == 0 \
                and job["state"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.01)
        assert api.client.post(f"/api/v1/jobs/{job_id}/cancel", headers=admin).status_code == 200
        job = api.wait_job(admin, job_id, timeout=60)
    finally:
        calls.stop.set()
        caller.join(30)
    assert calls.failures == []
    assert (job["state"], job["message"]) == ("cancelled", "cancelled; nothing was written")
    assert _rates(api, tariff_id) == (0, 1)
    assert [answer for answer in calls.answers if answer[1] > PROMPT_S] == []


def test_radius_is_answered_promptly_while_a_big_card_batch_is_made(api: Api, auth_header: Header,
                                                                   radius: RadiusServer) -> None:
    admin = auth_header(api.login("admin"))
    calls = _calls(radius)
    caller = threading.Thread(target=calls.run)
    caller.start()
    try:
        time.sleep(0.3)
        started = api.client.post("/api/v1/card-batches", headers=admin,
                                  json={"name": "Big batch", "count": CARDS, "face_value": "5"})
        assert started.status_code == 202, started.text
        job = api.wait_job(admin, started.json()["id"], timeout=60)
        during = len(calls.answers)
    finally:
        calls.stop.set()
        caller.join(30)
    assert calls.failures == []
    assert job["state"] == "succeeded", job
    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(Card)) == CARDS
    worst = max(seconds for _what, seconds in calls.answers)
    print(f"\n{during} RADIUS answers while {CARDS} cards were made; the slowest took {worst:.3f} s")
    assert during >= 20, "the calls did not run alongside the batch"
    assert [answer for answer in calls.answers if answer[1] > PROMPT_S] == []


def test_radius_is_answered_promptly_while_a_big_tariff_is_raised(api: Api, auth_header: Header, radius: RadiusServer,
                                                                  tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api, admin, "Big")
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, RAISED, seed=13)
    assert api.wait_job(admin, _start_import(api, admin, tariff_id, deck), timeout=60)["state"] == "succeeded"
    calls = _calls(radius)
    caller = threading.Thread(target=calls.run)
    caller.start()
    try:
        time.sleep(0.3)
        started = api.client.post(f"/api/v1/tariffs/{tariff_id}/raise", headers=admin, json={"percent": "10"})
        assert started.status_code == 202, started.text
        job = api.wait_job(admin, started.json()["id"], timeout=60)
        during = len(calls.answers)
    finally:
        calls.stop.set()
        caller.join(30)
    assert calls.failures == []
    assert (job["state"], job["result"]["rates"], job["result"]["version"]) == ("succeeded", RAISED, 3), job
    worst = max(seconds for _what, seconds in calls.answers)
    print(f"\n{during} RADIUS answers while {RAISED} rates were raised; the slowest took {worst:.3f} s")
    assert during >= 20, "the calls did not run alongside the raise"
    assert [answer for answer in calls.answers if answer[1] > PROMPT_S] == []


def test_radius_is_answered_promptly_while_a_big_tariff_is_blended(api: Api, auth_header: Header,
                                                                   radius: RadiusServer, tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    buy = int(api.client.post("/api/v1/tariffs", headers=admin, json={"name": "Buy", "kind": "buy"}).json()["id"])
    deck = tmp_path / "buy.csv"
    write_synthetic_deck(deck, BLENDED, seed=14)
    assert api.wait_job(admin, _start_import(api, admin, buy, deck), timeout=60)["state"] == "succeeded"
    carrier = api.client.post("/api/v1/carriers", headers=admin, json={"name": "Wholesale", "buy_tariff_id": buy})
    assert carrier.status_code == 201, carrier.text
    sell = _tariff(api, admin, "Retail")
    calls = _calls(radius)
    caller = threading.Thread(target=calls.run)
    caller.start()
    try:
        time.sleep(0.3)
        started = api.client.post(f"/api/v1/tariffs/{sell}/blend", headers=admin,
                                  json={"carrier_ids": [carrier.json()["id"]], "margin_percent": "20"})
        assert started.status_code == 202, started.text
        job = api.wait_job(admin, started.json()["id"], timeout=60)
        during = len(calls.answers)
    finally:
        calls.stop.set()
        caller.join(30)
    assert calls.failures == []
    assert (job["state"], job["result"]["priced"]) == ("succeeded", BLENDED), job
    worst = max(seconds for _what, seconds in calls.answers)
    print(f"\n{during} RADIUS answers while {BLENDED} rates were blended; the slowest took {worst:.3f} s")
    assert during >= 20, "the calls did not run alongside the blend"
    assert [answer for answer in calls.answers if answer[1] > PROMPT_S] == []
