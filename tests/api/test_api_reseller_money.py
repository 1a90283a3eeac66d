"""Resellers' money through the API: payment-based commissions credited with the payment, recharges sold by a
reseller user taken from its balance less its commission (409 and nothing written when it cannot pay), bad input."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, CommissionRule, Payment, PaymentResellerLine, Reseller
from switch_service.store.models.enums import ResellerKind

D = Decimal


def _account(api: Api, reseller_id: int, balance: str = "0") -> int:
    with Session(api.engine) as session, session.begin():
        account = Account(number=f"C{reseller_id}{balance}", name="Customer", balance=D(balance), currency="USD",
                          reseller_id=reseller_id)
        session.add(account)
        session.flush()
        return account.id


def _set(api: Api, reseller_id: int, *, rule: str | None = None, **values: Any) -> None:
    with Session(api.engine) as session, session.begin():
        reseller = session.get_one(Reseller, reseller_id)
        for name, value in values.items():
            setattr(reseller, name, value)
        if rule is not None:
            session.add(CommissionRule(reseller_id=reseller_id, basis="sales_percent", prefix="", percent=D(rule)))


def _money(api: Api, reseller_id: int, account_id: int) -> tuple[Decimal, Decimal, int]:
    with Session(api.engine) as session:
        return (session.get_one(Reseller, reseller_id).balance, session.get_one(Account, account_id).balance,
                session.scalar(select(func.count()).select_from(Payment)) or 0)


def test_a_payment_credits_the_payment_based_reseller_its_commission(api: Api, auth_header: Header,
                                                                    resellers: dict[str, int]) -> None:
    north, north_east = resellers["north"], resellers["north_east"]
    _set(api, north, kind=ResellerKind.PAYMENT_BASED, currency="USD", rule="5")
    account = _account(api, north_east)
    admin = auth_header(api.login("admin"))
    response = api.client.post(f"/api/v1/accounts/{account}/payments", headers=admin, json={"amount": "100"})
    assert response.status_code == 201, response.text
    assert _money(api, north, account) == (D("5"), D("100"), 1)
    with Session(api.engine) as session:
        line = session.scalars(select(PaymentResellerLine)).one()
    assert (line.reseller_id, line.level, line.sell, line.commission, line.buy, line.balance_change) == (
        north, 1, D(100), D(5), D(95), D(5))
    # a refund earns nobody anything
    refund = api.client.post(f"/api/v1/accounts/{account}/payments", headers=admin,
                             json={"amount": "10", "kind": "refund"})
    assert refund.status_code == 201, refund.text
    assert _money(api, north, account) == (D("5"), D("90"), 2)


def test_a_reseller_user_recharge_is_taken_from_its_balance_less_its_commission(
        api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    north = resellers["north"]
    _set(api, north, currency="USD", rule="10", balance=D("50"), credit_limit=D("10"))
    account = _account(api, resellers["north_east"])
    user = auth_header(api.login("north"))
    response = api.client.post(f"/api/v1/accounts/{account}/payments", headers=user, json={"amount": "40"})
    assert response.status_code == 201, response.text
    assert response.json()["balance"] == "40.000000"
    assert _money(api, north, account) == (D("14"), D("40"), 1)  # 40 less its 10 % commission
    with Session(api.engine) as session:
        line = session.scalars(select(PaymentResellerLine)).one()
    assert (line.reseller_id, line.commission, line.buy, line.balance_change) == (north, D(4), D(36), D(-36))
    # 30 takes 27; 14 + 10 credit limit = 24 is not enough: 409 saying why, nothing written
    refused = api.client.post(f"/api/v1/accounts/{account}/payments", headers=user, json={"amount": "30"})
    assert refused.status_code == 409, refused.text
    detail = str(refused.json())
    assert "24.000000 available" in detail and "takes 27.000000" in detail
    assert _money(api, north, account) == (D("14"), D("40"), 1)
    # a reseller user may not refund, and another reseller's account does not exist for it
    assert api.client.post(f"/api/v1/accounts/{account}/payments", headers=user,
                           json={"amount": "1", "kind": "refund"}).status_code == 403
    south = auth_header(api.login("south"))
    assert api.client.post(f"/api/v1/accounts/{account}/payments", headers=south,
                           json={"amount": "1"}).status_code == 404
    assert _money(api, north, account) == (D("14"), D("40"), 1)


def test_a_suspended_or_foreign_currency_reseller_sells_nothing(api: Api, auth_header: Header,
                                                                 resellers: dict[str, int]) -> None:
    north = resellers["north"]
    _set(api, north, currency="EUR", balance=D("100"))
    account = _account(api, north)
    user = auth_header(api.login("north"))
    response = api.client.post(f"/api/v1/accounts/{account}/payments", headers=user, json={"amount": "5"})
    assert response.status_code == 409 and "EUR" in response.text
    assert _money(api, north, account) == (D("100"), D("0"), 0)
