"""A retail store's agent recharges a PIN-less customer from a prepaid IVR (the seed system's "Retail Store Agent
Recharge Through IVR"). The store is a reseller holding an agent PIN (store/repositories/agent_pins.py); the media
workers touch no database, so they ask here over RADIUS (ivr_pairs.py):

- `agent-pin=<PIN>` alone: the PIN is checked (a wrong one counts toward the caller's and the access number's
  lockout, pin_lockout.py, and a locked caller is refused with 10 as for a card PIN) and the answer says what the
  store may still sell (h323-credit-amount = balance + credit limit, h323-currency);
- with `agent-recharge-number=<the customer's phone number>` and `agent-recharge-amount=<decimal>`: the customer is
  found by its registered caller number (the lookup the switch recognises callers with, read as of the access
  number's country) and, in one transaction, paid the amount as a top-up sold by the store
  (`store.repositories.payments.pay_in`, the API's rule for a reseller user's recharge: the store charged its buy
  price, commissions up the tree, receipt); the answer is the customer's new balance. A refusal writes nothing and
  says why with a code the IVR announces: 1 no customer has that number, 7 the customer is not in the store's subtree
  (or takes no payment now), 12 the store cannot pay it, 11 the number or amount cannot be read.

The lockout: a request with a number carries the PIN its first stage accepted, so (as for a card PIN)
the lockout is not judged again for our own workers (a DID locked meanwhile does not cut the agent off); a wrong PIN
is counted whenever it comes."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from switch_service.aaa import cisco
from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.identify import Identifier, Reject
from switch_service.aaa.ivr_pairs import AGENT_AMOUNT_PAIR, AGENT_NUMBER_PAIR, AGENT_PIN_PAIR
from switch_service.aaa.messages import AuthDecision, AuthRequest
from switch_service.aaa.pin_lockout import PinLockout
from switch_service.aaa.policy_context import PolicyContext
from switch_service.aaa.policy_rows import avpairs_of
from switch_service.aaa.policy_snapshot import Snapshot
from switch_service.billing.money import in_cash_units
from switch_service.store.models import Account
from switch_service.store.models.enums import PaymentKind, Status
from switch_service.store.repositories import ledger
from switch_service.store.repositories.accounts import payment_refusal
from switch_service.store.repositories.agent_pins import agent_by_pin
from switch_service.store.repositories.cards import normalise_code
from switch_service.store.repositories.payments import AccountGoneError, pay_in
from switch_service.store.repositories.resellers import (
    ResellerOutsideError,
    ResellerShortfallError,
    reseller_standing,
)
from switch_service.store.retries import retrying

log = logging.getLogger(__name__)


def agent_pin(request: AuthRequest) -> str | None:
    """The agent PIN a request carries (a retail agent's, not a caller's own account), or None."""
    return cisco.find_avpair(avpairs_of(request), AGENT_PIN_PAIR)


def _amount(raw: str | None) -> Decimal | None:
    """A positive, finite amount in plain digits, else None."""
    try:
        amount = Decimal((raw or "").strip())
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount > 0 and "e" not in (raw or "").lower() else None


class AgentRecharge:
    def __init__(self, ctx: PolicyContext, lockout: PinLockout, identifier: Identifier) -> None:
        self.ctx = ctx
        self.lockout = lockout
        self.identifier = identifier

    def answer(self, snapshot: Snapshot, request: AuthRequest, now: dt.datetime) -> AuthDecision:
        """The agent's standing, or the recharge the request asks for (module docstring); Reject says why not."""
        pairs = avpairs_of(request)
        raw_number = cisco.find_avpair(pairs, AGENT_NUMBER_PAIR)
        raw_amount = cisco.find_avpair(pairs, AGENT_AMOUNT_PAIR)
        recharging = raw_number is not None or raw_amount is not None
        ani, did = self.identifier.caller(snapshot, request)
        entry = not recharging or request.source_address not in self.ctx.trusted_nas
        if entry and self.lockout.locked(ani, did, now):
            raise Reject(ReturnCode.RETRIES_EXCEEDED)
        reseller_id = self._agent(agent_pin(request) or "")
        if reseller_id is None:
            log.info("IVR: a wrong agent PIN from %s on %s", ani or "an unknown number", did or "no DID")
            if self.lockout.failed(ani, did, now):
                raise Reject(ReturnCode.RETRIES_EXCEEDED)
            raise Reject(ReturnCode.INVALID_PIN)
        if not recharging:
            return self._standing(reseller_id)
        number = self.ctx.normalise(raw_number, snapshot.callers.did_country(did))
        amount = _amount(raw_amount)
        if not number or amount is None:
            raise Reject(ReturnCode.INVALID_ARGUMENT)
        customer = self.identifier.ani(snapshot, number)
        if customer is None:
            log.info("IVR: agent of reseller %d keyed a number no customer has", reseller_id)
            raise Reject(ReturnCode.INVALID_ACCOUNT)
        agent, account_id, paid = reseller_id, customer.account_id, amount
        return retrying(lambda: self._recharge(agent, account_id, paid, now),
                        what=f"IVR agent recharge {request.conf_id}")

    def _agent(self, raw_pin: str) -> int | None:
        """The reseller whose agent PIN this is, or None (no PIN key to check it with counts as no match)."""
        cipher = self.ctx.pin_cipher
        try:
            pin = normalise_code(raw_pin)
        except ValueError:
            return None
        if cipher is None:
            return None
        with Session(self.ctx.engine) as session:
            return agent_by_pin(session, cipher, pin)

    def _standing(self, reseller_id: int) -> AuthDecision:
        with Session(self.ctx.engine) as session:
            _name, available, currency, status = reseller_standing(session, reseller_id)
        if status is not Status.ACTIVE:
            raise Reject(ReturnCode.DENIED)
        return AuthDecision(ReturnCode.OK, credit_amount=available, billing_model=BillingModel.DEBIT,
                            currency=currency)

    def _recharge(self, reseller_id: int, account_id: int, amount: Decimal, now: dt.datetime) -> AuthDecision:
        """One transaction: the top-up sold by the agent's reseller, or nothing (a Reject rolls it back)."""
        with self.ctx.writes, Session(self.ctx.engine) as session, session.begin():
            account = session.get(Account, account_id)
            if account is None:
                raise Reject(ReturnCode.INVALID_ACCOUNT)
            if payment_refusal(account, PaymentKind.TOPUP) is not None:
                raise Reject(ReturnCode.DENIED)
            if in_cash_units(amount, account.currency) != amount:  # finer than the currency's smallest unit
                raise Reject(ReturnCode.INVALID_ARGUMENT)
            try:
                payment = pay_in(session, account, PaymentKind.TOPUP, amount, acting_reseller_id=reseller_id,
                                 method="agent", reference=f"reseller {reseller_id}",
                                 note="recharge by a retail agent (IVR)", created_by=None, now=now)
            except ResellerOutsideError:
                log.info("IVR: agent of reseller %d may not recharge account %d", reseller_id, account_id)
                raise Reject(ReturnCode.DENIED) from None
            except ResellerShortfallError as shortfall:
                log.info("IVR: agent recharge refused: %s", shortfall)
                raise Reject(ReturnCode.INSUFFICIENT_BALANCE) from None
            except AccountGoneError:
                raise Reject(ReturnCode.INVALID_ACCOUNT) from None
            session.flush()
            balance = ledger.standing(session, account_id).balance
            currency, receipt = account.currency, payment.receipt_number
        log.info("IVR: agent of reseller %d recharged account %d with %s (receipt %s)", reseller_id, account_id,
                 amount, receipt)
        return AuthDecision(ReturnCode.OK, credit_amount=balance, billing_model=BillingModel.DEBIT, currency=currency,
                            extra=(("Cisco-AVPair", cisco.build_avpair("account-id", account_id)),))
