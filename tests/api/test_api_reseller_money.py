"""Resellers' money through the API: payment-based commissions credited with the payment, recharges sold by a
reseller user taken from its balance less its commission (409 and nothing written when it cannot pay), bad input."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from api_harness import PASSWORD, Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.aaa.messages import AcctStatus
from switch_service.store.models import Account, Cdr, CommissionRule, Payment, PaymentResellerLine, Reseller
from switch_service.store.models.enums import ResellerKind, Role
from switch_service.store.repositories.users import add_user
from tests.aaa.test_aaa_billing_policy import acct, auth, build_world, make_policy
from tests.aaa.test_aaa_reseller_lines import tree

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
    lines_url = f"/api/v1/accounts/{account}/payments/{response.json()['id']}/reseller-lines"
    shown = api.client.get(lines_url, headers=user)
    assert shown.status_code == 200, shown.text
    assert shown.json()["receipt_number"] == response.json()["receipt_number"]
    assert [(item["reseller_id"], item["level"], item["commission"], item["balance_change"])
            for item in shown.json()["items"]] == [(north, 1, "4.000000", "-36.000000")]
    assert api.client.get(lines_url, headers=auth_header(api.login("admin"))).json() == shown.json()
    assert api.client.get(lines_url, headers=auth_header(api.login("support"))).status_code == 403
    assert api.client.get(lines_url, headers=auth_header(api.login("south"))).status_code == 404
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


def test_a_calls_reseller_lines_by_role(api: Api, auth_header: Header) -> None:
    """A call rated by the RADIUS policy's Stop on the API's database, then read through the API: admins see the
    whole tree, a reseller user its own subtree's lines only, support nothing, another reseller a 404."""
    world = build_world(api.engine, balance="5.00", number="LINES-1")
    ids = tree(api.engine, world.account_id)
    with Session(api.engine) as session, session.begin():
        add_user(session, "label", PASSWORD, Role.RESELLER, ids[1])
    policy = make_policy(api.engine)
    auth(policy)
    policy.account(acct(AcctStatus.STOP, seconds=180, cause=16, carrier_id=world.carrier_id))
    with Session(api.engine) as session:
        cdr_id = session.scalars(select(Cdr.id)).one()

    def lines(user: str) -> Any:
        return api.client.get(f"/api/v1/cdrs/{cdr_id}/reseller-lines", headers=auth_header(api.login(user)))

    whole = lines("admin")
    assert whole.status_code == 200, whole.text
    assert [(item["reseller_id"], item["level"], item["sell"], item["buy"], item["commission"])
            for item in whole.json()["items"]] == [
        (ids[0], 0, "0.300000", "0.264000", "0.036000"), (ids[1], 1, "0.264000", "0.210000", "0.054000"),
        (ids[2], 2, "0.210000", "0.210000", "0.000000"), (ids[3], 3, "0.210000", "0.210000", "0.000000")]
    own = lines("label")
    assert own.status_code == 200, own.text
    assert [item["reseller_id"] for item in own.json()["items"]] == [ids[0], ids[1]]
    assert "cost" not in own.text
    assert lines("support").status_code == 403
    assert lines("north").status_code == 404
    assert api.client.get(f"/api/v1/cdrs/{cdr_id + 1000}/reseller-lines",
                          headers=auth_header(api.login("admin"))).status_code == 404
    shown = api.client.get(f"/api/v1/resellers/{ids[1]}", headers=auth_header(api.login("label"))).json()
    assert (shown["balance"], shown["credit_limit"], shown["available"]) == ("0.000000", "0.000000", "0.000000")


