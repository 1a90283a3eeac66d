"""The failover run of `carrier-switch bench cluster`: the nodes behind Kamailio's dispatcher (the configuration
`carrier-switch cluster kamailio-config` writes), SIPp calls through Kamailio, the last node killed with SIGKILL
half-way.

Two SIPp callers, so that what the crash costs and what the failover costs are told apart: the first places calls
until the kill (those the dead node held are lost, and are settled by the survivor: `recovered_cdrs`); the second
places the second half's calls, starting at the kill. A call Kamailio sends to the dead node waits for its node
timeout and moves on to the survivor, so its setup takes at least that long: `failover_s` is how long after the kill
calls were still being sent to the dead node (the start of the last such call), i.e. when the dispatcher had
noticed. `failed_after_failover` counts the second caller's calls that failed after that moment (target 0).
`calls_per_node` is each node's calls (its SIP counters, the dead one's read just before the kill).
"""

from __future__ import annotations

import argparse
import csv
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

from switch_service import control
from switch_service.bench.sip import ACCESS_NUMBER, CALLER_XML, HOST, database_counts, stop
from switch_service.cluster.kamailio_config import NodeAddress, write_config
from switch_service.errors import UserError
from switch_service.local_ports import free_port

PROBE_S = 1  # Kamailio probes each node every second
NODE_TIMEOUT_S = 2  # the generated configuration's wait for a silent node before the INVITE moves on
# In-dialog requests follow the route set Kamailio's Record-Route gave (the bench caller goes straight to a node).
PROXY_CALLER_XML = CALLER_XML.replace("Call-ID: [call_id]\nCSeq: 1 ACK", "[routes]\nCall-ID: [call_id]\nCSeq: 1 ACK") \
    .replace("Call-ID: [call_id]\nCSeq: 2 BYE", "[routes]\nCall-ID: [call_id]\nCSeq: 2 BYE")


def kamailio_binary() -> str:
    binary = shutil.which("kamailio") or shutil.which("kamailio", path="/usr/sbin:/sbin")
    if binary is None:
        raise UserError("bench cluster's failover run needs Kamailio (Debian package kamailio)")
    return binary


def start_kamailio(workdir: Path, sip_ports: list[int]) -> tuple[subprocess.Popen[bytes], int]:
    """Kamailio in front of the nodes, once it has probed them: the process and its SIP port."""
    port = free_port(socket.SOCK_DGRAM, socket.SOCK_STREAM)
    config, _listing = write_config(workdir / "kamailio", [NodeAddress(HOST, sip_port) for sip_port in sip_ports],
                                    listen_host=HOST, listen_port=port, probe_s=PROBE_S)
    log = (workdir / "kamailio.log").open("wb")
    process = subprocess.Popen([kamailio_binary(), "-DD", "-E", "-f", str(config), "-Y", str(workdir),
                                "-w", str(workdir)], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    time.sleep(PROBE_S * 3)
    if process.poll() is not None:
        raise UserError(f"Kamailio did not start: {(workdir / 'kamailio.log').read_text(errors='replace')[-600:]}")
    return process, port


def node_calls(data_dir: Path) -> int | None:
    """The calls a node's SIP switch has carried (ended and up), asked through its control socket; None when it
    does not answer."""
    try:
        status = control.ask(data_dir, {"command": "status"}, timeout=2)["status"]
    except (UserError, OSError):
        return None
    sip = next((c for c in status["components"] if c["name"] == "sip"), None)
    return None if sip is None else int(sip["counters"].get("calls", 0)) + int(sip["counters"].get("calls_ended", 0))


def start_caller(sipp: str, folder: Path, proxy_port: int, calls: int,
                 args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], Path]:
    """SIPp placing `calls` calls through Kamailio at `args.rate`, each held `args.hold` seconds."""
    folder.mkdir()
    scenario = folder / "caller.xml"
    scenario.write_text(PROXY_CALLER_XML)
    stat_file = folder / "stat.csv"
    command = [sipp, "-sf", str(scenario), "-s", ACCESS_NUMBER, f"{HOST}:{proxy_port}", "-i", HOST,
               "-p", str(free_port(socket.SOCK_DGRAM)), "-mp", str(free_port(socket.SOCK_DGRAM)), "-r", str(args.rate),
               "-m", str(calls), "-d", str(int(args.hold * 1000)), "-nostdin", "-trace_stat", "-stf", str(stat_file),
               "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-timeout", f"{int(caller_timeout_s(args))}s",
               "-recv_timeout", "10000"]
    return subprocess.Popen(command, cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL), stat_file


