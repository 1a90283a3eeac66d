"""Packages renew into the next period with their fee, once, on every backend; removed or suspended ones do not."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, AccountPackage, Package, Payment
from switch_service.store.models.enums import PaymentKind, Period, Status
from switch_service.store.repositories.package_renewals import Renewal, renew_packages

FEB = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
MARCH_5 = dt.datetime(2026, 3, 5, 12, tzinfo=dt.UTC)


def _holding(engine: Engine, number: str, *, status: Status = Status.ACTIVE, time_zone: str = "UTC",
             period_start: dt.datetime = FEB, package: str = "UK 100") -> int:
    with Session(engine) as session, session.begin():
        account = Account(number=number, name=number, balance=Decimal("10"), status=status, time_zone=time_zone)
        found = session.scalar(select(Package).where(Package.name == package))
        if found is None:
            found = Package(name=package, free_seconds=6000, prefixes="44", fee=Decimal("4.99"),
                            period=Period.MONTHLY)
        session.add_all([account, found])
        session.flush()
        session.add(AccountPackage(account_id=account.id, package_id=found.id, period_start=period_start,
                                   used_seconds=6000))
        return account.id


def _state(engine: Engine, account_id: int) -> tuple[Decimal, list[tuple[dt.datetime, int]], list[tuple[str, Decimal]]]:
    with Session(engine) as session:
        balance = session.get_one(Account, account_id).balance
        periods = session.execute(select(AccountPackage.period_start, AccountPackage.used_seconds)
                                  .where(AccountPackage.account_id == account_id)
                                  .order_by(AccountPackage.period_start)).all()
        fees = session.execute(select(Payment.reference, Payment.amount).where(
            Payment.account_id == account_id, Payment.kind == PaymentKind.FEE)).all()
    return balance, [tuple(p) for p in periods], [tuple(f) for f in fees]  # type: ignore[misc]


def test_a_package_renews_into_the_current_period_with_its_fee_once(db_engine: Engine) -> None:
    ana = _holding(db_engine, "ana")
    march = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert renew_packages(db_engine, MARCH_5) == [Renewal(ana, "UK 100", march, Decimal("4.99"))]
    assert renew_packages(db_engine, MARCH_5) == []  # the period is held now
    balance, periods, fees = _state(db_engine, ana)
    assert balance == Decimal("5.01")
    assert periods == [(FEB, 6000), (march, 0)]  # a fresh period: every free second back
    assert fees == [("UK 100 from 2026-03-01", Decimal("4.99"))]


def test_two_runners_at_once_renew_and_charge_once(db_engine: Engine) -> None:
    ana = _holding(db_engine, "ana")
    results: list[list[Renewal]] = []
    threads = [threading.Thread(target=lambda: results.append(renew_packages(db_engine, MARCH_5)))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(len(result) for result in results) == [0, 1]
    balance, periods, fees = _state(db_engine, ana)
    assert (balance, len(periods), len(fees)) == (Decimal("5.01"), 2, 1)


def test_periods_follow_the_accounts_time_zone_and_suspended_accounts_do_not_renew(db_engine: Engine) -> None:
    # 2026-03-01 00:30 in Paris is still February in UTC: the March row starts at 2026-02-28 23:00 UTC
    paris = _holding(db_engine, "paris", time_zone="Europe/Paris",
                     period_start=dt.datetime(2026, 1, 31, 23, tzinfo=dt.UTC))
    asleep = _holding(db_engine, "asleep", status=Status.SUSPENDED)
    (renewal,) = renew_packages(db_engine, dt.datetime(2026, 2, 28, 23, 30, tzinfo=dt.UTC))
    assert (renewal.account_id, renewal.period_start) == (paris, dt.datetime(2026, 2, 28, 23, tzinfo=dt.UTC))
    assert _state(db_engine, asleep)[1] == [(FEB, 6000)]
