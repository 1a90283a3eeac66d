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
from sqlalchemy.sql import Executable

from switch_service.billing.surcharges import Surcharge
from switch_service.phone_numbers import stored_number
from switch_service.store.change_signal import versions_sum
from switch_service.store.models import Ani, CustomerTrunk, Did
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
               Did.surcharge_per_call, Did.surcharge_per_minute, Did.country).where(Did.active.is_(True))
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
                    row.dial_plan_id, surcharge, row.country)


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
