"""Voucher recharge through the AAA server's RADIUS door, as our IVR's workers use it (radclient as the NAS), on
SQLite, PostgreSQL and MariaDB: a PIN's first stage with `recharge-voucher=<code>` redeems the voucher by the API's
rule (the payment with its receipt, the voucher used once) and answers the new balance; a code that cannot be used
is refused as a wrong PIN is (2), and counts toward the caller's lockout (10), which then refuses the PIN too."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import PIN_KEY
from test_aaa_pin_lockout import ACCESS, Clock, ask_pin, locking_server, return_code  # noqa: F401 - the fixture
from test_aaa_policy_radclient import Reply, radclient

from switch_service.aaa.server import RadiusServer
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, Payment, Voucher
from switch_service.store.models.enums import PaymentKind
from switch_service.store.repositories.cards import VoucherSpec, create_vouchers

pytestmark = [pytest.mark.databases, pytest.mark.peers]


def recharge(server: RadiusServer, folder: Path, ani: str, pin: str, *, code: str, name: str) -> Reply:
    request = folder / f"{name}.txt"
    request.write_text("\n".join([
        f'User-Name = "{ani}"', f'User-Password = "{pin}"', f'Calling-Station-Id = "{ani}"',
        "NAS-IP-Address = 127.0.0.1", f'h323-conf-id = "h323-conf-id={name} 0 0 0"',
        f'Cisco-AVPair = "did={ACCESS}"', f'Cisco-AVPair = "recharge-voucher={code}"',
        "Message-Authenticator = 0x00"]) + "\n", encoding="utf-8")
    return radclient(server.auth_address[1], "auth", request)


def credit_amount(reply: Reply) -> Decimal:
    [amount] = reply.attributes["h323-credit-amount"]
    return Decimal(amount.removeprefix("h323-credit-amount="))


def test_a_voucher_recharges_the_card_once_and_bad_codes_count_toward_the_lockout(
        locking_server: tuple[RadiusServer, Clock, str], db_engine: Engine, tmp_path: Path) -> None:  # noqa: F811
    server, _clock, pin = locking_server
    with Session(db_engine) as session, session.begin():  # as POST /vouchers does
        account = session.get(Account, session.scalars(select(Card.account_id).order_by(Card.id).limit(1)).one())
        assert account is not None
        account_id, before = account.id, account.balance
        [(voucher, code)] = create_vouchers(session, PinCipher(PIN_KEY),
                                            VoucherSpec(count=1, value=Decimal("10"), currency=account.currency))
        voucher_id = voucher.id
    caller = "442079460401"

    answer = recharge(server, tmp_path, caller, pin, code=code, name="V1")
    assert answer.code == "Access-Accept", answer.stdout
    assert credit_amount(answer) == before + 10
    with Session(db_engine) as session:
        payment = session.scalars(select(Payment).where(Payment.account_id == account_id)
                                  .order_by(Payment.id.desc()).limit(1)).one()
        assert (payment.kind, payment.amount, payment.reference, payment.created_by) == (
            PaymentKind.VOUCHER, Decimal("10"), f"voucher {voucher_id}", None)
        assert payment.receipt_number.startswith("R-")
        assert session.scalars(select(Voucher.used_by_account_id).where(Voucher.id == voucher_id)).one() == account_id
        assert session.scalars(select(Account.balance).where(Account.id == account_id)).one() == before + 10

    used = recharge(server, tmp_path, caller, pin, code=code, name="V2")  # the same code again: used
    assert (used.code, return_code(used)) == ("Access-Reject", "2")
    garbage = recharge(server, tmp_path, caller, pin, code="12", name="V3")  # not a code at all: counted the same
    assert (garbage.code, return_code(garbage)) == ("Access-Reject", "10")  # the lockout's 2nd failure
    locked = ask_pin(server, tmp_path, caller, pin, 99)
    assert (locked.code, return_code(locked)) == ("Access-Reject", "10")  # the PIN itself is refused now
    with Session(db_engine) as session:
        assert session.scalars(select(Account.balance).where(Account.id == account_id)).one() == before + 10
