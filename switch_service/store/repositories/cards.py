"""Calling-card batches and recharge vouchers: generation with unique secret codes, and voucher redemption.

A card is an account (its balance is the card's credit) plus a `Card` row holding the PIN as AES-GCM ciphertext
and an HMAC index (`security.pins.PinCipher`); a voucher code is kept the same way. Codes are random digits,
drawn until unused both within the batch and in the table (a 10-digit PIN space is small enough for collisions
at 100 000 cards).

A batch is written chunk by chunk in the caller's transaction, so a batch of 100 000 cards reports progress
(and can be cancelled: the callback raises) and still appears whole or not at all. Nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, Table, insert, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from switch_service.billing.money import quantize_money
from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, CardBatch, Reseller, Voucher
from switch_service.store.models.enums import AccountKind

PIN_DIGITS = 10
VOUCHER_DIGITS = 14
CHUNK_SIZE = 1000
_ACCOUNTS = cast(Table, Account.__table__)
_CARDS = cast(Table, Card.__table__)
_MAX_DRAWS = 20  # rounds of redrawing codes already taken; only a nearly full code space needs more than one


@dataclass(frozen=True, slots=True)
class CardBatchSpec:
    """What a new batch is; every card gets the face value as its account's balance."""

    name: str
    count: int
    face_value: Decimal
    currency: str = "USD"
    distributor: str | None = None
    reseller_id: int | None = None
    tariff_id: int | None = None
    dial_plan_id: int | None = None  # of the cards' accounts; None: the access number's dial plan applies
    expires_at: dt.datetime | None = None
    valid_days_after_first_use: int | None = None
    max_anis: int = 0  # caller numbers each card's account may register; 0: no limit


@dataclass(frozen=True, slots=True)
class VoucherSpec:
    count: int
    value: Decimal
    currency: str = "USD"
    label: str = ""
    reseller_id: int | None = None
    expires_at: dt.datetime | None = None


def normalise_code(raw: str) -> str:
    """A PIN or voucher code as typed ("1234 5678-90") reduced to its digits; ValueError if it is not one."""
    code = "".join(raw.split()).replace("-", "")
    if not code.isascii() or not code.isdigit() or not 4 <= len(code) <= 32:
        raise ValueError("a code is 4 to 32 digits (spaces and dashes are ignored)")
    return code


def fresh_codes(session: Session, cipher: PinCipher, index_column: InstrumentedAttribute[str], count: int,
                digits: int, *, reserved: AbstractSet[str] = frozenset()) -> list[tuple[str, str]]:
    """`count` random codes of `digits` digits with their index, distinct, not yet in `index_column` and not among
    the `reserved` indexes (drawn earlier for rows not written yet).

    Usually one round: draw, look the draws up in one query. Once a draw hits taken codes, later rounds draw
    four times what is missing, never a code already known, so even a nearly full space ends in a few rounds.
    """
    space = 10**digits
    chosen: dict[str, str] = {}  # index -> code
    taken: set[str] = set()
    for _ in range(_MAX_DRAWS):
        needed = count - len(chosen)
        unknown = space - len(reserved) - len(chosen) - len(taken)
        if unknown < needed:
            break
        drawn: dict[str, str] = {}
        while len(drawn) < min(unknown, needed * 4 if taken else needed):
            code = f"{secrets.randbelow(space):0{digits}d}"
            index = cipher.index(code)
            if index not in chosen and index not in taken and index not in reserved:
                drawn[index] = code
        taken.update(session.scalars(select(index_column).where(index_column.in_(list(drawn)))))
        free = [(index, code) for index, code in drawn.items() if index not in taken]
        chosen.update(free[:needed])
        if len(chosen) == count:
            return [(code, index) for index, code in chosen.items()]
    raise UserError(f"could not find {count} unused {digits}-digit codes: the code space is nearly full")


