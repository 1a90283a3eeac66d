"""An operator's hang-up asked through the API of a node that does not carry the call: the request is written on the
call's live row (`hangup_requested_at`) and announced by the change signal's "hangup_requests" version, which every
node's switch polls each second with its snapshot check; the node that carries the call then hangs it up as its own
API would (BYE on both legs, cause operator-hangup). Through the shared database, so no node needs another's API
address or token."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from switch_service.store.change_signal import raise_versions
from switch_service.store.models import LiveCall
from switch_service.store.repositories.live_ivr import row_key, session_id
from switch_service.store.types import utcnow


def ask(session: Session, call_id: str, here: str) -> str | None:
    """The node that carries live call `call_id`, asked to hang it up, when that is another node than `here`; None
    when no other node has it. The caller's transaction commits the request and the raised version together."""
    keys = (call_id, row_key(call_id))  # a bridged call, or a caller in the IVR (live_ivr.py)
    node = session.scalar(select(LiveCall.node).where(LiveCall.call_id.in_(keys), LiveCall.node.is_not(None),
                                                      LiveCall.node != here).limit(1))
    if node is None:
        return None
    session.execute(update(LiveCall).where(LiveCall.call_id.in_(keys), LiveCall.hangup_requested_at.is_(None))
                    .values(hangup_requested_at=utcnow()).execution_options(synchronize_session=False))
    raise_versions(session.connection(), {"hangup_requests"})
    return node


def asked(session: Session, node: str) -> list[str]:
    """The call ids (accounting session ids) of `node`'s live calls another node's API was asked to hang up."""
    return [session_id(key) for key in session.scalars(select(LiveCall.call_id).where(
        LiveCall.node == node, LiveCall.hangup_requested_at.is_not(None)))]
