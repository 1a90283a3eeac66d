"""The company's name, currency, time zone and the defaults of a new account (tariff and dial plan): rows of
`company_settings`, the one place they are kept.

The owner sets them in the desktop's first-run wizard (`POST /api/v1/setup`) and changes them later through
`PATCH /api/v1/company`; both write here, in the transaction of the request. A database where the owner never set
a value (one made with `carrier-switch user add`) answers with the service's config option of the same name, so an
older install keeps meaning what it meant.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from switch_service.config.settings import Settings
from switch_service.store.models import CompanySetting
from switch_service.store.types import utcnow

NAME, CURRENCY, TIME_ZONE, ADDRESS = "company_name", "currency", "time_zone", "company_address"
DEFAULT_TARIFF, DEFAULT_DIAL_PLAN = "default_tariff_id", "default_dial_plan_id"  # ids; no row: none
LOW_BALANCE, CASH_ROUNDING = "low_balance", "cash_rounding"
CASH_ROUNDINGS = ("refuse", "round")  # a payment with digits below the currency's smallest coin: refused or rounded
DEFAULT_LOW_BALANCE = Decimal("1")
SET_UP_AT = "set_up_at"  # written once, by the first-run setup: its primary key lets only one setup win


@dataclass(frozen=True, slots=True)
class Company:
    name: str
    currency: str
    time_zone: str
    default_tariff_id: int | None = None
    default_dial_plan_id: int | None = None
    low_balance: Decimal = DEFAULT_LOW_BALANCE  # accounts below it are "low balance" (dashboard, list filter)
    cash_rounding: str = "refuse"  # one of CASH_ROUNDINGS
    address: str = ""  # printed under the name on statements and invoices (lines apart by newlines)


def read_company(session: Session, settings: Settings) -> Company:
    keys = (NAME, CURRENCY, TIME_ZONE, DEFAULT_TARIFF, DEFAULT_DIAL_PLAN, LOW_BALANCE, CASH_ROUNDING, ADDRESS)
    stored = {key: value for key, value in session.execute(select(CompanySetting.key, CompanySetting.value)
                                                           .where(CompanySetting.key.in_(keys)))}
    tariff, plan = stored.get(DEFAULT_TARIFF), stored.get(DEFAULT_DIAL_PLAN)
    return Company(name=stored.get(NAME, ""), currency=stored.get(CURRENCY, settings["currency"]),
                   time_zone=stored.get(TIME_ZONE, settings["time_zone"]),
                   default_tariff_id=int(tariff) if tariff else None,
                   default_dial_plan_id=int(plan) if plan else None,
                   low_balance=Decimal(stored.get(LOW_BALANCE, DEFAULT_LOW_BALANCE)),
                   cash_rounding=stored.get(CASH_ROUNDING, CASH_ROUNDINGS[0]), address=stored.get(ADDRESS, ""))


def write_company(session: Session, *, name: str | None = None, currency: str | None = None,
                  time_zone: str | None = None, low_balance: Decimal | None = None,
                  cash_rounding: str | None = None, address: str | None = None) -> None:
    """Store the values given (None keeps the stored one)."""
    changes = ((NAME, name), (CURRENCY, currency), (TIME_ZONE, time_zone), (CASH_ROUNDING, cash_rounding),
               (ADDRESS, address),
               (LOW_BALANCE, None if low_balance is None else str(low_balance)))
    for key, value in changes:
        if value is not None:
            session.merge(CompanySetting(key=key, value=value))
    session.flush()


def write_defaults(session: Session, values: dict[str, int | None]) -> None:
    """Set the defaults given (`default_tariff_id`, `default_dial_plan_id`); None removes one."""
    for key, value in values.items():
        if key not in (DEFAULT_TARIFF, DEFAULT_DIAL_PLAN):
            raise ValueError(f"not a company default: {key}")
        if value is None:
            session.execute(delete(CompanySetting).where(CompanySetting.key == key))
        else:
            session.merge(CompanySetting(key=key, value=str(value)))
    session.flush()


def default_uses(session: Session, key: str, row_id: int) -> bool:
    """Whether the company's default `key` is the row `row_id` (a tariff or dial plan that may not be deleted)."""
    return session.scalar(select(CompanySetting.value).where(CompanySetting.key == key)) == str(row_id)


def claim_first_setup(session: Session) -> None:
    """Insert the setup marker, as the transaction's first statement. A concurrent setup blocks on the same key
    until this transaction ends, then fails with IntegrityError; on SQLite the write lock is taken before any
    read, so the loser never works from a stale snapshot."""
    session.add(CompanySetting(key=SET_UP_AT, value=utcnow().isoformat()))
    session.flush()
