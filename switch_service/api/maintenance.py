"""While a restore replaces the database, the API answers 503 (and `Retry-After`) instead of failing on missing
tables; only GET /health and the restore job's own progress (`GET /jobs/{id}`, which cannot check a sign-in while the
users table is being replaced: its random id is the key) are answered."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from switch_service.api.jobs import JobRunner, job_out
from switch_service.api.schemas import API_PREFIX

RETRY_AFTER_S = 2


@dataclass
class Maintenance:
    active: bool = False
    job_id: str | None = None

    def begin(self, job_id: str | None) -> None:
        self.job_id = job_id
        self.active = True

    def end(self) -> None:
        self.active = False


class MaintenanceMiddleware:
    """Pure ASGI (no per-request cost but one attribute read when no restore runs)."""

    def __init__(self, app: ASGIApp, maintenance: Maintenance, jobs: JobRunner) -> None:
        self.app = app
        self.maintenance = maintenance
        self.jobs = jobs

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        maintenance = self.maintenance
        if scope["type"] != "http" or not maintenance.active or scope["path"] == f"{API_PREFIX}/health":
            await self.app(scope, receive, send)
            return
        if maintenance.job_id and scope["path"] == f"{API_PREFIX}/jobs/{maintenance.job_id}":
            job = self.jobs.snapshot(maintenance.job_id)
            if job is not None:
                await _answer(send, 200, job_out(job).model_dump(mode="json"))
                return
        await _answer(send, 503, {"detail": "the database is being restored from a backup; try again when the "
                                            "restore has finished (then sign in again)"})


async def _answer(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    if status == 503:
        headers.append((b"retry-after", str(RETRY_AFTER_S).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
