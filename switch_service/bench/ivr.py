"""`carrier-switch bench ivr --sessions N`: N card calls at once through the IVR, as the parallel IVR test makes
them (tests/sip/test_ivr_sipp.py -k parallel), printed as one JSON line.

The rig is the product's own, in this process: the demo data in a scratch SQLite database (bench/sip.py's, the
carriers' gateways pointed at a SIPp carrier), our RADIUS server with the billing policy, the switch, and the pool of
pjsua2 media workers with the shipped prompts, 4 callers a worker. One SIPp caller makes the N calls at once from a
number nobody has registered: each keys a demo card's PIN by SIP INFO and the destination by RFC 2833 (sip-tester's
pcaps), hears its balance and minutes, and is bridged to the carrier, talks a second and hangs up.

Figures: `completed`, calls bridged to the carrier with the number keyed (their CDRs); `digits_missed`, sessions
that did not get there (a digit lost, or any other failure: the worker's log says which); `workers` and
`rss_mb_total`, the most the pool ran at once and their resident memory together at its peak (`pss_mb_total`: the
same with each shared page counted once, split between its sharers — what the workers take from the machine);
`pin_to_route_ms_p95`, from the PIN accepted to the hand-off, the destination keyed and the minutes said between.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from switch_service.bench.ivr_caller import CallerScript
from switch_service.bench.sip import ACCESS_NUMBER, HOST, demo_database, stop, wait_udp
from switch_service.local_ports import free_port

STRANGER = "442079460099"  # nobody's number: asked for a PIN
DESTINATION = "442071234567"  # the demo's Retail 44
SECRET = b"bench-ivr-secret"
WORKER_LOG = "switch_service.media.pool"


class _HandOffs(logging.Handler):
    """The workers' hand-off lines (relayed into this process's log by the pool): their pin_to_route_ms."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.times: list[float] = []
        self.times_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        found = re.search(r"pin_to_route_ms=(\d+)", record.getMessage())
        if found:
            with self.times_lock:
                self.times.append(float(found.group(1)))


def _card(url: str, cipher: Any) -> tuple[int, str]:
    """A demo card's account (money enough for any run, no call limit) and its PIN."""
    from sqlalchemy import select, update
    from sqlalchemy.orm import Session

    from switch_service.store.engine import make_engine
    from switch_service.store.models import Account, Card
    from switch_service.store.repositories import ledger

    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            card = session.scalars(select(Card).order_by(Card.id).limit(1)).one()
            session.execute(update(Account).where(Account.id == card.account_id).values(max_concurrent_calls=0,
                                                                                        cps_limit=0))
            ledger.move_balance(session, card.account_id, Decimal("100000"))
            return card.account_id, cipher.decrypt(card.pin_ciphertext)
    finally:
        engine.dispose()


def _completed(url: str, account_id: int) -> int:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from switch_service.store.engine import make_engine
    from switch_service.store.models import Cdr
    from switch_service.store.models.enums import CdrKind

    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(Cdr).where(
                Cdr.kind == CdrKind.CALL, Cdr.account_id == account_id, Cdr.destination == DESTINATION,
                Cdr.duration_s > 0)) or 0)
    finally:
        engine.dispose()


