"""Bearer tokens for desktop sign-ins.

The token itself is only ever in the client's hands; the database keeps its SHA-256, so a copy of the
database does not let anyone sign in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from switch_service.store.models import ApiSession, User
from switch_service.store.types import utcnow


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(session: Session, user: User, ttl_minutes: int) -> tuple[str, dt.datetime]:
    """A new token for the user (other sign-ins stay valid); expired sessions are swept on the way."""
    now = utcnow()
    session.execute(delete(ApiSession).where(ApiSession.expires_at <= now))
    token = secrets.token_urlsafe(32)
    expires_at = now + dt.timedelta(minutes=ttl_minutes)
    session.add(ApiSession(user_id=user.id, token_hash=hash_token(token), created_at=now, expires_at=expires_at))
    session.flush()
    return token, expires_at


def user_for_token(session: Session, token: str) -> User | None:
    """The active user behind an unexpired token, else None."""
    row = session.execute(
        select(User, ApiSession.expires_at)
        .join(ApiSession, ApiSession.user_id == User.id)
        .where(ApiSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    user, expires_at = row
    if expires_at <= utcnow() or not user.active:
        return None
    return user


def close_session(session: Session, token: str) -> bool:
    """Forget one token; True when it existed."""
    result = session.execute(delete(ApiSession).where(ApiSession.token_hash == hash_token(token)))
    return bool(getattr(result, "rowcount", 0))
