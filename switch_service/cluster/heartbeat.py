"""The running node's heartbeat, a supervisor component: renews this node's lease every lease/5 seconds and, on
each beat, settles the calls of any node whose lease ran out (`leases.take_over_stale`); the dialogs of the
dead node's calls go to `end_dialogs`, which sends BYE on both legs through this node's SIP switch."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine

from switch_service.cluster import leases
from switch_service.cluster.leases import Lease

log = logging.getLogger(__name__)


class Heartbeat:
    name = "node"

    def __init__(self, engine: Engine, lease: Lease, end_dialogs: Callable[[list[str]], None],
                 clock: leases.Clock = leases.utc_now) -> None:
        self.engine = engine
        self.lease = lease
        self.end_dialogs = end_dialogs
        self.clock = clock
        self.interval_s = max(lease.lease_s / 5, 0.5)
        self.taken_over = 0  # nodes this one settled
        self.calls_settled = 0  # their calls
        self.lost = 0  # times this node's own lease ran out under it
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="node-heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """The beats stop; the lease runs on until `release` (the service's end) or until it runs out."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(10)

    def release(self) -> None:
        """The service stopped cleanly: the lease ends now (see `leases.release`)."""
        try:
            leases.release(self.engine, self.lease, self.clock)
        except Exception:  # the database is gone: the lease runs out by itself
            log.exception("could not end node %s's lease", self.lease.node)

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def ports(self) -> dict[str, int]:
        return {}

    def counters(self) -> dict[str, int]:
        return {"nodes_taken_over": self.taken_over, "calls_settled": self.calls_settled, "lease_lost": self.lost}

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self.beat()
            except Exception:  # a database hiccup: the next beat tries again, well within the lease
                log.exception("node %s: heartbeat failed", self.lease.node)

    def beat(self) -> None:
        """Renew, then look for dead nodes."""
        if not leases.renew(self.engine, self.lease, self.clock):
            self.lost += 1
            log.error("node %s lost its lease (no heartbeat for %d s): a survivor settled the calls it had then",
                      self.lease.node, self.lease.lease_s)
            retaken = leases.retake(self.engine, self.lease, self.clock)
            if retaken is None:
                log.error("node %s: another process holds this node's lease", self.lease.node)
                return
            self.lease = retaken
        for takeover in leases.take_over_stale(self.engine, self.lease.node, self.clock):
            self.taken_over += 1
            self.calls_settled += takeover.recovered.closed
            if takeover.recovered.dialogs:
                self.end_dialogs(takeover.recovered.dialogs)
