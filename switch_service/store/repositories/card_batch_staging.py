"""A card batch made without holding the database's write lock for long (the API's card-batch job).

SQLite has one writer, and the RADIUS processes must write a reservation or a Stop while 100 000 cards are made.
The slow part of a card (drawing an unused PIN, its HMAC index and AES-GCM ciphertext) runs first, chunk by chunk,
into a temporary table of the job's own connection (private to it; on SQLite it lives in the separate temp
database, so filling it locks nothing; it vanishes with the connection, so a crash leaves nothing). Then one short
transaction writes the batch, its accounts and its cards with INSERT ... SELECT inside the database: the batch
appears whole or not at all, and a failed or cancelled one writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast

from sqlalchemy import Column, Connection, Engine, LargeBinary, String, Table, insert, literal, select
from sqlalchemy.orm import Session

from switch_service.billing.money import quantize_money
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, CardBatch
from switch_service.store.models.enums import AccountKind
from switch_service.store.repositories.cards import CHUNK_SIZE, PIN_DIGITS, CardBatchSpec, fresh_codes
from switch_service.store.staging import insert_values, staged, staging_table

STAGING = "card_batch_staging"  # a temporary table: each connection has its own
_ACCOUNTS = cast(Table, Account.__table__)
_CARDS = cast(Table, Card.__table__)


def create_card_batch_staged(engine: Engine, cipher: PinCipher, spec: CardBatchSpec, *,
                             on_chunk: Callable[[int], None] | None = None,
                             finish: Callable[[Session, CardBatch], None] | None = None,
                             chunk_size: int = CHUNK_SIZE) -> int:
    """Make the batch (staged, see the module's docstring) and commit it; returns its id.

    `on_chunk(done)` is called after each chunk of cards is drawn (raising there abandons the batch), `finish`
    inside the writing transaction just before its commit. The batch, its accounts and its cards are as
    `cards.create_card_batch` makes them; IntegrityError when the name or an account number is taken meanwhile.
    """
    spec = replace(spec, face_value=quantize_money(spec.face_value))
    staging = staging_table(STAGING, Column("number", String(6)), Column("pin_ciphertext", LargeBinary()),
                            Column("pin_index", String(64)))
    with engine.connect() as connection, staged(connection, staging):
        drawn: set[str] = set()  # PIN indexes of this batch, not in `cards` yet
        for start in range(1, spec.count + 1, chunk_size):
            numbers = range(start, min(start + chunk_size, spec.count + 1))
            with Session(bind=connection) as session:
                pins = fresh_codes(session, cipher, Card.pin_index, len(numbers), PIN_DIGITS, reserved=drawn)
            drawn.update(index for _pin, index in pins)
            with connection.begin():
                connection.execute(insert(staging), [
                    {"number": f"{number:06d}", "pin_ciphertext": cipher.encrypt(pin), "pin_index": index}
                    for number, (pin, index) in zip(numbers, pins, strict=True)])
            if on_chunk is not None:
                on_chunk(start - 1 + len(numbers))
        return _write(connection, staging, spec, finish)


def _write(connection: Connection, staging: Table, spec: CardBatchSpec,
           finish: Callable[[Session, CardBatch], None] | None) -> int:
    """The one write transaction: the batch row, then its accounts and cards from the staged rows."""
    with Session(bind=connection) as session, session.begin():
        batch = CardBatch(name=spec.name, count=spec.count, face_value=spec.face_value, currency=spec.currency,
                          distributor=spec.distributor, reseller_id=spec.reseller_id, tariff_id=spec.tariff_id,
                          expires_at=spec.expires_at, valid_days_after_first_use=spec.valid_days_after_first_use)
        session.add(batch)
        session.flush()
        serial = literal(f"{batch.id:04d}") + staging.c.number  # batch id (4+ digits) + card number (6 digits)
        number = literal("C") + serial
        accounts = insert_values(_ACCOUNTS, {
            "number": number, "name": literal("Card ") + serial, "kind": AccountKind.PREPAID,
            "balance": spec.face_value, "currency": spec.currency, "reseller_id": spec.reseller_id,
            "tariff_id": spec.tariff_id, "dial_plan_id": spec.dial_plan_id, "max_anis": spec.max_anis})
        session.execute(insert(_ACCOUNTS).from_select(
            list(accounts), select(*accounts.values()).select_from(staging).order_by(staging.c.number)))
        cards = insert_values(_CARDS, {
            "batch_id": batch.id, "account_id": _ACCOUNTS.c.id, "serial": serial,
            "pin_ciphertext": staging.c.pin_ciphertext, "pin_index": staging.c.pin_index,
            "face_value": spec.face_value, "distributor": spec.distributor, "expires_at": spec.expires_at})
        session.execute(insert(_CARDS).from_select(
            list(cards), select(*cards.values()).select_from(staging)
            .join(_ACCOUNTS, _ACCOUNTS.c.number == number).order_by(staging.c.number)))
        if finish is not None:
            finish(session, batch)
        return batch.id

