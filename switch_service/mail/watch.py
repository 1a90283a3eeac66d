"""What deserves a notice, found by looking at the store each `mail_interval_s`, once per occurrence: an account
whose money available fell under its `low_balance_threshold` (told once, again only after it was above it), a
carrier down (its gateways failing their OPTIONS probes, or its circuit breaker open; told once until it is up),
a card batch within `card_expiry_notice_days` of its expiry. The mark on the row (`*_notified_at`) is written in the
transaction that queues the notice, so a notice is never queued twice nor lost."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from switch_service.mail import outbox
from switch_service.mail.templates import render
from switch_service.store.models import Account, Card, CardBatch, Carrier, Gateway
from switch_service.store.models.enums import CardStatus, Status
from switch_service.store.repositories import ledger


def low_balances(session: Session, now: dt.datetime, company: str) -> int:
    """Queue a notice for each account that crossed under its threshold; forget the crossing of those above it
    again. The notices queued."""
    queued = 0
    for account in session.scalars(select(Account).where(Account.low_balance_threshold.is_not(None),
                                                         Account.email.is_not(None), Account.status == Status.ACTIVE)):
        threshold = account.low_balance_threshold
        assert threshold is not None
        available = ledger.available(account)
        if available >= threshold:
            if account.low_balance_notified_at is not None:
                account.low_balance_notified_at = None
            continue
        if account.low_balance_notified_at is not None:
            continue
        subject, body = render("low_balance", account.language, company=company, name=account.name,
                               account=account.number, available=f"{available:.2f}",
                               threshold=f"{threshold:.2f}", currency=account.currency)
        outbox.enqueue(session, kind="low_balance", to=account.email or "", subject=subject, body=body,
                       account_id=account.id, severity="warning")
        account.low_balance_notified_at = now
        queued += 1
    return queued


def carriers_down(session: Session, now: dt.datetime, company: str, operator: str) -> int:
    """Queue a notice to the operator for each enabled carrier that went down; forget it once it is up."""
    probed_down = exists().where(Gateway.carrier_id == Carrier.id, Gateway.enabled.is_(True),
                                 Gateway.options_up.is_(False))
    up = exists().where(Gateway.carrier_id == Carrier.id, Gateway.enabled.is_(True), Gateway.options_up.is_(True))
    down = (probed_down & ~up) | (func.coalesce(Carrier.down_until, now) > now)
    queued = 0
    for carrier, is_down in session.execute(select(Carrier, down).where(Carrier.enabled.is_(True))):
        if not is_down:
            carrier.down_notified_at = None
            continue
        if carrier.down_notified_at is not None or not operator:
            continue
        subject, body = render("carrier_down", "en", company=company, carrier=carrier.name,
                               since=now.strftime("%Y-%m-%d %H:%M"))
        outbox.enqueue(session, kind="carrier_down", to=operator, subject=subject, body=body, severity="warning")
        carrier.down_notified_at = now
        queued += 1
    return queued


def card_batches_expiring(session: Session, now: dt.datetime, company: str, operator: str, days: int) -> int:
    """Queue a notice to the operator for each card batch that expires within `days`."""
    if not operator:
        return 0
    unused = (select(func.count()).select_from(Card)
              .where(Card.batch_id == CardBatch.id, Card.status == CardStatus.NEW).scalar_subquery())
    queued = 0
    for batch, never_used in session.execute(select(CardBatch, unused).where(
            CardBatch.expires_at.is_not(None), CardBatch.expires_at > now,
            CardBatch.expires_at <= now + dt.timedelta(days=days), CardBatch.expiry_notified_at.is_(None))):
        assert batch.expires_at is not None
        subject, body = render("card_batch_expiring", "en", company=company, batch=batch.name,
                               expires=batch.expires_at.strftime("%Y-%m-%d %H:%M"), unused=never_used)
        outbox.enqueue(session, kind="card_batch_expiring", to=operator, subject=subject, body=body)
        batch.expiry_notified_at = now
        queued += 1
    return queued
