"""What a request may send, and the answers to one that sends too much or what cannot be read.

- Bodies are limited (Starlette's own body limit, set on the app and, larger, on the rate-deck upload route): a
  larger body is a 413 naming the setting, and is not read past the limit. Before, a 50 MB body was read whole.
- A 422 never echoes a large input: each error's `input` is cut to a short preview (a 50 MB body came back whole
  in the answer).
- A JSON body the parser gives up on for a reason other than a syntax error (nested too deeply: 5 MB of `[`; not
  UTF-8) is a 422 like any invalid JSON, not FastAPI's bare 400.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from switch_service.config.settings import Settings

PREVIEW_CHARS = 120


def body_limit(settings: Settings) -> int:
    """Bytes of a request body (JSON) the API reads at most."""
    return int(settings["api_max_body_kib"]) * 1024


def upload_limit(settings: Settings) -> int:
    """Bytes of a rate-deck upload the API reads at most."""
    return int(settings["api_max_upload_mib"]) * 1024 * 1024


def _preview(value: Any) -> Any:
    """`value` if its JSON is short, else the start of that JSON text with its full length."""
    text = json.dumps(jsonable_encoder(value), ensure_ascii=False)
    if len(text) <= PREVIEW_CHARS:
        return value
    return f"{text[:PREVIEW_CHARS]}… ({len(text)} characters)"


async def validation_failed(_request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422, each error's `input` cut to a preview."""
    assert isinstance(exc, RequestValidationError)
    errors = [{**error, "input": _preview(error["input"])} if "input" in error else error for error in exc.errors()]
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


def refused_body(exc: HTTPException, settings: Settings) -> JSONResponse | None:
    """The answer to a body that was too large or could not be read as JSON; None for any other HTTP error."""
    if exc.status_code == status.HTTP_413_CONTENT_TOO_LARGE:
        return JSONResponse({"detail": f"the request body is larger than the service reads "
                                       f"({settings['api_max_body_kib']} KiB; rate-deck files "
                                       f"{settings['api_max_upload_mib']} MiB: settings api_max_body_kib, "
                                       "api_max_upload_mib)"}, status_code=exc.status_code)
    # FastAPI turns a JSON syntax error into a 422 itself; anything else the parser raised arrives here as a 400
    # whose cause is the parser's error.
    cause = exc.__cause__
    if exc.status_code == status.HTTP_400_BAD_REQUEST and isinstance(cause, RecursionError | ValueError):
        reason = "nested too deeply" if isinstance(cause, RecursionError) else str(cause)[:PREVIEW_CHARS]
        return JSONResponse({"detail": [{"type": "json_invalid", "loc": ["body"], "msg": "JSON decode error",
                                         "input": {}, "ctx": {"error": reason}}]},
                            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
    return None
