"""NAS clients: third-party gateways allowed to send RADIUS requests, each with its own shared secret."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, SecretStr

from switch_service.api.schemas import InputModel, OutputModel
from switch_service.api.schemas.fields import PatchModel

# The store's rule (store.repositories.nas_clients), repeated so the document shows it. Checked there, not by
# pydantic, whose 422 would echo the refused secret as its "input".
MIN_SECRET_LENGTH = 16
MAX_SECRET_LENGTH = 128

NasName = Annotated[str, Field(min_length=1, max_length=120)]
NasAddress = Annotated[str, Field(min_length=1, max_length=64,
                                  description="the source address of its datagrams (192.0.2.7) or a network in "
                                              "CIDR form (192.0.2.0/28); none may overlap another NAS client or "
                                              "cover the switch's own RADIUS client address")]
NasSecret = Annotated[SecretStr, Field(description="the RADIUS shared secret; kept encrypted, never returned",
                                       json_schema_extra={"minLength": MIN_SECRET_LENGTH,
                                                          "maxLength": MAX_SECRET_LENGTH})]


class NasClientCreate(InputModel):
    name: NasName
    address: NasAddress
    secret: NasSecret
    require_message_authenticator: bool = Field(
        default=True, description="drop Access-Requests without a Message-Authenticator (BlastRADIUS); switch off "
                                  "only for a gateway that cannot send one")
    enabled: bool = True


class NasClientUpdate(PatchModel):
    """Fields left out keep their value; a new secret replaces the stored one."""

    name: NasName | None = None
    address: NasAddress | None = None
    secret: NasSecret | None = None
    require_message_authenticator: bool | None = None
    enabled: bool | None = None


class NasClientOut(OutputModel):
    id: int
    name: str
    address: str
    require_message_authenticator: bool
    enabled: bool
    secret_set: bool = Field(description="always true: the secret is stored, and never leaves the service")
    created_at: dt.datetime
    updated_at: dt.datetime


class NasClientPage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[NasClientOut]
    next_after: int | None = None
