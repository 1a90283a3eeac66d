"""The figures of a statement for one calendar month, read with SQL aggregates.

A customer's money moves only by payments (top-ups, payments, vouchers, adjustments add; refunds and fees take off:
`payments.kind`) and by its calls (the CDR's `price`, the gross the ledger debited). So the balance at any moment T
is today's balance minus the payments since T plus the calls since T; the opening balance of a month is that at its
first local midnight, the closing balance the opening plus the month's movements. A call belongs to the month it
started in (`ix_cdrs_account_started` / `ix_cdrs_reseller_started` serve the range), as in the traffic reports.

Usage is grouped by destination group: the destination name the call was rated with (many prefixes share one,
"Germany Mobile"); minutes are billed seconds / 60. The taxes are those contained in the usage total under the
account's tax profile (`billing.taxes.taxes_within`): each call was debited its gross already. A reseller's
statement splits its customers' usage the same way under the reseller's own tax profile (the taxes a white-label
reseller declares on what its customers were charged); without a profile it prints no taxes.

A reseller's statement covers its own balance (payments naming the reseller and no account), the recharges and
activations of the customers of its subtree (their payments, summed by kind), their usage, and the commissions it
earned — summed from the reseller lines the Stop writes with each CDR and a payment with each payment
(`stored_commissions`); when it earned nothing the section is left out.

A customer's documents carry the brand of the nearest reseller above it with a brand name, and that reseller's
logo when it has one; a white-label reseller's own statement carries its logo beside its name.

The month is counted in the account's time zone (the company's for a reseller). A month not ended yet gives a
provisional statement; a month that has not begun is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session

from switch_service.billing.money import ZERO, in_cash_units
from switch_service.billing.periods import zone_named
from switch_service.billing.taxes import Tax as BillingTax
from switch_service.billing.taxes import TaxProfile as BillingTaxProfile
from switch_service.billing.taxes import taxes_within
from switch_service.config.settings import Settings
from switch_service.errors import UserError
from switch_service.store.models import (
    Account,
    Cdr,
    CdrResellerLine,
    Payment,
    PaymentResellerLine,
    Reseller,
    Tax,
    TaxProfile,
)
from switch_service.store.models.enums import AccountKind, CdrKind, PaymentKind
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.reseller_logos import logo_bytes
from switch_service.store.types import Money

PERIOD_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
INVOICE, STATEMENT, RESELLER_STATEMENT = "invoice", "statement", "reseller_statement"
_TAKES_OFF = (PaymentKind.REFUND, PaymentKind.FEE)
_RECHARGES = (PaymentKind.TOPUP, PaymentKind.PAYMENT, PaymentKind.VOUCHER)
FIRST_YEAR, LAST_YEAR = 1970, 9998
NO_GROUP = "Other"  # calls rated without a destination name


class PeriodError(UserError):
    """A period that is not YYYY-MM, or has not begun."""


@dataclass(frozen=True, slots=True)
class Month:
    """A calendar month in a time zone: [start, end) in UTC."""

    period: str  # YYYY-MM
    zone: str
    start: dt.datetime
    end: dt.datetime


def parse_period(period: str) -> tuple[int, int]:
    """(year, month) of `YYYY-MM`; a UserError naming the problem otherwise."""
    found = PERIOD_PATTERN.match(period)
    if found is None:
        raise PeriodError(f"period {period!r}: expected YYYY-MM, e.g. 2026-11")
    year = int(found.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:  # a calendar (and its following month) Python can hold
        raise PeriodError(f"period {period!r}: the year must be {FIRST_YEAR} to {LAST_YEAR}")
    return year, int(found.group(2))


def month_in(period: str, zone: str) -> Month:
    year, month = parse_period(period)
    tz = zone_named(zone)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    start = dt.datetime(year, month, 1, tzinfo=tz).astimezone(dt.UTC)
    end = dt.datetime(*following, 1, tzinfo=tz).astimezone(dt.UTC)
    return Month(period, zone, start, end)


def check_started(month: Month, now: dt.datetime) -> None:
    if month.start > now:
        raise PeriodError(f"period {month.period} is in the future (it begins {month.start.isoformat()})")


@dataclass(frozen=True, slots=True)
class MoneyLine:
    """A payment or fee of the period: `amount` as it moved the balance (negative: taken off)."""

    at: dt.datetime  # UTC
    receipt: str
    kind: str
    amount: Decimal
    note: str = ""


@dataclass(frozen=True, slots=True)
class UsageLine:
    group: str
    calls: int
    billed_s: int
    amount: Decimal

    @property
    def minutes(self) -> Decimal:
        return (Decimal(self.billed_s) / 60).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class TaxLine:
    name: str
    percent: Decimal
    inclusive: bool  # in the rated price (True) or added on top of it
    amount: Decimal


@dataclass(frozen=True, slots=True)
class KindTotal:
    """Payments of one kind summed (a reseller's customers' recharges and activations)."""

    kind: str
    count: int
    amount: Decimal


@dataclass(frozen=True, slots=True)
class CommissionLine:
    """What a reseller earned of one commission type in the period, summed from its per-CDR (or per-payment)
    reseller lines: `basis` is the rule's (sales_percent, margin_percent, per_minute, payment_percent...)."""

    basis: str
    count: int
    amount: Decimal


