"""The billing-backed `AaaPolicy`: who is calling, what may they spend, and what did the call cost.

Hot path: everything that changes rarely (ANIs, trunks, DIDs, dial-plan blocks, per-tariff `PrefixIndex` of
billing rates, band schedules, tax profiles, carriers' buy decks) is served from an immutable in-memory
`_Snapshot`. A watcher thread asks once per second whether it changed (one cheap fingerprint query: the change
signal's versions, counts, max ids, `Tariff.version`, max `updated_at`) and rebuilds it off the request path;
requests keep using the last complete snapshot meanwhile, and a caller number the snapshot does not know yet is
looked up in the database before a call is refused. `reload()` rebuilds at once. A tariff whose version did not
change keeps its index. Money is never cached: balances are read, and reservations written, with DB statements
(`store.repositories.reservations`, whose money moves through `store.repositories.ledger`).

Each request uses one pooled connection and few statements, built once and run on the DBAPI cursor
(`aaa.direct_sql`): an Access-Request is one read (account + money its call already holds) and the `hold` of
`reservations`; a Start or Stop is one read (billed?, reservation, live row, account) and its writes.
Transactions are short and write-first: the read decides, then a transaction whose first statement is the
conditional UPDATE of `hold` (the claim of the reservation, or a row lock on the account, for a Stop). On SQLite a
read transaction that later writes fails with SQLITE_BUSY when another writer committed in between, and on MariaDB
(REPEATABLE READ) later reads would see the snapshot of the first one, so there the read's transaction ends first;
at READ COMMITTED (PostgreSQL's default; the RADIUS processes ask MariaDB for it too) every statement sees what
is committed when it runs, so the writes follow in the read's transaction and save a round trip or two.

Cisco-AVPairs other than `call-id` (`account-id=`, `did=`, `carrier-id=`) are read from an `avpairs` attribute
(a sequence of raw `key=value` strings) of the request/record when the codec provides one; the reply's
`account-id=` AV-pair is put in `AuthDecision.extra` as ("Cisco-AVPair", "account-id=<id>").
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import logging
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    Engine,
    Integer,
    String,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from switch_service.aaa import cisco, slices
from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.direct_sql import DirectConnection, DirectSql
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthDecision, AuthRequest
from switch_service.billing import rates as billing_rates
from switch_service.billing.max_duration import max_duration
from switch_service.billing.packages import Package as BillingPackage
from switch_service.billing.periods import Period as BillingPeriod
from switch_service.billing.periods import period_start
from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rating import Charge, RatingContext, call_gross, price_at, rate_call
from switch_service.billing.surcharges import Surcharge
from switch_service.billing.taxes import Tax as BillingTax
from switch_service.billing.taxes import TaxProfile as BillingTaxProfile
from switch_service.billing.time_bands import BandSchedule as BillingBands
from switch_service.phone_numbers import normalise_number, stored_number
from switch_service.security.pins import PinCipher
from switch_service.security.sip_digest import response_matches
from switch_service.store.change_signal import versions_sum
from switch_service.store.models import (
    Account,
    AccountPackage,
    Ani,
    BandSchedule,
    Card,
    CardBatch,
    Carrier,
    Cdr,
    CustomerTrunk,
    DialPlanRoute,
    Did,
    Gateway,
    LiveCall,
    Package,
    PackageClaim,
    Reservation,
    Tariff,
    Tax,
    TaxProfile,
)
from switch_service.store.models.enums import (
    AccountKind,
    CardStatus,
    CdrKind,
    ReservationStatus,
    Status,
    TrunkAuth,
)
from switch_service.store.repositories import ledger, reservations
from switch_service.store.repositories.cdrs import q850_text, result_for_cause
from switch_service.store.repositories.rates import load_rates
from switch_service.store.repositories.routing import to_billing_rate
from switch_service.store.retries import retrying
from switch_service.store.types import UTCDateTime

log = logging.getLogger(__name__)

ZERO = Decimal(0)
REFRESH_INTERVAL_S = 1.0
RESERVE_ATTEMPTS = 5
DEFAULT_SLICE_S = 300  # talk seconds a re-authorising NAS's call holds money for at a time (aaa/slices.py)
LOCAL_SWITCH = frozenset({"127.0.0.1", "::1"})
HANGUP_BY = frozenset({"caller", "callee", "switch"})

def avpairs_of(item: object) -> tuple[str, ...]:
    """The raw Cisco-AVPair strings of a request or record, when the codec carries them (else none)."""
    values = getattr(item, "avpairs", None)
    if not values:
        return ()
    return tuple(str(value) for value in values)


def _avpair_int(values: Sequence[str], key: str) -> int | None:
    raw = cisco.find_avpair(values, key)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r, rating in UTC", name)
        return dt.UTC


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------------------------------------------------
# The in-memory snapshot


@dataclass(frozen=True, slots=True)
class _Deck:
    version: tuple[Any, ...]
    index: PrefixIndex[billing_rates.Rate]
    band_schedule_id: int | None
    currency: str


@dataclass(frozen=True, slots=True)
class _DidInfo:
    account_id: int | None
    surcharge: Surcharge | None


@dataclass(frozen=True, slots=True)
class _Snapshot:
    fingerprint: tuple[Any, ...] = ()
    anis: Mapping[str, tuple[int, str | None]] = field(default_factory=dict)
    trunk_ips: Mapping[str, int] = field(default_factory=dict)
    trunk_users: Mapping[str, tuple[int, str]] = field(default_factory=dict)
    dids: Mapping[str, _DidInfo] = field(default_factory=dict)
    decks: Mapping[int, _Deck] = field(default_factory=dict)
    bands: Mapping[int, BillingBands] = field(default_factory=dict)
    taxes: Mapping[int, BillingTaxProfile] = field(default_factory=dict)
    buy_tariffs: Mapping[int, int] = field(default_factory=dict)
    blocked: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # dial plan -> longest-first routes
    blocked_flags: Mapping[int, Mapping[str, bool]] = field(default_factory=dict)
    packages: Mapping[int, BillingPackage] = field(default_factory=dict)
    account_packages: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # account -> packages, in order


# The tables the snapshot holds: their versions in the change signal tell every committed edit.
SNAPSHOT_TABLES = frozenset({"anis", "customer_trunks", "dids", "tariffs", "rates", "band_schedules", "taxes",
                             "tax_profiles", "carriers", "dial_plan_routes", "packages", "account_packages"})


def _fingerprint(session: Session) -> tuple[Any, ...]:
    """One round trip: the change signal's versions, and counts, max ids and max updated_at of everything the
    snapshot holds (for writes made outside an ORM session)."""
    def stats(*columns: Any) -> Any:
        return select(*columns).scalar_subquery()

    row = session.execute(select(
        versions_sum(SNAPSHOT_TABLES),
        stats(func.count(Tariff.id)), stats(func.coalesce(func.sum(Tariff.version), 0)),
        stats(func.max(Tariff.updated_at)),
        stats(func.count(Ani.id)), stats(func.max(Ani.id)), stats(func.count(CustomerTrunk.id)),
        stats(func.max(CustomerTrunk.updated_at)), stats(func.count(Did.id)), stats(func.max(Did.updated_at)),
        stats(func.count(BandSchedule.id)), stats(func.max(BandSchedule.id)), stats(func.count(Tax.id)),
        stats(func.max(Tax.id)), stats(func.count(Carrier.id)), stats(func.max(Carrier.updated_at)),
        stats(func.count(DialPlanRoute.id)), stats(func.max(DialPlanRoute.id)),
        stats(func.count(Package.id)), stats(func.max(Package.updated_at)), stats(func.count(AccountPackage.id)),
        stats(func.max(AccountPackage.id)),
    )).one()
    return tuple(row)


def _band_schedule(row: BandSchedule) -> BillingBands:
    def days(text: str) -> frozenset[int]:
        return frozenset(int(part) for part in text.split(",") if part.strip())

    holidays = frozenset(dt.date.fromisoformat(part.strip()) for part in (row.holidays or "").split(",")
                         if part.strip())
    return BillingBands.peak_hours(days(row.peak_days), row.peak_start, row.peak_end, days(row.weekend_days),
                                   holidays)


def _build_snapshot(session: Session, fingerprint: tuple[Any, ...], previous: _Snapshot) -> _Snapshot:
    anis = {stored_number(number): (account_id, stored_number(destination) or None)
            for number, account_id, destination in session.execute(select(Ani.number, Ani.account_id,
                                                                          Ani.destination))}
    trunk_ips: dict[str, int] = {}
    trunk_users: dict[str, tuple[int, str]] = {}
    for trunk in session.scalars(select(CustomerTrunk).where(CustomerTrunk.active.is_(True))):
        if trunk.auth is TrunkAuth.IP and trunk.source_ip:
            trunk_ips[trunk.source_ip.strip()] = trunk.account_id
        if trunk.username and trunk.password_ha1:
            trunk_users[trunk.username] = (trunk.account_id, trunk.password_ha1.lower())
    dids = {}
    for did in session.scalars(select(Did).where(Did.active.is_(True))):
        surcharge = (Surcharge(f"DID {did.number}", did.surcharge_per_call, did.surcharge_per_minute)
                     if did.surcharge_per_call or did.surcharge_per_minute else None)
        dids[stored_number(did.number)] = _DidInfo(did.account_id, surcharge)
    bands = {row.id: _band_schedule(row) for row in session.scalars(select(BandSchedule))}
    profiles: dict[int, list[BillingTax]] = {}
    names: dict[int, str] = {pid: name for pid, name in session.execute(select(TaxProfile.id, TaxProfile.name))}
    for tax in session.scalars(select(Tax).order_by(Tax.profile_id, Tax.position, Tax.id)):
        profiles.setdefault(tax.profile_id, []).append(BillingTax(tax.name, tax.percent, tax.inclusive))
    taxes = {pid: BillingTaxProfile(names.get(pid, str(pid)), tuple(items)) for pid, items in profiles.items()}
    decks: dict[int, _Deck] = {}
    for tariff in session.scalars(select(Tariff)):
        version = (tariff.version, tariff.updated_at)
        old = previous.decks.get(tariff.id)
        if old is not None and old.version == version:
            decks[tariff.id] = _Deck(version, old.index, tariff.band_schedule_id, tariff.currency)
            continue
        index = PrefixIndex((row.prefix, to_billing_rate(row)) for row in load_rates(session, tariff.id))
        decks[tariff.id] = _Deck(version, index, tariff.band_schedule_id, tariff.currency)
    buy = {carrier_id: tariff_id for carrier_id, tariff_id in
           session.execute(select(Carrier.id, Carrier.buy_tariff_id)) if tariff_id is not None}
    routes: dict[int, dict[str, bool]] = {}
    for plan_id, prefix, blocked in session.execute(select(DialPlanRoute.dial_plan_id, DialPlanRoute.prefix,
                                                           DialPlanRoute.blocked)):
        routes.setdefault(plan_id, {})[prefix or ""] = bool(blocked)
    blocked_plans = {plan: tuple(sorted(flags, key=len, reverse=True)) for plan, flags in routes.items()
                     if any(flags.values())}
    packages = {row.id: BillingPackage(row.name, frozenset(p.strip() for p in row.prefixes.split(",") if p.strip()),
                                       row.free_seconds, BillingPeriod(row.period.value))
                for row in session.scalars(select(Package))}
    held: dict[int, list[int]] = {}
    for account_id, package_id in session.execute(  # in the order they were first assigned
            select(AccountPackage.account_id, AccountPackage.package_id)
            .group_by(AccountPackage.account_id, AccountPackage.package_id).order_by(func.min(AccountPackage.id))):
        held.setdefault(account_id, []).append(package_id)
    return _Snapshot(fingerprint, anis, trunk_ips, trunk_users, dids, decks, bands, taxes, buy, blocked_plans,
                     {plan: routes[plan] for plan in blocked_plans}, packages,
                     {account: tuple(ids) for account, ids in held.items()})


# ---------------------------------------------------------------------------------------------------------
# The policy


@dataclass(frozen=True, slots=True)
class _AccountRow:
    id: int
    kind: AccountKind
    status: Status
    balance: Decimal
    limit: Decimal
    reserved: Decimal
    currency: str
    language: str
    time_zone: str
    tariff_id: int | None
    dial_plan_id: int | None
    tax_profile_id: int | None
    reseller_id: int | None
    max_concurrent_calls: int
    expires_at: dt.datetime | None

    @property
    def available(self) -> Decimal:
        return ledger.spendable(self.balance, self.limit, self.reserved)


_ACCOUNT_COLUMNS = (Account.id, Account.kind, Account.status, Account.balance, Account.overdraft,
                    Account.credit_limit, Account.reserved, Account.currency, Account.language, Account.time_zone,
                    Account.tariff_id, Account.dial_plan_id, Account.tax_profile_id, Account.reseller_id,
                    Account.max_concurrent_calls, Account.expires_at)


def _account_row(row: Any) -> _AccountRow:
    kind = AccountKind(row.kind)
    limit = ledger.limit_of(kind, row.overdraft, row.credit_limit)
    return _AccountRow(row.id, kind, Status(row.status), row.balance, limit, row.reserved, row.currency,
                       row.language, row.time_zone, row.tariff_id, row.dial_plan_id, row.tax_profile_id,
                       row.reseller_id, row.max_concurrent_calls, row.expires_at)


# The hot statements, built once (a statement built per request costs more CPU than the database spends on it).
_KEY = bindparam("key", type_=String(128))


def _held(column: Any) -> Any:
    return (select(column).where(Reservation.call_id == _KEY,
                                 Reservation.status == ReservationStatus.OPEN).scalar_subquery())


# An Access-Request's one read: the account and the money its call already holds (a retry).
_AUTH_READ = select(*_ACCOUNT_COLUMNS, _held(Reservation.account_id).label("held_account"),
                    _held(Reservation.amount).label("held_amount"),
                    _held(Reservation.granted_s).label("held_granted"),
                    select(PackageClaim.seconds).where(PackageClaim.call_id == _KEY).scalar_subquery()
                    .label("claimed")).where(Account.id == bindparam("account_id"))
# The account's package rows of the periods a call could draw on (see `_free_seconds`).
_PACKAGE_ROWS = select(AccountPackage.id, AccountPackage.package_id, AccountPackage.period_start,
                       AccountPackage.used_seconds).where(
    AccountPackage.account_id == bindparam("account_id"),
    AccountPackage.period_start >= bindparam("since", type_=UTCDateTime()))
# A claim: the seconds count as used at once, only while the period has them (two calls race for the last ones).
_CLAIM_SECONDS = (update(AccountPackage)
                  .where(AccountPackage.id == bindparam("entry"),
                         AccountPackage.used_seconds + bindparam("seconds", type_=Integer()) <= bindparam("free"))
                  .values(used_seconds=AccountPackage.used_seconds + bindparam("seconds", type_=Integer())))
_GIVE_BACK_SECONDS = (update(AccountPackage).where(AccountPackage.id == bindparam("entry"))
                      .values(used_seconds=AccountPackage.used_seconds - bindparam("seconds", type_=Integer())))
_DROP_CLAIM = delete(PackageClaim).where(PackageClaim.call_id == _KEY)
_ACCOUNT_READ = select(*_ACCOUNT_COLUMNS).where(Account.id == bindparam("account_id"))
_ANI_READ = select(Ani.account_id, Ani.destination).where(Ani.number == bindparam("number", type_=String(32)))
# A re-authorisation's one read (aaa/slices.py): the call's open hold, its account, its live row and free seconds.
_EXTEND_READ = (
    select(Reservation.amount.label("held_amount"), Reservation.granted_s.label("held_granted"),
           LiveCall.answered_at.label("live_answered_at"), LiveCall.destination.label("live_destination"),
           LiveCall.did.label("live_did"), PackageClaim.seconds.label("claimed"), *_ACCOUNT_COLUMNS)
    .join(Account, Account.id == Reservation.account_id)
    .outerjoin(LiveCall, LiveCall.call_id == Reservation.call_id)
    .outerjoin(PackageClaim, PackageClaim.call_id == Reservation.call_id)
    .where(Reservation.call_id == _KEY, Reservation.status == ReservationStatus.OPEN)
)
_LIVE_GRANT = (update(LiveCall).where(LiveCall.call_id == _KEY)
               .values(max_duration_s=bindparam("granted", type_=Integer())))

# An Accounting-Request's one read: whether the call is billed, its reservation, its live row, and its account
# (the reservation's, else the live row's, else `fallback`: a trusted account-id or the ANI's).
def _billed_of(key: Any) -> Any:
    """1 if the call's CDR is written, else 0 or NULL. Only `call_id` is in the WHERE: with `kind` there too, SQLite
    (without ANALYZE statistics) takes the (kind, started_at, ...) report index and reads every call's CDR."""
    return select(func.max(case((Cdr.kind == CdrKind.CALL, 1), else_=0))).where(Cdr.call_id == key)


