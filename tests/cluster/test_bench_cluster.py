"""`carrier-switch bench cluster` on an empty PostgreSQL database, briefly: a JSON line for one node, one for two
nodes side by side (each with its SIPp caller), one for the two behind Kamailio with one killed half-way, and the
summary whose figures follow from them."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import pytest

from tests.conftest import fresh_database

pytestmark = pytest.mark.peers


def test_bench_cluster_measures_one_node_then_two_then_a_failover() -> None:
    url = fresh_database("postgresql", "bench")
    done = subprocess.run([sys.executable, "-m", "switch_service", "bench", "cluster", "--database-url", url,
                           "--rate", "5", "--duration", "6"], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    one, two, failover, summary = (json.loads(line) for line in done.stdout.splitlines())
    assert (one["nodes"], one["calls"], one["successful"], one["failed"]) == (1, 30, 30, 0)
    assert (two["nodes"], two["calls"], two["successful"], two["failed"]) == (2, 60, 60, 0)
    assert failover["calls"] == 30 and all(calls > 0 for calls in failover["calls_per_node"]), failover
    assert failover["failed_after_failover"] == 0 and failover["failover_s"] <= 10, failover  # the target
    assert failover["failed_after_kill"] == 0, failover  # calls placed after the kill all moved to the survivor
    assert failover["rate_change_s"] is not None and failover["rate_change_s"] <= 10, failover  # README: 2 s bound
    # the calls the dead node held were lost, and settled by the survivor: nothing left held or up
    assert 0 < failover["recovered_cdrs"] <= failover["calls_per_node"][1], failover
    assert summary["cdr_calls"] >= 90 + failover["calls"] - failover["failed"]
    assert summary["open_reservations"] == summary["live_calls_left"] == 0
    assert 0 < summary["cpu_s_per_call"] == one["cpu_s_per_call"]
    assert summary["nodes_for_1000_cps"] == math.ceil(1000 * one["cpu_s_per_call"] / (os.cpu_count() or 1))
    assert summary["nodes"] == 2 and summary["rate_ratio_nodes_vs_one"] == round(two["cps"] / one["cps"], 2) > 1
    writes = summary["database_writes_per_call"]  # a call's CDR, its reservation and its balance at least
    assert writes["commits"] >= 1 and writes["rows_inserted"] >= 1 and writes["rows_updated"] >= 1, writes


def test_bench_cluster_refuses_a_database_in_use() -> None:
    url = fresh_database("postgresql", "bench")
    subprocess.run([sys.executable, "-m", "switch_service", "db", "upgrade"],
                   env={**os.environ, "CARRIERDESK_DB_URL": url}, capture_output=True, check=True, timeout=120)
    done = subprocess.run([sys.executable, "-m", "switch_service", "bench", "cluster", "--database-url", url],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and "needs an empty database" in done.stderr, done.stderr[-2000:]
