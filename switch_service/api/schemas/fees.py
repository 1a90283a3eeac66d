"""Recurring fees (maintenance, DID rent, package fees) and what a run of them charged (admin only)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from switch_service.api.schemas import Id, InputModel, Money, OutputModel, PositiveMoney, Timestamp
from switch_service.api.schemas.fields import PatchModel
from switch_service.api.schemas.packages import Period
from switch_service.api.schemas.rates import MAX_NAME


class RecurringFeeUpdate(PatchModel):
    """Only the fields sent change. The period and the first due date stay: make a new fee to change them."""

    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    amount: PositiveMoney | None = Field(default=None, description="charged per period, in the account's currency")
    active: bool | None = Field(default=None, description="false: not charged (occurrences meanwhile are skipped)")


class RecurringFeeCreate(InputModel):
    name: str = Field(min_length=1, max_length=MAX_NAME, description="shown on the payment: 'Maintenance', 'DID rent'")
    amount: PositiveMoney = Field(description="charged per period, in the account's currency")
    period: Period = Period.MONTHLY
    first_due_at: Timestamp = Field(description="the first occurrence; later ones keep its weekday or day of month "
                                                "and time, in the account's time zone (the company's for a fee of "
                                                "every account). Occurrences before now are not charged")
    account_id: Id | None = Field(default=None, description="the account charged; null: every active account")


class RecurringFeeOut(OutputModel):
    id: int
    name: str
    amount: Money
    period: Period
    account_id: int | None = None
    did_id: int | None = Field(default=None, description="the DID whose monthly fee this is: it follows the DID "
                                                         "(change the DID's fee, account or state, not this)")
    first_due_at: dt.datetime
    next_due_at: dt.datetime = Field(description="the next occurrence to charge")
    active: bool


class RecurringFeePage(OutputModel):
    """One keyset page: pass `next_after` as `after` to get the next one; null means the end."""

    items: list[RecurringFeeOut]
    next_after: int | None = None


class FeeRunOut(OutputModel):
    fee_id: int
    name: str
    occurrences: list[dt.datetime] = Field(description="the due dates charged, oldest first")
    accounts: int = Field(description="accounts charged for each occurrence")
    next_due_at: dt.datetime


class FeeRunsOut(OutputModel):
    runs: list[FeeRunOut] = Field(description="one entry per fee that was due; empty when none was")