_CALL = select(_KEY.label("call_key")).subquery("call")
_CALL_READ = (
    select(_billed_of(_CALL.c.call_key).scalar_subquery().label("billed"),
           Reservation.id.label("reservation_id"), LiveCall.id.label("live_id"),
           LiveCall.carrier_id.label("live_carrier_id"), LiveCall.gateway_id.label("live_gateway_id"),
           LiveCall.caller.label("live_caller"),
           LiveCall.destination.label("live_destination"), LiveCall.did.label("live_did"),
           LiveCall.started_at.label("live_started_at"), LiveCall.answered_at.label("live_answered_at"),
           PackageClaim.seconds.label("claimed"), PackageClaim.account_package_id.label("claim_entry"),
           *_ACCOUNT_COLUMNS)
    .select_from(_CALL)
    .outerjoin(Reservation, Reservation.call_id == _CALL.c.call_key)
    .outerjoin(PackageClaim, PackageClaim.call_id == _CALL.c.call_key)
    .outerjoin(LiveCall, LiveCall.call_id == _CALL.c.call_key)
    .outerjoin(Account, Account.id == func.coalesce(Reservation.account_id, LiveCall.account_id,
                                                    bindparam("fallback", type_=Integer())))
)
_BILLED = _billed_of(_KEY)
_OPEN_CALLS = select(func.count()).select_from(Reservation).where(
    Reservation.account_id == bindparam("account_id"), Reservation.status == ReservationStatus.OPEN)
