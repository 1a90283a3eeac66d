"""Online backup and restore of the whole database, while calls are billed.

A backup is one consistent snapshot, taken without stopping anything:
- SQLite: the SQLite backup API (`sqlite3.Connection.backup`, in one step, so writers in WAL mode go on and the
  copy is a single point in time) into a scratch file, which is then exported;
- PostgreSQL: one `REPEATABLE READ READ ONLY` transaction, the same snapshot pg_dump takes;
- MariaDB: one `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY` under REPEATABLE READ, what
  `mariadb-dump --single-transaction` does.
Why our own export rather than pg_dump / mariadb-dump: the installed product carries no dump tool (and pg_dump
refuses a server newer than itself), one file format then serves all three databases, so a SQLite office can move
to PostgreSQL by restoring its backup there, and the per-table checksums written at backup time are checked at
restore time by the same code.

The file is a zip: `tables/<table>.jsonl` (one JSON array per row, in primary-key order) and `manifest.json`
(format, version, schema revision, each table's columns with their kind, row count and checksum). A table's
checksum is the sum modulo 2**256 of the SHA-256 of its rows' canonical lines, so it does not depend on the order a
database returns rows in. Restore goes into an empty database: the schema at the backup's revision (migrations),
the rows, the identity sequences, the checksums verified, then the migrations up to this version's head.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import sqlite3
import zipfile
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    LargeBinary,
    MetaData,
    String,
    Table,
    Time,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.types import TypeEngine

from switch_service.errors import UserError
from switch_service.store import migrate
from switch_service.store.base import Base
from switch_service.store.engine import make_engine
from switch_service.store.types import ExactDecimal, UTCDateTime

FORMAT = 1
MANIFEST = "manifest.json"
SUFFIX = ".cdbackup"
BATCH = 2000
_MODULUS = 2**256

# done, total (None: not known yet), what is happening. It may raise to stop the work (a cancelled API job).
Progress = Callable[[int, int | None, str], None]


def _no_progress(_done: int, _total: int | None, _message: str) -> None:
    return None


@dataclasses.dataclass(frozen=True)
class TableSummary:
    rows: int
    checksum: str


@dataclasses.dataclass(frozen=True)
class Manifest:
    format: int
    version: str
    revision: str
    backend: str
    created_at: str
    columns: dict[str, list[tuple[str, str]]]  # table -> [(column, kind)], tables parents first
    tables: dict[str, TableSummary]

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), indent=1)

    @classmethod
    def from_json(cls, text_: str) -> Manifest:
        data = json.loads(text_)
        return cls(format=int(data["format"]), version=str(data["version"]), revision=str(data["revision"]),
                   backend=str(data["backend"]), created_at=str(data["created_at"]),
                   columns={name: [(str(c), str(k)) for c, k in cols] for name, cols in data["columns"].items()},
                   tables={name: TableSummary(int(t["rows"]), str(t["checksum"]))
                           for name, t in data["tables"].items()})


# --- value kinds: how a column's values are written, read back and typed on any database ------------------------

def column_kind(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, ExactDecimal):
        return f"decimal:{kind.precision}:{kind.scale}"
    if isinstance(kind, UTCDateTime):
        return "datetime"
    if isinstance(kind, Time):
        return "time"
    if isinstance(kind, LargeBinary):
        return "binary"
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, String):  # Text and the enums (VARCHAR) too
        return "str"
    if kind.python_type is int:
        return "int"
    raise TypeError(f"column {column.table.name}.{column.name}: no backup kind for {kind!r}")


def _sql_type(kind: str) -> TypeEngine[Any]:
    if kind.startswith("decimal:"):
        _name, precision, scale = kind.split(":")
        return ExactDecimal(int(precision), int(scale))
    types: dict[str, TypeEngine[Any]] = {"datetime": UTCDateTime(), "time": Time(), "binary": LargeBinary(),
                                         "bool": Boolean(), "str": String(), "int": BigInteger()}
    return types[kind]


def _encode(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind.startswith("decimal:"):
        return str(value)
    if kind in ("datetime", "time"):
        return value.isoformat()
    if kind == "binary":
        return base64.b64encode(value).decode("ascii")
    if kind == "str":
        return str(value.value if hasattr(value, "value") else value)
    return value


def _decode(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind.startswith("decimal:"):
        return Decimal(value)
    if kind == "datetime":
        return dt.datetime.fromisoformat(value)
    if kind == "time":
        return dt.time.fromisoformat(value)
    if kind == "binary":
        return base64.b64decode(value)
    return value


def _typed_tables(columns: dict[str, list[tuple[str, str]]]) -> list[Table]:
    """Tables typed by the manifest's kinds, so values convert the same way on every database."""
    metadata = MetaData()
    return [Table(name, metadata, *(Column(column, _sql_type(kind)) for column, kind in cols))
            for name, cols in columns.items()]


def model_columns() -> dict[str, list[tuple[str, str]]]:
    from switch_service.store import models  # noqa: F401 - every table on the metadata

    return {table.name: [(column.name, column_kind(column)) for column in table.columns]
            for table in Base.metadata.sorted_tables}


