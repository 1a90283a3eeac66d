"""Keyset paging by id: WHERE id > :after ORDER BY id LIMIT :limit + 1, so no page costs more than its rows, and
the one row past the page says whether there is a next one. Newest-first lists walk down (id < :after, id DESC).

The `after` and `limit` query parameters are `switch_service.api.params.After` and `Limit`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import Row, Select
from sqlalchemy.orm import InstrumentedAttribute, Session

T = TypeVar("T")
Ts = TypeVarTuple("Ts")


def keyset_select(query: Select[*Ts], id_column: InstrumentedAttribute[int], after: int | None, limit: int,
                  *, newest_first: bool = False) -> Select[*Ts]:
    """`query` (filters already applied) cut to the `limit` rows that follow the id `after`, in id order."""
    if after is not None:
        query = query.where(id_column < after if newest_first else id_column > after)
    return query.order_by(id_column.desc() if newest_first else id_column).limit(limit)


def keyset_page(session: Session, query: Select[T], id_column: InstrumentedAttribute[int], after: int | None,
                limit: int, *, newest_first: bool = False) -> tuple[list[T], int | None]:
    """One page of a query of one entity, and the `next_after` cursor (None on the last page)."""
    rows = list(session.scalars(keyset_select(query, id_column, after, limit + 1, newest_first=newest_first)))
    return _split(rows, limit, lambda row: getattr(row, id_column.key))


def keyset_rows(session: Session, query: Select[*Ts], id_column: InstrumentedAttribute[int],
                after: int | None, limit: int, *, newest_first: bool = False
                ) -> tuple[list[Row[*Ts]], int | None]:
    """As `keyset_page`, for a query of several entities or columns: one of them is `id_column` or its entity."""
    rows = list(session.execute(keyset_select(query, id_column, after, limit + 1, newest_first=newest_first)))
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
