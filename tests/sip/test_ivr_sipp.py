"""The IVR end to end with real peers: a SIPp caller dials the access number and keys its card's PIN and a
destination (RFC 2833 from sip-tester's DTMF pcaps, and SIP INFO); the switch sends the leg to a pjsua2 media
worker of the pool (media/pool.py), which asks our RADIUS server (both stages) and hands the call back; the switch
bridges it to a SIPp carrier. Money and the CDR are checked to the digit."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import re
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sip_peers import HOST, Sipp, wait_for
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from switch_rig import ACCESS_NUMBER, CALLER_ANI, SECRET, US_DESTINATION, Rig, balance, call_cdrs, seed, start_rig
from test_ivr_recording import admin_client
from test_switch_e2e import assert_ok, at_least, one_call_cdr

from switch_service.aaa.pin_lockout import LockoutRule
from switch_service.bench.ivr_caller import CallerScript
from switch_service.media.pool import IvrPool, PoolOptions
from switch_service.media.tones import write_tone_prompts
from switch_service.security.pins import PinCipher
from switch_service.store.models import Ani, Card, Did, LiveCall, Payment, SpeedDial, Tariff, Voucher
from switch_service.store.models.enums import PaymentKind
from switch_service.store.repositories.cards import CardBatchSpec, VoucherSpec, create_card_batch, create_vouchers
from switch_service.store.repositories.live_ivr import IVR_STATE
from switch_service.telephony import ended_by_switch

pytestmark = pytest.mark.peers
PIN_KEY = base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef").decode()
STRANGER = "442079460000"  # nobody's ANI: asked for a PIN
OTHER_ACCESS_NUMBER = "18005550111"
PROMPT_DATA = Path(__file__).parent.parent / "data" / "prompts"


class IvrRig:
    def __init__(self, rig: Rig, pool: IvrPool) -> None:
        self.rig = rig
        self.pool = pool

    @property
    def port(self) -> int:
        return self.rig.port


@pytest.fixture
def ivr_rig(tmp_path: Path) -> Iterator[list[IvrRig]]:
    started: list[IvrRig] = []
    yield started
    for item in started:
        item.pool.stop()
        item.rig.stop()


def start_ivr(engine: Engine, prompts: Path, started: list[IvrRig], *, max_workers: int = 1,
              min_workers: int = 1, lockout: LockoutRule | None = None) -> IvrRig:
    rig = start_rig(engine, pin_cipher=PinCipher(PIN_KEY), lockout=lockout)
    pool = IvrPool(PoolOptions(radius_host=HOST, auth_port=rig.radius.auth_address[1], secret=SECRET.decode(),
                               prompts=write_tone_prompts(prompts), min_workers=min_workers, max_workers=max_workers,
                               first_digit_s=5.0, inter_digit_s=2.0))
    rig.controller.use_ivr_pool(pool)
    pool.on_lost = ended_by_switch(rig.thread)
    asyncio.run_coroutine_threadsafe(pool.start(), rig.thread.loop).result(30)
    item = IvrRig(rig, pool)
    started.append(item)
    return item


def caller_stage(engine: Engine) -> str | None:
    """Where the worker says the one caller in the IVR is (None until it says: the call is not answered yet)."""
    with Session(engine) as session:
        return session.scalars(select(LiveCall.ivr_stage).where(LiveCall.state == IVR_STATE)).one_or_none()


def make_card(engine: Engine, face_value: str = "5.00", max_anis: int = 0) -> tuple[int, str]:
    """A card as the API's card-batch job makes it (store/repositories/cards.py): its account id and PIN."""
    cipher = PinCipher(PIN_KEY)
    with Session(engine) as session, session.begin():
        tariff_id = session.scalars(select(Tariff.id).where(Tariff.name == "retail")).one()
        batch = create_card_batch(session, cipher, CardBatchSpec(name="ivr test", count=1,
                                                                 face_value=Decimal(face_value), tariff_id=tariff_id,
                                                                 max_anis=max_anis))
        card = session.scalars(select(Card).where(Card.batch_id == batch.id)).one()
        return card.account_id, cipher.decrypt(card.pin_ciphertext)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_unknown_caller_pays_by_card_pin_and_is_bridged(db_engine: Engine, sipp: Sipp, tmp_path: Path,
                                                           ivr_rig: list[IvrRig]) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    script = (CallerScript(STRANGER, tmp_path).info(pin).rfc2833("#").pause(300)
              .rfc2833(US_DESTINATION).info("#").bridged(talk_ms=1000))
    caller = sipp.start(script.write(tmp_path / "card_call.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=40)
    caller.wait(45)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert f"INVITE sip:{US_DESTINATION}@" in carrier.log()
    assert pin not in caller.log().split("INFO", 1)[0]  # (the caller sent it; the switch never echoes it)
    cdr = one_call_cdr(db_engine)
    assert cdr.account_id == account_id
    assert cdr.duration_s in (1, 2)  # talk time starts at the carrier, not in the IVR
    assert cdr.price == Decimal("0.006000")  # 6 s at 0.06/min
    assert balance(db_engine, account_id) == Decimal("4.994000")
    assert rig.pool.legs == 0 and rig.pool.busy_refusals == 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_wrong_pins_lock_the_caller_out(db_engine: Engine, sipp: Sipp, tmp_path: Path,
                                        ivr_rig: list[IvrRig]) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    wrong = "".join(str((int(d) + 1) % 10) for d in pin)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    script = CallerScript(STRANGER, tmp_path).info(wrong + "#").pause(800).rfc2833(wrong + "#").pause(800)
    script.info(wrong[:-1]).rfc2833(wrong[-1] + "#", gap_ms=10)  # the third: the BYE follows at once
    caller = sipp.start(script.hung_up().write(tmp_path / "lockout.xml"), remote_port=rig.port,
                        service=ACCESS_NUMBER, timeout_s=40)
    caller.wait(45)
    assert_ok(caller)
    assert "INVITE" not in carrier.log()
    cdrs = call_cdrs(db_engine)
    assert len(cdrs) <= 1 and all(c.account_id is None for c in cdrs)
    assert balance(db_engine, account_id) == Decimal("5.000000")
    assert rig.pool.legs == 0


def plays(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the workers played, in order, from their prompt log (relayed into the service's log by the pool)."""
    return re.findall(r"session \d+: plays (.+)$", caplog.text, re.M)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_wrong_pins_over_separate_calls_lock_the_caller_until_the_window_passes(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig],
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    carrier = sipp.start("carrier_offer_in_200", timeout_s=90)  # the last call comes after the window
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    wrong = "".join(str((int(d) + 1) % 10) for d in pin)
    window_s = 10
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig,
                    lockout=LockoutRule(failures=2, did_failures=0, window_s=window_s))

    def call(name: str, script: CallerScript) -> None:
        caller = sipp.start(script.write(tmp_path / f"{name}.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                            timeout_s=30)
        caller.wait(35)
        assert_ok(caller)

    call("first", CallerScript(STRANGER, tmp_path).info(wrong + "#").pause(1500).hang_up())  # one wrong PIN, leaves
    call("second", CallerScript(STRANGER, tmp_path).rfc2833(wrong + "#").hung_up())  # the 2nd: locked at once
    last_failure = time.monotonic()
    call("third", CallerScript(STRANGER, tmp_path).hung_up())  # told why, and asked no PIN
    assert plays(caplog)[-4:] == ["invalid_pin enter_pin",  # the first call's
                                  "welcome enter_pin", "locked_out goodbye",  # the second's
                                  "welcome locked_out goodbye"], plays(caplog)  # the third's
    assert rig.rig.radius.counters()["pin_failures"] == 2 and rig.rig.radius.counters()["pin_lockouts"] == 2
    time.sleep(max(0.0, last_failure + window_s + 0.5 - time.monotonic()))  # the window passes the failures
    call("fourth", CallerScript(STRANGER, tmp_path).info(pin + "#").pause(300).rfc2833(US_DESTINATION + "#")
         .bridged(talk_ms=500))
    carrier.wait(10)
    assert_ok(carrier)
    paid = [cdr for cdr in call_cdrs(db_engine) if cdr.account_id is not None]  # the others ended in the IVR
    assert [(cdr.account_id, cdr.destination) for cdr in paid] == [(account_id, US_DESTINATION)]
    assert pin not in caplog.text and wrong not in caplog.text  # PINs are never logged
    assert rig.pool.legs == 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_access_numbers_minute_shrinking_is_applied_to_the_minutes_announced(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig],
        caplog: pytest.LogCaptureFixture) -> None:
    """A 5.00 card at 0.06/min may talk 83 minutes and some seconds (under 5000 s: 6 s increments); the access
    number shrinks what is announced by 40 %: the caller hears 49 minutes (60 % of it, rounded down), and the call
    is still billed by the second from the carrier's answer."""
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    carrier = sipp.start("carrier_offer_in_200")
    seed(db_engine, [carrier.port], ani=False)
    with Session(db_engine) as session, session.begin():  # as PATCH /dids/{id} {"minute_shrink_percent": 40} does
        session.scalars(select(Did).where(Did.number == f"+{ACCESS_NUMBER}")).one().minute_shrink_percent = 40
    account_id, pin = make_card(db_engine)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    script = (CallerScript(STRANGER, tmp_path).info(pin + "#").pause(300).rfc2833(US_DESTINATION + "#")
              .bridged(talk_ms=1000))
    caller = sipp.start(script.write(tmp_path / "shrunk.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=40)
    caller.wait(45)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert plays(caplog)[-1] == "you_have n_49 minute_other", plays(caplog)
    cdr = one_call_cdr(db_engine)
    assert (cdr.account_id, cdr.price) == (account_id, Decimal("0.006000"))  # billing is not shrunk


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_speed_dial_code_calls_the_accounts_stored_number(db_engine: Engine, sipp: Sipp, tmp_path: Path,
                                                           ivr_rig: list[IvrRig],
                                                           caplog: pytest.LogCaptureFixture) -> None:
    """"8#" is not set: the caller hears so and dials again; "7#" is the account's speed dial 7, the US number."""
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    carrier = sipp.start("carrier_offer_in_200")
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    with Session(db_engine) as session, session.begin():  # as POST /accounts/{id}/speed-dials does
        session.add(SpeedDial(account_id=account_id, slot=7, number=US_DESTINATION, label="home"))
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    script = (CallerScript(STRANGER, tmp_path).info(pin + "#").pause(300).rfc2833("8#").pause(1500)
              .info("7#").bridged(talk_ms=1000))
    caller = sipp.start(script.write(tmp_path / "speed_dial.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=40)
    caller.wait(45)
    carrier.wait(10)
    assert_ok(caller, carrier)
    assert f"INVITE sip:{US_DESTINATION}@" in carrier.log()
    assert "speed_dial_unknown enter_destination" in plays(caplog), plays(caplog)
    cdr = one_call_cdr(db_engine)
    assert (cdr.account_id, cdr.destination) == (account_id, US_DESTINATION)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_caller_registers_the_phone_after_the_pin_and_calls_without_it_next_time(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig],
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    carrier = sipp.start("carrier_offer_in_200", calls=2, timeout_s=60)
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine, max_anis=1)  # a batch sold for PIN-less use from one phone
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    first = (CallerScript(STRANGER, tmp_path).info(pin + "#").pause(800).rfc2833("1").pause(1500)
             .rfc2833(US_DESTINATION + "#").bridged(talk_ms=500))
    caller = sipp.start(first.write(tmp_path / "registers.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=40)
    caller.wait(45)
    assert_ok(caller)
    heard = plays(caplog)
    assert heard[1].startswith("welcome you_have") and heard[1].endswith("register_ani_offer"), heard
    assert heard[2] == "registered enter_destination", heard
    with Session(db_engine) as session:
        assert session.execute(select(Ani.number, Ani.account_id)).all() == [(STRANGER, account_id)]

    second = CallerScript(STRANGER, tmp_path).pause(800).rfc2833(US_DESTINATION + "#").bridged(talk_ms=500)
    caller = sipp.start(second.write(tmp_path / "pinless.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=40)
    caller.wait(45)
    carrier.wait(10)
    assert_ok(caller, carrier)
    again = plays(caplog)[len(heard):]
    assert again[0].startswith("welcome you_have") and again[0].endswith("enter_destination"), again
    assert "enter_pin" not in " ".join(again)  # known by its number: no PIN asked
    assert [(cdr.account_id, cdr.destination) for cdr in call_cdrs(db_engine)] == [
        (account_id, US_DESTINATION)] * 2


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_caller_recharges_by_voucher_after_the_balance_and_calls_on_it(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig],
        caplog: pytest.LogCaptureFixture) -> None:
    """A card with nothing left: * after the balance, a wrong code (said so, keyed again), the voucher's code; the
    new balance is said and the call is bridged on it. The voucher is used, the payment has its receipt."""
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    carrier = sipp.start("carrier_offer_in_200", timeout_s=60)
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine, face_value="0.00")
    with Session(db_engine) as session, session.begin():  # as POST /vouchers does
        [(voucher, code)] = create_vouchers(session, PinCipher(PIN_KEY), VoucherSpec(count=1, value=Decimal("10")))
        voucher_id = voucher.id
    wrong = "".join(str((int(d) + 1) % 10) for d in code)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    script = (CallerScript(STRANGER, tmp_path).info(pin + "#").pause(800).rfc2833("*").pause(800)
              .info(wrong + "#").pause(1500).rfc2833(code + "#").pause(1500)
              .rfc2833(US_DESTINATION + "#").bridged(talk_ms=1000))
    caller = sipp.start(script.write(tmp_path / "recharge.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=60)
    caller.wait(65)
    carrier.wait(10)
    assert_ok(caller, carrier)
    heard = plays(caplog)
    assert heard[1].startswith("welcome you_have") and heard[1].endswith("recharge_offer enter_destination"), heard
    assert heard[2:4] == ["enter_voucher card_recharge_offer", "invalid_voucher enter_voucher"], heard
    assert heard[4].startswith("recharged you_have n_10 USD_other"), heard
    cdr = one_call_cdr(db_engine)
    assert (cdr.account_id, cdr.price) == (account_id, Decimal("0.006000"))
    assert balance(db_engine, account_id) == Decimal("9.994000")
    with Session(db_engine) as session:
        assert session.scalars(select(Voucher.used_by_account_id).where(Voucher.id == voucher_id)).one() == account_id
        assert session.execute(select(Payment.kind, Payment.amount).where(Payment.account_id == account_id)).all() \
            == [(PaymentKind.VOUCHER, Decimal("10.000000"))]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_when_the_carrier_hangs_up_the_caller_is_back_in_the_ivr_and_calls_again(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig],
        caplog: pytest.LogCaptureFixture) -> None:
    """Re-entry: the carrier ends the first call, the switch re-INVITEs the caller to a worker, which says the
    balance left (no welcome, no PIN again) and asks for a destination; the second call is bridged and is a call of
    its own: two CDRs, each debited."""
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    carrier = sipp.start("carrier_offer_in_200_hangs_up", calls=2, timeout_s=90)
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    script = (CallerScript(STRANGER, tmp_path).info(pin + "#").pause(800).rfc2833(US_DESTINATION + "#")
              .bridged_until_the_carrier_leaves().pause(800).info(US_DESTINATION + "#").bridged(talk_ms=500))
    caller = sipp.start(script.write(tmp_path / "reentry.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=80)
    caller.wait(85)
    carrier.wait(10)
    assert_ok(caller, carrier)
    heard = plays(caplog)
    back = heard.index(next(line for line in heard if "enter_destination" in line and "welcome" not in line))
    assert heard[back].startswith("you_have") and "recharge_offer" not in heard[back], heard
    assert "enter_pin" not in " ".join(heard[back:]), heard  # the PIN keyed before goes with the caller
    assert "(back from a call)" in caplog.text
    cdrs = at_least(lambda: call_cdrs(db_engine), 2, "both calls' CDRs")
    assert [(c.account_id, c.destination, c.hangup_by) for c in cdrs] == [
        (account_id, US_DESTINATION, "callee"), (account_id, US_DESTINATION, "caller")]
    assert cdrs[0].call_id != cdrs[1].call_id and all(c.price > 0 for c in cdrs)
    assert balance(db_engine, account_id) == Decimal("5") - cdrs[0].price - cdrs[1].price
    assert rig.pool.legs == 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_every_slot_busy_is_503_with_retry_after(db_engine: Engine, sipp: Sipp, tmp_path: Path,
                                                 ivr_rig: list[IvrRig]) -> None:
    seed(db_engine, [], ani=False)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig, max_workers=1)
    waiting = CallerScript(STRANGER, tmp_path).pause(4000).hang_up().write(tmp_path / "waits.xml")
    callers = [sipp.start(waiting, remote_port=rig.port, service=ACCESS_NUMBER) for _ in range(4)]
    wait_for(lambda: rig.pool.legs == 4, what="4 callers in the IVR")
    refused = sipp.start("caller_expect_503", remote_port=rig.port, service=ACCESS_NUMBER)
    refused.wait(20)
    for caller in callers:
        caller.wait(20)
    assert_ok(refused, *callers)
    assert re.search(r"^Retry-After: \d+", refused.log(), re.M)
    assert rig.pool.busy_refusals == 1 and len(rig.pool.workers) == 1
    wait_for(lambda: rig.pool.legs == 0, what="the slots given back")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_dead_worker_is_replaced_and_its_callers_released(db_engine: Engine, sipp: Sipp, tmp_path: Path,
                                                            ivr_rig: list[IvrRig]) -> None:
    seed(db_engine, [], ani=False)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    caller = sipp.start(CallerScript(STRANGER, tmp_path).hung_up().write(tmp_path / "stays.xml"),
                        remote_port=rig.port, service=ACCESS_NUMBER)
    # answered and hearing the flow: killed before its answer, the worker's caller gets a 503, not the BYE tested here
    wait_for(lambda: caller_stage(db_engine) is not None, what="the caller's stage in the IVR")
    dead = rig.pool.workers[0]
    dead.process.kill()
    caller.wait(20)
    assert_ok(caller)  # the switch said BYE to the caller
    wait_for(lambda: (rig.pool.restarts == 1 and len(rig.pool.workers) == 1 and rig.pool.workers[0].alive) or None,
             what="a new worker")
    assert rig.pool.workers[0] is not dead and rig.pool.legs == 0
    cdr = one_call_cdr(db_engine)  # the IVR leg is on record
    assert (cdr.did, cdr.account_id, cdr.hangup_by) == (ACCESS_NUMBER, None, "switch")
    assert cdr.reason.startswith("In the IVR"), cdr.reason


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_known_ani_without_a_stored_destination_skips_the_pin(db_engine: Engine, sipp: Sipp, tmp_path: Path,
                                                                ivr_rig: list[IvrRig]) -> None:
    carrier = sipp.start("carrier_offer_in_200")
    seeded = seed(db_engine, [carrier.port], ani_destination=None)  # CALLER_ANI is Maria's, no destination
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig)
    script = CallerScript(CALLER_ANI, tmp_path).pause(500).rfc2833(US_DESTINATION + "#").bridged(talk_ms=1000)
    caller = sipp.start(script.write(tmp_path / "known.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=30)
    caller.wait(35)
    carrier.wait(10)
    assert_ok(caller, carrier)
    cdr = one_call_cdr(db_engine)
    assert (cdr.account_id, cdr.destination, cdr.price) == (seeded.account_id, US_DESTINATION, Decimal("0.006000"))
    assert balance(db_engine, seeded.account_id) == Decimal("9.994000")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_card_calls_in_parallel_figures(db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig],
                                        caplog: pytest.LogCaptureFixture) -> None:
    """IVR_SESSIONS (8) card calls at once, 4 a worker: all bridged with every digit read; prints the figures (RSS
    of the workers, pin_to_route: from the PIN accepted to the hand-off, the destination keyed between)."""
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    sessions = int(os.environ.get("IVR_SESSIONS", "8"))
    workers = -(-sessions // 4)
    carrier = sipp.start("carrier_offer_in_200", calls=sessions, timeout_s=60)
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine, face_value="50.00")
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig, max_workers=workers, min_workers=workers)
    script = (CallerScript(STRANGER, tmp_path).info(pin + "#").pause(300).rfc2833(US_DESTINATION + "#")
              .bridged(talk_ms=1000))
    caller = sipp.start(script.write(tmp_path / "parallel.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        calls=sessions, rate=sessions, timeout_s=60)
    rss = 0.0
    while caller.process.poll() is None:
        rss = max(rss, rig.pool.memory_mb()[0])
        time.sleep(0.2)
    caller.wait(5)
    carrier.wait(20)
    assert_ok(caller, carrier)
    assert carrier.log().count(f"INVITE sip:{US_DESTINATION}@") == sessions  # no digit missed
    rows = wait_for(lambda: rows if len(rows := call_cdrs(db_engine)) == sessions else None, what="the CDRs")
    assert {row.account_id for row in rows} == {account_id}
    pin_to_route = sorted(float(m) for m in re.findall(r"pin_to_route_ms=(\d+)", caplog.text))
    assert len(pin_to_route) == sessions
    p95 = pin_to_route[min(len(pin_to_route) - 1, int(0.95 * len(pin_to_route)))]
    print(json.dumps({"sessions": sessions, "completed": len(rows), "digits_missed": 0,
                      "workers": len(rig.pool.workers), "rss_mb_total": round(rss, 1),
                      "pin_to_route_ms_p95": p95}))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_slots_are_reused_at_once(db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig]) -> None:
    """Callers who come and go quickly reuse one worker's 4 slots (a slot is free when the caller left)."""
    seed(db_engine, [], ani=False)
    rig = start_ivr(db_engine, tmp_path / "prompts", ivr_rig, max_workers=1)
    brief = CallerScript(STRANGER, tmp_path).pause(200).hang_up().write(tmp_path / "brief.xml")
    callers = sipp.start(brief, remote_port=rig.port, service=ACCESS_NUMBER, calls=12, rate=3)
    callers.wait(30)
    assert_ok(callers)
    assert rig.pool.busy_refusals == 0 and len(rig.pool.workers) == 1


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_access_numbers_own_welcome_plays_on_it_and_not_on_another(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig], *,
        caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """An admin uploads an MP3 as the access number's welcome through the API while the worker runs (the
    service's data folder holds the operator's prompts the workers play, as `carrier-switch serve` wires it); the
    next call on that number hears it in place of the standard welcome, a call on another access number does not."""
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(tmp_path / "config"))
    seed(db_engine, [], ani=False)
    with admin_client(db_engine) as api:
        other = api.post("/api/v1/dids", json={"number": f"+{OTHER_ACCESS_NUMBER}", "kind": "access_number"})
        assert other.status_code == 201, other.text
        rig = start_ivr(db_engine, tmp_path / "data" / "prompts", ivr_rig)
        (did,) = api.get("/api/v1/dids", params={"number": ACCESS_NUMBER}).json()["items"]
        stored = api.put(f"/api/v1/dids/{did['id']}/welcome.wav", content=(PROMPT_DATA / "operator_hello.mp3")
                         .read_bytes(), headers={"Content-Type": "audio/mpeg"})
        assert stored.status_code == 200, stored.text

    def call(name: str, number: str) -> None:
        script = CallerScript(STRANGER, tmp_path).pause(1500).hang_up()
        caller = sipp.start(script.write(tmp_path / f"{name}.xml"), remote_port=rig.port, service=number,
                            timeout_s=30)
        caller.wait(35)
        assert_ok(caller)

    call("own", ACCESS_NUMBER)
    call("standard", OTHER_ACCESS_NUMBER)
    assert plays(caplog) == [f"welcome:{ACCESS_NUMBER} enter_pin", "welcome enter_pin"], plays(caplog)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mariadb"])
def test_the_caller_chooses_spanish_in_the_access_numbers_language_menu_and_keeps_it_after_a_call(
        db_engine: Engine, sipp: Sipp, tmp_path: Path, ivr_rig: list[IvrRig], *,
        caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """The admin gives the access number a language menu through the API (English, Spanish, French); a caller hears
    the welcome and each language's "for <language> press <digit>" in that language, presses 2 (RFC 2833), and
    every later prompt is Spanish: the PIN prompt, the balance, the minutes, and, back in the IVR after the carrier
    hung up, the balance again (the choice goes with the call, the menu is not played again)."""
    caplog.set_level(logging.INFO, logger="switch_service.media.pool")
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(tmp_path / "config"))
    carrier = sipp.start("carrier_offer_in_200_hangs_up", calls=2, timeout_s=90)
    seed(db_engine, [carrier.port], ani=False)
    account_id, pin = make_card(db_engine)
    with admin_client(db_engine) as api:
        (did,) = api.get("/api/v1/dids", params={"number": ACCESS_NUMBER}).json()["items"]
        assert did["language_menu"] == []
        changed = api.patch(f"/api/v1/dids/{did['id']}", json={"language_menu": ["en", "es", "fr"]})
        assert (changed.status_code, changed.json()["language_menu"]) == (200, ["en", "es", "fr"]), changed.text
    rig = start_ivr(db_engine, tmp_path / "data" / "prompts", ivr_rig)
    script = (CallerScript(STRANGER, tmp_path).pause(500).rfc2833("2").pause(800).info(pin + "#").pause(800)
              .rfc2833(US_DESTINATION + "#").bridged_until_the_carrier_leaves().pause(800)
              .info(US_DESTINATION + "#").bridged(talk_ms=500))
    caller = sipp.start(script.write(tmp_path / "spanish.xml"), remote_port=rig.port, service=ACCESS_NUMBER,
                        timeout_s=80)
    caller.wait(85)
    carrier.wait(10)
    assert_ok(caller, carrier)
    heard = plays(caplog)
    assert heard[0] == "welcome language_menu n_1 es:language_menu es:n_2 fr:language_menu fr:n_3", heard
    assert heard[1] == "es:enter_pin", heard
    assert all(name.startswith("es:") for line in heard[1:] for name in line.split()), heard
    assert sum("language_menu" in line for line in heard) == 1, heard
    assert [line.split()[0] for line in heard[2:]] == ["es:you_have", "es:you_have", "es:you_have", "es:you_have"], \
        heard  # balance, minutes; back from the call: balance, minutes
    cdrs = at_least(lambda: call_cdrs(db_engine), 2, "both calls' CDRs")
    assert [(c.account_id, c.destination) for c in cdrs] == [(account_id, US_DESTINATION)] * 2
    assert rig.pool.legs == 0
