"""Support notes on an account: list (newest first) and add; the author and the UTC time are recorded."""

from __future__ import annotations

from fastapi import status
from sqlalchemy import select

from switch_service.api.audit import record_audit
from switch_service.api.deps import DbSession, Staff
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import error_responses
from switch_service.api.routes.anis import visible_account
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import NoteCreate, NoteOut
from switch_service.store.models import AccountNote, User
from switch_service.store.types import utcnow

router = api_router(prefix="/accounts/{account_id}/notes", tags=["notes"])

_RESPONSES = error_responses(401, 403, 404)


def note_out(note: AccountNote, author: str | None) -> NoteOut:
    return NoteOut(id=note.id, account_id=note.account_id, author_id=note.author_id, author=author,
                   at=note.at, text=note.text)


@router.get("", responses=_RESPONSES)
def list_notes(account_id: ObjectId, session: DbSession, user: Staff) -> list[NoteOut]:
    visible_account(session, user, account_id)
    rows = session.execute(
        select(AccountNote, User.username)
        .outerjoin(User, User.id == AccountNote.author_id)
        .where(AccountNote.account_id == account_id)
        .order_by(AccountNote.at.desc(), AccountNote.id.desc())
    )
    return [note_out(note, author) for note, author in rows]


@router.post("", status_code=status.HTTP_201_CREATED, responses=_RESPONSES)
def add_note(account_id: ObjectId, body: NoteCreate, session: DbSession, user: Staff) -> NoteOut:
    visible_account(session, user, account_id)
    note = AccountNote(account_id=account_id, author_id=user.id, at=utcnow(), text=body.text)
    session.add(note)
    session.flush()
    session.refresh(note)
    record_audit(session, user, "create", "account_note", note.id,
                 {"account_id": account_id, "text": note.text})
    return note_out(note, user.username)
