"""Sign-in, sign-out and who-am-I."""

from __future__ import annotations

from fastapi import status
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.auth import close_session, open_session
from switch_service.api.deps import ApiContext, Context, CurrentUser, DbSession, Token
from switch_service.api.request_errors import ApiProblem, error_responses
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import LoginIn, LoginOut, Role, UserOut
from switch_service.store.models import User
from switch_service.store.repositories.users import authenticate

router = api_router(prefix="/auth", tags=["auth"])


def user_out(user: User) -> UserOut:
    return UserOut(id=user.id, username=user.username, role=Role(user.role.value), reseller_id=user.reseller_id)


@router.post("/login", responses=error_responses(401))
def login(body: LoginIn, session: DbSession, context: Context) -> LoginOut:
    user = authenticate(session, body.username, body.password)
    if user is None:
        raise ApiProblem(status.HTTP_401_UNAUTHORIZED, "wrong user name or password", "wrong_credentials")
    return signed_in(session, user, context)


def signed_in(session: Session, user: User, context: ApiContext) -> LoginOut:
    """A new token for `user`, audited as a sign-in (also the answer of the first-run setup)."""
    token, expires_at = open_session(session, user, context.settings.typed.token_ttl_minutes)
    record_audit(session, user, "login", "api_session", None, {"expires_at": expires_at})
    return LoginOut(token=token, expires_at=expires_at, user=user_out(user))


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(401))
def logout(user: CurrentUser, token: Token, session: DbSession) -> None:
    close_session(session, token)
    record_audit(session, user, "logout", "api_session", None, {})


@router.get("/me", responses=error_responses(401))
def me(user: CurrentUser) -> UserOut:
    return user_out(user)
