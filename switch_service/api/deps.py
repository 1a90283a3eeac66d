"""FastAPI dependencies: the per-app context, a database session per request, the signed-in user."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, cast

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from switch_service.api.auth import user_for_token
from switch_service.api.jobs import JobRunner
from switch_service.api.live import LiveCalls
from switch_service.api.maintenance import Maintenance
from switch_service.api.request_errors import ApiProblem
from switch_service.components import Supervisor
from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings
from switch_service.security.pins import PinCipher
from switch_service.store.models import User
from switch_service.store.models.enums import Role


@dataclass(frozen=True, slots=True)
class ApiContext:
    """What every request of one app shares; kept on `app.state.context`."""

    engine: Engine
    settings: Settings
    sessions: sessionmaker[Session]
    secrets_fallback: bool
    jobs: JobRunner
    pins: PinCipherSource
    live: LiveCalls
    service: Supervisor | None = None  # the running service's components (None: an API without them, in tests)
    maintenance: Maintenance = field(default_factory=Maintenance)  # a restore replacing the database


class PinCipherSource:
    """The PIN cipher, its key read from (or created in) the secret store at first use: building the app (to
    export the OpenAPI document, say) touches no secret. The lock keeps two first requests from making two keys."""

    def __init__(self, cipher: PinCipher | None = None) -> None:
        self._cipher = cipher
        self._lock = threading.Lock()

    def __call__(self) -> PinCipher:
        with self._lock:
            if self._cipher is None:
                self._cipher = PinCipher(SecretStore().get_or_create("pin_key"))
            return self._cipher


# Dependencies that do no I/O are `async def`: FastAPI runs a plain `def` one in the thread pool, a hop that cost
# more CPU than the dependency itself (most requests made six such hops).


async def get_context(request: Request) -> ApiContext:
    return cast(ApiContext, request.app.state.context)


Context = Annotated[ApiContext, Depends(get_context)]


def pin_cipher(context: Context) -> PinCipher:
    return context.pins()


Pins = Annotated[PinCipher, Depends(pin_cipher)]


def db_session(context: Context) -> Iterator[Session]:
    """One Session per request: committed when the route returns, rolled back when it raises.

    Declared with scope="function" below, so the commit happens before the response is sent: a client
    never sees 201 for a row that then fails to commit.
    """
    with context.sessions() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


DbSession = Annotated[Session, Depends(db_session, scope="function")]

_bearer = HTTPBearer(auto_error=False, description="token from POST /api/v1/auth/login")


def _unauthorized(message: str) -> HTTPException:
    return ApiProblem(status.HTTP_401_UNAUTHORIZED, message, "not_signed_in", headers={"WWW-Authenticate": "Bearer"})


async def bearer_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    if credentials is None or not credentials.credentials:
        raise _unauthorized("sign in first: this request needs an 'Authorization: Bearer <token>' header")
    return credentials.credentials


Token = Annotated[str, Depends(bearer_token)]


def current_user(session: DbSession, token: Token) -> User:
    user = user_for_token(session, token)
    if user is None:
        raise _unauthorized("your sign-in has expired or is not known; sign in again")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def require_roles(*roles: Role, why: str = "") -> Callable[[User], Awaitable[User]]:
    """A dependency giving the current user if their role is one of `roles`, else 403 (saying `why`, if given)."""
    allowed = ", ".join(role.value for role in roles)

    async def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise ApiProblem(status.HTTP_403_FORBIDDEN, f"the {user.role.value} role may not do this (allowed: "
                             f"{allowed})" + (f"; {why}" if why else ""), "forbidden", params={"role": user.role.value})
        return user

    return check


Admin = Annotated[User, Depends(require_roles(Role.ADMIN))]
Staff = Annotated[User, Depends(require_roles(Role.ADMIN, Role.SUPPORT))]
