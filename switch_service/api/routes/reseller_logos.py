"""A white-label reseller's logo: `PUT /resellers/{id}/logo` with the PNG or JPEG file as the body, `GET` it back,
`DELETE` it. Set and removed by an admin or by that reseller's own users (as its sell tariff); read by whoever may
see the reseller. A file refused by `documents.logos` (not PNG/JPEG, too large, too many pixels, corrupt) is a 422
naming why, and nothing is stored. Documents issued before a change keep the logo they were issued with (they are
kept files); the next ones print the new logo."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request, Response, status

from switch_service.api.audit import record_audit
from switch_service.api.deps import DbSession
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import error_responses, forbidden, invalid, not_found
from switch_service.api.routes.resellers import Manager, _visible_reseller
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.resellers import LogoOut
from switch_service.documents.logos import MAX_BYTES, MAX_SIDE_PX, MEDIA_TYPES, MIN_SIDE_PX, LogoError
from switch_service.store.models import Reseller, User
from switch_service.store.models.enums import Role
from switch_service.store.repositories.reseller_logos import logo_row, remove_logo, set_logo

router = api_router(prefix="/resellers", tags=["resellers"])

_IMAGE_SCHEMA = {"type": "string", "format": "binary"}
_UPLOAD: dict[str, Any] = {"requestBody": {"required": True, "description": (
    f"the logo file: PNG or JPEG, at most {MAX_BYTES // 1024} KiB, {MIN_SIDE_PX} to {MAX_SIDE_PX} pixels a side"),
    "content": {media_type: {"schema": _IMAGE_SCHEMA} for media_type in MEDIA_TYPES.values()}}}
_IMAGE: dict[int | str, dict[str, Any]] = {200: {"content": {media_type: {} for media_type in MEDIA_TYPES.values()},
                                                 "description": "the logo file as it was stored"}}


async def _file(request: Request) -> bytes:
    """The request body as it came (the body limit of the API applies before: 413 beyond it)."""
    return await request.body()


def _own_reseller(session: DbSession, user: User, reseller_id: int) -> Reseller:
    reseller = _visible_reseller(session, user, reseller_id)
    if user.role is Role.RESELLER and reseller.id != user.reseller_id:
        raise forbidden("a reseller user sets only its own reseller's logo")
    return reseller


@router.put("/{reseller_id}/logo", openapi_extra=_UPLOAD, responses=error_responses(401, 403, 404, 413))
def put_logo(reseller_id: ObjectId, session: DbSession, user: Manager,
             data: Annotated[bytes, Depends(_file)]) -> LogoOut:
    """Store the white-label reseller's logo (replacing the one it had), printed from then on on its customers'
    statements and invoices and on its own statement."""
    reseller = _own_reseller(session, user, reseller_id)
    try:
        logo = set_logo(session, reseller, data)
    except LogoError as problem:
        raise invalid(("body",), str(problem), f"{len(data)} bytes") from None
    row = logo_row(session, reseller.id)
    assert row is not None
    session.refresh(row)
    out = LogoOut(reseller_id=reseller.id, media_type=logo.media_type, width=logo.width, height=logo.height,
                  size=len(logo.data), sha256=logo.sha256, updated_at=row.updated_at)
    record_audit(session, user, "update", "reseller_logo", reseller.id, out.model_dump(mode="json",
                                                                                      exclude={"updated_at"}))
    return out


@router.get("/{reseller_id}/logo", response_class=Response, responses={**_IMAGE, **error_responses(401, 403, 404)})
def get_logo(reseller_id: ObjectId, session: DbSession, user: Manager) -> Response:
    """The reseller's logo file; 404 when it has none."""
    _visible_reseller(session, user, reseller_id)
    row = logo_row(session, reseller_id)
    if row is None:
        raise not_found("logo of reseller", reseller_id)
    return Response(row.data, media_type=row.media_type, headers={"X-Logo-Sha256": row.sha256})


@router.delete("/{reseller_id}/logo", status_code=status.HTTP_204_NO_CONTENT,
               responses=error_responses(401, 403, 404))
def delete_logo(reseller_id: ObjectId, session: DbSession, user: Manager) -> None:
    """Remove the reseller's logo: its next documents carry its brand name alone. 404 when it has none."""
    reseller = _own_reseller(session, user, reseller_id)
    if not remove_logo(session, reseller.id):
        raise not_found("logo of reseller", reseller_id)
    record_audit(session, user, "delete", "reseller_logo", reseller.id, {})
