"""Desktop users, their sign-in sessions, the audit trail, the answers kept for idempotency keys and company-wide
settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.models.enums import Role, enum_column
from switch_service.store.types import UTCDateTime, utcnow


class User(Timestamped, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    reseller_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ApiSession(Base):
    """A bearer token (stored as its SHA-256) of one signed-in desktop user; several may be open at once."""

    __tablename__ = "api_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


class AuditEntry(Base):
    """Who changed what, when: one row per write through the API or CLI."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    changes: Mapped[str] = mapped_column(Text, default="{}")


class IdempotentRequest(Base):
    """The answer to a request a user sent with an `Idempotency-Key` header (a payment, say), written in the same
    transaction as what the request wrote: a retry with the same key gets this answer instead of doing it again."""

    __tablename__ = "idempotent_requests"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(128))
    request_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of method, path and body: a reused key is seen
    answer: Mapped[str] = mapped_column(Text)  # the answer's JSON
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class CompanySetting(Base):
    """Company-wide values the owner sets in the desktop (name, currency, time zone)."""

    __tablename__ = "company_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