def stored_commissions(session: Session, reseller_id: int, start: dt.datetime,
                       end: dt.datetime) -> tuple[CommissionLine, ...]:
    """What the reseller earned in [start, end): on its customers' calls (the CDR's reseller lines, by the call's
    start) and on their payments and recharges (the payment's lines); a kind with nothing earned is left out."""
    calls = session.execute(
        select(func.count(), func.sum(CdrResellerLine.commission))
        .join(Cdr, (Cdr.call_id == CdrResellerLine.call_id) & (Cdr.kind == CdrKind.CALL))
        .where(CdrResellerLine.reseller_id == reseller_id, CdrResellerLine.commission > 0,
               Cdr.started_at >= start, Cdr.started_at < end)).one()
    payments = session.execute(
        select(func.count(), func.sum(PaymentResellerLine.commission))
        .join(Payment, Payment.id == PaymentResellerLine.payment_id)
        .where(PaymentResellerLine.reseller_id == reseller_id, PaymentResellerLine.commission > 0,
               Payment.created_at >= start, Payment.created_at < end)).one()
    return tuple(CommissionLine(basis, int(count), _money(amount))
                 for basis, (count, amount) in (("calls", calls), ("payments", payments)) if count)


@dataclass(frozen=True, slots=True)
class StatementFigures:
    kind: str  # INVOICE (postpaid account), STATEMENT (prepaid account) or RESELLER_STATEMENT
    subject_id: int
    subject_number: str  # the account's number; a reseller's id
    subject_name: str
    issuer_name: str  # the company, or the white-label reseller whose brand the customer sees
    issuer_address: str
    currency: str
    month: Month
    provisional: bool  # the month has not ended: figures may still change, nothing is numbered
    opening: Decimal
    payments: tuple[MoneyLine, ...]
    fees: tuple[MoneyLine, ...]
    usage: tuple[UsageLine, ...]
    taxes: tuple[TaxLine, ...]
    net_usage: Decimal
    recharges: tuple[KindTotal, ...] = ()
    commissions: tuple[CommissionLine, ...] = ()
    issuer_logo: bytes | None = None  # the brand's logo (white label), printed above the issuer's name
    subject_logo: bytes | None = None  # a white-label reseller's own logo, on its own statement

    @property
    def payments_total(self) -> Decimal:
        return sum((line.amount for line in self.payments), ZERO)

    @property
    def fees_total(self) -> Decimal:
        return sum((line.amount for line in self.fees), ZERO)

    @property
    def usage_total(self) -> Decimal:
        return sum((line.amount for line in self.usage), ZERO)

    @property
    def closing(self) -> Decimal:
        """Opening + payments + fees (negative) - usage; a reseller's customers' usage and recharges do not move
        its own balance."""
        if self.kind == RESELLER_STATEMENT:
            return self.opening + self.payments_total
        return self.opening + self.payments_total + self.fees_total - self.usage_total

    def cash(self, amount: Decimal) -> Decimal:
        """`amount` as printed: the currency's smallest unit."""
        return in_cash_units(amount, self.currency)


def _signed(amount: Any, kind: Any) -> ColumnElement[Decimal]:
    """A payment as it moved the balance: refunds and fees negative."""
    return type_coerce(case((kind.in_(_TAKES_OFF), -amount), else_=amount), Money())


def _money(value: Decimal | None) -> Decimal:
    return value if value is not None else ZERO


