"""End to end with real peers: SIPp callers, carriers and IVR media endpoint → the switch with `SwitchController`
→ `RadiusClient` → the real `RadiusServer` + `BillingPolicy` → a migrated database (SQLite; one scenario also on
PostgreSQL). Money is checked to the last digit: every expected Decimal is written out by hand."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from sip_peers import Sipp, SippRun, free_port, wait_for
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from switch_rig import (
    ACCESS_NUMBER,
    BLOCKED_DESTINATION,
    CALLER_ANI,
    FORWARD_DID,
    FR_DESTINATION,
    US_DESTINATION,
    Rig,
    attempt_rows,
    balance,
    call_cdrs,
    reserved,
    seed,
    start_rig,
)

from switch_service.aaa.client import RadiusClient
from switch_service.call_control.controller import SwitchController
from switch_service.events import CallEventKind, GatewayEvent, GatewayEventKind
from switch_service.sip.switch import SwitchConfig, SwitchThread
from switch_service.sip.transactions import TimerConfig
from switch_service.store.models import Cdr, CustomerTrunk, Did, Gateway, LiveCall
from switch_service.store.models.enums import DidKind, TrunkAuth

pytestmark = pytest.mark.peers


def assert_ok(*runs: SippRun) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.name} failed ({run.returncode}):\n{run.error_log()[-3000:]}"


class Rigs:
    def __init__(self) -> None:
        self.started: list[Rig] = []

    def __call__(self, engine: Engine, *, ivr: str | None = None, max_call_seconds: int = 14400,
                 **controller: Any) -> Rig:
        rig = start_rig(engine, ivr=ivr, max_call_seconds=max_call_seconds, **controller)
        self.started.append(rig)
        return rig


@pytest.fixture
def rigs() -> Iterator[Rigs]:
    factory = Rigs()
    yield factory
    for rig in factory.started:
        rig.stop()


def one_call_cdr(engine: Engine) -> Cdr:
    return wait_for(lambda: call_cdrs(engine), what="the call CDR")[0]


def at_least(fetch: Callable[[], list[Cdr]], count: int, what: str, timeout: float = 10.0) -> list[Cdr]:
    return wait_for(lambda: rows if len(rows := fetch()) >= count else None, timeout=timeout, what=what)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ani_call_on_access_number_is_billed_exactly(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seeded = seed(db_engine, [carrier.port])
    rig = rigs(db_engine)
    events = rig.controller.events.subscribe()
    caller = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=2000)
    caller.wait(20)
    carrier.wait(10)
    assert_ok(caller, carrier)
    cdr = one_call_cdr(db_engine)
    # 2.3 s of talk → Acct-Session-Time 2 → billed 6 s (6 s + 6 s increments) at 0.060000/min = 0.006000
    assert cdr.result == "answered"
    assert cdr.destination == US_DESTINATION
    assert cdr.duration_s in (2, 3)
    assert cdr.price == Decimal("0.006000")
    assert balance(db_engine, seeded.account_id) == Decimal("9.994000")
    assert reserved(db_engine, seeded.account_id) == Decimal("0")
    attempts = wait_for(lambda: attempt_rows(db_engine), what="the attempt row")
    assert [(a.attempt, a.sip_code, a.result, a.carrier_id) for a in attempts] == [
        (1, 200, "answered", seeded.carrier_ids[0])]
    assert attempts[0].call_id == cdr.call_id
    kinds = [e.kind for e in events.drain()]
    assert kinds == [CallEventKind.STARTED, CallEventKind.ANSWERED, CallEventKind.ENDED]
    assert rig.controller.carrier_calls == {} and rig.controller.account_calls == {}


@pytest.mark.parametrize("backend", ["sqlite"])
def test_did_forward_rings_forward_number_and_bills_did_account(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seeded = seed(db_engine, [carrier.port], ani=False)  # the caller is nobody's ANI: the DID's account pays
    rig = rigs(db_engine)
    caller = sipp.start("caller_basic", remote_port=rig.port, service=FORWARD_DID, hold_ms=2000)
    caller.wait(20)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert f"INVITE sip:{US_DESTINATION}@" in carrier.log()
    cdr = one_call_cdr(db_engine)
    assert cdr.account_id == seeded.forward_account_id
    assert cdr.price == Decimal("0.006000")
    assert balance(db_engine, seeded.forward_account_id) == Decimal("4.994000")
    assert balance(db_engine, seeded.account_id) == Decimal("10.000000")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_unknown_ani_refused_480_without_ivr(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seed(db_engine, [carrier.port], ani=False)
    rig = rigs(db_engine)
    caller = sipp.start("caller_expect_480", remote_port=rig.port, service=ACCESS_NUMBER)
    caller.wait(20)
    assert_ok(caller)
    assert re.search(r'^Warning: 399 carrierdesk "no IVR media endpoint is configured"', caller.log(), re.M)
    assert "INVITE" not in carrier.log()
    cdr = one_call_cdr(db_engine)  # the refused attempt is on record (there was none)
    assert (cdr.result, cdr.sip_code, cdr.q850_cause, cdr.hangup_by, cdr.account_id) == (
        "rejected", 480, 21, "switch", None)
    assert cdr.reason == "No IVR Available (no IVR media endpoint is configured)"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_national_caller_is_read_as_of_the_dids_country(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    """The registered ANI 442070000001 calls the access number presenting its UK national form 02070000001: with
    the DID's country set to GB (as PATCH /dids writes it) the switch finds the caller; read in the default region
    (US) it is nobody, and without an IVR the call is refused."""
    carrier = sipp.start("carrier_answer")
    seeded = seed(db_engine, [carrier.port])
    national = "0" + CALLER_ANI.removeprefix("44")
    rig = rigs(db_engine)
    refused = sipp.start("caller_expect_480", remote_port=rig.port, service=ACCESS_NUMBER,
                         keys={"caller": national})
    refused.wait(20)
    assert_ok(refused)
    with Session(db_engine) as session, session.begin():
        session.scalars(select(Did).where(Did.number == f"+{ACCESS_NUMBER}")).one().country = "GB"
    wait_for(lambda: asyncio.run_coroutine_threadsafe(rig.controller.data(), rig.thread.loop).result(5)
             .callers.did_country(ACCESS_NUMBER) == "GB" or None, what="the DID's country in the snapshot")
    caller = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, keys={"caller": national})
    caller.wait(20)
    carrier.wait(10)
    assert_ok(caller, carrier)
    cdr = at_least(lambda: call_cdrs(db_engine), 1, "the call CDR")[-1]
    assert (cdr.result, cdr.account_id, cdr.caller, cdr.destination) == (
        "answered", seeded.account_id, CALLER_ANI, US_DESTINATION)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_ivr_handoff_reinvites_caller_with_carrier_sdp(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    media = sipp.start("media_ivr_handoff", keys={"destination": US_DESTINATION})
    seeded = seed(db_engine, [carrier.port], ani_destination=None)  # known ANI, no stored destination → IVR
    rig = rigs(db_engine, ivr=f"127.0.0.1:{media.port}")
    caller = sipp.start("caller_ivr_reinvite", remote_port=rig.port, service=ACCESS_NUMBER)
    caller.wait(20)
    media.wait(10)
    carrier.wait(10)
    assert_ok(caller, media, carrier)  # the scenarios check the SDPs: carrier's offer to the caller, answer in ACK
    caller_log = caller.log()
    assert "s=carrier-offer" in caller_log and "s=ivr-answer" in caller_log
    assert f"INVITE sip:{US_DESTINATION}@" in carrier.log()
    cdr = one_call_cdr(db_engine)
    assert cdr.account_id == seeded.account_id
    assert cdr.duration_s in (1, 2)  # talk time starts at the carrier, not the IVR
    assert cdr.price == Decimal("0.006000")
    assert balance(db_engine, seeded.account_id) == Decimal("9.994000")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_no_money_is_402(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seed(db_engine, [carrier.port], balance="0.000000")
    rig = rigs(db_engine)
    caller = sipp.start("caller_expect_402", remote_port=rig.port, service=ACCESS_NUMBER)
    caller.wait(20)
    assert_ok(caller)
    assert "h323-return-code=4" in caller.log()
    assert "INVITE" not in carrier.log()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_blocked_number_is_403(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seeded = seed(db_engine, [carrier.port], ani_destination=BLOCKED_DESTINATION)
    rig = rigs(db_engine)
    caller = sipp.start("caller_expect_403", remote_port=rig.port, service=ACCESS_NUMBER)
    caller.wait(20)
    assert_ok(caller)
    assert "INVITE" not in carrier.log()
    assert reserved(db_engine, seeded.account_id) == Decimal("0")
    cdr = one_call_cdr(db_engine)
    assert (cdr.result, cdr.sip_code, cdr.q850_cause, cdr.reason, cdr.account_id) == (
        "rejected", 403, 21, "Destination Blocked (h323-return-code=9)", seeded.account_id)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_503_fails_over_and_costs_at_second_carrier(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    first = sipp.start("carrier_reject_503")
    second = sipp.start("carrier_answer")
    seeded = seed(db_engine, [first.port, second.port])
    rig = rigs(db_engine)
    events = rig.controller.events.subscribe()
    caller = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=2000)
    caller.wait(20)
    first.wait(10)
    second.wait(10)
    assert_ok(caller, first, second)
    cdr = one_call_cdr(db_engine)
    attempts = at_least(lambda: attempt_rows(db_engine), 2, "2 attempt rows")
    assert [(a.attempt, a.carrier_id, a.sip_code, a.result) for a in attempts] == [
        (1, seeded.carrier_ids[0], 503, "failed"), (2, seeded.carrier_ids[1], 200, "answered")]
    assert cdr.carrier_id == seeded.carrier_ids[1]
    # cost at the SECOND carrier's buy rate: 0.018000/min, 1 s increments, for the session time
    assert cdr.duration_s in (2, 3)
    assert cdr.cost == Decimal("0.018000") * cdr.duration_s / 60
    assert cdr.price == Decimal("0.006000")
    assert CallEventKind.FAILED_OVER in [e.kind for e in events.drain()]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_486_is_not_retried(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    first = sipp.start("carrier_reject_486")
    second = sipp.start("carrier_answer")
    seeded = seed(db_engine, [first.port, second.port])
    rig = rigs(db_engine)
    caller = sipp.start("caller_expect_486", remote_port=rig.port, service=ACCESS_NUMBER)
    caller.wait(20)
    first.wait(10)
    assert_ok(caller, first)
    assert "INVITE" not in second.log()
    attempts = wait_for(lambda: attempt_rows(db_engine), what="the attempt row")
    assert [(a.attempt, a.carrier_id, a.sip_code, a.result) for a in attempts] == [
        (1, seeded.carrier_ids[0], 486, "busy")]
    cdr = one_call_cdr(db_engine)  # the never-answered call: Stop with 0 s released the money
    assert cdr.price == Decimal("0")
    assert balance(db_engine, seeded.account_id) == Decimal("10.000000")
    assert reserved(db_engine, seeded.account_id) == Decimal("0")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_credit_timer_cuts_at_announced_second(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    # 0.004000 at 0.060000/min in 1 s increments buys exactly 4 s: h323-credit-time=4
    seeded = seed(db_engine, [carrier.port], balance="0.004000", ani_destination=FR_DESTINATION)
    rig = rigs(db_engine)
    events = rig.controller.events.subscribe()
    caller = sipp.start("caller_wait_bye", remote_port=rig.port, service=ACCESS_NUMBER, timeout_s=20)
    caller.wait(20)
    carrier.wait(10)
    assert_ok(caller, carrier)
    answered = [e for e in events.drain() if e.kind is CallEventKind.ANSWERED]
    assert answered and answered[0].talk_time_left_s == 4
    cdr = one_call_cdr(db_engine)
    assert cdr.duration_s in (3, 4, 5)  # the announced 4 s, ± 1 s
    assert cdr.price == Decimal("0.001000") * cdr.duration_s
    assert cdr.disconnect_cause in ("66", "0x66", "102")  # Q.850 102: timer expiry
    assert balance(db_engine, seeded.account_id) == Decimal("0.004000") - cdr.price
    assert balance(db_engine, seeded.account_id) >= Decimal("-0.001000")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_account_concurrent_call_limit(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer", calls=2)
    seed(db_engine, [carrier.port], max_calls=1)
    rig = rigs(db_engine)
    caller = sipp.start("caller_load", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=2000, calls=2,
                        rate=20)
    caller.wait(25)
    log = caller.log()
    assert len(re.findall(r"^SIP/2.0 486 ", log, re.M)) == 1, log[-3000:]
    rows = sorted(at_least(lambda: call_cdrs(db_engine), 2, "both call rows"), key=lambda c: c.result)
    assert [(c.result, c.sip_code, c.q850_cause, c.reason) for c in rows] == [
        ("answered", 200, 16, "Normal clearing"),
        ("rejected", 486, 21, "Too Many Calls (concurrent-call limit)")]  # the refused one is on record too
    assert rig.controller.account_calls == {}


@pytest.mark.parametrize("backend", ["sqlite"])
def test_fifty_simultaneous_calls_never_overspend(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer", calls=50, timeout_s=40)
    # 0.100000 of credit; each call may hold 10 s (max_call_seconds) = 0.010000 at 0.060000/min
    seeded = seed(db_engine, [carrier.port], balance="0.100000", ani_destination=FR_DESTINATION)
    rig = rigs(db_engine, max_call_seconds=10)
    caller = sipp.start("caller_load", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=1000, calls=50,
                        rate=200, timeout_s=40)
    caller.wait(60)
    answers = sorted(caller.final_answers().values())
    answered, refused = answers.count(200), sum(code in (402, 486, 503) for code in answers)
    assert len(answers) == answered + refused == 50, answers
    assert answered >= 1 and refused >= 1
    # refused calls are on record too, and sooner: wait for the answered ones' rows, each written with its debit
    answered_rows = at_least(lambda: [c for c in call_cdrs(db_engine) if c.result == "answered"], answered,
                             "the answered calls' CDRs", timeout=20)
    total = sum((c.price for c in answered_rows), Decimal(0))
    assert total <= Decimal("0.100000")
    assert balance(db_engine, seeded.account_id) == Decimal("0.100000") - total
    assert balance(db_engine, seeded.account_id) >= Decimal("0")
    wait_for(lambda: reserved(db_engine, seeded.account_id) == 0, what="all reservations released")


def add_trunk(engine: Engine, account_id: int, *, max_channels: int = 0, cps_limit: int = 0) -> None:
    with Session(engine) as session, session.begin():
        session.add(CustomerTrunk(account_id=account_id, name="pbx", auth=TrunkAuth.IP, source_ip="127.0.0.1",
                                  max_channels=max_channels, cps_limit=cps_limit))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_trunk_call_by_source_ip_with_channel_limit(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer", calls=2)
    seeded = seed(db_engine, [carrier.port], ani=False)
    add_trunk(db_engine, seeded.forward_account_id, max_channels=1)
    rig = rigs(db_engine)
    caller = sipp.start("caller_load", remote_port=rig.port, service=US_DESTINATION, hold_ms=2000, calls=2,
                        rate=20)
    caller.wait(25)
    log = caller.log()
    assert len(re.findall(r"^SIP/2.0 503 Trunk Channels Exhausted", log, re.M)) == 1, log[-3000:]
    assert f"INVITE sip:{US_DESTINATION}@" in carrier.log()
    cdrs = at_least(lambda: call_cdrs(db_engine), 2, "the two call rows")
    answered, refused = sorted(cdrs, key=lambda c: c.result)
    assert answered.account_id == seeded.forward_account_id and answered.price == Decimal("0.006000")
    assert (refused.result, refused.sip_code, refused.reason, refused.account_id) == (
        "failed", 503, "Trunk Channels Exhausted", seeded.forward_account_id)
    assert rig.controller.trunk_calls == {}


@pytest.mark.parametrize("backend", ["sqlite"])
def test_unknown_did_not_from_a_trunk_is_404(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seed(db_engine, [carrier.port])
    rig = rigs(db_engine)
    caller = sipp.start("caller_expect_404", remote_port=rig.port, service="18885550000")
    caller.wait(20)
    assert_ok(caller)
    assert "INVITE" not in carrier.log()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_radius_unreachable_is_503(db_engine: Engine, sipp: Sipp) -> None:
    carrier = sipp.start("carrier_answer")
    seed(db_engine, [carrier.port])
    dead = free_port()  # nothing answers RADIUS there
    client = RadiusClient("127.0.0.1", b"secret", auth_port=dead, acct_port=dead, timeout=0.3, retries=1)
    controller = SwitchController(db_engine, client)
    thread = SwitchThread(controller, SwitchConfig(host="127.0.0.1", port=free_port(), flood_limit_per_s=None,
                                                   timers=TimerConfig(t1=0.5)))
    port = thread.start()
    try:
        caller = sipp.start("caller_expect_503", remote_port=port, service=ACCESS_NUMBER)
        caller.wait(20)
        assert_ok(caller)
        assert controller.account_calls == {}
    finally:
        thread.stop()
        controller.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_ivr_handoff_fails_over_to_second_carrier(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    first = sipp.start("carrier_reject_503")
    second = sipp.start("carrier_offer_in_200")
    media = sipp.start("media_ivr_handoff", keys={"destination": US_DESTINATION})
    seeded = seed(db_engine, [first.port, second.port], ani_destination=None)
    rig = rigs(db_engine, ivr=f"127.0.0.1:{media.port}")
    caller = sipp.start("caller_ivr_reinvite", remote_port=rig.port, service=ACCESS_NUMBER)
    caller.wait(20)
    for run in (media, first, second):
        run.wait(10)
    assert_ok(caller, media, first, second)
    attempts = at_least(lambda: attempt_rows(db_engine), 2, "2 attempt rows")
    assert [(a.attempt, a.carrier_id, a.sip_code) for a in attempts] == [
        (1, seeded.carrier_ids[0], 503), (2, seeded.carrier_ids[1], 200)]
    assert one_call_cdr(db_engine).price == Decimal("0.006000")
    assert rig.controller.carrier_calls == {} and rig.controller.account_calls == {}


@pytest.mark.parametrize("backend", ["sqlite"])
def test_indexes_follow_the_store(db_engine: Engine) -> None:
    seed(db_engine, [5999])
    client = RadiusClient("127.0.0.1", b"unused", auth_port=free_port(), acct_port=free_port())
    controller = SwitchController(db_engine, client)

    async def scenario() -> None:
        before = await controller.data()
        assert "18885550123" not in before.callers.dids
        with Session(db_engine) as session, session.begin():
            session.add(Did(number="+1 888 555 0123", kind=DidKind.ACCESS_NUMBER))
        await asyncio.sleep(1.1)
        await controller.data()  # the once-a-second check notices the change and reloads in the background
        for _ in range(50):
            if "18885550123" in (await controller.data()).callers.dids:
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the new DID never reached the index")

    try:
        asyncio.run(scenario())
    finally:
        controller.close()


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("destination", [US_DESTINATION, ""])
def test_ivr_that_cannot_hand_off_hangs_the_caller_up(db_engine: Engine, sipp: Sipp, rigs: Rigs,
                                                      destination: str) -> None:
    """A hand-off the AAA refuses (no money), or a BYE without a destination: the caller gets a BYE."""
    carrier = sipp.start("carrier_offer_in_200")
    media = sipp.start("media_ivr_handoff", keys={"destination": destination})
    seeded = seed(db_engine, [carrier.port], ani_destination=None, balance="0.000000")
    rig = rigs(db_engine, ivr=f"127.0.0.1:{media.port}")
    caller = sipp.start("caller_wait_bye", remote_port=rig.port, service=ACCESS_NUMBER)
    caller.wait(20)
    media.wait(10)
    assert_ok(caller, media)
    assert "INVITE" not in carrier.log()
    assert balance(db_engine, seeded.account_id) == Decimal("0.000000")
    assert reserved(db_engine, seeded.account_id) == Decimal("0")
    assert rig.controller.account_calls == {}


TRUNK_DID = "18005550177"


def add_digest_trunk(engine: Engine, account_id: int, *, password: str = "trunk-secret") -> int:
    """Digest trunk "pbx" (HA1 of `password`) with the trunk DID TRUNK_DID, both billed to `account_id`."""
    ha1 = hashlib.md5(f"pbx:carrierdesk:{password}".encode(), usedforsecurity=False).hexdigest()
    with Session(engine) as session, session.begin():
        trunk = CustomerTrunk(account_id=account_id, name="pbx", auth=TrunkAuth.DIGEST, username="pbx",
                              password_ha1=ha1)
        session.add(trunk)
        session.flush()
        session.add(Did(number=f"+{TRUNK_DID}", kind=DidKind.TRUNK, account_id=account_id, trunk_id=trunk.id))
        return trunk.id


@pytest.mark.parametrize("backend", ["sqlite"])
def test_digest_trunk_challenged_then_billed(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seeded = seed(db_engine, [carrier.port], ani=False)
    add_digest_trunk(db_engine, seeded.forward_account_id)
    rig = rigs(db_engine)
    caller = sipp.start("caller_digest_trunk", remote_port=rig.port, service=US_DESTINATION, hold_ms=2000)
    caller.wait(20)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert re.search(r'^Proxy-Authenticate: Digest realm="carrierdesk", nonce="[0-9a-f]+\.[0-9a-f]{32}"',
                     caller.log(), re.M)
    cdr = one_call_cdr(db_engine)
    assert cdr.account_id == seeded.forward_account_id and cdr.price == Decimal("0.006000")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_digest_trunk_with_wrong_password_is_refused(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seeded = seed(db_engine, [carrier.port], ani=False)
    add_digest_trunk(db_engine, seeded.forward_account_id, password="another-secret")
    rig = rigs(db_engine)
    caller = sipp.start("caller_digest_trunk", remote_port=rig.port, service=US_DESTINATION)
    caller.wait(20)
    assert caller.returncode != 0
    assert re.search(r"^SIP/2.0 403 Invalid Account", caller.log(), re.M)
    assert "INVITE" not in carrier.log()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_account_cps_limit(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer", calls=3)
    seed(db_engine, [carrier.port], cps_limit=1)
    rig = rigs(db_engine)
    caller = sipp.start("caller_load", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=500, calls=3, rate=50)
    caller.wait(25)
    log = caller.log()
    assert len(re.findall(r"^SIP/2.0 503 Account CPS Limit", log, re.M)) == 2, log[-3000:]
    assert re.search(r"^Retry-After: 1", log, re.M)
    rows = at_least(lambda: call_cdrs(db_engine), 3, "three call rows")
    assert sorted((c.result, c.sip_code, c.reason) for c in rows) == [
        ("answered", 200, "Normal clearing"), ("failed", 503, "Account CPS Limit"),
        ("failed", 503, "Account CPS Limit")]


PBX_CREDENTIALS = ["-au", "pbx", "-ap", "trunk-secret"]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_registered_digest_trunk_gets_its_did_calls_until_it_unregisters(db_engine: Engine, sipp: Sipp,
                                                                         rigs: Rigs) -> None:
    seeded = seed(db_engine, [], ani=False)  # no carrier: the trunk DID goes to the PBX
    add_digest_trunk(db_engine, seeded.forward_account_id)
    rig = rigs(db_engine)
    pbx_port = free_port()
    register = sipp.start("pbx_register", remote_port=rig.port, port=pbx_port, keys={"expires": "120"},
                          extra=PBX_CREDENTIALS)
    register.wait(10)
    assert_ok(register)
    log = register.log()
    assert re.search(r'^WWW-Authenticate: Digest realm="carrierdesk", nonce="', log, re.M)
    assert re.search(r"^Contact: <sip:pbx@192\.168\.1\.20:5062;transport=UDP>;expires=120", log, re.M)
    # the PBX answers calls on the port it registered from (its Contact names a private address behind NAT)
    pbx = sipp.start("carrier_answer", port=pbx_port)
    caller = sipp.start("caller_basic", remote_port=rig.port, service=TRUNK_DID, hold_ms=1000)
    caller.wait(20)
    pbx.wait(10)
    assert_ok(caller, pbx)
    assert f"INVITE sip:{TRUNK_DID}@127.0.0.1:{pbx_port} SIP/2.0" in pbx.log()
    cdr = one_call_cdr(db_engine)
    assert cdr.account_id == seeded.forward_account_id and cdr.result == "answered"

    unregister = sipp.start("pbx_register", remote_port=rig.port, keys={"expires": "0"}, extra=PBX_CREDENTIALS)
    unregister.wait(10)
    assert_ok(unregister)
    refused = sipp.start("caller_expect_480", remote_port=rig.port, service=TRUNK_DID)
    refused.wait(20)
    assert_ok(refused)
    assert re.search(r'^Warning: 399 carrierdesk "trunk not registered"', refused.log(), re.M)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_digest_trunk_register_with_wrong_password_is_403(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    seeded = seed(db_engine, [], ani=False)
    trunk_id = add_digest_trunk(db_engine, seeded.forward_account_id)
    rig = rigs(db_engine)
    register = sipp.start("pbx_register_expect_403", remote_port=rig.port, keys={"expires": "120"},
                          extra=["-au", "pbx", "-ap", "a-guess"])
    register.wait(10)
    assert_ok(register)
    assert rig.controller.registrar.refused == 1
    assert rig.controller.registrar.binding(trunk_id) is None


def gateway_of(engine: Engine, carrier_id: int) -> Gateway:
    with Session(engine) as session:
        gateway = session.scalars(select(Gateway).where(Gateway.carrier_id == carrier_id)).one()
        session.expunge(gateway)
        return gateway


@pytest.mark.parametrize("backend", ["sqlite"])
def test_gateway_silent_to_options_is_skipped_until_it_answers_again(db_engine: Engine, sipp: Sipp,
                                                                     rigs: Rigs) -> None:
    first_port = free_port()
    first = sipp.start("carrier_keepalive", port=first_port, calls=10_000, timeout_s=60)
    second = sipp.start("carrier_keepalive", calls=10_000, timeout_s=60)
    seeded = seed(db_engine, [first_port, second.port])  # LCR: the first carrier is the cheaper
    first_gateway = gateway_of(db_engine, seeded.carrier_ids[0]).id
    rig = rigs(db_engine, keepalive_interval_s=0.2, keepalive_failures=2)
    health = rig.controller.gateway_health
    changes = rig.controller.gateway_events.subscribe()
    wait_for(lambda: health.is_up(first_gateway), what="the first gateway answering OPTIONS")

    def next_down() -> GatewayEvent | None:
        """The next gateway_down event (the gateways' first answers were gateway_up events: up since then)."""
        event = changes.get(0.1)
        while event is not None and event.kind is not GatewayEventKind.DOWN:
            event = changes.get(0.1)
        return event

    first.process.kill()  # stops answering
    first.process.wait(5)
    down = wait_for(next_down, what="the gateway_down event")
    assert (down.kind, down.carrier_id, down.gateway_id, down.sip_code) == (
        GatewayEventKind.DOWN, seeded.carrier_ids[0], first_gateway, None)
    assert wait_for(lambda: gateway_of(db_engine, seeded.carrier_ids[0]).options_up is False, what="stored state")
    caller = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=300)
    caller.wait(20)
    assert_ok(caller)
    attempts_of_first = wait_for(lambda: attempt_rows(db_engine), what="the attempt row")
    assert [(a.attempt, a.carrier_id, a.sip_code) for a in attempts_of_first] == [(1, seeded.carrier_ids[1], 200)]

    again = sipp.start("carrier_keepalive", port=first_port, calls=10_000, timeout_s=60)  # answers again
    up = wait_for(lambda: changes.get(0.1), what="the gateway_up event")
    assert (up.kind, up.gateway_id, up.sip_code) == (GatewayEventKind.UP, first_gateway, 200)
    caller = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=300)
    caller.wait(20)
    assert_ok(caller)
    assert f"INVITE sip:{US_DESTINATION}@" in again.log()
    attempts = at_least(lambda: attempt_rows(db_engine), 2, "the second call's attempt row")  # by call_id
    first_call = attempts_of_first[0].call_id
    second_call = [(a.attempt, a.carrier_id, a.sip_code) for a in attempts if a.call_id != first_call]
    assert second_call == [(1, seeded.carrier_ids[0], 200)]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_held_call_sends_interim_updates_the_server_records(db_engine: Engine, sipp: Sipp, rigs: Rigs) -> None:
    carrier = sipp.start("carrier_answer")
    seed(db_engine, [carrier.port])
    rig = rigs(db_engine, interim_interval_s=0.5)
    caller = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=3000)

    def seen_for_2_s() -> LiveCall | None:
        with Session(db_engine) as session:
            live = session.scalars(select(LiveCall)).first()
        if live is None or live.answered_at is None:
            return None
        return live if live.last_seen_at - live.answered_at >= dt.timedelta(seconds=2) else None

    live = wait_for(seen_for_2_s, what="an Interim-Update with 2 s of talk time")  # Start alone: last_seen = answer
    caller.wait(20)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert live.call_id == one_call_cdr(db_engine).call_id
