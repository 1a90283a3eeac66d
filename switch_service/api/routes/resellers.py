"""The reseller tree and commission rules.

Admins see and change everything. A reseller user sees its own reseller and everything under it, and may add
sub-resellers there (another reseller's by id is a 404, never its data); changing a reseller (PATCH) and the
commission rules are for admins. A white-label reseller's own sell tariff (`PUT /resellers/{id}/sell-tariff`) is set
by an admin or by that reseller's own users. Support staff have no business here (403).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, status
from sqlalchemy import ColumnElement, false, func, select, true
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, Context, DbSession, require_roles
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import (
    ensure_name_free,
    error_responses,
    flush_or,
    forbidden,
    invalid,
    missing_row,
    name_taken,
    not_found,
)
from switch_service.api.routes.carriers import check_tariff
from switch_service.api.routes.router import api_router
from switch_service.api.routes.tariffs import tariff_detail
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder, Status
from switch_service.api.schemas.rates import SellTariffMarkupIn, TariffDetail
from switch_service.api.schemas.resellers import (
    CommissionBasis,
    CommissionRuleCreate,
    CommissionRuleOut,
    CommissionRulePage,
    CommissionRuleUpdate,
    ResellerCreate,
    ResellerKind,
    ResellerOut,
    ResellerPage,
    ResellerUpdate,
    check_commission_rule,
)
from switch_service.api.sorting import Order, SortKeys
from switch_service.api.visibility import reseller_subtree
from switch_service.store.models import CommissionRule, DialPlan, Reseller, ResellerLogo, Tariff, TaxProfile, User
from switch_service.store.models.enums import ResellerKind as StoreResellerKind
from switch_service.store.models.enums import Role, TariffKind
from switch_service.store.models.enums import Status as StoreStatus
from switch_service.store.repositories import ledger
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.tariff_repricing import mark_up_tariff

router = api_router(prefix="/resellers", tags=["resellers"])

Manager = Annotated[User, Depends(require_roles(Role.ADMIN, Role.RESELLER))]

_RESPONSES = error_responses(401, 403, 404)
_WRITE_RESPONSES = error_responses(401, 403, 404, 409)

_ADMIN_ONLY_FIELDS = ("tariff_id", "dial_plan_id", "tax_profile_id")


def reseller_visible(user: User) -> ColumnElement[bool]:
    """A WHERE clause limiting resellers to those the user may see: all for admins, the subtree for resellers."""
    if user.role is Role.ADMIN:
        return true()
    if user.role is not Role.RESELLER or user.reseller_id is None:
        return false()
    return Reseller.id.in_(reseller_subtree(user.reseller_id))


def _children(session: Session, reseller_ids: Sequence[int]) -> dict[int, int]:
    if not reseller_ids:
        return {}
    query = (select(Reseller.parent_id, func.count()).where(Reseller.parent_id.in_(reseller_ids))
             .group_by(Reseller.parent_id))
    return {parent_id: int(count) for parent_id, count in session.execute(query) if parent_id is not None}


def _with_logo(session: Session, reseller_ids: Sequence[int]) -> set[int]:
    if not reseller_ids:
        return set()
    return set(session.scalars(select(ResellerLogo.reseller_id).where(ResellerLogo.reseller_id.in_(reseller_ids))))


def reseller_out(reseller: Reseller, children: int, has_logo: bool = False) -> ResellerOut:
    return ResellerOut(
        id=reseller.id, name=reseller.name, parent_id=reseller.parent_id, kind=ResellerKind(reseller.kind.value),
        status=Status(reseller.status.value), balance=reseller.balance, credit_limit=reseller.credit_limit,
        available=ledger.reseller_available(reseller.balance, reseller.credit_limit), currency=reseller.currency,
        tariff_id=reseller.tariff_id, sell_tariff_id=reseller.sell_tariff_id, dial_plan_id=reseller.dial_plan_id,
        tax_profile_id=reseller.tax_profile_id, email=reseller.email, brand_name=reseller.brand_name,
        has_logo=has_logo, agent_pin_issued_at=reseller.agent_pin_issued_at, children=children,
        created_at=reseller.created_at, updated_at=reseller.updated_at,
    )


def _answer(session: Session, reseller: Reseller) -> ResellerOut:
    session.flush()
    session.refresh(reseller)
    return _one_out(session, reseller)


def _one_out(session: Session, reseller: Reseller) -> ResellerOut:
    return reseller_out(reseller, _children(session, [reseller.id]).get(reseller.id, 0),
                        reseller.id in _with_logo(session, [reseller.id]))


def _visible_reseller(session: Session, user: User, reseller_id: int) -> Reseller:
    reseller = session.scalar(select(Reseller).where(Reseller.id == reseller_id, reseller_visible(user)))
    if reseller is None:
        raise not_found("reseller", reseller_id)
    return reseller


def _check_parent(session: Session, user: User, parent_id: int) -> None:
    if session.scalar(select(Reseller.id).where(Reseller.id == parent_id, reseller_visible(user))) is None:
        raise missing_row(("body", "parent_id"), "reseller", parent_id)


def _check_dial_plan(session: Session, dial_plan_id: int | None) -> None:
    if dial_plan_id is not None and session.get(DialPlan, dial_plan_id) is None:
        raise missing_row(("body", "dial_plan_id"), "dial plan", dial_plan_id)


def _check_tax_profile(session: Session, tax_profile_id: int | None) -> None:
    if tax_profile_id is not None and session.get(TaxProfile, tax_profile_id) is None:
        raise missing_row(("body", "tax_profile_id"), "tax profile", tax_profile_id)


def _column_values(values: dict[str, Any]) -> dict[str, Any]:
    stored = dict(values)
    if "kind" in stored:
        stored["kind"] = StoreResellerKind(stored["kind"])
    if "status" in stored:
        stored["status"] = StoreStatus(stored["status"])
    return stored


# --- resellers -----------------------------------------------------------------------------------


ResellerSort = Literal["name", "kind", "status", "balance", "credit_limit"]
RESELLER_SORT: SortKeys[ResellerSort] = SortKeys(ResellerSort, {
    "name": func.lower(Reseller.name), "kind": Reseller.kind, "status": Reseller.status, "balance": Reseller.balance,
    "credit_limit": Reseller.credit_limit,
})


@router.get("", responses=_RESPONSES)
def list_resellers(
    session: DbSession,
    user: Manager,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[ResellerSort | None, RESELLER_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    q: Annotated[str | None, Query(max_length=100, description="part of the name")] = None,
    parent_id: Annotated[IdQuery, Query(description="only the direct sub-resellers of this one")] = None,
) -> ResellerPage:
    """The resellers the user may see (a reseller user: its own and those below it), by id unless sorted."""
    query = select(Reseller).where(reseller_visible(user))
    if q is not None and q.strip():
        query = query.where(Reseller.name.icontains(q.strip(), autoescape=True))
    if parent_id is not None:
        query = query.where(Reseller.parent_id == parent_id)
    rows, next_after = keyset_page(session, query, Reseller.id, after, limit,
                                   ordering=RESELLER_SORT.ordering(sort, order))
    ids = [reseller.id for reseller in rows]
    children, logos = _children(session, ids), _with_logo(session, ids)
    return ResellerPage(items=[reseller_out(r, children.get(r.id, 0), r.id in logos) for r in rows],
                        next_after=next_after)


@router.get("/{reseller_id}", responses=_RESPONSES)
def get_reseller(reseller_id: ObjectId, session: DbSession, user: Manager) -> ResellerOut:
    return _one_out(session, _visible_reseller(session, user, reseller_id))


@router.post("", status_code=status.HTTP_201_CREATED, responses=_WRITE_RESPONSES)
def create_reseller(body: ResellerCreate, session: DbSession, user: Manager, context: Context) -> ResellerOut:
    """Admins create resellers anywhere; a reseller user creates sub-resellers in its own subtree (under its own
    reseller when `parent_id` is left out), without a tariff or dial plan."""
    parent_id = body.parent_id
    if user.role is Role.RESELLER:
        assigned = [name for name in _ADMIN_ONLY_FIELDS if getattr(body, name) is not None]
        if assigned:
            raise forbidden(f"only admins assign {' and '.join(assigned)}; leave them out")
        parent_id = parent_id if parent_id is not None else user.reseller_id
    if parent_id is not None:
        _check_parent(session, user, parent_id)
    ensure_name_free(session, Reseller.name, Reseller.id, body.name, "reseller")
    check_tariff(session, "tariff_id", body.tariff_id, TariffKind.SELL)
    _check_dial_plan(session, body.dial_plan_id)
    _check_tax_profile(session, body.tax_profile_id)
    values = body.model_dump(exclude={"parent_id", "currency"})
    reseller = Reseller(**_column_values(values), parent_id=parent_id,
                        currency=body.currency or read_company(session, context.settings).currency)
    session.add(reseller)
    flush_or(session, name_taken("reseller", body.name))  # a race lost to another client creating the same name
    out = _answer(session, reseller)
    record_created(session, user, "reseller", reseller.id, out, leave_out=frozenset({"children"}))
    return out


@router.patch("/{reseller_id}", responses=_WRITE_RESPONSES)
def update_reseller(reseller_id: ObjectId, body: ResellerUpdate, session: DbSession, user: Admin) -> ResellerOut:
    """Change the fields sent. A new `parent_id` must not be the reseller itself or one below it."""
    reseller = _visible_reseller(session, user, reseller_id)
    values = body.changes()
    if "name" in values:
        ensure_name_free(session, Reseller.name, Reseller.id, values["name"], "reseller", except_id=reseller.id)
    new_parent = values.get("parent_id")
    if new_parent is not None:
        _check_parent(session, user, new_parent)
        below = select(Reseller.id).where(Reseller.id == new_parent, Reseller.id.in_(reseller_subtree(reseller.id)))
        if session.scalar(below) is not None:
            raise invalid(("body", "parent_id"),
                          f"reseller {new_parent} is {reseller.name!r} itself or below it: that would make a cycle",
                          new_parent)
    if "tariff_id" in values:
        check_tariff(session, "tariff_id", values["tariff_id"], TariffKind.SELL)
    if "dial_plan_id" in values:
        _check_dial_plan(session, values["dial_plan_id"])
    if "tax_profile_id" in values:
        _check_tax_profile(session, values["tax_profile_id"])
    changed = apply_patch(reseller, _column_values(values))
    flush_or(session, name_taken("reseller", reseller.name))
    out = _answer(session, reseller)
    if changed:
        record_audit(session, user, "update", "reseller", reseller.id, changed)
    return out


# --- a white-label reseller's own sell tariff ----------------------------------------------------


def _refuse_below_cost(body: SellTariffMarkupIn) -> None:
    """422 naming the first negative markup, unless selling below cost is allowed."""
    if body.allow_below_cost:
        return
    if body.markup_percent < 0:
        raise invalid(("body", "markup_percent"), "a negative markup sells below cost; send allow_below_cost: true "
                      "to mean it", str(body.markup_percent))
    for index, entry in enumerate(body.prefix_markups):
        if entry.percent < 0:
            raise invalid(("body", "prefix_markups", index, "percent"), f"a negative markup for prefix {entry.prefix} "
                          "sells below cost; send allow_below_cost: true to mean it", str(entry.percent))


@router.put("/{reseller_id}/sell-tariff", responses=_WRITE_RESPONSES)
def put_sell_tariff(reseller_id: ObjectId, body: SellTariffMarkupIn, session: DbSession, user: Manager) -> TariffDetail:
    """Create or refresh the white-label reseller's own sell tariff from its buy tariff (`tariff_id`): every rate
    copied with its prices and fees × (1 + markup / 100), the longest `prefix_markups` prefix first, rounded up to
    the money quantum; all in one transaction. An admin does it for any white-label reseller, a reseller user for
    its own only. Its customers are then given the tariff as their `tariff_id`."""
    reseller = _visible_reseller(session, user, reseller_id)
    if user.role is Role.RESELLER and reseller.id != user.reseller_id:
        raise forbidden("a reseller user sets only its own reseller's sell tariff")
    if reseller.kind is not StoreResellerKind.WHITE_LABEL:
        raise invalid(("path", "reseller_id"), f"reseller {reseller.name!r} is {reseller.kind.value}: only a "
                      "white_label reseller has its own sell tariff", reseller.id)
    if reseller.tariff_id is None:
        raise invalid(("path", "reseller_id"), f"reseller {reseller.name!r} has no buy tariff (tariff_id) to mark up: "
                      "an admin gives it one first", reseller.id)
    _refuse_below_cost(body)
    prefix_markups: dict[str, Decimal] = {}
    for index, entry in enumerate(body.prefix_markups):
        if entry.prefix in prefix_markups:
            raise invalid(("body", "prefix_markups", index, "prefix"), f"prefix {entry.prefix} is given twice",
                          entry.prefix)
        prefix_markups[entry.prefix] = entry.percent
    buy = session.get_one(Tariff, reseller.tariff_id)
    tariff = session.get(Tariff, reseller.sell_tariff_id) if reseller.sell_tariff_id is not None else None
    created = tariff is None
    if tariff is None:
        name = f"{reseller.name[:115]} sell"
        ensure_name_free(session, Tariff.name, Tariff.id, name, "tariff")
        tariff = Tariff(name=name, kind=TariffKind.SELL, currency=buy.currency, band_schedule_id=buy.band_schedule_id)
        session.add(tariff)
        flush_or(session, name_taken("tariff", name))
        reseller.sell_tariff_id = tariff.id
    else:
        tariff.currency, tariff.band_schedule_id = buy.currency, buy.band_schedule_id
    written = mark_up_tariff(session, buy.id, tariff.id, body.markup_percent, prefix_markups)
    session.flush()
    session.refresh(tariff)
    record_audit(session, user, "create" if created else "update", "tariff", tariff.id,
                 {"reseller_id": reseller.id, "buy_tariff_id": buy.id, "rates": written,
                  **body.model_dump(mode="json")})
    return tariff_detail(tariff, written)


# --- commission rules ----------------------------------------------------------------------------


def rule_out(rule: CommissionRule) -> CommissionRuleOut:
    return CommissionRuleOut(id=rule.id, reseller_id=rule.reseller_id, basis=CommissionBasis(rule.basis),
                             prefix=rule.prefix, percent=rule.percent, amount=rule.amount)


def _rule(session: Session, reseller_id: int, rule_id: int) -> CommissionRule:
    rule = session.scalar(select(CommissionRule).where(CommissionRule.id == rule_id,
                                                       CommissionRule.reseller_id == reseller_id))
    if rule is None:
        raise not_found("commission rule", rule_id)
    return rule


RuleSort = Literal["basis", "prefix", "percent", "amount"]
RULE_SORT: SortKeys[RuleSort] = SortKeys(RuleSort, {  # a rule without a percent (or amount) first, as NULLS FIRST
    "basis": CommissionRule.basis, "prefix": CommissionRule.prefix,
    "percent": func.coalesce(CommissionRule.percent, -1), "amount": func.coalesce(CommissionRule.amount, -1),
})


@router.get("/{reseller_id}/commission-rules", responses=_RESPONSES)
def list_commission_rules(
    reseller_id: ObjectId,
    session: DbSession,
    user: Admin,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[RuleSort | None, RULE_SORT.query()] = None,
    order: Order = SortOrder.ASC,
) -> CommissionRulePage:
    _visible_reseller(session, user, reseller_id)
    query = select(CommissionRule).where(CommissionRule.reseller_id == reseller_id)
    rows, next_after = keyset_page(session, query, CommissionRule.id, after, limit,
                                   ordering=RULE_SORT.ordering(sort, order))
    return CommissionRulePage(items=[rule_out(rule) for rule in rows], next_after=next_after)


@router.post("/{reseller_id}/commission-rules", status_code=status.HTTP_201_CREATED, responses=_RESPONSES)
def create_commission_rule(reseller_id: ObjectId, body: CommissionRuleCreate, session: DbSession,
                           user: Admin) -> CommissionRuleOut:
    _visible_reseller(session, user, reseller_id)
    rule = CommissionRule(reseller_id=reseller_id, basis=body.basis.value, prefix=body.prefix, percent=body.percent,
                          amount=body.amount)
    session.add(rule)
    session.flush()
    session.refresh(rule)
    out = rule_out(rule)
    record_created(session, user, "commission_rule", rule.id, out)
    return out


@router.patch("/{reseller_id}/commission-rules/{rule_id}", responses=_RESPONSES)
def update_commission_rule(reseller_id: ObjectId, rule_id: ObjectId, body: CommissionRuleUpdate, session: DbSession,
                           user: Admin) -> CommissionRuleOut:
    """Change the fields sent; the rule must still fit its basis (a percent, or an amount per minute)."""
    rule = _rule(session, reseller_id, rule_id)
    values = body.changes()
    basis = values.get("basis", CommissionBasis(rule.basis))
    try:
        check_commission_rule(basis, values.get("percent", rule.percent), values.get("amount", rule.amount))
    except ValueError as exc:
        raise invalid(("body",), str(exc), body.model_dump(mode="json", exclude_unset=True)) from None
    if "basis" in values:
        values["basis"] = basis.value
    changed = apply_patch(rule, values)
    session.flush()
    session.refresh(rule)
    if changed:
        record_audit(session, user, "update", "commission_rule", rule.id, changed)
    return rule_out(rule)


@router.delete("/{reseller_id}/commission-rules/{rule_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=_RESPONSES)
def delete_commission_rule(reseller_id: ObjectId, rule_id: ObjectId, session: DbSession, user: Admin) -> None:
    rule = _rule(session, reseller_id, rule_id)
    record_audit(session, user, "delete", "commission_rule", rule.id, rule_out(rule).model_dump(mode="json"))
    session.delete(rule)
