"""ANI registration by a prepaid IVR: after a valid PIN the caller may register the phone it calls from, so that its
next calls are recognised by the number and skip the PIN, up to the card's `max_anis` (a card batch sold for PIN-less
use sets it; 0 offers nothing by phone). The media workers touch no
database, so they ask here, over RADIUS (ivr_pairs.py): the answer to a PIN's first stage says whether the number
could be registered (`ani-registrable=1`), and a first-stage request with the PIN and `register-ani=1` registers it,
by the rule every door uses (`store.callers.register_ani`)."""

from __future__ import annotations

import dataclasses
import logging

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.aaa import cisco
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.ivr_pairs import REGISTER_PAIR, REGISTRABLE_PAIR
from switch_service.aaa.messages import AuthDecision, AuthRequest
from switch_service.aaa.policy_context import PolicyContext
from switch_service.aaa.policy_rows import avpairs_of
from switch_service.store.callers import AniRefused, may_register_ani, register_ani

log = logging.getLogger(__name__)

REFUSED: dict[str, ReturnCode] = {"taken": ReturnCode.IN_USE, "full": ReturnCode.DENIED,
                                  "not_by_phone": ReturnCode.DENIED, "no_account": ReturnCode.INVALID_ACCOUNT}


def wants_registration(request: AuthRequest) -> bool:
    return cisco.find_avpair(avpairs_of(request), REGISTER_PAIR) == "1"


class AniRegistration:
    def __init__(self, ctx: PolicyContext) -> None:
        self.ctx = ctx

    def offered(self, decision: AuthDecision, account_id: int, ani: str) -> AuthDecision:
        """A PIN's first-stage answer, with `ani-registrable=1` when the caller's number could be registered."""
        with Session(self.ctx.engine) as session:
            if not may_register_ani(session, account_id, ani):
                return decision
        pair = ("Cisco-AVPair", cisco.build_avpair(REGISTRABLE_PAIR, 1))
        return dataclasses.replace(decision, extra=(*decision.extra, pair))

    def register(self, decision: AuthDecision, account_id: int, ani: str) -> AuthDecision:
        """Register the caller's number to the PIN's account: the first-stage answer again, or a refusal saying
        why (3 in use: the number is registered already; 7 denied: the account has its max_anis)."""
        if not ani:
            return AuthDecision(ReturnCode.INVALID_ARGUMENT)
        try:
            with self.ctx.writes, Session(self.ctx.engine) as session, session.begin():
                register_ani(session, account_id, ani, by_phone=True)
        except AniRefused as refused:
            log.info("IVR: caller number %s not registered to account %d: %s", ani, account_id, refused.reason)
            return AuthDecision(REFUSED.get(refused.reason, ReturnCode.DENIED))
        except IntegrityError:  # another request registered it between the check and the insert
            return AuthDecision(ReturnCode.IN_USE)
        log.info("IVR: caller number %s registered to account %d for PIN-less calls", ani, account_id)
        return decision
