"""The company's name, currency and time zone (stored by `switch_service.store.repositories.company`): every
signed-in user may read them (the desktop shows money in the currency, times in the zone); only an admin changes
them."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import Admin, ApiContext, Context, CurrentUser, DbSession
from switch_service.api.request_errors import error_responses
from switch_service.api.schemas.setup import CompanyOut, CompanyUpdate
from switch_service.billing.money import quantize_money
from switch_service.store.repositories.company import read_company, write_company

router = APIRouter(prefix="/company", tags=["company"])


def _company_out(session: Session, context: ApiContext) -> CompanyOut:
    company = read_company(session, context.settings)
    return CompanyOut(name=company.name, currency=company.currency, time_zone=company.time_zone,
                      low_balance=quantize_money(company.low_balance), cash_rounding=company.cash_rounding)


@router.get("", responses=error_responses(401))
def get_company(session: DbSession, context: Context, _user: CurrentUser) -> CompanyOut:
    return _company_out(session, context)


@router.patch("", responses=error_responses(401, 403))
def update_company(body: CompanyUpdate, session: DbSession, context: Context, admin: Admin) -> CompanyOut:
    changes = body.changes()
    write_company(session, **changes)
    record_audit(session, admin, "update", "company", None, changes)
    return _company_out(session, context)
