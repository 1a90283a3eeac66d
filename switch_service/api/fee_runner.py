"""The service charges recurring fees by itself: every `fees_interval_s` seconds, what is due (store.repositories
.fees, which charges each occurrence once even when `POST /recurring-fees/run` or `carrier-switch fees run` runs at
the same moment). A failed run is logged and the next one catches up: missed occurrences are charged then."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.config.settings import Settings
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.fees import FeeRun, charge_due_fees

log = logging.getLogger(__name__)


def charge_fees_now(engine: Engine, settings: Settings) -> list[FeeRun]:
    """One run at the current time, fees of every account counted in the company's time zone; logged."""
    with Session(engine) as session:
        zone = read_company(session, settings).time_zone
    runs = charge_due_fees(engine, dt.datetime.now(dt.UTC), zone)
    for run in runs:
        log.info("recurring fee %r charged %d time(s) to %d account(s); next due %s", run.name,
                 len(run.occurrences), run.accounts, run.next_due_at.isoformat())
    return runs


async def charge_fees_forever(engine: Engine, settings: Settings, interval_s: float) -> None:
    """Until cancelled: wait `interval_s`, charge what is due (in a worker thread, off the event loop)."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await asyncio.to_thread(charge_fees_now, engine, settings)
        except Exception:  # a database outage must not end the service's fee runs
            log.exception("charging recurring fees failed; the next run catches up")
