"""`carrier-switch bench statements`: one account's statement of a month holding N CDRs, and its reseller's.

Loads N synthetic CDRs (the traffic reports' generator and fast loader: COPY on PostgreSQL) of one account, all in
December 2025 (UTC), then renders the account's statement and its reseller's in a fresh process of their own, so
its peak RSS is the statement's alone: the figures come from SQL aggregates, so neither the time past the query
nor the memory grows with N (run it with two sizes to see).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import resource
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.cli.reports_commands import load_cdrs, maintain, synthetic_cdrs
from switch_service.errors import UserError
from switch_service.store import migrate
from switch_service.store.deck_loader import gc_paused
from switch_service.store.models import Account, Carrier, Cdr, Reseller
from switch_service.store.models.enums import ResellerKind

PERIOD = "2025-12"
_MONTH_START = dt.datetime(2025, 12, 1, tzinfo=dt.UTC).timestamp()
_YEAR_START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp()
_SQUEEZE = (31 * 86400) / (365 * 86400)  # the generator's year into December
_TIMES = (10, 11, 12)  # started_at, answered_at, ended_at in the generator's rows


def _in_december(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    for row in rows:
        values = list(row)
        for index in _TIMES:
            if values[index] is not None:
                values[index] = int(_MONTH_START + (values[index] - _YEAR_START) * _SQUEEZE)
        yield tuple(values)


def _rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def _render(url: str, account_id: int, reseller_id: int, out: Any) -> None:
    """In the child: the two statements, timed, and this process's peak RSS before and after."""
    from switch_service.config import settings as settings_module
    from switch_service.documents.statement_figures import account_figures, reseller_figures
    from switch_service.documents.statement_pdf import render_statement
    from switch_service.store.engine import make_engine

    settings = settings_module.load()
    engine = make_engine(url)
    now = dt.datetime.now(dt.UTC)
    before = _rss_mib()
    with Session(engine) as session:
        started = time.perf_counter()
        figures = account_figures(session, settings, account_id, PERIOD, now)
        figures_s = time.perf_counter() - started
        pdf = render_statement(figures, "ST-BENCH-000001", now)
        account_s = time.perf_counter() - started
        started = time.perf_counter()
        reseller = reseller_figures(session, settings, reseller_id, PERIOD, now)
        reseller_pdf = render_statement(reseller, "RS-BENCH-000001", now)
        reseller_s = time.perf_counter() - started
    engine.dispose()
    out.send({"statement_s": round(account_s, 3), "figures_s": round(figures_s, 3),
              "reseller_statement_s": round(reseller_s, 3), "rss_before_mib": before, "peak_rss_mib": _rss_mib(),
              "usage_groups": len(figures.usage), "calls_billed": sum(line.calls for line in figures.usage),
              "pdf_bytes": len(pdf), "reseller_pdf_bytes": len(reseller_pdf)})


def bench_statements(engine: Engine, url: str, cdrs: int, seed: int) -> dict[str, Any]:
    if cdrs < 1:
        raise UserError("--cdrs must be at least 1")
    migrate.upgrade(engine)
    with Session(engine) as session:
        if session.scalar(select(Cdr.id).limit(1)) is not None:
            raise UserError("bench statements adds synthetic CDRs: give it a scratch --db without any")
    started = time.perf_counter()
    with Session(engine) as session, session.begin(), gc_paused():
        reseller = Reseller(name="Bench statements reseller", kind=ResellerKind.USAGE_BASED)
        carriers = [Carrier(name=f"Bench statements carrier {i}") for i in range(3)]
        session.add_all([reseller, *carriers])
        session.flush()
        account = Account(number="BS000001", name="Bench statements account", reseller_id=reseller.id)
        session.add(account)
        session.flush()
        account_id, reseller_id = account.id, reseller.id
        rows = synthetic_cdrs(cdrs, [(account_id, reseller_id)], [c.id for c in carriers], seed)
        load_cdrs(session, _in_december(rows))
    load_s = time.perf_counter() - started
    maintain(engine)
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_render, args=(url, account_id, reseller_id, send))
    child.start()
    if not receive.poll(3600):
        child.kill()
        raise UserError("the statement was not rendered within an hour")
    figures: dict[str, Any] = receive.recv()
    child.join(30)
    return {"backend": engine.dialect.name, "cdrs": cdrs, "period": PERIOD, "load_s": round(load_s, 2), **figures}
