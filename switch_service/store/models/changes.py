"""How often each table the running switch and RADIUS processes keep in memory has changed (see
`switch_service.store.change_signal`)."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base


class DataVersion(Base):
    """One row per tracked table: `version` goes up by one with every committed write to the table."""

    __tablename__ = "data_versions"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
