"""Calls a crash left open: the answered one is settled from its last known state, the other released."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session
from test_aaa_billing_policy import ANI, DEST, NOW, auth, build_world, make_policy  # tests/aaa is on sys.path

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.recovery import recover_at_startup
from switch_service.store.models import Account, Cdr, LiveCall, Reservation
from switch_service.store.models.enums import ReservationStatus


def test_recovery_settles_the_answered_call_and_releases_the_other(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="10.00")
    policy = make_policy(db_engine, max_call_seconds=600)  # each call holds 1.00
    assert auth(policy, "answered-call").return_code is ReturnCode.OK
    assert auth(policy, "ringing-call").return_code is ReturnCode.OK
    answered = NOW + dt.timedelta(seconds=3)
    with Session(db_engine) as session, session.begin():  # what a Start and an Interim-Update left on disk
        session.add(LiveCall(call_id="answered-call", conf_id="answered-call", account_id=world.account_id,
                             carrier_id=world.carrier_id, caller=ANI, destination=DEST, state="answered",
                             sell_rate=Decimal("0.10"), buy_rate=Decimal("0.04"), started_at=NOW,
                             answered_at=answered, last_seen_at=answered + dt.timedelta(seconds=95)))
    later = NOW + dt.timedelta(hours=1)
    assert recover_at_startup(db_engine, later).closed == 2
    with Session(db_engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        states = dict(session.execute(select(Reservation.call_id, Reservation.status)).all())
        account = session.get_one(Account, world.account_id)
        assert session.scalar(select(func.count()).select_from(LiveCall)) == 0
    # answered -> last seen = 95 s at 0.10/min 60/60 = 120 s billed = 0.20; the carrier: 95 s at 0.04 = 0.063333
    assert (cdr.call_id, cdr.result, cdr.price, cdr.cost) == ("answered-call", "recovered", Decimal("0.20"),
                                                               Decimal("0.063333"))
    assert (cdr.duration_s, cdr.billed_s, cdr.answered_at) == (95, 120, answered)
    assert states == {"answered-call": ReservationStatus.SETTLED, "ringing-call": ReservationStatus.RELEASED}
    assert (account.balance, account.reserved) == (Decimal("9.80"), Decimal(0))
    assert recover_at_startup(db_engine, later).closed == 0  # nothing left: a second start changes nothing


def test_a_call_of_our_switch_is_billed_to_the_restart_but_never_beyond_what_it_held(db_engine: Engine) -> None:
    """The switch kept its dialogs: the restart ends it with BYE, so it was up until then (the media never went
    through the switch) — but the switch would have cut it when the talk time it held ran out."""
    world = build_world(db_engine, balance="10.00")
    policy = make_policy(db_engine, max_call_seconds=600)
    assert auth(policy, "short-down").return_code is ReturnCode.OK
    assert auth(policy, "long-down").return_code is ReturnCode.OK
    answered = NOW + dt.timedelta(seconds=3)
    kept = '{"v":1,"legs":[]}'
    with Session(db_engine) as session, session.begin():
        for call_id in ("short-down", "long-down"):
            session.add(LiveCall(call_id=call_id, conf_id=call_id, account_id=world.account_id, caller=ANI,
                                 destination=DEST, state="answered", started_at=NOW, answered_at=answered,
                                 last_seen_at=answered + dt.timedelta(seconds=10), max_duration_s=300,
                                 sip_dialogs=kept))
    with Session(db_engine) as session, session.begin():  # this one was answered two hours before the restart
        session.execute(update(LiveCall).where(LiveCall.call_id == "long-down")
                        .values(answered_at=answered - dt.timedelta(hours=2)))
    recovered = recover_at_startup(db_engine, answered + dt.timedelta(seconds=90))
    assert (recovered.closed, recovered.dialogs) == (2, [kept, kept])
    with Session(db_engine) as session:
        rows = {c.call_id: c for c in session.scalars(select(Cdr))}
    short, long_ = rows["short-down"], rows["long-down"]
    assert (short.duration_s, short.billed_s, short.price) == (90, 120, Decimal("0.20"))  # to the restart
    assert (long_.duration_s, long_.price) == (300, Decimal("0.50"))  # to the end of what it held: 300 s
    assert short.reason == "Left up by a crash: ended at the restart (BYE on both legs)"
    assert (short.result, short.hangup_by) == ("recovered", "switch")
