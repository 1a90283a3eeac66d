"""An access number's own welcome prompt (admins): `PUT /dids/{id}/welcome.wav` stores the operator's recording (WAV
or MP3, converted to 8 kHz mono 16-bit PCM by the same rule as a replaced prompt: media/prompt_import.py; a file
that cannot be a prompt is a 422 naming why, and nothing changes), `GET` is the file callers hear, `DELETE` brings
the standard `welcome` prompt back. Only an access number reaches the IVR, so another kind of DID is a 422 saying so.

Callers who come in on that number hear it instead of the standard welcome from the next call on: the workers look
it up each time they play the welcome (media/prompts.py `PromptLibrary.did_welcome`); no restart."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Response, status
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import Admin, DbSession
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import error_responses, invalid, not_found
from switch_service.api.routes.dids import Welcomes, visible_did
from switch_service.api.routes.ivr_prompts import UPLOAD, WAV, upload
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.dids import DidWelcomeOut
from switch_service.media.prompt_import import SAMPLE_RATE, PromptFileError, convert
from switch_service.store.models import Did, User
from switch_service.store.models.enums import DidKind

router = api_router(prefix="/dids", tags=["dids"])


def _access_number(session: Session, user: User, did_id: int) -> Did:
    did = visible_did(session, user, did_id)
    if did.kind is not DidKind.ACCESS_NUMBER:
        raise invalid(("path", "did_id"), f"DID {did.number} is a {did.kind.value} DID: only an access number "
                                          "leads callers to the IVR, which plays a welcome prompt", did_id)
    return did


@router.get("/{did_id}/welcome.wav", response_class=Response, responses={**WAV, **error_responses(401, 403, 404)})
def get_welcome(did_id: ObjectId, user: Admin, session: DbSession, welcomes: Welcomes) -> Response:
    """The access number's own welcome recording; 404 when it has none (callers hear the standard welcome)."""
    did = _access_number(session, user, did_id)
    path = welcomes.file(did.number)
    if path is None:
        raise not_found("welcome prompt of DID", did_id)
    return Response(path.read_bytes(), media_type="audio/wav")


@router.put("/{did_id}/welcome.wav", openapi_extra=UPLOAD, responses=error_responses(401, 403, 404, 413))
def put_welcome(did_id: ObjectId, *, user: Admin, session: DbSession, welcomes: Welcomes,
                data: Annotated[bytes, Depends(upload)]) -> DidWelcomeOut:
    """Play this recording instead of the standard welcome to callers on this access number, from the next call
    on. 422 naming why for a file that cannot be a prompt (empty, not WAV nor MP3, damaged, longer than the limit,
    silent) or a DID that is not an access number; nothing is changed then."""
    did = _access_number(session, user, did_id)
    try:
        prompt = convert(data)
    except PromptFileError as problem:
        raise invalid(("body",), str(problem), f"{len(data)} bytes") from None
    welcomes.store(did.number, prompt.wav)
    out = DidWelcomeOut(did_id=did.id, number=did.number, source_format=prompt.kind,
                        seconds=round(prompt.seconds, 3), size=len(prompt.wav), sample_rate=SAMPLE_RATE)
    record_audit(session, user, "update", "did_welcome", did.id, out.model_dump(mode="json"))
    return out


@router.delete("/{did_id}/welcome.wav", status_code=status.HTTP_204_NO_CONTENT,
               responses=error_responses(401, 403, 404))
def delete_welcome(did_id: ObjectId, user: Admin, session: DbSession, welcomes: Welcomes) -> None:
    """Drop the access number's recording: its callers hear the standard welcome again from the next call on.
    404 when it had none."""
    did = _access_number(session, user, did_id)
    if not welcomes.remove(did.number):
        raise not_found("welcome prompt of DID", did_id)
    record_audit(session, user, "delete", "did_welcome", did.id, {"number": did.number})
