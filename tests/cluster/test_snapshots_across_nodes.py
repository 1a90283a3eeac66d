"""A rate changed through node A's API is used by node B's calls SNAPSHOT_BOUND_S later (README "How fresh the
switch and RADIUS are": every node's switch and RADIUS processes poll the change signal, `data_versions`, in the
database they share, so the single-node bound holds across nodes). Two `carrier-switch serve` nodes on one
PostgreSQL (and one MariaDB) database, SIPp calls through node B."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cluster_rig import FORWARD_DID, SNAPSHOT_BOUND_S, Node, prepare_demo, wait_until

from tests.conftest import fresh_database
from tests.sip.sip_peers import Sipp

pytestmark = pytest.mark.peers


def answered_calls(node: Node) -> list[dict[str, Any]]:
    return list(node.api("GET", "/cdrs?kind=call&result=answered&limit=100")["items"])


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_a_rate_changed_on_node_a_prices_node_bs_next_call(backend: str, tmp_path: Path, sipp: Sipp) -> None:
    url = fresh_database(backend, "snapshots")
    node_a, node_b = Node(tmp_path, "a", url), Node(tmp_path, "b", url)
    node_a.cli("db", "upgrade")
    node_a.cli("demo-data")
    try:
        node_a.start()
        node_b.start()
        carrier = sipp.start("carrier_answer", calls=2, timeout_s=120)
        prepare_demo(node_a, carrier.port, 2)
        first = sipp.start("caller_basic", remote_port=node_b.ports["sip_port"], service=FORWARD_DID, hold_ms=1000)
        assert first.wait(30) == 0, first.error_log()
        before = wait_until(lambda: answered_calls(node_b), 20, "the first call's record")[0]

        account = node_a.api("GET", f"/accounts/{before['account_id']}")
        rates = node_a.api("GET", f"/tariffs/{account['tariff_id']}/rates?prefix={before['prefix']}")["items"]
        rate = next(r for r in rates if r["prefix"] == before["prefix"])
        prices = ("price_per_minute", "offpeak_price", "weekend_price", "holiday_price")  # every band's price doubled
        node_a.api("PATCH", f"/tariffs/{account['tariff_id']}/rates/{rate['id']}",
                   {name: str(Decimal(rate[name]) * 2) for name in prices if rate.get(name) is not None})
        time.sleep(SNAPSHOT_BOUND_S)

        second = sipp.start("caller_basic", remote_port=node_b.ports["sip_port"], service=FORWARD_DID, hold_ms=1000)
        assert second.wait(30) == 0, second.error_log()
        after = wait_until(lambda: rows if len(rows := answered_calls(node_b)) == 2 else None, 20,
                           "the second call's record")
        second_call = next(row for row in after if row["call_id"] != before["call_id"])
        # the call's price per minute in its time band: twice the first's
        assert (second_call["prefix"], Decimal(second_call["sell_rate"])) == (before["prefix"],
                                                                              Decimal(before["sell_rate"]) * 2)
    finally:
        node_a.stop()
        node_b.stop()
