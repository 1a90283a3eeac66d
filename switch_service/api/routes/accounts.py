"""Customer accounts: keyset-paged list with search, one account, create."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from switch_service.api.audit import record_audit
from switch_service.api.deps import Context, CurrentUser, DbSession, require_roles
from switch_service.api.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    AccountCreate,
    AccountKind,
    AccountOut,
    AccountPage,
    ErrorOut,
    Status,
)
from switch_service.api.visibility import account_visible
from switch_service.errors import UserError
from switch_service.store.models import Account, Reseller, User
from switch_service.store.models.enums import AccountKind as StoreAccountKind
from switch_service.store.models.enums import Role

router = APIRouter(prefix="/accounts", tags=["accounts"])

Writer = Annotated[User, Depends(require_roles(Role.ADMIN, Role.SUPPORT))]


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


@router.get("", responses={401: {"model": ErrorOut}})
def list_accounts(
    session: DbSession,
    user: CurrentUser,
    after: Annotated[int | None, Query(ge=0, description="id of the last account of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    q: Annotated[str | None, Query(max_length=100, description="part of the number or name")] = None,
) -> AccountPage:
    query = select(Account).where(account_visible(user)).order_by(Account.id).limit(limit + 1)
    if after is not None:
        query = query.where(Account.id > after)
    if q is not None and q.strip():
        needle = q.strip()
        query = query.where(or_(Account.number.icontains(needle, autoescape=True),
                                Account.name.icontains(needle, autoescape=True)))
    rows = list(session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    return AccountPage(items=[account_out(a) for a in rows], next_after=rows[-1].id if more else None)


@router.get("/{account_id}", responses={401: {"model": ErrorOut}, 404: {"model": ErrorOut}})
def get_account(account_id: int, session: DbSession, user: CurrentUser) -> AccountOut:
    account = session.scalar(select(Account).where(Account.id == account_id, account_visible(user)))
    if account is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"account {account_id} does not exist")
    return account_out(account)


@router.post("", status_code=status.HTTP_201_CREATED,
             responses={403: {"model": ErrorOut}, 409: {"model": ErrorOut}})
def create_account(body: AccountCreate, session: DbSession, user: Writer, context: Context) -> AccountOut:
    if session.scalar(select(Account.id).where(Account.number == body.number)) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"account number {body.number} is already in use")
    if body.reseller_id is not None and session.get(Reseller, body.reseller_id) is None:
        raise UserError(f"reseller {body.reseller_id} does not exist")
    account = Account(
        number=body.number,
        name=body.name,
        kind=StoreAccountKind(body.kind.value),
        currency=body.currency or context.settings["currency"],
        credit_limit=body.credit_limit,
        overdraft=body.overdraft,
        email=body.email,
        reseller_id=body.reseller_id,
    )
    session.add(account)
    try:
        session.flush()
    except IntegrityError:  # lost a race with another client creating the same number
        raise HTTPException(status.HTTP_409_CONFLICT,
                            f"account number {body.number} is already in use") from None
    session.refresh(account)  # answer with the stored values (money rounded as the column keeps it)
    out = account_out(account)
    record_audit(session, user, "create", "account", account.id,
                 out.model_dump(mode="json", exclude={"id", "created_at"}))
    return out
