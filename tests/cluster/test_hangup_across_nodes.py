"""One desktop over the cluster, through the API: two `carrier-switch serve` nodes on one PostgreSQL (and one MariaDB)
database, SIPp callers into node "carrier" and a SIPp carrier. Node "other"'s API lists the whole cluster's calls,
each with its node, and hangs up a call node "carrier" carries: 202, the node that carries it sends BYE on both legs
within about a second, and the call's record is the one a hang-up through the carrying node's own API makes."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from cluster_rig import FORWARD_DID, Node, prepare_demo, wait_until

from tests.conftest import fresh_database
from tests.sip.sip_peers import Sipp

pytestmark = pytest.mark.peers
CALLS = 3


def hang_up(node: Node, call_id: str) -> tuple[int, dict[str, Any]]:
    """POST .../hangup through `node`'s API: (the HTTP status, the body)."""
    if not node.token:
        node.api("GET", "/auth/me")  # signs in
    request = urllib.request.Request(f"{node.url}/live/calls/{call_id}/hangup", method="POST",
                                     headers={"Authorization": f"Bearer {node.token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def call_records(node: Node) -> dict[str, dict[str, Any]]:
    return {cdr["call_id"]: cdr for cdr in node.api("GET", "/cdrs?kind=call&limit=50")["items"]}


def _still(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calls by id without what the clock moves between two reads (the seconds talked and left)."""
    return sorted(({key: value for key, value in call.items() if key not in ("duration_s", "talk_time_left_s")}
                   for call in calls), key=lambda call: call["id"])


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_any_nodes_api_lists_and_hangs_up_the_clusters_calls(backend: str, tmp_path: Path, sipp: Sipp) -> None:
    url = fresh_database(backend, "hangup")
    carrying, other = Node(tmp_path, "carrying", url), Node(tmp_path, "other", url)
    carrying.cli("db", "upgrade")
    carrying.cli("demo-data")
    try:
        carrying.start()
        other.start()
        carrier = sipp.start("carrier_answer", calls=CALLS, timeout_s=120)
        prepare_demo(carrying, carrier.port, CALLS)
        callers = sipp.start("caller_wait_bye", remote_port=carrying.ports["sip_port"], service=FORWARD_DID,
                             calls=2, rate=10, timeout_s=120)
        mine = sipp.start("caller_wait_bye", remote_port=other.ports["sip_port"], service=FORWARD_DID,
                          calls=1, timeout_s=120)
        listed = wait_until(lambda: len(calls := other.live_calls()) == CALLS and calls, 60, "every call up")
        assert sorted(call["node"] for call in listed) == ["carrying", "carrying", "other"]
        assert _still(listed) == _still(carrying.live_calls())  # either node's API lists the same calls
        here, there = [call["call_id"] for call in listed if call["node"] == "carrying"]
        time.sleep(2)  # they talk, so each has a price (a hang-up asked through another node now acts within ms)

        assert hang_up(carrying, here) == (200, {"call_id": here, "ended": True, "node": None})
        asked_at = time.monotonic()
        assert hang_up(other, there) == (202, {"call_id": there, "ended": False, "node": "carrying"})
        assert callers.wait(30) == 0, callers.error_log()[-3000:]  # both callers got their BYE
        took = time.monotonic() - asked_at
        print(f"{backend}: a hang-up asked through the other node's API ended the call {took:.1f} s later")
        assert took < 5
        left = wait_until(lambda: len(calls := other.live_calls()) == 1 and calls, 20, "the two calls gone")
        assert [call["node"] for call in left] == ["other"]
        records = wait_until(lambda: len(found := call_records(other)) == 2 and found, 20, "the two records")
        assert records[there]["result"] == records[here]["result"] == "answered"
        assert records[there]["hangup_by"] == records[here]["hangup_by"]  # as a hang-up on its own node
        assert float(records[there]["price"]) > 0

        status, body = hang_up(other, there)  # again: it is over, as the shared records say
        assert status == 409 and body["detail"].startswith("the call had already ended"), body
        status, body = hang_up(other, "no-such-call")
        assert status == 404, body
        assert mine.process.poll() is None  # the other node's own call goes on
        other.stop()
        assert mine.wait(30) == 0
        assert carrier.wait(30) == 0, carrier.error_log()[-3000:]  # the carrier got BYE on each of its legs
    finally:
        carrying.stop()
        other.stop()
