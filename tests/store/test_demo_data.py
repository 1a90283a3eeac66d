"""Demo data loads on every backend and is usable: PINs decrypt and are found by their index."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.security.pins import PinCipher
from switch_service.store.demo_data import has_data, load_demo_data
from switch_service.store.models import Account, Card, Carrier, Did, Rate, Reseller, User
from switch_service.store.models.enums import DidKind
from switch_service.store.repositories.users import authenticate


def test_demo_data_builds_a_usable_business(db_engine: Engine) -> None:
    cipher = PinCipher(secrets.token_urlsafe(32))
    with Session(db_engine) as session, session.begin():
        assert not has_data(session)
        load_demo_data(session, cipher)
    with Session(db_engine) as session, session.begin():
        assert has_data(session)
        assert session.scalar(select(func.count()).select_from(Carrier)) == 3
        assert session.scalar(select(func.count()).select_from(Rate)) == 40
        assert {d.kind for d in session.scalars(select(Did))} == set(DidKind)
        tree = {r.name: r.parent_id for r in session.scalars(select(Reseller))}
        assert tree["Acme Distribution"] is None and tree["Acme North"] is not None
        card = session.scalars(select(Card)).first()
        assert card is not None
        pin = cipher.decrypt(card.pin_ciphertext)
        assert len(pin) == 10
        found = session.scalar(select(Card).where(Card.pin_index == cipher.index(pin)))
        assert found is not None and found.id == card.id
        assert session.get(Account, card.account_id) is not None
        assert authenticate(session, "admin", "demo-admin") is not None
        assert authenticate(session, "admin", "wrong") is None
        assert session.scalar(select(func.count()).select_from(User)) == 2
