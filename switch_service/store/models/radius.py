"""RADIUS clients (NAS): the switch itself and third-party gateways, each with its own shared secret; and the wrong
PINs the AAA server counts for its IVR lockout (aaa/pin_lockout.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped
from switch_service.store.types import UTCDateTime


class NasClient(Timestamped, Base):
    __tablename__ = "nas_clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    address: Mapped[str] = mapped_column(String(64), unique=True)
    secret_ciphertext: Mapped[bytes] = mapped_column(LargeBinary())  # AES-GCM under the PIN key
    require_message_authenticator: Mapped[bool] = mapped_column(default=True)
    enabled: Mapped[bool] = mapped_column(default=True)


class PinFailure(Base):
    """One wrong PIN: who tried (the caller's number, '' when it sent none) and on which access number; never the
    PIN. Rows older than the lockout window are pruned as new ones come."""

    __tablename__ = "pin_failures"
    __table_args__ = (Index("ix_pin_failures_ani_failed_at", "ani", "failed_at"),
                      Index("ix_pin_failures_did_failed_at", "did", "failed_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    ani: Mapped[str] = mapped_column(String(32))
    did: Mapped[str] = mapped_column(String(32))
    failed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
