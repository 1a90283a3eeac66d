"""Who is signed in, where, and what the service said about itself at sign-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.api_client import ApiClient
from desktop.qt import QCoreApplication
from switch_service.api.schemas import Health, Role, UserOut

ACCOUNT_WRITERS = frozenset({Role.ADMIN, Role.SUPPORT})


@dataclass(frozen=True)
class DeskSession:
    client: ApiClient
    user: UserOut
    health: Health
    expires_at: dt.datetime

    @property
    def can_create_accounts(self) -> bool:
        """Hide what the role cannot do; the service refuses it anyway."""
        return self.user.role in ACCOUNT_WRITERS


def sign_in(url: str, username: str, password: str) -> DeskSession:
    """Blocking: ask the service who it is, then sign in. Run it in an Op."""
    client = ApiClient(url)
    health = client.health()
    login = client.login(username, password)
    return DeskSession(client=client, user=login.user, health=health, expires_at=login.expires_at)


def role_name(role: Role) -> str:
    names = {
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
        Role.SUPPORT: QCoreApplication.translate("Roles", "Support"),
        Role.RESELLER: QCoreApplication.translate("Roles", "Reseller"),
    }
    return names.get(role, str(role))
