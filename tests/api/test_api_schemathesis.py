"""Every operation of the OpenAPI document, fuzzed by schemathesis (fixed seed, bounded examples) against the real
app on a copy of the api fixtures' SQLite database: no 5xx, and every answer is what the document promises (status
code, content type, body schema, `Allow` of a 405, auth enforced), for valid and invalid requests alike. Signed in
as admin, then as support (whose answers are mostly 403s: those must be documented too).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from api_harness import Api, openapi
from sqlalchemy import select

from switch_service.api.auth import open_session
from switch_service.store.models import User
from switch_service.store.models.enums import Role

pytestmark = pytest.mark.slow  # hundreds of generated requests, ~70 s of CPU


def _config(max_examples: int) -> schemathesis.Config:
    return schemathesis.Config.from_dict({
        "seed": 20240607,
        "generation": {"max-examples": max_examples, "deterministic": True, "database": "none"},
        # Coverage's boundary cases per parameter would take minutes here; fuzzing reaches the same code.
        "phases": {"stateful": {"enabled": False}, "coverage": {"enabled": False}},
        "checks": {
            # A JSON schema cannot say every rule, so a schema-valid request may rightly be a 422: a reference to a
            # row that does not exist, a rule across fields, a phone number that is no number.
            "positive_data_acceptance": {"enabled": False},
            # pydantic's lax mode takes `false` for 0 and "5" for 5 in a body: lenient, not wrong. (Numbers given
            # for times and dates were wrong, read as seconds since 1970: those are refused now.)
            "negative_data_rejection": {"enabled": False},
        },
    })


# What cannot work under a fuzzer, with the reason.
EXCLUDED = {
    # An endless server-sent event stream: a request never ends (tests/api/test_api_live.py reads it).
    ("GET", "/api/v1/live/events"),
    # Needs a SIP switch; this app has none, so its answer is a 503 by design (tests/api/test_api_live.py has one).
    ("POST", "/api/v1/live/calls/{call_id}/hangup"),
    # Need the service's components (`carrier-switch serve`); this app has none: 503 by design
    # (tests/service/test_service_api.py asks a real service).
    ("GET", "/api/v1/service"),
    ("POST", "/api/v1/service/components/{name}/restart"),
    # Replaces the whole database under the other cases (tests/service/test_service_api.py restores one).
    ("POST", "/api/v1/backups/restore"),
    # The same: a test call goes through the switch (tests/service/test_test_calls.py places real ones).
    ("POST", "/api/v1/live/test-calls"),
}

class CurrentApp:
    """The ASGI app schemathesis sends to: it forwards each request, its own probes included (a request without
    the token, say), to the app under test. That app's startup and shutdown are run by the fixture's TestClient,
    so the lifespan scope is declined here."""

    def __init__(self) -> None:
        self.app: Any = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            await self.app(scope, receive, send)


CURRENT = CurrentApp()
DOCUMENT = openapi()


def _schema(max_examples: int) -> Any:
    schema = schemathesis.openapi.from_dict(DOCUMENT, config=_config(max_examples)).exclude(
        lambda ctx: (ctx.operation.method.upper(), ctx.operation.path) in EXCLUDED)
    schema.app = CURRENT
    return schema


class Caller:
    """Sends cases signed in as one user, and keeps it signed in: the run itself may deactivate or demote that
    user (PATCH or DELETE /users/{id}, when the fuzzer picks its id) and logout revokes the token it is sent with,
    so after those the user is made what it was again and gets a new token. Tokens are opened directly, as
    sign-in would (without its scrypt, and whatever password the run gave the user)."""

    def __init__(self, api: Api, username: str, role: Role) -> None:
        CURRENT.app = api.client.app
        self.api, self.username, self.role = api, username, role
        self.token = self._sign_in()

    def _sign_in(self) -> str:
        with self.api.session() as session:
            user = session.scalars(select(User).where(User.username == self.username)).one()
            user.active, user.role, user.reseller_id = True, self.role, None
            token, _ = open_session(session, user, 60)
            session.commit()
        return token

    def __call__(self, case: schemathesis.Case) -> None:
        logout = case.path == "/api/v1/auth/logout"
        token = self._sign_in() if logout else self.token
        response = case.call_and_validate(headers={"Authorization": f"Bearer {token}"})
        if case.path.startswith("/api/v1/users/") and case.method != "GET":
            self.token = self._sign_in()
        if response.status_code == 202:  # a background job: stopped, so it holds no write lock for the next case
            jobs = self.api.client.app.state.context.jobs
            jobs.cancel(response.json()["id"])
            jobs.wait(response.json()["id"], timeout=30)


@pytest.fixture(scope="module")
def as_admin(module_api: Api) -> Caller:
    return Caller(module_api, "admin", Role.ADMIN)


@pytest.fixture(scope="module")
def as_support(module_api: Api) -> Caller:
    return Caller(module_api, "support", Role.SUPPORT)


@_schema(max_examples=10).parametrize()
def test_api_as_admin(case: schemathesis.Case, as_admin: Caller) -> None:
    as_admin(case)


@_schema(max_examples=3).parametrize()
def test_api_as_support(case: schemathesis.Case, as_support: Caller) -> None:
    as_support(case)
