"""Recharge by voucher from a prepaid IVR: the media workers touch no database, so a caller who keys a voucher code
has the worker send a first-stage Access-Request (the PIN, or the recognised ANI) with `recharge-voucher=<code>`
(ivr_pairs.py); the voucher is redeemed here by the rule the API's redemption uses
(`store.repositories.payments.redeem_voucher`), and the answer is the first stage's again, with the new balance.

A voucher code is a bearer secret as a PIN is, and the IVR would otherwise answer guesses for ever: a code that
cannot be used (unknown, used, expired, of another currency or reseller: the caller is not told which) counts as a
wrong PIN toward the caller's and the access number's lockout (pin_lockout.py), and a locked caller recharges
nothing.

Recharge from another card (`recharge-card=<PIN>`) is the same door: that card's whole balance moves onto the
caller's account by `store.repositories.payments.transfer_card` (two ledger entries, the card used up), and a PIN
that cannot give (unknown, used, empty, the caller's own...: the caller is not told which) counts as a wrong PIN as
a voucher code does: another card's PIN is the same secret that opens its calls."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy.orm import Session

from switch_service.aaa import cisco
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.identify import Reject
from switch_service.aaa.ivr_pairs import RECHARGE_CARD_PAIR, RECHARGE_PAIR
from switch_service.aaa.messages import AuthRequest
from switch_service.aaa.pin_lockout import PinLockout
from switch_service.aaa.policy_context import PolicyContext
from switch_service.aaa.policy_rows import avpairs_of
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account
from switch_service.store.models.enums import PaymentKind
from switch_service.store.repositories.accounts import payment_refusal
from switch_service.store.repositories.cards import normalise_code
from switch_service.store.repositories.payments import AccountGoneError, redeem_voucher, transfer_card

log = logging.getLogger(__name__)


def voucher_code(request: AuthRequest) -> str | None:
    """The voucher code a first-stage request asks to redeem, or None."""
    return cisco.find_avpair(avpairs_of(request), RECHARGE_PAIR)


def card_pin(request: AuthRequest) -> str | None:
    """The PIN of the card whose balance a first-stage request asks to move onto the caller's account, or None."""
    return cisco.find_avpair(avpairs_of(request), RECHARGE_CARD_PAIR)


class IvrRecharge:
    def __init__(self, ctx: PolicyContext, lockout: PinLockout) -> None:
        self.ctx = ctx
        self.lockout = lockout

    def recharge(self, account_id: int, raw_code: str, ani: str, did: str, now: dt.datetime) -> None:
        """Redeem the voucher onto the caller's account; Reject says why not (2: no usable voucher has this code,
        10: the caller or the access number is locked, 7: the account takes no payment now)."""
        def redeem(session: Session, cipher: PinCipher, code: str, account: Account) -> str | None:
            redeemed = redeem_voucher(session, cipher, code, account, now, created_by=None)
            if redeemed is None:
                return None
            voucher, payment = redeemed
            return (f"voucher {voucher.id} recharged account {account_id} with {payment.amount} "
                    f"(receipt {payment.receipt_number})")

        self._credit(account_id, raw_code, ani, did, now, kind=PaymentKind.VOUCHER, apply=redeem, what="a voucher code")

    def from_card(self, account_id: int, raw_pin: str, ani: str, did: str, now: dt.datetime) -> None:
        """Move the whole balance of the card with this PIN onto the caller's account; Reject says why not (2: no
        card with this PIN can give, 10: locked, 7: the account takes no payment now)."""
        def move(session: Session, cipher: PinCipher, pin: str, account: Account) -> str | None:
            moved = transfer_card(session, cipher, pin, account, now)
            if moved is None:
                return None
            return (f"card {moved.serial} moved {moved.given.amount} to account {account_id} (receipts "
                    f"{moved.taken.receipt_number}, {moved.given.receipt_number})")

        self._credit(account_id, raw_pin, ani, did, now, kind=PaymentKind.ADJUSTMENT, apply=move,
                     what="another card's PIN")

    def _credit(self, account_id: int, raw_secret: str, ani: str, did: str, now: dt.datetime, *, kind: PaymentKind,
                apply: Callable[[Session, PinCipher, str, Account], str | None], what: str) -> None:
        """The rule both recharges share: a locked caller gets nothing; the keyed secret (a voucher code or a PIN)
        is applied in one write transaction to an account that takes this kind of payment; one that cannot give
        counts as a wrong PIN toward the lockout. `apply` says what it did (read before the commit expires the
        rows), or None."""
        if self.lockout.locked(ani, did, now):
            raise Reject(ReturnCode.RETRIES_EXCEEDED)
        try:
            secret: str | None = normalise_code(raw_secret)
        except ValueError:
            secret = None
        said = None
        cipher = self.ctx.pin_cipher
        if cipher is not None and secret is not None:
            with self.ctx.writes, Session(self.ctx.engine) as session, session.begin():
                account = session.get(Account, account_id)
                if account is None:
                    raise Reject(ReturnCode.INVALID_ACCOUNT)
                if payment_refusal(account, kind) is not None:
                    raise Reject(ReturnCode.DENIED)
                try:
                    said = apply(session, cipher, secret, account)
                except AccountGoneError:
                    raise Reject(ReturnCode.INVALID_ACCOUNT) from None
        if said is None:
            log.info("IVR: account %d keyed %s that cannot be used", account_id, what)
            if self.lockout.failed(ani, did, now):
                raise Reject(ReturnCode.RETRIES_EXCEEDED)
            raise Reject(ReturnCode.INVALID_PIN)
        log.info("IVR: %s", said)
