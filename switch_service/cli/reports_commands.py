"""`carrier-switch bench reports`: the traffic report and a CDR search page over millions of CDRs.

Loads N synthetic CDRs into a scratch database (COPY on PostgreSQL, multi-row INSERTs on MariaDB, executemany
on SQLite; one transaction), spread evenly over the year before 2026-01-01 in time order, as a switch writes
them: per call one call row and one attempt row per carrier tried (15 % fail over to a second carrier). Then it
times what the API runs: the traffic report grouped by carrier over the last month (A2Billing PR #67: reports
that full-scan huge CDR tables) and one keyset page of the CDR search filtered by account and month.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.cli.context import Context
from switch_service.errors import UserError

END = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
SPAN = dt.timedelta(days=365)
MONTH = (dt.datetime(2025, 12, 1, tzinfo=dt.UTC), END)
ACCOUNTS, CARRIERS, RESELLERS, PREFIXES = 2000, 20, 10, 300
CHUNK = 5000
# the columns written (every NOT NULL one); values as the generator makes them, formatted per backend
COLUMNS = ("kind", "call_id", "attempt", "account_id", "reseller_id", "carrier_id", "caller", "destination", "prefix",
           "destination_name", "started_at", "answered_at", "ended_at", "duration_s", "billed_s", "free_s",
           "sell_rate", "buy_rate", "price", "cost", "margin", "currency", "result", "sip_code")
_TIMES = {COLUMNS.index(name) for name in ("started_at", "answered_at", "ended_at")}
_MONEY = {COLUMNS.index(name) for name in ("sell_rate", "buy_rate", "price", "cost", "margin")}  # millionths
_FAILED = (("busy", 486), ("no_answer", 480), ("failed", 503))


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    bench = kinds.add_parser("reports", parents=[common],
                             help="traffic report and CDR page over N synthetic CDRs (needs a scratch --db)")
    bench.add_argument("--cdrs", type=int, default=10_000_000, help="CDR rows to load (default 10000000)")
    bench.add_argument("--seed", type=int, default=1)
    bench.set_defaults(handler=bench_reports)


def _references(session: Session) -> tuple[list[tuple[int, int | None]], list[int]]:
    """Resellers, carriers and accounts (a third of them a reseller's): (account, reseller) pairs, carrier ids."""
    from switch_service.store.models import Account, Carrier, Reseller
    from switch_service.store.models.enums import ResellerKind

    resellers = [Reseller(name=f"Bench reseller {i}", kind=ResellerKind.USAGE_BASED) for i in range(RESELLERS)]
    carriers = [Carrier(name=f"Bench carrier {i}") for i in range(CARRIERS)]
    session.add_all([*resellers, *carriers])
    session.flush()
    accounts = [Account(number=f"B{i:06d}", name=f"Bench account {i}",
                        reseller_id=resellers[i % RESELLERS].id if i % 3 == 0 else None) for i in range(ACCOUNTS)]
    session.add_all(accounts)
    session.flush()
    return [(a.id, a.reseller_id) for a in accounts], [c.id for c in carriers]


def synthetic_cdrs(rows: int, accounts: Sequence[tuple[int, int | None]], carriers: Sequence[int],
                   seed: int) -> Iterator[tuple[Any, ...]]:
    """`rows` CDR rows in time order: times in epoch seconds, money in millionths, the rest as stored."""
    rng = random.Random(seed)
    prefixes = [(str(rng.randrange(20, 999)) + str(rng.randrange(10, 99)), rng.randrange(5_000, 150_000))
                for _ in range(PREFIXES)]
    start, step = END.timestamp() - SPAN.total_seconds(), SPAN.total_seconds() / rows
    made = 0
    call = 0
    while made < rows:
        call += 1
        at = int(start + made * step)
        account, reseller = accounts[rng.randrange(len(accounts))]
        prefix, sell = prefixes[rng.randrange(PREFIXES)]
        destination = prefix + str(rng.randrange(1_000_000, 9_999_999))
        tried = rng.sample(carriers, 2 if rng.random() < 0.15 else 1)
        answered = rng.random() < 0.55
        result, code = ("answered", 200) if answered else _FAILED[rng.randrange(3)]
        seconds = rng.randrange(1, 600) if answered else 0
        buy = sell * 2 // 5
        price, cost = sell * seconds // 60, buy * seconds // 60
        call_id = f"bench-{call}"
        answered_at = at + 5 if answered else None
        carrier = tried[-1] if answered else None
        yield ("call", call_id, 0, account, reseller, carrier, "13055550101", destination, prefix, f"Dest {prefix}",
               at, answered_at, at + 5 + seconds, seconds, seconds, 0, sell, buy if answered else None, price, cost,
               price - cost, "USD", result, code)
        made += 1
        for attempt, carrier_id in enumerate(tried, start=1):
            if made >= rows:
                break
            last = attempt == len(tried)
            outcome, sip = (result, code) if last else ("failed", 503)
            yield ("attempt", call_id, attempt, account, None, carrier_id, "13055550101", destination, None, None,
                   at, answered_at if last else None, at + 5, 0, 0, 0, None, buy, 0, 0, 0, "USD", outcome, sip)
            made += 1


def _texts(row: tuple[Any, ...], money: Callable[[int], str], stamp: Callable[[int], str],
           text: Callable[[str], str], null: str) -> list[str]:
    out = []
    for index, value in enumerate(row):
        if value is None:
            out.append(null)
        elif index in _TIMES:
            out.append(stamp(value))
        elif index in _MONEY:
            out.append(money(value))
        elif isinstance(value, str):
            out.append(text(value))
        else:
            out.append(str(value))
    return out


def _decimal(millionths: int) -> str:
    return str(Decimal(millionths).scaleb(-6))


def _stamp(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def load_cdrs(session: Session, rows: Iterator[tuple[Any, ...]]) -> None:
    """The backend's fast path, within the session's transaction (the caller commits)."""
    dialect = session.get_bind().dialect.name
    raw: Any = session.connection().connection.driver_connection
    names = ", ".join(COLUMNS)
    if dialect == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY cdrs ({names}) FROM STDIN") as copy:
            for row in rows:  # generated text has no tab, newline or backslash to escape
                copy.write("\t".join(_texts(row, _decimal, _stamp, str, "\\N")) + "\n")
        return
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            _insert(session, dialect, raw, names, batch)
            batch = []
    if batch:
        _insert(session, dialect, raw, names, batch)


def _insert(session: Session, dialect: str, raw: Any, names: str, batch: list[tuple[Any, ...]]) -> None:
    if dialect in ("mysql", "mariadb"):
        values = ",".join("(" + ",".join(_texts(row, _decimal, lambda s: f"'{_stamp(s)}'", lambda t: f"'{t}'",
                                                "NULL")) + ")" for row in batch)
        with raw.cursor() as cursor:
            cursor.execute(f"INSERT INTO cdrs ({names}) VALUES {values}")
        return
    # SQLite: money is stored in millionths already; times as SQLAlchemy's SQLite DATETIME text
    marks = ", ".join("?" * len(COLUMNS))
    converted = [tuple(None if v is None else f"{_stamp(v)}.000000" if i in _TIMES else v
                       for i, v in enumerate(row)) for row in batch]
    session.connection().exec_driver_sql(f"INSERT INTO cdrs ({names}) VALUES ({marks})", converted)


def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def measure(engine: Engine, accounts: Sequence[int], runs: int = 3) -> dict[str, Any]:
    """The report and the CDR page as the API builds them (the admin's filters)."""
    from switch_service.api.routes.cdrs import CdrFilter
    from switch_service.api.schemas import CdrKind
    from switch_service.store.models import Cdr, User
    from switch_service.store.models.enums import Role
    from switch_service.store.repositories.reports import name_groups, traffic, traffic_summary

    admin = User(username="bench", role=Role.ADMIN)
    since, until = MONTH
    calls = CdrFilter(admin, since=since, until=until, kind=CdrKind.CALL).clauses
    attempts = CdrFilter(admin, since=since, until=until, kind=CdrKind.ATTEMPT).clauses

    shown: dict[str, int] = {}

    def report() -> None:
        with Session(engine) as session:
            rows, _ = traffic(session, "carrier", calls, attempts)
            name_groups(session, "carrier", rows)
            total, _ = traffic_summary(session, "carrier", calls, attempts)
        shown.update(report_carriers=len(rows), report_attempts=total.calls, report_answered=total.answered)

    report_times = _timed(report, runs)
    pages = []
    for account in accounts:
        selection = CdrFilter(admin, account_id=account, since=since, until=until, kind=CdrKind.CALL)
        with Session(engine) as session:
            started = time.perf_counter()
            session.execute(selection.select(None, 101)).all()
            pages.append(time.perf_counter() - started)
    with Session(engine) as session:
        month_rows = session.scalar(select(func.count()).select_from(Cdr).where(
            Cdr.started_at >= since, Cdr.started_at < until))
    return {"asr_acd_report_s": round(statistics.median(report_times), 3),
            "asr_acd_report_first_s": round(report_times[0], 3),
            "cdr_page_ms": round(statistics.median(pages) * 1000, 2),
            "cdr_page_max_ms": round(max(pages) * 1000, 2), "month_rows": month_rows, **shown}


def maintain(engine: Engine) -> None:
    """What the database's own upkeep does soon after a bulk load: fresh statistics and, on PostgreSQL, the
    visibility map (autovacuum after inserts) that lets the report read the covering index alone."""
    statement = {"postgresql": "VACUUM ANALYZE cdrs", "sqlite": "ANALYZE cdrs"}.get(engine.dialect.name,
                                                                                  "ANALYZE TABLE cdrs")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(statement).close()


def bench_reports(args: argparse.Namespace, context: Context) -> int:
    from switch_service.store import migrate
    from switch_service.store.deck_loader import gc_paused
    from switch_service.store.models import Cdr

    if args.cdrs < 1:
        raise UserError("--cdrs must be at least 1")
    engine = context.engine
    migrate.upgrade(engine)
    with Session(engine) as session:
        if session.scalar(select(Cdr.id).limit(1)) is not None:
            raise UserError("bench reports adds synthetic CDRs: give it a scratch --db without any")
    started = time.perf_counter()
    with Session(engine) as session, session.begin(), gc_paused():
        accounts, carriers = _references(session)
        load_cdrs(session, synthetic_cdrs(args.cdrs, accounts, carriers, args.seed))
    load_s = time.perf_counter() - started
    maintain(engine)
    sample = random.Random(args.seed).sample([account for account, _ in accounts], 5)
    figures = measure(engine, sample)
    print(json.dumps({"backend": engine.dialect.name, "rows": args.cdrs, "load_s": round(load_s, 2),
                      "rows_per_s": round(args.cdrs / load_s), **figures}))
    return 0
