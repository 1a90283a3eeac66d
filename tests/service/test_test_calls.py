"""Something to see in the first hour, through the real service: `carrier-switch serve` on the demo data (with its
built-in test carrier), a test call placed through the API goes the billed path (RADIUS, routing, accounting) to
the test carrier: it shows on Live calls with the carrier and destination names, leaves a CDR at the rate of the
band it was answered in, moves the dashboard's figures; hanging it up after it ended says so; the carriers list
shows the test carrier's gateway up since the switch's first keep-alive."""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
import zoneinfo
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_harness import cli_ok
from test_serve_process import CLI, write_config
from worker_ports import free_port, service_ports

from switch_service.billing.rates import Rate
from switch_service.billing.time_bands import BandSchedule
from switch_service.store.demo_data import RETAIL, TEST_CARRIER

pytestmark = pytest.mark.peers

UK = next(row for row in RETAIL if row[0] == "44")


class Client:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}/api/v1"
        self.token = ""

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
        request = urllib.request.Request(self.base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json",
                                                  **({"Authorization": f"Bearer {self.token}"} if self.token else {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Client]:
    ports = service_ports() | {"sip_test_carrier_port": free_port(socket.SOCK_DGRAM), "radius_processes": 1}
    write_config(ports, tmp_path / "service.db")
    for command in (["db", "upgrade"], ["demo-data"]):
        cli_ok(*command)
    process = subprocess.Popen([*CLI, "serve"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    client = Client(ports["api_port"])
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                client.call("GET", "/health")
                break
            except OSError:
                time.sleep(0.2)
        assert process.poll() is None, process.communicate()[0]
        status, login = client.call("POST", "/auth/login", {"username": "admin", "password": "demo-admin"})
        assert status == 200, login
        client.token = login["token"]
        yield client
    finally:
        process.terminate()
        process.wait(timeout=20)


def _until(what: Any, timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = what()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def test_a_test_call_goes_the_billed_path_and_shows_everywhere(service: Client) -> None:
    _, accounts = service.call("GET", "/accounts?q=100001")
    account = accounts["items"][0]
    _, before = service.call("GET", "/live/kpis")
    status, placed = service.call("POST", "/live/test-calls",
                                  {"account_id": account["id"], "number": "+44 20 7946 0018", "seconds": 2})
    assert status == 200, placed
    assert placed["answered"] and placed["sip_code"] == 200

    [call] = _until(lambda: service.call("GET", "/live/calls")[1]["items"])  # the Accounting-Start's row
    assert (call["caller"], call["destination"], call["destination_name"], call["carrier_name"]) == (
        "test-call", "442079460018", "United Kingdom", TEST_CARRIER)

    def cdrs() -> list[dict[str, Any]]:
        return list(service.call("GET", "/cdrs")[1]["items"])

    [cdr] = _until(cdrs)
    assert cdr["result"] == "answered" and cdr["account_id"] == account["id"] and 1 <= cdr["duration_s"] <= 4
    assert Decimal(cdr["price"]) > 0 and cdr["call_id"] == call["call_id"]
    # the rate the call was billed at: the band of its answer in the account's zone (the demo's US business hours)
    answered = dt.datetime.fromisoformat(cdr["answered_at"]).astimezone(zoneinfo.ZoneInfo("America/New_York"))
    price = Decimal(UK[2])
    rate = Rate(prefix="44", destination=UK[1], price_per_minute=price,
                offpeak_price=(price * Decimal("0.8")).quantize(Decimal("0.000001")))
    bands = BandSchedule.peak_hours(holidays=frozenset({dt.date(2026, 12, 25), dt.date(2027, 1, 1)}))
    assert Decimal(cdr["sell_rate"]) == rate.band_price(bands.band_at(answered))

    _, after = service.call("GET", "/live/kpis")
    assert after["calls_today"] == before["calls_today"] + 1 and after["answered_today"] == 1
    assert Decimal(after["revenue_today"]) == Decimal(cdr["price"]) and after["currency"] == "USD"

    status, refused = service.call("POST", f"/live/calls/{call['call_id']}/hangup")
    assert status == 409 and refused["detail"].startswith("the call had already ended")


def test_the_test_carrier_is_up_since_the_first_keepalive(service: Client) -> None:
    def test_gateway() -> dict[str, Any] | None:
        carriers = service.call("GET", "/carriers")[1]["items"]
        gateway = next(carrier for carrier in carriers if carrier["name"] == TEST_CARRIER)["gateways"][0]
        return gateway if gateway["options_up"] else None

    gateway = _until(test_gateway)
    assert gateway is not None and gateway["options_checked_at"] is not None
    _, kpis = service.call("GET", "/live/kpis")
    assert kpis["carriers"] == 4 and kpis["carriers_down"] <= 3
