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

The file is a zip: `tables/<table>.jsonl` (one JSON array per row, in primary-key order), `files/documents/...`
(the PDF of every issued document the snapshot holds a row of, see below) and `manifest.json` (format, version,
schema revision, each table's columns with their kind, row count and checksum, each carried file's SHA-256). A table's
checksum is the sum modulo 2**256 of the SHA-256 of its rows' canonical lines, so it does not depend on the order a
database returns rows in. Restore goes into an empty database: the schema at the backup's revision (migrations),
the rows, the identity sequences, the checksums verified, then the migrations up to this version's head.

Issued documents are rows (number, SHA-256) plus PDF files in the data folder (`documents.issued`): a backup that
kept the rows alone would restore documents that can no longer be opened. So a backup given the data folder carries
the file of each `issued_documents` row of its snapshot (a file is written before its row commits, so every row of
the snapshot has its file; a file whose bytes no longer match its row's checksum is left out and named in the
manifest, as is a missing one), and a restore given the data folder puts them back once the rows are in: a
re-opened document is then byte-identical to the one issued before the backup. The files are checked against the
manifest before the restore writes any.

The operator's recordings are files too, not rows: the prompts replaced through `/ivr/prompts` and the access
numbers' own welcomes, all in the operator's prompt folder (`ivr_prompts_dir`, else `<data folder>/prompts`:
`<lang>/<name>.wav`, `_did/<number>.wav`, media/prompt_sets.py). A backup given that folder carries each as
`files/prompts/<its path there>` with its SHA-256 (read once: the bytes hashed are the bytes kept, even if the
operator replaces the prompt meanwhile), and says so (`prompts` in the manifest); a restore given the folder checks
them with the documents, puts them back and removes the recordings the backup does not hold, so the IVR says what
it said when the backup was taken (the DIDs the welcomes belong to are the restored rows).
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
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
FILES = "files/"  # files carried along: issued documents under their data-folder path, recordings under PROMPTS
DOCUMENTS = "documents"
PROMPTS = "prompts"  # the operator's recordings, under their path in the operator's prompt folder
SUFFIX = ".cdbackup"
BATCH = 2000
_MODULUS = 2**256
log = logging.getLogger(__name__)

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
    files: dict[str, str] = dataclasses.field(default_factory=dict)  # carried path -> SHA-256 (documents, prompts)
    files_left_out: list[str] = dataclasses.field(default_factory=list)  # rows whose file was missing or changed
    prompts: bool = False  # the operator's recordings are carried (every one: those not held were not there)

    def counted(self, kind: str) -> int:
        """How many carried files are of `kind` (DOCUMENTS, PROMPTS)."""
        return sum(1 for relative in self.files if relative.split("/", 1)[0] == kind)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), indent=1)

    @classmethod
    def from_json(cls, text_: str) -> Manifest:
        data = json.loads(text_)
        return cls(format=int(data["format"]), version=str(data["version"]), revision=str(data["revision"]),
                   backend=str(data["backend"]), created_at=str(data["created_at"]),
                   columns={name: [(str(c), str(k)) for c, k in cols] for name, cols in data["columns"].items()},
                   tables={name: TableSummary(int(t["rows"]), str(t["checksum"]))
                           for name, t in data["tables"].items()},
                   files={str(name): str(digest) for name, digest in data.get("files", {}).items()},
                   files_left_out=[str(name) for name in data.get("files_left_out", [])],
                   prompts=bool(data.get("prompts", False)))


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

def backup(engine: Engine, path: Path, version: str, progress: Progress = _no_progress, *,
           data_dir: Path | None = None, prompts_dir: Path | None = None) -> Manifest:
    """Write a consistent snapshot of the database to `path` (written beside it, then renamed into place), with the
    files of its issued documents read from `data_dir` and the operator's recordings from `prompts_dir` (None:
    without them)."""
    revision, head = migrate.current_revision(engine), migrate.head_revision(engine)
    if revision != head or revision is None:
        raise UserError(f"database schema is at {revision or 'nothing'}, not {head}: run carrier-switch db upgrade")
    path = path.expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with _snapshot(engine, partial, progress) as conn:
            manifest = _export(conn, engine.url.get_backend_name(), revision, version, partial=partial,
                               progress=progress, data_dir=data_dir, prompts_dir=prompts_dir)
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
            progress: Progress, data_dir: Path | None, prompts_dir: Path | None) -> Manifest:
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
        files, left_out = _export_files(conn, archive, data_dir) if data_dir is not None else ({}, [])
        if prompts_dir is not None:
            files.update(_export_recordings(archive, prompts_dir))
        manifest = Manifest(FORMAT, version, revision, backend, created, columns, summaries, files, left_out,
                            prompts=prompts_dir is not None)
        archive.writestr(MANIFEST, manifest.to_json())
    progress(total, total, "done")
    return manifest


