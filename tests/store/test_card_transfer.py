"""Recharge from another card (`payments.transfer_card`, the IVR's `recharge-card`) raced: eight callers key the
same card's PIN at the same moment, each onto its own card; the card's balance moves exactly once. On PostgreSQL and
MariaDB, where the transactions really run side by side (the AAA server serialises SQLite's writers itself)."""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from test_reservations import racing_engine, run_together

from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, Payment
from switch_service.store.models.enums import CardStatus
from switch_service.store.repositories.cards import CardBatchSpec, create_card_batch
from switch_service.store.repositories.payments import transfer_card

CIPHER = PinCipher(base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef").decode())
NOW = dt.datetime(2026, 12, 7, 4, 0, tzinfo=dt.UTC)
CALLERS = 8


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_callers_keying_the_same_card_at_once_move_its_balance_once(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        batch = create_card_batch(session, CIPHER, CardBatchSpec(name="race", count=CALLERS + 1,
                                                                 face_value=Decimal("5.00")))
        cards = list(session.scalars(select(Card).where(Card.batch_id == batch.id).order_by(Card.id)))
        giver, takers = cards[0], [card.account_id for card in cards[1:]]
        giver_id, giver_account, pin = giver.id, giver.account_id, CIPHER.decrypt(giver.pin_ciphertext)
    engine = racing_engine(db_engine)
    try:
        def key_it(index: int) -> bool:
            with Session(engine) as session, session.begin():
                return transfer_card(session, CIPHER, pin, session.get_one(Account, takers[index]), NOW) is not None

        won = run_together(CALLERS, key_it)
    finally:
        engine.dispose()
    assert won.count(True) == 1, won
    with Session(db_engine) as session:
        balances = dict(session.execute(select(Account.id, Account.balance)
                                        .where(Account.id.in_([giver_account, *takers]))).all())
        assert balances[giver_account] == Decimal(0)
        assert sorted(balances[t] for t in takers) == [Decimal(5)] * (CALLERS - 1) + [Decimal(10)]
        assert session.scalar(select(func.count()).select_from(Payment)) == 2  # one entry each side, no more
        assert session.scalars(select(Card.status).where(Card.id == giver_id)).one() is CardStatus.USED
