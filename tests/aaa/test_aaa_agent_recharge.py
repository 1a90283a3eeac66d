"""A retail store's agent recharges a PIN-less customer through the AAA server's RADIUS door, as our IVR's workers ask
it (radclient as the NAS), on SQLite, PostgreSQL and MariaDB. Everything is set up through the API from an empty
database: the reseller tree with its commission rules, the customers with their caller numbers, the store's agent
PIN. The agent PIN alone answers what the store may sell; with the customer's number (as dialled) and an amount it
moves the money exactly as a reseller user's recharge at the API does (customer + amount, store − its buy price,
commission lines up the tree); a customer outside the store's subtree, a recharge the store cannot pay and an
unknown number are refused with nothing written; a wrong agent PIN counts toward the caller's lockout."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.pin_lockout import LockoutRule
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.api.app import create_app
from switch_service.config import settings as settings_module
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Payment, PaymentResellerLine, PinFailure, Reseller
from switch_service.store.models.enums import PaymentKind, Role
from switch_service.store.repositories.users import add_user
from tests.aaa.test_aaa_billing_policy import PIN_KEY
from tests.aaa.test_aaa_policy_radclient import SECRET, Reply, radclient

pytestmark = [pytest.mark.databases, pytest.mark.peers]

D = Decimal
API = "/api/v1"
PASSWORD = "correct horse battery"
ACCESS = "18005550100"
AGENT_PHONE = "12025550100"  # the store's counter phone: nobody's caller number


@dataclass
class World:
    engine: Engine
    server: RadiusServer
    folder: Path
    shop: int
    wholesale: int
    maria: int  # under the shop's sub-reseller (the shop's subtree)
    omar: int  # under another top reseller
    pin: str
    sent: int = 0

    def ask(self, pin: str, number: str | None = None, amount: str | None = None, ani: str = AGENT_PHONE) -> Reply:
        """An agent's first-stage Access-Request: the PIN alone, or with the customer's number and the amount."""
        self.sent += 1
        request = self.folder / f"agent-{self.sent}.txt"
        pairs = [f'Cisco-AVPair = "agent-pin={pin}"']
        if number is not None:
            pairs.append(f'Cisco-AVPair = "agent-recharge-number={number}"')
        if amount is not None:
            pairs.append(f'Cisco-AVPair = "agent-recharge-amount={amount}"')
        request.write_text("\n".join([
            f'User-Name = "{ani}"', f'Calling-Station-Id = "{ani}"', "NAS-IP-Address = 127.0.0.1",
            f'h323-conf-id = "h323-conf-id=AGENT{self.sent:04d} 0 0 0"', f'Cisco-AVPair = "did={ACCESS}"',
            *pairs, "Message-Authenticator = 0x00"]) + "\n", encoding="utf-8")
        return radclient(self.server.auth_address[1], "auth", request)

    def money(self) -> tuple[Decimal, Decimal, Decimal, Decimal, int, int]:
        """Maria's and Omar's balances, the shop's and the wholesaler's, how many payments and reseller lines."""
        with Session(self.engine) as session:
            accounts = dict(session.execute(select(Account.id, Account.balance)).all())
            resellers = dict(session.execute(select(Reseller.id, Reseller.balance)).all())
            return (accounts[self.maria], accounts[self.omar], resellers[self.shop], resellers[self.wholesale],
                    session.scalar(select(func.count()).select_from(Payment)) or 0,
                    session.scalar(select(func.count()).select_from(PaymentResellerLine)) or 0)


def _ok(response: Any, code: int = 201) -> Any:
    assert response.status_code == code, response.text
    return response.json()


def _set_up(client: TestClient) -> dict[str, Any]:
    """Through the API: Wholesale (payment-based, 5 %) ← Corner Shop (10 % on what it sells, 50.00 credit) ←
    Kiosk ← Maria (+1 202 555 0143); Elsewhere ← Omar (+1 202 555 0177); the shop's agent PIN."""
    token = _ok(client.post(f"{API}/auth/login", json={"username": "admin", "password": PASSWORD}), 200)["token"]
    admin = {"Authorization": f"Bearer {token}"}

    def reseller(name: str, parent: int | None = None, **more: Any) -> int:
        return int(_ok(client.post(f"{API}/resellers", headers=admin,
                                   json={"name": name, "parent_id": parent, "currency": "USD", **more}))["id"])

    def rule(reseller_id: int, percent: str) -> None:
        _ok(client.post(f"{API}/resellers/{reseller_id}/commission-rules", headers=admin,
                        json={"basis": "sales_percent", "percent": percent}))

    def customer(number: str, reseller_id: int, phone: str) -> int:
        account = _ok(client.post(f"{API}/accounts", headers=admin, json={
            "number": number, "name": number, "currency": "USD", "reseller_id": reseller_id}))["id"]
        _ok(client.post(f"{API}/accounts/{account}/anis", headers=admin, json={"number": phone}))
        return int(account)

    wholesale = reseller("Wholesale", kind="payment_based")
    rule(wholesale, "5")
    shop = reseller("Corner Shop", wholesale, credit_limit="50")
    rule(shop, "10")
    kiosk = reseller("Kiosk", shop)
    elsewhere = reseller("Elsewhere")
    maria = customer("MARIA", kiosk, "+1 202 555 0143")
    omar = customer("OMAR", elsewhere, "+1 (202) 555-0177")
    pin = _ok(client.post(f"{API}/resellers/{shop}/agent-pin", headers=admin))["agent_pin"]
    return {"wholesale": wholesale, "shop": shop, "maria": maria, "omar": omar, "pin": pin}


