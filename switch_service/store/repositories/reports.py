"""Traffic reports over the CDRs, summed in SQL (GROUP BY), never by loading CDRs.

A report groups the CDRs of a time range by carrier, destination (the rated prefix), account, reseller or day
and sums calls, answered calls, talk seconds, revenue (price) and cost. Every grouping counts the same calls: the
call rows (kind=call), one per call once it ended — refused calls included, calls in progress not yet — so the
groups of any grouping add up to the same total. A call row names the carrier that answered it, or the last one
tried. Per carrier the attempt rows (one per carrier tried, failovers included) are also counted apart
(`attempts`, `attempts_answered`): a carrier's own ASR. The time range is served by `ix_cdrs_started_at`
(`ix_cdrs_kind_started` for one kind).

Groups are paged by key (`after` = the last key of the previous page); rows without a key (calls of no carrier,
direct accounts) are summed apart, with the total, by `traffic_summary`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Carrier, Cdr, Reseller
from switch_service.store.models.enums import CdrKind
from switch_service.store.types import Money

GROUPS = ("carrier", "destination", "account", "reseller", "day")
Key = int | str | dt.date
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class TrafficRow:
    key: Key | None
    calls: int
    answered: int
    talk_s: int  # seconds of the answered calls
    revenue: Decimal
    cost: Decimal
    name: str | None = None  # what to show beside the key (set by `name_groups`)
    attempts: int | None = None  # per carrier: the carrier attempts (failovers included); None in other groupings
    attempts_answered: int | None = None

    def __add__(self, other: TrafficRow) -> TrafficRow:
        def plus(a: int | None, b: int | None) -> int | None:
            return None if a is None and b is None else (a or 0) + (b or 0)

        return TrafficRow(None, self.calls + other.calls, self.answered + other.answered,
                          self.talk_s + other.talk_s, self.revenue + other.revenue, self.cost + other.cost,
                          attempts=plus(self.attempts, other.attempts),
                          attempts_answered=plus(self.attempts_answered, other.attempts_answered))


EMPTY = TrafficRow(None, 0, 0, 0, ZERO, ZERO)


def group_key(group: str) -> ColumnElement[Any]:
    """The expression a report groups on; a day is the UTC date (times are stored as naive UTC)."""
    if group == "carrier":
        return Cdr.carrier_id.expression
    if group == "destination":
        return Cdr.prefix.expression
    if group == "account":
        return Cdr.account_id.expression
    if group == "reseller":
        return Cdr.reseller_id.expression
    if group == "day":
        return func.date(Cdr.started_at, type_=Date)
    raise ValueError(f"unknown report grouping {group!r} (one of {', '.join(GROUPS)})")


def _answered() -> ColumnElement[int]:
    return case((Cdr.result == "answered", 1), else_=0)


def _measures(group: str, by: ColumnElement[Any], call_where: Sequence[ColumnElement[bool]],
              attempt_where: Sequence[ColumnElement[bool]]) -> Select[Any]:
    """key, calls, answered, talk_s, revenue, cost (and a destination's name, or a carrier's attempts and
    answered attempts) grouped on `by` (the key, or whether it is null)."""
    talk = func.sum(case((Cdr.result == "answered", Cdr.duration_s), else_=0))
    measures = (func.count().label("calls"), func.sum(_answered()).label("answered"), talk.label("talk_s"),
                func.sum(Cdr.price).label("revenue"), func.sum(Cdr.cost).label("cost"))
    if group != "carrier":
        calls = select(by.label("key"), *measures).where(*call_where).group_by(by)
        if group == "destination":  # the name as rated (no other table has it per prefix)
            calls = calls.add_columns(func.max(Cdr.destination_name))
        return calls
    zero = literal(0)
    calls = select(by.label("key"), *measures, zero.label("attempts"), zero.label("attempts_answered")).where(
        *call_where).group_by(by)
    money_zero = literal(ZERO, Money())
    attempts = (
        select(by, zero, zero, zero, money_zero, money_zero, func.count(), func.sum(_answered()))
        .where(*attempt_where).group_by(by)
    )
    both = union_all(calls, attempts).subquery("traffic")  # the call rows first: their column types win
    return (select(both.c.key, func.sum(both.c.calls), func.sum(both.c.answered), func.sum(both.c.talk_s),
                   func.sum(both.c.revenue), func.sum(both.c.cost), func.sum(both.c.attempts),
                   func.sum(both.c.attempts_answered))
            .group_by(both.c.key))


def _row(values: Sequence[Any]) -> TrafficRow:
    key, calls, answered, talk_s, revenue, cost, *extra = values
    row = TrafficRow(key, int(calls or 0), int(answered or 0), int(talk_s or 0), revenue or ZERO, cost or ZERO)
    if len(extra) == 1:  # a destination's name
        return dataclasses.replace(row, name=extra[0])
    if len(extra) == 2:  # a carrier's attempts
        return dataclasses.replace(row, attempts=int(extra[0] or 0), attempts_answered=int(extra[1] or 0))
    return row


def _after(group: str, key: ColumnElement[Any], after: Key) -> ColumnElement[bool]:
    if group == "day":  # on the stored time, so the range index still serves it
        assert isinstance(after, dt.date)
        start = dt.datetime.combine(after + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        return Cdr.started_at >= start
    return key > after


def traffic(session: Session, group: str, call_where: Sequence[ColumnElement[bool]],
            attempt_where: Sequence[ColumnElement[bool]], *, after: Key | None = None,
            limit: int = 100) -> tuple[list[TrafficRow], Key | None]:
    """One page of groups in key order, and the key to pass as `after` for the next (None on the last page).

    `call_where` / `attempt_where` select the call rows / attempt rows of the report (kind included).
    """
    key = group_key(group)
    bounds = [key.is_not(None)] if after is None else [key.is_not(None), _after(group, key, after)]
    query = _measures(group, key, [*call_where, *bounds], [*attempt_where, *bounds])
    ordered = query.order_by(query.selected_columns[0]).limit(limit + 1)
    rows = [_row(values) for values in session.execute(ordered)]
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1].key if more else None


def traffic_summary(session: Session, group: str, call_where: Sequence[ColumnElement[bool]],
                    attempt_where: Sequence[ColumnElement[bool]]) -> tuple[TrafficRow, TrafficRow | None]:
    """The total over every group, and the rows with no key summed apart (None when there are none)."""
    unkeyed = group_key(group).is_(None)
    total, unassigned = EMPTY, None
    for values in session.execute(_measures(group, unkeyed, call_where, attempt_where)):
        row = _row(values)
        total = total + row
        if row.key:
            unassigned = dataclasses.replace(row, key=None)
    return total, unassigned


def name_groups(session: Session, group: str, rows: list[TrafficRow]) -> list[TrafficRow]:
    """The rows with the carrier's, account's (number and name) or reseller's name beside the key, by id."""
    keys = [row.key for row in rows]
    query: Select[int, str]
    if group == "carrier":
        query = select(Carrier.id, Carrier.name).where(Carrier.id.in_(keys))
    elif group == "account":
        query = select(Account.id, Account.number + " " + Account.name).where(Account.id.in_(keys))
    elif group == "reseller":
        query = select(Reseller.id, Reseller.name).where(Reseller.id.in_(keys))
    else:
        return rows  # a destination's name came with its sums; a day has none
    names: dict[Key | None, str] = {key: name for key, name in session.execute(query)} if keys else {}
    return [dataclasses.replace(row, name=names.get(row.key)) for row in rows]


