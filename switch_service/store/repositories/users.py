"""Desktop users: creation with scrypt-hashed passwords and sign-in checks."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.security.passwords import hash_password, verify_password
from switch_service.store.models import Reseller, User
from switch_service.store.models.enums import Role
from switch_service.store.types import utcnow

_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
MIN_PASSWORD_LENGTH = 8


def add_user(session: Session, username: str, password: str, role: Role,
             reseller_id: int | None = None, *, min_length: int = MIN_PASSWORD_LENGTH) -> User:
    if not _USERNAME.match(username):
        raise UserError(f"user name {username!r} must be 2-64 letters, digits or . _ @ -")
    if len(password) < min_length:
        raise UserError(f"password for {username!r} must be at least {min_length} characters")
    if role is Role.RESELLER and reseller_id is None:
        raise UserError("a reseller user needs --reseller ID")
    if reseller_id is not None and session.get(Reseller, reseller_id) is None:
        raise UserError(f"reseller {reseller_id} does not exist")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise UserError(f"user {username!r} already exists")
    user = User(username=username, password_hash=hash_password(password), role=role, reseller_id=reseller_id)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with that name and password, with its last sign-in updated; else None."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active or not verify_password(password, user.password_hash):
        return None
    user.last_login_at = utcnow()
    return user
