"""The change signal: a version per table the running switch and RADIUS processes keep in memory, raised by every
committed write to it.

Why: each process checks once a second whether what it holds changed, with a fingerprint of counts, largest ids and
latest `updated_at`. That missed an edit in place of a table without `updated_at` (an ANI's stored destination was
ignored until a restart), and a timestamp is taken before its transaction commits, so an edit committed after a
later one had been seen was missed for good. `UPDATE data_versions SET version = version + 1`, run as the last
statement before COMMIT, changes with every committed write and in commit order (its row lock orders two writers),
so a fingerprint holding the versions (`versions_sum`) sees every change at its next check.

Every ORM `Session` raises the versions of the tables it wrote: the rows a flush adds, changes or deletes, and the
table of an INSERT/UPDATE/DELETE statement run through `session.execute`. Writes of money alone (an account's
balance and reserved money, as payments, fees and calls write them) change no snapshot and raise nothing. Writes on
a bare connection (the RADIUS hot path, a deck's bulk load) raise nothing either: what they write is money, or is
announced another way (a deck load raises its tariff's `version` through the session).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, event, func, insert, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction
from sqlalchemy.sql.expression import ScalarSelect

from switch_service.store import change_notices
from switch_service.store.models import DataVersion

TRACKED = frozenset({
    "account_packages", "accounts", "anis", "band_schedules", "carriers", "customer_trunks", "dial_plan_routes",
    "dial_plans", "dids", "gateways", "nas_clients", "packages", "rates", "route_carriers", "tariffs", "tax_profiles",
    "taxes", "resellers", "commission_rules",
    "hangup_requests",  # no table: raised by an operator's hang-up asked of another node (cluster/hangups.py)
})
# Columns whose writes are money, not data: a write of these alone raises no version.
MONEY_COLUMNS = {"accounts": frozenset({"balance", "reserved", "updated_at"}),
                 "resellers": frozenset({"balance", "updated_at"})}

_WRITTEN = "carrierdesk_written_tables"  # Session.info key: the tables this transaction wrote
_ready: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose schema has data_versions


def versions_sum(tables: Iterable[str]) -> ScalarSelect[Any]:
    """A scalar subquery for a fingerprint: the sum of the tables' versions, which every committed write to one of
    them raises."""
    names = sorted(tables)
    unknown = set(names) - TRACKED
    if unknown:
        raise ValueError(f"not tracked by the change signal: {sorted(unknown)}")
    return (select(func.coalesce(func.sum(DataVersion.version), 0))
            .where(DataVersion.table_name.in_(names)).scalar_subquery())


def _mark(session: Session, table: str) -> None:
    if table in TRACKED:
        session.info.setdefault(_WRITTEN, set()).add(table)


def _changed_columns(instance: object) -> set[str]:
    state = inspect(instance)
    return {attr.key for attr in state.attrs if attr.history.has_changes()}


def _before_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    for instance in (*session.new, *session.deleted):
        _mark(session, inspect(instance).mapper.local_table.name)
    for instance in session.dirty:
        table = inspect(instance).mapper.local_table.name
        changed = _changed_columns(instance)
        if changed and not changed <= MONEY_COLUMNS.get(table, frozenset()):
            _mark(session, table)


def _set_columns(statement: Any) -> set[str]:
    """The column names an UPDATE statement sets."""
    values = getattr(statement, "_values", None) or {}
    return {getattr(key, "key", None) or str(key) for key in values}


def _statement(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if not isinstance(name, str):
        return
    if state.is_update and _set_columns(state.statement) <= MONEY_COLUMNS.get(name, frozenset()):
        return
    _mark(state.session, name)


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the outer transaction's commit raises the versions
    session.flush()  # what is still pending is written (and marked) now, before the versions
    written = session.info.pop(_WRITTEN, None)
    if written:
        raise_versions(session.connection(), written)


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_WRITTEN, None)


_LISTENERS = (("before_flush", _before_flush), ("do_orm_execute", _statement), ("before_commit", _before_commit),
              ("after_transaction_end", _after_transaction_end))


def install() -> None:
    """Listen on every Session, once; `make_engine` calls it, so whatever opens the database signals its writes."""
    for name, listener in _LISTENERS:
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def raise_versions(conn: Connection, tables: Iterable[str]) -> None:
    """Raise the versions of `tables` by one, in name order (two writers lock the rows in the same order). A
    database whose schema predates the change signal has nothing to raise."""
    if conn.engine not in _ready:
        if not inspect(conn).has_table(DataVersion.__tablename__):
            return
        _ready.add(conn.engine)
    for name in sorted(set(tables) & TRACKED):
        bumped = conn.execute(update(DataVersion).where(DataVersion.table_name == name)
                              .values(version=DataVersion.version + 1))
        if bumped.rowcount == 0:  # a table tracked after the migration that seeded the rows
            conn.execute(insert(DataVersion).values(table_name=name, version=1))
    change_notices.notify(conn)