@dataclass(frozen=True, slots=True)
class CarrierRecent:
    carrier_id: int
    attempts: dict[int, tuple[int, int]]  # window seconds -> (attempts, answered)


def recent_attempts(session: Session, now: dt.datetime, windows_s: Sequence[int]) -> list[CarrierRecent]:
    """Attempts and answers per carrier over the last `windows_s` seconds (the live counters' carrier ASR),
    from the attempt rows: one query over the longest window."""
    longest = now - dt.timedelta(seconds=max(windows_s))
    columns: list[ColumnElement[Any]] = []
    for span in windows_s:
        inside = Cdr.started_at >= now - dt.timedelta(seconds=span)
        columns += [func.sum(case((inside, 1), else_=0)),
                    func.sum(case((inside & (Cdr.result == "answered"), 1), else_=0))]
    query = (select(Cdr.carrier_id, *columns)
             .where(Cdr.kind == CdrKind.ATTEMPT, Cdr.carrier_id.is_not(None), Cdr.started_at >= longest,
                    Cdr.started_at <= now)
             .group_by(Cdr.carrier_id).order_by(Cdr.carrier_id))
    return [CarrierRecent(int(carrier_id), {span: (int(sums[2 * i] or 0), int(sums[2 * i + 1] or 0))
                                            for i, span in enumerate(windows_s)})
            for carrier_id, *sums in session.execute(query)]
