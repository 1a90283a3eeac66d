"""Retail-agent PINs: a reseller (a retail store) holds one so that its clerk, calling the IVR, can recharge a PIN-less
customer from the reseller's balance (aaa/agent_recharge.py). Drawn by the service like a card PIN (random digits,
`cards.fresh_codes`) and kept only as its keyed index (`PinCipher.index`, HMAC under the PIN key): the PIN is shown
once, in the answer that issued it, and nowhere after, so nothing could ever decrypt it and no ciphertext is kept.
Issuing again replaces the old PIN; revoking removes it. Nothing here commits."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from switch_service.security.pins import PinCipher
from switch_service.store.models import Reseller
from switch_service.store.repositories.cards import PIN_DIGITS, fresh_codes


def issue_agent_pin(session: Session, cipher: PinCipher, reseller: Reseller, now: dt.datetime) -> str:
    """A new agent PIN for `reseller`, replacing the one it had; the PIN in clear, for the one answer that shows it."""
    column = cast(InstrumentedAttribute[str], Reseller.agent_pin_index)  # nullable, but the draw reads no NULL
    [(pin, index)] = fresh_codes(session, cipher, column, 1, PIN_DIGITS)
    reseller.agent_pin_index = index
    reseller.agent_pin_issued_at = now
    session.flush()
    return pin


def revoke_agent_pin(reseller: Reseller) -> bool:
    """Remove the reseller's agent PIN; False when it had none."""
    if reseller.agent_pin_index is None:
        return False
    reseller.agent_pin_index = None
    reseller.agent_pin_issued_at = None
    return True


def agent_by_pin(session: Session, cipher: PinCipher, pin: str) -> int | None:
    """The id of the reseller whose agent PIN this is (normalised already, `cards.normalise_code`), or None."""
    return session.scalar(select(Reseller.id).where(Reseller.agent_pin_index == cipher.index(pin)))
