"""`carrier-switch bench cluster`: what a switch node costs per call, and how many nodes 1 000 calls/s would need.

Runs `carrier-switch serve --node` processes as an operator does, on the empty PostgreSQL or MariaDB database given
(the demo data loaded and adjusted for load as `bench sip --controller switch` does: every call an ANI call on the
access number, with RADIUS authorisation, routing, accounting, rating and a CDR), a SIPp carrier and SIPp callers at
`--rate` calls/s per node for `--duration` seconds: first one node, then two nodes side by side, each with its own
caller. A node's CPU is its process's and its RADIUS processes' (SIP + RADIUS); the database server's is not in it.
One JSON line per run, then one with the cost per call, the nodes 1 000 calls/s would need at that cost on machines
of this one's cores, and the `--nodes` run's delivered rate against the one-node run's (`rate_ratio_nodes_vs_one`).
On one machine the nodes share its cores, so the ratio says how far the machine, not the design, limits the cluster.
Then a rate changed through one node and timed until the other prices calls with it (bench/cluster_rates.py), and
the failover run (bench/cluster_failover.py): the two nodes behind Kamailio, one killed half-way; one JSON line for
both.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from switch_service.bench import cluster_failover, cluster_rates
from switch_service.bench.sip import (
    ACCESS_NUMBER,
    CALLER_XML,
    HOST,
    children_cpu_seconds,
    cpu_seconds,
    database_counts,
    demo_database,
    sipp_results,
    stop,
    wait_udp,
)
from switch_service.errors import UserError
from switch_service.local_ports import free_port, service_ports

TARGET_CPS = 1000


@dataclass
class BenchNode:
    """One `carrier-switch serve --node NAME` in a folder of its own."""

    name: str
    folder: Path
    process: subprocess.Popen[bytes] | None = None
    sip_port: int = 0
    api_port: int = 0

    def start(self, database_url: str) -> None:
        ports = service_ports()
        self.sip_port, self.api_port = ports["sip_port"], ports["api_port"]
        settings = {"database_url": database_url, "sip_host": HOST, "radius_host": HOST, **ports,
                    "radius_processes": 1, "ivr_max_workers": 0,
                    "sip_keepalive_interval_s": 0, "sip_test_carrier_port": 0, "backup_interval_h": 0,
                    "mail_interval_s": 0, "log_level": "WARNING"}
        config = self.folder / "config"
        config.mkdir(parents=True, exist_ok=True)
        (config / "config.toml").write_text("".join(f"{key} = {json.dumps(value)}\n"
                                                    for key, value in settings.items()))
        env = {**os.environ, "CARRIERDESK_CONFIG_DIR": str(config), "CARRIERDESK_DATA_DIR": str(self.folder / "data")}
        log = (self.folder / "serve.log").open("wb")
        self.process = subprocess.Popen([sys.executable, "-m", "switch_service", "serve", "--node", self.name],
                                        env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise UserError(f"node {self.name} did not start: "
                                f"{(self.folder / 'serve.log').read_text(errors='replace')[-600:]}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.api_port}/api/v1/health", timeout=1):
                    wait_udp(self.sip_port)
                    return
            except OSError:
                time.sleep(0.3)
        raise UserError(f"node {self.name} did not answer within 60 s")

    def cpu(self) -> float:
        """CPU seconds of the node: its process (SIP, API) and its RADIUS processes."""
        assert self.process is not None
        return cpu_seconds(self.process.pid) + children_cpu_seconds(self.process.pid)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


def run(nodes: list[BenchNode], args: argparse.Namespace, sipp: str, workdir: Path) -> dict[str, Any]:
    """Each node gets a SIPp caller at `args.rate` for `args.duration`; the calls that completed, the delivered rate,
    and the nodes' CPU seconds per call."""
    scenario = workdir / "bench_caller.xml"
    scenario.write_text(CALLER_XML)
    calls = int(args.rate * args.duration)
    callers, cpu_before, writes_before = [], [node.cpu() for node in nodes], database_writes(args.database_url)
    started = time.monotonic()
    for node in nodes:
        stat_file = workdir / f"{node.name}-{len(nodes)}-stat.csv"
        command = [sipp, "-sf", str(scenario), "-s", ACCESS_NUMBER, f"{HOST}:{node.sip_port}", "-i", HOST,
                   "-p", str(free_port(socket.SOCK_DGRAM)), "-mp", str(free_port(socket.SOCK_DGRAM)),
                   "-r", str(args.rate), "-l", str(int(args.rate * (args.hold + 10))), "-m", str(calls),
                   "-d", str(int(args.hold * 1000)), "-nostdin", "-trace_stat", "-stf", str(stat_file), "-fd", "1",
                   "-trace_rtt", "-rtt_freq", "1", "-timeout", f"{int(args.duration + args.hold + 60)}s",
                   "-recv_timeout", "10000"]
        callers.append((subprocess.Popen(command, cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL), stat_file))
    for caller, _stat in callers:
        try:
            caller.wait(args.duration + args.hold + 90)
        except subprocess.TimeoutExpired:
            caller.kill()
            caller.wait(5)
    wall = time.monotonic() - started
    cpu = sum(node.cpu() - before for node, before in zip(nodes, cpu_before, strict=True))
    results = [sipp_results(workdir, stat) for _caller, stat in callers]
    successful = sum(result["successful"] for result in results)
    generation = max(wall - args.hold, 1e-6)
    time.sleep(1.5)  # PostgreSQL publishes a backend's statistics at most once a second
    writes_after = database_writes(args.database_url)
    per_call = ({name: round((writes_after[name] - writes_before[name]) / successful, 1) for name in writes_after}
                if writes_before is not None and writes_after is not None and successful else None)
    return {"nodes": len(nodes), "offered_cps": args.rate * len(nodes), "calls": calls * len(nodes),
            "successful": successful, "failed": calls * len(nodes) - successful,
            "cps": round(successful / generation, 1),
            "cpu_s_per_call": round(cpu / successful, 5) if successful else None,
            "node_cpu_pct": round(100 * cpu / wall / len(nodes), 1),
            "setup_ms_p95": max((result["p95"] or 0.0) for result in results), "database_writes_per_call": per_call}


