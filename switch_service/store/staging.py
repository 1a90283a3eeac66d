"""Temporary tables for long writes that stage their rows before one short switch-over transaction.

SQLite has one writer and the RADIUS processes must get it between a job's batches; a temporary table is private to
the job's connection (on SQLite it lives in the separate temp database, so filling it locks nothing the switch
writes) and vanishes with that connection, so a crash leaves nothing staged behind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, literal
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement


def staging_table(name: str, *columns: Column[object]) -> Table:
    return Table(name, MetaData(), *columns, prefixes=["TEMPORARY"])


@contextlib.contextmanager
def staged(connection: Connection, table: Table) -> Iterator[Table]:
    """`table` created on the connection (committed, so the caller starts clean) and dropped after; a connection
    that cannot drop it is invalidated rather than handed back to the pool with the staged rows."""
    table.create(connection)
    connection.commit()
    try:
        yield table
    finally:
        try:
            connection.rollback()
            table.drop(connection)
            connection.commit()
        except SQLAlchemyError:
            connection.invalidate()


def insert_values(table: Table, given: Mapping[str, Any]) -> dict[str, ColumnElement[Any]]:
    """What an INSERT ... SELECT from a staging table must name: the given values (a column of the staging table,
    an expression or a constant), and each other column's Python-side default, which an INSERT ... SELECT does not
    apply (a callable one, as a timestamp, is taken once for all rows)."""
    values: dict[str, ColumnElement[Any]] = {}
    for column in table.columns:
        default = column.default
        if column.name in given:
            value = given[column.name]
        elif default is not None and not column.primary_key and default.is_scalar:
            value = default.arg  # type: ignore[attr-defined]
        elif default is not None and not column.primary_key and default.is_callable:
            value = default.arg(None)  # type: ignore[attr-defined]
        else:
            continue
        values[column.name] = (value if isinstance(value, ColumnElement)
                               else literal(value, column.type).label(column.name))
    return values
