"""The company's name, currency, time zone and the defaults of a new account (stored by
`switch_service.store.repositories.company`): every signed-in user may read them (the desktop shows money in the
currency, times in the zone); only an admin changes them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import Admin, ApiContext, Context, CurrentUser, DbSession
from switch_service.api.request_errors import FieldProblems, error_responses
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.setup import CompanyOut, CompanyUpdate
from switch_service.billing.money import quantize_money
from switch_service.store.models import DialPlan
from switch_service.store.repositories.accounts import tariff_problem
from switch_service.store.repositories.company import (
    DEFAULT_DIAL_PLAN,
    DEFAULT_TARIFF,
    read_company,
    write_company,
    write_defaults,
)

router = api_router(prefix="/company", tags=["company"])


def _company_out(session: Session, context: ApiContext) -> CompanyOut:
    company = read_company(session, context.settings)
    return CompanyOut(name=company.name, currency=company.currency, time_zone=company.time_zone,
                      default_tariff_id=company.default_tariff_id, default_dial_plan_id=company.default_dial_plan_id,
                      low_balance=quantize_money(company.low_balance), cash_rounding=company.cash_rounding,
                      address=company.address)


@router.get("", responses=error_responses(401))
def get_company(session: DbSession, context: Context, _user: CurrentUser) -> CompanyOut:
    return _company_out(session, context)


@router.patch("", responses=error_responses(401, 403))
def update_company(body: CompanyUpdate, session: DbSession, context: Context, admin: Admin) -> CompanyOut:
    """The default tariff must be a sell tariff in the company's currency (the new one, when the body changes it
    too): a 422 names the field, and nothing changes."""
    changes = body.changes()
    company = read_company(session, context.settings)
    currency = changes.get("currency", company.currency)
    tariff_id = changes.get(DEFAULT_TARIFF, company.default_tariff_id)
    problems = FieldProblems()
    if tariff_id is not None and (message := tariff_problem(session, tariff_id, currency)) is not None:
        problems.add(DEFAULT_TARIFF if DEFAULT_TARIFF in changes else "currency",
                     message if DEFAULT_TARIFF in changes else f"the default tariff: {message}",
                     changes.get(DEFAULT_TARIFF, currency))
    plan_id = changes.get(DEFAULT_DIAL_PLAN)
    if plan_id is not None and session.get(DialPlan, plan_id) is None:
        problems.add(DEFAULT_DIAL_PLAN, f"dial plan {plan_id} does not exist", plan_id)
    problems.raise_any()
    write_company(session, **{key: changes[key] for key in ("name", "currency", "time_zone", "low_balance",
                                                           "cash_rounding", "address") if key in changes})
    write_defaults(session, {key: changes[key] for key in (DEFAULT_TARIFF, DEFAULT_DIAL_PLAN) if key in changes})
    record_audit(session, admin, "update", "company", None, changes)
    return _company_out(session, context)
