"""Packages go on from period to period: an account holding a package in its latest period gets the next one.

A package is held for a period by its `account_packages` row (seconds used in that period). When the period of an
account's latest row has ended and that row `renews`, a run opens the row of the period holding `now` (counted in
the account's time zone, as rating counts it) and charges the package's fee for it as a `fee` payment, in one
transaction. The row's UNIQUE (account, package, period start) makes this happen once: a second runner's INSERT
matches the existing row and does nothing, so it charges nothing. Periods skipped while the service was down are
not charged afterwards (nobody could use them). Only active accounts renew. Deleting a period's row (the API's
DELETE) turns `renews` off on the rows before it, so the package stops there: without that the run would reopen
the deleted period from the one before and charge its fee again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.billing.periods import Period, period_start, zone_named
from switch_service.store.models import Account, AccountPackage, Package, Payment
from switch_service.store.models.enums import PaymentKind, Status
from switch_service.store.repositories import ledger
from switch_service.store.repositories.reservations import insert_once

PACKAGE_METHOD = "package"


@dataclass(frozen=True, slots=True)
class Renewal:
    """One account's package opened for the period starting at `period_start`, `fee` charged."""

    account_id: int
    package: str
    period_start: dt.datetime
    fee: Decimal


def _open_period(session: Session, account_id: int, package_id: int, start: dt.datetime) -> int | None:
    """INSERT of a period's row that does nothing when the row is there already: the new row's id, or None."""
    dialect = session.get_bind().dialect.name
    statement = insert_once(AccountPackage, dialect, ("account_id", "package_id", "period_start")).values(
        account_id=account_id, package_id=package_id, period_start=start, used_seconds=0)
    if dialect in ("mysql", "mariadb"):  # no RETURNING there; an ignored row counts 0
        result = session.connection().execute(statement)
        return int(result.lastrowid) if result.rowcount == 1 else None
    return session.connection().execute(statement.returning(AccountPackage.id)).scalar()


def renew_packages(engine: Engine, now: dt.datetime) -> list[Renewal]:
    """Open the current period of every package whose latest period has ended, charging its fee; what was done."""
    latest = (select(AccountPackage.account_id, AccountPackage.package_id,
                     func.max(AccountPackage.period_start).label("last_start"))
              .group_by(AccountPackage.account_id, AccountPackage.package_id).subquery())
    with Session(engine) as session:
        held = session.execute(
            select(latest.c.account_id, latest.c.last_start, Package.id, Package.name, Package.period, Package.fee,
                   Account.time_zone, Account.currency)
            .join(AccountPackage, (AccountPackage.account_id == latest.c.account_id)
                  & (AccountPackage.package_id == latest.c.package_id)
                  & (AccountPackage.period_start == latest.c.last_start))
            .join(Package, Package.id == latest.c.package_id).join(Account, Account.id == latest.c.account_id)
            .where(Account.status == Status.ACTIVE, AccountPackage.renews.is_(True))
            .order_by(latest.c.account_id, Package.id)).all()
    renewals = []
    for row in held:
        start = period_start(Period(row.period.value), now, zone_named(row.time_zone))
        if start <= row.last_start:
            continue  # the current period is held already
        with Session(engine) as session, session.begin():
            # the account's row lock first: two runners queue there instead of deadlocking on the new row's key
            session.execute(select(Account.id).where(Account.id == row.account_id).with_for_update())
            entry_id = _open_period(session, row.account_id, row.id, start)
            if entry_id is None:
                continue  # another runner opened it
            if row.fee > 0:
                _charge(session, row, start)
        renewals.append(Renewal(row.account_id, row.name, start, row.fee))
    return renewals


def _charge(session: Session, held: Any, start: dt.datetime) -> None:
    """The period's fee: a `fee` payment dated at the period's start and the balance lowered by one UPDATE, as a
    package assigned through the API is charged (receipt numbered by the ledger, as `record_payment`'s)."""
    local = start.astimezone(zone_named(held.time_zone)).date().isoformat()
    ledger.add_receipted(session, Payment(account_id=held.account_id, kind=PaymentKind.FEE, amount=held.fee,
                                          currency=held.currency, method=PACKAGE_METHOD,
                                          reference=f"{held.name} from {local}"[:120], note="renewed",
                                          created_at=start))
    ledger.move_balance(session, held.account_id, -held.fee)
