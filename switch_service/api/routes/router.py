"""The router every resource module declares its routes on: the /api/v1 prefix and the answers any route may give.

The routes carry their full path from the start, so `app.create_app` hands the same route objects to every app it
makes. FastAPI builds an included router's routes again for each app, lazily, on the first requests that pass
through them (about 1 s of CPU for the whole API): once per process is enough.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from fastapi import APIRouter

from switch_service.api.schemas import API_PREFIX, ErrorOut

# Any route: a `UserError` the service explains; a body too large; the service busy.
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "a request the service cannot carry out"},
    413: {"model": ErrorOut, "description": "a body larger than the settings api_max_body_kib (JSON) or "
                                            "api_max_upload_mib (rate decks) allow; nothing was read"},
    503: {"model": ErrorOut, "description": "busy: no turn, database connection or lock within "
                                            "api_queue_timeout_s; nothing was written, try again after "
                                            "the Retry-After header's seconds"},
}


def api_router(prefix: str = "", *, tags: list[str | Enum]) -> APIRouter:
    """A resource's router: its `prefix` under /api/v1, and the answers any route may give."""
    return APIRouter(prefix=f"{API_PREFIX}{prefix}", tags=tags, responses=COMMON_RESPONSES)
