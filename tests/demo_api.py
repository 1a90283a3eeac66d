"""JSON calls to the API of a `carrier-switch serve` a test started (urllib), signed in as the demo data's admin."""

from __future__ import annotations

import json
import urllib.request
from typing import Any


def call_api(url: str, token: str | None, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """`method path` under the API's base `url`, with `body` as JSON; the answer's JSON (None when empty)."""
    request = urllib.request.Request(f"{url}{path}", method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def demo_admin_token(url: str) -> str:
    """A session token of the demo data's admin (`carrier-switch demo-data`)."""
    return str(call_api(url, None, "POST", "/auth/login", {"username": "admin", "password": "demo-admin"})["token"])