def _start_switch(url: str, cipher: Any, workers: int, stack: contextlib.ExitStack) -> tuple[int, Any]:
    """Our RADIUS server with the billing policy, the switch, and the pool of `workers` warm media workers, each
    stopped by `stack` (in the reverse order); the switch's port and the pool."""
    from switch_service.aaa.billing_policy import BillingPolicy
    from switch_service.aaa.client import RadiusClient
    from switch_service.aaa.server import NasRegistry, RadiusServer
    from switch_service.call_control.config import ControllerConfig
    from switch_service.call_control.controller import SwitchController
    from switch_service.media.pool import IvrPool, PoolOptions
    from switch_service.sip.switch import SwitchConfig, SwitchThread
    from switch_service.store.engine import make_engine
    from switch_service.telephony import ended_by_switch

    engine = make_engine(url)
    stack.callback(engine.dispose)
    registry = NasRegistry()
    registry.add(HOST, SECRET, name="bench")
    radius = RadiusServer(BillingPolicy(engine, pin_cipher=cipher), registry, host=HOST, auth_port=0, acct_port=0)
    radius.start()
    stack.callback(radius.stop)
    client = RadiusClient(HOST, SECRET, auth_port=radius.auth_address[1], acct_port=radius.acct_address[1],
                          timeout=2.0, retries=2)
    controller = SwitchController(engine, client, ControllerConfig(keepalive_interval_s=0.0))
    stack.callback(controller.close)
    thread = SwitchThread(controller, SwitchConfig(host=HOST, port=free_port(socket.SOCK_DGRAM, socket.SOCK_STREAM),
                                                   flood_limit_per_s=None))
    port = thread.start()
    stack.callback(thread.stop)
    pool = IvrPool(PoolOptions(radius_host=HOST, auth_port=radius.auth_address[1], secret=SECRET.decode(),
                               min_workers=workers, max_workers=workers))
    controller.use_ivr_pool(pool)
    pool.on_lost = ended_by_switch(thread)
    stack.callback(pool.stop)
    asyncio.run_coroutine_threadsafe(pool.start(), thread.loop).result(60)
    return port, pool


def bench_ivr(sessions: int) -> dict[str, Any]:
    from switch_service.security.pins import PinCipher

    sipp = shutil.which("sipp")
    if sipp is None:
        raise RuntimeError("SIPp is not installed (Debian package sip-tester)")
    if sessions < 1:
        raise ValueError("--sessions must be at least 1")
    handoffs = _HandOffs()
    pool_log = logging.getLogger(WORKER_LOG)
    with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory(prefix="carrierdesk-bench-ivr-") as folder:
        workdir = Path(folder)
        pool_log.addHandler(handoffs)
        pool_log.setLevel(logging.INFO)
        pool_log.propagate = False  # the workers' lines are counted, not printed
        stack.callback(setattr, pool_log, "propagate", True)
        stack.callback(pool_log.removeHandler, handoffs)
        carrier_port = free_port(socket.SOCK_DGRAM)
        carrier = subprocess.Popen(
            [sipp, "-sn", "uas", "-i", HOST, "-p", str(carrier_port), "-mp", str(free_port(socket.SOCK_DGRAM)),
             "-nostdin"], cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        stack.callback(stop, carrier)
        wait_udp(carrier_port)
        cipher = PinCipher(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        url = demo_database(workdir, carrier_port, cipher)
        account_id, pin = _card(url, cipher)
        port, pool = _start_switch(url, cipher, -(-sessions // 4), stack)
        script = (CallerScript(STRANGER, workdir).info(pin + "#").pause(300).rfc2833(DESTINATION + "#")
                  .bridged(talk_ms=1000, carrier_mark="m=audio").write(workdir / "ivr_caller.xml"))
        caller = subprocess.Popen(
            [sipp, "-sf", str(script), "-i", HOST, "-p", str(free_port(socket.SOCK_DGRAM)),
             "-mp", str(free_port(socket.SOCK_DGRAM)),
             "-m", str(sessions), "-r", str(sessions), "-l", str(sessions), "-nostdin", "-timeout",
             f"{60 + sessions}s", "-s", ACCESS_NUMBER, f"{HOST}:{port}"],
            cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rss = pss = 0.0
        most = 0
        while caller.poll() is None:
            now_rss, now_pss = pool.memory_mb()
            rss, pss, most = max(rss, now_rss), max(pss, now_pss), max(most, len(pool.workers))
            time.sleep(0.2)
        time.sleep(1.0)  # the last hang-ups' accounting
        completed = _completed(url, account_id)
    times = sorted(handoffs.times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else None
    return {"sessions": sessions, "completed": completed, "digits_missed": sessions - completed,
            "workers": most, "rss_mb_total": round(rss, 1), "pss_mb_total": round(pss, 1),
            "pin_to_route_ms_p95": p95}
