"""Customer accounts: a keyset-paged list with search, filters (kind, status, reseller, balance) and sorting, its
id list, a batch look-up by ids, one account, create."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from sqlalchemy import and_, case, exists, func, literal, or_, select

from switch_service.api.audit import record_created
from switch_service.api.deps import Context, CurrentUser, DbSession, Staff
from switch_service.api.keyset import keyset_rows, ordered
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.request_errors import conflict, error_responses, flush_or, invalid
from switch_service.api.routes.anis import visible_account
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    AccountCreate,
    AccountKind,
    AccountListKind,
    AccountOut,
    AccountPage,
    AccountSort,
    Id,
    SortOrder,
    Status,
)
from switch_service.api.schemas.ids import IdList
from switch_service.api.sorting import Order, SortKeys
from switch_service.api.visibility import account_visible
from switch_service.store.models import Account, Card, Reseller
from switch_service.store.models.enums import AccountKind as StoreAccountKind
from switch_service.store.models.enums import Status as StoreStatus
from switch_service.store.repositories.company import read_company

router = APIRouter(prefix="/accounts", tags=["accounts"])


def account_out(account: Account, *, card: bool = False) -> AccountOut:
    return AccountOut(
        id=account.id,
        number=account.number,
        name=account.name,
        kind=AccountKind(account.kind.value),
        status=Status(account.status.value),
        balance=account.balance,
        overdraft=account.overdraft,
        credit_limit=account.credit_limit,
        reserved=account.reserved,
        currency=account.currency,
        email=account.email,
        reseller_id=account.reseller_id,
        created_at=account.created_at,
        card=card,
    )


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


@router.post("", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403, 409))
def create_account(body: AccountCreate, session: DbSession, user: Staff, context: Context) -> AccountOut:
    taken = conflict(f"account number {body.number} is already in use")
    if session.scalar(select(Account.id).where(Account.number == body.number)) is not None:
        raise taken
    if body.reseller_id is not None and session.get(Reseller, body.reseller_id) is None:
        raise invalid(("body", "reseller_id"), f"reseller {body.reseller_id} does not exist", body.reseller_id)
    company = read_company(session, context.settings)
    account = Account(
        number=body.number,
        name=body.name,
        kind=StoreAccountKind(body.kind.value),
        currency=body.currency or company.currency,
        time_zone=company.time_zone,  # time bands and package periods are counted in it
        credit_limit=body.credit_limit,
        overdraft=body.overdraft,
        email=body.email,
        reseller_id=body.reseller_id,
    )
    session.add(account)
    flush_or(session, taken)  # a race lost to another client creating the same number
    session.refresh(account)  # answer with the stored values (money rounded as the column keeps it)
    out = account_out(account)
    record_created(session, user, "account", account.id, out)
    return out
