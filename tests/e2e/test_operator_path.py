"""An operator's first day, through the product's doors only: an empty database, the real `carrier-switch serve`
started once and never restarted, the HTTP API for every setting, SIPp as the carrier's gateway and as the
callers, on SQLite, PostgreSQL and MariaDB. No SQL: what the test knows of the result it reads from the API (CDRs,
balances).

Setup → a carrier with a SIPp gateway and its buy deck → a sell deck → a dial plan → an account with that tariff
and plan → a caller number (ANI) with a stored destination and a forward DID → a payment → one PIN-less call on
the access number and one on the DID, billed to the cent (worked out below by hand) → the account closed while
a call is up: the switch hangs it up, bills it, and refuses the next call and payment."""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from service_process import ServiceProcess, start_service

from tests.sip.sip_peers import Sipp, SippRun, wait_for

pytestmark = pytest.mark.peers

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
FRESHNESS_BOUND_S = 2.0  # README "How fresh the switch and RADIUS are"
ACCESS_NUMBER, FORWARD_DID = "18005550100", "18005550199"
CALLER = "442070000001"  # the From user of the SIPp caller scenarios
FRANCE, US = "33123456789", "15557654321"


@pytest.fixture
def service(tmp_path: Path, empty_db_url: str) -> Iterator[ServiceProcess]:
    """The service on an empty database of each backend."""
    running = start_service(tmp_path, empty_db_url,
                            sip_keepalive_interval_s=0)  # SIPp's carrier scenario would take an OPTIONS for a call
    yield running
    assert running.stop() == 0, running.log()[-3000:]


def money(text: str) -> Decimal:
    return Decimal(text)


def per_second(price_per_minute: str, seconds: int) -> Decimal:
    """A 1/1 buy rate: seconds × price / 60, rounded once to the millionth (half up)."""
    return (Decimal(seconds) * Decimal(price_per_minute) / 60).quantize(Decimal("0.000001"), ROUND_HALF_UP)


def import_deck(service: ServiceProcess, tariff_id: int, deck: str) -> None:
    with (DECKS / deck).open("rb") as handle:
        job = service.call("POST", f"/tariffs/{tariff_id}/imports", 202, files={"file": (deck, handle, "text/csv")})
    done = wait_for(lambda: (state := service.call("GET", f"/jobs/{job['id']}"))["state"] not in ("queued", "running")
                    and state, what=f"the import of {deck}")
    assert done["state"] == "succeeded", done


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


