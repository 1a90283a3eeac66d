"""Recharge from another card by phone, through the product's doors only: `carrier-switch serve` on an empty
database, the HTTP API for the business and a batch of two cards (the PINs read from the batch's CSV export, as the
printer gets them), SIPp as the carrier and as a caller the switch does not know. The caller keys its own PIN,
then * (recharge) and * again (from another card), a PIN that opens no card (refused, said so, counted as a wrong
PIN), the second card's PIN: that card's whole balance moves onto the caller's account through the ledger, the
card is used up, and the caller calls on the sum."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from service_process import ServiceProcess, start_service
from test_ivr_card_call import ACCESS_NUMBER, STRANGER, US, a_card_business, assert_ok, finished

from switch_service.bench.ivr_caller import CallerScript
from tests.sip.sip_peers import Sipp, wait_for

pytestmark = pytest.mark.peers


@pytest.fixture
def service(tmp_path: Path, empty_db_url: str) -> Iterator[ServiceProcess]:
    running = start_service(tmp_path, empty_db_url, sip_keepalive_interval_s=0, ivr_min_workers=1)
    yield running
    assert running.stop() == 0, running.log()[-3000:]


def two_cards(service: ServiceProcess, carrier_port: int) -> tuple[int, list[dict[str, str]]]:
    """The business of test_ivr_card_call, with a batch of two 5.00 cards: the batch id and each card's serial,
    account id and PIN."""
    a_card_business(service, carrier_port)  # its own batch of one card stays unused
    retail = next(t for t in service.call("GET", "/tariffs")["items"] if t["name"] == "Retail")
    job = service.call("POST", "/card-batches", 202, json={"name": "Pair", "count": 2, "face_value": "5.00",
                                                           "tariff_id": retail["id"]})
    batch_id = int(finished(service, job)["result"]["batch_id"])
    cards = service.call("GET", f"/card-batches/{batch_id}/cards")["items"]
    pins = {line.split(",")[0]: line.split(",")[1]
            for line in service.call_text("GET", f"/card-batches/{batch_id}/cards.csv").splitlines()[1:]}
    return batch_id, [{"serial": c["serial"], "account_id": c["account_id"], "account_number": c["account_number"],
                       "pin": pins[c["serial"]]} for c in cards]


def plays(service: ServiceProcess) -> list[str]:
    """What the worker played, in order (its prompt log, relayed into the service's log by the pool)."""
    return re.findall(r"session \d+: plays (.+)$", service.log(), re.M)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mariadb"])
def test_a_caller_moves_another_cards_balance_onto_its_own_and_calls_on_it(service: ServiceProcess, sipp: Sipp,
                                                                          tmp_path: Path) -> None:
    carrier = sipp.start("carrier_offer_in_200", timeout_s=150)  # it waits through the setup and the IVR
    batch_id, (mine, other) = two_cards(service, carrier.port)
    wrong = "".join(str((int(d) + 1) % 10) for d in other["pin"])
    time.sleep(2.0)  # the README's freshness bound: the switch and RADIUS see the new cards

    script = (CallerScript(STRANGER, tmp_path).info(mine["pin"] + "#").pause(1500)
              .rfc2833("**").pause(500).rfc2833(wrong + "#").pause(2000)
              .info(other["pin"] + "#").pause(2000)
              .rfc2833(US + "#").bridged(talk_ms=1000))
    caller = sipp.start(script.write(tmp_path / "card_to_card.xml"), remote_port=service.ports["sip_port"],
                        service=ACCESS_NUMBER, timeout_s=60)
    caller.wait(65)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert f"INVITE sip:{US}@" in carrier.log()
    heard = plays(service)
    assert heard[1].startswith("welcome you_have") and heard[1].endswith("recharge_offer enter_destination"), heard
    assert heard[2:5] == ["enter_voucher card_recharge_offer", "enter_card_pin", "invalid_card_pin enter_card_pin"], \
        heard
    assert heard[5].startswith("recharged you_have n_10 USD_other") and heard[5].endswith("enter_destination"), heard

    cdr = wait_for(lambda: service.call("GET", "/cdrs", params={"account_id": mine["account_id"]})["items"],
                   what="the caller's CDR")[0]
    assert Decimal(cdr["price"]) == Decimal("0.040000")  # 30 s first block at 0.06/min + 0.01 connect fee
    assert service.call("GET", f"/accounts/{mine['account_id']}")["balance"] == "9.960000"  # 5 + 5 - 0.04
    assert service.call("GET", f"/accounts/{other['account_id']}")["balance"] == "0.000000"
    statuses = {c["serial"]: c["status"] for c in service.call("GET", f"/card-batches/{batch_id}/cards")["items"]}
    assert statuses == {mine["serial"]: "active", other["serial"]: "used"}
    given = service.call("GET", f"/accounts/{mine['account_id']}/payments")["items"]
    taken = service.call("GET", f"/accounts/{other['account_id']}/payments")["items"]
    assert [(p["kind"], p["amount"], p["method"], p["reference"]) for p in given] == [
        ("adjustment", "5.000000", "card transfer", f"card {other['serial']}")]
    assert [(p["kind"], p["amount"], p["method"], p["reference"]) for p in taken] == [
        ("adjustment", "-5.000000", "card transfer", f"to account {mine['account_number']}")]
    assert all(re.fullmatch(r"R-\d{4}-\d{6,}", p["receipt_number"]) for p in given + taken)
    assert service.call("GET", "/live/counters")["ivr_pin_failures"] == 1  # the PIN that opened no card
    log = service.log()
    assert mine["pin"] not in log and other["pin"] not in log and wrong not in log  # PINs are never logged
