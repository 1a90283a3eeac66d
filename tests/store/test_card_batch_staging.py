"""The staged card batch (the API job's) on every backend: the same batch, accounts and cards as the one-transaction
batch, in serial order, PINs unique across its chunks; nothing written when cancelled while drawing or refused at
the write."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, CardBatch, Reseller
from switch_service.store.models.enums import AccountKind, CardStatus, ResellerKind, Status
from switch_service.store.repositories.card_batch_staging import create_card_batch_staged
from switch_service.store.repositories.cards import PIN_DIGITS, CardBatchSpec


class StopError(Exception):
    pass


@pytest.fixture
def cipher() -> PinCipher:
    return PinCipher(secrets.token_urlsafe(32))


def _counts(engine: Engine) -> tuple[int, int, int]:
    with Session(engine) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[return-value]
                     for model in (CardBatch, Card, Account))


def test_a_staged_batch_is_whole_in_serial_order_with_unique_pins(db_engine: Engine, cipher: PinCipher) -> None:
    with Session(db_engine) as session, session.begin():
        reseller = Reseller(name="North", kind=ResellerKind.USAGE_BASED)
        session.add(reseller)
        session.flush()
        reseller_id = reseller.id
    expires = dt.datetime(2027, 12, 31, tzinfo=dt.UTC)
    chunks: list[int] = []
    batch_id = create_card_batch_staged(db_engine, cipher, CardBatchSpec(
        name="Summer", count=20, face_value=Decimal("7.5"), currency="EUR", distributor="Kiosk",
        reseller_id=reseller_id, expires_at=expires, valid_days_after_first_use=30, max_anis=2),
        on_chunk=chunks.append, chunk_size=7)
    assert chunks == [7, 14, 20]
    with Session(db_engine) as session:
        rows = session.execute(select(Card, Account).join(Account, Account.id == Card.account_id)
                               .where(Card.batch_id == batch_id).order_by(Card.id)).all()
        stored = session.get_one(CardBatch, batch_id)
        assert (stored.name, stored.count, stored.face_value, stored.valid_days_after_first_use) == (
            "Summer", 20, Decimal("7.5"), 30)
    assert [card.serial for card, _ in rows] == [f"{batch_id:04d}{n:06d}" for n in range(1, 21)]
    assert [account.id for _, account in rows] == sorted(account.id for _, account in rows)
    pins = [cipher.decrypt(card.pin_ciphertext) for card, _ in rows]
    assert len(set(pins)) == 20 and all(len(pin) == PIN_DIGITS and pin.isdigit() for pin in pins)
    assert all(card.pin_index == cipher.index(pin) for (card, _), pin in zip(rows, pins, strict=True))
    for card, account in rows:
        assert (card.status, card.face_value, card.distributor, card.expires_at, card.activated_at) == (
            CardStatus.NEW, Decimal("7.5"), "Kiosk", expires, None)
        assert card.created_at is not None and account.created_at is not None
        assert (account.number, account.name, account.kind, account.status, account.balance, account.reserved,
                account.currency, account.reseller_id, account.max_anis, account.language) == (
            f"C{card.serial}", f"Card {card.serial}", AccountKind.PREPAID, Status.ACTIVE, Decimal("7.5"),
            Decimal(0), "EUR", reseller_id, 2, "en")


def test_cancelled_while_drawing_writes_nothing(db_engine: Engine, cipher: PinCipher) -> None:
    def cancel_after_first_chunk(done: int) -> None:
        raise StopError

    with pytest.raises(StopError):
        create_card_batch_staged(db_engine, cipher, CardBatchSpec(name="B", count=20, face_value=Decimal(1)),
                                 on_chunk=cancel_after_first_chunk, chunk_size=7)
    assert _counts(db_engine) == (0, 0, 0)
    # the staging table went with the job: the next batch on the pooled connection stages afresh
    create_card_batch_staged(db_engine, cipher, CardBatchSpec(name="B", count=3, face_value=Decimal(1)))
    assert _counts(db_engine) == (1, 3, 3)


def test_refused_at_the_write_writes_nothing(db_engine: Engine, cipher: PinCipher) -> None:
    def refuse(_session: Session, batch: CardBatch) -> None:
        assert batch.id is not None
        raise StopError

    with pytest.raises(StopError):
        create_card_batch_staged(db_engine, cipher, CardBatchSpec(name="B", count=5, face_value=Decimal(1)),
                                 finish=refuse)
    assert _counts(db_engine) == (0, 0, 0)
