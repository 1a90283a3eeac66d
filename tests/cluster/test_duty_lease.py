"""The duties lease on the three databases (`cluster/duties.py`): the first live node takes it and renews it, another
waits; once the holder's lease ran out a live node takes it; a run whose own node lease is gone (stalled, or its name
taken by another process) takes nothing; a clean stop gives it up. SQLite holds one node: that node holds it."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.cluster import duties, leases
from tests.cluster.test_leases import LEASE_S, Clock


def holder(engine: Engine, clock: Clock) -> str | None:
    with Session(engine) as session:
        return duties.live_holder(session, clock())


def test_one_live_node_holds_the_duties_and_a_live_one_takes_them_over(db_engine: Engine) -> None:
    clock = Clock()
    first, _ = leases.take_lease(db_engine, "first", LEASE_S, clock=clock, sleep=clock.sleep)
    assert duties.claim(db_engine, first, clock) == (True, None)
    if db_engine.dialect.name == "sqlite":  # one node: it holds them, renewed while it lives
        clock.sleep(LEASE_S / 2)
        assert leases.renew(db_engine, first, clock)
        assert duties.claim(db_engine, first, clock) == (True, None) and holder(db_engine, clock) == "first"
        duties.give_up(db_engine, first)
        assert holder(db_engine, clock) is None
        return
    second, _ = leases.take_lease(db_engine, "second", LEASE_S, clock=clock, sleep=clock.sleep)
    assert duties.claim(db_engine, second, clock) == (False, None)
    clock.sleep(LEASE_S / 2)
    for lease in (first, second):
        assert leases.renew(db_engine, lease, clock)
    assert duties.claim(db_engine, first, clock) == (True, None)  # renewed
    assert duties.claim(db_engine, second, clock) == (False, None)
    assert holder(db_engine, clock) == "first"

    clock.sleep(LEASE_S + 1)  # "first" stops beating (killed); "second" goes on
    assert leases.renew(db_engine, second, clock)
    assert holder(db_engine, clock) is None  # ran out
    assert duties.claim(db_engine, second, clock) == (True, "first")
    assert holder(db_engine, clock) == "second"
    leases.take_over_stale(db_engine, "second", clock)  # first's node lease ran out: "second" settles it
    assert duties.claim(db_engine, first, clock) == (False, None)  # a run without its node lease takes nothing

    clock.sleep(LEASE_S + 1)  # "second" stalls too: its node lease ran out, so it may not renew the duties
    assert duties.claim(db_engine, second, clock) == (False, None)
    third, _ = leases.take_lease(db_engine, "third", LEASE_S, clock=clock, sleep=clock.sleep)
    assert duties.claim(db_engine, third, clock) == (True, "second")
    duties.give_up(db_engine, third)  # a clean stop: nobody holds them, the next live node's beat takes them
    assert holder(db_engine, clock) is None
    assert duties.claim(db_engine, third, clock) == (True, None)
