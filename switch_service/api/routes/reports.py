"""Traffic reports over a bounded time range, summed in SQL (`store.repositories.reports`).

The filters are the CDR search's own (`routes.cdrs.CdrFilter`: account, carrier, destination prefix, reseller
subtree, carrier filter for admins only); here the range is required and at most MAX_REPORT_DAYS long. Groups
come in key order, paged by key; the first page also carries the total and the rows without a key.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, status
from pydantic import AwareDatetime, Field

from switch_service.api.deps import CurrentUser, DbSession
from switch_service.api.params import IdQuery, Limit
from switch_service.api.request_errors import error_responses, invalid
from switch_service.api.routes.cdrs import CdrFilter
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, CdrKind
from switch_service.api.schemas.reports import (
    MAX_REPORT_DAYS,
    ReportGroup,
    TrafficReport,
    TrafficReportRestricted,
    TrafficReportRevenue,
)
from switch_service.store.models.enums import Role
from switch_service.store.repositories.reports import Key, TrafficRow, name_groups, traffic, traffic_summary

router = api_router(tags=["reports"])

_RESPONSES = error_responses(401, 403)  # 422 is FastAPI's own validation answer
_INT_KEYS = (ReportGroup.CARRIER, ReportGroup.ACCOUNT, ReportGroup.RESELLER)


class TrafficFilter:
    """The report's query: grouping, a required bounded range and the CDR search's filters for both row kinds."""

    def __init__(
        self,
        user: CurrentUser,
        *,
        group_by: Annotated[ReportGroup, Query(description="carrier is for admins only")],
        since: Annotated[AwareDatetime, Query(description="calls started at or after (with a UTC offset)")],
        until: Annotated[AwareDatetime, Query(description=f"started before; at most {MAX_REPORT_DAYS} days "
                                                          "after since")],
        account_id: IdQuery = None,
        carrier_id: Annotated[IdQuery, Query(description="admins only")] = None,
        destination_prefix: Annotated[str | None, Query(pattern=r"^[0-9]{1,24}$",
                                                        description="E.164 digits the destination starts with")
                                      ] = None,
    ) -> None:
        if group_by is ReportGroup.CARRIER and user.role is not Role.ADMIN:
            raise HTTPException(status.HTTP_403_FORBIDDEN,
                                f"the {user.role.value} role may not group by carrier (allowed: admin)")
        if until <= since:
            raise invalid(("query", "until"), "must be after since", until.isoformat())
        if until - since > dt.timedelta(days=MAX_REPORT_DAYS):
            raise invalid(("query", "until"), f"must be at most {MAX_REPORT_DAYS} days after since",
                          until.isoformat())
        common: dict[str, Any] = {"account_id": account_id, "carrier_id": carrier_id,
                                  "destination_prefix": destination_prefix, "since": since, "until": until}
        self.user = user
        self.group_by, self.since, self.until = group_by, since, until
        self.call_where = CdrFilter(user, **common, kind=CdrKind.CALL).clauses
        self.attempt_where = CdrFilter(user, **common, kind=CdrKind.ATTEMPT).clauses

    def key(self, text: str) -> Key:
        """The `after` cursor as the group's key type (422 naming `after` when it is not one)."""
        try:
            if self.group_by in _INT_KEYS:
                return int(text)
            if self.group_by is ReportGroup.DAY:
                return dt.date.fromisoformat(text)
        except ValueError:
            kind = "a day (YYYY-MM-DD)" if self.group_by is ReportGroup.DAY else "an id"
            raise invalid(("query", "after"), f"must be {kind} when grouping by {self.group_by.value}",
                          text) from None
        return text


def traffic_fields(row: TrafficRow, role: Role) -> dict[str, Any]:
    """A row's figures as `role` may see them (the dashboard's tiles count the same way)."""
    fields: dict[str, Any] = {
        "key": None if row.key is None else str(row.key), "name": row.name, "calls": row.calls,
        "answered": row.answered, "asr_percent": round(row.answered * 100 / row.calls, 2) if row.calls else None,
        "acd_s": round(row.talk_s / row.answered, 1) if row.answered else None, "minutes": round(row.talk_s / 60, 2),
    }
    if row.attempts is not None:
        fields["attempts"] = row.attempts
        fields["attempts_asr_percent"] = (round((row.attempts_answered or 0) * 100 / row.attempts, 2)
                                          if row.attempts else None)
    if role is not Role.SUPPORT:
        fields["revenue"] = row.revenue
    if role is Role.ADMIN:
        fields |= {"cost": row.cost, "profit": row.revenue - row.cost}
    return fields


@router.get("/reports/traffic", responses=_RESPONSES)
def traffic_report(
    session: DbSession,
    selection: Annotated[TrafficFilter, Depends()],
    after: Annotated[str | None, Query(max_length=32, description="`next_after` of the previous page")] = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Annotated[TrafficReport | TrafficReportRevenue | TrafficReportRestricted, Field(discriminator="view")]:
    group = selection.group_by.value
    where = (selection.call_where, selection.attempt_where)
    rows, next_key = traffic(session, group, *where, after=None if after is None else selection.key(after),
                             limit=limit)
    rows = name_groups(session, group, rows)
    total: TrafficRow | None = None
    unassigned: TrafficRow | None = None
    if after is None:
        total, unassigned = traffic_summary(session, group, *where)
    role = selection.user.role
    report: type[TrafficReport | TrafficReportRevenue | TrafficReportRestricted] = TrafficReportRestricted
    if role is Role.ADMIN:
        report = TrafficReport
    elif role is Role.RESELLER:
        report = TrafficReportRevenue

    def out(row: TrafficRow | None) -> dict[str, Any] | None:
        return None if row is None else traffic_fields(row, role)

    return report.model_validate({
        "group_by": selection.group_by, "since": selection.since, "until": selection.until,
        "rows": [out(row) for row in rows], "total": out(total), "unassigned": out(unassigned),
        "next_after": None if next_key is None else str(next_key),
    })
