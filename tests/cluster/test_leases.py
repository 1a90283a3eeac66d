"""Nodes on one database: each recovers only its own calls, a dead node's calls are settled once by exactly one
survivor (two survivors race for its lease), a second process of one node name and a second node on SQLite are
refused. The calls are made through the RADIUS policy each node's server runs (`BillingPolicy(node=...)`)."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.messages import AcctStatus
from switch_service.cluster import leases
from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Cdr, ClusterNode, LiveCall, Reservation
from switch_service.store.models.enums import CdrKind, ReservationStatus
from tests.aaa.test_aaa_billing_policy import NOW, PIN_KEY, acct, auth, build_world

LEASE_S = 10


class Clock:
    """Every node's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def node_policy(engine: Engine, node: str, clock: Clock) -> BillingPolicy:
    return BillingPolicy(engine, pin_cipher=PinCipher(PIN_KEY), clock=clock, max_call_seconds=600, node=node)


def answered_calls(policy: BillingPolicy, prefix: str, count: int) -> list[str]:
    confs = [f"{prefix}-{i}" for i in range(count)]
    for conf in confs:
        assert auth(policy, conf).return_code is ReturnCode.OK
        policy.account(acct(AcctStatus.START, conf))
    return confs


def call_rows(engine: Engine) -> tuple[dict[str, ReservationStatus], dict[str, int], int]:
    """(reservation states, CDRs per call, live calls)."""
    with Session(engine) as session:
        states = dict(session.execute(select(Reservation.call_id, Reservation.status)).all())
        cdrs = dict(session.execute(select(Cdr.call_id, func.count()).where(Cdr.kind == CdrKind.CALL)
                                    .group_by(Cdr.call_id)).all())
        live = session.scalar(select(func.count()).select_from(LiveCall)) or 0
    return states, cdrs, live


def test_a_restarted_node_settles_its_own_calls_and_not_its_neighbours(db_engine: Engine) -> None:
    if db_engine.dialect.name == "sqlite":
        pytest.skip("one node on SQLite (test_sqlite_holds_one_node; its own restart: tests/aaa/test_aaa_recovery.py)")
    build_world(db_engine, balance="50.00")
    clock = Clock()
    leases.take_lease(db_engine, "b", LEASE_S, clock=clock)
    lease_a, _ = leases.take_lease(db_engine, "a", LEASE_S, clock=clock)
    mine = answered_calls(node_policy(db_engine, "a", clock), "a", 3)
    theirs = answered_calls(node_policy(db_engine, "b", clock), "b", 2)
    clock.sleep(60)  # node a was killed 60 s ago (its lease ran out) and starts again
    _, recovered = leases.take_lease(db_engine, "a", LEASE_S, clock=clock)
    assert recovered.closed == 3
    states, cdrs, live = call_rows(db_engine)
    assert {call: states[call] for call in mine} == dict.fromkeys(mine, ReservationStatus.SETTLED)
    assert {call: states[call] for call in theirs} == dict.fromkeys(theirs, ReservationStatus.OPEN)
    assert cdrs == dict.fromkeys(mine, 1) and live == 2
    with Session(db_engine) as session:
        assert session.get_one(ClusterNode, "a").incarnation == lease_a.incarnation + 1