def caller_timeout_s(args: argparse.Namespace) -> float:
    return float(args.duration + args.hold + 90)


def stat_rows(stat_file: Path) -> list[dict[str, str]]:
    if not stat_file.exists():
        return []
    rows = list(csv.reader(stat_file.open(), delimiter=";"))
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:] if len(row) >= len(rows[0]) - 1]


def epoch(stamp: str) -> float:
    """SIPp's `date<TAB>time<TAB>epoch` stamp: the epoch seconds."""
    return float(stamp.rsplit("\t", maxsplit=1)[-1])


def slow_setups(stat_file: Path, at_least_ms: float) -> list[float]:
    """The epoch start times of the calls whose setup took at least `at_least_ms` (SIPp's rtt file: the time each
    200 came, in ms since SIPp started, and the setup time)."""
    rows = stat_rows(stat_file)
    if not rows:
        return []
    started = epoch(rows[0]["StartTime"])
    starts = []
    for rtt in stat_file.parent.glob("*_rtt.csv"):
        for row in list(csv.reader(rtt.open(), delimiter=";"))[1:]:
            try:
                answered_ms, setup_ms = float(row[0]), float(row[1])
            except (IndexError, ValueError):
                continue
            if setup_ms >= at_least_ms:
                starts.append(started + (answered_ms - setup_ms) / 1000)
    return starts


def failed_after(stat_file: Path, moment: float) -> int:
    """Calls counted failed after `moment` (epoch), from SIPp's per-second statistics."""
    rows = stat_rows(stat_file)
    if not rows:
        return 0
    before = [row for row in rows if epoch(row["CurrentTime"]) <= moment]
    return int(rows[-1]["FailedCall(C)"]) - (int(before[-1]["FailedCall(C)"]) if before else 0)


def run(nodes: list[Any], args: argparse.Namespace, sipp: str, workdir: Path) -> dict[str, Any]:
    """The failover run on the started nodes (`BenchNode`s): the last is killed half-way."""
    doomed = nodes[-1]
    kamailio, proxy_port = start_kamailio(workdir, [node.sip_port for node in nodes])
    half = int(args.rate * args.duration / 2)
    recovered_before = database_counts(args.database_url)["cdr_recovered"]
    try:
        before = [node_calls(node.folder / "data") or 0 for node in nodes]
        first, first_stat = start_caller(sipp, workdir / "before-kill", proxy_port, half, args)
        deadline, doomed_calls = time.monotonic() + args.duration / 2, before[-1]
        while time.monotonic() < deadline:
            doomed_calls = node_calls(doomed.folder / "data") or doomed_calls
            time.sleep(0.25)
        doomed.process.send_signal(signal.SIGKILL)
        killed_at = time.time()
        second, second_stat = start_caller(sipp, workdir / "after-kill", proxy_port, half, args)
        for caller in (first, second):
            try:
                caller.wait(caller_timeout_s(args))
            except subprocess.TimeoutExpired:
                caller.kill()
                caller.wait(5)
        moved = [start - killed_at for start in slow_setups(second_stat, NODE_TIMEOUT_S * 1000)]
        failover_s = round(max(moved), 1) if moved else 0.0
        deadline = time.monotonic() + 30  # the survivor settles the dead node's calls once its lease has run out
        recovered = database_counts(args.database_url)["cdr_recovered"] - recovered_before
        while time.monotonic() < deadline and not recovered:
            time.sleep(1)
            recovered = database_counts(args.database_url)["cdr_recovered"] - recovered_before
        failed = [int(rows[-1]["FailedCall(C)"]) if (rows := stat_rows(stat)) else half
                  for stat in (first_stat, second_stat)]
        carried = [(node_calls(node.folder / "data") or 0) - calls for node, calls in zip(nodes[:-1], before,
                                                                                       strict=False)]
        return {"run": "failover", "nodes": len(nodes), "calls": 2 * half, "rate": args.rate,
                "calls_per_node": [*carried, doomed_calls - before[-1]],
                "failed": sum(failed), "failed_before_kill": failed[0], "failed_after_kill": failed[1],
                "failed_after_failover": failed_after(second_stat, killed_at + failover_s),
                "failover_s": failover_s, "recovered_cdrs": recovered}
    finally:
        stop(kamailio)
