"""Customer accounts: a keyset-paged list with search, filters (kind, status, reseller, balance) and sorting, its
id list, a batch look-up by ids, one account, create, change, and what the switch does with its calls (`/calling`).
The rules live in `store.repositories.accounts`, shared with the CLI."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Query, status
from fastapi.exceptions import RequestValidationError
from sqlalchemy import and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from switch_service.api.account_views import account_out, calling_out
from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Context, CurrentUser, DbSession, require_roles
from switch_service.api.keyset import keyset_rows, ordered
from switch_service.api.live import LiveCalls
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.request_errors import (
    FieldProblems,
    error_responses,
    forbidden,
    invalid,
    number_taken,
)
from switch_service.api.routes.anis import visible_account
from switch_service.api.routes.payments import record_payment
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    AccountCreate,
    AccountListKind,
    AccountOut,
    AccountPage,
    AccountSort,
    Id,
    SortOrder,
    Status,
)
from switch_service.api.schemas.accounts import (
    AccountCalling,
    AccountUpdate,
)
from switch_service.api.schemas.ids import IdList
from switch_service.api.sorting import Order, SortKeys
from switch_service.api.visibility import account_visible, reseller_subtree
from switch_service.billing.money import in_cash_units
from switch_service.store.models import Account, Card, LiveCall, Reseller, User
from switch_service.store.models.enums import AccountKind as StoreAccountKind
from switch_service.store.models.enums import PaymentKind as StorePaymentKind
from switch_service.store.models.enums import Role
from switch_service.store.models.enums import Status as StoreStatus
from switch_service.store.repositories import accounts
from switch_service.store.repositories.accounts import InvalidFieldsError, NumberTakenError
from switch_service.store.repositories.company import read_company

log = logging.getLogger(__name__)
router = api_router(prefix="/accounts", tags=["accounts"])


Search = Annotated[str | None, Query(max_length=100, description="part of the number or name")]

_IS_CARD = exists().where(Card.account_id == Account.id)
ACCOUNT_SORT: SortKeys[AccountSort] = SortKeys(AccountSort, {
    "number": Account.number, "name": func.lower(Account.name), "status": Account.status, "balance": Account.balance,
    "currency": Account.currency, "kind": case((_IS_CARD, literal(AccountListKind.CARD.value)), else_=Account.kind),
})


class AccountFilter:
    """What the list and its id list both read: the accounts `user` may see that match every filter given."""

    def __init__(
        self,
        user: CurrentUser,
        *,
        q: Search = None,
        kind: Annotated[list[AccountListKind] | None, Query(
            description="only these kinds (repeat the parameter for several); `card`: the accounts behind calling "
                        "cards, which `prepaid` leaves out")] = None,
        account_status: Annotated[Status | None, Query(alias="status")] = None,
        reseller_id: Annotated[IdQuery, Query(description="only the accounts this reseller sells directly")] = None,
        balance_below: Annotated[Decimal | None, Query(max_digits=18, decimal_places=6,
                                                       description="only balances below this amount")] = None,
    ) -> None:
        query = select(Account).where(account_visible(user))
        if q is not None and q.strip():
            needle = q.strip()
            query = query.where(or_(Account.number.icontains(needle, autoescape=True),
                                    Account.name.icontains(needle, autoescape=True)))
        if kind:
            kinds = set(kind)
            billed = [StoreAccountKind(k.value) for k in kinds - {AccountListKind.CARD}]
            shown = [and_(~_IS_CARD, Account.kind.in_(billed))] if billed else []
            query = query.where(or_(*shown, _IS_CARD) if AccountListKind.CARD in kinds else shown[0])
        if account_status is not None:
            query = query.where(Account.status == StoreStatus(account_status.value))
        if reseller_id is not None:
            query = query.where(Account.reseller_id == reseller_id)
        if balance_below is not None:
            query = query.where(Account.balance < balance_below)
        self.query = query


Filter = Annotated[AccountFilter, Depends()]
Sort = Annotated[AccountSort | None, ACCOUNT_SORT.query()]


@router.get("", responses=error_responses(401))
def list_accounts(
    session: DbSession,
    selection: Filter,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Sort = None,
    order: Order = SortOrder.ASC,
    ids: Annotated[list[Id] | None, Query(max_length=MAX_PAGE_SIZE, description=(
        "only these accounts (repeat the parameter, at most 500): one request for the accounts a screen names; "
        "ids not found or not visible are left out, and the page has no next one"))] = None,
) -> AccountPage:
    query = selection.query.add_columns(_IS_CARD.label("card"))
    ordering = ACCOUNT_SORT.ordering(sort, order)
    if ids:
        rows = list(session.execute(ordered(query.where(Account.id.in_(ids)), Account.id, ordering)))
        next_after = None
    else:
        rows, next_after = keyset_rows(session, query, Account.id, after, limit, ordering=ordering)
    return AccountPage(items=[account_out(account, card=card) for account, card in rows], next_after=next_after)


@router.get("/ids", responses=error_responses(401))
def list_account_ids(session: DbSession, selection: Filter, sort: Sort = None,
                     order: Order = SortOrder.ASC) -> IdList:
    """Every id `GET /accounts` would list for the same filters, sort and user, in its order: a table knows its
    length at once and fetches any page of it with `after=<id of the row before>`."""
    query = ordered(selection.query.with_only_columns(Account.id), Account.id, ACCOUNT_SORT.ordering(sort, order))
    return IdList(ids=list(session.scalars(query)))


@router.get("/{account_id}", responses=error_responses(401, 404))
def get_account(account_id: ObjectId, session: DbSession, user: CurrentUser) -> AccountOut:
    account = visible_account(session, user, account_id)
    return account_out(account, card=session.scalar(select(Card.id).where(Card.account_id == account.id)) is not None)


# What support may set: who the customer is and how to reach them; the rest (pricing, routing, limits, money
# terms, status) is the admins'.
_SUPPORT_FIELDS = frozenset({"number", "name", "email", "language", "time_zone", "low_balance_threshold"})
_SUPPORT_CREATE_FIELDS = _SUPPORT_FIELDS | {"kind", "currency", "credit_limit", "overdraft", "reseller_id",
                                            "initial_credit"}
# Who may open (activate) an account: a reseller user, in its own subtree.
Seller = Annotated[User, Depends(require_roles(Role.ADMIN, Role.SUPPORT, Role.RESELLER))]


def _may_set(user: User, fields: set[str], allowed: frozenset[str]) -> None:
    if user.role is Role.RESELLER:
        allowed = allowed | {"tariff_id"}  # its own white-label sell tariff only (`_check_sell_tariff`)
    refused = sorted(fields - allowed) if user.role is not Role.ADMIN else []
    if refused:
        raise forbidden(f"the {user.role.value} role may not set {', '.join(refused)} (admin only)")


def _check_sell_tariff(session: Session, user: User, tariff_id: int | None, reseller_id: int | None) -> None:
    """A white-label reseller's own sell tariff is for the accounts of its subtree only, and a reseller user gives
    its customers no other tariff (another is a 422 as if it did not exist: it may not see it)."""
    if tariff_id is None:
        return
    owner = session.scalar(select(Reseller.id).where(Reseller.sell_tariff_id == tariff_id))
    if user.role is Role.RESELLER and (owner is None or owner != user.reseller_id):
        raise invalid(("body", "tariff_id"), f"tariff {tariff_id} does not exist", tariff_id)
    if owner is not None and (reseller_id is None or session.scalar(
            select(Reseller.id).where(Reseller.id == reseller_id, Reseller.id.in_(reseller_subtree(owner)))) is None):
        raise invalid(("body", "tariff_id"), f"tariff {tariff_id} is reseller {owner}'s own sell tariff: only the "
                      "accounts under that reseller may have it", tariff_id)


def _invalid(error: InvalidFieldsError) -> RequestValidationError:
    problems = FieldProblems()
    for problem in error.problems:
        problems.add(problem.field, problem.message, problem.value, problem.kind, **dict(problem.context))
    return RequestValidationError(problems.errors)


@router.post("", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403, 409))
def create_account(body: AccountCreate, session: DbSession, user: Seller, context: Context) -> AccountOut:
    """A new account; what the body leaves out comes from the company (currency, time zone, default tariff and
    dial plan). 422 naming the field for a tariff in another currency or a reference that does not exist.

    A reseller user activates accounts in its own subtree (under its own reseller when `reseller_id` is left
    out); their `initial_credit` is taken from its reseller's balance plus credit limit, less its commission, and
    when that does not cover it the answer is 409 saying why and no account is made."""
    given = {name for name in body.model_fields_set if getattr(body, name) != AccountCreate.model_fields[name].default}
    _may_set(user, given, _SUPPORT_CREATE_FIELDS)  # a field sent with its default value changes nothing
    values = body.model_dump(exclude={"initial_credit"})
    if user.role is Role.RESELLER:
        values["reseller_id"] = _sellers_reseller(session, user, body.reseller_id)
    _check_sell_tariff(session, user, body.tariff_id, values["reseller_id"])
    company = read_company(session, context.settings)
    try:
        account = accounts.create_account(session, values, company)
    except InvalidFieldsError as error:
        raise _invalid(error) from None
    except NumberTakenError as error:
        raise number_taken("account number", error.number) from None
    session.refresh(account)  # answer with the stored values (money rounded as the column keeps it)
    out = account_out(account)
    record_created(session, user, "account", account.id, out)
    if body.initial_credit is not None:
        if in_cash_units(body.initial_credit, account.currency) != body.initial_credit:
            raise invalid(("body", "initial_credit"), f"{account.currency} is paid in its smallest unit: "
                          f"{body.initial_credit.normalize():f} has more decimals than that", str(body.initial_credit))
        record_payment(session, user, account, StorePaymentKind.TOPUP, body.initial_credit, method="activation")
        session.refresh(account)
        out = account_out(account)
    return out


def _sellers_reseller(session: Session, user: User, reseller_id: int | None) -> int:
    """The reseller a reseller user's new account goes under: one of its own subtree (422 naming the field for
    another), its own when left out."""
    own = user.reseller_id
    if own is None:
        raise forbidden("this reseller user has no reseller: it cannot open accounts")
    if reseller_id is None:
        return own
    if session.scalar(select(Reseller.id).where(Reseller.id == reseller_id,
                                                Reseller.id.in_(reseller_subtree(own)))) is None:
        raise invalid(("body", "reseller_id"), f"reseller {reseller_id} does not exist", reseller_id)
    return reseller_id


@router.patch("/{account_id}", responses=error_responses(401, 403, 404, 409))
def update_account(account_id: ObjectId, *, body: AccountUpdate, session: DbSession, user: Seller,
                   context: Context, background: BackgroundTasks) -> AccountOut:
    """Change the fields sent (support: the customer's name, number and contact details only; a reseller user:
    only the `tariff_id` of an account of its subtree, to its own white-label sell tariff). Closing an account
    hangs up its connected calls once the change is committed."""
    changes = body.changes()
    _may_set(user, set(changes), frozenset() if user.role is Role.RESELLER else _SUPPORT_FIELDS)
    account = visible_account(session, user, account_id)
    if "tariff_id" in changes or "reseller_id" in changes:
        _check_sell_tariff(session, user, changes.get("tariff_id", account.tariff_id),
                           changes.get("reseller_id", account.reseller_id))
    try:
        changed = accounts.update_account(session, account, changes)
    except InvalidFieldsError as error:
        raise _invalid(error) from None
    except NumberTakenError as error:
        raise number_taken("account number", error.number) from None
    if changed:
        record_audit(session, user, "update", "account", account.id, changed)
    if changed.get("status", {}).get("to") is StoreStatus.CLOSED:
        calls = list(session.scalars(select(LiveCall.call_id).where(LiveCall.account_id == account.id)))
        background.add_task(_hang_up, context.live, calls)
    session.refresh(account)
    return account_out(account)


def _hang_up(live: LiveCalls, call_ids: list[str]) -> None:
    """After the commit: BYE to both legs of each connected call of a closed account (what is not connected, or
    runs on another gateway, ends on its own)."""
    for call_id in call_ids:
        try:
            live.hangup(call_id)
        except TimeoutError:
            log.warning("the switch did not hang up call %s of a closed account in time", call_id)


@router.get("/{account_id}/calling", responses=error_responses(401, 404))
def account_calling(account_id: ObjectId, session: DbSession, user: CurrentUser) -> AccountCalling:
    """What the switch does with the account's calls: tariff, dial plan, limits, money, and every reason it would
    refuse them now (`blocks`; empty when it can call)."""
    return calling_out(session, visible_account(session, user, account_id))


