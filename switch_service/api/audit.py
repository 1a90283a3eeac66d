"""The audit trail: one `AuditEntry` per write made through the API."""

from __future__ import annotations

import datetime as dt
import enum
import json
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from switch_service.store.models import AuditEntry, User


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"cannot record {type(value).__name__} in the audit log")


def record_audit(  # noqa: PLR0917 - the positional form reads like a sentence at every call site
    session: Session, user: User, action: str, entity: str, entity_id: object,
    changes: dict[str, Any],
) -> AuditEntry:
    """Add the entry to the caller's transaction, so it is committed (or rolled back) with the change."""
    entry = AuditEntry(
        user_id=user.id,
        actor=user.username,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        changes=json.dumps(changes, default=_plain, sort_keys=True, ensure_ascii=False),
    )
    session.add(entry)
    return entry


def record_created(session: Session, user: User, entity: str, entity_id: int, answer: BaseModel, *,
                   leave_out: frozenset[str] = frozenset()) -> AuditEntry:
    """The "create" entry of a new row: the answer the client got, without the id and timestamps (the entry has
    its own) and the fields in `leave_out`."""
    fields = answer.model_dump(mode="json", exclude={"id", "created_at", "updated_at", *leave_out})
    return record_audit(session, user, "create", entity, entity_id, fields)
