"""NAS clients (third-party gateways sending RADIUS): list, one, create, change, delete. Admins only.

The rules (address or network, no overlap, the switch's own address kept free, secret length) are the store's
(`store.repositories.nas_clients`), shared with `carrier-switch nas`; a value they refuse is a 422 naming the field.
The RADIUS server reloads the NAS clients within `NAS_RELOAD_S` seconds of a change, without a restart.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from fastapi import status
from sqlalchemy import select

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, Context, DbSession, Pins
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.request_errors import conflict, error_responses, flush_or, get_or_404, invalid
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE
from switch_service.api.schemas.nas import NasClientCreate, NasClientOut, NasClientPage, NasClientUpdate
from switch_service.store.models import NasClient
from switch_service.store.repositories.nas_clients import (
    NasFieldError,
    NasValues,
    add_nas_client,
    switch_nas_address,
    update_nas_client,
)

router = api_router(prefix="/nas-clients", tags=["nas clients"])

_RESPONSES = error_responses(401, 403, 404, 409)


def nas_out(client: NasClient) -> NasClientOut:
    return NasClientOut(id=client.id, name=client.name, address=client.address,
                        require_message_authenticator=client.require_message_authenticator, enabled=client.enabled,
                        secret_set=True, created_at=client.created_at, updated_at=client.updated_at)


def _switch_address(context: Context) -> str:
    return switch_nas_address(context.settings.typed.radius_host)


@contextlib.contextmanager
def _named_refusal(values: NasValues) -> Iterator[None]:
    """What the store's rules refuse: a 422 on the field (a refused secret is never echoed)."""
    try:
        yield
    except NasFieldError as exc:
        echoed = None if exc.field == "secret" else getattr(values, exc.field)
        raise invalid(("body", exc.field), exc.message, echoed) from None


def _flush(session: DbSession) -> None:
    flush_or(session, conflict("another NAS client took this name or address meanwhile; try again"))


@router.get("", responses=_RESPONSES)
def list_nas_clients(session: DbSession, _user: Admin, after: After = None,
                     limit: Limit = DEFAULT_PAGE_SIZE) -> NasClientPage:
    rows, next_after = keyset_page(session, select(NasClient), NasClient.id, after, limit)
    return NasClientPage(items=[nas_out(row) for row in rows], next_after=next_after)


@router.get("/{nas_id}", responses=_RESPONSES)
def get_nas_client(nas_id: ObjectId, session: DbSession, _user: Admin) -> NasClientOut:
    return nas_out(get_or_404(session, NasClient, nas_id, "NAS client"))


@router.post("", status_code=status.HTTP_201_CREATED, responses=_RESPONSES)
def create_nas_client(body: NasClientCreate, session: DbSession, user: Admin, context: Context,
                      pins: Pins) -> NasClientOut:
    values = NasValues(body.name, body.address, body.secret.get_secret_value(), body.require_message_authenticator,
                       body.enabled)
    with _named_refusal(values):
        client = add_nas_client(session, values, pins, _switch_address(context))
    _flush(session)
    session.refresh(client)
    out = nas_out(client)
    record_created(session, user, "nas_client", client.id, out)
    return out


@router.patch("/{nas_id}", responses=_RESPONSES)
def update_nas_client_route(nas_id: ObjectId, body: NasClientUpdate, session: DbSession, *, user: Admin,
                            context: Context, pins: Pins) -> NasClientOut:
    client = get_or_404(session, NasClient, nas_id, "NAS client")
    values = NasValues(body.name or client.name, body.address or client.address,
                       body.secret.get_secret_value() if body.secret is not None else None,
                       client.require_message_authenticator if body.require_message_authenticator is None
                       else body.require_message_authenticator,
                       client.enabled if body.enabled is None else body.enabled)
    before = nas_out(client).model_dump(mode="json")
    with _named_refusal(values):
        changed = update_nas_client(session, client, values, pins, _switch_address(context))
    _flush(session)
    session.refresh(client)
    out = nas_out(client)
    if changed:
        after = out.model_dump(mode="json")
        record_audit(session, user, "update", "nas_client", client.id,
                     {field: {"from": before[field], "to": after[field]} if field != "secret" else "changed"
                      for field in changed})
    return out


@router.delete("/{nas_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_RESPONSES)
def delete_nas_client(nas_id: ObjectId, session: DbSession, user: Admin) -> None:
    client = get_or_404(session, NasClient, nas_id, "NAS client")
    record_audit(session, user, "delete", "nas_client", client.id, {"name": client.name, "address": client.address})
    session.delete(client)
