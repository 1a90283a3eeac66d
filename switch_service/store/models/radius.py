"""RADIUS clients (NAS): the switch itself and third-party gateways, each with its own shared secret."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base, Timestamped


class NasClient(Timestamped, Base):
    __tablename__ = "nas_clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    address: Mapped[str] = mapped_column(String(64), unique=True)
    secret_ciphertext: Mapped[bytes] = mapped_column(LargeBinary())  # AES-GCM under the PIN key
    require_message_authenticator: Mapped[bool] = mapped_column(default=True)
    enabled: Mapped[bool] = mapped_column(default=True)