_CARRIER = select(Carrier.id).where(Carrier.id == bindparam("carrier_id"))
_GATEWAY = select(Gateway.id).where(Gateway.id == bindparam("gateway_id"))
_SEEN = update(LiveCall).where(LiveCall.call_id == _KEY).values(last_seen_at=bindparam("seen", type_=UTCDateTime()))
_DROP_LIVE = delete(LiveCall).where(LiveCall.call_id == _KEY)
_INSERT_CDR = insert(Cdr).inline()


def _no_money(account: _AccountRow) -> ReturnCode:
    """Why an account cannot pay for a call: zero when it has nothing to spend, insufficient when other calls hold
    it (or it is too little for the first block), credit limit for a postpaid account."""
    if account.kind is AccountKind.POSTPAID:
        return ReturnCode.CREDIT_LIMIT
    return ReturnCode.ZERO_BALANCE if account.balance + account.limit <= 0 else ReturnCode.INSUFFICIENT_BALANCE


def _load_account(db: Session, account_id: int) -> _AccountRow | None:
    row = db.execute(_ACCOUNT_READ, {"account_id": account_id}).one_or_none()
    return _account_row(row) if row is not None else None


@dataclass(frozen=True, slots=True)
class _FreeSeconds:
    """Package seconds a call may draw on: its `account_packages` row, the package's seconds per period, and how
    many this call takes."""

    entry_id: int
    package_seconds: int
    seconds: int


class _Reject(Exception):  # noqa: N818 - control flow, not an error
    def __init__(self, code: ReturnCode) -> None:
        super().__init__(code.name)
        self.code = code


@dataclass(frozen=True, slots=True)
class _Rated:
    """A sell (or buy) rate found for a call, with the context to rate it in."""

    rate: billing_rates.Rate
    context: RatingContext