def set_up_the_business(service: ServiceProcess, carrier_port: int) -> dict[str, Any]:
    assert service.call("GET", "/setup") == {"needs_admin": True}
    first = service.call("POST", "/setup", 201, json={
        "username": "owner", "password": "a long owner password", "company_name": "Sunrise Calling",
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

    account = service.call("POST", "/accounts", 201, json={
        "number": "1001", "name": "Maria Gonzalez", "tariff_id": retail["id"], "dial_plan_id": plan["id"]})
    calling = service.call("GET", f"/accounts/{account['id']}/calling")
    assert [block["code"] for block in calling["blocks"]] == ["no_money", "not_identified"]
    ani = service.call("POST", f"/accounts/{account['id']}/anis", 201,
                       json={"number": f"+{CALLER}", "destination": "+33 1 23 45 67 89"})
    assert (ani["number"], ani["destination"]) == (CALLER, FRANCE)
    service.call("POST", "/dids", 201, json={"number": f"+{ACCESS_NUMBER}", "kind": "access_number",
                                             "dial_plan_id": plan["id"]})
    service.call("POST", "/dids", 201, json={"number": f"+{FORWARD_DID}", "kind": "forward",
                                             "account_id": account["id"], "forward_to": "+1 555 765 4321"})
    receipt = service.call("POST", f"/accounts/{account['id']}/payments", 201, json={"amount": "10.00"})
    assert receipt["balance"] == "10.000000"
    calling = service.call("GET", f"/accounts/{account['id']}/calling")
    assert (calling["can_call"], calling["blocks"]) == (True, [])
    return account


def call_rows(service: ServiceProcess, account_id: int, count: int) -> list[dict[str, Any]]:
    """The account's call CDRs, oldest first, once there are `count` of them."""
    def rows() -> list[dict[str, Any]] | None:
        items: list[dict[str, Any]] = service.call("GET", "/cdrs", params={"account_id": account_id})["items"]
        return items[::-1] if len(items) >= count else None
    found: list[dict[str, Any]] = wait_for(rows, what=f"{count} call CDRs")
    return found


def test_an_account_made_through_the_api_calls_and_is_billed_to_the_cent(service: ServiceProcess, sipp: Sipp) -> None:
    carrier = sipp.start("carrier_answer", calls=3)
    account = set_up_the_business(service, carrier.port)
    time.sleep(FRESHNESS_BOUND_S)  # all of the above reached the running switch and RADIUS processes by now

    on_access_number = sipp.start("caller_basic", remote_port=service.ports["sip_port"], service=ACCESS_NUMBER,
                                  hold_ms=2000)
    on_access_number.wait(30)
    on_did = sipp.start("caller_basic", remote_port=service.ports["sip_port"], service=FORWARD_DID, hold_ms=2000)
    on_did.wait(30)
    assert_ok(on_access_number, on_did)
    assert f"INVITE sip:{FRANCE}@" in carrier.log() and f"INVITE sip:{US}@" in carrier.log()

    france, us = call_rows(service, account["id"], 2)
    # PIN-less on the access number: the ANI's stored destination, France at 0.12/min in 60 s blocks: a call of
    # 1-60 s costs one block, 0.120000. The carrier charges 0.05/min per second.
    assert (france["destination"], france["did"], france["result"]) == (FRANCE, ACCESS_NUMBER, "answered")
    assert 1 <= france["duration_s"] <= 4
    assert money(france["price"]) == Decimal("0.120000")
    assert money(france["cost"]) == per_second("0.05", france["duration_s"])
    assert money(france["margin"]) == Decimal("0.120000") - per_second("0.05", france["duration_s"])
    # The forward DID: the US at 0.06/min, 30 s first block: 30 s = 0.030000, plus the 0.010000 connect fee.
    assert (us["destination"], us["did"], us["result"]) == (US, FORWARD_DID, "answered")
    assert money(us["price"]) == Decimal("0.040000")
    assert money(us["cost"]) == per_second("0.02", us["duration_s"])
    # 10.00 - 0.12 - 0.04
    shown = service.call("GET", f"/accounts/{account['id']}")
    assert (shown["balance"], shown["reserved"]) == ("9.840000", "0.000000")

    # Closed while a call is up: the switch hangs the call up (BYE to both legs) and bills it; the next call is
    # refused (403 Denied), and so is a payment.
    held = sipp.start("caller_wait_bye", remote_port=service.ports["sip_port"], service=ACCESS_NUMBER)
    wait_for(lambda: service.call("GET", "/live/calls")["items"], what="the call in progress")
    time.sleep(1.5)  # a call of at least a second: one 60 s block, 0.120000
    service.call("PATCH", f"/accounts/{account['id']}", json={"status": "closed"})
    held.wait(30)
    carrier.wait(30)
    assert_ok(held, carrier)
    assert money(call_rows(service, account["id"], 3)[2]["price"]) == Decimal("0.120000")
    assert service.call("GET", f"/accounts/{account['id']}")["balance"] == "9.720000"  # 9.84 - 0.12
    refused = sipp.start("caller_expect_403", remote_port=service.ports["sip_port"], service=ACCESS_NUMBER)
    refused.wait(30)
    assert_ok(refused)
    assert "Denied" in refused.log()
    payment = service.call("POST", f"/accounts/{account['id']}/payments", 409, json={"amount": "5"})
    assert payment["detail"].startswith("status: account 1001 is closed")
