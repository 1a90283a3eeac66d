"""The service's mail component: every `mail_interval_s` it looks at the store for notices to queue (`watch`) and
hands the due ones of the outbox to the mail server (`sender`), one at a time, each marked sent or failed in a
transaction of its own. Without `smtp_host` notices are still queued and wait; the Service page shows the counters."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import threading
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings
from switch_service.mail import outbox, watch
from switch_service.mail.sender import SmtpConfig, message_of, send
from switch_service.store.models import Notification
from switch_service.store.repositories.company import read_company
from switch_service.store.types import utcnow

log = logging.getLogger(__name__)


class Mailer:
    name = "mail"

    def __init__(self, engine: Engine, settings: Settings, secrets: SecretStore | None = None,
                 clock: Callable[[], dt.datetime] = utcnow, may_run: Callable[[], bool] = lambda: True) -> None:
        self.engine = engine
        self.may_run = may_run  # in a cluster: this node holds the duties (cluster/duties.py)
        self.settings = settings
        self.secrets = secrets or SecretStore()
        self.clock = clock
        self.queued = 0
        self.sent = 0
        self.failed = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="mail", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(60)  # a message being handed over finishes first
            self._thread = None

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def ports(self) -> dict[str, int]:
        return {}

    def counters(self) -> dict[str, int]:
        return {"queued": self.queued, "sent": self.sent, "failed": self.failed}

    def _run(self) -> None:
        interval = self.settings.typed.mail_interval_s
        while not self._stop.wait(interval if interval > 0 else None):  # 0: idle until stopped (`mail run`)
            if not self.may_run():
                continue
            try:
                self.run_once()
            except Exception:
                log.exception("the mail round failed")

    def run_once(self) -> None:
        """One round: queue what the store calls for, then send what is due."""
        self.look()
        self.send_due()

    def look(self) -> int:
        """Queue the notices the store calls for now (one transaction); how many."""
        typed = self.settings.typed
        now = self.clock()
        with Session(self.engine) as session, session.begin():
            company = read_company(session, self.settings).name
            queued = (watch.low_balances(session, now, company)
                      + watch.carriers_down(session, now, company, typed.operator_email)
                      + watch.card_batches_expiring(session, now, company, typed.operator_email,
                                                    typed.card_expiry_notice_days))
        self.queued += queued
        return queued

    def send_due(self) -> int:
        """Hand the due notices to the mail server; how many it took. None without `smtp_host`."""
        config = SmtpConfig.of(self.settings, self.secrets)
        if config is None:
            return 0
        with Session(self.engine) as session:
            ids = [row.id for row in outbox.due(session, self.clock())]
        taken = 0
        for notice_id in ids:
            if self._stop.is_set():
                break
            with Session(self.engine) as session, session.begin():
                notice = session.get(Notification, notice_id)
                if notice is None or notice.sent_at is not None:
                    continue
                try:
                    send(config, message_of(config, notice))
                except (smtplib.SMTPException, OSError) as exc:
                    outbox.mark_failed(notice, f"{type(exc).__name__}: {exc}", self.clock())
                    self.failed += 1
                    log.warning("notice %s to %s not sent (try %s): %s", notice.id, notice.email_to, notice.attempts,
                                exc)
                    continue
                outbox.mark_sent(notice, self.clock())
                taken += 1
        self.sent += taken
        return taken
