"""Payments: receipts, exact balances, roles, validation with nothing written, keyset paging."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, AuditEntry, Payment


def _account(api: Api, balance: str = "0", reseller_id: int | None = None) -> int:
    with Session(api.engine) as session:
        account = Account(number="100", name="Customer", balance=Decimal(balance), currency="EUR",
                          reseller_id=reseller_id)
        session.add(account)
        session.commit()
        return account.id


def _balance(api: Api, account_id: int) -> Decimal:
    with Session(api.engine) as session:
        account = session.get(Account, account_id)
        assert account is not None
        return account.balance


def _counts(api: Api) -> tuple[int, int]:
    with Session(api.engine) as session:
        payments = session.scalar(select(func.count()).select_from(Payment)) or 0
        audits = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return payments, audits


def _pay(api: Api, headers: dict[str, Any], account_id: int, **body: Any) -> Any:
    return api.client.post(f"/api/v1/accounts/{account_id}/payments", headers=headers, json=body)


def test_topup_returns_a_receipt_and_audits(api: Api, auth_header: Header, users: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api, "1.5")
    response = _pay(api, admin, account, amount="10.12", method="card", reference="TX-1", note="first")
    assert response.status_code == 201, response.text
    receipt = response.json()
    assert re.fullmatch(rf"R-{dt.datetime.now(dt.UTC).year}-\d{{6}}", receipt["receipt_number"])
    assert receipt["amount"] == "10.120000"
    assert receipt["balance"] == "11.620000"
    assert receipt["kind"] == "topup"
    assert receipt["currency"] == "EUR"
    assert (receipt["method"], receipt["reference"], receipt["note"]) == ("card", "TX-1", "first")
    assert receipt["created_by"] == users["admin"]
    assert _balance(api, account) == Decimal("11.62")
    with Session(api.engine) as session:
        payment = session.scalars(select(Payment)).one()
        assert payment.receipt_number == receipt["receipt_number"]
        assert payment.amount == Decimal("10.12")
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "payment")).one()
        assert (entry.action, entry.actor, entry.entity_id) == ("create", "admin", str(payment.id))
        assert '"balance": "11.620000"' in entry.changes


def test_balance_is_exact_after_many_payments(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api)
    receipts = set()
    for _ in range(10):
        receipts.add(_pay(api, admin, account, amount="0.1").json()["receipt_number"])
    receipts.add(_pay(api, admin, account, amount="0.000001", kind="adjustment").json()["receipt_number"])
    refund = _pay(api, admin, account, amount="0.3", kind="refund")
    assert refund.status_code == 201
    receipts.add(refund.json()["receipt_number"])
    last = _pay(api, admin, account, amount="2", kind="payment")
    receipts.add(last.json()["receipt_number"])
    assert last.json()["balance"] == "2.700001"
    assert _balance(api, account) == Decimal("2.700001")
    assert len(receipts) == 13


def test_refund_may_take_the_balance_below_zero(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api, "5")
    assert _pay(api, admin, account, amount="7.25", kind="refund").json()["balance"] == "-2.250000"


@pytest.mark.parametrize(("body", "field"), [
    ({"amount": "0"}, "amount"),
    ({"amount": "-5"}, "amount"),
    ({"amount": "1.0000001"}, "amount"),
    ({"amount": "abc"}, "amount"),
    ({"amount": "NaN"}, "amount"),
    ({"amount": "1e3"}, "amount"),  # was a top-up of 1000
    ({"amount": 12.5}, "amount"),  # a float: money is a string of digits
    ({"amount": 10}, "amount"),
    ({"amount": "Infinity"}, "amount"),
    ({"amount": " 5"}, "amount"),
    ({}, "amount"),
    ({"amount": "1", "kind": "voucher"}, "kind"),
    ({"amount": "1", "method": ""}, "method"),
    ({"amount": "1", "reference": "x" * 121}, "reference"),
    ({"amount": "1", "balance": "1000"}, "balance"),
])
def test_bad_payment_is_422_naming_the_field_and_writes_nothing(api: Api, auth_header: Header,
                                                                body: dict[str, Any], field: str) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api, "3")
    before = _counts(api)
    response = _pay(api, admin, account, **body)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _counts(api) == before
    assert _balance(api, account) == Decimal(3)


@pytest.mark.parametrize(("kind", "code"), [("topup", 201), ("payment", 201), ("refund", 403),
                                             ("adjustment", 403)])
def test_support_may_top_up_and_pay_but_not_refund_or_adjust(api: Api, auth_header: Header, kind: str,
                                                            code: int) -> None:
    support = auth_header(api.login("support"))
    account = _account(api, "10")
    before = _counts(api)
    response = _pay(api, support, account, amount="4", kind=kind)
    assert response.status_code == code, response.text
    if code == 403:
        assert response.json()["detail"] == f"the support role may not enter a {kind} (admin only)"
        assert _counts(api) == before
        assert _balance(api, account) == Decimal(10)
    else:
        assert _balance(api, account) == Decimal(14)


def test_reseller_that_cannot_pay_is_409_and_nothing_is_written(api: Api, auth_header: Header,
                                                                resellers: dict[str, int]) -> None:
    """A reseller user's recharge is taken from its reseller's balance (tests/api/test_api_reseller_money.py): the
    North reseller has nothing, in USD, and the account is in EUR."""
    north = auth_header(api.login("north"))
    account = _account(api, "1", reseller_id=resellers["north"])
    before = _counts(api)
    refused = _pay(api, north, account, amount="5")
    assert refused.status_code == 409 and "cannot sell this recharge" in refused.text
    assert _pay(api, north, account, amount="5", kind="refund").status_code == 403
    listed = api.client.get(f"/api/v1/accounts/{account}/payments", headers=north)
    assert listed.status_code == 200 and listed.json()["items"] == []
    assert _counts(api) == before
    assert _balance(api, account) == Decimal(1)


def test_unknown_account_is_404_and_nothing_is_written(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = _pay(api, admin, 4242, amount="5")
    assert response.status_code == 404
    assert response.json()["detail"] == "account 4242 does not exist"
    assert api.client.get("/api/v1/accounts/4242/payments", headers=admin).status_code == 404
    assert _counts(api) == before


def test_list_is_keyset_paged_newest_first_and_per_account(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api)
    with Session(api.engine) as session:
        other = Account(number="200", name="Other")
        session.add(other)
        session.commit()
        other_id = other.id
    made = [_pay(api, admin, account, amount=str(i + 1)).json()["id"] for i in range(7)]
    _pay(api, admin, other_id, amount="1")
    seen: list[int] = []
    after = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 3, **({"after": after} if after is not None else {})}
        body = api.client.get(f"/api/v1/accounts/{account}/payments", headers=admin, params=params).json()
        pages += 1
        seen.extend(item["id"] for item in body["items"])
        after = body["next_after"]
        if after is None:
            break
    assert seen == sorted(made, reverse=True)
    assert pages == 3
    first = api.client.get(f"/api/v1/accounts/{account}/payments", headers=admin, params={"limit": 1}).json()
    assert first["items"][0]["amount"] == "7.000000"
    assert "balance" not in first["items"][0]
    response = api.client.get(f"/api/v1/accounts/{account}/payments", headers=admin, params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_sub_cent_cash_is_refused_or_rounded_as_the_company_says(api: Api, auth_header: Header) -> None:
    """20.005 EUR at the counter: refused by default (422 naming the amount, nothing written), rounded half up to
    the cent once the company says so; an adjustment keeps every digit (it corrects a balance)."""
    admin = auth_header(api.login("admin"))
    account = _account(api, "0")
    before = _counts(api)
    refused = _pay(api, admin, account, amount="20.005")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "amount"]
    assert "EUR is paid in units of 0.01" in refused.json()["detail"][0]["msg"]
    assert _counts(api) == before and _balance(api, account) == 0
    assert api.client.patch("/api/v1/company", json={"cash_rounding": "round"}, headers=admin).status_code == 200
    rounded = _pay(api, admin, account, amount="20.005")
    assert rounded.status_code == 201 and rounded.json()["amount"] == "20.010000"
    assert _pay(api, admin, account, amount="0.004", kind="refund").status_code == 422  # rounds to nothing
    adjusted = _pay(api, admin, account, amount="0.000123", kind="adjustment")
    assert adjusted.status_code == 201 and adjusted.json()["balance"] == "20.010123"


def _pay_keyed(api: Api, headers: dict[str, Any], account_id: int, key: str, **body: Any) -> Any:
    return api.client.post(f"/api/v1/accounts/{account_id}/payments", headers={**headers, "Idempotency-Key": key},
                           json=body)


def test_a_payment_sent_again_with_its_key_answers_the_first_receipt(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api, "3")
    first = _pay_keyed(api, admin, account, "clerk-1-dialog-7", amount="5.00", note="cash at the desk")
    assert first.status_code == 201
    before = _counts(api)
    again = _pay_keyed(api, admin, account, "clerk-1-dialog-7", note="cash at the desk", amount="5.00")
    assert (again.status_code, again.json()) == (201, first.json())
    assert _counts(api) == before  # nothing written again, not even an audit entry
    assert _balance(api, account) == Decimal(8)


def test_a_kept_key_answers_its_receipt_after_the_account_stops_taking_payments(api: Api,
                                                                                auth_header: Header) -> None:
    """The account is read and its refusals checked before the key is written (the write transaction holds only
    writes); a key kept already still answers its first receipt, and a refused request keeps no key."""
    admin = auth_header(api.login("admin"))
    account = _account(api, "3")
    first = _pay_keyed(api, admin, account, "desk-2-sale-9", amount="4.00")
    assert first.status_code == 201
    path = f"/api/v1/accounts/{account}"
    assert api.client.patch(path, headers=admin, json={"status": "suspended"}).status_code == 200
    before = _counts(api)
    again = _pay_keyed(api, admin, account, "desk-2-sale-9", amount="4.00")
    assert (again.status_code, again.json()) == (201, first.json())
    refused = _pay_keyed(api, admin, account, "desk-2-sale-10", amount="4.00")
    assert refused.status_code == 409
    assert refused.json()["detail"].startswith("status: account 100 is suspended")
    assert _counts(api) == before
    assert api.client.patch(path, headers=admin, json={"status": "active"}).status_code == 200
    assert _pay_keyed(api, admin, account, "desk-2-sale-10", amount="4.00").status_code == 201  # no key was kept
    assert _balance(api, account) == Decimal(11)


def test_a_key_sent_with_another_payment_is_422_and_writes_nothing(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api, "3")
    assert _pay_keyed(api, admin, account, "k-1", amount="5.00").status_code == 201
    before = _counts(api)
    other = _pay_keyed(api, admin, account, "k-1", amount="6.00")
    assert other.status_code == 422
    [error] = other.json()["detail"]
    assert error["loc"] == ["header", "Idempotency-Key"]
    assert "different request" in error["msg"]
    assert _counts(api) == before
    assert _balance(api, account) == Decimal(8)


def test_keys_are_the_users_own_and_failed_requests_keep_none(api: Api, auth_header: Header) -> None:
    admin, support = auth_header(api.login("admin")), auth_header(api.login("support"))
    account = _account(api, "3")
    refused = _pay_keyed(api, support, account, "k-1", amount="1.00", kind="refund")  # support may not refund
    assert refused.status_code == 403
    assert _pay_keyed(api, support, account, "k-1", amount="1.00").status_code == 201  # the key was not used up
    assert _pay_keyed(api, admin, account, "k-1", amount="2.00").status_code == 201  # another user's key
    assert _balance(api, account) == Decimal(6)


@pytest.mark.parametrize("key", ["", "x" * 129, "two words", "caf\u00e9"])
def test_a_malformed_key_is_422_naming_the_header(api: Api, auth_header: Header, key: str) -> None:
    admin = auth_header(api.login("admin"))
    account = _account(api, "3")
    response = api.client.post(f"/api/v1/accounts/{account}/payments",
                               headers={**admin, "Idempotency-Key": key.encode("utf-8")}, json={"amount": "1"})
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["header", "Idempotency-Key"]]
    assert _balance(api, account) == Decimal(3)


def test_the_receipt_says_what_the_account_may_spend_after_it(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    with Session(api.engine) as session:
        account = Account(number="200", name="Held", balance=Decimal("1"), overdraft=Decimal("0.5"),
                          reserved=Decimal("1.25"), currency="EUR")
        session.add(account)
        session.commit()
        account_id = account.id
    receipt = _pay(api, admin, account_id, amount="10").json()
    assert (receipt["balance"], receipt["available"]) == ("11.000000", "10.250000")  # 11 + 0.5 - 1.25
    fetched = api.client.get(f"/api/v1/accounts/{account_id}", headers=admin).json()
    assert fetched["available"] == receipt["available"]
