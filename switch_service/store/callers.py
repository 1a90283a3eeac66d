"""Who is who: the one in-memory snapshot of DIDs, caller numbers (ANIs) and customer trunks by which both the switch
(call_control/) and every RADIUS process (aaa/) recognise a caller.

One loader, one set of keys (`phone_numbers.stored_number`), one rule for trunks (an IP trunk by its source address,
a digest trunk by its user name) and one change signal: the two processes cannot disagree on who is calling. The
owners embed `signature_columns` in their own one-round-trip fingerprints and rebuild a `Callers` when it moves; a
caller number registered since the snapshot was built is read with `find_ani`, so it is never refused for being new.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import String, bindparam, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from switch_service.billing.surcharges import Surcharge
from switch_service.phone_numbers import stored_number
from switch_service.store.change_signal import versions_sum
from switch_service.store.models import Account, Ani, CustomerTrunk, Did
from switch_service.store.models.dids import split_language_menu
from switch_service.store.models.enums import DidKind, TrunkAuth


@dataclass(frozen=True, slots=True)
class DidEntry:
    number: str
    kind: DidKind
    account_id: int | None
    forward_to: str | None
    trunk_id: int | None
    dial_plan_id: int | None
    surcharge: Surcharge | None  # what a call through this DID adds to its price
    country: str | None = None  # its callers' national forms are read as of it; None: default_region
    minute_shrink_percent: int = 0  # an access number's IVR announces this share fewer minutes (aaa/authorise.py)
    language_menu: tuple[str, ...] = ()  # an access number's IVR offers these languages first (digit 1, 2, ...)


@dataclass(frozen=True, slots=True)
class AniEntry:
    number: str
    account_id: int
    destination: str | None  # the number a PIN-less caller is connected to without dialling one


@dataclass(frozen=True, slots=True)
class TrunkEntry:
    id: int
    account_id: int
    name: str
    auth: TrunkAuth
    source_ip: str | None
    username: str | None
    password_ha1: str | None  # lower-case hex
    max_channels: int
    cps_limit: int
    country: str | None = None  # the national forms it sends are read as of it; None: default_region


@dataclass(frozen=True)
class Callers:
    """One consistent snapshot of who is who; never mutated, swapped whole."""

    dids: Mapping[str, DidEntry] = field(default_factory=dict)
    anis: Mapping[str, AniEntry] = field(default_factory=dict)
    trunks: Mapping[int, TrunkEntry] = field(default_factory=dict)
    trunks_by_ip: Mapping[str, TrunkEntry] = field(default_factory=dict)
    trunks_by_user: Mapping[str, TrunkEntry] = field(default_factory=dict)

    def did_country(self, did: str | None) -> str | None:
        """The country of the DID a call came in on (its callers' national forms are read as of it), if set."""
        entry = self.dids.get(did) if did else None
        return entry.country if entry is not None else None


# The tables a `Callers` holds: their versions in the change signal tell every committed edit.
CALLER_TABLES = frozenset({"anis", "dids", "customer_trunks"})


def latest(column: Any) -> Any:
    """A fingerprint's scalar subquery: the column's largest value (a latest id or update time)."""
    return select(func.max(column)).scalar_subquery()


def row_count(model: Any) -> Any:
    """A fingerprint's scalar subquery: the table's row count."""
    return select(func.count()).select_from(model).scalar_subquery()


def signature_columns() -> tuple[Any, ...]:
    """Scalar subqueries that change when who-is-who changes, for an owner's fingerprint: the change signal's
    versions, and counts, latest ids and update times (they catch writes made outside an ORM session)."""
    return (versions_sum(CALLER_TABLES), row_count(Did), latest(Did.updated_at), row_count(Ani), latest(Ani.id),
            row_count(CustomerTrunk), latest(CustomerTrunk.updated_at))


class Reader(Protocol):
    """A Session or a Connection: what `load_callers` and `find_ani` read through."""

    def execute(self, statement: Executable, parameters: Mapping[str, Any] | None = None, /) -> Any: ...


_DIDS = select(Did.number, Did.kind, Did.account_id, Did.forward_to, Did.trunk_id, Did.dial_plan_id,
               Did.surcharge_per_call, Did.surcharge_per_minute, Did.country, Did.minute_shrink_percent,
               Did.language_menu_codes).where(Did.active.is_(True))
_ANIS = select(Ani.number, Ani.account_id, Ani.destination)
_ANI_READ = select(Ani.account_id, Ani.destination).where(Ani.number == bindparam("number", type_=String(32)))
_TRUNKS = select(CustomerTrunk.id, CustomerTrunk.account_id, CustomerTrunk.name, CustomerTrunk.auth,
                 CustomerTrunk.source_ip, CustomerTrunk.username, CustomerTrunk.password_ha1,
                 CustomerTrunk.max_channels, CustomerTrunk.cps_limit, CustomerTrunk.country
                 ).where(CustomerTrunk.active.is_(True))


def _ani_entry(number: str, account_id: int, destination: str | None) -> AniEntry:
    return AniEntry(number, int(account_id), stored_number(destination) or None)


def find_ani(db: Reader, number: str) -> AniEntry | None:
    """A caller number (a key) as the snapshot would hold it, read from the database (registered since the snapshot
    was built)."""
    if not number:
        return None
    row = db.execute(_ANI_READ, {"number": number}).one_or_none()
    return _ani_entry(number, row.account_id, row.destination) if row is not None else None


def _did_entry(row: Any) -> DidEntry:
    number = stored_number(row.number)  # rows hold keys: never read again as dialled (phone_numbers)
    surcharge = (Surcharge(f"DID {row.number}", row.surcharge_per_call, row.surcharge_per_minute)
                 if row.surcharge_per_call or row.surcharge_per_minute else None)
    return DidEntry(number, DidKind(row.kind), row.account_id, stored_number(row.forward_to) or None, row.trunk_id,
                    row.dial_plan_id, surcharge, row.country, row.minute_shrink_percent or 0,
                    tuple(split_language_menu(row.language_menu_codes)))


def _trunk_entry(row: Any) -> TrunkEntry:
    ha1 = row.password_ha1.lower() if row.password_ha1 else None
    return TrunkEntry(row.id, row.account_id, row.name, TrunkAuth(row.auth), (row.source_ip or "").strip() or None,
                      row.username or None, ha1, row.max_channels, row.cps_limit, row.country)


def load_callers(db: Reader) -> Callers:
    """Who is who now: active DIDs, every ANI and active customer trunks, keyed as callers present themselves."""
    dids = {entry.number: entry for entry in map(_did_entry, db.execute(_DIDS))}
    anis = {}
    for number, account_id, destination in db.execute(_ANIS):
        key = stored_number(number)
        anis[key] = _ani_entry(key, account_id, destination)
    trunks = {entry.id: entry for entry in map(_trunk_entry, db.execute(_TRUNKS))}
    return Callers(
        dids=dids, anis=anis, trunks=trunks,
        trunks_by_ip={t.source_ip: t for t in trunks.values() if t.auth is TrunkAuth.IP and t.source_ip},
        trunks_by_user={t.username: t for t in trunks.values() if t.auth is TrunkAuth.DIGEST and t.username},
    )


class AniRefused(Exception):  # noqa: N818 - a refusal the doors word their own way
    """Why a caller number cannot be registered to an account: `taken` (registered already: to this account or
    another), `full` (the account has its `max_anis`) or `not_by_phone` (see `register_ani`)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _registrable(session: Session, account: Account, number: str, *, by_phone: bool) -> None:
    if by_phone and account.max_anis <= 0:
        raise AniRefused("not_by_phone", f"account {account.number} sets no max_anis: its callers register no "
                                         "numbers by phone")
    if session.scalar(select(Ani.id).where(Ani.number == number)) is not None:
        raise AniRefused("taken", f"ANI {number} is already registered to an account")
    registered = session.scalar(select(func.count()).select_from(Ani).where(Ani.account_id == account.id)) or 0
    if account.max_anis and registered >= account.max_anis:
        raise AniRefused("full", f"max_anis: account {account.number} has its maximum of {account.max_anis} caller "
                                 "number(s); remove one, or raise the account's max_anis")


def may_register_ani(session: Session, account_id: int, number: str) -> bool:
    """Whether the caller could register `number` (a key) to the account by phone now (the IVR offers it only
    then)."""
    account = session.get(Account, account_id)
    if account is None or not number:
        return False
    try:
        _registrable(session, account, number, by_phone=True)
    except AniRefused:
        return False
    return True


def register_ani(session: Session, account_id: int, number: str, destination: str | None = None, *,
                 by_phone: bool = False) -> Ani:
    """Register a caller number (a key) to the account, by every door's rule (the API's clerk, the IVR's caller):
    the account row is locked first, so two registrations of the last allowed number cannot both succeed; then the
    account's `max_anis` (0: no limit) and the number's being free are checked (AniRefused). By phone, only an
    account with `max_anis` set (a card batch sold for PIN-less use) registers numbers: 0 means no limit for a
    clerk, and no offer in the IVR. The Ani is added, not flushed: the caller flushes, and a unique-index refusal
    there is a race lost (`taken`)."""
    account = session.scalar(select(Account).where(Account.id == account_id).with_for_update())
    if account is None:
        raise AniRefused("no_account", f"account {account_id} does not exist")
    _registrable(session, account, number, by_phone=by_phone)
    ani = Ani(account_id=account_id, number=number, destination=destination)
    session.add(ani)
    return ani
