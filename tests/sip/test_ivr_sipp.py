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
from ivr_caller import CallerScript
from sip_peers import HOST, Sipp, wait_for
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from switch_rig import ACCESS_NUMBER, CALLER_ANI, SECRET, US_DESTINATION, Rig, balance, call_cdrs, seed, start_rig
from test_switch_e2e import assert_ok, one_call_cdr

from switch_service.media.pool import IvrPool, PoolOptions
from switch_service.media.tones import write_tone_prompts
from switch_service.security.pins import PinCipher
from switch_service.store.models import Card, Tariff
from switch_service.store.repositories.cards import CardBatchSpec, create_card_batch
from switch_service.telephony import ended_by_switch

pytestmark = pytest.mark.peers
PIN_KEY = base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef").decode()
STRANGER = "442079460000"  # nobody's ANI: asked for a PIN


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
              min_workers: int = 1) -> IvrRig:
    rig = start_rig(engine, pin_cipher=PinCipher(PIN_KEY))
    pool = IvrPool(PoolOptions(radius_host=HOST, auth_port=rig.radius.auth_address[1], secret=SECRET.decode(),
                               prompts=write_tone_prompts(prompts), min_workers=min_workers, max_workers=max_workers,
                               first_digit_s=5.0, inter_digit_s=2.0))
    rig.controller.identifier.ivr_pool = pool
    pool.on_lost = ended_by_switch(rig.thread)
    asyncio.run_coroutine_threadsafe(pool.start(), rig.thread.loop).result(30)
    item = IvrRig(rig, pool)
    started.append(item)
    return item


def make_card(engine: Engine, face_value: str = "5.00") -> tuple[int, str]:
    """A card as the API's card-batch job makes it (store/repositories/cards.py): its account id and PIN."""
    cipher = PinCipher(PIN_KEY)
    with Session(engine) as session, session.begin():
        tariff_id = session.scalars(select(Tariff.id).where(Tariff.name == "retail")).one()
        batch = create_card_batch(session, cipher, CardBatchSpec(name="ivr test", count=1,
                                                                 face_value=Decimal(face_value), tariff_id=tariff_id))
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
    wait_for(lambda: rig.pool.legs == 1, what="the caller in the IVR")
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
        rss = max(rss, rig.pool.rss_mb())
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
