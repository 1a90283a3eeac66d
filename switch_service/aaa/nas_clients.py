"""The stored NAS clients as the RADIUS server's registry reads them."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.aaa.server import NasEntry, NasRegistry
from switch_service.security.pins import PinCipher
from switch_service.store.models import NasClient


def stored_nas_loader(engine: Engine, cipher: PinCipher) -> Callable[[], dict[str, NasEntry]]:
    """A `RadiusServer` NAS loader: the enabled NAS clients of the store, read in one short transaction."""

    def load() -> dict[str, NasEntry]:
        with Session(engine) as session:
            return NasRegistry.entries_from(session.scalars(select(NasClient)), cipher)

    return load
