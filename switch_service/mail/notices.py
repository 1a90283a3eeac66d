"""Notices other parts of the service queue as things happen (the watch finds the rest): a statement or invoice
ready, with its PDF attached."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from switch_service.mail import outbox
from switch_service.mail.templates import render
from switch_service.store.models import Notification


def document_ready(session: Session, *, to: str, name: str, language: str, company: str, document: str,
                   pdf: Path, account_id: int | None = None) -> Notification:
    """Queue the e-mail that carries a rendered document (`document`: its title, e.g. "statement 2026-11")."""
    subject, body = render("document_ready", language, company=company, name=name, document=document)
    return outbox.enqueue(session, kind="document_ready", to=to, subject=subject, body=body, account_id=account_id,
                          attachment=str(pdf))
