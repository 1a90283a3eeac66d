"""Putting a validated rate deck into the database fast, and reading it back out.

Per database (MagnusBilling #496: imports that took hours):
- PostgreSQL: COPY ... FROM STDIN through psycopg 3 on the session's own connection (same transaction).
- MariaDB/MySQL and SQLite: executemany of a Core INSERT in chunks, so the column types convert every value
  (money is integer millionths on SQLite); PyMySQL turns each chunk into multi-row INSERT statements.

`import_deck` loads in the caller's transaction. `import_deck_staged` (the API's import job) never holds the
database's write lock for long: SQLite has one writer, and the RADIUS processes must write a reservation or a Stop
while a deck of a million rows loads. It fills a temporary table of the job's own connection a chunk per
transaction (private to that connection; on SQLite it lives in the separate temp database, so filling it locks
nothing the switch writes; it vanishes with the connection, so even a crash leaves nothing behind), then moves the
rows into `rates` in one short transaction (INSERT ... SELECT, inside the database). The deck appears whole or not
at all: a failed or cancelled import imports nothing.

A new deck starts at its `valid_from`: the tariff's earlier rates for the same prefixes are closed at that
moment (`valid_until`), so a deck starting at midnight leaves the old prices in force until then. The tariff's
`version` is bumped so in-memory indexes rebuild.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO, cast

from sqlalchemy import Column, Connection, Engine, Table, func, insert, literal, or_, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.decks import NATIVE_COLUMNS, Deck, DeckError, DeckRow, write_native
from switch_service.errors import UserError
from switch_service.store.models import Rate, Tariff
from switch_service.store.repositories.rates import get_or_create_tariff, load_rates, tariff_by_name
from switch_service.store.staging import staged, staging_table
from switch_service.store.types import UTCDateTime

Progress = Callable[[int, int], None]
CHUNK = 10_000
RATES = "rates"
STAGING = "rate_import_staging"  # a temporary table: each connection has its own
_COLUMNS = ("tariff_id", *NATIVE_COLUMNS)
_PREFIX = NATIVE_COLUMNS.index("prefix")


@dataclass(frozen=True)
class ImportResult:
    tariff_id: int
    version: int
    rows: int
    closed: int  # earlier rates given a valid_until by this deck


def import_deck(session: Session, tariff_name: str, deck: Deck, *, progress: Progress | None = None,
                chunk: int = CHUNK) -> ImportResult:
    """Load the deck into the tariff (created if missing) within the session's transaction; the caller commits.

    Raises `DeckError` (nothing written) when a row would repeat a prefix and start already in the tariff.
    """
    tariff = get_or_create_tariff(session, tariff_name)
    session.execute(select(Tariff.id).where(Tariff.id == tariff.id).with_for_update())  # one import at a time
    last_old_id = session.scalar(select(func.max(Rate.id)).where(Rate.tariff_id == tariff.id))
    starts = sorted({row.valid_from for row in deck.rows})
    if last_old_id is not None:
        _refuse_existing(session, tariff.id, deck, starts)
    load_rows(session.connection(), tariff.id, deck.rows, progress=progress, chunk=chunk)
    closed = 0
    if last_old_id is not None:
        closed = sum(_close_earlier(session, tariff.id, last_old_id, start) for start in starts)
    session.execute(update(Tariff).where(Tariff.id == tariff.id).values(version=Tariff.version + 1)
                    .execution_options(synchronize_session=False))
    version = session.scalar(select(Tariff.version).where(Tariff.id == tariff.id)) or 0
    return ImportResult(tariff.id, version, len(deck.rows), closed)


def import_deck_staged(engine: Engine, tariff_id: int, deck: Deck, *, progress: Progress | None = None,
                       chunk: int = CHUNK, finish: Callable[[Session, ImportResult], None] | None = None,
                       ) -> ImportResult:
    """Load the deck into an existing tariff, staged (see the module's docstring); commits.

    `progress(done, total)` is called before staging and after each staged chunk, `finish(session, result)` inside
    the switch-over transaction just before its commit (to audit it, or to cancel: raising there imports nothing).
    Raises `DeckError` (nothing written) when a row would repeat a prefix and start already in the tariff, and
    `UserError` when the tariff is deleted meanwhile.
    """
    starts = sorted({row.valid_from for row in deck.rows})
    rates = cast(Table, Rate.__table__)
    with engine.connect() as connection:
        with Session(bind=connection) as session:  # refused before anything is staged (a read: locks nothing)
            _refuse_existing(session, tariff_id, deck, starts)
        table = staging_table(STAGING, *(Column(name, rates.c[name].type) for name in _COLUMNS))
        with staged(connection, table):
            total = len(deck.rows)
            if progress is not None:
                progress(0, total)
            with gc_paused():
                for offset in range(0, total, chunk):
                    with connection.begin():  # commits on the driver even when only its raw cursor wrote (COPY)
                        load_rows(connection, tariff_id, deck.rows[offset:offset + chunk], chunk=chunk,
                                  table=STAGING)
                    if progress is not None:
                        progress(min(offset + chunk, total), total)
            return _switch_over(connection, table, tariff_id, deck, starts, finish=finish)


def _switch_over(connection: Connection, staging: Table, tariff_id: int, deck: Deck, starts: Sequence[dt.datetime],
                 *, finish: Callable[[Session, ImportResult], None] | None) -> ImportResult:
    """The one write transaction of a staged import: staged rows in, earlier rates closed, version bumped."""
    try:
        with Session(bind=connection) as session, session.begin():
            # Writing first takes SQLite's write lock (and the tariff's row lock elsewhere) before anything is read.
            bumped = session.execute(update(Tariff).where(Tariff.id == tariff_id).values(version=Tariff.version + 1)
                                     .execution_options(synchronize_session=False))
            if getattr(bumped, "rowcount", 0) != 1:
                raise UserError(f"tariff {tariff_id} was deleted before the import finished; nothing imported")
            last_old_id = session.scalar(select(func.max(Rate.id)).where(Rate.tariff_id == tariff_id))
            session.execute(insert(Rate).from_select(list(_COLUMNS), select(*(staging.c[name] for name in _COLUMNS)),
                                                     include_defaults=False))
            closed = 0
            if last_old_id is not None:
                closed = sum(_close_earlier(session, tariff_id, last_old_id, start) for start in starts)
            version = session.scalar(select(Tariff.version).where(Tariff.id == tariff_id)) or 0
            result = ImportResult(tariff_id, version, len(deck.rows), closed)
            if finish is not None:
                finish(session, result)
    except IntegrityError:  # another import put in the same prefixes and starts while this one staged
        connection.rollback()
        with Session(bind=connection) as session:
            _refuse_existing(session, tariff_id, deck, starts)
        raise
    return result


def _refuse_existing(session: Session, tariff_id: int, deck: Deck, starts: Sequence[dt.datetime]) -> None:
    keys = {(row.prefix, row.valid_from): line for row, line in zip(deck.rows, deck.lines, strict=True)}
    clashes: list[tuple[int, str]] = []
    for offset in range(0, len(starts), 500):
        found = session.execute(
            select(Rate.prefix, Rate.valid_from)
            .where(Rate.tariff_id == tariff_id, Rate.valid_from.in_(starts[offset:offset + 500]))
            .execution_options(yield_per=CHUNK)
        )
        for prefix, valid_from in found:
            line = keys.get((prefix, valid_from))
            if line is not None:
                clashes.append((line, f"line {line}: prefix {prefix} already has a rate starting "
                                      f"{valid_from.isoformat()} in this tariff"))
    if clashes:
        raise DeckError([message for _line, message in sorted(clashes)])


def _close_earlier(session: Session, tariff_id: int, last_old_id: int, start: dt.datetime) -> int:
    """Rates that were in the tariff before this import end where the new deck's rows for their prefix begin."""
    fresh = (
        select(Rate.prefix)
        .where(Rate.tariff_id == tariff_id, Rate.id > last_old_id, Rate.valid_from == start)
        .subquery("fresh")
    )
    result = session.execute(
        update(Rate)
        .where(Rate.tariff_id == tariff_id, Rate.id <= last_old_id, Rate.valid_from < start,
               or_(Rate.valid_until.is_(None), Rate.valid_until > start),
               Rate.prefix.in_(select(fresh.c.prefix)))  # a derived table: MariaDB may then read rates too
        .values(valid_until=literal(start, UTCDateTime()))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0))


