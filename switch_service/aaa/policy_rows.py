"""What the billing policy reads and writes, built once (a statement built per request costs more CPU than the
database spends on it): the account row as a call sees it, the hot statements of authorisation and accounting, and
the Cisco-AVPairs of a request or record."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, bindparam, case, delete, func, insert, select, union_all, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from switch_service.aaa import cisco
from switch_service.store.models import (
    Account,
    AccountPackage,
    Carrier,
    Cdr,
    CdrResellerLine,
    Gateway,
    LiveCall,
    PackageClaim,
    Reservation,
)
from switch_service.store.models.enums import AccountKind, CdrKind, ReservationStatus, Status
from switch_service.store.repositories import ledger, reservations
from switch_service.store.types import UTCDateTime

ZERO = Decimal(0)


def avpairs_of(item: object) -> tuple[str, ...]:
    """The raw Cisco-AVPair strings of a request or record, when the codec carries them (else none)."""
    values = getattr(item, "avpairs", None)
    if not values:
        return ()
    return tuple(str(value) for value in values)


def avpair_int(values: Sequence[str], key: str) -> int | None:
    raw = cisco.find_avpair(values, key)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: int
    kind: AccountKind
    status: Status
    balance: Decimal
    limit: Decimal
    reserved: Decimal
    currency: str
    language: str
    time_zone: str
    tariff_id: int | None
    dial_plan_id: int | None
    tax_profile_id: int | None
    reseller_id: int | None
    max_concurrent_calls: int
    expires_at: dt.datetime | None
    country: str | None  # its dialled numbers' national forms are read as of it; None: default_region

    @property
    def available(self) -> Decimal:
        return ledger.spendable(self.balance, self.limit, self.reserved)


ACCOUNT_COLUMNS = (Account.id, Account.kind, Account.status, Account.balance, Account.overdraft,
                    Account.credit_limit, Account.reserved, Account.currency, Account.language, Account.time_zone,
                    Account.tariff_id, Account.dial_plan_id, Account.tax_profile_id, Account.reseller_id,
                    Account.max_concurrent_calls, Account.expires_at, Account.country)


def account_row(row: Any) -> AccountRow:
    kind = AccountKind(row.kind)
    limit = ledger.limit_of(kind, row.overdraft, row.credit_limit)
    return AccountRow(row.id, kind, Status(row.status), row.balance, limit, row.reserved, row.currency,
                       row.language, row.time_zone, row.tariff_id, row.dial_plan_id, row.tax_profile_id,
                       row.reseller_id, row.max_concurrent_calls, row.expires_at, row.country)


# The hot statements, built once (a statement built per request costs more CPU than the database spends on it).
KEY = bindparam("key", type_=String(128))


def held(column: Any) -> Any:
    return (select(column).where(Reservation.call_id == KEY,
                                 Reservation.status == ReservationStatus.OPEN).scalar_subquery())


# An Access-Request's one read: the account and the money its call already holds (a retry).
AUTH_READ = select(*ACCOUNT_COLUMNS, held(Reservation.account_id).label("held_account"),
                    held(Reservation.amount).label("held_amount"),
                    held(Reservation.granted_s).label("held_granted"),
                    select(PackageClaim.seconds).where(PackageClaim.call_id == KEY).scalar_subquery()
                    .label("claimed")).where(Account.id == bindparam("account_id"))
# The account's package rows of the periods a call could draw on (see `_free_seconds`).
PACKAGE_ROWS = select(AccountPackage.id, AccountPackage.package_id, AccountPackage.period_start,
                       AccountPackage.used_seconds).where(
    AccountPackage.account_id == bindparam("account_id"),
    AccountPackage.period_start >= bindparam("since", type_=UTCDateTime()))
# A claim: the seconds count as used at once, only while the period has them (two calls race for the last ones).
CLAIM_SECONDS = (update(AccountPackage)
                  .where(AccountPackage.id == bindparam("entry"),
                         AccountPackage.used_seconds + bindparam("seconds", type_=Integer()) <= bindparam("free"))
                  .values(used_seconds=AccountPackage.used_seconds + bindparam("seconds", type_=Integer())))
GIVE_BACK_SECONDS = (update(AccountPackage).where(AccountPackage.id == bindparam("entry"))
                      .values(used_seconds=AccountPackage.used_seconds - bindparam("seconds", type_=Integer())))
DROP_CLAIM = delete(PackageClaim).where(PackageClaim.call_id == KEY)
ACCOUNT_READ = select(*ACCOUNT_COLUMNS).where(Account.id == bindparam("account_id"))
# A re-authorisation's one read (aaa/slices.py): the call's open hold, its account, its live row and free seconds.
EXTEND_READ = (
    select(Reservation.amount.label("held_amount"), Reservation.granted_s.label("held_granted"),
           LiveCall.answered_at.label("live_answered_at"), LiveCall.destination.label("live_destination"),
           LiveCall.did.label("live_did"), PackageClaim.seconds.label("claimed"), *ACCOUNT_COLUMNS)
    .join(Account, Account.id == Reservation.account_id)
    .outerjoin(LiveCall, LiveCall.call_id == Reservation.call_id)
    .outerjoin(PackageClaim, PackageClaim.call_id == Reservation.call_id)
    .where(Reservation.call_id == KEY, Reservation.status == ReservationStatus.OPEN)
)
LIVE_GRANT = (update(LiveCall).where(LiveCall.call_id == KEY)
               .values(max_duration_s=bindparam("granted", type_=Integer())))

# An Accounting-Request's one read: whether the call is billed, its reservation, its live row, and its account
# (the reservation's, else the live row's, else `fallback`: a trusted account-id or the ANI's).
def billed_of(key: Any) -> Any:
    """1 if the call's CDR is written, else 0 or NULL. Only `call_id` is in the WHERE: with `kind` there too, SQLite
    (without ANALYZE statistics) takes the (kind, started_at, ...) report index and reads every call's CDR."""
    return select(func.max(case((Cdr.kind == CdrKind.CALL, 1), else_=0))).where(Cdr.call_id == key)


