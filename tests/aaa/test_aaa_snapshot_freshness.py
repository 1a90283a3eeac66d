"""The RADIUS policy's snapshot stays fresh without a restart (on SQLite, PostgreSQL and MariaDB): a caller number
registered after the snapshot was built is recognised at once by every concurrent request (issue 16: 48 of 50 were
refused while a process rebuilt), and an edit in place (an ANI's stored destination) is used within the bound the
README states, FRESHNESS_BOUND_S."""

from __future__ import annotations

import concurrent.futures
import time

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import ANI, auth, build_world, make_policy

from switch_service.aaa.cisco import ReturnCode
from switch_service.store.models import Ani

FRESHNESS_BOUND_S = 2.0  # README "How fresh the switch and RADIUS are"
NEW_ANI = "15557770001"


def test_a_newly_registered_ani_is_never_refused(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="100.00")
    policy = make_policy(db_engine, max_call_seconds=60)  # 0.10 held per call: 50 calls fit
    assert auth(policy, "before", user=NEW_ANI).return_code is ReturnCode.INVALID_ACCOUNT
    with Session(db_engine) as session, session.begin():  # as POST /accounts/{id}/anis writes it
        session.add(Ani(account_id=world.account_id, number=NEW_ANI))
    assert NEW_ANI not in policy._current().callers.anis  # the snapshot does not know it yet

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        decisions = list(pool.map(lambda n: auth(policy, f"new-{n}", user=NEW_ANI), range(50)))
    assert [d.return_code for d in decisions] == [ReturnCode.OK] * 50
    assert {d.extra[0] for d in decisions} == {("Cisco-AVPair", f"account-id={world.account_id}")}


def test_an_edited_destination_is_used_within_the_bound(db_engine: Engine) -> None:
    build_world(db_engine, balance="100.00", stored="442071234567")
    policy = make_policy(db_engine, max_call_seconds=60)
    assert auth(policy, "first", called=None).redirect_number == "442071234567"
    with Session(db_engine) as session, session.begin():  # as PATCH /anis/{id} writes it: in place
        session.scalars(select(Ani).where(Ani.number == ANI)).one().destination = "442079460018"
    edited = time.monotonic()
    seen = None
    attempt = 0
    while time.monotonic() - edited < FRESHNESS_BOUND_S + 1:
        attempt += 1
        if auth(policy, f"poll-{attempt}", called=None).redirect_number == "442079460018":
            seen = time.monotonic() - edited
            break
        time.sleep(0.05)
    assert seen is not None and seen <= FRESHNESS_BOUND_S, seen
