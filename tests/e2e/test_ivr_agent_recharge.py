"""A retail store's clerk recharges a PIN-less customer by phone, through the product's doors only: `carrier-switch
serve` on an empty database, the HTTP API for the business, the store (a reseller with credit and a commission), its
customer with a registered caller number and the store's agent PIN (shown once), and SIPp as the clerk calling the
access number from the counter's phone (nobody's caller number). The clerk keys * at the PIN prompt, the agent PIN,
the customer's number as dialled locally and the amount, hears the customer's new balance, and ends with # alone:
the customer is paid, the store charged its buy price, and no PIN reaches the log."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_process import ServiceProcess, start_service
from test_ivr_card_call import ACCESS_NUMBER, STRANGER, a_card_business, assert_ok
from test_ivr_card_to_card import plays

from switch_service.bench.ivr_caller import CallerScript
from tests.sip.sip_peers import Sipp

pytestmark = pytest.mark.peers


@pytest.fixture
def service(tmp_path: Path, empty_db_url: str) -> Iterator[ServiceProcess]:
    running = start_service(tmp_path, empty_db_url, sip_keepalive_interval_s=0, ivr_min_workers=1)
    yield running
    assert running.stop() == 0, running.log()[-3000:]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_store_clerk_recharges_a_pinless_customer_by_phone(service: ServiceProcess, sipp: Sipp,
                                                             tmp_path: Path) -> None:
    a_card_business(service, carrier_port=9)  # the access number and company; no call reaches the carrier
    shop = service.call("POST", "/resellers", 201, json={"name": "Corner Shop", "currency": "USD",
                                                         "credit_limit": "50"})["id"]
    service.call("POST", f"/resellers/{shop}/commission-rules", 201, json={"basis": "sales_percent", "percent": "10"})
    maria = service.call("POST", "/accounts", 201, json={"number": "MARIA", "name": "Maria", "currency": "USD",
                                                         "reseller_id": shop})["id"]
    service.call("POST", f"/accounts/{maria}/anis", 201, json={"number": "+1 202 555 0143"})
    pin = service.call("POST", f"/resellers/{shop}/agent-pin", 201)["agent_pin"]
    time.sleep(2.0)  # the README's freshness bound

    script = (CallerScript(STRANGER, tmp_path).pause(1500).rfc2833("*").pause(500).info(pin + "#").pause(1500)
              .rfc2833("2025550143#").pause(1000).info("20#").pause(3000)
              .info("#").hung_up())
    clerk = sipp.start(script.write(tmp_path / "agent.xml"), remote_port=service.ports["sip_port"],
                       service=ACCESS_NUMBER, timeout_s=60)
    clerk.wait(65)
    assert_ok(clerk)

    heard = plays(service)
    assert heard[1:5] == ["enter_agent_pin", "enter_customer_number", "enter_amount",
                          "customer_recharged n_20 USD_other enter_customer_number"], heard
    assert heard[5] == "goodbye", heard
    assert service.call("GET", f"/accounts/{maria}")["balance"] == "20.000000"
    assert service.call("GET", f"/resellers/{shop}")["balance"] == "-18.000000"  # 20 less its 10 %
    payments = service.call("GET", f"/accounts/{maria}/payments")["items"]
    assert [(p["kind"], p["amount"], p["method"], p["created_by"]) for p in payments] == [
        ("topup", "20.000000", "agent", None)]
    assert re.fullmatch(r"R-\d{4}-\d{6,}", payments[0]["receipt_number"])
    assert pin not in service.log()  # the agent PIN is never logged
