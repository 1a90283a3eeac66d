"""Closing the calls a crash left open, before the RADIUS server takes traffic again.

Each open reservation whose call was answered (a `LiveCall` with `answered_at`) is settled at the price of the
call, rated with the same sell-side rating as a Stop, and gets its CDR (result "recovered"): a call of our switch
to the restart (it sends BYE on both legs then, from the dialogs kept with the live call), another gateway's call to
the last moment it was reported (`last_seen_at`, moved by Interim-Updates); see `BillingPolicy.recovered_call`.
Reservations of calls that never answered are released. Live calls without a reservation (a gateway that skipped
authorisation) are rated and debited the same way. Package seconds claimed by a call come back as at a Stop: what
a recovered call did not use, and all of them for a call that never answered.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.store.models import AccountPackage, Cdr, LiveCall, PackageClaim, Reservation
from switch_service.store.models.enums import CdrKind
from switch_service.store.repositories import ledger
from switch_service.store.repositories.reservations import owned_by, recover_open_reservations

log = logging.getLogger(__name__)


@dataclass
class Recovered:
    closed: int = 0  # calls closed
    dialogs: list[str] = field(default_factory=list)  # the kept dialogs of our switch's calls, to end with BYE


def recover_at_startup(engine: Engine, now: dt.datetime, node: str | None = None) -> Recovered:
    """Settle or release every open reservation and close every live call of switch `node` (None: of every node),
    and those written before nodes had names (`now`: the restart)."""
    with Session(engine) as session, session.begin():
        recovered = recover_node(session, now, node, legacy=True)
    if recovered.closed:
        log.warning("recovered %d calls left open by a crash", recovered.closed)
    return recovered


def recover_node(session: Session, now: dt.datetime, node: str | None, *, legacy: bool) -> Recovered:
    """What `recover_at_startup` does, in the caller's transaction (a survivor claims the dead node's lease in the
    same one, so two survivors never both settle its calls); `legacy`: also the rows without a node."""
    engine = session.get_bind()
    assert isinstance(engine, Engine), "a session on an engine"
    policy = BillingPolicy(engine, clock=lambda: now)
    recovered = Recovered()
    cdrs: list[Cdr] = []

    def cost_of(live: LiveCall) -> Decimal:
        gross, cdr = policy.recovered_call(session, live, now)
        cdrs.append(cdr)
        return gross

    kept = session.scalars(select(LiveCall.sip_dialogs).where(owned_by(LiveCall.node, node, legacy=legacy)))
    recovered.dialogs += [dialogs for dialogs in kept if dialogs is not None]
    recovered.closed += recover_open_reservations(session, now, cost_of, node=node, legacy=legacy)
    billed = set(session.scalars(select(Cdr.call_id).where(Cdr.kind == CdrKind.CALL,
                                                            Cdr.call_id.in_([c.call_id for c in cdrs]))))
    session.add_all(cdr for cdr in cdrs if cdr.call_id not in billed)
    orphans = session.scalars(select(LiveCall).where(
        owned_by(LiveCall.node, node, legacy=legacy),
        ~select(Reservation.id).where(Reservation.call_id == LiveCall.call_id).exists())).all()
    for live in orphans:
        already = session.scalar(select(Cdr.id).where(Cdr.call_id == live.call_id, Cdr.kind == CdrKind.CALL))
        if already is None and live.answered_at is not None:
            gross, cdr = policy.recovered_call(session, live, now)
            if gross > 0 and live.account_id is not None:
                ledger.move_balance(session, live.account_id, -gross)
            session.add(cdr)
        session.execute(delete(LiveCall).where(LiveCall.id == live.id).execution_options(
            synchronize_session=False))
        recovered.closed += 1
    claims = select(PackageClaim).where(owned_by(PackageClaim.node, node, legacy=legacy))
    for claim in session.scalars(claims).all():  # calls that never answered
        session.execute(update(AccountPackage).where(AccountPackage.id == claim.account_package_id)
                        .values(used_seconds=AccountPackage.used_seconds - claim.seconds)
                        .execution_options(synchronize_session=False))
        session.delete(claim)
    session.flush()
    return recovered
