"""Traffic reports summed in SQL on SQLite, PostgreSQL and MariaDB: groups, paging, totals, carrier ASR."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ColumnElement, Engine
from sqlalchemy.orm import Session

from switch_service.store.models import Account, Carrier, Cdr, Reseller
from switch_service.store.models.enums import CdrKind, ResellerKind
from switch_service.store.repositories.reports import (
    GROUPS,
    TrafficRow,
    name_groups,
    recent_attempts,
    traffic,
    traffic_summary,
)

DAY1 = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
DAY2 = DAY1 + dt.timedelta(days=1)
OUTSIDE = DAY1 - dt.timedelta(seconds=1)


def _where(kind: CdrKind, since: dt.datetime = DAY1,
           until: dt.datetime = DAY1 + dt.timedelta(days=7)) -> list[ColumnElement[bool]]:
    return [Cdr.kind == kind, Cdr.started_at >= since, Cdr.started_at < until]


CALLS, ATTEMPTS = _where(CdrKind.CALL), _where(CdrKind.ATTEMPT)


def _seed(engine: Engine) -> dict[str, int]:
    """Two carriers, two accounts (one of a reseller), calls over two days and one outside the range.

    a1 (reseller r): answered 60 s via c1 at 0.50/0.20, answered 30 s via c2 at 0.25/0.10 (after a failed
    attempt at c1), busy (tried at c1: its call row names the last carrier tried, as the switch writes it), a call
    in progress at c2 (answered: its attempt row is written, its call row comes at the end); a2 (direct): answered
    120 s via c1 at 1.00/0.40 on day 2, and one call refused before any carrier, without an account; a call the day
    before the range.
    """
    with Session(engine) as session, session.begin():
        reseller = Reseller(name="Resold", kind=ResellerKind.USAGE_BASED)
        session.add(reseller)
        session.flush()
        a1 = Account(number="A1", name="First", reseller_id=reseller.id)
        a2 = Account(number="A2", name="Second")
        c1, c2 = Carrier(name="Carrier One"), Carrier(name="Carrier Two")
        session.add_all([a1, a2, c1, c2])
        session.flush()

        def call(  # noqa: PLR0917 - one call a line below, read like a table
                call_id: str, at: dt.datetime, account: Account | None, carrier: Carrier | None, result: str,
                seconds: int, price: str, cost: str, prefix: str | None = "44") -> None:
            session.add(Cdr(kind=CdrKind.CALL, call_id=call_id, account_id=account.id if account else None,
                            reseller_id=account.reseller_id if account else None,
                            carrier_id=carrier.id if carrier else None, caller="1", destination="4420",
                            prefix=prefix, destination_name=f"Dest {prefix}" if prefix else None, started_at=at,
                            duration_s=seconds, billed_s=seconds, price=Decimal(price), cost=Decimal(cost),
                            result=result))

        def attempt(call_id: str, at: dt.datetime, account: Account | None, carrier: Carrier, result: str) -> None:
            session.add(Cdr(kind=CdrKind.ATTEMPT, call_id=call_id, account_id=account.id if account else None,
                            carrier_id=carrier.id, caller="1", destination="4420", started_at=at, result=result))

        at = DAY1 + dt.timedelta(hours=1)
        call("k1", at, a1, c1, "answered", 60, "0.5", "0.2")
        attempt("k1", at, a1, c1, "answered")
        call("k2", at, a1, c2, "answered", 30, "0.25", "0.1", prefix="33")
        attempt("k2", at, a1, c1, "failed")
        attempt("k2", at, a1, c2, "answered")
        call("k3", at, a1, c1, "busy", 0, "0", "0")
        attempt("k3", at, a1, c1, "busy")
        attempt("k6", at, a1, c2, "answered")  # in progress
        call("k4", DAY2 + dt.timedelta(hours=2), a2, c1, "answered", 120, "1", "0.4")
        attempt("k4", DAY2 + dt.timedelta(hours=2), a2, c1, "answered")
        call("k5", DAY2 + dt.timedelta(hours=3), None, None, "failed", 0, "0", "0", prefix=None)
        call("k0", OUTSIDE, a1, c1, "answered", 999, "9", "9")
        attempt("k0", OUTSIDE, a1, c1, "answered")
        return {"a1": a1.id, "a2": a2.id, "c1": c1.id, "c2": c2.id, "reseller": reseller.id}


def _by_key(rows: list[TrafficRow]) -> dict[object, TrafficRow]:
    return {row.key: row for row in rows}


def test_grouped_by_account_with_total_and_unassigned(db_engine: Engine) -> None:
    ids = _seed(db_engine)
    with Session(db_engine) as session:
        rows, next_after = traffic(session, "account", CALLS, ATTEMPTS)
        total, unassigned = traffic_summary(session, "account", CALLS, ATTEMPTS)
        named = name_groups(session, "account", rows)
    assert next_after is None
    assert [row.key for row in rows] == [ids["a1"], ids["a2"]]
    first = _by_key(rows)[ids["a1"]]
    assert (first.calls, first.answered, first.talk_s) == (3, 2, 90)
    assert (first.revenue, first.cost) == (Decimal("0.75"), Decimal("0.3"))
    assert [row.name for row in named] == ["A1 First", "A2 Second"]
    assert unassigned == TrafficRow(None, 1, 0, 0, Decimal(0), Decimal(0))
    assert (total.calls, total.answered, total.talk_s) == (5, 3, 210)
    assert (total.revenue, total.cost) == (Decimal("1.75"), Decimal("0.7"))


def test_per_carrier_counts_the_calls_it_had_last_and_its_attempts_apart(db_engine: Engine) -> None:
    ids = _seed(db_engine)
    with Session(db_engine) as session:
        rows, _ = traffic(session, "carrier", CALLS, ATTEMPTS)
        total, unassigned = traffic_summary(session, "carrier", CALLS, ATTEMPTS)
        named = name_groups(session, "carrier", rows)
    by_carrier = _by_key(rows)
    one, two = by_carrier[ids["c1"]], by_carrier[ids["c2"]]
    assert (one.calls, one.answered, one.talk_s, one.revenue, one.cost) == (
        3, 2, 180, Decimal("1.5"), Decimal("0.6"))  # k1, k3 busy, k4
    assert (one.attempts, one.attempts_answered) == (4, 2)  # and k2's failure
    assert (two.calls, two.answered, two.talk_s, two.revenue) == (1, 1, 30, Decimal("0.25"))
    assert (two.attempts, two.attempts_answered) == (2, 2)  # k2, and k6 still in progress
    assert {row.name for row in named} == {"Carrier One", "Carrier Two"}
    assert unassigned is not None and (unassigned.calls, unassigned.revenue) == (1, Decimal(0))  # k5: no carrier
    assert (total.calls, total.answered, total.revenue) == (5, 3, Decimal("1.75"))
    assert (total.attempts, total.attempts_answered) == (6, 4)


def test_every_grouping_counts_the_same_calls(db_engine: Engine) -> None:
    """By carrier once said 11 calls where by day said 9 at the same moment (attempts and calls in progress)."""
    _seed(db_engine)
    with Session(db_engine) as session:
        totals = {group: traffic_summary(session, group, CALLS, ATTEMPTS)[0] for group in GROUPS}
        for group, total in totals.items():
            rows, _ = traffic(session, group, CALLS, ATTEMPTS)
            _, unassigned = traffic_summary(session, group, CALLS, ATTEMPTS)
            summed = sum((row.calls for row in rows), unassigned.calls if unassigned else 0)
            assert summed == total.calls, group
    assert {group: (t.calls, t.answered, t.talk_s, t.revenue) for group, t in totals.items()} == {
        group: (5, 3, 210, Decimal("1.75")) for group in GROUPS}


def test_days_and_destinations_page_by_key(db_engine: Engine) -> None:
    _seed(db_engine)
    with Session(db_engine) as session:
        first, after = traffic(session, "day", CALLS, ATTEMPTS, limit=1)
        second, last = traffic(session, "day", CALLS, ATTEMPTS, after=after, limit=1)
        destinations, _ = traffic(session, "destination", CALLS, ATTEMPTS)
        _, no_prefix = traffic_summary(session, "destination", CALLS, ATTEMPTS)
    assert [row.key for row in first] == [DAY1.date()] and after == DAY1.date()
    assert [(row.key, row.calls, row.talk_s) for row in second] == [(DAY2.date(), 2, 120)]
    assert last is None
    assert [(row.key, row.name, row.calls) for row in destinations] == [("33", "Dest 33", 1), ("44", "Dest 44", 3)]
    assert no_prefix is not None and no_prefix.calls == 1


def test_filters_and_range_limit_what_is_summed(db_engine: Engine) -> None:
    ids = _seed(db_engine)
    only_a2 = [Cdr.account_id == ids["a2"]]
    with Session(db_engine) as session:
        rows, _ = traffic(session, "reseller", [*CALLS, *only_a2], [*ATTEMPTS, *only_a2])
        total, unassigned = traffic_summary(session, "reseller", _where(CdrKind.CALL, OUTSIDE, DAY1),
                                            _where(CdrKind.ATTEMPT, OUTSIDE, DAY1))
        resold, _ = traffic(session, "reseller", CALLS, ATTEMPTS)
    assert rows == []  # a2 is direct: no reseller key
    assert (total.calls, total.talk_s, unassigned) == (1, 999, None)
    assert [(row.key, row.calls) for row in resold] == [(ids["reseller"], 3)]


def test_recent_attempts_per_carrier_and_window(db_engine: Engine) -> None:
    ids = _seed(db_engine)
    now = DAY1 + dt.timedelta(hours=1, minutes=10)  # k1-k3, k6 ten minutes ago, k0 an hour and 10 minutes ago
    with Session(db_engine) as session:
        recent = recent_attempts(session, now, (300, 900, 3600))
    assert [(row.carrier_id, row.attempts) for row in recent] == [
        (ids["c1"], {300: (0, 0), 900: (3, 1), 3600: (3, 1)}),
        (ids["c2"], {300: (0, 0), 900: (2, 2), 3600: (2, 2)}),
    ]