class BillingPolicy:
    """`AaaPolicy` over the store: authorisation with reservation, accounting with rating and CDRs.

    `trusted_nas` holds the NAS addresses whose `account-id=` AV-pair is believed (the switch; by default the
    local host, where the B2BUA runs); assign another set to change it.
    """

    def __init__(self, engine: Engine, *, pin_cipher: PinCipher | None = None, default_region: str = "US",
                 max_call_seconds: int = 14400, credit_slice_s: int = DEFAULT_SLICE_S,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        if max_call_seconds <= 0:
            raise ValueError("max_call_seconds must be positive")
        if credit_slice_s <= 0:
            raise ValueError("credit_slice_s must be positive")
        self.credit_slice_s = credit_slice_s
        self.engine = engine
        self._sql = DirectSql(engine)
        self.pin_cipher = pin_cipher
        self.default_region = default_region
        self.max_call_seconds = max_call_seconds
        self.clock = clock or _utc_now
        self.trusted_nas: frozenset[str] = LOCAL_SWITCH
        self._snapshot = _Snapshot()
        self._refresh_lock = threading.Lock()
        self.reload()
        threading.Thread(target=_watch, args=(weakref.ref(self),), name="radius-snapshot", daemon=True).start()
        dialect = engine.dialect  # its default isolation level is known once it connected (reload did)
        self._read_committed = dialect.name != "sqlite" and dialect.default_isolation_level == "READ COMMITTED"
        # SQLite has one writer at a time and its busy handler retries after sleeps growing to 100 ms: this
        # process's writers queue on a lock instead, which hands over at once.
        self._writes: contextlib.AbstractContextManager[Any] = (
            threading.Lock() if dialect.name == "sqlite" else contextlib.nullcontext())

    # -- snapshot -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild the in-memory indexes from the database now."""
        with self._refresh_lock:
            self._rebuild()

    def _rebuild(self) -> None:
        with Session(self.engine) as session:
            fingerprint = _fingerprint(session)
            self._snapshot = _build_snapshot(session, fingerprint, self._snapshot)

    def _current(self) -> _Snapshot:
        """The last complete snapshot (the watcher thread swaps in a new one when the data change)."""
        return self._snapshot

    def refresh_if_changed(self) -> bool:
        """Rebuild the snapshot if the data changed since it was built (the watcher's check); True if it did."""
        with Session(self.engine) as session:
            fingerprint = _fingerprint(session)
        if fingerprint == self._snapshot.fingerprint:
            return False
        with self._refresh_lock:
            self._rebuild()
        return True

    def _ani(self, snapshot: _Snapshot, number: str) -> tuple[int, str | None] | None:
        """The caller number's (account id, stored destination): from the snapshot, else from the database (a
        number registered since the snapshot was built is never refused for that)."""
        if not number:
            return None
        found = snapshot.anis.get(number)
        if found is None:
            with self._sql.connect() as conn:
                conn.autocommit = True
                row = conn.execute(_ANI_READ, {"number": number}).one_or_none()
            found = (int(row.account_id), stored_number(row.destination) or None) if row is not None else None
        return found

    # -- numbers and rates ----------------------------------------------------------------------------------

    def normalise(self, raw: str | None) -> str:
        """The key of a number as a NAS sends it: the one rule (`switch_service.phone_numbers`) in this region."""
        return normalise_number(raw, self.default_region)

    def _context(self, snapshot: _Snapshot, account: _AccountRow, deck: _Deck | None, did: str | None) -> RatingContext:
        surcharge = snapshot.dids[did].surcharge if did and did in snapshot.dids else None
        bands = snapshot.bands.get(deck.band_schedule_id) if deck and deck.band_schedule_id is not None else None
        taxes = snapshot.taxes.get(account.tax_profile_id) if account.tax_profile_id is not None else None
        return RatingContext(tz=_zone(account.time_zone), bands=bands, taxes=taxes,
                             surcharges=(surcharge,) if surcharge else ())

    def _sell(self, snapshot: _Snapshot, account: _AccountRow, number: str, at: dt.datetime,
              did: str | None) -> _Rated | None:
        deck = snapshot.decks.get(account.tariff_id) if account.tariff_id is not None else None
        rate = deck.index.lookup(number, at) if deck is not None and number else None
        if rate is None:
            return None
        return _Rated(rate, self._context(snapshot, account, deck, did))

    def _buy(self, snapshot: _Snapshot, carrier_id: int | None, number: str, at: dt.datetime) -> _Rated | None:
        tariff_id = snapshot.buy_tariffs.get(carrier_id) if carrier_id is not None else None
        deck = snapshot.decks.get(tariff_id) if tariff_id is not None else None
        rate = deck.index.lookup(number, at) if deck is not None and number else None
        if deck is None or rate is None:
            return None
        bands = snapshot.bands.get(deck.band_schedule_id) if deck.band_schedule_id is not None else None
        return _Rated(rate, RatingContext(bands=bands))

    @staticmethod
    def _blocked(snapshot: _Snapshot, dial_plan_id: int | None, number: str) -> bool:
        routes = snapshot.blocked.get(dial_plan_id) if dial_plan_id is not None else None
        if not routes:
            return False
        flags = snapshot.blocked_flags[dial_plan_id]  # type: ignore[index]
        for prefix in routes:  # longest first: the longest matching route decides
            if number.startswith(prefix):
                return flags[prefix]
        return False

    # -- authorisation --------------------------------------------------------------------------------------

    def authorize(self, request: AuthRequest) -> AuthDecision:
        snapshot = self._current()
        now = self.clock()
        try:
            extension = slices.extension_of(avpairs_of(request))
            if extension is not None:  # the next slice of a call in progress: its hold says whose it is
                return self._extend(snapshot, request, extension, now)
            account_id, ani_destination = self._identify(snapshot, request, now)
            return retrying(lambda: self._authorize_account(snapshot, request, account_id, ani_destination, now),
                            what=f"RADIUS auth {request.conf_id}")
        except _Reject as reject:
            log.debug("RADIUS auth %s: %s", request.conf_id, reject.code.name)
            return AuthDecision(reject.code)

    def _identify(self, snapshot: _Snapshot, request: AuthRequest, now: dt.datetime) -> tuple[int, str | None]:
        """(account id, the ANI's stored destination when the request names no number) along the contract's order
        of authentication."""
        pairs = avpairs_of(request)
        ani = self.normalise(request.calling_station_id) or self.normalise(request.user_name)

        def destination() -> str | None:
            if self.normalise(request.called_station_id):
                return None  # a number was dialled: the stored destination is not used
            stored = self._ani(snapshot, ani)
            return stored[1] if stored else None

        trusted = _avpair_int(pairs, "account-id")
        if trusted is not None and request.source_address in self.trusted_nas:
            return trusted, destination()
        if request.password:
            return self._card_account(request.password, now), destination()
        digest = request.digest
        if digest is not None and digest.user_name:
            return self._digest_account(snapshot, request), destination()
        for candidate in dict.fromkeys((self.normalise(request.user_name), ani)):
            found = self._ani(snapshot, candidate)
            if found is not None:
                return found
        # A customer's IP comes last: a registered caller dialling the access number from behind a
        # trunk's address is still that caller, not the trunk.
        remote = (request.remote_address or "").strip()
        if remote and remote in snapshot.trunk_ips:
            return snapshot.trunk_ips[remote], destination()
        raise _Reject(ReturnCode.INVALID_ACCOUNT)

    def _card_account(self, pin: str, now: dt.datetime) -> int:
        if self.pin_cipher is None:  # a PIN that cannot be checked is not accepted
            raise _Reject(ReturnCode.INVALID_PIN)
        index = self.pin_cipher.index(pin.strip())
        with Session(self.engine) as session:
            card = session.execute(
                select(Card.id, Card.account_id, Card.status, Card.expires_at, CardBatch.valid_days_after_first_use,
                       CardBatch.expires_at.label("batch_expires_at"))
                .join(CardBatch, CardBatch.id == Card.batch_id).where(Card.pin_index == index)).one_or_none()
        if card is None:
            raise _Reject(ReturnCode.INVALID_PIN)
        status = CardStatus(card.status)
        if status is CardStatus.EXPIRED or (card.expires_at is not None and card.expires_at <= now):
            raise _Reject(ReturnCode.EXPIRED)
        if status in (CardStatus.BLOCKED, CardStatus.USED):
            raise _Reject(ReturnCode.INVALID_CARD)
        if status is CardStatus.NEW:  # first use: activate, and start the validity after first use
            expires = card.expires_at
            if card.valid_days_after_first_use:
                after_use = now + dt.timedelta(days=card.valid_days_after_first_use)
                expires = after_use if expires is None else min(expires, after_use)
            with Session(self.engine) as session, session.begin():
                session.execute(update(Card).where(Card.id == card.id, Card.status == CardStatus.NEW)
                                .values(status=CardStatus.ACTIVE, activated_at=now, expires_at=expires)
                                .execution_options(synchronize_session=False))
        return int(card.account_id)

    def _digest_account(self, snapshot: _Snapshot, request: AuthRequest) -> int:
        digest = request.digest
        assert digest is not None and digest.user_name is not None
        entry = snapshot.trunk_users.get(digest.user_name)
        if entry is None:
            raise _Reject(ReturnCode.INVALID_ACCOUNT)
        account_id, ha1 = entry
        if not response_matches(ha1, digest):
            raise _Reject(ReturnCode.INVALID_ACCOUNT)
        return account_id

    def _authorize_account(self, snapshot: _Snapshot, request: AuthRequest, account_id: int,
                           ani_destination: str | None, now: dt.datetime) -> AuthDecision:
        key = self._auth_key(request)
        sliced = slices.wants_slices(avpairs_of(request))
        did = self.normalise(cisco.find_avpair(avpairs_of(request), "did")) or None
        number = self.normalise(request.called_station_id)
        redirect = None
        if not number:
            if not ani_destination:
                raise _Reject(ReturnCode.INVALID_ARGUMENT)
            number = redirect = ani_destination
        with self._sql.connect() as conn:  # one connection for the request: read, decide, hold
            for _attempt in range(RESERVE_ATTEMPTS):
                conn.autocommit = True  # PostgreSQL: the read needs no transaction (no BEGIN round trip)
                row = conn.execute(_AUTH_READ, {"account_id": account_id, "key": key}).one_or_none()
                self._end_read(conn)
                if row is None:
                    raise _Reject(ReturnCode.INVALID_ACCOUNT)
                account = _account_row(row)
                if account.status is not Status.ACTIVE:
                    raise _Reject(ReturnCode.DENIED)
                if account.expires_at is not None and account.expires_at <= now:
                    raise _Reject(ReturnCode.EXPIRED)
                if self._blocked(snapshot, account.dial_plan_id, number):
                    raise _Reject(ReturnCode.BLOCKED_NUMBER)
                sell = self._sell(snapshot, account, number, now, did)
                if sell is None:
                    raise _Reject(ReturnCode.BLOCKED_NUMBER)
                if row.held_account is not None or row.claimed is not None:
                    return self._retried(row, account, sell, now, redirect)
                free = self._free_seconds(conn, snapshot, account, number, now)
                context = sell.context
                available = account.available
                if free is not None:  # free seconds first: a call may use them with no money left
                    context = dataclasses.replace(context, free_seconds=free.seconds)
                    available = max(available, ZERO)
                credit_time = max_duration(available, sell.rate, now, context, self.max_call_seconds)
                if credit_time <= 0:
                    raise _Reject(_no_money(account))
                if free is not None:  # claim no more than the call can last
                    free = dataclasses.replace(free, seconds=min(free.seconds, credit_time))
                    context = dataclasses.replace(context, free_seconds=free.seconds)
                amount = call_gross(sell.rate, now, credit_time, context)
                if sliced and amount > 0:  # hold one slice; the NAS asks for the next one (aaa/slices.py)
                    credit_time = slices.first_grant(credit_time, free.seconds if free else 0, self.credit_slice_s)
                    amount = call_gross(sell.rate, now, credit_time, context)
                outcome = self._reserve(conn, account, key, amount, now, free=free, granted=credit_time)
                if outcome is ReturnCode.OK:
                    return self._accept(account, credit_time, available, redirect, sell, now)
                if outcome is not None:
                    raise _Reject(outcome)
                # someone else spent the money between our read and the reservation: decide again
        raise _Reject(ReturnCode.INSUFFICIENT_BALANCE)

    def _retried(self, row: Any, account: _AccountRow, sell: _Rated, now: dt.datetime,
                 redirect: str | None) -> AuthDecision:
        """A retried Access-Request: answered from the money and free seconds the call already holds."""
        if row.held_account is not None and row.held_account != account.id:
            raise _Reject(ReturnCode.INVALID_ARGUMENT)
        held = row.held_amount or ZERO
        credit_time = row.held_granted
        if credit_time is None:  # held before grants were stored
            context = dataclasses.replace(sell.context, free_seconds=row.claimed or 0)
            credit_time = max_duration(held, sell.rate, now, context, self.max_call_seconds)
        return self._accept(account, credit_time, account.available + held, redirect, sell, now)

    @staticmethod
    def _auth_key(request: AuthRequest) -> str:
        """The call an Access-Request is about: its h323-conf-id (else its call-id), as the reservation's key."""
        key = request.conf_id or request.call_id
        if not key:
            raise _Reject(ReturnCode.INVALID_ARGUMENT)
        return key[:128]

    def _extend(self, snapshot: _Snapshot, request: AuthRequest, held_s: int, now: dt.datetime) -> AuthDecision:
        """The next slice of a call in progress (aaa/slices.py): its hold grows by what the longer call costs, by
        the same conditional UPDATE as a first hold, or the request is refused and the NAS ends the call when the
        time it holds runs out."""
        key = self._auth_key(request)
        if held_s < 0:
            raise _Reject(ReturnCode.INVALID_ARGUMENT)
        with self._sql.connect() as conn:
            for _attempt in range(RESERVE_ATTEMPTS):
                conn.autocommit = True
                row = conn.execute(_EXTEND_READ, {"key": key}).one_or_none()
                self._end_read(conn)
                if row is None or row.held_granted is None:  # nothing held here (or held before grants were kept)
                    raise _Reject(ReturnCode.INVALID_ARGUMENT)
                account = _account_row(row)
                if row.held_granted > held_s:  # extended already: a retransmission or a retry
                    return self._accept(account, row.held_granted, account.available + row.held_amount, None)
                if account.status is not Status.ACTIVE:
                    raise _Reject(ReturnCode.DENIED)
                if account.expires_at is not None and account.expires_at <= now:
                    raise _Reject(ReturnCode.EXPIRED)
                at = row.live_answered_at or now
                number = self.normalise(request.called_station_id) or row.live_destination or ""
                did = self.normalise(cisco.find_avpair(avpairs_of(request), "did")) or row.live_did
                sell = self._sell(snapshot, account, number, at, did)
                if sell is None:
                    raise _Reject(ReturnCode.BLOCKED_NUMBER)
                context = dataclasses.replace(sell.context, free_seconds=row.claimed or 0)
                spendable = account.available + row.held_amount
                total = max_duration(spendable, sell.rate, at, context, self.max_call_seconds)
                granted = slices.next_grant(total, row.held_granted, self.credit_slice_s)
                if granted is None:
                    raise _Reject(_no_money(account))
                amount = call_gross(sell.rate, at, granted, context)
                with self._writes:
                    conn.autocommit = False
                    if reservations.extend(conn, account.id, key, granted_from=row.held_granted, granted_to=granted,
                                           delta=amount - row.held_amount):
                        conn.execute(_LIVE_GRANT, {"key": key, "granted": granted})
                        conn.commit()
                        return self._accept(account, granted, spendable - amount, None)
                    conn.rollback()  # another extension, the Stop, or another call took the money: read again
        raise _Reject(ReturnCode.INSUFFICIENT_BALANCE)

    def _free_seconds(self, conn: DirectConnection, snapshot: _Snapshot, account: _AccountRow, number: str,
                      now: dt.datetime) -> _FreeSeconds | None:
        """The package seconds a call to `number` may draw on now: the first of the account's packages (in the
        order assigned) that covers the number and still has seconds in its current period. Accounts without
        packages cost no statement."""
        held = snapshot.account_packages.get(account.id)
        if not held:
            return None
        zone = _zone(account.time_zone)
        covering = [(package_id, period_start(package.period, now, zone)) for package_id in held
                    if (package := snapshot.packages.get(package_id)) is not None and package.covers(number)]
        if not covering:
            return None
        rows = conn.execute(_PACKAGE_ROWS, {"account_id": account.id,
                                            "since": min(start for _, start in covering)}).rows
        self._end_read(conn)  # the hold must still be its transaction's first statement (module docstring)
        used = {(row.package_id, row.period_start): row for row in rows}
        for package_id, start in covering:
            entry = used.get((package_id, start))  # no row for this period: the package is not held now
            free = snapshot.packages[package_id].free_seconds
            if entry is not None and entry.used_seconds < free:
                return _FreeSeconds(entry.id, free, free - entry.used_seconds)
        return None

    def _reserve(self, conn: DirectConnection, account: _AccountRow, key: str, amount: Decimal,
                 now: dt.datetime, *, free: _FreeSeconds | None = None, granted: int | None = None
                 ) -> ReturnCode | None:
        """OK when held, a reject code, or None when the money or the free seconds are gone (read again)."""
        if amount <= 0 and free is None:  # a free call (grace) holds nothing
            return ReturnCode.OK
        with self._writes:
            # PostgreSQL: `hold` is one statement, committing itself unless more must share its transaction
            conn.autocommit = account.max_concurrent_calls <= 0 and free is None
            if amount > 0 and reservations.hold(conn, account.id, key, amount, now=now, granted_s=granted) is None:
                conn.rollback()
                return None
            if free is not None and not self._claim(conn, key, free, now):
                conn.rollback()
                return None
            if account.max_concurrent_calls > 0:  # counted after our row lock: exact on every backend
                open_calls = conn.execute(_OPEN_CALLS, {"account_id": account.id}).scalar() or 0
                if open_calls > account.max_concurrent_calls:
                    conn.rollback()
                    return ReturnCode.IN_USE
            conn.commit()
        return ReturnCode.OK

    @staticmethod
    def _claim(conn: DirectConnection, key: str, free: _FreeSeconds, now: dt.datetime) -> bool:
        """Take the call's free seconds (after the money's hold: on SQLite that is the first write). False when
        another call took them first, or this call has its claim already."""
        if free.seconds <= 0:
            return True
        taken = conn.execute(_CLAIM_SECONDS, {"entry": free.entry_id, "seconds": free.seconds,
                                              "free": free.package_seconds}).rowcount
        if taken != 1:
            return False
        return conn.execute(_insert_once(PackageClaim, conn.dialect.name), {
            "call_id": key, "account_package_id": free.entry_id, "seconds": free.seconds,
            "claimed_at": now}).rowcount == 1

    @staticmethod
    def _accept(account: _AccountRow, credit_time: int, available: Decimal, redirect: str | None,  # noqa: PLR0917
                sell: _Rated | None = None, now: dt.datetime | None = None) -> AuthDecision:
        """The Access-Accept; AV-pairs tell our switch the account, and the rate (of the band the call starts in)
        and destination name it shows on its live calls (a slice's extension repeats neither)."""
        pairs: tuple[tuple[str, object], ...] = (("account-id", account.id),)
        if sell is not None and now is not None:
            pairs += (("rate", price_at(sell.rate, now, sell.context)), ("destination", sell.rate.destination[:200]))
        return AuthDecision(
            ReturnCode.OK, credit_time=credit_time, credit_amount=available,
            billing_model=BillingModel.CREDIT if account.kind is AccountKind.POSTPAID else BillingModel.DEBIT,
            currency=account.currency, preferred_lang=account.language, redirect_number=redirect,
            extra=tuple(("Cisco-AVPair", cisco.build_avpair(key, value)) for key, value in pairs if value != ""))

    # -- accounting -----------------------------------------------------------------------------------------

    def account(self, record: AcctRecord) -> None:
        """Store the record; a transaction the database rolled back on a deadlock is run again (each is idempotent),
        so a Stop is not left unanswered for that."""
        retrying(lambda: self._account(record), what=f"RADIUS {record.status.name} {record.session_id}")

    def _account(self, record: AcctRecord) -> None:
        if record.status is AcctStatus.START:
            self._start(record)
        elif record.status is AcctStatus.INTERIM_UPDATE:
            self._interim(record)
        elif record.status is AcctStatus.STOP:
            self._stop(record)
        # Accounting-On/Off and the rest: nothing to store (open calls are closed by recovery at start)

    def _session_key(self, record: AcctRecord) -> str:
        """The call's key, as authorisation chose it (conf-id, else call-id): a Cisco gateway's Acct-Session-Id is
        its own counter, so it comes last."""
        key = record.conf_id or record.call_id or record.session_id
        if not key:
            raise ValueError("Accounting-Request without a session id")
        return key[:128]

    def _fallback_account(self, snapshot: _Snapshot, record: AcctRecord) -> int | None:
        """The account of a call that has neither a reservation nor a live row: a trusted account-id, else its ANI."""
        trusted = _avpair_int(avpairs_of(record), "account-id")
        if trusted is not None and record.source_address in self.trusted_nas:
            return trusted
        for candidate in (record.calling_station_id, record.user_name):
            entry = snapshot.anis.get(self.normalise(candidate))
            if entry is not None:
                return entry[0]
        return None

    def _end_read(self, conn: DirectConnection) -> None:
        """Between the reads that decide and the writes: on a READ COMMITTED database (PostgreSQL's default) each
        statement sees what is committed when it runs, so the writes go on in the same transaction; elsewhere
        they get a transaction of their own that writes first (see the module docstring)."""
        if not self._read_committed:
            conn.rollback()

    def _read_call(self, conn: DirectConnection, snapshot: _Snapshot, record: AcctRecord, key: str) -> Any:
        return conn.execute(_CALL_READ, {"key": key, "fallback": self._fallback_account(snapshot, record)}).one()

    @staticmethod
    def _carrier(conn: DirectConnection, snapshot: _Snapshot, carrier_id: int | None) -> int | None:
        """The carrier id if such a carrier exists (the snapshot knows those with a buy tariff)."""
        if carrier_id is None or carrier_id in snapshot.buy_tariffs:
            return carrier_id
        return carrier_id if conn.execute(_CARRIER, {"carrier_id": carrier_id}).first() is not None else None

    def _gateway(self, conn: DirectConnection, record: AcctRecord) -> int | None:
        """The `gateway-id=` our switch sends (a carrier gateway's row), if it still exists; others' are not ours."""
        gateway_id = _avpair_int(avpairs_of(record), "gateway-id")
        if gateway_id is None or record.source_address not in self.trusted_nas:
            return None
        return gateway_id if conn.execute(_GATEWAY, {"gateway_id": gateway_id}).first() is not None else None

    def _start(self, record: AcctRecord) -> None:
        snapshot = self._current()
        now = self.clock()
        key = self._session_key(record)
        with self._sql.connect() as conn:
            row = self._read_call(conn, snapshot, record, key)
            if row.live_id is not None or row.billed:
                return  # a repeated Start, or the Stop overtook the Start
            account = _account_row(row) if row.id is not None else None
            pairs = avpairs_of(record)
            number = self.normalise(record.called_station_id)
            did = self.normalise(cisco.find_avpair(pairs, "did")) or None
            answered = record.connect_time or now
            sell = self._sell(snapshot, account, number, answered, did) if account is not None else None
            carrier_id = self._carrier(conn, snapshot, _avpair_int(pairs, "carrier-id"))
            gateway_id = self._gateway(conn, record)
            self._end_read(conn)
            buy = self._buy(snapshot, carrier_id, number, answered)
            values = {
                "call_id": key, "conf_id": (record.conf_id or "")[:64] or None,
                "account_id": account.id if account is not None else None, "carrier_id": carrier_id,
                "gateway_id": gateway_id,
                "caller": self.normalise(record.calling_station_id) or (record.user_name or "")[:64],
                "destination": number or (record.called_station_id or "")[:64], "did": did, "state": "answered",
                "destination_name": (sell.rate.destination or None) if sell else None,
                "sell_rate": price_at(sell.rate, answered, sell.context) if sell else None,
                "buy_rate": price_at(buy.rate, answered, buy.context) if buy else None,
                "started_at": record.setup_time or answered, "answered_at": answered, "last_seen_at": now,
                "max_duration_s": _avpair_int(pairs, "credit-time"),  # sent by our switch: the talk time it allows
                "codec": (cisco.find_avpair(pairs, "codec") or "")[:16] or None,
            }
            with self._writes:
                conn.execute(_insert_once(LiveCall, conn.dialect.name), values)
                conn.commit()

    def _interim(self, record: AcctRecord) -> None:
        key = self._session_key(record)
        seen = self.clock()
        if record.connect_time is not None and record.session_time is not None:
            seen = record.connect_time + dt.timedelta(seconds=record.session_time)
        for attempt in range(2):
            with self._sql.connect() as conn, self._writes:
                changed = conn.execute(_SEEN, {"key": key, "seen": seen}).rowcount
                conn.commit()
            if changed or attempt:
                return
            self._start(record)  # the Start was lost: open the call now

    def _stop(self, record: AcctRecord) -> None:
        snapshot = self._current()
        now = self.clock()
        key = self._session_key(record)
        with self._sql.connect() as conn:
            row = self._read_call(conn, snapshot, record, key)  # what the call was
            if row.billed:
                return
            account = _account_row(row) if row.id is not None else None
            live = row.live_id is not None
            pairs = avpairs_of(record)
            carrier_id = _avpair_int(pairs, "carrier-id")
            carrier_id = self._carrier(conn, snapshot, carrier_id if carrier_id is not None else row.live_carrier_id)
            gateway_id = self._gateway(conn, record) or (row.live_gateway_id if live else None)
            self._end_read(conn)
            duration = record.session_time
            if duration is None and record.connect_time and record.disconnect_time:
                duration = max(0, int((record.disconnect_time - record.connect_time).total_seconds()))
            duration = duration or 0
            answered_at = record.connect_time or row.live_answered_at
            answered = duration > 0 or record.connect_time is not None
            ended = record.disconnect_time or now
            if answered and answered_at is None:
                answered_at = ended - dt.timedelta(seconds=duration)
            number = self.normalise(record.called_station_id) or (row.live_destination if live else "")
            did = self.normalise(cisco.find_avpair(pairs, "did")) or row.live_did
            started = record.setup_time or row.live_started_at or answered_at or ended
            call = _CallFacts(
                key=key, account=account, carrier_id=carrier_id, number=number, did=did,
                caller=(self.normalise(record.calling_station_id) or self.normalise(record.user_name)
                        or (row.live_caller if live else "")),
                started_at=started, answered_at=answered_at if answered else None, ended_at=ended,
                duration=duration, cause=record.disconnect_cause,
                result="answered" if answered else result_for_cause(record.disconnect_cause),
                claimed=row.claimed or 0, claim_entry=row.claim_entry, gateway_id=gateway_id, **_ending(pairs, record))
            self._close_call(conn, snapshot, call, has_reservation=row.reservation_id is not None, now=now)

    def _rate(self, snapshot: _Snapshot, call: _CallFacts
              ) -> tuple[_Rated | None, _Rated | None, Charge | None, Charge | None]:
        """Sell and buy rate of a call and what each side charges for its real duration."""
        at = call.answered_at or call.started_at
        sell = self._sell(snapshot, call.account, call.number, at, call.did) if call.account is not None else None
        if sell is not None and call.claimed:
            sell = _Rated(sell.rate, dataclasses.replace(sell.context, free_seconds=call.claimed))
        buy = self._buy(snapshot, call.carrier_id, call.number, at)
        seconds = call.duration if call.answered_at is not None else 0
        price = rate_call(sell.rate, at, seconds, sell.context) if sell else None
        cost = rate_call(buy.rate, at, seconds, buy.context) if buy else None
        return sell, buy, price, cost

    def recovered_call(self, session: Session, live: LiveCall, restarted_at: dt.datetime) -> tuple[Decimal, Cdr]:
        """A live call a crash left open, closed (result "recovered"): the sell-side gross and the CDR, rated as
        a Stop would have been; its package claim is released in `session` as a Stop releases it.

        A call of our switch (its dialogs kept, sip/dialog_state.py) was up until the restart sends BYE on both
        legs — the media never went through the switch, and the carrier bills its leg until that BYE — so it is
        billed to `restarted_at`, but never beyond the talk time it held (`max_duration_s`: the switch would have
        cut it there). Another gateway's call is billed to the last moment it was reported (`last_seen_at`, moved
        by Interim-Updates)."""
        account = _load_account(session, live.account_id) if live.account_id is not None else None
        claim = session.execute(select(PackageClaim.seconds, PackageClaim.account_package_id)
                                .where(PackageClaim.call_id == live.call_id)).one_or_none()
        answered = live.answered_at
        end = live.last_seen_at
        if answered is not None and live.sip_dialogs:
            end = restarted_at
            if live.max_duration_s is not None:
                end = min(end, answered + dt.timedelta(seconds=live.max_duration_s))
        end = end if answered is None else max(end, answered)
        duration = int((end - answered).total_seconds()) if answered is not None else 0
        reason = ("Left up by a crash: ended at the restart (BYE on both legs)" if live.sip_dialogs else
                  "Left open by a crash: billed to its last report")
        call = _CallFacts(key=live.call_id, account=account, carrier_id=live.carrier_id, number=live.destination,
                          did=live.did, caller=live.caller, started_at=live.started_at, answered_at=answered,
                          ended_at=end, duration=duration, cause=None, result="recovered", hangup_by="switch",
                          claimed=claim.seconds if claim else 0,
                          claim_entry=claim.account_package_id if claim else None, gateway_id=live.gateway_id,
                          reason=reason)
        sell, buy, price, cost = self._rate(self._current(), call)
        if claim is not None:
            release_claim(session.connection(), call, price.free_seconds if price else 0)
        return (price.gross if price else ZERO), Cdr(**_cdr_values(call, sell, buy, price=price, cost=cost))

    def _close_call(self, conn: DirectConnection, snapshot: _Snapshot, call: _CallFacts, *, has_reservation: bool,
                    now: dt.datetime) -> None:
        """Rate both sides, settle (or debit), write the one call CDR, drop the live row; nothing if billed before."""
        account = call.account
        sell, buy, price, cost = self._rate(snapshot, call)
        gross = price.gross if price else ZERO
        with self._writes:
            if has_reservation:  # write first: flipping the reservation orders duplicate Stops
                status = ReservationStatus.SETTLED if call.answered_at is not None else ReservationStatus.RELEASED
                claimed, _debited = reservations.close(conn, call.key, status, gross if call.answered_at else ZERO, now)
                if not claimed and self._billed(conn, call.key):
                    conn.rollback()
                    return
            else:
                if account is not None:  # write first: the account row lock orders duplicate Stops
                    ledger.lock(conn, account.id)
                if self._billed(conn, call.key):
                    conn.rollback()
                    return
                if account is not None and gross > 0:
                    ledger.debit_call(conn, account.id, gross)
            if call.claim_entry is not None:
                release_claim(conn, call, price.free_seconds if price else 0)
            conn.execute(_INSERT_CDR, _cdr_values(call, sell, buy, price=price, cost=cost))
            conn.execute(_DROP_LIVE, {"key": call.key})
            conn.commit()

    @staticmethod
    def _billed(conn: DirectConnection, key: str) -> bool:
        return bool(conn.execute(_BILLED, {"key": key}).scalar())


def _watch(policy_ref: weakref.ref[BillingPolicy]) -> None:
    """The watcher thread of one policy: every REFRESH_INTERVAL_S, rebuild its snapshot if the data changed. Ends
    when the policy is gone (its process, or a test, dropped it)."""
    while True:
        time.sleep(REFRESH_INTERVAL_S)
        policy = policy_ref()
        if policy is None:
            return
        try:
            policy.refresh_if_changed()
        except Exception:  # the database is away: the last snapshot serves, and the next check tries again
            log.exception("could not check the RADIUS snapshot for changes")
        del policy


@dataclass(frozen=True, slots=True)
class _CallFacts:
    key: str
    account: _AccountRow | None
    carrier_id: int | None
    number: str
    did: str | None
    caller: str
    started_at: dt.datetime
    answered_at: dt.datetime | None
    ended_at: dt.datetime
    duration: int
    cause: int | None
    result: str
    hangup_by: str | None = None
    claimed: int = 0  # package seconds the call claimed at authorisation
    claim_entry: int | None = None  # the account_packages row they came from
    gateway_id: int | None = None
    sip_code: int | None = None  # the final answer the caller got (our switch says it)
    reason: str | None = None


def _ending(pairs: Sequence[str], record: AcctRecord) -> dict[str, Any]:
    """How a call ended, from a Stop: our switch says who hung up, the SIP answer and why (`hangup-by=`,
    `sip-code=`, `disconnect-text=`); another gateway's Stop gets "unknown" and the text of its Q.850 cause."""
    hangup = cisco.find_avpair(pairs, "hangup-by")
    text = (cisco.find_avpair(pairs, "disconnect-text") or "").strip()
    return {"hangup_by": hangup if hangup in HANGUP_BY else "unknown", "sip_code": _avpair_int(pairs, "sip-code"),
            "reason": text[:120] or q850_text(record.disconnect_cause)}


def release_claim(conn: Any, call: _CallFacts, used: int) -> None:
    """Delete the call's package claim and give back the seconds it did not use; nothing if a duplicate Stop
    released it already (the DELETE decides). `conn`: a DirectConnection or a Session."""
    if conn.execute(_DROP_CLAIM, {"key": call.key}).rowcount == 1 and call.claimed > used:
        conn.execute(_GIVE_BACK_SECONDS, {"entry": call.claim_entry, "seconds": call.claimed - used})


@functools.cache
def _insert_once(model: type[LiveCall] | type[PackageClaim], dialect: str) -> Insert:
    """INSERT of a call's live row or package claim doing nothing when the call has it (a Start processed twice at
    once, a retried Access-Request at the same time); built once per table and dialect."""
    return reservations.insert_once(model, dialect).inline()


def _cdr_values(call: _CallFacts, sell: _Rated | None, buy: _Rated | None, *, price: Charge | None,
                cost: Charge | None) -> dict[str, Any]:
    account = call.account
    at = call.answered_at or call.started_at
    sell_net = price.net if price else ZERO
    buy_net = cost.net if cost else ZERO
    return {
        "kind": CdrKind.CALL, "call_id": call.key, "attempt": 0, "account_id": account.id if account else None,
        "reseller_id": account.reseller_id if account else None, "carrier_id": call.carrier_id,
        "gateway_id": call.gateway_id, "caller": call.caller[:64], "destination": call.number[:64], "did": call.did,
        "prefix": sell.rate.prefix if sell else (buy.rate.prefix if buy else None),
        "destination_name": (sell.rate.destination if sell else (buy.rate.destination if buy else None)) or None,
        "started_at": call.started_at, "answered_at": call.answered_at, "ended_at": call.ended_at,
        "duration_s": call.duration if call.answered_at is not None else 0,
        "billed_s": price.billed_seconds if price else 0, "free_s": price.free_seconds if price else 0,
        "sell_rate": price_at(sell.rate, at, sell.context) if sell else None,  # the band's, as billed
        "buy_rate": price_at(buy.rate, at, buy.context) if buy else None,
        "price": price.gross if price else ZERO, "cost": cost.gross if cost else ZERO, "margin": sell_net - buy_net,
        "currency": account.currency if account else "USD", "result": call.result, "q850_cause": call.cause,
        "disconnect_cause": f"{call.cause:X}" if call.cause is not None else None, "hangup_by": call.hangup_by,
        "sip_code": call.sip_code, "reason": call.reason,
    }
