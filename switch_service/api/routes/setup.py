"""The first run: while the service has no user, anyone who can reach it may create the first admin and say
what the company is called, its currency and time zone. Once a user exists the door is shut (409).

Only one setup can win: its first statement inserts a marker row with a fixed key (see
`switch_service.store.repositories.company.claim_first_setup`), so a concurrent second setup waits for the first
and then fails on that key, whatever user name it chose.
"""

from __future__ import annotations

from fastapi import status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from switch_service.api.audit import record_audit
from switch_service.api.deps import Context, DbSession
from switch_service.api.request_errors import conflict, error_responses
from switch_service.api.routes.auth import signed_in
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import LoginOut
from switch_service.api.schemas.setup import SetupIn, SetupStatus
from switch_service.api.schemas.users import MIN_PASSWORD_LENGTH
from switch_service.store.models import User
from switch_service.store.models.enums import Role
from switch_service.store.repositories.company import claim_first_setup, write_company
from switch_service.store.repositories.users import add_user

router = api_router(prefix="/setup", tags=["setup"])

_ALREADY = "this service is already set up: sign in, and an admin can add users and change the company settings"


@router.get("")
def setup_status(session: DbSession) -> SetupStatus:
    return SetupStatus(needs_admin=session.scalar(select(User.id).limit(1)) is None)


@router.post("", status_code=status.HTTP_201_CREATED, responses=error_responses(409))
def first_setup(body: SetupIn, session: DbSession, context: Context) -> LoginOut:
    """Create the first admin and the company settings, and sign the admin in."""
    try:
        claim_first_setup(session)
    except IntegrityError:  # set up before, or a concurrent setup won
        raise conflict(_ALREADY, "already_set_up") from None
    if session.scalar(select(User.id).limit(1)) is not None:  # users made with `carrier-switch user add`
        raise conflict(_ALREADY, "already_set_up")
    admin = add_user(session, body.username, body.password, Role.ADMIN, min_length=MIN_PASSWORD_LENGTH)
    write_company(session, name=body.company_name, currency=body.currency, time_zone=body.time_zone)
    record_audit(session, admin, "create", "user", admin.id, {"username": admin.username, "role": Role.ADMIN})
    record_audit(session, admin, "update", "company", None,
                 {"name": body.company_name, "currency": body.currency, "time_zone": body.time_zone})
    return signed_in(session, admin, context)
