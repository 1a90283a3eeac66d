"""What the API tests share besides fixtures (imported by bare name: pytest puts this folder on sys.path;
`tests` itself is not importable as a package here, an installed library ships one)."""

from __future__ import annotations

import copy
import functools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from installer.export_openapi import TARGET as OPENAPI_FILE

PASSWORD = "correct horse battery"

Header = Callable[[str], dict[str, Any]]


@functools.cache
def _committed_openapi() -> dict[str, Any]:
    return dict(json.loads(OPENAPI_FILE.read_text(encoding="utf-8")))


def openapi() -> dict[str, Any]:
    """The service's OpenAPI document as committed (docs/openapi.json, which test_api_openapi_file keeps equal to
    the code's): read at collection by three test modules in every worker, where building it cost 2.5 s of CPU;
    a copy each call, as schemathesis may change what it is given."""
    return copy.deepcopy(_committed_openapi())


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