def database_writes(url: str) -> dict[str, int] | None:
    """PostgreSQL's own count of this database's commits and rows written (pg_stat_database); None elsewhere
    (MariaDB counts them for the whole server, other databases' work included)."""
    from sqlalchemy import text

    from switch_service.store.engine import make_engine

    engine = make_engine(url)
    try:
        if engine.dialect.name != "postgresql":
            return None
        with engine.connect() as conn:
            row = conn.execute(text("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM "
                                    "pg_stat_database WHERE datname = current_database()")).one()
        return {"commits": int(row[0]), "rows_inserted": int(row[1]), "rows_updated": int(row[2]),
                "rows_deleted": int(row[3])}
    finally:
        engine.dispose()


def main(args: argparse.Namespace) -> int:
    import shutil

    from switch_service.store import migrate
    from switch_service.store.engine import make_engine

    sipp = shutil.which("sipp")
    if sipp is None:
        raise UserError("bench cluster needs SIPp (Debian package sip-tester)")
    cluster_failover.kamailio_binary()  # before anything runs
    engine = make_engine(args.database_url)
    try:
        if engine.dialect.name == "sqlite":
            raise UserError("bench cluster needs PostgreSQL or MariaDB: an SQLite database holds one node")
        if migrate.current_revision(engine) is not None:
            raise UserError("bench cluster needs an empty database (it loads the demo data into it): "
                            "create one for the run")
    finally:
        engine.dispose()
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        workdir = Path(tmp)
        carrier_port = free_port(socket.SOCK_DGRAM)
        carrier = subprocess.Popen([sipp, "-sn", "uas", "-i", HOST, "-p", str(carrier_port),
                                    "-mp", str(free_port(socket.SOCK_DGRAM)), "-nostdin"], cwd=workdir,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        nodes = [BenchNode(f"bench{number}", workdir / f"bench{number}") for number in range(1, args.nodes + 1)]
        try:
            wait_udp(carrier_port)
            demo_database(workdir, carrier_port, url=args.database_url)
            nodes[0].start(args.database_url)
            time.sleep(2)  # the node's first snapshot
            one = run(nodes[:1], args, sipp, workdir)
            print(json.dumps(one), flush=True)
            for node in nodes[1:]:
                node.start(args.database_url)
            time.sleep(2)
            every = run(nodes, args, sipp, workdir)
            print(json.dumps(every), flush=True)
            changed = cluster_rates.rate_change_s(nodes[0].api_port, nodes[-1].api_port, nodes[-1].sip_port, sipp,
                                                  workdir)
            failover = cluster_failover.run(nodes, args, sipp, workdir)
            print(json.dumps({**failover, "rate_change_s": changed}), flush=True)
        finally:
            for node in nodes:
                node.stop()
            stop(carrier)
    counts = database_counts(args.database_url)
    per_call = one["cpu_s_per_call"]
    cores = os.cpu_count() or 1
    print(json.dumps({
        "cpu_s_per_call": per_call, "cores_per_node": cores,
        "node_calls_per_s_at_full_cpu": round(cores / per_call, 1) if per_call else None,
        "nodes_for_1000_cps": math.ceil(TARGET_CPS * per_call / cores) if per_call else None,
        "nodes": args.nodes, "rate_ratio_nodes_vs_one": round(every["cps"] / one["cps"], 2) if one["cps"] else None,
        "database_writes_per_call": one["database_writes_per_call"],
        "cdr_calls": counts["cdr_calls"], "open_reservations": counts["open_reservations"],
        "live_calls_left": counts["live_calls_left"]}))
    return 0
