"""Accounts as the API and the CLI create and change them: the same rules at both doors.

A new account takes from the company what its request leaves out: the currency, the time zone, and the default
tariff (when it is in the account's currency) and dial plan, so that it can call at once. Every reference must
exist, and the tariff must be a sell tariff in the account's currency: a USD account rated from a EUR deck would be
charged the wrong money. All problems of a request are raised together (`InvalidFieldsError`: the API answers a 422
naming each field, the CLI prints them on one line) and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.phone_numbers import country_code
from switch_service.store.models import Account, DialPlan, Reseller, Tariff, TaxProfile
from switch_service.store.models.enums import AccountKind, PaymentKind, Status, TariffKind
from switch_service.store.repositories.company import Company


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    message: str
    value: object = None
    kind: str = "value_error"  # the API's problem type, with `context` its words, so a client may say it itself
    context: tuple[tuple[str, object], ...] = ()


class InvalidFieldsError(UserError):
    """Every problem of one request, each naming its field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(f"{problem.field}: {problem.message}" for problem in problems))
        self.problems = problems


class NumberTakenError(UserError):
    def __init__(self, number: str) -> None:
        super().__init__(f"account number {number} is already in use")
        self.number = number


def tariff_problem(session: Session, tariff_id: int, currency: str) -> str | None:
    """Why the tariff cannot rate calls billed in `currency`, or None."""
    tariff = session.get(Tariff, tariff_id)
    if tariff is None:
        return f"tariff {tariff_id} does not exist"
    if tariff.kind is not TariffKind.SELL:
        return f"tariff {tariff.name!r} is a buy tariff (a carrier's deck): choose a sell tariff"
    if tariff.currency != currency:
        return f"tariff {tariff.name!r} is in {tariff.currency}, not {currency}: choose a tariff in {currency}"
    return None


_REFERENCES: tuple[tuple[str, type[Any], str], ...] = (
    ("dial_plan_id", DialPlan, "dial plan"), ("reseller_id", Reseller, "reseller"),
    ("tax_profile_id", TaxProfile, "tax profile"),
)


def reference_problems(session: Session, values: Mapping[str, Any], currency: str) -> list[FieldProblem]:
    """What is wrong with the references and the country among `values` (those not given, or null, are not
    checked)."""
    problems = []
    if values.get("country") is not None:
        try:
            country_code(values["country"])
        except ValueError as exc:
            problems.append(FieldProblem("country", str(exc), values["country"]))
    tariff_id = values.get("tariff_id")
    if tariff_id is not None and (message := tariff_problem(session, tariff_id, currency)) is not None:
        problems.append(FieldProblem("tariff_id", message, tariff_id))
    for field, model, what in _REFERENCES:
        row_id = values.get(field)
        if row_id is not None and session.get(model, row_id) is None:
            problems.append(FieldProblem(field, f"{what} {row_id} does not exist", row_id, "not_found",
                                         (("what", what), ("key", row_id))))
    return problems


def _number_free(session: Session, number: str, except_id: int | None = None) -> None:
    query = select(Account.id).where(Account.number == number)
    if except_id is not None:
        query = query.where(Account.id != except_id)
    if session.scalar(query) is not None:
        raise NumberTakenError(number)


def default_tariff(session: Session, company: Company, currency: str) -> int | None:
    """The company's default tariff, if it can rate calls billed in `currency`."""
    tariff_id = company.default_tariff_id
    return tariff_id if tariff_id is not None and tariff_problem(session, tariff_id, currency) is None else None


def create_account(session: Session, values: Mapping[str, Any], company: Company) -> Account:
    """A new account from `values` (AccountCreate's fields), flushed; the company's values where none is given."""
    currency = values.get("currency") or company.currency
    problems = reference_problems(session, values, currency)
    if problems:
        raise InvalidFieldsError(problems)
    _number_free(session, values["number"])
    tariff_id = values.get("tariff_id") or default_tariff(session, company, currency)
    fields = {name: value for name, value in values.items() if value is not None}
    if "country" in fields:
        fields["country"] = country_code(fields["country"])
    account = Account(**{
        **fields, "currency": currency, "time_zone": values.get("time_zone") or company.time_zone,
        "kind": AccountKind(values.get("kind") or AccountKind.PREPAID),
        "status": Status(values.get("status") or Status.ACTIVE), "tariff_id": tariff_id,
        "dial_plan_id": values.get("dial_plan_id") or company.default_dial_plan_id,
    })
    session.add(account)
    session.flush()
    return account


def update_account(session: Session, account: Account, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Apply `changes` (AccountUpdate's fields sent) after checking them; `{field: {"from", "to"}}` of what changed."""
    problems = reference_problems(session, changes, account.currency)
    if problems:
        raise InvalidFieldsError(problems)
    if "number" in changes:
        _number_free(session, changes["number"], account.id)
    typed: dict[str, Callable[[Any], Any]] = {"kind": AccountKind, "status": Status, "country": country_code}
    changed: dict[str, Any] = {}
    for name, raw in changes.items():
        value = typed[name](raw) if name in typed and raw is not None else raw
        if getattr(account, name) != value:
            changed[name] = {"from": getattr(account, name), "to": value}
            setattr(account, name, value)
    session.flush()
    return changed


def payment_refusal(account: Account, kind: PaymentKind) -> str | None:
    """Why the account takes no payment of `kind` now, or None: a suspended account takes none until it is active
    again; a closed one only a refund (paying back what is left)."""
    if account.status is Status.ACTIVE or (account.status is Status.CLOSED and kind is PaymentKind.REFUND):
        return None
    allowed = "only a refund is taken" if account.status is Status.CLOSED else "no payment is taken"
    return (f"status: account {account.number} is {account.status.value}; {allowed} until its status is "
            "active again")