def load_rows(connection: Connection, tariff_id: int, rows: Sequence[DeckRow], *, progress: Progress | None = None,
              chunk: int = CHUNK, table: str = RATES) -> None:
    """Insert the rows into `table` (`rates`, or a staging table of its columns) with the backend's fast path,
    reporting `(done, total)` after each chunk."""
    total = len(rows)
    if progress is not None:
        progress(0, total)
    with gc_paused():
        _load(connection, table, tariff_id, rows, progress=progress, chunk=chunk)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Millions of short-lived tuples make the cyclic collector run constantly; none of them form cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(connection: Connection, table: str, tariff_id: int, rows: Sequence[DeckRow], *, progress: Progress | None,
          chunk: int) -> None:
    dialect = connection.dialect.name
    if dialect == "postgresql":
        _copy_postgresql(connection, table, tariff_id, rows, progress=progress, chunk=chunk)
    elif dialect in ("mysql", "mariadb"):
        _multirow_insert_mysql(connection, table, tariff_id, rows, progress=progress, chunk=chunk)
    else:
        _executemany(connection, table, tariff_id, rows, progress=progress, chunk=chunk)


def _executemany(connection: Connection, table_name: str, tariff_id: int, rows: Sequence[DeckRow], *,
                 progress: Progress | None, chunk: int) -> None:
    """Chunked executemany of an INSERT whose values went through each column's own bind processor.

    Column by column and memoised per distinct value (decks repeat a few thousand prices and rules), which
    is what makes a million rows take seconds instead of a minute; the conversion itself is the column
    type's (integer millionths for money on SQLite, quantised Decimal elsewhere).
    """
    dialect = connection.dialect
    processors = _bound(dialect)
    memos: list[dict[Any, Any]] = [{} for _ in NATIVE_COLUMNS]
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle in ("qmark", "numeric") else "%s"
    sql = (f"INSERT INTO {quote(table_name)} ({', '.join(quote(name) for name in _COLUMNS)}) "
           f"VALUES ({', '.join([marker] * len(_COLUMNS))})")
    total = len(rows)
    for offset in range(0, total, chunk):
        batch = rows[offset:offset + chunk]
        columns: list[Sequence[Any]] = [(tariff_id,) * len(batch)]
        for values, processor, memo in zip(zip(*batch, strict=True), processors, memos, strict=True):
            if processor is None:
                columns.append(values)
                continue
            converted = []
            for value in values:
                try:
                    converted.append(memo[value])
                except KeyError:
                    converted.append(memo.setdefault(value, processor(value)))
            columns.append(converted)
        connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))
        if progress is not None:
            progress(min(offset + chunk, total), total)


