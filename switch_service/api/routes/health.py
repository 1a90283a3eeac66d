"""Service status, readable without signing in (the desktop asks before showing the sign-in)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from switch_service.api.deps import Context
from switch_service.api.schemas import Health

router = APIRouter(tags=["service"])


def service_version() -> str:
    try:
        return version("carrierdesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


@router.get("/health")
def health(context: Context) -> Health:
    return Health(
        version=service_version(),
        database=context.engine.url.get_backend_name(),
        secrets_fallback=context.secrets_fallback,
    )
