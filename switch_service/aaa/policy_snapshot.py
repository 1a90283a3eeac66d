"""The billing policy's in-memory snapshot of everything that changes rarely: who is who (`store.callers`, the
snapshot the switch shares), dial-plan blocks, per-tariff `PrefixIndex` of billing rates, band schedules, tax
profiles, carriers' buy decks, packages, the reseller tree with its commission rules. Built in one
pass (`build_snapshot`); `SnapshotKeeper` swaps in a new one when the change fingerprint moves (a tariff whose version
did not change keeps its index), and requests keep the last complete one meanwhile. It answers the rating
questions that need no money: a number's sell and buy rate with the context to rate it in, and dial-plan blocks."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.aaa.policy_rows import AccountRow
from switch_service.billing import rates as billing_rates
from switch_service.billing.packages import Package as BillingPackage
from switch_service.billing.periods import Period as BillingPeriod
from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rating import RatingContext
from switch_service.billing.taxes import Tax as BillingTax
from switch_service.billing.taxes import TaxProfile as BillingTaxProfile
from switch_service.billing.time_bands import BandSchedule as BillingBands
from switch_service.store import callers as who
from switch_service.store.change_signal import versions_sum
from switch_service.store.models import (
    AccountPackage,
    BandSchedule,
    Carrier,
    CommissionRule,
    DialPlanRoute,
    Package,
    Reseller,
    Tariff,
    Tax,
    TaxProfile,
)
from switch_service.store.repositories.rates import load_rates
from switch_service.store.repositories.resellers import ResellerNode, load_tree
from switch_service.store.repositories.routing import to_billing_rate

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=256)
def zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r, rating in UTC", name)
        return dt.UTC


@dataclass(frozen=True, slots=True)
class Deck:
    version: tuple[Any, ...]
    index: PrefixIndex[billing_rates.Rate]
    band_schedule_id: int | None
    currency: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    fingerprint: tuple[Any, ...] = ()
    callers: who.Callers = field(default_factory=who.Callers)
    decks: Mapping[int, Deck] = field(default_factory=dict)
    bands: Mapping[int, BillingBands] = field(default_factory=dict)
    taxes: Mapping[int, BillingTaxProfile] = field(default_factory=dict)
    buy_tariffs: Mapping[int, int] = field(default_factory=dict)
    blocked: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # dial plan -> longest-first routes
    blocked_flags: Mapping[int, Mapping[str, bool]] = field(default_factory=dict)
    packages: Mapping[int, BillingPackage] = field(default_factory=dict)
    account_packages: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # account -> packages, in order
    resellers: Mapping[int, ResellerNode] = field(default_factory=dict)  # the tree and its commission rules


# The tables the snapshot holds besides the callers': their versions in the change signal tell every committed edit.
SNAPSHOT_TABLES = frozenset({"tariffs", "rates", "band_schedules", "taxes", "tax_profiles", "carriers",
                             "dial_plan_routes", "packages", "account_packages", "resellers", "commission_rules"})


def fingerprint(session: Session) -> tuple[Any, ...]:
    """One round trip: the change signal's versions, and counts, max ids and max updated_at of everything the
    snapshot holds (for writes made outside an ORM session)."""
    def stats(*columns: Any) -> Any:
        return select(*columns).scalar_subquery()

    row = session.execute(select(
        *who.signature_columns(), versions_sum(SNAPSHOT_TABLES),
        stats(func.count(Tariff.id)), stats(func.coalesce(func.sum(Tariff.version), 0)),
        stats(func.max(Tariff.updated_at)),
        stats(func.count(BandSchedule.id)), stats(func.max(BandSchedule.id)), stats(func.count(Tax.id)),
        stats(func.max(Tax.id)), stats(func.count(Carrier.id)), stats(func.max(Carrier.updated_at)),
        stats(func.count(DialPlanRoute.id)), stats(func.max(DialPlanRoute.id)),
        stats(func.count(Package.id)), stats(func.max(Package.updated_at)), stats(func.count(AccountPackage.id)),
        stats(func.max(AccountPackage.id)), stats(func.count(Reseller.id)), stats(func.count(CommissionRule.id)),
        stats(func.max(CommissionRule.id)),
    )).one()
    return tuple(row)


def band_schedule(row: BandSchedule) -> BillingBands:
    def days(text: str) -> frozenset[int]:
        return frozenset(int(part) for part in text.split(",") if part.strip())

    holidays = frozenset(dt.date.fromisoformat(part.strip()) for part in (row.holidays or "").split(",")
                         if part.strip())
    return BillingBands.peak_hours(days(row.peak_days), row.peak_start, row.peak_end, days(row.weekend_days),
                                   holidays)


def build_snapshot(session: Session, fingerprint: tuple[Any, ...], previous: Snapshot) -> Snapshot:
    callers = who.load_callers(session)
    bands = {row.id: band_schedule(row) for row in session.scalars(select(BandSchedule))}
    profiles: dict[int, list[BillingTax]] = {}
    names: dict[int, str] = {pid: name for pid, name in session.execute(select(TaxProfile.id, TaxProfile.name))}
    for tax in session.scalars(select(Tax).order_by(Tax.profile_id, Tax.position, Tax.id)):
        profiles.setdefault(tax.profile_id, []).append(BillingTax(tax.name, tax.percent, tax.inclusive))
    taxes = {pid: BillingTaxProfile(names.get(pid, str(pid)), tuple(items)) for pid, items in profiles.items()}
    decks: dict[int, Deck] = {}
    for tariff in session.scalars(select(Tariff)):
        version = (tariff.version, tariff.updated_at)
        old = previous.decks.get(tariff.id)
        if old is not None and old.version == version:
            decks[tariff.id] = Deck(version, old.index, tariff.band_schedule_id, tariff.currency)
            continue
        index = PrefixIndex((row.prefix, to_billing_rate(row)) for row in load_rates(session, tariff.id))
        decks[tariff.id] = Deck(version, index, tariff.band_schedule_id, tariff.currency)
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
    return Snapshot(fingerprint, callers, decks, bands, taxes, buy, blocked_plans,
                     {plan: routes[plan] for plan in blocked_plans}, packages,
                     {account: tuple(ids) for account, ids in held.items()}, load_tree(session))


@dataclass(frozen=True, slots=True)
class Rated:
    """A sell (or buy) rate found for a call, with the context to rate it in."""

    rate: billing_rates.Rate
    context: RatingContext


def rating_context(snapshot: Snapshot, account: AccountRow, deck: Deck | None, did: str | None) -> RatingContext:
    entry = snapshot.callers.dids.get(did) if did else None
    surcharge = entry.surcharge if entry is not None else None
    bands = snapshot.bands.get(deck.band_schedule_id) if deck and deck.band_schedule_id is not None else None
    taxes = snapshot.taxes.get(account.tax_profile_id) if account.tax_profile_id is not None else None
    return RatingContext(tz=zone(account.time_zone), bands=bands, taxes=taxes,
                         surcharges=(surcharge,) if surcharge else ())


def sell_rate(snapshot: Snapshot, account: AccountRow, number: str, at: dt.datetime, did: str | None) -> Rated | None:
    deck = snapshot.decks.get(account.tariff_id) if account.tariff_id is not None else None
    rate = deck.index.lookup(number, at) if deck is not None and number else None
    if rate is None:
        return None
    return Rated(rate, rating_context(snapshot, account, deck, did))


def buy_rate(snapshot: Snapshot, carrier_id: int | None, number: str, at: dt.datetime) -> Rated | None:
    tariff_id = snapshot.buy_tariffs.get(carrier_id) if carrier_id is not None else None
    deck = snapshot.decks.get(tariff_id) if tariff_id is not None else None
    rate = deck.index.lookup(number, at) if deck is not None and number else None
    if deck is None or rate is None:
        return None
    bands = snapshot.bands.get(deck.band_schedule_id) if deck.band_schedule_id is not None else None
    return Rated(rate, RatingContext(bands=bands))


def blocked(snapshot: Snapshot, dial_plan_id: int | None, number: str) -> bool:
    routes = snapshot.blocked.get(dial_plan_id) if dial_plan_id is not None else None
    if not routes:
        return False
    flags = snapshot.blocked_flags[dial_plan_id]  # type: ignore[index]
    for prefix in routes:  # longest first: the longest matching route decides
        if number.startswith(prefix):
            return flags[prefix]
    return False


class SnapshotKeeper:
    """The last complete snapshot, and its rebuilds (at once, or when the fingerprint moved)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._snapshot = Snapshot()
        self._refresh_lock = threading.Lock()

    def current(self) -> Snapshot:
        """The last complete snapshot (the watcher thread swaps in a new one when the data change)."""
        return self._snapshot

    def reload(self) -> None:
        """Rebuild the in-memory indexes from the database now."""
        with self._refresh_lock:
            self._rebuild()

    def _rebuild(self) -> None:
        with Session(self.engine) as session:
            stamp = fingerprint(session)
            self._snapshot = build_snapshot(session, stamp, self._snapshot)

    def refresh_if_changed(self) -> bool:
        """Rebuild the snapshot if the data changed since it was built (the watcher's check); True if it did."""
        with Session(self.engine) as session:
            stamp = fingerprint(session)
        if stamp == self._snapshot.fingerprint:
            return False
        with self._refresh_lock:
            self._rebuild()
        return True
