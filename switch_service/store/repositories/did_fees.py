"""A DID's monthly fee is charged as a recurring fee of the DID's account (the fee runner's, `fees.py`), so it is
charged once per month whoever runs the fees, shows among the recurring fees and lands as a `fee` payment.

The fee follows the DID: every write to a DID calls `sync_did_fee`. A DID with a fee above 0, an account (a
forward DID's payer, a trunk DID's trunk account; an access number is the operator's own) and active has an active
monthly fee of that amount. The first month is due when the DID gets its account (charged at the next run, within
`fees_interval_s`), then monthly on that day in the account's time zone; a DID moved to another account starts
that account's month at the move; a changed amount applies from the next occurrence. A DID switched off stops its
fee (a month missed while off is not charged later: it starts again at the switch-on). A deleted DID's fee is
deleted (the payments it made stay).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from switch_service.store.models import Did, RecurringFee
from switch_service.store.models.enums import Period


def did_fee_name(number: str) -> str:
    return f"DID {number} monthly fee"


def did_fee(session: Session, did_id: int) -> RecurringFee | None:
    return session.scalar(select(RecurringFee).where(RecurringFee.did_id == did_id))


def sync_did_fee(session: Session, did: Did, now: dt.datetime) -> RecurringFee | None:
    """Bring the DID's recurring fee in line with the DID (module docstring); the fee, if it has one."""
    fee = did_fee(session, did.id)
    charged = did.active and did.account_id is not None and did.monthly_fee > 0
    if not charged:
        if fee is not None:
            fee.active = False
        return fee
    start = now.astimezone(dt.UTC).replace(microsecond=0)  # every backend keeps whole seconds alike
    if fee is None:
        fee = RecurringFee(did_id=did.id, period=Period.MONTHLY, anchor_at=start, next_due_at=start)
        session.add(fee)
    elif not fee.active or fee.account_id != did.account_id:
        fee.anchor_at = fee.next_due_at = start
    fee.name = did_fee_name(did.number)
    fee.account_id = did.account_id
    fee.amount = did.monthly_fee
    fee.active = True
    session.flush()
    return fee


def drop_did_fee(session: Session, did_id: int) -> None:
    """Before the DID itself is deleted."""
    session.execute(delete(RecurringFee).where(RecurringFee.did_id == did_id))
