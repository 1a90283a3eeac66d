"""Each node's heartbeat lease (`cluster_nodes`), and the recovery of a node's calls by itself or by one survivor.

A node takes its lease at start, in the transaction that settles what its previous run left open; the running
service renews it every lease/5 seconds (`heartbeat.py`). A lease `node_lease_s` stale is a dead node: each
survivor's heartbeat tries to flip its row from "up" to "down" with a conditional UPDATE, and the one whose UPDATE
matched settles the dead node's calls in the same transaction. The row lock orders the contenders (PostgreSQL and
MariaDB re-check the WHERE on the committed row), so a second survivor, or the dead node restarting meanwhile,
finds the row already taken and settles nothing: each call is settled once and gets one CDR.

Times are each node's UTC clock: the nodes' clocks must agree (NTP) to well within a lease.
SQLite has one writer and is for one node: a second node with a live lease is refused at start.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Executable, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.aaa.recovery import Recovered, recover_node
from switch_service.errors import UserError
from switch_service.store.models import ClusterNode

log = logging.getLogger(__name__)
UP, DOWN = "up", "down"
Clock = Callable[[], dt.datetime]


def changed_rows(session: Session, statement: Executable) -> int:
    """The rows an UPDATE matched (SQLAlchemy asks MariaDB for found rows, not changed ones)."""
    return cast(CursorResult[Any], session.execute(statement)).rowcount


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Lease:
    """The lease this run holds: lost when another run of the same name, or a survivor, took the row."""

    node: str
    incarnation: int
    lease_s: int


@dataclass(frozen=True)
class Takeover:
    """A dead node's calls a survivor settled: how many, and the dialogs to end with BYE on both legs."""

    node: str
    recovered: Recovered


def take_lease(engine: Engine, node: str, lease_s: int, *, sip_address: str | None = None,
               clock: Clock = utc_now, sleep: Callable[[float], None] = time.sleep) -> tuple[Lease, Recovered]:
    """Start node `node`: its lease taken and, in the same transaction, the calls its previous run (or a run before
    nodes had names) left open settled. A live lease of the same name is waited out (a run killed moments ago)
    unless it is renewed meanwhile: then another process runs this node and a UserError says so."""
    if lease_s < 2:
        raise UserError(f"node_lease_s must be at least 2, not {lease_s}")
    _refuse_second_sqlite_node(engine, node, clock())
    _wait_out_live_lease(engine, node, clock, sleep)
    now = clock()
    values = {"state": UP, "lease_until": now + dt.timedelta(seconds=lease_s), "renewed_at": now,
              "started_at": now, "sip_address": sip_address, "recovered_by": None, "recovered_at": None}
    try:
        with Session(engine) as session, session.begin():
            taken = changed_rows(session,
                update(ClusterNode).where(ClusterNode.name == node,
                                          (ClusterNode.state != UP) | (ClusterNode.lease_until <= now))
                .values(**values, incarnation=ClusterNode.incarnation + 1)
                .execution_options(synchronize_session=False))
            if taken == 0:
                if session.get(ClusterNode, node) is not None:
                    raise UserError(f"node {node!r} is running already (its lease was just renewed): start this "
                                    "one with another name (serve --node NAME)")
                session.add(ClusterNode(name=node, incarnation=1, **values))
                session.flush()
            incarnation = session.scalars(select(ClusterNode.incarnation).where(ClusterNode.name == node)).one()
            recovered = recover_node(session, now, node, legacy=True)
    except IntegrityError:  # two runs of one name inserted the row at once
        raise UserError(f"node {node!r} is starting in another process: start this one with another name "
                        "(serve --node NAME)") from None
    return Lease(node, incarnation, lease_s), recovered


def _refuse_second_sqlite_node(engine: Engine, node: str, now: dt.datetime) -> None:
    if engine.dialect.name != "sqlite":
        return
    with Session(engine) as session:
        others = session.scalars(select(ClusterNode.name).where(
            ClusterNode.name != node, ClusterNode.state == UP, ClusterNode.lease_until > now)).all()
    if others:
        raise UserError(f"an SQLite database holds one switch node, and node {others[0]!r} runs on it (its lease is "
                        "live): use PostgreSQL or MariaDB for a cluster, or stop that node first")