def test_bad_money_input_is_refused_naming_the_problem_and_nothing_changes(
        api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    north, north_east = resellers["north"], resellers["north_east"]
    rules = f"/api/v1/resellers/{north}/commission-rules"

    def state() -> tuple[Any, ...]:
        with Session(api.engine) as session:
            reseller = session.get_one(Reseller, north)
            return (reseller.parent_id, reseller.credit_limit, reseller.balance,
                    session.scalar(select(func.count()).select_from(CommissionRule)),
                    session.scalar(select(func.count()).select_from(Payment)))

    before = state()
    over = api.client.post(rules, headers=admin, json={"basis": "sales_percent", "percent": "100.5"})
    assert over.status_code == 422 and "percent" in over.text
    negative = api.client.post(rules, headers=admin, json={"basis": "per_minute", "amount": "-0.01"})
    assert negative.status_code == 422 and "amount" in negative.text
    both = api.client.post(rules, headers=admin, json={"basis": "per_minute", "percent": "5"})
    assert both.status_code == 422 and "per_minute" in both.text
    credit = api.client.patch(f"/api/v1/resellers/{north}", headers=admin, json={"credit_limit": "-10"})
    assert credit.status_code == 422 and "credit_limit" in credit.text
    cycle = api.client.patch(f"/api/v1/resellers/{north}", headers=admin, json={"parent_id": north_east})
    assert cycle.status_code == 422 and "cycle" in cycle.text
    itself = api.client.patch(f"/api/v1/resellers/{north}", headers=admin, json={"parent_id": north})
    assert itself.status_code == 422 and "cycle" in itself.text
    account = _account(api, north_east)
    paid = api.client.post(f"/api/v1/accounts/{account}/payments", headers=admin, json={"amount": "-5"})
    assert paid.status_code == 422 and "amount" in paid.text
    assert state() == before
    rule = api.client.post(rules, headers=admin, json={"basis": "sales_percent", "percent": "10"}).json()
    raised = api.client.patch(f"{rules}/{rule['id']}", headers=admin, json={"percent": "101"})
    assert raised.status_code == 422 and "percent" in raised.text
    with Session(api.engine) as session:
        assert session.get_one(CommissionRule, rule["id"]).percent == D(10)


def test_a_reseller_user_activates_accounts_paid_from_its_balance(api: Api, auth_header: Header,
                                                                  resellers: dict[str, int]) -> None:
    north = resellers["north"]
    _set(api, north, currency="USD", rule="10", balance=D("30"))
    user = auth_header(api.login("north"))
    made = api.client.post("/api/v1/accounts", headers=user,
                           json={"number": "ACT-1", "name": "New customer", "currency": "USD",
                                 "initial_credit": "20"})
    assert made.status_code == 201, made.text
    assert (made.json()["reseller_id"], made.json()["balance"]) == (north, "20.000000")
    with Session(api.engine) as session:
        assert session.get_one(Reseller, north).balance == D("12")  # 20 less its 2 commission
        payment = session.scalars(select(Payment)).one()
        assert (payment.account_id, payment.amount, payment.method) == (made.json()["id"], D(20), "activation")
    # 18 more is not there (12): 409 saying why, and no account
    refused = api.client.post("/api/v1/accounts", headers=user,
                              json={"number": "ACT-2", "name": "Second", "currency": "USD", "initial_credit": "20"})
    assert refused.status_code == 409 and "12.000000 available" in refused.text
    # another reseller's subtree is not its to fill
    foreign = api.client.post("/api/v1/accounts", headers=user,
                              json={"number": "ACT-3", "name": "Third", "reseller_id": resellers["south"]})
    assert foreign.status_code == 422 and "reseller_id" in foreign.text
    with Session(api.engine) as session:
        assert session.scalar(select(func.count()).select_from(Account).where(Account.number.like("ACT-%"))) == 1
        assert session.get_one(Reseller, north).balance == D("12")


def test_a_reseller_users_card_batch_is_paid_from_its_balance(api: Api, auth_header: Header,
                                                              resellers: dict[str, int]) -> None:
    north = resellers["north"]
    _set(api, north, currency="USD", rule="10", balance=D("100"))
    user = auth_header(api.login("north"))
    batches = "/api/v1/card-batches"
    made = api.client.post(batches, headers=user, json={"name": "Shop cards", "count": 5, "face_value": "10",
                                                         "currency": "USD"})
    assert made.status_code == 202, made.text
    job = api.wait_job(user, made.json()["id"])
    assert job["state"] == "succeeded", job
    batch = api.client.get(f"{batches}/{job['result']['batch_id']}", headers=user).json()
    assert (batch["reseller_id"], batch["count"]) == (north, 5)
    with Session(api.engine) as session:
        assert session.get_one(Reseller, north).balance == D("55")  # 50 of cards less its 5 commission
        payment = session.scalars(select(Payment)).one()
        assert (payment.account_id, payment.reseller_id, payment.amount, payment.method) == (
            None, north, D(50), "card_batch")
        line = session.scalars(select(PaymentResellerLine)).one()
        assert (line.reseller_id, line.commission, line.balance_change) == (north, D(5), D(-45))
    # 100 of cards take 90: 55 is not enough, refused at once
    refused = api.client.post(batches, headers=user, json={"name": "Too many", "count": 10, "face_value": "10",
                                                            "currency": "USD"})
    assert refused.status_code == 409 and "55.000000 available" in refused.text and "take 90" in refused.text
    assert api.client.post(batches, headers=user, json={"name": "Priced", "count": 1, "face_value": "1",
                                                         "currency": "USD", "tariff_id": 1}).status_code == 403
    foreign = api.client.post(batches, headers=user, json={"name": "Foreign", "count": 1, "face_value": "1",
                                                            "currency": "USD", "reseller_id": resellers["south"]})
    assert foreign.status_code == 422 and "reseller_id" in foreign.text
    assert api.client.post(batches, headers=auth_header(api.login("support")),
                           json={"name": "Support", "count": 1, "face_value": "1"}).status_code == 403
    with Session(api.engine) as session:
        assert session.get_one(Reseller, north).balance == D("55")
        assert session.scalar(select(func.count()).select_from(Payment)) == 1