CALL = select(KEY.label("call_key")).subquery("call")
CALL_READ = (
    select(billed_of(CALL.c.call_key).scalar_subquery().label("billed"),
           Reservation.id.label("reservation_id"), LiveCall.id.label("live_id"),
           LiveCall.carrier_id.label("live_carrier_id"), LiveCall.gateway_id.label("live_gateway_id"),
           LiveCall.caller.label("live_caller"),
           LiveCall.destination.label("live_destination"), LiveCall.did.label("live_did"),
           LiveCall.started_at.label("live_started_at"), LiveCall.answered_at.label("live_answered_at"),
           PackageClaim.seconds.label("claimed"), PackageClaim.account_package_id.label("claim_entry"),
           *ACCOUNT_COLUMNS)
    .select_from(CALL)
    .outerjoin(Reservation, Reservation.call_id == CALL.c.call_key)
    .outerjoin(PackageClaim, PackageClaim.call_id == CALL.c.call_key)
    .outerjoin(LiveCall, LiveCall.call_id == CALL.c.call_key)
    .outerjoin(Account, Account.id == func.coalesce(Reservation.account_id, LiveCall.account_id,
                                                    bindparam("fallback", type_=Integer())))
)
BILLED = billed_of(KEY)
OPEN_CALLS = select(func.count()).select_from(Reservation).where(
    Reservation.account_id == bindparam("account_id"), Reservation.status == ReservationStatus.OPEN)
CARRIER = select(Carrier.id).where(Carrier.id == bindparam("carrier_id"))
GATEWAY = select(Gateway.id).where(Gateway.id == bindparam("gateway_id"))
SEEN = update(LiveCall).where(LiveCall.call_id == KEY).values(last_seen_at=bindparam("seen", type_=UTCDateTime()))
DROP_LIVE = delete(LiveCall).where(LiveCall.call_id == KEY)
INSERT_CDR = insert(Cdr).inline()


LINE_COLUMNS = ("call_id", "reseller_id", "level", "sell", "buy", "commission", "currency")


@functools.cache
def insert_reseller_lines(count: int) -> Insert:
    """One INSERT ... SELECT of `count` reseller lines (one round trip however deep the tree), built once per depth;
    the parameters are each column's name and the line's level: `sell_0`, `sell_1`, ... (`reseller_line_params`)."""
    table = CdrResellerLine.__table__
    rows = [select(*(bindparam(f"{name}_{index}", type_=table.c[name].type).label(name) for name in LINE_COLUMNS))
            for index in range(count)]
    source = rows[0] if count == 1 else union_all(*rows)
    return insert(CdrResellerLine).from_select(list(LINE_COLUMNS), source)


def reseller_line_params(lines: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {f"{name}_{index}": line[name] for index, line in enumerate(lines) for name in LINE_COLUMNS}


def load_account(db: Session, account_id: int) -> AccountRow | None:
    row = db.execute(ACCOUNT_READ, {"account_id": account_id}).one_or_none()
    return account_row(row) if row is not None else None


@functools.cache
def insert_once(model: type[LiveCall] | type[PackageClaim], dialect: str) -> Insert:
    """INSERT of a call's live row or package claim doing nothing when the call has it (a Start processed twice at
    once, a retried Access-Request at the same time); built once per table and dialect."""
    return reservations.insert_once(model, dialect).inline()
