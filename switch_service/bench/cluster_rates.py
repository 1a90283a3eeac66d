"""`rate_change_s` of `carrier-switch bench cluster`: how long after a rate is changed through one node's API the
other node's calls are priced with it (each node's switch and RADIUS poll the change signal in the shared database).

The rate of the bench calls' destination is raised through node A's API; then single SIPp calls go through node B,
one after the other, until one's CDR carries the new price: the delay is when that call ended (it is priced at its
Stop), after the change — an upper bound, to within one probe call's length.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any

from switch_service.bench.sip import ACCESS_NUMBER, CALLER_XML, HOST
from switch_service.errors import UserError
from switch_service.local_ports import free_port

BOUND_S = 30  # a change not used within this is reported as not seen (None)
RAISE = Decimal("1.00")  # per minute, in every band the rate has
BANDS = ("price_per_minute", "offpeak_price", "weekend_price", "holiday_price")


class Api:
    """One node's HTTP API as the demo admin."""

    def __init__(self, port: int) -> None:
        self.url = f"http://{HOST}:{port}/api/v1"
        self.token = self.call("POST", "/auth/login", {"username": "admin", "password": "demo-admin"})["token"]

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        headers = {"Content-Type": "application/json"}
        if getattr(self, "token", ""):
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(f"{self.url}{path}", method=method, headers=headers,
                                         data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")


def newest_call(api: Api) -> dict[str, Any]:
    items = api.call("GET", "/cdrs?kind=call&result=answered&limit=1")["items"]
    if not items:
        raise UserError("bench cluster: no answered call to read the bench destination's rate from")
    return dict(items[0])


def one_call(sipp: str, workdir: Path, sip_port: int) -> None:
    scenario = workdir / "rate_probe.xml"
    scenario.write_text(CALLER_XML)
    subprocess.run([sipp, "-sf", str(scenario), "-s", ACCESS_NUMBER, f"{HOST}:{sip_port}", "-i", HOST,
                    "-p", str(free_port(socket.SOCK_DGRAM)), "-mp", str(free_port(socket.SOCK_DGRAM)), "-m", "1",
                    "-d", "0", "-nostdin", "-timeout", "20s", "-timeout_error"], cwd=workdir,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30,
                   check=False)


def rate_change_s(changed_on: int, used_on: int, sip_port: int, sipp: str, workdir: Path) -> float | None:
    """Raise the bench destination's rate through the API on port `changed_on`; the seconds until the node with
    API `used_on` and SIP `sip_port` priced a call with it (None: not within BOUND_S)."""
    a, b = Api(changed_on), Api(used_on)
    cdr = newest_call(a)
    tariff = a.call("GET", f"/accounts/{cdr['account_id']}")["tariff_id"]
    rate = next(r for r in a.call("GET", f"/tariffs/{tariff}/rates?prefix={cdr['prefix']}")["items"]
                if r["prefix"] == cdr["prefix"])
    raised = {band: str(Decimal(rate[band]) + RAISE) for band in BANDS if rate.get(band) is not None}
    new_price = Decimal(cdr["sell_rate"]) + RAISE  # in the band (peak, off-peak...) the calls are in now
    a.call("PATCH", f"/tariffs/{tariff}/rates/{rate['id']}", raised)
    changed = time.monotonic()
    while time.monotonic() - changed < BOUND_S:
        one_call(sipp, workdir, sip_port)
        ended = time.monotonic()  # the call is priced at its Stop: by then node B used the new rate
        priced = newest_call(b)
        if priced["sell_rate"] is not None and Decimal(priced["sell_rate"]) >= new_price:
            return round(ended - changed, 2)
    return None
