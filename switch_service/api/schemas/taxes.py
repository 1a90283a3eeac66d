"""Tax profiles and their taxes, as the API shows them (admin only).

A profile's taxes are written as one list: creating or updating a profile replaces all its taxes at once, so an
account is never billed with half of an edit.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from switch_service.api.schemas import InputModel, OutputModel
from switch_service.api.schemas.fields import PatchModel
from switch_service.api.schemas.rates import MAX_NAME, Percent

MAX_TAXES = 20

TaxPercent = Annotated[Percent, Field(le=100, description="0 to 100, at most 4 decimal places")]


class TaxIn(InputModel):
    name: str = Field(min_length=1, max_length=64, description="as printed on the invoice, e.g. VAT")
    percent: TaxPercent
    inclusive: bool = Field(default=False, description="true: already in the price; false: added on top")
    position: int | None = Field(default=None, ge=0, le=1000,
                                 description="printing order; its place in the list when left out")


def _distinct_names(taxes: list[TaxIn] | None) -> list[TaxIn] | None:
    if taxes is None:
        return None
    names = [tax.name.casefold() for tax in taxes]
    repeated = sorted({tax.name for tax in taxes if names.count(tax.name.casefold()) > 1})
    if repeated:
        raise ValueError(f"tax named twice in one profile: {', '.join(repeated)}")
    return taxes


class TaxProfileUpdate(PatchModel):
    """Only the fields sent change; `taxes`, when sent, replaces the whole list."""

    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    taxes: list[TaxIn] | None = Field(default=None, min_length=1, max_length=MAX_TAXES)


    _distinct = field_validator("taxes")(_distinct_names)


class TaxProfileCreate(TaxProfileUpdate):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    taxes: list[TaxIn] = Field(min_length=1, max_length=MAX_TAXES)


class TaxOut(OutputModel):
    id: int
    name: str
    percent: Percent
    inclusive: bool
    position: int


class TaxProfileOut(OutputModel):
    id: int
    name: str
    taxes: list[TaxOut] = Field(description="in printing order")


class TaxProfilePage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[TaxProfileOut]
    next_after: int | None = None