def _usage(session: Session, where: Sequence[ColumnElement[bool]]) -> tuple[UsageLine, ...]:
    group = func.coalesce(Cdr.destination_name, literal(NO_GROUP))
    query = (select(group, func.count(), func.sum(Cdr.billed_s), func.sum(Cdr.price))
             .where(Cdr.kind == CdrKind.CALL, or_(Cdr.billed_s > 0, Cdr.price != 0), *where)
             .group_by(group).order_by(group))
    return tuple(UsageLine(str(name), int(calls), int(billed or 0), _money(amount))
                 for name, calls, billed, amount in session.execute(query))


def _since(session: Session, payments: Sequence[ColumnElement[bool]], calls: Sequence[ColumnElement[bool]] | None,
           at: dt.datetime) -> Decimal:
    """What moved the balance from `at` on: payments (signed) minus the calls' prices."""
    moved = _money(session.scalar(select(func.sum(_signed(Payment.amount, Payment.kind)))
                                  .where(*payments, Payment.created_at >= at)))
    if calls is not None:
        moved -= _money(session.scalar(select(func.sum(Cdr.price))
                                       .where(Cdr.kind == CdrKind.CALL, *calls, Cdr.started_at >= at)))
    return moved


def _money_lines(session: Session, where: Sequence[ColumnElement[bool]], month: Month) -> tuple[MoneyLine, ...]:
    rows = session.execute(select(Payment.created_at, Payment.receipt_number, Payment.kind,
                                  _signed(Payment.amount, Payment.kind), Payment.note)
                           .where(*where, Payment.created_at >= month.start, Payment.created_at < month.end)
                           .order_by(Payment.created_at, Payment.id))
    return tuple(MoneyLine(at, receipt, PaymentKind(kind).value, amount, note or "")
                 for at, receipt, kind, amount, note in rows)


def _tax_profile(session: Session, profile_id: int | None) -> BillingTaxProfile | None:
    if profile_id is None:
        return None
    name = session.scalar(select(TaxProfile.name).where(TaxProfile.id == profile_id)) or str(profile_id)
    taxes = tuple(BillingTax(tax.name, tax.percent, tax.inclusive) for tax in session.scalars(
        select(Tax).where(Tax.profile_id == profile_id).order_by(Tax.position, Tax.id)))
    return BillingTaxProfile(name, taxes) if taxes else None


def _taxes(profile: BillingTaxProfile | None, gross: Decimal, currency: str) -> tuple[Decimal, tuple[TaxLine, ...]]:
    """Net and taxes of the usage total in the currency's units: each rounded, the largest tax absorbing the
    remainder, so net + taxes == the printed total."""
    total = in_cash_units(gross, currency)
    if profile is None:
        return total, ()
    split = taxes_within(total, profile)
    amounts = [in_cash_units(amount, currency) for _name, amount in split.taxes]
    net = in_cash_units(split.net, currency)
    if amounts:
        largest = max(range(len(amounts)), key=lambda i: profile.taxes[i].percent)
        amounts[largest] += total - net - sum(amounts, ZERO)
    return net, tuple(TaxLine(tax.name, tax.percent, tax.inclusive, amount)
                      for tax, amount in zip(profile.taxes, amounts, strict=True))


@dataclass(frozen=True, slots=True)
class Brand:
    """The white-label reseller whose name (and logo, when it has one) a customer's documents carry."""

    reseller_id: int
    name: str


def brand_of(session: Session, reseller_id: int | None) -> Brand | None:
    """The nearest reseller up the tree from `reseller_id` (itself included) that has a brand name, else None."""
    seen: set[int] = set()
    while reseller_id is not None and reseller_id not in seen:
        seen.add(reseller_id)
        row = session.execute(select(Reseller.parent_id, Reseller.brand_name)
                              .where(Reseller.id == reseller_id)).one_or_none()
        if row is None:
            return None
        if row.brand_name:
            return Brand(reseller_id, str(row.brand_name))
        reseller_id = row.parent_id
    return None


def _logo(session: Session, brand: Brand | None) -> bytes | None:
    return logo_bytes(session, brand.reseller_id) if brand is not None else None


