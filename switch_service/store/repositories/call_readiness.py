"""Why an account cannot call: every reason the switch or RADIUS would refuse its calls, found in the store, so
the desktop, the CLI and the API say the same thing (`GET /accounts/{id}/calling`, `carrier-switch accounts show`).

The reasons mirror the decisions on a call: RADIUS refuses an account that is not active (h323-return-code 7) or
expired (5), a number its tariff has no rate for (9, 403 Destination Blocked), and a call its money cannot pay for
(4/12, 402); the switch answers 503 No Dial Plan and 404 No Route; and a call reaches an account only through one
of its caller numbers (ANIs), DIDs, trunks or cards.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from switch_service.store.models import (
    Account,
    AccountPackage,
    Ani,
    Card,
    CustomerTrunk,
    DialPlan,
    DialPlanRoute,
    Did,
    LiveCall,
    Rate,
    Tariff,
    TaxProfile,
)
from switch_service.store.models.enums import AccountKind, Status
from switch_service.store.repositories import ledger
from switch_service.store.repositories.rates import in_force


class CallBlock(enum.StrEnum):
    SUSPENDED = "suspended"
    CLOSED = "closed"
    EXPIRED = "expired"
    NO_TARIFF = "no_tariff"
    TARIFF_CURRENCY = "tariff_currency"
    NO_RATES = "no_rates"
    NO_DIAL_PLAN = "no_dial_plan"
    NO_ROUTES = "no_routes"
    NO_MONEY = "no_money"
    NOT_IDENTIFIED = "not_identified"


@dataclass(frozen=True, slots=True)
class Block:
    code: CallBlock
    message: str


@dataclass(frozen=True, slots=True)
class Readiness:
    blocks: list[Block]
    tariff: Tariff | None
    rates_in_force: int
    dial_plan: DialPlan | None
    routes: int
    tax_profile: TaxProfile | None
    anis: int
    calls_in_progress: int

    @property
    def can_call(self) -> bool:
        return not self.blocks


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(query) or 0)


def _identified(session: Session, account_id: int) -> bool:
    """Whether anything leads a call to the account: a caller number, a DID, a trunk or a card."""
    ways = [select(model.id).where(model.account_id == account_id).limit(1)
            for model in (Ani, Did, CustomerTrunk, Card)]
    return any(session.scalar(way) is not None for way in ways)


def _money_block(account: Account, has_packages: bool) -> Block | None:
    available = ledger.available(account)
    if available > 0 or has_packages:  # free package seconds may still carry a call
        return None
    figure = f"{available:.2f} {account.currency}"
    if account.kind is AccountKind.POSTPAID:
        return Block(CallBlock.NO_MONEY, f"credit limit reached: {figure} available; take a payment or raise "
                                         "the credit limit")
    return Block(CallBlock.NO_MONEY, f"no money: {figure} available (balance + overdraft - money held by calls); "
                                     "take a payment")


def call_readiness(session: Session, account: Account, now: dt.datetime) -> Readiness:
    blocks: list[Block] = []
    if account.status is Status.SUSPENDED:
        blocks.append(Block(CallBlock.SUSPENDED, "suspended: new calls are refused (403 Denied); set the status "
                                                 "to active to lift it"))
    elif account.status is Status.CLOSED:
        blocks.append(Block(CallBlock.CLOSED, "closed: new calls are refused (403 Denied)"))
    if account.expires_at is not None and account.expires_at <= now:
        blocks.append(Block(CallBlock.EXPIRED, f"expired on {account.expires_at:%Y-%m-%d %H:%M} UTC: new calls are "
                                               "refused (403 Account Expired); move or clear the expiry"))
    tariff = session.get(Tariff, account.tariff_id) if account.tariff_id is not None else None
    rates = 0
    if tariff is None:
        blocks.append(Block(CallBlock.NO_TARIFF, "no tariff: every call is refused (403 Destination Blocked); give "
                                                 "it a sell tariff, or set the company's default tariff"))
    else:
        rates = _count(session, select(func.count()).select_from(Rate).where(Rate.tariff_id == tariff.id,
                                                                             *in_force(now)))
        if tariff.currency != account.currency:
            blocks.append(Block(CallBlock.TARIFF_CURRENCY, f"tariff {tariff.name!r} is in {tariff.currency}, the "
                                                           f"account in {account.currency}: choose a tariff in "
                                                           f"{account.currency}"))
        elif rates == 0:
            blocks.append(Block(CallBlock.NO_RATES, f"tariff {tariff.name!r} has no rate in force: every call is "
                                                    "refused (403 Destination Blocked); import a deck into it"))
    plan = session.get(DialPlan, account.dial_plan_id) if account.dial_plan_id is not None else None
    routes = 0
    if plan is None:
        blocks.append(Block(CallBlock.NO_DIAL_PLAN, "no dial plan: calls are refused (503 No Dial Plan) unless the "
                                                    "DID they come in on has one; give it a dial plan, or set the "
                                                    "company's default dial plan"))
    else:
        routes = _count(session, select(func.count()).select_from(DialPlanRoute)
                        .where(DialPlanRoute.dial_plan_id == plan.id))
        if routes == 0:
            blocks.append(Block(CallBlock.NO_ROUTES, f"dial plan {plan.name!r} has no route: every call is refused "
                                                     "(404 No Route); add a route"))
    has_packages = session.scalar(select(AccountPackage.id).where(AccountPackage.account_id == account.id)
                                  .limit(1)) is not None
    if (money := _money_block(account, has_packages)) is not None:
        blocks.append(money)
    if not _identified(session, account.id):
        blocks.append(Block(CallBlock.NOT_IDENTIFIED, "nothing leads a call to it: register a caller number (ANI), "
                                                      "or give it a DID or a trunk"))
    return Readiness(
        blocks=blocks, tariff=tariff, rates_in_force=rates, dial_plan=plan, routes=routes,
        tax_profile=session.get(TaxProfile, account.tax_profile_id) if account.tax_profile_id is not None else None,
        anis=_count(session, select(func.count()).select_from(Ani).where(Ani.account_id == account.id)),
        calls_in_progress=_count(session, select(func.count()).select_from(LiveCall)
                                 .where(LiveCall.account_id == account.id)),
    )
