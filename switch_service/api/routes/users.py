"""Desktop users, managed by admins: list, add, change role or password, deactivate.

Deactivating a user (or resetting its password) deletes its sign-in sessions in the same transaction, so its
tokens stop working at once rather than when they expire. There is always at least one active admin: the last one
cannot deactivate or demote themself (409).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query, status
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.auth import hash_token
from switch_service.api.deps import Admin, DbSession, Token
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import conflict, error_responses, get_or_404, invalid, missing_row
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, Role, SortOrder
from switch_service.api.schemas.users import MIN_PASSWORD_LENGTH, UserCreate, UserDetailOut, UserPage, UserUpdate
from switch_service.api.sorting import Order, SortKeys
from switch_service.security.passwords import hash_password
from switch_service.store.models import ApiSession, Reseller, User
from switch_service.store.models.enums import Role as StoreRole
from switch_service.store.repositories.users import add_user

router = api_router(prefix="/users", tags=["users"])

_RESPONSES = error_responses(401, 403, 404)
_WRITE_RESPONSES = error_responses(401, 403, 404, 409)


def user_detail_out(user: User) -> UserDetailOut:
    return UserDetailOut(id=user.id, username=user.username, role=Role(user.role.value), reseller_id=user.reseller_id,
                         active=user.active, last_login_at=user.last_login_at, created_at=user.created_at,
                         updated_at=user.updated_at)


def _user(session: Session, user_id: int) -> User:
    return get_or_404(session, User, user_id, "user")


def _check_reseller(session: Session, reseller_id: int | None) -> None:
    if reseller_id is not None and session.get(Reseller, reseller_id) is None:
        raise missing_row(("body", "reseller_id"), "reseller", reseller_id)


def _taken(username: str) -> HTTPException:
    return conflict(f"user {username!r} already exists")


def _keep_an_admin(session: Session, target: User) -> None:
    """409 when `target` is the only active admin. The active admins' rows are locked in id order, so two admins
    demoting each other at once cannot both succeed (the second sees the first's change)."""
    admins = session.scalars(select(User.id).where(User.role == StoreRole.ADMIN, User.active.is_(True))
                             .order_by(User.id).with_for_update()).all()
    if all(admin_id == target.id for admin_id in admins):
        raise conflict(f"user {target.username!r} is the last active admin: make another user an admin before "
                       "deactivating or demoting this one", "last_admin", user=target.username)


def _sign_out(session: Session, user: User, *, keep_token: str | None = None) -> None:
    """Delete the user's sign-in sessions (but the one of `keep_token`), so their tokens fail from now on."""
    query = delete(ApiSession).where(ApiSession.user_id == user.id)
    if keep_token is not None:
        query = query.where(ApiSession.token_hash != hash_token(keep_token))
    session.execute(query)


def _deactivate(session: Session, target: User) -> dict[str, Any]:
    if target.role is StoreRole.ADMIN and target.active:
        _keep_an_admin(session, target)
    _sign_out(session, target)
    return apply_patch(target, {"active": False})


UserSort = Literal["username", "role", "active", "created_at"]
USER_SORT: SortKeys[UserSort] = SortKeys(UserSort, {
    "username": func.lower(User.username), "role": User.role, "active": User.active, "created_at": User.created_at,
})


@router.get("", responses=_RESPONSES)
def list_users(
    session: DbSession,
    _admin: Admin,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[UserSort | None, USER_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    q: Annotated[str | None, Query(max_length=64, description="part of the user name")] = None,
    role: Annotated[Role | None, Query()] = None,
    active: Annotated[bool | None, Query()] = None,
) -> UserPage:
    query = select(User)
    if q is not None and q.strip():
        query = query.where(User.username.icontains(q.strip(), autoescape=True))
    if role is not None:
        query = query.where(User.role == StoreRole(role.value))
    if active is not None:
        query = query.where(User.active.is_(active))
    rows, next_after = keyset_page(session, query, User.id, after, limit, ordering=USER_SORT.ordering(sort, order))
    return UserPage(items=[user_detail_out(user) for user in rows], next_after=next_after)


@router.get("/{user_id}", responses=_RESPONSES)
def get_user(user_id: ObjectId, session: DbSession, _admin: Admin) -> UserDetailOut:
    return user_detail_out(_user(session, user_id))


@router.post("", status_code=status.HTTP_201_CREATED, responses=_WRITE_RESPONSES)
def create_user(body: UserCreate, session: DbSession, admin: Admin) -> UserDetailOut:
    if session.scalar(select(User.id).where(User.username == body.username)) is not None:
        raise _taken(body.username)
    _check_reseller(session, body.reseller_id)
    try:
        user = add_user(session, body.username, body.password, StoreRole(body.role.value), body.reseller_id,
                        min_length=MIN_PASSWORD_LENGTH)
    except IntegrityError:  # lost a race with another admin adding the same name
        raise _taken(body.username) from None
    session.refresh(user)
    out = user_detail_out(user)
    record_audit(session, admin, "create", "user", user.id,
                 out.model_dump(mode="json", include={"username", "role", "reseller_id"}))
    return out


@router.patch("/{user_id}", responses=_WRITE_RESPONSES)
def update_user(user_id: ObjectId, body: UserUpdate, session: DbSession, admin: Admin, token: Token) -> UserDetailOut:
    """Change role (and reseller), active, or password. A new password signs the user out everywhere else;
    `active: false` signs it out everywhere."""
    target = _user(session, user_id)
    values = body.changes()
    role = StoreRole(values["role"].value) if "role" in values else target.role
    if role is StoreRole.RESELLER:
        reseller_id = values.get("reseller_id", target.reseller_id)
        if reseller_id is None:
            raise invalid(("body", "reseller_id"), "required for the reseller role", None)
        _check_reseller(session, reseller_id)
    elif values.get("reseller_id") is not None:
        raise invalid(("body", "reseller_id"), f"only reseller users belong to a reseller (this is a {role.value})",
                      values["reseller_id"])
    else:
        reseller_id = None  # leaving the reseller role leaves the reseller
    changed: dict[str, Any] = {}
    if values.get("active") is False and target.active:
        changed.update(_deactivate(session, target))
    elif role is not StoreRole.ADMIN and target.role is StoreRole.ADMIN and target.active:
        _keep_an_admin(session, target)
    changed.update(apply_patch(target, {"role": role, "reseller_id": reseller_id,
                                        **({"active": True} if values.get("active") else {})}))
    if "password" in values:
        target.password_hash = hash_password(values["password"])
        _sign_out(session, target, keep_token=token if target.id == admin.id else None)
        changed["password"] = "reset"
    session.flush()
    session.refresh(target)
    if changed:
        record_audit(session, admin, "update", "user", target.id, changed)
    return user_detail_out(target)


@router.delete("/{user_id}", responses=_WRITE_RESPONSES)
def deactivate_user(user_id: ObjectId, session: DbSession, admin: Admin) -> UserDetailOut:
    """Deactivate the user (users are never deleted: the audit log names them) and end its sessions."""
    target = _user(session, user_id)
    changed = _deactivate(session, target) if target.active else {}
    session.flush()
    session.refresh(target)
    if changed:
        record_audit(session, admin, "deactivate", "user", target.id, changed)
    return user_detail_out(target)
