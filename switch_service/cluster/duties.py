"""The cluster's singleton duties — scheduled backups, the mail outbox, the monthly statements and recurring fees —
run by one node at a time: the one holding the "duties" lease (`cluster_duties`, one row).

Why a lease of its own: every node runs the same components, and two nodes sending the outbox or issuing the month's
statements at once would mail a notice twice or race for document numbers. Each node's `duties` component tries,
every lease/5 seconds, to renew the lease it holds or to take it when it has no holder or ran out (a conditional
UPDATE, as the node leases: PostgreSQL and MariaDB re-check the WHERE on the committed row, so of two contenders one
matches). The holder runs the duties while its last renewal is younger than the lease (its monotonic clock), so a
holder cut off from the database stops before a survivor can take over; a clean stop gives the lease up at once.
The schedulers ask `held()` before each round: one place decides, they only ask.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine, exists, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.cluster.leases import UP, Clock, Lease, changed_rows, utc_now
from switch_service.store.models import ClusterDuty, ClusterNode

log = logging.getLogger(__name__)
DUTIES = "duties"


def live_holder(session: Session, now: dt.datetime) -> str | None:
    """The node that runs the duties now; None while nobody does (none took them yet, the holder stopped, or its
    lease ran out and no survivor's beat has taken them yet)."""
    row = session.get(ClusterDuty, DUTIES)
    if row is None or row.lease_until is None or row.lease_until <= now:
        return None
    return row.holder


def claim(engine: Engine, lease: Lease, clock: Clock = utc_now) -> tuple[bool, str | None]:
    """Renew the duties lease this run holds, else take it when nobody holds it or its holder's ran out (a previous
    run of this node name is dead: its node lease was waited out at start). Only while this run's node lease is live:
    a run that lost it (stalled, or another process took its name) runs no duties. (held now, the node it was taken
    from when it changed hands now)."""
    now = clock()
    until = now + dt.timedelta(seconds=lease.lease_s)
    alive = exists().where(ClusterNode.name == lease.node, ClusterNode.incarnation == lease.incarnation,
                           ClusterNode.state == UP, ClusterNode.lease_until > now)
    mine = (ClusterDuty.holder == lease.node) & (ClusterDuty.incarnation == lease.incarnation) & alive
    try:
        with Session(engine) as session, session.begin():
            if changed_rows(session, update(ClusterDuty).where(ClusterDuty.name == DUTIES, mine)
                            .values(lease_until=until).execution_options(synchronize_session=False)) == 1:
                return True, None
            row = session.get(ClusterDuty, DUTIES)
            if row is None:  # a schema made without migration 0022's seed row
                session.add(ClusterDuty(name=DUTIES))
                session.flush()
            before = row.holder if row is not None else None
            free = ClusterDuty.holder.is_(None) | (ClusterDuty.lease_until < now) | (ClusterDuty.holder == lease.node)
            taken = changed_rows(session, update(ClusterDuty).where(ClusterDuty.name == DUTIES, free, alive)
                                 .values(holder=lease.node, incarnation=lease.incarnation, lease_until=until,
                                         taken_at=now).execution_options(synchronize_session=False)) == 1
    except IntegrityError:  # another node added the row at the same moment: the next beat tries again
        return False, None
    return taken, before if taken else None


def give_up(engine: Engine, lease: Lease) -> None:
    """A clean stop: no holder, so the next beat of any live node takes the duties."""
    with Session(engine) as session, session.begin():
        session.execute(update(ClusterDuty).where(ClusterDuty.name == DUTIES, ClusterDuty.holder == lease.node,
                                                  ClusterDuty.incarnation == lease.incarnation)
                        .values(holder=None, incarnation=None, lease_until=None, taken_at=None)
                        .execution_options(synchronize_session=False))


class Duties:
    """The `duties` component: holds, renews or takes over the duties lease; `held()` gates the schedulers."""

    name = "duties"

    def __init__(self, engine: Engine, lease: Callable[[], Lease], clock: Clock = utc_now) -> None:
        self.engine = engine
        self.lease = lease  # this node's current lease (a new one after a lost one: see heartbeat.Heartbeat)
        self.clock = clock
        self.taken = 0  # times this node took the duties
        self._held_until = 0.0  # monotonic: a renewal's start + the lease
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def held(self) -> bool:
        """True while this node holds the duties lease (renewed within the lease)."""
        return time.monotonic() < self._held_until

    def start(self) -> None:
        self._stop.clear()
        self.beat()  # a lone node holds the duties before the schedulers' first round
        self._thread = threading.Thread(target=self._run, name="duties", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(10)
        if self.held():
            self._held_until = 0.0
            try:
                give_up(self.engine, self.lease())
            except Exception:  # the database is gone: the lease runs out by itself
                log.exception("could not give up the duties")

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def ports(self) -> dict[str, int]:
        return {}

    def counters(self) -> dict[str, int]:
        return {"held": int(self.held()), "taken": self.taken}

    def _run(self) -> None:
        while not self._stop.wait(max(self.lease().lease_s / 5, 0.5)):
            self.beat()

    def beat(self) -> None:
        lease = self.lease()
        started = time.monotonic()
        try:
            held, taken_from = claim(self.engine, lease, self.clock)
        except Exception:  # a database hiccup: held() runs out with the lease unless the next beat renews it
            log.exception("node %s: could not renew or take the duties", lease.node)
            return
        was_held = self.held()
        self._held_until = started + lease.lease_s if held else 0.0
        if held and not was_held:
            self.taken += 1
            log.warning("node %s runs the cluster's duties (backups, mail, statements, fees)%s", lease.node,
                        f", taken over from node {taken_from}" if taken_from and taken_from != lease.node else "")
        elif was_held and not held:
            log.error("node %s lost the duties to another node", lease.node)
