"""What the API tests share besides fixtures (imported by bare name: pytest puts this folder on sys.path;
`tests` itself is not importable as a package here, an installed library ships one)."""

from __future__ import annotations

import copy
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from installer.export_openapi import openapi_document

PASSWORD = "correct horse battery"

Header = Callable[[str], dict[str, Any]]


@functools.cache
def _built_openapi() -> dict[str, Any]:
    return openapi_document()


def openapi() -> dict[str, Any]:
    """The service's OpenAPI document, built once per process (2.5 s of CPU each time; three test modules read it
    at collection and run time); a copy each call, as schemathesis may change what it is given."""
    return copy.deepcopy(_built_openapi())


@dataclass
class Api:
    client: TestClient
    engine: Engine

    def login(self, username: str, password: str = PASSWORD) -> str:
        response = self.client.post("/api/v1/auth/login", json={"username": username, "password": password})
        assert response.status_code == 200, response.text
        return str(response.json()["token"])

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def wait_job(self, headers: dict[str, Any], job_id: str, timeout: float = 120) -> dict[str, Any]:
        """The job's answer once it left queued/running (or when `timeout` seconds passed)."""
        deadline = time.monotonic() + timeout
        while True:
            job: dict[str, Any] = self.client.get(f"/api/v1/jobs/{job_id}", headers=headers).json()
            if job["state"] not in ("queued", "running") or time.monotonic() > deadline:
                return job
            time.sleep(0.05)