# --- reading rows and checksums ----------------------------------------------------------------------------------

def _line(row: Iterable[Any], kinds: list[str]) -> bytes:
    values = [_encode(value, kind) for value, kind in zip(row, kinds, strict=True)]
    return json.dumps(values, separators=(",", ":"), ensure_ascii=False).encode()


def _lines(conn: Connection, table: Table, kinds: list[str], order: list[Column[Any]]) -> Iterator[bytes]:
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(select(table).order_by(*order))
    for row in result:
        yield _line(row, kinds)


class _Checksum:
    def __init__(self) -> None:
        self.rows = 0
        self._sum = 0

    def add(self, line: bytes) -> None:
        self.rows += 1
        self._sum = (self._sum + int.from_bytes(hashlib.sha256(line).digest(), "big")) % _MODULUS

    def summary(self) -> TableSummary:
        return TableSummary(self.rows, f"{self._sum:064x}")


def table_checksums(engine: Engine, columns: dict[str, list[tuple[str, str]]] | None = None
                    ) -> dict[str, TableSummary]:
    """Rows and checksum of every table (of this version's schema, or of `columns`), read in one transaction."""
    columns = columns or model_columns()
    sums: dict[str, TableSummary] = {}
    with engine.connect() as conn:
        for table in _typed_tables(columns):
            kinds = [kind for _name, kind in columns[table.name]]
            checksum = _Checksum()
            for line in _lines(conn, table, kinds, list(table.columns)[:1]):
                checksum.add(line)
            sums[table.name] = checksum.summary()
    return sums


# --- backup ------------------------------------------------------------------------------------------------------

def backup(engine: Engine, path: Path, version: str, progress: Progress = _no_progress) -> Manifest:
    """Write a consistent snapshot of the database to `path` (written beside it, then renamed into place)."""
    revision, head = migrate.current_revision(engine), migrate.head_revision(engine)
    if revision != head or revision is None:
        raise UserError(f"database schema is at {revision or 'nothing'}, not {head}: run carrier-switch db upgrade")
    path = path.expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with _snapshot(engine, partial, progress) as conn:
            manifest = _export(conn, engine.url.get_backend_name(), revision, version, partial=partial,
                               progress=progress)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


@contextlib.contextmanager
def _snapshot(engine: Engine, partial: Path, progress: Progress) -> Iterator[Connection]:
    """A connection that sees one point in time for as long as the export reads."""
    backend = engine.url.get_backend_name()
    if backend == "sqlite":
        copy = partial.with_name(partial.name + ".sqlite")
        progress(0, None, "copying the database (SQLite backup API)")
        source = engine.raw_connection()
        try:
            target = sqlite3.connect(copy)
            try:
                source.driver_connection.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
        finally:
            source.close()
        snapshot = make_engine(f"sqlite:///{copy}")
        try:
            with snapshot.connect() as conn:
                yield conn
        finally:
            snapshot.dispose()
            copy.unlink(missing_ok=True)
            for extra in ("-wal", "-shm"):
                copy.with_name(copy.name + extra).unlink(missing_ok=True)
        return
    if backend == "postgresql":
        options: dict[str, Any] = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        with engine.connect().execution_options(**options) as conn, conn.begin():
            yield conn
        return
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
        conn.exec_driver_sql("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")
        try:
            yield conn
        finally:
            conn.rollback()


def _export(conn: Connection, backend: str, revision: str, version: str, *, partial: Path,
            progress: Progress) -> Manifest:
    columns = model_columns()
    tables = _typed_tables(columns)
    counts = {table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
              for table in tables}
    total = sum(counts.values())
    progress(0, total, "snapshot taken")
    done = 0
    summaries: dict[str, TableSummary] = {}
    created = dt.datetime.now(dt.UTC).isoformat()
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for table in tables:
            kinds = [kind for _name, kind in columns[table.name]]
            checksum = _Checksum()
            with archive.open(f"tables/{table.name}.jsonl", "w") as out:
                for line in _lines(conn, table, kinds, list(table.columns)[:1]):
                    out.write(line + b"\n")
                    checksum.add(line)
                    done += 1
                    if done % BATCH == 0:
                        progress(done, total, f"table {table.name}")
            summaries[table.name] = checksum.summary()
        manifest = Manifest(FORMAT, version, revision, backend, created, columns, summaries)
        archive.writestr(MANIFEST, manifest.to_json())
    progress(total, total, "done")
    return manifest


def read_manifest(path: Path) -> Manifest:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = Manifest.from_json(archive.read(MANIFEST).decode())
    except FileNotFoundError:
        raise UserError(f"no backup file {path}") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UserError(f"{path} is not a Carrierdesk backup ({exc})") from None
    if manifest.format != FORMAT:
        raise UserError(f"{path} is a backup of format {manifest.format}; this version reads format {FORMAT}")
    return manifest


# --- restore -----------------------------------------------------------------------------------------------------

