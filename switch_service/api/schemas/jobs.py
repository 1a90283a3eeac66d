"""Background jobs as the API shows them (a rate import, a card batch): state, progress, result or errors."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from pydantic import Field

from switch_service.api.schemas import OutputModel


class JobState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class JobOut(OutputModel):
    id: str
    kind: str = Field(description="what the job does, e.g. rates_import or card_batch")
    state: JobState
    done: int = Field(description="units of work done so far (rows, cards)")
    total: int | None = Field(default=None, description="units of work in all, once known")
    message: str = ""
    result: dict[str, Any] | None = Field(default=None, description="the job's result once it succeeded")
    errors: list[str] = Field(default_factory=list, description="every problem found when it failed")
    created_at: dt.datetime
    finished_at: dt.datetime | None = None