def _wait_out_live_lease(engine: Engine, node: str, clock: Clock, sleep: Callable[[float], None]) -> None:
    """A live lease of our own name is a run killed moments ago (wait for it to lapse) or a second process of this
    name (it renews the lease meanwhile: refused)."""
    with Session(engine) as session:
        row = session.get(ClusterNode, node)
        if row is None or row.state != UP or row.lease_until <= clock():
            return
        renewed, until = row.renewed_at, row.lease_until
    log.warning("node %s: the lease of a previous run lasts until %s; waiting for it to lapse", node, until)
    while clock() <= until:
        sleep(0.5)
        with Session(engine) as session:
            current = session.get_one(ClusterNode, node)
            if current.renewed_at != renewed and current.state == UP:
                raise UserError(f"node {node!r} is running already (it renewed its lease at "
                                f"{current.renewed_at:%H:%M:%S} UTC): start this one with another name "
                                "(serve --node NAME)")
            until = current.lease_until


def renew(engine: Engine, lease: Lease, clock: Clock = utc_now) -> bool:
    """The lease moved on by `lease_s`; False when this run no longer holds it (a survivor took over after the
    lease ran out: this run stalled)."""
    now = clock()
    with Session(engine) as session, session.begin():
        return changed_rows(session,
            update(ClusterNode).where(ClusterNode.name == lease.node, ClusterNode.incarnation == lease.incarnation,
                                      ClusterNode.state == UP)
            .values(lease_until=now + dt.timedelta(seconds=lease.lease_s), renewed_at=now)
            .execution_options(synchronize_session=False)) == 1


def retake(engine: Engine, lease: Lease, clock: Clock = utc_now) -> Lease | None:
    """After a lost lease: a new one for the calls this run has taken since (those before were settled by the
    survivor), or None when another run of this name holds it."""
    now = clock()
    with Session(engine) as session, session.begin():
        taken = changed_rows(session,
            update(ClusterNode).where(ClusterNode.name == lease.node, ClusterNode.state == DOWN)
            .values(state=UP, lease_until=now + dt.timedelta(seconds=lease.lease_s), renewed_at=now,
                    incarnation=ClusterNode.incarnation + 1)
            .execution_options(synchronize_session=False))
        if taken != 1:
            return None
        incarnation = session.scalars(select(ClusterNode.incarnation).where(ClusterNode.name == lease.node)).one()
    return Lease(lease.node, incarnation, lease.lease_s)


def release(engine: Engine, lease: Lease, clock: Clock = utc_now) -> None:
    """A clean stop: the lease ends now. The row stays "up", so what the stop left open (a Stop that never came) is
    settled by a survivor at its next heartbeat, or by this node when it starts again."""
    with Session(engine) as session, session.begin():
        session.execute(update(ClusterNode).where(ClusterNode.name == lease.node,
                                                  ClusterNode.incarnation == lease.incarnation)
                        .values(lease_until=clock()).execution_options(synchronize_session=False))


def take_over_stale(engine: Engine, me: str, clock: Clock = utc_now) -> list[Takeover]:
    """Every node whose lease ran out, claimed by a conditional UPDATE and its open calls settled in the same
    transaction; a node another survivor claimed first is left alone."""
    now = clock()
    with Session(engine) as session:
        stale = session.execute(select(ClusterNode.name, ClusterNode.incarnation).where(
            ClusterNode.name != me, ClusterNode.state == UP, ClusterNode.lease_until < now)).all()
    done = []
    for name, incarnation in stale:
        with Session(engine) as session, session.begin():
            claimed = changed_rows(session,
                update(ClusterNode).where(ClusterNode.name == name, ClusterNode.incarnation == incarnation,
                                          ClusterNode.state == UP, ClusterNode.lease_until < now)
                .values(state=DOWN, recovered_by=me, recovered_at=now)
                .execution_options(synchronize_session=False))
            if claimed != 1:
                continue
            recovered = recover_node(session, now, name, legacy=False)
        done.append(Takeover(name, recovered))
        if recovered.closed:
            log.warning("node %s took over node %s (lease ran out): settled %d call(s) it left open", me, name,
                        recovered.closed)
        else:
            log.info("node %s: node %s stopped; nothing of it was open", me, name)
    return done


def nodes(session: Session) -> list[ClusterNode]:
    """Every node known to this database, by name."""
    return list(session.scalars(select(ClusterNode).order_by(ClusterNode.name)))


def node_state(node: ClusterNode, now: dt.datetime) -> str:
    """"running" (its lease is live), "lease_ran_out" (dead or stopped, its calls not settled yet: a survivor's
    next beat does it) or "down" (nothing of it open)."""
    if node.state == DOWN:
        return "down"
    return "running" if node.lease_until > now else "lease_ran_out"
