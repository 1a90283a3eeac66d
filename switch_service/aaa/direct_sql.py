"""Core statements run straight on a pooled DBAPI connection: the RADIUS policy's per-request statements.

Why: measured on PostgreSQL (psycopg 3), executing a built-once Core SELECT through `Connection.execute` costs
~150 µs of CPU against ~65 µs for the same SQL on the DBAPI cursor, and an Access-Request runs several of them.
Here each statement is compiled once per dialect (SQLAlchemy still writes the SQL and its types still convert
every value, SQLite's money millionths and datetimes included), and each execution is the cursor call plus
those conversions.

The statements accepted are the policy's: no Python-side defaults left for execution (an INSERT names every
column it needs and is `inline()`), results read by position. `DirectConnection.execute` answers with what the
callers of a Core `Connection` use: `one()`, `one_or_none()`, `first()`, `scalar()` and `rowcount`.
"""

from __future__ import annotations

import collections
import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Engine, Executable
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import InvalidRequestError, NoResultFound
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Insert, UpdateBase
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.selectable import Select

_Processor = Callable[[Any], Any] | None


class _Compiled:
    """One statement (for one set of INSERT columns) compiled for one dialect, with its value conversions."""

    def __init__(self, statement: Executable, dialect: Dialect, column_keys: Sequence[str] | None) -> None:
        assert isinstance(statement, ClauseElement)
        compiled = statement.compile(dialect=dialect, column_keys=list(column_keys) if column_keys else None)
        assert isinstance(compiled, SQLCompiler)
        if compiled.insert_prefetch or compiled.update_prefetch:
            raise InvalidRequestError(f"direct SQL needs every defaulted column given: {statement}")
        self.compiled = compiled
        self.sql = str(compiled)
        self.order = tuple(compiled.positiontup or ()) if compiled.positional else None
        self.binds: dict[str, _Processor] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect) for name, bind in compiled.binds.items()}
        columns: list[Any]
        if isinstance(statement, Select):
            columns = list(statement.selected_columns)
        elif isinstance(statement, UpdateBase):
            columns = list(statement.exported_columns)
        else:
            columns = []
        self.returns_rows = bool(columns)
        self.row: Any = collections.namedtuple(  # type: ignore[misc]
            "Row", [column.key or "" for column in columns], rename=True)  # an unnamed column is _<position>
        self.types = [column.type.dialect_impl(dialect) for column in columns]
        self.dialect = dialect
        self.results: list[_Processor] | None = None

    def parameters(self, given: Mapping[str, Any]) -> Any:
        values = self.compiled.construct_params(given)
        for name, process in self.binds.items():
            if process is not None and name in values:
                values[name] = process(values[name])
        if self.order is not None:
            return tuple(values[name] for name in self.order)
        return values

    def rows(self, cursor: Any) -> list[Any]:
        fetched = cursor.fetchall()
        if self.results is None:  # the driver's column types are known once the statement ran
            self.results = [kind.result_processor(self.dialect, description[1])
                            for kind, description in zip(self.types, cursor.description, strict=True)]
        processors = self.results
        make = self.row._make
        return [make(value if process is None else process(value) for value, process in zip(raw, processors,
                                                                                            strict=True))
                for raw in fetched]


class DirectResult(NamedTuple):
    rows: list[Any]
    rowcount: int

    def one(self) -> Any:
        if len(self.rows) != 1:
            raise NoResultFound(f"expected one row, got {len(self.rows)}")
        return self.rows[0]

    def one_or_none(self) -> Any:
        if len(self.rows) > 1:
            raise InvalidRequestError(f"expected at most one row, got {len(self.rows)}")
        return self.rows[0] if self.rows else None

    def first(self) -> Any:
        return self.rows[0] if self.rows else None

    def scalar(self) -> Any:
        return self.rows[0][0] if self.rows else None


class DirectConnection:
    """A pooled DBAPI connection running Core statements (see the module docstring); `commit`/`rollback` as usual."""

    def __init__(self, raw: Any, dialect: Dialect, cache: dict[Any, _Compiled]) -> None:
        self._raw = raw
        self._cursor = raw.cursor()
        self.dialect = dialect
        self._cache = cache

    def execute(self, statement: Executable, parameters: Mapping[str, Any] | None = None, /) -> DirectResult:
        given = parameters or {}
        keys = tuple(sorted(given)) if isinstance(statement, Insert) else None  # its columns are the keys
        compiled = self._cache.get((statement, keys))
        if compiled is None:
            compiled = self._cache[(statement, keys)] = _Compiled(statement, self.dialect, keys)
        cursor = self._cursor
        cursor.execute(compiled.sql, compiled.parameters(given))
        return DirectResult(compiled.rows(cursor) if compiled.returns_rows else [], cursor.rowcount)

    @property
    def autocommit(self) -> bool:
        """PostgreSQL only: statements commit themselves, and the first of a request sends no BEGIN (a round trip
        less); set it only between transactions. Other drivers are never switched (PyMySQL's switch is itself a
        round trip)."""
        return bool(self.dialect.name == "postgresql" and self._raw.dbapi_connection.autocommit)

    @autocommit.setter
    def autocommit(self, on: bool) -> None:
        if self.dialect.name == "postgresql":
            self._raw.dbapi_connection.autocommit = on

    def commit(self) -> None:
        self._raw.commit()

    def rollback(self) -> None:
        self._raw.rollback()


class DirectSql:
    """Direct connections from an engine's pool, sharing one cache of compiled statements."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._cache: dict[Any, _Compiled] = {}

    @contextlib.contextmanager
    def connect(self) -> Iterator[DirectConnection]:
        """A connection for one request, back to the pool at the end (rolled back there if left open); a
        connection the driver reports broken is invalidated, so the pool opens a new one."""
        raw = self.engine.raw_connection()
        dialect = self.engine.dialect
        connection = DirectConnection(raw, dialect, self._cache)
        try:
            yield connection
        except dialect.loaded_dbapi.Error as exc:
            if dialect.is_disconnect(exc, raw.dbapi_connection, None):
                raw.invalidate(exc)
            raise
        finally:
            if raw.dbapi_connection is not None and connection.autocommit:
                connection.autocommit = False  # the pool hands out transactional connections
            raw.close()
