"""The outbox: a notice is a `notifications` row until the mail server has taken it. A failed send is tried again
with back-off (1, 2, 4 ... minutes, at most an hour apart) and never given up, so a mail server that is down or
refusing loses nothing; it all goes out once the server takes mail again."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from switch_service.store.models import Notification

RETRY_FIRST_S = 60
RETRY_MAX_S = 3600


def enqueue(session: Session, *, kind: str, to: str, subject: str, body: str, account_id: int | None = None,
            attachment: str | None = None, severity: str = "info") -> Notification:
    """A notice to send (at the mailer's next look); flushed, committed with the caller's transaction."""
    row = Notification(kind=kind, severity=severity, account_id=account_id, message=body, email_to=to,
                       subject=subject[:200], attachment=attachment)
    session.add(row)
    session.flush()
    return row


def due(session: Session, now: dt.datetime, limit: int = 50) -> list[Notification]:
    """Notices not sent yet whose next try is due, oldest first."""
    return list(session.scalars(
        select(Notification).where(Notification.sent_at.is_(None), Notification.email_to.is_not(None),
                                   or_(Notification.next_attempt_at.is_(None), Notification.next_attempt_at <= now))
        .order_by(Notification.id).limit(limit)))


def backoff_s(attempts: int) -> int:
    """Seconds before the next try after `attempts` failed ones."""
    return int(min(RETRY_MAX_S, RETRY_FIRST_S * 2 ** max(attempts - 1, 0)))


def mark_sent(row: Notification, now: dt.datetime) -> None:
    row.sent_at = now
    row.last_error = None


def mark_failed(row: Notification, error: str, now: dt.datetime) -> None:
    row.attempts += 1
    row.last_error = error[:300]
    row.next_attempt_at = now + dt.timedelta(seconds=backoff_s(row.attempts))
