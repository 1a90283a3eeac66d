"""The billing-backed `AaaPolicy`: who is calling (identify.py), what may they spend (authorise.py), and what did
the call cost (accounting.py, its CDR from cdr_rows.py). `BillingPolicy` ties them together around one
`PolicyContext` (policy_context.py) and the snapshot (policy_snapshot.py).

Hot path: everything that changes rarely is served from an immutable in-memory snapshot. A watcher thread asks
once per second whether it changed (one cheap fingerprint query: the change signal's versions, counts, max ids,
`Tariff.version`, max `updated_at`) and rebuilds it off the request path; requests keep using the last complete
snapshot meanwhile, and a caller number the snapshot does not know yet is looked up in the database before a call
is refused. `reload()` rebuilds at once. Money is never cached: balances are read, and reservations written, with
DB statements (`store.repositories.reservations`, whose money moves through `store.repositories.ledger`).

Each request uses one pooled connection and few statements, built once (policy_rows.py) and run on the DBAPI
cursor (`aaa.direct_sql`): an Access-Request is one read (account + money its call already holds) and the `hold`
of `reservations`; a Start or Stop is one read (billed?, reservation, live row, account) and its writes.
Transactions are short and write-first: the read decides, then a transaction whose first statement is the
conditional UPDATE of `hold` (the claim of the reservation, or a row lock on the account, for a Stop). On SQLite a
read transaction that later writes fails with SQLITE_BUSY when another writer committed in between, and on MariaDB
(REPEATABLE READ) later reads would see the snapshot of the first one, so there the read's transaction ends first;
at READ COMMITTED (PostgreSQL's default; the RADIUS processes ask MariaDB for it too) every statement sees what
is committed when it runs, so the writes follow in the read's transaction and save a round trip or two
(`PolicyContext.end_read`).

Cisco-AVPairs other than `call-id` (`account-id=`, `did=`, `carrier-id=`) are read from an `avpairs` attribute
(a sequence of raw `key=value` strings) of the request/record when the codec provides one; the reply's
`account-id=` AV-pair is put in `AuthDecision.extra` as ("Cisco-AVPair", "account-id=<id>").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import weakref
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.aaa import slices
from switch_service.aaa.accounting import Accounting
from switch_service.aaa.agent_recharge import AgentRecharge, agent_pin
from switch_service.aaa.ani_registration import AniRegistration, wants_registration
from switch_service.aaa.authorise import Authoriser
from switch_service.aaa.direct_sql import DirectSql
from switch_service.aaa.identify import Identifier, Reject
from switch_service.aaa.ivr_recharge import IvrRecharge, card_pin, voucher_code
from switch_service.aaa.messages import AcctRecord, AuthDecision, AuthRequest
from switch_service.aaa.pin_lockout import LockoutRule, PinLockout
from switch_service.aaa.policy_context import PolicyContext
from switch_service.aaa.policy_rows import avpairs_of
from switch_service.aaa.policy_snapshot import Snapshot, SnapshotKeeper
from switch_service.security.pins import PinCipher
from switch_service.store.change_notices import ChangeWaiter
from switch_service.store.models import Cdr, LiveCall
from switch_service.store.retries import retrying

log = logging.getLogger(__name__)

REFRESH_INTERVAL_S = 1.0
DEFAULT_SLICE_S = 300  # talk seconds a re-authorising NAS's call holds money for at a time (aaa/slices.py)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class BillingPolicy:
    """`AaaPolicy` over the store: authorisation with reservation, accounting with rating and CDRs.

    `trusted_nas` holds the NAS addresses whose `account-id=` AV-pair is believed (the switch; by default the
    local host, where the B2BUA runs); assign another set to change it.
    """

    def __init__(self, engine: Engine, *, pin_cipher: PinCipher | None = None, default_region: str = "US",
                 max_call_seconds: int = 14400, credit_slice_s: int = DEFAULT_SLICE_S,
                 clock: Callable[[], dt.datetime] | None = None, lockout: LockoutRule | None = None,
                 node: str | None = None) -> None:
        if max_call_seconds <= 0:
            raise ValueError("max_call_seconds must be positive")
        if credit_slice_s <= 0:
            raise ValueError("credit_slice_s must be positive")
        self.engine = engine
        self._ctx = ctx = PolicyContext(engine, DirectSql(engine), clock or _utc_now, pin_cipher, default_region,
                                        max_call_seconds, credit_slice_s, node)
        self._snapshots = SnapshotKeeper(engine)
        self._lockout = PinLockout(ctx, lockout or LockoutRule.none())  # none unless the service sets one
        self._identifier = Identifier(ctx, self._lockout)
        self._registration = AniRegistration(ctx)
        self._recharge = IvrRecharge(ctx, self._lockout)
        self._agents = AgentRecharge(ctx, self._lockout, self._identifier)
        self._authoriser = Authoriser(ctx)
        self._accounting = Accounting(ctx, self._snapshots, self._identifier)
        self.reload()
        threading.Thread(target=_watch, args=(weakref.ref(self), ChangeWaiter(engine)), name="radius-snapshot",
                         daemon=True).start()
        dialect = engine.dialect  # its default isolation level is known once it connected (reload did)
        ctx.read_committed = dialect.name != "sqlite" and dialect.default_isolation_level == "READ COMMITTED"
        if dialect.name == "sqlite":  # one writer at a time: this process's writers queue on a lock
            ctx.writes = threading.Lock()
        else:
            ctx.writes = contextlib.nullcontext()

    @property
    def trusted_nas(self) -> frozenset[str]:
        return self._ctx.trusted_nas

    @trusted_nas.setter
    def trusted_nas(self, addresses: frozenset[str]) -> None:
        self._ctx.trusted_nas = addresses

    # -- snapshot -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild the in-memory indexes from the database now."""
        self._snapshots.reload()

    def _current(self) -> Snapshot:
        """The last complete snapshot (the watcher thread swaps in a new one when the data change)."""
        return self._snapshots.current()

    def refresh_if_changed(self) -> bool:
        """Rebuild the snapshot if the data changed since it was built (the watcher's check); True if it did."""
        return self._snapshots.refresh_if_changed()

    # -- AaaPolicy ------------------------------------------------------------------------------------------

    def authorize(self, request: AuthRequest) -> AuthDecision:
        snapshot = self._current()
        now = self._ctx.clock()
        try:
            extension = slices.extension_of(avpairs_of(request))
            if extension is not None:  # the next slice of a call in progress: its hold says whose it is
                return self._authoriser.extend(snapshot, request, extension, now)
            if agent_pin(request) is not None:  # a retail agent's request: the agent's reseller, not a caller's account
                return self._agents.answer(snapshot, request, now)
            account_id, ani_destination = self._identifier.identify(snapshot, request, now)
            code = voucher_code(request)
            if code is not None and not request.called_station_id:  # an IVR's first stage that recharges
                self._recharge.recharge(account_id, code, *self._identifier.caller(snapshot, request), now)
            other = card_pin(request)
            if other is not None and not request.called_station_id:  # the same, from another card
                self._recharge.from_card(account_id, other, *self._identifier.caller(snapshot, request), now)
            decision = retrying(lambda: self._authoriser.authorize_account(snapshot, request, account_id,
                                                                           ani_destination, now),
                                what=f"RADIUS auth {request.conf_id}")
            if not (request.password and decision.accepted and decision.credit_time is None):
                return decision
            # a PIN's first stage (an IVR's): may, or shall, the caller's number be registered to the card?
            ani, _did = self._identifier.caller(snapshot, request)
            if wants_registration(request):
                return self._registration.register(decision, account_id, ani)
            return self._registration.offered(decision, account_id, ani)
        except Reject as reject:
            log.debug("RADIUS auth %s: %s", request.conf_id, reject.code.name)
            return AuthDecision(reject.code)

    def account(self, record: AcctRecord) -> None:
        """Store the record; a transaction the database rolled back on a deadlock is run again (each is idempotent),
        so a Stop is not left unanswered for that."""
        retrying(lambda: self._accounting.account(record), what=f"RADIUS {record.status.name} {record.session_id}")

    def counters(self) -> dict[str, int]:
        """Wrong PINs and lockout refusals since this policy started (the server adds them to its counters)."""
        return self._lockout.counters()

    def recovered_call(self, session: Session, live: LiveCall, restarted_at: dt.datetime) -> tuple[Decimal, Cdr]:
        """A live call a crash left open, closed and rated as a Stop would have been (accounting.py)."""
        return self._accounting.recovered_call(session, live, restarted_at)


def _watch(policy_ref: weakref.ref[BillingPolicy], waiter: ChangeWaiter) -> None:
    """The watcher thread of one policy: every REFRESH_INTERVAL_S, or sooner when PostgreSQL announces a change
    (store/change_notices.py), rebuild its snapshot if the data changed. Ends when the policy is gone (its process,
    or a test, dropped it)."""
    try:
        while True:
            waiter.wait(REFRESH_INTERVAL_S)
            policy = policy_ref()
            if policy is None:
                return
            try:
                policy.refresh_if_changed()
            except Exception:  # the database is away: the last snapshot serves, and the next check tries again
                log.exception("could not check the RADIUS snapshot for changes")
            del policy
    finally:
        waiter.close()