def _export_files(conn: Connection, archive: zipfile.ZipFile, data_dir: Path) -> tuple[dict[str, str], list[str]]:
    """The file of every issued document of the snapshot, as `files/<its data-folder path>`; (carried, left out)."""
    documents = Base.metadata.tables["issued_documents"]
    carried: dict[str, str] = {}
    left_out: list[str] = []
    for relative, digest in conn.execute(select(documents.c.file_path, documents.c.sha256)
                                         .order_by(documents.c.id)):
        try:
            data = (data_dir / relative).read_bytes()
        except OSError:
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            log.warning("backup: the file of %s is %s; the backup holds its row only", relative,
                        "missing" if data is None else "changed since it was issued")
            left_out.append(relative)
            continue
        archive.writestr(FILES + relative, data, compress_type=zipfile.ZIP_STORED)  # PDFs are compressed already
        carried[relative] = digest
    return carried, left_out


def recordings(prompts_dir: Path) -> dict[str, Path]:
    """The operator's recordings in its prompt folder (`<lang>/<name>.wav`, `_did/<number>.wav`; never a file being
    written, `.<name>.part`), by their carried path `prompts/...`."""
    if not prompts_dir.is_dir():
        return {}
    return {f"{PROMPTS}/{file.parent.name}/{file.name}": file for file in sorted(prompts_dir.glob("*/*.wav"))
            if not file.name.startswith(".") and not file.parent.name.startswith(".")}


def _export_recordings(archive: zipfile.ZipFile, prompts_dir: Path) -> dict[str, str]:
    carried: dict[str, str] = {}
    for relative, file in recordings(prompts_dir).items():
        try:
            data = file.read_bytes()
        except OSError:  # removed (restored to the shipped prompt) while the backup ran
            continue
        archive.writestr(FILES + relative, data)
        carried[relative] = hashlib.sha256(data).hexdigest()
    return carried


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

def restore(engine: Engine, path: Path, progress: Progress = _no_progress, *,
            data_dir: Path | None = None, prompts_dir: Path | None = None) -> Manifest:
    """Load the backup into the empty database of `engine`, check every table's checksum, migrate to head, then
    put the document files it carries into `data_dir` and its recordings into `prompts_dir` (None: leave them). If
    anything fails before the files, the tables it made are dropped again (the database is empty as before)."""
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
        if data_dir is not None or prompts_dir is not None:
            _check_files(path, manifest)
        migrate.upgrade(engine)
    except BaseException:
        drop_everything(engine)
        raise
    _restore_files(path, manifest, data_dir, prompts_dir)
    return manifest


def _carried(relative: str) -> str:
    """The archive name of a carried file; a UserError for a path that would leave the documents folder or the
    operator's prompt folder."""
    parts = Path(relative).parts
    inside = ((parts[:1] == (DOCUMENTS,) and len(parts) > 1) or (parts[:1] == (PROMPTS,) and len(parts) == 3))
    if not inside or ".." in parts or Path(relative).is_absolute():
        raise UserError(f"the backup carries a file outside the documents and prompts folders: {relative!r}")
    return FILES + relative


def _target(relative: str, data_dir: Path | None, prompts_dir: Path | None) -> Path | None:
    """Where a carried file goes (None: its folder was not given)."""
    if relative.startswith(PROMPTS + "/"):
        return prompts_dir / relative.removeprefix(PROMPTS + "/") if prompts_dir is not None else None
    return data_dir / relative if data_dir is not None else None


def _check_files(path: Path, manifest: Manifest) -> None:
    with zipfile.ZipFile(path) as archive:
        for relative, digest in manifest.files.items():
            try:
                data = archive.read(_carried(relative))
            except KeyError:
                raise UserError(f"the backup lists the file {relative} but does not hold it") from None
            if hashlib.sha256(data).hexdigest() != digest:
                raise UserError(f"the backup's file {relative} differs from its checksum")


def _restore_files(path: Path, manifest: Manifest, data_dir: Path | None, prompts_dir: Path | None) -> None:
    """Each carried file written beside its place, then renamed into it (a reader, a worker playing a prompt, never
    sees half a file); then the operator's recordings the backup does not hold are removed."""
    with zipfile.ZipFile(path) as archive:
        for relative in manifest.files:
            target = _target(relative, data_dir, prompts_dir)
            if target is None:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.{os.getpid()}.part")
            partial.write_bytes(archive.read(_carried(relative)))
            os.chmod(partial, 0o644)
            os.replace(partial, target)
    if manifest.prompts and prompts_dir is not None:
        for relative, file in recordings(prompts_dir).items():
            if relative not in manifest.files:
                file.unlink(missing_ok=True)


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