def create_card_batch(session: Session, cipher: PinCipher, spec: CardBatchSpec,
                      on_chunk: Callable[[int], None] | None = None, chunk_size: int = CHUNK_SIZE) -> CardBatch:
    """Add the batch, its cards and their accounts to the session's transaction.

    `on_chunk(done)` is called after every chunk; raising there abandons the batch (the caller rolls back).
    Serial = batch id (4+ digits) + card number (6 digits); the card's account number is "C" + serial.
    """
    spec = replace(spec, face_value=quantize_money(spec.face_value))  # as the column keeps it, for answers
    batch = CardBatch(name=spec.name, count=spec.count, face_value=spec.face_value, currency=spec.currency,
                      distributor=spec.distributor, reseller_id=spec.reseller_id, tariff_id=spec.tariff_id,
                      expires_at=spec.expires_at, valid_days_after_first_use=spec.valid_days_after_first_use)
    session.add(batch)
    session.flush()
    for start in range(1, spec.count + 1, chunk_size):
        serials = [f"{batch.id:04d}{n:06d}" for n in range(start, min(start + chunk_size, spec.count + 1))]
        _add_cards(session, cipher, spec, batch, serials)
        if on_chunk is not None:
            on_chunk(start - 1 + len(serials))
    return batch


def _add_cards(session: Session, cipher: PinCipher, spec: CardBatchSpec, batch: CardBatch,
               serials: Sequence[str]) -> None:
    """One chunk: the accounts in one executemany (Core: the ORM's per-row work would double the time), their ids
    read back by number, then the cards."""
    numbers = [f"C{serial}" for serial in serials]
    session.execute(insert(_ACCOUNTS), [
        {"number": number, "name": f"Card {serial}", "kind": AccountKind.PREPAID, "balance": spec.face_value,
         "currency": spec.currency, "reseller_id": spec.reseller_id, "tariff_id": spec.tariff_id,
         "dial_plan_id": spec.dial_plan_id, "max_anis": spec.max_anis}
        for number, serial in zip(numbers, serials, strict=True)
    ])
    account_ids = {number: account_id for number, account_id in
                   session.execute(select(Account.number, Account.id).where(Account.number.in_(numbers)))}
    pins = fresh_codes(session, cipher, Card.pin_index, len(serials), PIN_DIGITS)
    rows: list[dict[str, Any]] = [
        {"batch_id": batch.id, "account_id": account_ids[number], "serial": serial,
         "pin_ciphertext": cipher.encrypt(pin), "pin_index": index, "face_value": spec.face_value,
         "distributor": spec.distributor, "expires_at": spec.expires_at}
        for number, serial, (pin, index) in zip(numbers, serials, pins, strict=True)
    ]
    session.execute(insert(_CARDS), rows)


def create_vouchers(session: Session, cipher: PinCipher, spec: VoucherSpec) -> list[tuple[Voucher, str]]:
    """Add `spec.count` vouchers to the session's transaction; each with its code in clear (shown once)."""
    made = [(Voucher(code_ciphertext=cipher.encrypt(code), code_index=index, value=quantize_money(spec.value),
                     currency=spec.currency, label=spec.label, reseller_id=spec.reseller_id,
                     expires_at=spec.expires_at), code)
            for code, index in fresh_codes(session, cipher, Voucher.code_index, spec.count, VOUCHER_DIGITS)]
    session.add_all(voucher for voucher, _code in made)
    session.flush()
    return made


def reseller_chain(session: Session, reseller_id: int | None) -> list[int]:
    """The reseller and its ancestors up to the root (empty for an account without reseller)."""
    if reseller_id is None:
        return []
    chain = select(Reseller.id, Reseller.parent_id).where(Reseller.id == reseller_id).cte("chain", recursive=True)
    chain = chain.union_all(select(Reseller.id, Reseller.parent_id).join(chain, Reseller.id == chain.c.parent_id))
    return list(session.scalars(select(chain.c.id)))


def claim_voucher(session: Session, cipher: PinCipher, code: str, account: Account, now: dt.datetime) -> int | None:
    """Mark the voucher as used by `account`; its id, or None if no usable voucher has this code.

    One conditional UPDATE: of concurrent claims of the same code, exactly one changes the row (the others wait
    for its row lock, re-check `used_at IS NULL` and change nothing). Usable: not used, not expired, in the
    account's currency, and sold by no reseller or by one above the account in the reseller tree.
    """
    index = cipher.index(code)
    sellers = reseller_chain(session, account.reseller_id)
    statement = (
        update(Voucher)
        .where(Voucher.code_index == index, Voucher.used_at.is_(None),
               or_(Voucher.expires_at.is_(None), Voucher.expires_at > now),
               Voucher.currency == account.currency,
               or_(Voucher.reseller_id.is_(None), Voucher.reseller_id.in_(sellers)))
        .values(used_by_account_id=account.id, used_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    if result.rowcount != 1:
        return None
    return session.scalar(select(Voucher.id).where(Voucher.code_index == index))
