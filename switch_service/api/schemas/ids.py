"""The id list of a table: every id a list endpoint would return for the same filters, in the same order.

A client that knows the ids knows the row count and the `after` cursor of any page (the id of the row before it),
so it can show a true scroll bar and fetch any range (the end included) as one keyset page.
"""

from __future__ import annotations

from pydantic import Field

from switch_service.api.schemas import OutputModel


class IdList(OutputModel):
    """Ids only (a million fit in ~8 MB of JSON); fetch the rows themselves page by page."""

    ids: list[int] = Field(description="the ids, in the list endpoint's order (ascending)")
