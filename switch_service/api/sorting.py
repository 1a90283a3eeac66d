"""Lists sorted in SQL by a column the client picks: the `sort` and `order` query parameters.

A list declares its sort keys once, as data: a `Literal` of the names the API accepts (what the OpenAPI document
lists) and the SQL expression of each, an expression of the listed entity's own row (a column, a COALESCE of a
nullable one, or a correlated subquery). Keyset paging stays: the key of a row becomes (sort value, id), and
`after` stays the id of the last row seen, whose sort value the query reads itself (`switch_service.api.keyset`).
So a client that only knows ids (an id list) still asks for any page with `after=<id of the row before>`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar, get_args

from fastapi import Query
from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

from switch_service.api.schemas import SortOrder

Name = TypeVar("Name", bound=str)
SortExpression = ColumnElement[Any] | InstrumentedAttribute[Any]

Order = Annotated[SortOrder, Query(description="asc or desc (the list's own order when left out); ties are broken "
                                               "by id in the same direction")]


@dataclass(frozen=True)
class Ordering:
    """How one request wants its list: by `key` then id (by id alone when `key` is None), `descending` or not."""

    key: SortExpression | None = None
    descending: bool = False



class SortKeys(Generic[Name]):
    """The sort keys of one list; `names` is the Literal its route's `sort` parameter is typed with."""

    def __init__(self, names: Any, keys: Mapping[Name, SortExpression]) -> None:
        if set(get_args(names)) != set(keys):
            raise ValueError(f"sort names {get_args(names)} and keys {sorted(keys)} differ")
        self.names: tuple[str, ...] = get_args(names)
        self._keys = dict(keys)

    def ordering(self, sort: Name | None, order: SortOrder) -> Ordering:
        return Ordering(None if sort is None else self._keys[sort], order is SortOrder.DESC)

    def query(self) -> Any:
        """The `Query(...)` of the route's `sort` parameter: says what it sorts by."""
        return Query(description="sort by this field, then by id (by id alone when left out): "
                                 + ", ".join(self.names))
