"""Callers in the IVR as live calls: each IVR leg has a row in `live_calls` (state "ivr", its stage, worker and,
once the worker's AAA question identified it, account) and an "ivr" event on the bus, so the API's live-calls list
and stream show it the way they show a bridged call, on every node of a cluster. The row is dropped when the caller
leaves the IVR: handed back (the bridged call's own row comes with its Accounting-Start) or hung up (the IVR leg's
row of `cdrs` is written as before, by cdr_writer.py).

The row's key is `ivr:<conf id>` (store/repositories/live_ivr.py says why).

Rows are written off the loop, one flush at a time and in the order they were asked for (insert, stage updates,
delete), the latest state of a leg winning; a leg that comes and goes between two flushes is never written.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, bindparam, delete, insert, update
from sqlalchemy.orm import Session

from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.serial_flush import SerialFlush
from switch_service.events import CallEvent, CallEventKind, EventBus
from switch_service.store.models import LiveCall
from switch_service.store.repositories.live_ivr import IVR_STATE, row_key

log = logging.getLogger(__name__)


class IvrSessions:
    """The IVR legs of this switch, kept in `live_calls` and announced on the bus (on the switch's loop)."""

    def __init__(self, engine: Engine, pool: concurrent.futures.Executor, spawn: Callable[[Any], Any],
                 events: EventBus, *, node: str | None, clock: Callable[[], dt.datetime]) -> None:
        self.engine = engine
        self.events = events
        self.node = node
        self.clock = clock
        self._pending: dict[str, dict[str, Any] | None] = {}  # row key -> the row's values, None: delete it
        self._in_ivr: set[str] = set()  # conf ids of the legs in the IVR now (on the loop)
        self._written: set[str] = set()  # keys with a row in the table (read and changed by flushes only)
        self._lock = threading.Lock()
        self._flush = SerialFlush(pool, spawn, self._write)
        self.errors = 0

    def entered(self, info: CallInfo, worker: int | None) -> None:
        """The call goes to the IVR (a worker's slot, or the fixed media endpoint: `worker` None)."""
        info.ivr_shown = True
        self._in_ivr.add(info.conf_id)
        info.ivr_worker = worker
        info.ivr_stage = None
        info.ivr_account_id = None
        self._changed(info)

    def reported(self, info: CallInfo, stage: str, account_id: int | None) -> None:
        """Its worker says where the caller is (and, once known, the account: never the PIN)."""
        if info.ended or info.conf_id not in self._in_ivr:  # a late report of a leg handed back
            return
        account = account_id if account_id is not None else info.ivr_account_id
        if stage == info.ivr_stage and account == info.ivr_account_id:
            return
        info.ivr_stage, info.ivr_account_id = stage[:24], account
        self._changed(info)

    def left(self, info: CallInfo) -> None:
        """The caller left the IVR (handed back, or the call ended): its row goes."""
        if info.conf_id not in self._in_ivr:
            return
        self._in_ivr.discard(info.conf_id)
        key = row_key(info.conf_id)
        with self._lock:
            self._pending[key] = None
        self._flush.soon()

    def _changed(self, info: CallInfo) -> None:
        now = self.clock()
        key = row_key(info.conf_id)
        values: dict[str, Any] = {
            "call_id": key, "caller": info.caller[:64], "destination": "", "did": info.did, "state": IVR_STATE,
            "account_id": info.ivr_account_id, "ivr_stage": info.ivr_stage, "ivr_worker": info.ivr_worker,
            "started_at": info.setup_at, "last_seen_at": now, "node": self.node}
        with self._lock:
            self._pending[key] = values
        self._flush.soon()
        self.events.publish(CallEvent(
            kind=CallEventKind.IVR, call_id=info.call_id, caller=info.caller, destination="",
            account_id=info.ivr_account_id, started_at=info.setup_at, session_id=info.conf_id, did=info.did,
            ivr_stage=info.ivr_stage, ivr_worker=info.ivr_worker))

    def _write(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        gone = [key for key, values in pending.items() if values is None and key in self._written]
        new = [values for key, values in pending.items() if values is not None and key not in self._written]
        changed = [{"b_key": key, **{f"b_{name}": value for name, value in values.items() if name != "call_id"}}
                   for key, values in pending.items() if values is not None and key in self._written]
        if not (gone or new or changed):
            return
        try:
            with Session(self.engine) as session, session.begin():
                connection = session.connection()
                if new:
                    connection.execute(insert(LiveCall), new)
                if changed:
                    connection.execute(_UPDATE, changed)
                if gone:
                    connection.execute(delete(LiveCall).where(LiveCall.call_id.in_(gone)))
        except Exception:
            self.errors += 1
            log.exception("could not write %d IVR session row(s)", len(pending))
            return
        self._written.update(values["call_id"] for values in new)
        self._written.difference_update(gone)


_LIVE = LiveCall.metadata.tables[LiveCall.__tablename__]
_COLUMNS = ("caller", "destination", "did", "state", "account_id", "ivr_stage", "ivr_worker", "started_at",
            "last_seen_at", "node")
_UPDATE = (update(_LIVE).where(_LIVE.c.call_id == bindparam("b_key"))
           .values({name: bindparam(f"b_{name}") for name in _COLUMNS}))
