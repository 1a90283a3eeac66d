"""A calling card bought at a shop, used by phone, through the product's doors only: `carrier-switch serve` on an
empty database (its IVR pool starts with it, no extra step), the HTTP API for the business and the card batch (the
PIN read from the batch's CSV export, as the printer gets it), SIPp as the carrier and as a caller the switch does
not know: it keys the PIN and a destination (SIP INFO and RFC 2833), is bridged, and the card pays to the cent."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from service_process import ServiceProcess, start_service

from switch_service.bench.ivr_caller import CallerScript
from tests.sip.sip_peers import Sipp, SippRun, wait_for

pytestmark = pytest.mark.peers

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
ACCESS_NUMBER, US = "18005550100", "15557654321"
STRANGER = "442079460000"  # nobody's ANI


@pytest.fixture
def service(tmp_path: Path, empty_db_url: str) -> Iterator[ServiceProcess]:
    running = start_service(tmp_path, empty_db_url, sip_keepalive_interval_s=0, ivr_min_workers=1)
    yield running
    assert running.stop() == 0, running.log()[-3000:]


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


def finished(service: ServiceProcess, job: dict[str, Any]) -> dict[str, Any]:
    done: dict[str, Any] = wait_for(
        lambda: (state := service.call("GET", f"/jobs/{job['id']}"))["state"] not in ("queued", "running") and state,
        what=f"job {job['id']}")
    assert done["state"] == "succeeded", done
    return done


def import_deck(service: ServiceProcess, tariff_id: int, deck: str) -> None:
    with (DECKS / deck).open("rb") as handle:
        job = service.call("POST", f"/tariffs/{tariff_id}/imports", 202, files={"file": (deck, handle, "text/csv")})
    finished(service, job)


def a_card_business(service: ServiceProcess, carrier_port: int) -> tuple[int, str]:
    """A carrier, its and the retail deck, a dial plan, the access number, and a batch of one card: the card's
    account id and PIN."""
    first = service.call("POST", "/setup", 201, json={
        "username": "owner", "password": "a long owner password", "company_name": "Sunrise Cards",
        "currency": "USD", "time_zone": "UTC"})
    service.headers = {"Authorization": f"Bearer {first['token']}"}
    buy = service.call("POST", "/tariffs", 201, json={"name": "Wholesale buy", "kind": "buy"})
    import_deck(service, buy["id"], "operator_buy.csv")
    carrier = service.call("POST", "/carriers", 201, json={
        "name": "Wholesale", "buy_tariff_id": buy["id"], "gateways": [{"host": "127.0.0.1", "port": carrier_port}]})
    retail = service.call("POST", "/tariffs", 201, json={"name": "Retail"})
    import_deck(service, retail["id"], "operator_sell.csv")
    plan = service.call("POST", "/dial-plans", 201, json={"name": "World"})
    service.call("POST", f"/dial-plans/{plan['id']}/routes", 201,
                 json={"prefix": "", "carriers": [{"carrier_id": carrier["id"]}]})
    service.call("POST", "/dids", 201, json={"number": f"+{ACCESS_NUMBER}", "kind": "access_number",
                                             "dial_plan_id": plan["id"]})
    job = service.call("POST", "/card-batches", 202, json={"name": "Shop cards", "count": 1, "face_value": "5.00",
                                                           "tariff_id": retail["id"]})
    batch_id = finished(service, job)["result"]["batch_id"]
    card = service.call("GET", f"/card-batches/{batch_id}/cards")["items"][0]
    exported = service.call_text("GET", f"/card-batches/{batch_id}/cards.csv")
    rows = list(csv.reader(io.StringIO(exported)))
    pin = next(row[1] for row in rows[1:] if row[0] == card["serial"])
    return card["account_id"], pin


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_card_pays_for_a_call_keyed_in_the_ivr(service: ServiceProcess, sipp: Sipp, tmp_path: Path) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    account_id, pin = a_card_business(service, carrier.port)
    time.sleep(2.0)  # the README's freshness bound: the switch and RADIUS see the new card and number

    script = (CallerScript(STRANGER, tmp_path).info(pin[:4]).rfc2833(pin[4:] + "#").pause(300)
              .rfc2833(US[:5]).info(US[5:] + "#").bridged(talk_ms=1000))
    caller = sipp.start(script.write(tmp_path / "card_call.xml"), remote_port=service.ports["sip_port"],
                        service=ACCESS_NUMBER, timeout_s=40)
    caller.wait(45)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert f"INVITE sip:{US}@" in carrier.log()

    cdrs = wait_for(lambda: service.call("GET", "/cdrs", params={"account_id": account_id})["items"],
                    what="the card's CDR")
    cdr = cdrs[0]
    assert (cdr["destination"], cdr["did"], cdr["result"]) == (US, ACCESS_NUMBER, "answered")
    assert 1 <= cdr["duration_s"] <= 3
    # the US at 0.06/min, 30 s first block (0.030000) plus the 0.010000 connect fee
    assert Decimal(cdr["price"]) == Decimal("0.040000")
    shown = service.call("GET", f"/accounts/{account_id}")
    assert (shown["balance"], shown["reserved"]) == ("4.960000", "0.000000")
    counters = service.call("GET", "/live/counters")
    assert counters["ivr_workers"] >= 1 and counters["ivr_busy"] == 0 and counters["ivr_sessions"] == 0
    assert pin not in service.log()  # PINs are never logged
