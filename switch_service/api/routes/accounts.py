"""Customer accounts: keyset-paged list with search, one account, create."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy import Select, or_, select

from switch_service.api.audit import record_created
from switch_service.api.deps import Context, CurrentUser, DbSession, Staff
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.request_errors import error_responses, flush_or, missing_row, number_taken
from switch_service.api.routes.anis import visible_account
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    AccountCreate,
    AccountKind,
    AccountOut,
    AccountPage,
    Status,
)
from switch_service.api.schemas.ids import IdList
from switch_service.api.visibility import account_visible
from switch_service.store.models import Account, Reseller, User
from switch_service.store.models.enums import AccountKind as StoreAccountKind
from switch_service.store.repositories.company import read_company

router = APIRouter(prefix="/accounts", tags=["accounts"])


def account_out(account: Account) -> AccountOut:
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
    )


Search = Annotated[str | None, Query(max_length=100, description="part of the number or name")]


def _listed(user: User, q: str | None) -> Select[Account]:
    """The accounts `user` may see that match the search: what the list and its id list both read."""
    query = select(Account).where(account_visible(user))
    if q is not None and q.strip():
        needle = q.strip()
        query = query.where(or_(Account.number.icontains(needle, autoescape=True),
                                Account.name.icontains(needle, autoescape=True)))
    return query


@router.get("", responses=error_responses(401))
def list_accounts(
    session: DbSession,
    user: CurrentUser,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    q: Search = None,
) -> AccountPage:
    rows, next_after = keyset_page(session, _listed(user, q), Account.id, after, limit)
    return AccountPage(items=[account_out(a) for a in rows], next_after=next_after)


@router.get("/ids", responses=error_responses(401))
def list_account_ids(session: DbSession, user: CurrentUser, q: Search = None) -> IdList:
    """Every id `GET /accounts` would list for the same search and user, in its order: a table knows its length
    at once and fetches any page of it with `after=<id of the row before>`."""
    query = _listed(user, q).with_only_columns(Account.id).order_by(Account.id)
    return IdList(ids=list(session.scalars(query)))


@router.get("/{account_id}", responses=error_responses(401, 404))
def get_account(account_id: ObjectId, session: DbSession, user: CurrentUser) -> AccountOut:
    return account_out(visible_account(session, user, account_id))


@router.post("", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403, 409))
def create_account(body: AccountCreate, session: DbSession, user: Staff, context: Context) -> AccountOut:
    taken = number_taken("account number", body.number)
    if session.scalar(select(Account.id).where(Account.number == body.number)) is not None:
        raise taken
    if body.reseller_id is not None and session.get(Reseller, body.reseller_id) is None:
        raise missing_row(("body", "reseller_id"), "reseller", body.reseller_id)
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