def account_figures(session: Session, settings: Settings, account_id: int, period: str,
                    now: dt.datetime) -> StatementFigures:
    account = session.get(Account, account_id)
    if account is None:
        raise UserError(f"account {account_id} does not exist")
    month = month_in(period, account.time_zone)
    check_started(month, now)
    company = read_company(session, settings)
    payments_of = [Payment.account_id == account_id]
    calls_of = [Cdr.account_id == account_id]
    balance = _money(session.scalar(select(Account.balance).where(Account.id == account_id)))
    opening = balance - _since(session, payments_of, calls_of, month.start)
    lines = _money_lines(session, payments_of, month)
    usage = _usage(session, [*calls_of, Cdr.started_at >= month.start, Cdr.started_at < month.end])
    net, taxes = _taxes(_tax_profile(session, account.tax_profile_id),
                        sum((line.amount for line in usage), ZERO), account.currency)
    brand = brand_of(session, account.reseller_id)
    return StatementFigures(
        kind=INVOICE if account.kind is AccountKind.POSTPAID else STATEMENT, subject_id=account.id,
        subject_number=account.number, subject_name=account.name, issuer_name=brand.name if brand else company.name,
        issuer_address="" if brand else company.address, issuer_logo=_logo(session, brand),
        currency=account.currency, month=month,
        provisional=month.end > now, opening=opening,
        payments=tuple(line for line in lines if line.kind != PaymentKind.FEE.value),
        fees=tuple(line for line in lines if line.kind == PaymentKind.FEE.value),
        usage=usage, taxes=taxes, net_usage=net)


def subtree_ids(session: Session, root_id: int) -> list[int]:
    """The reseller and all its descendants (a recursive CTE)."""
    tree = select(Reseller.id).where(Reseller.id == root_id).cte("statement_tree", recursive=True)
    tree = tree.union_all(select(Reseller.id).join(tree, Reseller.parent_id == tree.c.id))
    return list(session.scalars(select(tree.c.id)))


def _recharges(session: Session, subtree: Select[Any], month: Month) -> tuple[KindTotal, ...]:
    query = (select(Payment.kind, func.count(), func.sum(Payment.amount))
             .join(Account, Account.id == Payment.account_id)
             .where(Account.reseller_id.in_(subtree), Payment.kind.in_(_RECHARGES),
                    Payment.created_at >= month.start, Payment.created_at < month.end)
             .group_by(Payment.kind).order_by(Payment.kind))
    return tuple(KindTotal(PaymentKind(kind).value, int(count), _money(amount))
                 for kind, count, amount in session.execute(query))


def reseller_figures(session: Session, settings: Settings, reseller_id: int, period: str,
                     now: dt.datetime) -> StatementFigures:
    reseller = session.get(Reseller, reseller_id)
    if reseller is None:
        raise UserError(f"reseller {reseller_id} does not exist")
    company = read_company(session, settings)
    month = month_in(period, company.time_zone)
    check_started(month, now)
    tree = subtree_ids(session, reseller_id)
    subtree = select(Reseller.id).where(Reseller.id.in_(tree))
    own = [Payment.reseller_id == reseller_id, Payment.account_id.is_(None)]
    balance = _money(session.scalar(select(Reseller.balance).where(Reseller.id == reseller_id)))
    # its balance moves by its own payments and by the reseller lines of its customers' payments (commissions
    # credited, recharges' buy prices taken)
    moved_by_lines = _money(session.scalar(
        select(func.sum(PaymentResellerLine.balance_change)).join(Payment, Payment.id == PaymentResellerLine.payment_id)
        .where(PaymentResellerLine.reseller_id == reseller_id, Payment.created_at >= month.start)))
    opening = balance - _since(session, own, None, month.start) - moved_by_lines
    usage = _usage(session, [Cdr.reseller_id.in_(tree), Cdr.started_at >= month.start, Cdr.started_at < month.end])
    net, taxes = _taxes(_tax_profile(session, reseller.tax_profile_id),
                        sum((line.amount for line in usage), ZERO), reseller.currency)
    brand = brand_of(session, reseller.parent_id)
    return StatementFigures(
        kind=RESELLER_STATEMENT, subject_id=reseller.id, subject_number=str(reseller.id),
        subject_name=reseller.brand_name or reseller.name, issuer_name=brand.name if brand else company.name,
        issuer_address="" if brand else company.address, issuer_logo=_logo(session, brand),
        subject_logo=logo_bytes(session, reseller.id), currency=reseller.currency, month=month,
        provisional=month.end > now, opening=opening, payments=_money_lines(session, own, month), fees=(),
        usage=usage, taxes=taxes, net_usage=net,
        recharges=_recharges(session, subtree, month),
        commissions=stored_commissions(session, reseller_id, month.start, month.end))
