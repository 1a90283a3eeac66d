"""`carrier-switch bench sip`: SIPp caller → switch (separate process) → SIPp carrier; one JSON line of figures.

The switch runs with a static-route controller: this measures the signalling path only. The ANI authorisation /
CDR part plugs in as another `CallController` (see controller.py) and is measured by its owners.
With `--peer sippy` sippy's `b2bua` (static route, one UDP worker) is driven the same way in the same run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def rss_mb(pid: int, key: str = "VmHWM") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def wait_udp(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on UDP {port}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def start_switch(kind: str, port: int, carrier_port: int, workdir: Path) -> subprocess.Popen[bytes]:
    if kind == "ours":
        command = [sys.executable, "-m", "switch_service.sip.switch", "--host", HOST, "--port", str(port),
                   "--route", f"{HOST}:{carrier_port}"]
        env = dict(os.environ)
    else:
        b2bua = shutil.which("b2bua") or str(Path(sys.executable).parent / "b2bua")
        command = [b2bua, "-f", "-l", HOST, "-p", str(port), "-s", f"{HOST}:{carrier_port}", "-u", "-A", "0"]
        env = dict(os.environ, SIPLOG_BEND="none")
    log = (workdir / f"{kind}-switch.log").open("wb")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
    wait_udp(port)
    return process


def run_one(kind: str, args: argparse.Namespace, sipp: str, workdir: Path) -> dict[str, Any]:
    switch_port, carrier_port, caller_port = free_port(), free_port(), free_port()
    carrier = subprocess.Popen(
        [sipp, "-sn", "uas", "-i", HOST, "-p", str(carrier_port), "-mp", str(free_port()), "-nostdin"],
        cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    switch = None
    try:
        wait_udp(carrier_port)
        switch = start_switch(kind, switch_port, carrier_port, workdir)
        time.sleep(0.3)
        hold_ms = int(args.hold * 1000)
        if args.concurrent:
            calls, rate, limit = args.concurrent, max(args.rate, 100), args.concurrent
        else:
            calls, rate, limit = int(args.rate * args.duration), args.rate, int(args.rate * (args.hold + 10))
        stat_file = workdir / f"{kind}-stat.csv"
        command = [sipp, "-sn", "uac", f"{HOST}:{switch_port}", "-i", HOST, "-p", str(caller_port),
                   "-mp", str(free_port()), "-s", "15551230001", "-r", str(rate), "-l", str(limit),
                   "-m", str(calls), "-d", str(hold_ms), "-nostdin", "-trace_stat", "-stf", str(stat_file),
                   "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-timeout", f"{int(args.duration + args.hold + 60)}s",
                   "-recv_timeout", "10000", "-max_socket", "1000"]
        cpu0, wall0 = cpu_seconds(switch.pid), time.monotonic()
        peak_rss = 0.0
        caller = subprocess.Popen(command, cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        while caller.poll() is None:
            peak_rss = max(peak_rss, rss_mb(switch.pid, "VmRSS"))
            if time.monotonic() - wall0 > args.duration + args.hold + 90:
                caller.kill()
            time.sleep(0.5)
        wall = time.monotonic() - wall0
        cpu = cpu_seconds(switch.pid) - cpu0
        result = sipp_results(workdir, stat_file)
        generation = max(wall - args.hold, 1e-6)
        return {
            "cps": round(result["successful"] / generation, 1),
            "calls": calls,
            "successful": result["successful"],
            "failed": calls - result["successful"],
            "setup_ms_p50": result["p50"],
            "setup_ms_p95": result["p95"],
            "cpu_pct": round(100 * cpu / wall, 1),
            "rss_mb": max(peak_rss, rss_mb(switch.pid)),
        }
    finally:
        if switch is not None:
            stop(switch)
        stop(carrier)


def sipp_results(workdir: Path, stat_file: Path) -> dict[str, Any]:
    successful = 0
    if stat_file.exists():
        rows = list(csv.reader(stat_file.open(), delimiter=";"))
        if len(rows) >= 2:
            header, last = rows[0], rows[-1]
            successful = int(last[header.index("SuccessfulCall(C)")])
    times: list[float] = []
    for rtt in workdir.glob("*_rtt.csv"):
        for row in list(csv.reader(rtt.open(), delimiter=";"))[1:]:
            if len(row) >= 2:
                try:
                    times.append(float(row[1]))
                except ValueError:
                    continue
        rtt.unlink()
    p50 = p95 = None
    if times:
        times.sort()
        p50 = round(statistics.median(times), 2)
        p95 = round(times[min(len(times) - 1, int(0.95 * len(times)))], 2)
    return {"successful": successful, "p50": p50, "p95": p95}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="carrier-switch bench sip")
    parser.add_argument("--rate", type=float, default=150)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--hold", type=float, default=2)
    parser.add_argument("--concurrent", type=int, default=0)
    parser.add_argument("--peer", choices=["none", "sippy"], default="none")
    args = parser.parse_args(argv)
    sipp = shutil.which("sipp")
    if sipp is None:
        print(json.dumps({"error": "sipp not installed"}))
        return 2
    figures: dict[str, Any] = {"mode": "concurrent" if args.concurrent else "rate", "rate": args.rate,
                               "duration": args.duration, "hold": args.hold, "controller": "static-route"}
    with tempfile.TemporaryDirectory(prefix="bench-sip-") as tmp:
        ours = Path(tmp) / "ours"
        ours.mkdir()
        figures.update(run_one("ours", args, sipp, ours))
        if args.peer == "sippy":
            peer = Path(tmp) / "sippy"
            peer.mkdir()
            try:
                figures["sippy"] = run_one("sippy", args, sipp, peer)
            except Exception as exc:  # report, do not lose our own figures
                figures["sippy"] = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
