"""Vouchers: codes shown once, redemption credits the account with a receipt exactly once, even when raced."""

from __future__ import annotations

import datetime as dt
import json
import threading
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, AuditEntry, Payment, Voucher
from switch_service.store.repositories.cards import VoucherSpec, create_vouchers

URL = "/api/v1/vouchers"


def _account(api: Api, number: str = "100", reseller_id: int | None = None, currency: str = "USD") -> int:
    with Session(api.engine) as session, session.begin():
        account = Account(number=number, name=number, balance=Decimal("1.5"), currency=currency,
                          reseller_id=reseller_id)
        session.add(account)
        session.flush()
        return account.id


def _voucher(api: Api, **spec: Any) -> str:
    """A voucher made straight in the store; its code."""
    cipher: PinCipher = api.client.app.state.context.pins()  # type: ignore[attr-defined]
    with Session(api.engine) as session, session.begin():
        [(_, code)] = create_vouchers(session, cipher, VoucherSpec(**{"count": 1, "value": Decimal(5), **spec}))
        return code


def _balance(api: Api, account_id: int) -> Decimal:
    with Session(api.engine) as session:
        return session.scalars(select(Account.balance).where(Account.id == account_id)).one()


def _counts(api: Api) -> tuple[int, int, int]:
    with Session(api.engine) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[return-value]
                     for model in (Voucher, Payment, AuditEntry))


def _redeem(api: Api, headers: dict[str, Any], code: str, account_id: int) -> Any:
    return api.client.post(f"{URL}/redeem", headers=headers, json={"code": code, "account_id": account_id})


