"""`carrier-switch bench sip`: SIPp caller → switch (separate process) → SIPp carrier; one JSON line of figures.

`--controller static-route` (the default) measures the signalling path only. `--controller switch` (or
CARRIERDESK_BENCH_CONTROLLER=switch, which `carrier-switch bench sip` passes through) runs the real
`SwitchController` against a demo-like SQLite database made for the run: the demo data, with the carriers'
gateways pointed at the SIPp carrier, their channel/CPS limits and the demo account's call limits lifted, its
balance raised so that money never runs out, and the demo trunk on 127.0.0.1 switched off. Every call then is an
ANI call on the access number: Access-Request to the in-process BillingPolicy (reservation), routing, Accounting
Start/Stop (rating, CDR, debit) and an attempt row; the JSON line counts the CDRs written. The RADIUS server
and BillingPolicy run in child processes of the switch (`--aaa-process`, `aaa.processes`); `cpu_pct`/`rss_mb` are
the switch process's own, `aaa_cpu_pct` that of its RADIUS processes together.
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

from switch_service.local_ports import free_port

PEERS_VENV = Path(__file__).resolve().parents[2] / ".venv-peers"
HOST = "127.0.0.1"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def children_cpu_seconds(pid: int) -> float:
    """CPU time of the process's running children (the switch's RADIUS processes)."""
    children = {int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                for child in (task / "children").read_text().split()}
    return sum(cpu_seconds(child) for child in children)


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


BENCH_ANI = "13055550101"  # a demo customer's ANI (account 100001) with a stored destination
ACCESS_NUMBER = "18005550100"  # the demo access number

CALLER_XML = """<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="bench caller: ANI call on the access number">
  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:BENCH_ANI_HERE@[local_ip]:[local_port]>;tag=[pid]B[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:BENCH_ANI_HERE@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

v=0
o=bench 1 1 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0
a=rtpmap:0 PCMU/8000
]]></send>
  <recv response="100" optional="true"/>
  <!-- a 180/183 that comes after the 200 (Kamailio's UDP workers may reorder them) is taken and ignored -->
  <recv response="180" optional="global" advance_state="false"/>
  <recv response="183" optional="global" advance_state="false"/>
  <recv response="200" rrs="true" rtd="true"/>
  <send><![CDATA[
ACK [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:BENCH_ANI_HERE@[local_ip]:[local_port]>;tag=[pid]B[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0
]]></send>
  <pause/>
  <send retrans="500"><![CDATA[
BYE [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:BENCH_ANI_HERE@[local_ip]:[local_port]>;tag=[pid]B[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
Call-ID: [call_id]
CSeq: 2 BYE
Max-Forwards: 70
Content-Length: 0
]]></send>
  <recv response="200" crlf="true"/>
  <ResponseTimeRepartition value="10, 20, 50, 100, 200, 500, 1000"/>
</scenario>
""".replace("BENCH_ANI_HERE", BENCH_ANI)


def demo_database(workdir: Path, carrier_port: int, cipher: Any = None, url: str | None = None) -> str:
    """A migrated database with the demo data, adjusted for load (see the module docstring): SQLite in `workdir`,
    or the empty database at `url`; its card PINs under `cipher` (a PinCipher; default a random key)."""
    import base64
    import secrets
    from decimal import Decimal

    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from switch_service.security.pins import PinCipher
    from switch_service.store.demo_data import load_demo_data
    from switch_service.store.engine import make_engine
    from switch_service.store.migrate import upgrade
    from switch_service.store.models import Account, Ani, Carrier, CustomerTrunk, Gateway
    from switch_service.store.repositories import ledger

    url = url or f"sqlite:///{workdir / 'bench.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with Session(engine) as session, session.begin():
            load_demo_data(session, cipher or PinCipher(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()))
        with Session(engine) as session, session.begin():
            session.execute(update(Gateway).values(host=HOST, port=carrier_port, enabled=True))
            session.execute(update(Carrier).values(max_channels=0, cps_limit=0, daily_minutes_cap=None,
                                                   monthly_minutes_cap=None))
            session.execute(update(CustomerTrunk).values(active=False))
            ani = session.query(Ani).filter(Ani.number.in_([BENCH_ANI, "+" + BENCH_ANI])).one()
            session.execute(update(Account).where(Account.id == ani.account_id).values(
                max_concurrent_calls=0, cps_limit=0))
            ledger.move_balance(session, ani.account_id, Decimal("1000000"))
    finally:
        engine.dispose()
    return url


def database_counts(url: str) -> dict[str, int]:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from switch_service.store.engine import make_engine
    from switch_service.store.models import Cdr, LiveCall, Reservation
    from switch_service.store.models.enums import CdrKind, ReservationStatus

    engine = make_engine(url)
    try:
        with Session(engine) as session:
            def count(*where: Any, model: Any = Cdr) -> int:
                return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)
            return {"cdr_calls": count(Cdr.kind == CdrKind.CALL),
                    "cdr_answered": count(Cdr.kind == CdrKind.CALL, Cdr.result == "answered"),
                    "cdr_recovered": count(Cdr.kind == CdrKind.CALL, Cdr.result == "recovered"),
                    "attempt_rows": count(Cdr.kind == CdrKind.ATTEMPT),
                    "open_reservations": count(Reservation.status == ReservationStatus.OPEN, model=Reservation),
                    "live_calls_left": count(model=LiveCall)}
    finally:
        engine.dispose()


def sippy_b2bua() -> str:
    """sippy's b2bua from its own venv (`make bench-peers`): sippy installs a top-level `tests` package that
    would shadow ours if it shared the project's venv."""
    candidates = [os.environ.get("CARRIERDESK_SIPPY_B2BUA", ""), str(PEERS_VENV / "bin" / "b2bua"),
                  shutil.which("b2bua") or ""]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise FileNotFoundError("sippy's b2bua is not installed: run `make bench-peers` (or set CARRIERDESK_SIPPY_B2BUA)")


def start_switch(kind: str, port: int, carrier_port: int, workdir: Path,
                 db_url: str | None = None) -> subprocess.Popen[bytes]:
    if kind == "ours":
        command = [sys.executable, "-m", "switch_service.call_control.serve", "--host", HOST, "--port", str(port)]
        command += ["--db", db_url, "--aaa-process"] if db_url else ["--route", f"{HOST}:{carrier_port}"]
        env = dict(os.environ)
    else:
        b2bua = sippy_b2bua()
        command = [b2bua, "-f", "-l", HOST, "-p", str(port), "-s", f"{HOST}:{carrier_port}", "-u", "-A", "0"]
        env = dict(os.environ, SIPLOG_BEND="none")
    log = (workdir / f"{kind}-switch.log").open("wb")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
    wait_udp(port)
    return process


def run_one(kind: str, args: argparse.Namespace, sipp: str, workdir: Path) -> dict[str, Any]:
    switch_port = free_port(socket.SOCK_DGRAM, socket.SOCK_STREAM)  # the switch listens on both
    carrier_port, caller_port = free_port(socket.SOCK_DGRAM), free_port(socket.SOCK_DGRAM)
    carrier = subprocess.Popen(
        [sipp, "-sn", "uas", "-i", HOST, "-p", str(carrier_port), "-mp", str(free_port(socket.SOCK_DGRAM)), "-nostdin"],
        cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    switch = None
    real = kind == "ours" and args.controller == "switch"
    try:
        wait_udp(carrier_port)
        db_url = demo_database(workdir, carrier_port) if real else None
        switch = start_switch(kind, switch_port, carrier_port, workdir, db_url)
        time.sleep(2.0 if real else 0.3)
        hold_ms = int(args.hold * 1000)
        if args.concurrent:
            calls, rate, limit = args.concurrent, max(args.rate, 100), args.concurrent
        else:
            calls, rate, limit = int(args.rate * args.duration), args.rate, int(args.rate * (args.hold + 10))
        stat_file = workdir / f"{kind}-stat.csv"
        if real:
            scenario = workdir / "bench_caller.xml"
            scenario.write_text(CALLER_XML)
            caller_args = ["-sf", str(scenario), "-s", ACCESS_NUMBER]
        else:
            caller_args = ["-sn", "uac", "-s", "15551230001"]
        command = [sipp, *caller_args, f"{HOST}:{switch_port}", "-i", HOST, "-p", str(caller_port),
                   "-mp", str(free_port(socket.SOCK_DGRAM)), "-r", str(rate), "-l", str(limit),
                   "-m", str(calls), "-d", str(hold_ms), "-nostdin", "-trace_stat", "-stf", str(stat_file),
                   "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-timeout", f"{int(args.duration + args.hold + 60)}s",
                   "-recv_timeout", "10000", "-max_socket", "1000"]
        cpu0, aaa_cpu0, wall0 = cpu_seconds(switch.pid), children_cpu_seconds(switch.pid), time.monotonic()
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
        aaa_cpu = children_cpu_seconds(switch.pid) - aaa_cpu0
        result = sipp_results(workdir, stat_file)
        generation = max(wall - args.hold, 1e-6)
        peak_rss = max(peak_rss, rss_mb(switch.pid))
        extra: dict[str, Any] = {}
        if real and db_url is not None:
            stop(switch)
            extra = database_counts(db_url)
        return extra | {
            "cps": round(result["successful"] / generation, 1),
            "calls": calls,
            "successful": result["successful"],
            "failed": calls - result["successful"],
            "setup_ms_p50": result["p50"],
            "setup_ms_p95": result["p95"],
            "cpu_pct": round(100 * cpu / wall, 1),
            "rss_mb": peak_rss,
        } | ({"aaa_cpu_pct": round(100 * aaa_cpu / wall, 1)} if real else {})
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
    parser.add_argument("--controller", choices=["static-route", "switch"],
                        default=os.environ.get("CARRIERDESK_BENCH_CONTROLLER", "static-route"),
                        help="static routes (signalling only) or the real SwitchController (RADIUS, routing, CDRs)")
    args = parser.parse_args(argv)
    sipp = shutil.which("sipp")
    if sipp is None:
        print(json.dumps({"error": "sipp not installed"}))
        return 2
    figures: dict[str, Any] = {"mode": "concurrent" if args.concurrent else "rate", "rate": args.rate,
                               "duration": args.duration, "hold": args.hold, "controller": args.controller}
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
