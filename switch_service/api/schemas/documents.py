"""Issued statements and invoices (the PDFs themselves are fetched as application/pdf)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from switch_service.api.schemas import OutputModel

DocumentKind = Literal["invoice", "statement", "reseller_statement"]


class IssuedDocumentOut(OutputModel):
    id: int
    number: str = Field(description="<series>-<year>-<seq>: INV invoices (postpaid), ST statements (prepaid), RS "
                                    "reseller statements; numbered without gaps per series and year of issue")
    kind: DocumentKind
    period: str = Field(description="the calendar month, YYYY-MM, in the account's time zone")
    sha256: str = Field(description="checksum of the kept PDF")
    created_at: dt.datetime


class DocumentMailOut(OutputModel):
    """A document queued for e-mail: the service's mail component sends it at its next round (`mail_interval_s`)."""

    number: str
    to: str


class IssuedDocumentPage(OutputModel):
    items: list[IssuedDocumentOut]
    next_after: int | None = None
