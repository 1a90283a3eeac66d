"""Traffic reports: calls, ASR, ACD, minutes and money per carrier, destination, account, reseller or day.

What a role sees: admins everything; resellers revenue but no cost or profit; support calls, ASR, ACD and
minutes only. Absent fields are absent, not null; `view` says which shape a report has.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Literal

from pydantic import Field

from switch_service.api.schemas import Money, OutputModel

MAX_REPORT_DAYS = 366


class ReportGroup(enum.StrEnum):
    CARRIER = "carrier"
    DESTINATION = "destination"
    ACCOUNT = "account"
    RESELLER = "reseller"
    DAY = "day"


class TrafficRowOut(OutputModel):
    """One group's sums (support's view). Every grouping counts the same calls: the ended calls, refused ones
    included (a call in progress is counted when it ends); a carrier's are those it answered or was tried last."""

    key: str | None = Field(description="carrier, account or reseller id, rated prefix, or UTC day (YYYY-MM-DD); "
                                        "null for the total and for rows without one")
    name: str | None = None
    calls: int
    answered: int
    asr_percent: float | None = Field(description="answered / calls × 100; null without calls")
    acd_s: float | None = Field(description="average talk seconds of the answered calls; null without any")
    minutes: float = Field(description="talk minutes of the answered calls")
    attempts: int | None = Field(default=None, description="grouped by carrier: the carrier's attempts, failovers "
                                                           "and calls in progress included; null in other groupings")
    attempts_asr_percent: float | None = Field(default=None, description="grouped by carrier: answered attempts / "
                                                                         "attempts × 100 (the carrier's own ASR)")


class TrafficRowRevenueOut(TrafficRowOut):
    """With revenue (the price charged): what resellers see."""

    revenue: Money


class TrafficRowFullOut(TrafficRowRevenueOut):
    """With cost and profit: what admins see."""

    cost: Money
    profit: Money


class TrafficReportBase(OutputModel):
    group_by: ReportGroup
    since: dt.datetime
    until: dt.datetime
    next_after: str | None = Field(default=None, description="pass as `after` for the next page; null at the end")


class TrafficReportRestricted(TrafficReportBase):
    view: Literal["restricted"] = "restricted"
    rows: list[TrafficRowOut]
    total: TrafficRowOut | None = Field(default=None, description="over all rows (first page only)")
    unassigned: TrafficRowOut | None = Field(default=None, description="rows without a key (first page only)")


class TrafficReportRevenue(TrafficReportBase):
    view: Literal["revenue"] = "revenue"
    rows: list[TrafficRowRevenueOut]
    total: TrafficRowRevenueOut | None = None
    unassigned: TrafficRowRevenueOut | None = None


class TrafficReport(TrafficReportBase):
    view: Literal["full"] = "full"
    rows: list[TrafficRowFullOut]
    total: TrafficRowFullOut | None = None
    unassigned: TrafficRowFullOut | None = None
