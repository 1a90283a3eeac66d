"""An account as the API and `carrier-switch accounts` print it: its `AccountOut`, and what the switch does with its
calls (`AccountCalling`). Apart from the routes, so the command line prints the same without loading FastAPI."""

from __future__ import annotations

from sqlalchemy.orm import Session

from switch_service.api.schemas import AccountKind, AccountOut, Status
from switch_service.api.schemas.accounts import (
    AccountCalling,
    CallBlock,
    CallBlockOut,
    DialPlanRef,
    NamedRef,
    TariffRef,
)
from switch_service.store.models import Account
from switch_service.store.repositories import ledger
from switch_service.store.repositories.call_readiness import call_readiness
from switch_service.store.types import utcnow


def account_out(account: Account, *, card: bool = False) -> AccountOut:
    return AccountOut(
        id=account.id,
        number=account.number,
        name=account.name,
        kind=AccountKind(account.kind.value),
        status=Status(account.status.value),
        balance=account.balance,
        overdraft=account.overdraft,
        credit_limit=account.credit_limit,
        reserved=account.reserved,
        available=ledger.available(account),
        currency=account.currency,
        email=account.email,
        reseller_id=account.reseller_id,
        tariff_id=account.tariff_id,
        dial_plan_id=account.dial_plan_id,
        tax_profile_id=account.tax_profile_id,
        language=account.language,
        country=account.country,
        time_zone=account.time_zone,
        expires_at=account.expires_at,
        max_concurrent_calls=account.max_concurrent_calls,
        cps_limit=account.cps_limit,
        max_anis=account.max_anis,
        low_balance_threshold=account.low_balance_threshold,
        created_at=account.created_at,
        card=card,
    )


def calling_out(session: Session, account: Account) -> AccountCalling:
    """The account's `AccountCalling` now (the API's answer and `carrier-switch accounts show`)."""
    found = call_readiness(session, account, utcnow())
    available = ledger.available(account)
    return AccountCalling(
        account_id=account.id, can_call=found.can_call,
        blocks=[CallBlockOut(code=CallBlock(block.code.value), message=block.message) for block in found.blocks],
        tariff=TariffRef(id=found.tariff.id, name=found.tariff.name, currency=found.tariff.currency,
                         rates_in_force=found.rates_in_force) if found.tariff else None,
        dial_plan=DialPlanRef(id=found.dial_plan.id, name=found.dial_plan.name,
                              routes=found.routes) if found.dial_plan else None,
        tax_profile=NamedRef(id=found.tax_profile.id, name=found.tax_profile.name) if found.tax_profile else None,
        available=available,
        low_balance=account.low_balance_threshold is not None and available < account.low_balance_threshold,
        max_concurrent_calls=account.max_concurrent_calls, cps_limit=account.cps_limit, max_anis=account.max_anis,
        anis=found.anis, calls_in_progress=found.calls_in_progress, expires_at=account.expires_at)
