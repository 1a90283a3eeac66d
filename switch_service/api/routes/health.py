"""Service status, readable without signing in (the desktop asks before showing the sign-in): the version, the
database's backend and schema revision, and which installation this is (`switch_service.config.identity`), so a
desktop can tell its own service from another one answering at the same address."""

from __future__ import annotations

import ipaddress
import os

from fastapi import Request
from sqlalchemy.exc import SQLAlchemyError

from switch_service.api.deps import Context
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import Health
from switch_service.config.identity import instance_id_of
from switch_service.store.migrate import current_revision
from switch_service.version import service_version

router = api_router(tags=["service"])


def _on_this_machine(request: Request) -> bool:
    try:
        return request.client is not None and ipaddress.ip_address(request.client.host).is_loopback
    except ValueError:  # a test client's made-up host name
        return False


@router.get("/health")
def health(context: Context, request: Request) -> Health:
    try:
        revision = current_revision(context.engine)
    except SQLAlchemyError:  # the database is down: the service still says who it is
        revision = None
    local = _on_this_machine(request)
    return Health(
        version=service_version(),
        database=context.engine.url.get_backend_name(),
        secrets_fallback=context.secrets_fallback,
        instance_id=instance_id_of(context.settings),
        schema_revision=revision,
        data_dir=context.settings.typed.data_dir if local else "",
        database_url=context.engine.url.render_as_string(hide_password=True) if local else "",
        pid=os.getpid() if local else None,
    )
