"""Desktop users as an admin manages them. Password hashes never leave the service."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field, ValidationInfo, field_validator

from switch_service.api.schemas import Id, InputModel, OutputModel, Role, UserOut
from switch_service.api.schemas.fields import PatchModel

MIN_PASSWORD_LENGTH = 10

Username = Annotated[str, Field(min_length=2, max_length=64, pattern=r"^[A-Za-z0-9_.@-]+$",
                                description="2-64 letters, digits or . _ @ -")]
Password = Annotated[str, Field(min_length=MIN_PASSWORD_LENGTH, max_length=1024,
                                description=f"at least {MIN_PASSWORD_LENGTH} characters")]


class UserCreate(InputModel):
    username: Username
    password: Password
    role: Role
    reseller_id: Id | None = Field(default=None, validate_default=True,
                                   description="required for the reseller role, else null")

    @field_validator("reseller_id")
    @classmethod
    def _reseller_iff_reseller_role(cls, value: int | None, info: ValidationInfo) -> int | None:
        role = info.data.get("role")
        if role is Role.RESELLER and value is None:
            raise ValueError("required for the reseller role")
        if role is not None and role is not Role.RESELLER and value is not None:
            raise ValueError(f"only reseller users belong to a reseller (leave it out for the {role.value} role)")
        return value


class UserUpdate(PatchModel):
    """A new `password` signs the user out everywhere else; `active: false` signs it out everywhere. Leaving the
    reseller role clears `reseller_id`."""

    nullable: ClassVar[frozenset[str]] = frozenset({"reseller_id"})

    role: Role | None = None
    reseller_id: Id | None = None
    active: bool | None = None
    password: Password | None = None


class UserDetailOut(UserOut):
    active: bool
    last_login_at: dt.datetime | None = None
    created_at: dt.datetime
    updated_at: dt.datetime


class UserPage(OutputModel):
    """One keyset page by id: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[UserDetailOut]
    next_after: int | None = None