def restore(engine: Engine, path: Path, progress: Progress = _no_progress) -> Manifest:
    """Load the backup into the empty database of `engine`, check every table's checksum, migrate to head.
    If anything fails, the tables it made are dropped again (the database is empty as before)."""
    manifest = read_manifest(path)
    known = migrate.known_revisions(engine)
    if manifest.revision not in known:
        raise UserError(f"the backup's schema revision {manifest.revision} is unknown to this version "
                        f"(made by Carrierdesk {manifest.version}): restore it with that version or a newer one")
    existing = inspect(engine).get_table_names()
    if existing:
        raise UserError(f"the database {engine.url.render_as_string(hide_password=True)} is not empty "
                        f"({len(existing)} tables): a backup is restored into an empty database")
    try:
        migrate.upgrade(engine, manifest.revision)
        _load(engine, path, manifest, progress)
        progress(sum(t.rows for t in manifest.tables.values()), None, "checking the checksums")
        found = table_checksums(engine, manifest.columns)
        expected = manifest.tables
        if _whole_seconds(engine.url.get_backend_name()) and not _whole_seconds(manifest.backend):
            expected = _archive_checksums(path, manifest)  # MariaDB's DATETIME keeps whole seconds
        wrong = [name for name, summary in expected.items() if found.get(name) != summary]
        if wrong:
            raise UserError(f"restored tables differ from the backup: {', '.join(wrong)}")
        migrate.upgrade(engine)
    except BaseException:
        drop_everything(engine)
        raise
    return manifest


def _load(engine: Engine, path: Path, manifest: Manifest, progress: Progress) -> None:
    total = sum(summary.rows for summary in manifest.tables.values())
    done = 0
    tables = list(_typed_tables(manifest.columns))
    with zipfile.ZipFile(path) as archive, engine.begin() as conn:
        for table in reversed(tables):  # rows the migrations seeded (data_versions): the backup has its own
            conn.execute(table.delete())
        for table in tables:
            kinds = manifest.columns[table.name]
            rows: Iterable[dict[str, Any]] = _rows(archive, table.name, kinds)
            parent = _self_reference(engine, table.name)
            if parent is not None:
                rows = _parents_first(list(rows), parent)
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    conn.execute(table.insert(), batch)
                    done += len(batch)
                    batch = []
                    progress(done, total, f"table {table.name}")
            if batch:
                conn.execute(table.insert(), batch)
                done += len(batch)
            if engine.url.get_backend_name() == "postgresql" and ("id", "int") in kinds:
                _reset_sequence(conn, table.name)
    progress(done, total, "rows loaded")


def _whole_seconds(backend: str) -> bool:
    return backend in ("mysql", "mariadb")


def _archive_checksums(path: Path, manifest: Manifest) -> dict[str, TableSummary]:
    """The backup's checksums with every time cut to the second, as a MariaDB DATETIME column stores it."""
    sums: dict[str, TableSummary] = {}
    with zipfile.ZipFile(path) as archive:
        for name, columns in manifest.columns.items():
            kinds = [kind for _column, kind in columns]
            checksum = _Checksum()
            for row in _rows(archive, name, columns):
                values = [value.replace(microsecond=0) if kind == "datetime" and value is not None else value
                          for value, kind in zip(row.values(), kinds, strict=True)]
                checksum.add(_line(values, kinds))
            sums[name] = checksum.summary()
    return sums


def _rows(archive: zipfile.ZipFile, name: str, kinds: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    with archive.open(f"tables/{name}.jsonl") as lines:
        for line in lines:
            values = json.loads(line)
            yield {column: _decode(value, kind) for (column, kind), value in zip(kinds, values, strict=True)}


def _self_reference(engine: Engine, table: str) -> tuple[str, str] | None:
    """(column, referred column) of a foreign key of the table onto itself (the reseller tree)."""
    for key in inspect(engine).get_foreign_keys(table):
        if key["referred_table"] == table:
            return key["constrained_columns"][0], key["referred_columns"][0]
    return None


def _parents_first(rows: list[dict[str, Any]], reference: tuple[str, str]) -> list[dict[str, Any]]:
    column, referred = reference
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    waiting = rows
    while waiting:
        later = [row for row in waiting if row[column] is not None and row[column] not in placed]
        ready = [row for row in waiting if row[column] is None or row[column] in placed]
        if not ready:
            raise UserError(f"the backup's rows refer to parents it does not hold ({len(later)} rows)")
        ordered += ready
        placed.update(row[referred] for row in ready)
        waiting = later
    return ordered


def _reset_sequence(conn: Connection, table: str) -> None:
    """PostgreSQL identity columns count on from the largest id restored."""
    sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar()
    if sequence:
        conn.execute(text(f'SELECT setval(:s, COALESCE((SELECT MAX(id) FROM "{table}"), 1), '
                          f'(SELECT MAX(id) FROM "{table}") IS NOT NULL)'), {"s": sequence})


def drop_everything(engine: Engine) -> None:
    """Every table of the database, alembic_version included (a failed restore leaves it empty again)."""
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.begin() as conn:
        if engine.url.get_backend_name() in ("mysql", "mariadb"):
            conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 0")
        metadata.drop_all(conn)
        if engine.url.get_backend_name() in ("mysql", "mariadb"):
            conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 1")
