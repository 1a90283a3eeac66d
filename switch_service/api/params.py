"""The path and query parameters routes share: object ids, and a keyset page's `after` and `limit`.

Every id is bounded to `MAX_ID` (a signed 64-bit integer): SQLite cannot compare a larger number at all, so an
unbounded id turned a typo into a 500 on every route instead of a 422 naming the parameter.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from switch_service.api.schemas import DEFAULT_PAGE_SIZE, MAX_ID, MAX_PAGE_SIZE, Id

# `/things/{thing_id}`: the id of an object.
ObjectId = Annotated[Id, Path()]

# `?account_id=`: only objects that belong to this one. Wrap it to describe it:
# `Annotated[IdQuery, Query(description="...")]`.
IdQuery = Annotated[Id | None, Query()]

After = Annotated[int | None, Query(ge=0, le=MAX_ID, description="`next_after` of the previous page (the id of "
                                                                 "its last item); left out for the first page")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"items per page, at most {MAX_PAGE_SIZE} "
                                                                 f"(default {DEFAULT_PAGE_SIZE})")]
