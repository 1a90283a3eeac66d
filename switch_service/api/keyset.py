"""Keyset paging: WHERE (key, id) > (key of :after, :after) ORDER BY key, id LIMIT :limit + 1, so no page costs more
than its rows, and the one row past the page says whether there is a next one.

The key is the list's sort column (`switch_service.api.sorting.Ordering`; by id alone when there is none), and
descending lists walk down ((key, id) < ..., both DESC). `after` is always an id: the row's own key is read by an
uncorrelated subquery of the same statement, so a client holding an id list asks for any page by the id of the row
before it. A row sorted on stays where it was read until the list is read again.

The `after` and `limit` query parameters are `switch_service.api.params.After` and `Limit`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import Row, Select, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session

from switch_service.api.sorting import Ordering

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

BY_ID = Ordering()
NEWEST_FIRST = Ordering(descending=True)


def ordered(query: Select[*Ts], id_column: InstrumentedAttribute[int], ordering: Ordering) -> Select[*Ts]:
    """`query` in the list's order: by the key, then by id, both in its direction."""
    columns = (id_column,) if ordering.key is None else (ordering.key, id_column)
    return query.order_by(*(column.desc() if ordering.descending else column for column in columns))


def keyset_select(query: Select[*Ts], id_column: InstrumentedAttribute[int], after: int | None, limit: int,
                  *, ordering: Ordering = BY_ID) -> Select[*Ts]:
    """`query` (filters already applied) cut to the `limit` rows that follow the row of id `after`."""
    if after is not None:
        if ordering.key is None:
            query = query.where(id_column < after if ordering.descending else id_column > after)
        else:
            anchor = select(ordering.key).where(id_column == after).correlate(None).scalar_subquery()
            here, there = tuple_(ordering.key, id_column), tuple_(anchor, after)
            query = query.where(here < there if ordering.descending else here > there)
    return ordered(query, id_column, ordering).limit(limit)


def keyset_page(session: Session, query: Select[T], id_column: InstrumentedAttribute[int], after: int | None,
                limit: int, *, ordering: Ordering = BY_ID) -> tuple[list[T], int | None]:
    """One page of a query of one entity, and the `next_after` cursor (None on the last page)."""
    rows = list(session.scalars(keyset_select(query, id_column, after, limit + 1, ordering=ordering)))
    return _split(rows, limit, lambda row: getattr(row, id_column.key))


def keyset_rows(session: Session, query: Select[*Ts], id_column: InstrumentedAttribute[int],
                after: int | None, limit: int, *, ordering: Ordering = BY_ID) -> tuple[list[Row[*Ts]], int | None]:
    """As `keyset_page`, for a query of several entities or columns: one of them is `id_column` or its entity."""
    rows = list(session.execute(keyset_select(query, id_column, after, limit + 1, ordering=ordering)))
    return _split(rows, limit, _id_reader(query, id_column))


def _split(rows: Sequence[T], limit: int, row_id: Callable[[T], Any]) -> tuple[list[T], int | None]:
    page = list(rows[:limit])
    return page, int(row_id(page[-1])) if len(rows) > limit else None


def _id_reader(query: Select[*Ts], id_column: InstrumentedAttribute[int]) -> Callable[[Row[*Ts]], Any]:
    for index, selected in enumerate(query.column_descriptions):
        if selected["expr"] is id_column:
            return lambda row: row[index]
        if selected["expr"] is id_column.class_:
            return lambda row: getattr(row[index], id_column.key)
    raise ValueError(f"the query selects neither {id_column} nor its entity")