@pytest.mark.parametrize("callers", [2, 3])
def test_a_dead_nodes_calls_are_settled_once_by_one_survivor(db_engine: Engine, callers: int) -> None:
    if db_engine.dialect.name == "sqlite":
        pytest.skip("one node on SQLite (test_sqlite_holds_one_node)")
    world = build_world(db_engine, balance="60.00")  # each call holds 1.00
    clock = Clock()
    for node in ("dead", *(f"survivor{i}" for i in range(callers))):
        leases.take_lease(db_engine, node, LEASE_S, clock=clock)
    dead = answered_calls(node_policy(db_engine, "dead", clock), "dead", 50)
    alive = answered_calls(node_policy(db_engine, "survivor0", clock), "alive", 2)
    clock.sleep(LEASE_S / 2)  # the survivors renew, the dead node does not
    for i in range(callers):
        assert leases.renew(db_engine, leases.Lease(f"survivor{i}", 1, LEASE_S), clock)
    clock.sleep(LEASE_S / 2 + 1)
    assert leases.take_over_stale(db_engine, "survivor0", lambda: NOW) == []  # not stale by an earlier clock
    results: list[list[leases.Takeover]] = []
    barrier = threading.Barrier(callers)

    def survivor(i: int) -> None:
        barrier.wait()
        results.append(leases.take_over_stale(db_engine, f"survivor{i}", clock))

    threads = [threading.Thread(target=survivor, args=(i,)) for i in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    takeovers = [takeover for result in results for takeover in result]
    assert [(t.node, t.recovered.closed) for t in takeovers] == [("dead", 50)]
    states, cdrs, live = call_rows(db_engine)
    assert cdrs == dict.fromkeys(dead, 1)  # each dead call billed once; the survivor's own calls untouched
    assert {states[call] for call in dead} == {ReservationStatus.SETTLED}
    assert {states[call] for call in alive} == {ReservationStatus.OPEN} and live == 2
    with Session(db_engine) as session:
        account = session.get_one(Account, world.account_id)
        billed = session.scalar(select(func.sum(Cdr.price)).where(Cdr.kind == CdrKind.CALL))
        row = session.get_one(ClusterNode, "dead")
    assert account.balance == Decimal("60.00") - billed
    assert row.state == "down" and row.recovered_by in {f"survivor{i}" for i in range(callers)}
    assert leases.take_over_stale(db_engine, "survivor1", clock) == []  # nothing left to take


def test_a_node_that_stalled_past_its_lease_takes_a_new_one(db_engine: Engine) -> None:
    if db_engine.dialect.name == "sqlite":
        pytest.skip("one node on SQLite")
    clock = Clock()
    slow, _ = leases.take_lease(db_engine, "slow", LEASE_S, clock=clock)
    leases.take_lease(db_engine, "other", LEASE_S, clock=clock)
    clock.sleep(LEASE_S + 1)
    leases.renew(db_engine, leases.Lease("other", 1, LEASE_S), clock)
    assert [t.node for t in leases.take_over_stale(db_engine, "other", clock)] == ["slow"]
    assert not leases.renew(db_engine, slow, clock)
    again = leases.retake(db_engine, slow, clock)
    assert again is not None and again.incarnation == slow.incarnation + 1
    assert leases.renew(db_engine, again, clock)


def test_a_second_process_of_one_node_is_refused_while_the_first_renews(db_engine: Engine) -> None:
    clock = Clock()
    first, _ = leases.take_lease(db_engine, "n1", LEASE_S, clock=clock)

    def renewing_sleep(seconds: float) -> None:  # the first process beats while the second waits
        clock.sleep(seconds)
        leases.renew(db_engine, first, clock)

    with pytest.raises(UserError, match="node 'n1' is running already"):
        leases.take_lease(db_engine, "n1", LEASE_S, clock=clock, sleep=renewing_sleep)


def test_a_killed_node_restarting_at_once_waits_out_its_old_lease(db_engine: Engine) -> None:
    clock = Clock()
    first, _ = leases.take_lease(db_engine, "n1", LEASE_S, clock=clock)
    started = clock.now
    second, _ = leases.take_lease(db_engine, "n1", LEASE_S, clock=clock, sleep=clock.sleep)
    assert second.incarnation == first.incarnation + 1
    assert started + dt.timedelta(seconds=LEASE_S) <= clock.now <= started + dt.timedelta(seconds=LEASE_S + 1)


def test_sqlite_holds_one_node(db_engine: Engine) -> None:
    clock = Clock()
    first, _ = leases.take_lease(db_engine, "one", LEASE_S, clock=clock)
    if db_engine.dialect.name != "sqlite":
        leases.take_lease(db_engine, "two", LEASE_S, clock=clock)  # PostgreSQL and MariaDB hold several
        return
    with pytest.raises(UserError, match="SQLite database holds one switch node, and node 'one' runs on it"):
        leases.take_lease(db_engine, "two", LEASE_S, clock=clock)
    leases.release(db_engine, first, clock)  # stopped: another name may run now
    leases.take_lease(db_engine, "two", LEASE_S, clock=clock)


def test_a_node_name_is_checked() -> None:
    from switch_service.cluster.node_names import checked_node_name

    assert checked_node_name("node-1.a_b") == "node-1.a_b"
    for bad in ("", "-x", "a b", "a@b", "x" * 65):
        with pytest.raises(UserError, match="node name"):
            checked_node_name(bad)
