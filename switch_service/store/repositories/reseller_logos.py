"""Storing a white-label reseller's logo, one rule for the API and the CLI: only a white-label reseller has one, and
only a file `documents.logos` accepts is stored (a refused file changes nothing)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.documents.logos import Logo, LogoError, checked_logo
from switch_service.store.models import Reseller, ResellerLogo
from switch_service.store.models.enums import ResellerKind


class NotWhiteLabelError(LogoError):
    """Only a white-label reseller prints its own logo."""


def set_logo(session: Session, reseller: Reseller, data: bytes) -> Logo:
    """Check `data` and store it as the reseller's logo (replacing one it had); LogoError when refused."""
    if reseller.kind is not ResellerKind.WHITE_LABEL:
        raise NotWhiteLabelError(f"reseller {reseller.name!r} is {reseller.kind.value}: only a white_label reseller "
                                 "has its own logo")
    logo = checked_logo(data)
    row = session.get(ResellerLogo, reseller.id)
    if row is None:
        row = ResellerLogo(reseller_id=reseller.id)
        session.add(row)
    row.data, row.media_type, row.width, row.height, row.sha256 = (logo.data, logo.media_type, logo.width,
                                                                   logo.height, logo.sha256)
    session.flush()
    return logo


def remove_logo(session: Session, reseller_id: int) -> bool:
    """Remove the reseller's logo; False when it had none."""
    row = session.get(ResellerLogo, reseller_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def logo_row(session: Session, reseller_id: int) -> ResellerLogo | None:
    return session.get(ResellerLogo, reseller_id)


def logo_bytes(session: Session, reseller_id: int | None) -> bytes | None:
    """The logo's bytes (what a document prints), None without one."""
    if reseller_id is None:
        return None
    return session.scalar(select(ResellerLogo.data).where(ResellerLogo.reseller_id == reseller_id))
