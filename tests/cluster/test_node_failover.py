"""A node killed with 50 calls up, beside a node that lives on, both `carrier-switch serve` on one PostgreSQL (and one
MariaDB) database: once its lease runs out the survivor settles the dead node's calls — each billed once, to the
takeover (the legs were up until then), a CDR each — and hangs up both legs of each with BYE; the survivor's own
calls go on untouched. The survivor's `cluster nodes` says who settled whom.

Through the product's doors: `carrier-switch db upgrade`, `demo-data`, `serve --node`, the HTTP API, SIPp callers and
a SIPp carrier."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cluster_rig import FORWARD_DID, LEASE_S, Node, prepare_demo, wait_until

from tests.conftest import fresh_database
from tests.sip.sip_peers import Sipp, SippRun

pytestmark = pytest.mark.peers
DOOMED_CALLS = 50
SURVIVOR_CALLS = 2


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


def sip_byes(run: SippRun) -> int:
    """The calls SIPp got a BYE in (a survivor repeats its BYE: SIPp answers the dead node's address)."""
    calls, in_bye = set(), False
    for line in run.log().splitlines():
        if line.startswith(("BYE sip:", "SIP/2.0 ", "INVITE ", "ACK ")):
            in_bye = line.startswith("BYE sip:")
        elif in_bye and line.lower().startswith("call-id:"):
            calls.add(line.split(":", 1)[1].strip())
    return len(calls)


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_a_killed_nodes_calls_are_settled_once_by_the_survivor(backend: str, tmp_path: Path, sipp: Sipp) -> None:
    url = fresh_database(backend, "cluster")
    doomed, survivor = Node(tmp_path, "doomed", url), Node(tmp_path, "survivor", url)
    doomed.cli("db", "upgrade")
    doomed.cli("demo-data")
    try:
        doomed.start()
        survivor.start()
        carrier = sipp.start("carrier_answer", calls=DOOMED_CALLS + SURVIVOR_CALLS, timeout_s=240)
        prepare_demo(doomed, carrier.port, DOOMED_CALLS + SURVIVOR_CALLS)
        callers = sipp.start("caller_wait_bye", remote_port=doomed.ports["sip_port"], service=FORWARD_DID,
                             calls=DOOMED_CALLS, rate=10, timeout_s=240)
        others = sipp.start("caller_wait_bye", remote_port=survivor.ports["sip_port"], service=FORWARD_DID,
                            calls=SURVIVOR_CALLS, rate=10, timeout_s=240)
        live = wait_until(lambda: all_up(survivor.live_calls()), 60, "every call connected")
        assert sorted(call["node"] for call in live) == ["doomed"] * DOOMED_CALLS + ["survivor"] * SURVIVOR_CALLS
        counters = survivor.api("GET", "/live/counters")  # the whole cluster's, from the shared database
        assert counters["nodes"] == [{"node": "doomed", "concurrent_calls": DOOMED_CALLS},
                                     {"node": "survivor", "concurrent_calls": SURVIVOR_CALLS}]
        placed = [line.split("@")[0].rsplit(".", 1)[-1] for line in carrier.log().splitlines()
                  if line.startswith("Call-ID:")]  # each node's Call-IDs carry its name
        assert {"doomed", "survivor"} <= set(placed)
        doomed.kill()
        killed_at = dt.datetime.now(dt.UTC)
        assert callers.wait(60) == 0, callers.error_log()[-3000:]  # each doomed call's caller got a BYE
        taken_over_at = dt.datetime.now(dt.UTC)
        took = (taken_over_at - killed_at).total_seconds()  # the README's figure (pytest -s)
        print(f"{backend}: {DOOMED_CALLS} calls settled and hung up {took:.1f} s after the kill (lease {LEASE_S} s)")
        assert sip_byes(callers) == DOOMED_CALLS

        recovered = survivor.api("GET", "/cdrs?result=recovered&limit=500")["items"]
        assert len(recovered) == DOOMED_CALLS and len({cdr["call_id"] for cdr in recovered}) == DOOMED_CALLS
        for cdr in recovered:
            answered = dt.datetime.fromisoformat(cdr["answered_at"])
            assert (killed_at - answered).total_seconds() - 1 <= cdr["duration_s"]  # billed past the kill,
            assert cdr["duration_s"] <= (taken_over_at - answered).total_seconds() + 1  # to the takeover
            assert float(cdr["price"]) > 0 and cdr["hangup_by"] == "switch"
        assert [call["node"] for call in survivor.live_calls()] == ["survivor"] * SURVIVOR_CALLS
        assert others.process.poll() is None  # the survivor's own calls go on
        listing = {line.split()[0]: line for line in survivor.cli("cluster", "nodes").splitlines()}
        assert "down" in listing["doomed"] and "calls settled by survivor" in listing["doomed"]
        assert "running" in listing["survivor"]
        listed = survivor.api("GET", "/service/nodes")["items"]
        states = {node["name"]: (node["state"], node["recovered_by"]) for node in listed}
        assert states == {"doomed": ("down", "survivor"), "survivor": ("running", None)}

        survivor.stop()  # a clean stop: BYE to its callers, their Stops settle them
        others.wait(60)
        carrier.wait(60)
        assert_ok(others, carrier)
        assert sip_byes(carrier) == DOOMED_CALLS + SURVIVOR_CALLS
        calls = survivor_cdrs(survivor, url)
        assert calls == DOOMED_CALLS + SURVIVOR_CALLS  # one CDR per call: none lost, none doubled
    finally:
        doomed.stop()
        survivor.stop()


def all_up(calls: list[dict[str, object]]) -> list[dict[str, object]] | None:
    return calls if len(calls) == DOOMED_CALLS + SURVIVOR_CALLS else None


def survivor_cdrs(node: Node, url: str) -> int:
    """Call CDRs in the database, read through a node started again (the API of the stopped survivor is gone)."""
    node.start()
    try:
        rows = node.api("GET", "/cdrs?kind=call&limit=500")["items"]
        assert len({row["call_id"] for row in rows}) == len(rows)
        return len(rows)
    finally:
        node.stop()


