"""A retail store's agent PIN: `POST /resellers/{id}/agent-pin` issues a new one (drawn by the service, shown once in
the answer, replacing the old), `DELETE` revokes it. With it the store's clerk recharges PIN-less customers of the
store's subtree from the IVR, paid from the store's balance (aaa/agent_recharge.py). An admin does it for any
reseller, a reseller user for its own and those below it (the visibility rules of the reseller routes); the PIN is
never in an answer after the first, nor in the audit log."""

from __future__ import annotations

from fastapi import status

from switch_service.api.audit import record_audit
from switch_service.api.deps import DbSession, Pins
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import error_responses, not_found
from switch_service.api.routes.resellers import Manager, _visible_reseller
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.resellers import AgentPinOut
from switch_service.store.repositories.agent_pins import issue_agent_pin, revoke_agent_pin
from switch_service.store.types import utcnow

router = api_router(prefix="/resellers", tags=["resellers"])


@router.post("/{reseller_id}/agent-pin", status_code=status.HTTP_201_CREATED,
             responses=error_responses(401, 403, 404))
def new_agent_pin(reseller_id: ObjectId, session: DbSession, user: Manager, cipher: Pins) -> AgentPinOut:
    """Issue a new agent PIN for the reseller (the old one stops working at once). The PIN is in this answer only:
    write it down."""
    reseller = _visible_reseller(session, user, reseller_id)
    now = utcnow().replace(microsecond=0)  # as every backend keeps it, so GET /resellers/{id} says the same
    pin = issue_agent_pin(session, cipher, reseller, now)
    record_audit(session, user, "update", "reseller_agent_pin", reseller.id, {"issued_at": now.isoformat()})
    return AgentPinOut(reseller_id=reseller.id, agent_pin=pin, issued_at=now)


@router.delete("/{reseller_id}/agent-pin", status_code=status.HTTP_204_NO_CONTENT,
               responses=error_responses(401, 403, 404))
def delete_agent_pin(reseller_id: ObjectId, session: DbSession, user: Manager) -> None:
    """Revoke the reseller's agent PIN; 404 when it has none."""
    reseller = _visible_reseller(session, user, reseller_id)
    if not revoke_agent_pin(reseller):
        raise not_found("agent PIN of reseller", reseller_id)
    record_audit(session, user, "delete", "reseller_agent_pin", reseller.id, {})
