"""Money stays right across nodes: 50 calls at once on one prepaid account, half through each of two `carrier-switch
serve` nodes on one database, each call holding money a 5 s slice at a time and extending it: the calls together
never spend more than the balance (no overdraft), to the cent — every hold and extension is one conditional UPDATE
in the shared database, whichever node's RADIUS server runs it. PostgreSQL and MariaDB."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from cluster_rig import FORWARD_DID, SNAPSHOT_BOUND_S, Node, prepare_demo, wait_until

from tests.conftest import fresh_database
from tests.sip.sip_peers import Sipp

pytestmark = pytest.mark.peers
CALLS = 50
# At 6.00 a minute, billed by the second, a 5 s hold is 0.50: 30 holds for 50 callers. A node's own 25 callers
# can take at most 25 of them, so each node carries calls whichever answers first.
BALANCE = Decimal("15.00")
PRICE = Decimal("6.00")


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_fifty_calls_on_one_balance_through_two_nodes_never_overspend(backend: str, tmp_path: Path,
                                                                     sipp: Sipp) -> None:
    url = fresh_database(backend, "money")
    nodes = [Node(tmp_path, name, url, credit_slice_s=5) for name in ("a", "b")]
    nodes[0].cli("db", "upgrade")
    nodes[0].cli("demo-data")
    a = nodes[0]
    try:
        for node in nodes:
            node.start()
        carrier = sipp.start("carrier_answer", calls=CALLS, timeout_s=180)
        maria = prepare_demo(a, carrier.port, CALLS, topup=None)
        a.api("POST", f"/accounts/{maria['id']}/payments",
              {"amount": str(Decimal(maria["balance"]) - BALANCE), "kind": "refund"})
        tariff = maria["tariff_id"]
        for rate in a.api("GET", f"/tariffs/{tariff}/rates?prefix=1")["items"]:
            if rate["prefix"] == "1":  # the forwarded number's rate, in every band, by the second
                bands = {name: str(PRICE) for name in ("price_per_minute", "offpeak_price", "weekend_price",
                                                       "holiday_price") if rate.get(name) is not None}
                a.api("PATCH", f"/tariffs/{tariff}/rates/{rate['id']}",
                      {**bands, "initial_block_s": 1, "increment_s": 1})
        time.sleep(SNAPSHOT_BOUND_S)  # both nodes price with the new rate
        callers = [sipp.start("caller_wait_bye", remote_port=node.ports["sip_port"], service=FORWARD_DID,
                              calls=CALLS // 2, rate=50, timeout_s=120) for node in nodes]
        for run in callers:
            run.wait(150)  # refused calls fail in SIPp: the money ran out for them
        connected = [run.log().count("BYE sip:") > 0 for run in callers]
        assert connected == [True, True], "\n".join(  # each node carried calls on the shared balance
            f"node {node.name} connected {ok}: SIPp said {run.error_log()[-1500:]!r}; the node said "
            f"{node.stderr.read_text()[-1500:]!r}" for node, run, ok in zip(nodes, callers, connected, strict=True))

        def settled() -> dict[str, object] | None:
            account = a.api("GET", f"/accounts/{maria['id']}")
            return account if Decimal(account["balance"]) == Decimal(account["available"]) else None

        account = wait_until(settled, 30, "every call's money settled")  # nothing held any more
        cdrs = a.api("GET", f"/cdrs?kind=call&account_id={maria['id']}&limit=500")["items"]
        spent = sum((Decimal(cdr["price"]) for cdr in cdrs), Decimal(0))
        print(f"{backend}: {sum(c['result'] == 'answered' for c in cdrs)} answered of {len(cdrs)} calls, spent "
              f"{spent} of {BALANCE}")  # pytest -s
        assert Decimal(account["balance"]) >= 0  # no overdraft, so never below zero
        assert spent == BALANCE - Decimal(account["balance"])  # to the cent: every debit is a CDR's price
        assert spent > BALANCE - Decimal("0.50")  # and the calls did spend it (ended when it ran out)
    finally:
        for node in nodes:
            node.stop()
