"""Call detail records: a keyset-paged JSON list, the same selection streamed as CSV, and a call's reseller lines.

Admins see every field; support and reseller users get no carrier side (cost, margin, buy_rate,
carrier_id): those fields are absent from their answers, not null. Resellers see only the CDRs of the
accounts in their reseller subtree, and of a call's reseller lines only those of their own subtree (never the
levels above it, whose buy prices tell the operator's price).
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import Depends, Query
from fastapi.responses import StreamingResponse
from pydantic import Field
from sqlalchemy import ColumnElement, Select, select

from switch_service.api.deps import Context, CurrentUser, DbSession
from switch_service.api.keyset import NEWEST_FIRST, keyset_rows, keyset_select
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.request_errors import error_responses, forbidden, not_found
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    CallResult,
    CdrKind,
    CdrOut,
    CdrPage,
    CdrRestrictedOut,
    CdrRestrictedPage,
    SortOrder,
    Timestamp,
)
from switch_service.api.schemas.resellers import CdrResellerLinesOut, ResellerLineOut
from switch_service.api.sorting import Order, SortKeys
from switch_service.api.visibility import account_visible, reseller_subtree
from switch_service.store.models import Account, Cdr, CdrResellerLine, Reseller, User
from switch_service.store.models.enums import CdrKind as StoreCdrKind
from switch_service.store.models.enums import Role

router = api_router(tags=["cdrs"])

CSV_BATCH_SIZE = 1000

FULL_FIELDS = tuple(CdrOut.model_fields)
RESTRICTED_FIELDS = tuple(CdrRestrictedOut.model_fields)

_RESPONSES = error_responses(401, 403)


def sees_carrier_side(user: User) -> bool:
    return user.role is Role.ADMIN


class CdrFilter:
    """The query parameters both endpoints share, turned into WHERE clauses for the signed-in user."""

    def __init__(
        self,
        user: CurrentUser,
        *,
        account_id: IdQuery = None,
        carrier_id: Annotated[IdQuery, Query(description="admins only")] = None,
        destination_prefix: Annotated[str | None, Query(pattern=r"^[0-9]{1,24}$",
                                                        description="E.164 digits the destination starts with")] = None,
        since: Annotated[Timestamp | None, Query(description="started at or after (with a UTC offset)")] = None,
        until: Annotated[Timestamp | None, Query(description="started before (with a UTC offset)")] = None,
        result: Annotated[CallResult | None, Query()] = None,
        kind: Annotated[CdrKind, Query(description="call rows, or one row per carrier attempt")] = CdrKind.CALL,
    ) -> None:
        if carrier_id is not None and not sees_carrier_side(user):
            raise forbidden(f"the {user.role.value} role may not filter by carrier (allowed: admin)")
        self.user = user
        clauses: list[ColumnElement[bool]] = [Cdr.kind == StoreCdrKind(kind.value)]
        if user.role is Role.RESELLER:
            clauses.append(Cdr.account_id.in_(select(Account.id).where(account_visible(user))))
        if account_id is not None:
            clauses.append(Cdr.account_id == account_id)
        if carrier_id is not None:
            clauses.append(Cdr.carrier_id == carrier_id)
        if destination_prefix is not None:
            clauses.append(Cdr.destination.startswith(destination_prefix, autoescape=True))
        if since is not None:
            clauses.append(Cdr.started_at >= since)
        if until is not None:
            clauses.append(Cdr.started_at < until)
        if result is not None:
            clauses.append(Cdr.result == result.value)
        self.clauses = clauses

    @property
    def fields(self) -> tuple[str, ...]:
        return FULL_FIELDS if sees_carrier_side(self.user) else RESTRICTED_FIELDS

    def query(self) -> Select[Any]:
        """The fields this user may see of the CDRs selected, in no order."""
        return select(*(getattr(Cdr, name) for name in self.fields)).where(*self.clauses)

    def select(self, after: int | None, limit: int) -> Select[Any]:
        """`query()` newest first, `limit` rows after the id `after`."""
        return keyset_select(self.query(), Cdr.id, after, limit, ordering=NEWEST_FIRST)


Filter = Annotated[CdrFilter, Depends()]
CdrSort = Literal["started_at", "caller", "destination", "result", "duration_s", "billed_s", "price"]
CDR_SORT: SortKeys[CdrSort] = SortKeys(CdrSort, {
    "started_at": Cdr.started_at, "caller": Cdr.caller, "destination": Cdr.destination, "result": Cdr.result,
    "duration_s": Cdr.duration_s, "billed_s": Cdr.billed_s, "price": Cdr.price,
})


@router.get("/cdrs", responses=_RESPONSES)
def list_cdrs(
    session: DbSession,
    selection: Filter,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[CdrSort | None, CDR_SORT.query()] = None,
    order: Order = SortOrder.DESC,
) -> Annotated[CdrPage | CdrRestrictedPage, Field(discriminator="view")]:
    """Newest first unless sorted otherwise (sorting by anything but the start reads every CDR the filters
    select: narrow them by time first)."""
    rows, next_after = keyset_rows(session, selection.query(), Cdr.id, after, limit,
                                   ordering=CDR_SORT.ordering(sort, order))
    fields = [row._asdict() for row in rows]
    if sees_carrier_side(selection.user):
        return CdrPage(items=[CdrOut.model_validate(row) for row in fields], next_after=next_after)
    return CdrRestrictedPage(items=[CdrRestrictedOut.model_validate(row) for row in fields], next_after=next_after)


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)  # Decimal keeps its 6 places: "1.500000"


@router.get("/cdrs.csv", responses={**_RESPONSES, 200: {"content": {"text/csv": {}}}},
            response_class=StreamingResponse)
def export_cdrs(selection: Filter, context: Context) -> StreamingResponse:
    """The same selection as GET /cdrs, every page of it, as CSV; fetched and sent in batches."""

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")

        def flush() -> str:
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text

        writer.writerow(selection.fields)
        yield flush()
        after: int | None = None
        while True:
            # A session per batch: the request's own session is closed before the body is streamed.
            with context.sessions() as session:
                rows = list(session.execute(selection.select(after, CSV_BATCH_SIZE)))
            if not rows:
                return
            writer.writerows([_csv_text(value) for value in row] for row in rows)
            yield flush()
            after = rows[-1].id
            if len(rows) < CSV_BATCH_SIZE:
                return

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="cdrs.csv"'})


@router.get("/cdrs/{cdr_id}/reseller-lines", responses=error_responses(401, 403, 404))
def cdr_reseller_lines(cdr_id: ObjectId, session: DbSession, user: CurrentUser) -> CdrResellerLinesOut:
    """Every reseller's sell price, buy price and commission of a call, level 0 (the account's own reseller)
    first. Admins see the whole tree; a reseller user the lines of its own subtree, of its subtree's calls (another
    call is 404); support sees no money (403)."""
    if user.role is Role.SUPPORT:
        raise forbidden("the support role sees no money (allowed: admin, reseller)")
    query = select(Cdr.id, Cdr.call_id).where(Cdr.id == cdr_id, Cdr.kind == StoreCdrKind.CALL)
    if user.role is Role.RESELLER:
        query = query.where(Cdr.account_id.in_(select(Account.id).where(account_visible(user))))
    cdr = session.execute(query).one_or_none()
    if cdr is None:
        raise not_found("call record", cdr_id)
    lines = (select(CdrResellerLine, Reseller.name).join(Reseller, Reseller.id == CdrResellerLine.reseller_id)
             .where(CdrResellerLine.call_id == cdr.call_id).order_by(CdrResellerLine.level))
    if user.role is Role.RESELLER:
        lines = lines.where(CdrResellerLine.reseller_id.in_(reseller_subtree(user.reseller_id or 0)))
    items = [ResellerLineOut(reseller_id=line.reseller_id, reseller_name=name, level=line.level, sell=line.sell,
                             buy=line.buy, commission=line.commission, currency=line.currency)
             for line, name in session.execute(lines)]
    return CdrResellerLinesOut(cdr_id=cdr.id, call_id=cdr.call_id, items=items)
