"""The monthly run: every account's and reseller's statement of an ended month, issued once.

Run by `carrier-switch statements run --period` and, every `statements_interval_s`, by the service itself for the
month before the current one (in the company's time zone): each run issues only what is not kept yet (one anti-join
finds them, so a run after the month is done costs one query per kind), each document in a transaction of its own,
so one that fails is logged and named and the next run retries it. An account whose own time zone has not ended the
month yet is left for a later run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.billing.periods import zone_named
from switch_service.config.settings import Settings
from switch_service.documents.issued import Document, DocumentRaceError, account_document, reseller_document
from switch_service.documents.statement_figures import parse_period
from switch_service.errors import UserError
from switch_service.store.models import Account, IssuedDocument, Reseller
from switch_service.store.repositories.company import read_company

log = logging.getLogger(__name__)
_CHUNK = 500  # ids read per query
_ATTEMPTS = 3  # a number taken by a concurrent issuer: take the next


@dataclass
class MonthRun:
    period: str
    issued: int = 0
    kept_before: int = 0
    not_ended: int = 0
    failed: int = 0


def previous_period(now: dt.datetime, zone: str) -> str:
    """YYYY-MM of the month before the one `now` falls in, in `zone`."""
    local = now.astimezone(zone_named(zone))
    year, month = (local.year - 1, 12) if local.month == 1 else (local.year, local.month - 1)
    return f"{year:04d}-{month:02d}"


def _pending(engine: Engine, column: Any, owner: Any, period: str, after: int) -> list[int]:
    kept = select(owner).where(IssuedDocument.period == period, owner.is_not(None))
    with Session(engine) as session:
        return list(session.scalars(select(column).where(column > after, column.not_in(kept))
                                    .order_by(column).limit(_CHUNK)))


Maker = Callable[[Session, Settings, int, str, dt.datetime], Document]


def issue_retrying(engine: Engine, make: Maker, *, settings: Settings, subject_id: int, period: str,
               now: dt.datetime) -> Document:
    """`make` in a transaction of its own, again in a new one when a concurrent issuer took the number."""
    for _attempt in range(_ATTEMPTS):
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                return make(session, settings, subject_id, period, now)
        except DocumentRaceError:
            continue
    raise UserError("the statement could not be numbered: other issuers kept taking the number")


def issue_month(engine: Engine, settings: Settings, period: str, now: dt.datetime) -> MonthRun:
    year, month = parse_period(period)
    if (now.year, now.month) < (year, month):
        raise UserError(f"period {period} is in the future")
    run = MonthRun(period)
    with Session(engine) as session:
        run.kept_before = session.scalar(select(func.count()).select_from(IssuedDocument)
                                         .where(IssuedDocument.period == period)) or 0
    kinds: tuple[tuple[Any, Any, Maker], ...] = ((Account.id, IssuedDocument.account_id, account_document),
             (Reseller.id, IssuedDocument.reseller_id, reseller_document))
    for column, owner, make in kinds:
        after = 0
        while ids := _pending(engine, column, owner, period, after):
            for subject_id in ids:
                try:
                    made = issue_retrying(engine, make, settings=settings, subject_id=subject_id, period=period,
                                      now=now)
                except UserError as error:
                    run.failed += 1
                    log.error("statement of %s %d for %s not issued: %s", column.table.name, subject_id, period,
                              error)
                    continue
                if made.row is None:
                    run.not_ended += 1
                else:
                    run.issued += 1
            after = ids[-1]
    return run


def issue_last_month(engine: Engine, settings: Settings) -> MonthRun:
    """The service's run: the month before this one in the company's time zone; logged when it issued any."""
    now = dt.datetime.now(dt.UTC)
    with Session(engine) as session:
        zone = read_company(session, settings).time_zone
    run = issue_month(engine, settings, previous_period(now, zone), now)
    if run.issued or run.failed:
        log.info("statements of %s: %d issued, %d failed, %d not ended yet", run.period, run.issued, run.failed,
                 run.not_ended)
    return run


async def issue_statements_forever(engine: Engine, settings: Settings, interval_s: float,
                                   may_run: Callable[[], bool] = lambda: True) -> None:
    """Until cancelled: wait `interval_s`, then issue last month's statements not kept yet (in a worker thread),
    when `may_run` (in a cluster: this node holds the duties, cluster/duties.py)."""
    while True:
        await asyncio.sleep(interval_s)
        if not may_run():
            continue
        try:
            await asyncio.to_thread(issue_last_month, engine, settings)
        except Exception:  # a database outage must not end the service's monthly runs
            log.exception("issuing last month's statements failed; the next run catches up")
