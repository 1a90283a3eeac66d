"""What a request may send, and the answers to one that sends too much or what cannot be read.

- Bodies are limited (`BodyLimit`): JSON to `api_max_body_kib`, multipart uploads (rate decks) and recordings
  sent as `audio/*` bodies (IVR prompts) to `api_max_upload_mib`. A larger body is a 413 naming the setting,
  answered from its Content-Length before anything is read, or as soon as a body sent without one passes the
  limit. Before, a 50 MB body was read whole.
  (Starlette's own `max_body_size` answers a plain-text 413 in place of any answer the app gives, so the API's
  JSON error could not say which limit, or how to raise it.)
- A 422 never echoes a large input: each error's `input` is cut to a short preview (a 50 MB body came back whole
  in the answer).
- A JSON body the parser gives up on for a reason other than a syntax error (nested too deeply: 5 MB of `[`; not
  UTF-8) is a 422 like any invalid JSON, not FastAPI's bare 400.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from fastapi import Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from switch_service.config.settings import Settings

PREVIEW_CHARS = 120


class BodyTooLargeError(Exception):
    """The body passed its limit while it was read (the route's body parsing turns it into a 400 caused by it)."""


def _is_upload(content_type: str) -> bool:
    """A file sent whole: a multipart form (rate decks) or a recording as the body (IVR prompts)."""
    return content_type.startswith(("multipart/form-data", "audio/"))


def _too_large(settings: Settings, upload: bool) -> JSONResponse:
    limit = (f"{settings['api_max_upload_mib']} MiB for an uploaded file (setting api_max_upload_mib)" if upload
             else f"{settings['api_max_body_kib']} KiB (setting api_max_body_kib)")
    return JSONResponse({"detail": f"the request body is larger than the service reads: {limit}; nothing was done"},
                        status_code=status.HTTP_413_CONTENT_TOO_LARGE)


class BodyLimit:
    """ASGI middleware: 413 for a body over its limit (see the module docstring), nothing of it read."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        upload = _is_upload(headers.get("content-type", ""))
        limit = (self.settings.typed.api_max_upload_mib * 1024 * 1024 if upload
                 else self.settings.typed.api_max_body_kib * 1024)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _too_large(self.settings, upload)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLargeError
            return message

        await self.app(scope, counted, send)


def _preview(value: Any) -> Any:
    """`value` if its JSON is short, else the start of that JSON text with its full length."""
    text = json.dumps(jsonable_encoder(value), ensure_ascii=False)
    if len(text) <= PREVIEW_CHARS:
        return value
    return f"{text[:PREVIEW_CHARS]}… ({len(text)} characters)"


def previewed(errors: Sequence[Any]) -> list[Any]:
    """FastAPI's 422 problems, each one's `input` cut to a preview."""
    return [{**error, "input": _preview(error["input"])} if "input" in error else error for error in errors]


def refused_body(exc: HTTPException, request: Request, settings: Settings) -> JSONResponse | None:
    """The answer to a body that was too large or could not be read as JSON; None for any other HTTP error.
    FastAPI turns a JSON syntax error into a 422 itself; anything else that failed while it read the body arrives
    here as its 400 whose cause is that error."""
    cause = exc.__cause__
    if exc.status_code != status.HTTP_400_BAD_REQUEST:
        return None
    if isinstance(cause, BodyTooLargeError):
        return _too_large(settings, _is_upload(request.headers.get("content-type", "")))
    if isinstance(cause, RecursionError | ValueError):
        reason = "nested too deeply" if isinstance(cause, RecursionError) else str(cause)[:PREVIEW_CHARS]
        return JSONResponse({"detail": [{"type": "json_invalid", "loc": ["body"], "msg": "JSON decode error",
                                         "input": {}, "ctx": {"error": reason}}]},
                            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
    return None