@pytest.fixture
def world(db_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CARRIERDESK_DB_URL", raising=False)
    monkeypatch.delenv("CARRIERDESK_SECRETS", raising=False)
    with Session(db_engine) as session:  # as `carrier-switch user add` does
        add_user(session, "admin", PASSWORD, Role.ADMIN)
        session.commit()
    cipher = PinCipher(PIN_KEY)  # the one PIN key the API and the RADIUS processes read from the secret store
    with TestClient(create_app(db_engine, settings_module.load(), secrets_fallback=True, pin_cipher=cipher)) as client:
        made = _set_up(client)
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name="the IVR's workers")
    policy = BillingPolicy(db_engine, pin_cipher=cipher, lockout=LockoutRule(failures=2, did_failures=10,
                                                                              window_s=600))
    server = RadiusServer(policy, registry, auth_port=0, acct_port=0, drop_log_interval=0.0)
    server.start()
    try:
        yield World(db_engine, server, tmp_path, **made)
    finally:
        server.stop()


def _code(reply: Reply) -> tuple[str | None, str]:
    [value] = reply.attributes.get("h323-return-code", ["h323-return-code=0"])
    return reply.code, value.removeprefix("h323-return-code=")


def _credit(reply: Reply) -> tuple[Decimal, str]:
    [amount] = reply.attributes["h323-credit-amount"]
    [currency] = reply.attributes["h323-currency"]
    return D(amount.removeprefix("h323-credit-amount=")), currency.removeprefix("h323-currency=")


def test_an_agent_recharges_a_customer_of_its_subtree_and_the_money_moves_exactly(world: World) -> None:
    standing = world.ask(world.pin)
    assert standing.code == "Access-Accept", standing.stdout
    assert _credit(standing) == (D("50"), "USD")  # balance 0 + credit limit 50

    done = world.ask(world.pin, "(202) 555-0143", "20")  # as the agent keys it: national form, read as US
    assert done.code == "Access-Accept", done.stdout
    assert _credit(done) == (D("20"), "USD")  # the customer's new balance
    # Maria +20; the shop pays 20 less its 10 % (18); the wholesaler earns 5 % of the 18 it sold on (0.90)
    assert world.money() == (D("20"), D("0"), D("-18"), D("0.9"), 1, 2)
    with Session(world.engine) as session:
        payment = session.scalars(select(Payment)).one()
        assert (payment.account_id, payment.kind, payment.amount, payment.method, payment.created_by) == (
            world.maria, PaymentKind.TOPUP, D("20"), "agent", None)
        assert payment.receipt_number.startswith("R-")
        lines = session.execute(select(PaymentResellerLine.reseller_id, PaymentResellerLine.level,
                                       PaymentResellerLine.sell, PaymentResellerLine.buy,
                                       PaymentResellerLine.commission, PaymentResellerLine.balance_change)
                                .order_by(PaymentResellerLine.level)).all()
    assert [tuple(line) for line in lines] == [
        (world.shop, 1, D("20"), D("18"), D("2"), D("-18")),
        (world.wholesale, 2, D("18"), D("17.1"), D("0.9"), D("0.9"))]
    assert _credit(world.ask(world.pin)) == (D("32"), "USD")  # what the shop may still sell


def test_refusals_write_nothing(world: World) -> None:
    assert _code(world.ask(world.pin, "2025550177", "5")) == ("Access-Reject", "7")  # Omar: not the shop's
    assert _code(world.ask(world.pin, "2025550143", "60")) == ("Access-Reject", "12")  # 54 > 50 available
    assert _code(world.ask(world.pin, "2025550199", "5")) == ("Access-Reject", "1")  # nobody's number
    assert _code(world.ask(world.pin, "2025550143", "2.345")) == ("Access-Reject", "11")  # finer than a cent
    assert world.money() == (D("0"), D("0"), D("0"), D("0"), 0, 0)
    with Session(world.engine) as session:  # none of these is a wrong PIN
        assert session.scalar(select(func.count()).select_from(PinFailure)) == 0


def test_a_wrong_agent_pin_counts_toward_the_lockout(world: World) -> None:
    wrong = "".join(str((int(d) + 1) % 10) for d in world.pin)
    assert _code(world.ask(wrong)) == ("Access-Reject", "2")
    assert _code(world.ask(wrong, "2025550143", "5")) == ("Access-Reject", "10")  # the 2nd failure locks
    assert _code(world.ask(world.pin)) == ("Access-Reject", "10")  # even the right PIN, from this phone
    assert world.money() == (D("0"), D("0"), D("0"), D("0"), 0, 0)
    other_phone = world.ask(world.pin, ani="12025550101")
    assert other_phone.code == "Access-Accept", other_phone.stdout
    with Session(world.engine) as session:
        failures = session.execute(select(PinFailure.ani, PinFailure.did)).all()
    assert [tuple(row) for row in failures] == [(AGENT_PHONE, ACCESS)] * 2  # who and where, never the PIN