def _column_texts(batch: Sequence[DeckRow], literal_of: Callable[[int, Any], str]) -> list[list[str]]:
    """Each column of the batch as SQL/COPY text, converted once per distinct value (prefixes are digits)."""
    columns: list[list[str]] = []
    for index, values in enumerate(zip(*batch, strict=True)):
        if index == _PREFIX:
            columns.append(list(values))
            continue
        memo: dict[Any, str] = {}
        texts = []
        for value in values:
            try:
                texts.append(memo[value])
            except KeyError:
                texts.append(memo.setdefault(value, literal_of(index, value)))
        columns.append(texts)
    return columns


def _bound(dialect: Dialect) -> list[Callable[[Any], Any] | None]:
    """The bind processor of each native column for this dialect (money quantised, times naive UTC)."""
    table = Rate.__table__
    return [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in NATIVE_COLUMNS]


def _multirow_insert_mysql(connection: Connection, table: str, tariff_id: int, rows: Sequence[DeckRow], *,
                           progress: Progress | None, chunk: int) -> None:
    """Multi-row INSERT statements on the session's connection.

    Each value goes through its column's bind processor and then PyMySQL's own `escape`, the same text
    PyMySQL's executemany would send, but converted once per distinct value instead of 25 million times.
    """
    raw: Any = connection.connection.driver_connection
    processors = _bound(connection.dialect)

    def literal_of(index: int, value: Any) -> str:
        processor = processors[index]
        text: str = raw.escape(processor(value) if processor is not None else value)
        return text

    head = f"INSERT INTO {table} ({', '.join(_COLUMNS)}) VALUES "
    tariff = str(int(tariff_id))
    total = len(rows)
    chunk = min(chunk, 5_000)  # ~1 MB statements, well under max_allowed_packet
    with raw.cursor() as cursor:
        for offset in range(0, total, chunk):
            columns = _column_texts(rows[offset:offset + chunk], literal_of)
            columns[_PREFIX] = [f"'{prefix}'" for prefix in columns[_PREFIX]]
            cursor.execute(head + ",".join(f"({tariff},{','.join(row)})" for row in zip(*columns, strict=True)))
            if progress is not None:
                progress(min(offset + chunk, total), total)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_postgresql(connection: Connection, table: str, tariff_id: int, rows: Sequence[DeckRow], *,
                     progress: Progress | None, chunk: int) -> None:
    """COPY FROM STDIN in text format: NUMERIC takes the decimal text, times are naive UTC like UTCDateTime."""
    raw: Any = connection.connection.driver_connection
    processors = _bound(connection.dialect)

    def literal_of(index: int, value: Any) -> str:
        if value is None:
            return "\\N"
        processor = processors[index]
        if processor is not None:
            value = processor(value)
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        return str(value).translate(_COPY_ESCAPES)

    tariff = str(int(tariff_id))
    total = len(rows)
    from psycopg.copy import QueuedLibpqWriter  # a thread feeds the server while Python formats the next chunk

    copy_sql = f"COPY {table} ({', '.join(_COLUMNS)}) FROM STDIN"
    with raw.cursor() as cursor, cursor.copy(copy_sql, writer=QueuedLibpqWriter(cursor)) as copy:
        for offset in range(0, total, chunk):
            columns = _column_texts(rows[offset:offset + chunk], literal_of)
            copy.write("".join(f"{tariff}\t{chr(9).join(row)}\n" for row in zip(*columns, strict=True)))
            if progress is not None:
                progress(min(offset + chunk, total), total)


def export_deck(session: Session, tariff_name: str, out: TextIO, *, at: dt.datetime | None = None) -> int:
    """Write the tariff's rates (in force at `at`, else all) in the native layout; returns how many."""
    tariff = tariff_by_name(session, tariff_name)
    if tariff is None:
        raise UserError(f"tariff {tariff_name!r} does not exist")
    return write_native(_as_rows(load_rates(session, tariff.id, at=at)), out)


def _as_rows(rates: Iterable[Rate]) -> Iterable[tuple[Any, ...]]:
    for rate in rates:
        yield tuple(getattr(rate, name) for name in NATIVE_COLUMNS)

