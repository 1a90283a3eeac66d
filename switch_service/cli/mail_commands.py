"""`carrier-switch mail`: check the mail server settings with a test message, run one round of the notices by hand
(for a cron job, or a service with `mail_interval_s = 0`), and read the outbox."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.store.models import Notification

if TYPE_CHECKING:
    from switch_service.cli.context import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    mail = commands.add_parser("mail", help="e-mail notifications: test the mail server, send, read the outbox")
    actions = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    test = actions.add_parser("test", parents=[common], help="queue a test message to ADDRESS and send what is due")
    test.add_argument("address", help="where the test message goes")
    test.set_defaults(handler=test_command)
    actions.add_parser("run", parents=[common], help="one round: queue the notices due, send the outbox").set_defaults(
        handler=run_command)
    listing = actions.add_parser("outbox", parents=[common], help="the newest notices, one JSON line each")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(handler=outbox_command)


def test_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.mail import outbox
    from switch_service.mail.mailer import Mailer

    if "@" not in args.address:
        raise UserError(f"not an e-mail address: {args.address!r}")
    mailer = Mailer(context.engine, context.settings)
    with Session(context.engine) as session, session.begin():
        notice = outbox.enqueue(session, kind="test", to=args.address, subject="Carrierdesk test message",
                                body="This message shows that Carrierdesk can send its notifications.")
        notice_id = notice.id
    if not context.settings.typed.smtp_host:
        raise UserError("smtp_host is not set (carrier-switch config set smtp_host HOST): the message waits in the "
                        "outbox")
    mailer.send_due()
    with Session(context.engine) as session:
        sent = session.get_one(Notification, notice_id)
        print(json.dumps(_row(sent)))
        if sent.sent_at is None:
            raise UserError(f"the mail server did not take the message: {sent.last_error}")
    return 0


def run_command(_args: argparse.Namespace, context: Context) -> int:
    from switch_service.mail.mailer import Mailer

    mailer = Mailer(context.engine, context.settings)
    queued = mailer.look()
    sent = mailer.send_due()
    print(json.dumps({"queued": queued, "sent": sent, "failed": mailer.failed}))
    return 0


def outbox_command(args: argparse.Namespace, context: Context) -> int:
    with Session(context.engine) as session:
        for row in session.scalars(select(Notification).order_by(Notification.id.desc()).limit(args.limit)):
            print(json.dumps(_row(row)))
    return 0


def _row(row: Notification) -> dict[str, Any]:
    return {"id": row.id, "kind": row.kind, "to": row.email_to, "subject": row.subject,
            "sent_at": row.sent_at.isoformat() if row.sent_at else None, "attempts": row.attempts,
            "next_attempt_at": row.next_attempt_at.isoformat() if row.next_attempt_at else None,
            "last_error": row.last_error}
