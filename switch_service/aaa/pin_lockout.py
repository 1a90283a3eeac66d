"""The IVR's lockout across calls: after `failures` wrong PINs from one caller number, or `did_failures` on one access
number, within `window_s` seconds, PIN entry is refused there (h323-return-code 10, retries exceeded: a Cisco IVR
gateway, ours included, tells the caller why) until the window has moved past the failures.

Why here, in the AAA server, and counted in the database: every PIN attempt reaches this server as an
Access-Request carrying the caller's number and the DID (our media workers, which touch no database, and third-party
prepaid gateways alike), while the switch's pool manager never sees a PIN. The server runs as several processes
(aaa/processes.py), and nodes may share one database, so a count in one process's memory would see a share of the
failures; the `pin_failures` table sees them all. Only failures are written (one row, never the PIN), and rows past
the window are deleted as new ones come, so the table stays as small as the attacks it records.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select

from switch_service.aaa.policy_context import PolicyContext
from switch_service.store.models import PinFailure


@dataclass(frozen=True, slots=True)
class LockoutRule:
    failures: int = 5  # wrong PINs from one caller number (0: no lockout by caller)
    did_failures: int = 50  # wrong PINs on one access number, from any caller (0: none by DID)
    window_s: int = 900

    @classmethod
    def none(cls) -> LockoutRule:
        return cls(0, 0, 0)

    @property
    def active(self) -> bool:
        return self.window_s > 0 and (self.failures > 0 or self.did_failures > 0)


class PinLockout:
    """`locked` before a PIN is looked at; `failed` after one was wrong. Counts for the service's counters."""

    def __init__(self, ctx: PolicyContext, rule: LockoutRule) -> None:
        self.ctx = ctx
        self.rule = rule
        self._lock = threading.Lock()
        self.failures = 0  # wrong PINs this process recorded
        self.refusals = 0  # PIN entries answered "retries exceeded": the caller or the DID is locked

    def _counts(self, ani: str, did: str, now: dt.datetime) -> tuple[int, int]:
        since = now - dt.timedelta(seconds=self.rule.window_s)
        by_ani = (select(func.count()).select_from(PinFailure)
                  .where(PinFailure.ani == ani, PinFailure.failed_at > since).scalar_subquery())
        by_did = (select(func.count()).select_from(PinFailure)
                  .where(PinFailure.did == did, PinFailure.failed_at > since).scalar_subquery())
        with self.ctx.engine.connect() as conn:
            row = conn.execute(select(by_ani, by_did)).one()
        return (int(row[0]) if ani else 0), (int(row[1]) if did else 0)

    def _over(self, counts: tuple[int, int]) -> bool:
        by_ani, by_did = counts
        rule = self.rule
        return ((rule.failures > 0 and by_ani >= rule.failures)
                or (rule.did_failures > 0 and by_did >= rule.did_failures))

    def locked(self, ani: str, did: str, now: dt.datetime) -> bool:
        """Whether PIN entry is refused now for this caller number or on this DID (counted as a refusal)."""
        if not self.rule.active or not (ani or did):
            return False
        locked = self._over(self._counts(ani, did, now))
        if locked:
            with self._lock:
                self.refusals += 1
        return locked

    def failed(self, ani: str, did: str, now: dt.datetime) -> bool:
        """Record a wrong PIN (and forget those past the window); whether the caller or the DID is locked now."""
        with self._lock:
            self.failures += 1
        if not self.rule.active:
            return False
        with self.ctx.writes, self.ctx.engine.begin() as conn:
            conn.execute(delete(PinFailure).where(
                PinFailure.failed_at <= now - dt.timedelta(seconds=self.rule.window_s)))
            conn.execute(insert(PinFailure).values(ani=ani[:32], did=did[:32], failed_at=now))
        locked = self._over(self._counts(ani, did, now))
        if locked:
            with self._lock:
                self.refusals += 1
        return locked

    def counters(self) -> dict[str, int]:
        with self._lock:
            return {"pin_failures": self.failures, "pin_lockouts": self.refusals}