def test_admin_makes_vouchers_whose_codes_are_shown_once(api: Api, auth_header: Header,
                                                         resellers: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    response = api.client.post(URL, headers=admin, json={"count": 3, "value": "2.5", "label": "spring",
                                                         "reseller_id": resellers["north"]})
    assert response.status_code == 201, response.text
    made = response.json()
    codes = [voucher["code"] for voucher in made]
    assert len(set(codes)) == 3 and all(len(code) == 14 and code.isdigit() for code in codes)
    assert {(v["value"], v["currency"], v["label"], v["used"], v["reseller_id"]) for v in made} == {
        ("2.500000", "USD", "spring", False, resellers["north"])}
    listed = api.client.get(URL, headers=admin, params={"label": "spring"})
    assert [voucher["id"] for voucher in listed.json()["items"]] == [voucher["id"] for voucher in made]
    assert all(code not in listed.text for code in codes)
    assert "code" not in api.client.get(f"{URL}/{made[0]['id']}", headers=admin).json()
    with Session(api.engine) as session:
        changes = session.scalars(select(AuditEntry.changes).where(AuditEntry.entity == "voucher")).all()
        assert len(changes) == 3 and all(code not in change for change in changes for code in codes)
        assert json.loads(changes[0])["value"] == "2.500000"


def test_support_redeems_a_voucher_once_with_a_receipt(api: Api, auth_header: Header, users: dict[str, int]) -> None:
    account = _account(api)
    code = _voucher(api, label="promo")
    support = auth_header(api.login("support"))
    response = _redeem(api, support, f"{code[:4]}-{code[4:9]} {code[9:]}", account)
    assert response.status_code == 201, response.text
    receipt = response.json()
    assert (receipt["kind"], receipt["amount"], receipt["balance"], receipt["method"]) == (
        "voucher", "5.000000", "6.500000", "voucher")
    assert (receipt["account_id"], receipt["created_by"], receipt["note"]) == (account, users["support"], "promo")
    assert _balance(api, account) == Decimal("6.5")
    voucher = api.client.get(URL, headers=support, params={"used": True}).json()["items"]
    assert [(v["used"], v["used_by_account_id"]) for v in voucher] == [(True, account)]
    assert receipt["reference"] == f"voucher {voucher[0]['id']}"
    before = _counts(api)
    again = _redeem(api, support, code, account)
    assert again.status_code == 409
    assert again.json()["detail"].startswith(f"voucher {voucher[0]['id']} was already used on ")
    assert _counts(api) == before and _balance(api, account) == Decimal("6.5")
    with Session(api.engine) as session:
        audited = session.execute(select(AuditEntry.entity, AuditEntry.action)
                                  .where(AuditEntry.entity.in_(["payment", "voucher"])).order_by(AuditEntry.id)).all()
        assert [tuple(row) for row in audited] == [("payment", "create"), ("voucher", "redeem")]


def test_unusable_vouchers_are_refused_and_nothing_is_credited(api: Api, auth_header: Header,
                                                               resellers: dict[str, int]) -> None:
    account = _account(api, "north", resellers["north_east"])
    admin = auth_header(api.login("admin"))
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    cases = (
        (_voucher(api, currency="EUR"), 409, "is in EUR; account"),
        (_voucher(api, expires_at=past), 409, "expired on"),
        (_voucher(api, reseller_id=resellers["south"]), 404, "no voucher with this code can be used on account"),
        ("12345678901234", 404, "no voucher with this code"),
    )
    before = _counts(api)
    for code, status, message in cases:
        response = _redeem(api, admin, code, account)
        assert response.status_code == status, response.text
        assert message in response.json()["detail"]
    assert _counts(api) == before and _balance(api, account) == Decimal("1.5")
    sold_above = _voucher(api, reseller_id=resellers["north"])
    assert _redeem(api, admin, sold_above, account).status_code == 201


@pytest.mark.parametrize(("body", "field"), [
    ({"count": 0}, "count"),
    ({"count": 1001}, "count"),
    ({"value": "0"}, "value"),
    ({"value": "-3"}, "value"),
    ({"currency": "dollars"}, "currency"),
    ({"reseller_id": 999}, "reseller_id"),
    ({"expires_at": "2001-01-01T00:00:00Z"}, "expires_at"),
    ({"expires_at": "9999-12-31T23:59:59-14:00"}, "expires_at"),
    ({"code": "1234"}, "code"),
])
def test_bad_voucher_batch_is_422_naming_the_field(api: Api, auth_header: Header, body: dict[str, Any],
                                                   field: str) -> None:
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = api.client.post(URL, headers=admin, json={"count": 2, "value": "5", **body})
    assert response.status_code == 422, response.text
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _counts(api) == before


@pytest.mark.parametrize(("body", "field"), [
    ({"code": "12"}, "code"),
    ({"code": "abcdefgh"}, "code"),
    ({"code": "12345678", "account_id": 0}, "account_id"),
    ({"account_id": 1}, "code"),
])
def test_bad_redemption_is_422_naming_the_field(api: Api, auth_header: Header, body: dict[str, Any],
                                                field: str) -> None:
    account = _account(api)
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = api.client.post(f"{URL}/redeem", headers=admin, json={"account_id": account, **body})
    assert response.status_code == 422, response.text
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert _counts(api) == before


def test_racing_redemptions_credit_the_account_once(api: Api, auth_header: Header) -> None:
    account = _account(api)
    code = _voucher(api)
    headers = [auth_header(api.login(name)) for name in ("admin", "support")]
    barrier = threading.Barrier(8)
    codes: list[int] = []

    def redeem(index: int) -> None:
        barrier.wait(timeout=30)
        codes.append(_redeem(api, headers[index % 2], code, account).status_code)

    threads = [threading.Thread(target=redeem, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(codes) == [201] + [409] * 7
    assert _balance(api, account) == Decimal("6.5")
    with Session(api.engine) as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 1


def test_resellers_see_and_redeem_only_within_their_subtree(api: Api, auth_header: Header,
                                                             resellers: dict[str, int]) -> None:
    own_account = _account(api, "ne", resellers["north_east"])
    south_account = _account(api, "south", resellers["south"])
    _voucher(api, reseller_id=resellers["south"], label="south")
    code = _voucher(api, reseller_id=resellers["north"], label="north")
    north = auth_header(api.login("north"))
    listed = api.client.get(URL, headers=north).json()["items"]
    assert [voucher["label"] for voucher in listed] == ["north"]
    with Session(api.engine) as session:
        south_id = session.scalars(select(Voucher.id).where(Voucher.label == "south")).one()
    assert api.client.get(f"{URL}/{south_id}", headers=north).status_code == 404
    assert _redeem(api, north, code, south_account).status_code == 404
    assert _redeem(api, north, code, own_account).status_code == 201
    assert api.client.post(URL, headers=north, json={"count": 1, "value": "5"}).status_code == 403


def test_a_redemption_sent_again_with_its_key_answers_the_first_receipt(api: Api, auth_header: Header) -> None:
    """The clerk's redemption timed out: sent again it is not a 409 "already used" but the receipt it made."""
    account = _account(api)
    code = _voucher(api)
    support = auth_header(api.login("support"))
    keyed = {**support, "Idempotency-Key": "redeem-dialog-1"}
    first = api.client.post(f"{URL}/redeem", headers=keyed, json={"code": code, "account_id": account})
    assert first.status_code == 201
    before = _counts(api)
    again = api.client.post(f"{URL}/redeem", headers=keyed, json={"code": code, "account_id": account})
    assert (again.status_code, again.json()) == (201, first.json())
    assert _counts(api) == before and _balance(api, account) == Decimal("6.5")
    other = api.client.post(f"{URL}/redeem", headers=keyed, json={"code": _voucher(api), "account_id": account})
    assert other.status_code == 422  # another voucher with the same key: a different request
    assert _balance(api, account) == Decimal("6.5")
