"""`carrier-switch accounts add|edit|list|show`: accounts from a script, under the API's rules.

The options are checked by the API's own schemas (AccountCreate, AccountUpdate) and the account rules of
`store.repositories.accounts`, so a bad value is refused the same way at both doors: one line naming the field,
exit code 2, nothing written. Tariffs and dial plans are named by id or by name; `none` clears a reference. Closing
an account here refuses its new calls; calls already connected are hung up only by the API's PATCH (the service
that carries them), so end them in the desktop's Live calls.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.store.models import Account, DialPlan, Reseller, Tariff, TaxProfile

if TYPE_CHECKING:  # the API's schemas and views are imported by the commands that use them: a quick start
    import pydantic

    from switch_service.cli.context import Context

NONE = "none"
_Reader = Callable[[Session, str], object]  # the option's text -> the field's value


def _named(model: Any, what: str) -> _Reader:
    """An id or a name of `model` (a tariff, a dial plan...): its id; `none` is null."""
    def read(session: Session, text: str) -> object:
        if text.lower() == NONE:
            return None
        if text.isdigit():
            return int(text)
        row_id = session.scalar(select(model.id).where(model.name == text))
        if row_id is None:
            raise UserError(f"no {what} named {text!r}")
        return row_id
    return read


def _text(_session: Session, text: str) -> object:
    return text


def _clearable(_session: Session, text: str) -> object:
    return None if text.lower() == NONE else text


# option, field, reader, help
_OPTIONS: tuple[tuple[str, str, _Reader, str], ...] = (
    ("--name", "name", _text, "customer name"),
    ("--kind", "kind", _text, "prepaid or postpaid"),
    ("--status", "status", _text, "active, suspended (no new calls, no payments) or closed (no new calls)"),
    ("--tariff", "tariff_id", _named(Tariff, "tariff"), "sell tariff, id or name (in the account's currency)"),
    ("--dial-plan", "dial_plan_id", _named(DialPlan, "dial plan"), "dial plan, id or name"),
    ("--tax-profile", "tax_profile_id", _named(TaxProfile, "tax profile"), "tax profile, id or name"),
    ("--reseller", "reseller_id", _named(Reseller, "reseller"), "reseller, id or name"),
    ("--credit-limit", "credit_limit", _text, "what a postpaid account may owe"),
    ("--overdraft", "overdraft", _text, "what a prepaid account may go below zero"),
    ("--email", "email", _clearable, "e-mail address"),
    ("--language", "language", _text, "en, es, fr..."),
    ("--country", "country", _clearable, "ISO 3166 code its numbers in national form are read as of (none: the "
                                         "default_region setting)"),
    ("--time-zone", "time_zone", _text, "IANA name; its time bands and package periods count in it"),
    ("--expires", "expires_at", _clearable, "no new call from then on (ISO 8601, e.g. 2027-01-01T00:00:00Z)"),
    ("--max-calls", "max_concurrent_calls", _text, "calls at once (0: no limit)"),
    ("--cps", "cps_limit", _text, "new calls per second (0: no limit)"),
    ("--max-anis", "max_anis", _text, "caller numbers it may register (0: no limit)"),
    ("--low-balance", "low_balance_threshold", _clearable, "warn below this much money available"),
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("accounts", help="customer accounts: add, edit, list, show")
    actions = group.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="create an account (the company's defaults for what "
                                                            "is left out)")
    add.add_argument("number", help="account number")
    add.add_argument("--currency", help="ISO 4217 code (default: the company's)")
    edit = actions.add_parser("edit", parents=[common], help="change an account (`none` clears a reference)")
    edit.add_argument("number", help="account number")
    edit.add_argument("--number", dest="new_number", metavar="NUMBER", help="a new account number")
    for parser in (add, edit):
        for option, field, _reader, text in _OPTIONS:
            parser.add_argument(option, dest=field, metavar="VALUE", help=text)
    add.set_defaults(handler=add_command)
    edit.set_defaults(handler=edit_command)
    listing = actions.add_parser("list", parents=[common], help="accounts, one JSON line each")
    listing.add_argument("--search", metavar="TEXT", help="part of the number or name")
    listing.add_argument("--limit", type=int, default=100)
    listing.set_defaults(handler=list_command)
    show = actions.add_parser("show", parents=[common], help="an account and what stops it calling, as JSON")
    show.add_argument("number", help="account number")
    show.set_defaults(handler=show_command)


def _given(session: Session, args: argparse.Namespace) -> dict[str, object]:
    return {field: reader(session, getattr(args, field)) for _option, field, reader, _text in _OPTIONS
            if getattr(args, field) is not None}


def _checked(model: type[pydantic.BaseModel], values: dict[str, object]) -> dict[str, Any]:
    """`values` as the API would take them (the fields given only), or a UserError naming each bad field."""
    import pydantic

    try:
        body = model.model_validate(values)
    except pydantic.ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
                             for error in exc.errors(include_url=False))
        raise UserError(problems) from None
    return body.model_dump(include=set(values))


def _account(session: Session, number: str) -> Account:
    account = session.scalar(select(Account).where(Account.number == number))
    if account is None:
        raise UserError(f"no account numbered {number!r}")
    return account


def _account_json(session: Session, account: Account) -> str:
    """The account as written, printed once its transaction committed: a closed pipe then loses no account."""
    from switch_service.api.account_views import account_out

    session.flush()
    session.refresh(account)
    return account_out(account).model_dump_json()


def add_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.api.schemas import AccountCreate
    from switch_service.store.repositories import accounts
    from switch_service.store.repositories.company import read_company

    with context.session() as session, session.begin():
        if not args.name:
            raise UserError("--name is required for a new account")
        values = _given(session, args) | {"number": args.number}
        if args.currency:
            values["currency"] = args.currency
        body = _checked(AccountCreate, values)
        account = accounts.create_account(session, body, read_company(session, context.settings))
        written = _account_json(session, account)
    print(written)
    return 0


def edit_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.api.schemas.accounts import AccountUpdate
    from switch_service.store.repositories import accounts

    with context.session() as session, session.begin():
        account = _account(session, args.number)
        values = _given(session, args)
        if args.new_number:
            values["number"] = args.new_number
        if not values:
            raise UserError("nothing to change: give at least one option (see --help)")
        accounts.update_account(session, account, _checked(AccountUpdate, values))
        written = _account_json(session, account)
    print(written)
    return 0


def list_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.api.account_views import account_out

    with context.session() as session:
        query = select(Account).order_by(Account.id).limit(max(1, args.limit))
        if args.search:
            query = query.where(or_(Account.number.icontains(args.search, autoescape=True),
                                    Account.name.icontains(args.search, autoescape=True)))
        for account in session.scalars(query):
            print(account_out(account).model_dump_json())
    return 0


def show_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.api.account_views import account_out, calling_out

    with context.session() as session:
        account = _account(session, args.number)
        shown = {"account": account_out(account).model_dump(mode="json"),
                 "calling": calling_out(session, account).model_dump(mode="json")}
        print(json.dumps(shown, indent=2))
    return 0

