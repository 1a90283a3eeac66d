"""The service charges recurring fees by itself: every `fees_interval_s` seconds, what is due (store.repositories
.fees, which charges each occurrence once even when `POST /recurring-fees/run` or `carrier-switch fees run` runs at
the same moment), and renews the packages whose period ended, with their fee (store.repositories
.package_renewals, once per period likewise). A failed run is logged and the next one catches up: missed
occurrences are charged then."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.config.settings import Settings
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.fees import FeeRun, charge_due_fees
from switch_service.store.repositories.package_renewals import renew_packages

log = logging.getLogger(__name__)


def charge_fees_now(engine: Engine, settings: Settings) -> list[FeeRun]:
    """One run at the current time, fees of every account counted in the company's time zone; logged."""
    with Session(engine) as session:
        zone = read_company(session, settings).time_zone
    now = dt.datetime.now(dt.UTC)
    runs = charge_due_fees(engine, now, zone)
    for run in runs:
        log.info("recurring fee %r charged %d time(s) to %d account(s); next due %s", run.name,
                 len(run.occurrences), run.accounts, run.next_due_at.isoformat())
    for renewal in renew_packages(engine, now):
        log.info("package %r renewed for account %d from %s; fee %s", renewal.package, renewal.account_id,
                 renewal.period_start.isoformat(), renewal.fee)
    return runs


async def charge_fees_forever(engine: Engine, settings: Settings, interval_s: float,
                              may_run: Callable[[], bool] = lambda: True) -> None:
    """Until cancelled: wait `interval_s`, charge what is due (in a worker thread, off the event loop), when
    `may_run` (in a cluster: this node holds the duties, cluster/duties.py)."""
    while True:
        await asyncio.sleep(interval_s)
        if not may_run():
            continue
        try:
            await asyncio.to_thread(charge_fees_now, engine, settings)
        except Exception:  # a database outage must not end the service's fee runs
            log.exception("charging recurring fees failed; the next run catches up")
