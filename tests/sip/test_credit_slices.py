"""Several calls on one prepaid account (money in slices, aaa/slices.py), with SIPp as the callers and the
carrier: 20 simultaneous calls on an account that pays for 20 x 20 s all connect, each holding one 5 s slice and
asking for the next before it runs out; when the money ends each is cut with a BYE to both legs, and the debits
never exceed balance + overdraft. Before, each call held its whole possible length: the first took all the money
and the 19 others got 402. On SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sip_peers import Sipp, SippRun, wait_for
from sqlalchemy import Engine
from switch_rig import (
    ACCESS_NUMBER,
    FR_DESTINATION,
    balance,
    call_cdrs,
    reserved,
    seed,
    start_rig,
)

pytestmark = pytest.mark.peers

CALLS = 20
MONEY = Decimal("0.400000")  # FR at 0.060000/min in 1 s increments: 0.001000 a second, 400 s for the 20 calls


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


def test_twenty_calls_share_one_balance_and_are_cut_when_it_ends(db_engine: Engine, sipp: Sipp) -> None:
    carrier = sipp.start("carrier_answer", calls=CALLS, timeout_s=90)
    seeded = seed(db_engine, [carrier.port], balance=str(MONEY), ani_destination=FR_DESTINATION)
    rig = start_rig(db_engine, credit_slice_s=5)
    try:
        callers = sipp.start("caller_wait_bye", remote_port=rig.port, service=ACCESS_NUMBER, calls=CALLS,
                             rate=CALLS, timeout_s=90)
        callers.wait(120)
        carrier.wait(30)
        assert_ok(callers, carrier)  # every call answered (200), every leg got the switch's BYE
        log = callers.log()
        assert len(re.findall(r"^SIP/2.0 200 OK", log, re.M)) >= CALLS
        assert len(re.findall(r"^BYE sip:", log, re.M)) == CALLS
        assert len(re.findall(r"^BYE sip:", carrier.log(), re.M)) == CALLS
        rows = wait_for(lambda: rows if len(rows := call_cdrs(db_engine)) == CALLS else None, timeout=30,
                        what="20 call rows")
        wait_for(lambda: reserved(db_engine, seeded.account_id) == 0, what="every hold released")
    finally:
        rig.stop()
    assert {(c.result, c.hangup_by, c.q850_cause) for c in rows} == {("answered", "switch", 102)}
    talked = sorted(c.duration_s for c in rows)  # 20 s each in the runs so far
    assert talked[0] >= 5  # each call had at least its first slice
    assert sum(talked) <= 400  # no more talk than the money buys
    assert sum(talked) >= 400 - CALLS  # and it was spent: each call lost at most the second the timer rounds
    spent = sum((c.price for c in rows), Decimal(0))
    assert spent <= MONEY  # balance + overdraft (0)
    assert balance(db_engine, seeded.account_id) == MONEY - spent >= 0
