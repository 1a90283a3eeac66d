"""Money paid into an account, one rule for every door: the API's payments and voucher redemption, and a prepaid IVR's
voucher recharge, recharge from another card and retail agent's recharge over RADIUS (aaa/ivr_recharge.py,
aaa/agent_recharge.py). The balance moves by the ledger's
one atomic UPDATE, the payment row gets its receipt number; what a door adds around it (commissions, the receipt
answer, the audit) stays that door's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, Payment, Voucher
from switch_service.store.models.enums import CardStatus, PaymentKind, Status
from switch_service.store.repositories import ledger
from switch_service.store.repositories.cards import claim_voucher, reseller_chain
from switch_service.store.repositories.resellers import pay_commissions

# The kinds that are a customer paying: they earn resellers their commissions.
COMMISSIONED = frozenset({PaymentKind.TOPUP, PaymentKind.PAYMENT})


class AccountGoneError(LookupError):
    """The account was deleted since it was read: the caller rolls the transaction back."""


def credit(session: Session, account: Account, kind: PaymentKind, amount: Decimal, *, method: str,
           reference: str = "", note: str = "", created_by: int | None, now: dt.datetime) -> Payment:
    """The payment with its receipt number and the balance moved (a refund or a fee takes `amount` off, the other
    kinds add it), in the caller's transaction. The account row is written before the payment row: inserting the
    payment first took a shared lock on the account (its foreign key) and the UPDATE then wanted it exclusive, so on
    MariaDB two payments to one account deadlocked (1213), and so did a payment and a call's reservation."""
    delta = -amount if kind in (PaymentKind.REFUND, PaymentKind.FEE) else amount
    if not ledger.move_balance(session, account.id, delta):
        raise AccountGoneError(f"account {account.id} does not exist")
    return ledger.add_receipted(session, Payment(
        account_id=account.id, kind=kind, amount=amount, currency=account.currency, method=method,
        reference=reference, note=note, created_by=created_by, created_at=now))


def pay_in(session: Session, account: Account, kind: PaymentKind, amount: Decimal, *,
           acting_reseller_id: int | None, method: str, reference: str = "", note: str = "", created_by: int | None,
           now: dt.datetime) -> Payment:
    """A payment at a counter (`credit`) with its resellers' lines, in the caller's transaction: for a customer
    paying (top-up, payment) each payment-based reseller up the tree is credited its commission, and the reseller
    that sold it (`acting_reseller_id`: a reseller user's at the API, a retail agent's in the IVR) is charged its buy
    price (`resellers.pay_commissions`), or `ResellerShortfallError` / `ResellerOutsideError` is raised and the
    caller rolls back."""
    payment = credit(session, account, kind, amount, method=method, reference=reference, note=note,
                     created_by=created_by, now=now)
    if kind in COMMISSIONED and (account.reseller_id is not None or acting_reseller_id is not None):
        pay_commissions(session, payment, account.reseller_id, acting_reseller_id)
    return payment


def redeem_voucher(session: Session, cipher: PinCipher, code: str, account: Account, now: dt.datetime, *,
                   created_by: int | None) -> tuple[Voucher, Payment] | None:
    """Use the voucher with this code once and credit its value to `account`: (the voucher, its payment), or None
    when no voucher
    with this code can be used on the account (`claim_voucher` says which can). `code` is normalised already
    (`cards.normalise_code`); whether the account takes payments (`accounts.payment_refusal`) the caller asks."""
    voucher_id = claim_voucher(session, cipher, code, account, now)
    voucher = session.get(Voucher, voucher_id) if voucher_id is not None else None
    if voucher is None:
        return None
    return voucher, credit(session, account, PaymentKind.VOUCHER, voucher.value, method="voucher",
                           reference=f"voucher {voucher.id}", note=voucher.label, created_by=created_by, now=now)


@dataclass(frozen=True, slots=True)
class CardTransfer:
    """Another card's balance moved onto an account: the card's serial and the two ledger entries."""

    serial: str
    taken: Payment  # off the other card's account (a negative adjustment)
    given: Payment  # onto the account


def transfer_card(session: Session, cipher: PinCipher, pin: str, account: Account, now: dt.datetime) -> \
        CardTransfer | None:
    """Move the whole balance of the card with this PIN onto `account` (a prepaid IVR's "recharge from another
    card", aaa/ivr_recharge.py): its account is left at zero and the card `used`, so its PIN (known to two people
    now) opens nothing more. None, with nothing written, when no card with this PIN can give: unknown, blocked,
    used or expired, the caller's own, of another currency, sold by a reseller not above `account` in the reseller
    tree (the rule of a voucher: no money crosses to another reseller's customer), not active, or with nothing to
    give.

    Money a call of the other card holds stays there (it is the call's); what is moved is the balance less that.
    The other card's account row is read with a row lock, so a call settling on it meanwhile is not overwritten,
    and the card is claimed by one conditional UPDATE: of two callers keying the same PIN, one gets the money. Both
    entries are adjustments (money moved between two accounts of the operator's, not paid in)."""
    card = session.execute(
        select(Card.id, Card.account_id, Card.serial, Card.status, Card.expires_at)
        .where(Card.pin_index == cipher.index(pin))).one_or_none()
    if card is None or card.account_id == account.id or card.status not in _GIVING:
        return None
    if card.expires_at is not None and card.expires_at <= now:
        return None
    other = session.execute(
        select(Account.status, Account.currency, Account.reseller_id, Account.balance, Account.reserved)
        .where(Account.id == card.account_id).with_for_update()).one_or_none()
    if other is None or other.status is not Status.ACTIVE or other.currency != account.currency:
        return None
    if other.reseller_id is not None and other.reseller_id not in reseller_chain(session, account.reseller_id):
        return None
    amount = other.balance - other.reserved
    if amount <= 0:
        return None
    claimed = session.execute(update(Card).where(Card.id == card.id, Card.status.in_(_GIVING))
                              .values(status=CardStatus.USED, updated_at=now)
                              .execution_options(synchronize_session=False))
    if cast(CursorResult[Any], claimed).rowcount != 1:
        return None
    giver = session.get_one(Account, card.account_id)
    taken = credit(session, giver, PaymentKind.ADJUSTMENT, -amount, method="card transfer",
                   reference=f"to account {account.number}", note="recharge from another card (IVR)",
                   created_by=None, now=now)
    given = credit(session, account, PaymentKind.ADJUSTMENT, amount, method="card transfer",
                   reference=f"card {card.serial}", note="recharge from another card (IVR)", created_by=None, now=now)
    return CardTransfer(card.serial, taken, given)


_GIVING = (CardStatus.NEW, CardStatus.ACTIVE)  # the cards whose balance may still be moved
