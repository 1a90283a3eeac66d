"""SMTP: the mail server's settings (the password from the secret store) and the sending of one notice, with its
PDF attached when it has one. Plain smtplib: a notice at a time, from the mailer's thread."""

from __future__ import annotations

import smtplib
import socket
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings
from switch_service.store.models import Notification

PASSWORD_SECRET = "smtp_password"
SECURITY = ("none", "starttls", "tls")
TIMEOUT_S = 20.0


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    security: str
    user: str
    password: str
    sender: str

    @classmethod
    def of(cls, settings: Settings, secrets: SecretStore) -> SmtpConfig | None:
        """The configured server, or None when `smtp_host` is empty (notices wait in the outbox)."""
        typed = settings.typed
        if not typed.smtp_host:
            return None
        if typed.smtp_security not in SECURITY:
            raise ValueError(f"smtp_security must be one of {', '.join(SECURITY)}, not {typed.smtp_security!r}")
        sender = typed.smtp_from or f"carrierdesk@{socket.getfqdn()}"
        password = (secrets.get(PASSWORD_SECRET) or "") if typed.smtp_user else ""
        return cls(typed.smtp_host, typed.smtp_port, typed.smtp_security, typed.smtp_user, password, sender)


def message_of(config: SmtpConfig, notice: Notification) -> EmailMessage:
    """The e-mail of a notice; its attachment (a statement's PDF) when the file is there."""
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = notice.email_to or ""
    message["Subject"] = notice.subject or notice.kind
    message["Message-ID"] = make_msgid(f"notice{notice.id}")
    message.set_content(notice.message)
    if notice.attachment:
        path = Path(notice.attachment)
        subtype = "pdf" if path.suffix.lower() == ".pdf" else "octet-stream"
        message.add_attachment(path.read_bytes(), maintype="application", subtype=subtype, filename=path.name)
    return message


def send(config: SmtpConfig, message: EmailMessage) -> None:
    """Hand one message to the mail server; smtplib's or the socket's error when it does not take it."""
    smtp: smtplib.SMTP
    if config.security == "tls":
        smtp = smtplib.SMTP_SSL(config.host, config.port, timeout=TIMEOUT_S)
    else:
        smtp = smtplib.SMTP(config.host, config.port, timeout=TIMEOUT_S)
    with smtp:
        if config.security == "starttls":
            smtp.starttls()
        if config.user:
            smtp.login(config.user, config.password)
        smtp.send_message(message)
