"""Issued documents: each statement or invoice of an ended period, rendered once and kept (file + checksum)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base
from switch_service.store.types import UTCDateTime, utcnow


class IssuedDocument(Base):
    """`number` is `<series>-<year>-<seq>`: `seq` counts 1, 2, 3... per series and year of issue with no gap (the row
    is written in the transaction that takes the number, and never deleted or renumbered). `subject` names who it is
    for (`account:ID` or `reseller:ID`) so one period is issued once per subject on every database (a unique key
    over two nullable columns would let NULLs repeat)."""

    __tablename__ = "issued_documents"
    __table_args__ = (UniqueConstraint("series", "year", "seq"), UniqueConstraint("subject", "period"))

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    series: Mapped[str] = mapped_column(String(8))  # INV, ST, RS
    year: Mapped[int] = mapped_column()
    seq: Mapped[int] = mapped_column()
    kind: Mapped[str] = mapped_column(String(24))  # invoice | statement | reseller_statement
    subject: Mapped[str] = mapped_column(String(24))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    reseller_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    file_path: Mapped[str] = mapped_column(String(300))  # relative to the data folder
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
