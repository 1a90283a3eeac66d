"""The ledger: every change of an account's `balance` or `reserved`, the one `available` rule, and receipt numbers.

Why one module (issue 17): these rules used to be written in six places, and two clients of the same account must
never disagree on what it may spend. Nothing else writes `accounts.balance` or `accounts.reserved`
(tests/test_layout.py checks); the reservations of calls, payments, recurring fees, package renewals, crash recovery
and the RADIUS policy call the functions here. Resellers' balances too (`credit_reseller`, `charge_reseller`): their
commissions credited, and the recharges and activations they sell taken off.

Every write is one UPDATE that does the arithmetic in the database (`balance = balance + :amount`), so a concurrent
call settlement or payment is never overwritten, and a hold raises `reserved` only `WHERE` the account is active
and can afford it: the row lock the UPDATE takes serialises concurrent holds, and each re-checks the condition on
the committed row (MagnusBilling #38 let 30 calls through on 1 credit). Nothing here commits: the caller owns the
transaction and its lock order (tests/store/test_reservations.py races 50 calls on each database).

Two kinds of write:
- a call's money (`hold`, `give_back`, `settle`, `debit_call`, `lock`): statements built once (the RADIUS hot path
  runs them thousands of times a second, also on `aaa.direct_sql` connections, which compile each statement object
  once) that leave `accounts.updated_at` alone — that column tells caches such as the switch's snapshot that an
  account's settings changed, and calls move money many times a second;
- money at the counter and by schedule (`move_balance`, `move_balances`: payments, fees, renewals, recovery):
  ORM-enabled UPDATEs that stamp `updated_at` like any other change of the account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol, cast
from uuid import uuid4

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Dialect,
    Executable,
    String,
    bindparam,
    case,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.selectable import CTE

from switch_service.errors import UserError
from switch_service.store.models import Account, Payment, Reseller
from switch_service.store.models.enums import AccountKind, Status
from switch_service.store.types import Money


class Executor(Protocol):
    """What the call-money functions run statements on besides a Session: a Core `Connection`, or any connection
    that executes Core statements the same way (the RADIUS policy's direct one)."""

    @property
    def dialect(self) -> Dialect: ...

    def execute(self, statement: Executable, parameters: Mapping[str, Any], /) -> Any: ...


Db = Session | Executor


# --- what an account may spend ------------------------------------------------------------------------------


def limit_of(kind: AccountKind, overdraft: Decimal, credit_limit: Decimal) -> Decimal:
    """What an account may go below zero: the credit limit if postpaid, else the overdraft."""
    return credit_limit if kind == AccountKind.POSTPAID else overdraft


def spendable(balance: Decimal, limit: Decimal, reserved: Decimal) -> Decimal:
    """The one `available` rule: balance + overdraft (credit limit when postpaid, see `limit_of`) - money held by
    calls. `AVAILABLE` is the same rule in SQL."""
    return balance + limit - reserved


def available(account: Account) -> Decimal:
    """What the account's calls may still spend (the API's `available`)."""
    return spendable(account.balance, limit_of(account.kind, account.overdraft, account.credit_limit),
                     account.reserved)


LIMIT = case((Account.kind == AccountKind.POSTPAID, Account.credit_limit), else_=Account.overdraft)
AVAILABLE = Account.balance + LIMIT - Account.reserved


@dataclass(frozen=True, slots=True)
class Standing:
    """An account's money as committed now."""

    balance: Decimal
    reserved: Decimal
    available: Decimal


def standing(session: Session, account_id: int) -> Standing:
    """The account's balance, money held and `available`, read from the database (not from the session's copy of
    the row, which an UPDATE here does not refresh)."""
    row = session.execute(
        select(Account.kind, Account.balance, Account.overdraft, Account.credit_limit, Account.reserved)
        .where(Account.id == account_id)
    ).one_or_none()
    if row is None:
        raise UserError(f"account {account_id} does not exist")
    limit = limit_of(row.kind, row.overdraft, row.credit_limit)
    return Standing(row.balance, row.reserved, spendable(row.balance, limit, row.reserved))


# --- a call's money -----------------------------------------------------------------------------------------

ACCOUNT: BindParameter[int] = bindparam("b_account")
AMOUNT = bindparam("b_amount", type_=Money())  # typed as the column: SQLite gets millionths inside expressions too
_DEBIT = bindparam("b_debit", type_=Money())

_HOLD = (update(Account)
         .where(Account.id == ACCOUNT, Account.status == Status.ACTIVE, AVAILABLE >= AMOUNT)
         .values(reserved=Account.reserved + AMOUNT, updated_at=Account.updated_at))
_GIVE_BACK = (update(Account).where(Account.id == ACCOUNT)
              .values(reserved=Account.reserved - AMOUNT, updated_at=Account.updated_at))
_SETTLE = (update(Account).where(Account.id == ACCOUNT)
           .values(balance=Account.balance - _DEBIT, reserved=Account.reserved - AMOUNT,
                   updated_at=Account.updated_at))
_DEBIT_CALL = (update(Account).where(Account.id == ACCOUNT)
               .values(balance=Account.balance - _DEBIT, updated_at=Account.updated_at))
# Writes nothing that changes: it takes the account's row lock (ordering duplicate Stops of a call without a hold).
_LOCK = update(Account).where(Account.id == ACCOUNT).values(reserved=Account.reserved, updated_at=Account.updated_at)


def _rowcount(db: Db, statement: Executable, params: dict[str, Any]) -> int:
    result = cast(CursorResult[Any], db.execute(statement, params))
    return result.rowcount


def hold(db: Db, account_id: int, amount: Decimal) -> bool:
    """Raise `reserved` by `amount` if the account is active and `available` covers it; False: nothing written."""
    return _rowcount(db, _HOLD, {"b_account": account_id, "b_amount": amount}) == 1


def hold_cte(name: str) -> CTE:
    """`hold` as a data-modifying CTE answering the account's id when it held (PostgreSQL: the hold and the
    reservation's INSERT in one statement). Its parameters are `b_account` and `b_amount` (`ACCOUNT`, `AMOUNT`)."""
    return _HOLD.returning(Account.id).cte(name)


def give_back(db: Db, account_id: int, amount: Decimal) -> None:
    """Lower `reserved` by `amount` (a hold that is not needed after all, or the part of one a call gives back)."""
    db.execute(_GIVE_BACK, {"b_account": account_id, "b_amount": amount})


def settle(db: Db, account_id: int, debit: Decimal, held: Decimal) -> None:
    """A call's end: `debit` off the balance and its hold `held` freed, in one statement."""
    db.execute(_SETTLE, {"b_account": account_id, "b_debit": debit, "b_amount": held})


def debit_call(db: Db, account_id: int, amount: Decimal) -> None:
    """A call that held nothing (a gateway that skipped authorisation): `amount` off the balance."""
    db.execute(_DEBIT_CALL, {"b_account": account_id, "b_debit": amount})


def lock(db: Db, account_id: int) -> None:
    """Take the account's row lock without changing it, as the first write of a transaction."""
    db.execute(_LOCK, {"b_account": account_id})


# --- money at the counter and by schedule -------------------------------------------------------------------


def move_balances(session: Session, amount: Decimal, *where: ColumnElement[bool]) -> int:
    """`balance = balance + amount` (negative: a debit) on every account matched by `where`, one statement; how
    many accounts it moved."""
    moved = session.execute(update(Account).where(*where).values(balance=Account.balance + literal(amount, Money()))
                            .execution_options(synchronize_session=False))
    return int(cast(CursorResult[Any], moved).rowcount)


def move_balance(session: Session, account_id: int, amount: Decimal) -> bool:
    """`balance = balance + amount` (negative: a debit) on one account; False when the account is not there (deleted
    since it was read: the caller rolls back)."""
    return move_balances(session, amount, Account.id == account_id) == 1


# --- receipts ------------------------------------------------------------------------------------------------


def add_receipted(session: Session, payment: Payment) -> Payment:
    """Add the payment and number its receipt R-<year of created_at>-<payment id, 6 digits>: derived from the primary
    key, so unique without a read-then-write race between two clerks (a count would repeat, and SQLite hands the
    id of a deleted last row out again, hence the year). `payment.created_at` must be set."""
    payment.receipt_number = f"tmp-{uuid4().hex[:24]}"  # replaced below, once the id is known
    session.add(payment)
    session.flush()
    payment.receipt_number = f"R-{payment.created_at.year}-{payment.id:06d}"
    return payment


def fee_receipt(fee_id: int, due: dt.datetime) -> ColumnElement[str]:
    """The receipt of a recurring fee's occurrence, per account, for INSERT ... SELECT over the accounts:
    F-<fee>-<due date>-<account id> (one statement charges a million accounts, so no payment id is known)."""
    number: ColumnElement[str] = literal(f"F-{fee_id}-{due:%Y%m%d}-", String(32)) + Account.id.cast(String(12))
    return number


# --- resellers' balances -------------------------------------------------------------------------------------

RESELLER: BindParameter[int] = bindparam("b_reseller")
RESELLER_AVAILABLE = Reseller.balance + Reseller.credit_limit
# Money only: `updated_at` stays (it tells the RADIUS snapshot that a reseller's settings changed).
_CREDIT_RESELLER = (update(Reseller).where(Reseller.id == RESELLER)
                    .values(balance=Reseller.balance + AMOUNT, updated_at=Reseller.updated_at)
                    .execution_options(synchronize_session=False))
_CHARGE_RESELLER = (update(Reseller)
                    .where(Reseller.id == RESELLER, Reseller.status == Status.ACTIVE, RESELLER_AVAILABLE >= AMOUNT)
                    .values(balance=Reseller.balance - AMOUNT, updated_at=Reseller.updated_at)
                    .execution_options(synchronize_session=False))


def reseller_available(balance: Decimal, credit_limit: Decimal) -> Decimal:
    """What a reseller may still sell: balance + credit limit (`RESELLER_AVAILABLE` in SQL)."""
    return balance + credit_limit


def credit_reseller(db: Db, reseller_id: int, amount: Decimal) -> bool:
    """`balance = balance + amount` (a commission earned); False when the reseller is not there."""
    return _rowcount(db, _CREDIT_RESELLER, {"b_reseller": reseller_id, "b_amount": amount}) == 1


def charge_reseller(db: Db, reseller_id: int, amount: Decimal) -> bool:
    """Take `amount` off an active reseller's balance if balance + credit limit covers it, in one conditional
    UPDATE (the row lock serialises concurrent recharges by one reseller, each re-checking the committed row);
    False: nothing written."""
    return _rowcount(db, _CHARGE_RESELLER, {"b_reseller": reseller_id, "b_amount": amount}) == 1
