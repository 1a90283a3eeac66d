"""Card batches and vouchers on every backend: chunked batches with unique PINs, codes drawn around taken ones,
and a voucher claimed exactly once by racing redemptions."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from test_reservations import racing_engine, run_together

from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, CardBatch, Reseller, Voucher
from switch_service.store.models.enums import CardStatus, ResellerKind
from switch_service.store.repositories.cards import (
    PIN_DIGITS,
    CardBatchSpec,
    VoucherSpec,
    claim_voucher,
    create_card_batch,
    create_vouchers,
    fresh_codes,
    reseller_chain,
)

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def cipher() -> PinCipher:
    return PinCipher(secrets.token_urlsafe(32))


def test_a_batch_is_written_in_chunks_with_unique_pins_and_funded_accounts(db_engine: Engine,
                                                                          cipher: PinCipher) -> None:
    chunks: list[int] = []
    expires = dt.datetime(2027, 12, 31, tzinfo=dt.UTC)
    with Session(db_engine) as session, session.begin():
        batch = create_card_batch(session, cipher, CardBatchSpec(
            name="Summer", count=20, face_value=Decimal("7.5"), currency="EUR", distributor="Kiosk",
            expires_at=expires, valid_days_after_first_use=30), on_chunk=chunks.append, chunk_size=7)
        batch_id = batch.id
    assert chunks == [7, 14, 20]
    with Session(db_engine) as session:
        rows = session.execute(select(Card, Account).join(Account, Account.id == Card.account_id)
                               .where(Card.batch_id == batch_id).order_by(Card.serial)).all()
        stored = session.get(CardBatch, batch_id)
        assert stored is not None and stored.valid_days_after_first_use == 30
    assert [card.serial for card, _ in rows] == [f"{batch_id:04d}{n:06d}" for n in range(1, 21)]
    pins = [cipher.decrypt(card.pin_ciphertext) for card, _ in rows]
    assert len(set(pins)) == 20 and all(len(pin) == PIN_DIGITS and pin.isdigit() for pin in pins)
    assert all(card.pin_index == cipher.index(pin) for (card, _), pin in zip(rows, pins, strict=True))
    for card, account in rows:
        assert (card.status, card.face_value, card.distributor, card.expires_at) == (
            CardStatus.NEW, Decimal("7.5"), "Kiosk", expires)
        assert (account.number, account.balance, account.currency) == (f"C{card.serial}", Decimal("7.5"), "EUR")


def test_codes_are_drawn_around_those_already_taken(db_engine: Engine, cipher: PinCipher) -> None:
    """In a 2-digit space with half the codes taken, new codes are only free ones; with all taken there is none."""
    taken = {f"{n:02d}" for n in range(0, 100, 5)} | {f"{n:02d}" for n in range(40, 80)}
    with Session(db_engine) as session, session.begin():
        session.add_all(Voucher(code_ciphertext=cipher.encrypt(code), code_index=cipher.index(code),
                                value=Decimal(1)) for code in taken)
    with Session(db_engine) as session:
        drawn = fresh_codes(session, cipher, Voucher.code_index, 48, 2)  # every free code
        codes = {code for code, _ in drawn}
        assert len(codes) == 48 and not codes & taken
        assert all(index == cipher.index(code) for code, index in drawn)
    with Session(db_engine) as session, session.begin():
        session.add_all(Voucher(code_ciphertext=cipher.encrypt(code), code_index=cipher.index(code),
                                value=Decimal(1)) for code in (f"{n:02d}" for n in range(100)) if code not in taken)
    with Session(db_engine) as session:
        with pytest.raises(UserError, match="code space is nearly full"):
            fresh_codes(session, cipher, Voucher.code_index, 1, 2)
        with pytest.raises(UserError, match="code space is nearly full"):
            fresh_codes(session, cipher, Voucher.code_index, 101, 2)


def _reseller_tree(engine: Engine) -> dict[str, int]:
    with Session(engine) as session, session.begin():
        top = Reseller(name="Top", kind=ResellerKind.USAGE_BASED)
        session.add(top)
        session.flush()
        child = Reseller(name="Child", kind=ResellerKind.USAGE_BASED, parent_id=top.id)
        other = Reseller(name="Other", kind=ResellerKind.USAGE_BASED)
        session.add_all([child, other])
        session.flush()
        return {"top": top.id, "child": child.id, "other": other.id}


def _account(engine: Engine, number: str, reseller_id: int | None = None, currency: str = "USD") -> Account:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        account = Account(number=number, name=number, reseller_id=reseller_id, currency=currency)
        session.add(account)
        return account


def _voucher(engine: Engine, cipher: PinCipher, **spec: object) -> tuple[int, str]:
    with Session(engine) as session, session.begin():
        [(voucher, code)] = create_vouchers(session, cipher, VoucherSpec(count=1, value=Decimal(5), **spec))
        return voucher.id, code


def test_a_voucher_is_claimed_only_where_it_may_be_used(db_engine: Engine, cipher: PinCipher) -> None:
    tree = _reseller_tree(db_engine)
    with Session(db_engine) as session:
        assert sorted(reseller_chain(session, tree["child"])) == sorted([tree["child"], tree["top"]])
        assert reseller_chain(session, None) == []
    child_account = _account(db_engine, "child", tree["child"])
    cases = [  # (voucher spec, account, claimed?)
        ({"reseller_id": tree["top"]}, child_account, True),  # sold above the account: fine
        ({"reseller_id": tree["other"]}, child_account, False),  # another reseller's
        ({"reseller_id": tree["child"]}, _account(db_engine, "direct"), False),  # account outside any reseller
        ({"currency": "EUR"}, child_account, False),
        ({"expires_at": NOW}, child_account, False),
        ({"expires_at": NOW + dt.timedelta(seconds=1)}, child_account, True),
    ]
    for spec, account, claimed in cases:
        voucher_id, code = _voucher(db_engine, cipher, **spec)
        with Session(db_engine) as session, session.begin():
            assert claim_voucher(session, cipher, code, account, NOW) == (voucher_id if claimed else None), spec
        with Session(db_engine) as session:
            voucher = session.get(Voucher, voucher_id)
            assert voucher is not None
            assert (voucher.used_by_account_id, voucher.used_at) == ((account.id, NOW) if claimed else (None, None))


def test_racing_redemptions_claim_a_voucher_once(db_engine: Engine, cipher: PinCipher) -> None:
    account = _account(db_engine, "racer")
    voucher_id, code = _voucher(db_engine, cipher)
    engine = racing_engine(db_engine)
    try:
        def redeem(_index: int) -> int | None:
            with Session(engine) as session, session.begin():
                return claim_voucher(session, cipher, code, account, NOW)

        results = run_together(12, redeem)
    finally:
        engine.dispose()
    assert results.count(voucher_id) == 1
    assert results.count(None) == 11
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(Voucher).where(Voucher.used_at.is_not(None))) == 1
