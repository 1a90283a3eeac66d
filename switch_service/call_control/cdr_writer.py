"""The rows the switch writes itself, in batches off the loop: one per carrier attempt, the row of every call RADIUS
never authorised (refused, or the caller left first; no money was held, call_outcome.py says how it ended), and
both legs' dialogs kept with the live call. An authorised call's row is the AAA policy's, from its Accounting-Stop.
If the database falls `MAX_PENDING_ROWS` behind, further rows are dropped and counted (`rows_lost`)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, bindparam, update
from sqlalchemy.orm import Session

from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.call_outcome import CallOutcome
from switch_service.call_control.serial_flush import SerialFlush
from switch_service.call_control.targets import TargetInfo
from switch_service.drop_log import DropLog
from switch_service.store.models import LiveCall
from switch_service.store.models.enums import CdrKind
from switch_service.store.repositories.cdrs import AttemptRecord, attempt_result, result_for_cause, write_attempts

log = logging.getLogger(__name__)

MAX_PENDING_ROWS = 100_000  # CDR rows waiting for the database (a flood of refused INVITEs, a stalled database)
_LIVE = LiveCall.metadata.tables[LiveCall.__tablename__]
_KEEP_DIALOGS = update(_LIVE).where(_LIVE.c.call_id == bindparam("b_key")).values(sip_dialogs=bindparam("b_state"))


def attempt_row(info: CallInfo, number: str, final_code: int, meta: TargetInfo | None, now: dt.datetime
                ) -> AttemptRecord:
    """One carrier attempt of the call (call_id: the call row's key, Acct-Session-Id = h323-conf-id)."""
    return AttemptRecord(
        call_id=info.conf_id, attempt=info.attempts, caller=info.caller, destination=number,
        started_at=info.attempt_started or info.setup_at, ended_at=now, sip_code=final_code,
        result=attempt_result(final_code), account_id=info.account_id, carrier_id=meta.carrier_id if meta else None,
        gateway_id=meta.gateway_id if meta else None, did=info.did, buy_rate=meta.route.buy_price if meta else None)


def unauthorised_row(info: CallInfo, ended: CallOutcome, now: dt.datetime) -> AttemptRecord:
    """The row of a call RADIUS never authorised."""
    reason = f"In the IVR: {ended.reason}" if info.ivr and info.refusal is None else ended.reason
    tried = info.last_tried
    return AttemptRecord(
        kind=CdrKind.CALL, call_id=info.conf_id, attempt=0, caller=info.caller,
        destination=info.destination or info.dialled, started_at=info.setup_at, ended_at=now,
        sip_code=ended.sip_code, result=result_for_cause(ended.q850), account_id=info.account_id,
        carrier_id=tried.carrier_id if tried else None, gateway_id=tried.gateway_id if tried else None,
        did=info.did, reason=reason, q850_cause=ended.q850, hangup_by=info.hangup_by.value)


class CdrWriter:
    def __init__(self, engine: Engine, pool: concurrent.futures.Executor,
                 spawn: Callable[[Any], asyncio.Future[Any]]) -> None:
        self.engine = engine
        self._pending_attempts: list[AttemptRecord] = []
        self._pending_dialogs: dict[str, str] = {}
        self._lock = threading.Lock()
        self._flush = SerialFlush(pool, spawn, self._flush_rows)
        self._lost_log = DropLog(log)
        self.errors = 0
        self.rows_lost = 0  # attempt and refused-call rows dropped because the database fell too far behind

    def queue_attempt(self, record: AttemptRecord) -> None:
        with self._lock:
            if len(self._pending_attempts) >= MAX_PENDING_ROWS:  # the database is far behind: memory stays bounded
                self.rows_lost += 1
                self._lost_log.note("lost", "the database is %d CDR rows behind: %d row(s) not written",
                                    len(self._pending_attempts), self.rows_lost)
                return
            self._pending_attempts.append(record)
        self._flush.soon()

    def queue_dialogs(self, conf_id: str, state: str) -> None:
        with self._lock:
            self._pending_dialogs[conf_id] = state  # a call's latest state wins
        self._flush.soon()

    def _flush_rows(self) -> None:
        with self._lock:
            records, self._pending_attempts = self._pending_attempts, []
            dialogs, self._pending_dialogs = self._pending_dialogs, {}
        if not (records or dialogs):  # taken by the flush before
            return
        try:
            with Session(self.engine) as session, session.begin():
                write_attempts(session, records)
                if dialogs:
                    session.connection().execute(_KEEP_DIALOGS, [{"b_key": key, "b_state": state}
                                                                 for key, state in dialogs.items()])
        except Exception:
            self.errors += 1
            log.exception("could not write %d CDR row(s) and the dialogs of %d call(s) (a crash now would leave "
                          "their legs up)", len(records), len(dialogs))
