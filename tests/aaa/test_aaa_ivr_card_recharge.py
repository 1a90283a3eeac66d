"""Recharge from another card through the AAA server's RADIUS door, as our IVR's workers use it (radclient as the
NAS), on SQLite, PostgreSQL and MariaDB: a PIN's first stage with `recharge-card=<other PIN>` moves the other
card's whole balance onto the PIN's account (two adjustments with receipts, the other card used up) and answers
the new balance; a PIN that cannot give is refused as a wrong PIN is (2) and counts toward the caller's lockout
(10), which then refuses the caller's own PIN too."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import PIN_KEY
from test_aaa_ivr_recharge import credit_amount
from test_aaa_pin_lockout import ACCESS, Clock, ask_pin, locking_server, return_code  # noqa: F401 - the fixture
from test_aaa_policy_radclient import Reply, radclient

from switch_service.aaa.server import RadiusServer
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, Payment
from switch_service.store.models.enums import CardStatus, PaymentKind
from switch_service.store.repositories.cards import CardBatchSpec, create_card_batch

pytestmark = [pytest.mark.databases, pytest.mark.peers]


def from_card(server: RadiusServer, folder: Path, ani: str, pin: str, *, other: str, name: str) -> Reply:
    request = folder / f"{name}.txt"
    request.write_text("\n".join([
        f'User-Name = "{ani}"', f'User-Password = "{pin}"', f'Calling-Station-Id = "{ani}"',
        "NAS-IP-Address = 127.0.0.1", f'h323-conf-id = "h323-conf-id={name} 0 0 0"',
        f'Cisco-AVPair = "did={ACCESS}"', f'Cisco-AVPair = "recharge-card={other}"',
        "Message-Authenticator = 0x00"]) + "\n", encoding="utf-8")
    return radclient(server.auth_address[1], "auth", request)


def test_another_cards_balance_moves_once_and_pins_that_cannot_give_count_toward_the_lockout(
        locking_server: tuple[RadiusServer, Clock, str], db_engine: Engine, tmp_path: Path) -> None:  # noqa: F811
    server, _clock, pin = locking_server
    cipher = PinCipher(PIN_KEY)
    with Session(db_engine) as session, session.begin():  # a second card, as POST /card-batches makes it
        account = session.get(Account, session.scalars(select(Card.account_id).order_by(Card.id).limit(1)).one())
        assert account is not None
        account_id, number, before = account.id, account.number, account.balance
        batch = create_card_batch(session, cipher, CardBatchSpec(name="gift", count=1, face_value=Decimal("7.25"),
                                                                 currency=account.currency))
        card = session.scalars(select(Card).where(Card.batch_id == batch.id)).one()
        other_id, other_account, serial = card.id, card.account_id, card.serial
        other = cipher.decrypt(card.pin_ciphertext)
    caller = "442079460402"

    answer = from_card(server, tmp_path, caller, pin, other=other, name="C1")
    assert answer.code == "Access-Accept", answer.stdout
    assert credit_amount(answer) == before + Decimal("7.25")
    with Session(db_engine) as session:
        moved = session.execute(select(Payment.account_id, Payment.kind, Payment.amount, Payment.method,
                                       Payment.reference, Payment.created_by)
                                .where(Payment.account_id.in_((account_id, other_account)))
                                .order_by(Payment.id)).all()
        assert moved == [
            (other_account, PaymentKind.ADJUSTMENT, Decimal("-7.25"), "card transfer", f"to account {number}", None),
            (account_id, PaymentKind.ADJUSTMENT, Decimal("7.25"), "card transfer", f"card {serial}", None)]
        assert all(r.startswith("R-") for r in session.scalars(select(Payment.receipt_number)
                                                               .where(Payment.account_id == account_id)))
        balances = dict(session.execute(select(Account.id, Account.balance)
                                        .where(Account.id.in_((account_id, other_account)))).all())
        assert balances == {account_id: before + Decimal("7.25"), other_account: Decimal(0)}
        assert session.scalars(select(Card.status).where(Card.id == other_id)).one() is CardStatus.USED

    again = from_card(server, tmp_path, caller, pin, other=other, name="C2")  # used up: nothing more to give
    assert (again.code, return_code(again)) == ("Access-Reject", "2")
    own = from_card(server, tmp_path, caller, pin, other=pin, name="C3")  # its own card: counted the same
    assert (own.code, return_code(own)) == ("Access-Reject", "10")  # the lockout's 2nd failure
    locked = ask_pin(server, tmp_path, caller, pin, 98)
    assert (locked.code, return_code(locked)) == ("Access-Reject", "10")  # the PIN itself is refused now
    used = ask_pin(server, tmp_path, "442079460403", other, 97)  # the used card's PIN opens nothing
    assert (used.code, return_code(used)) == ("Access-Reject", "14")
    with Session(db_engine) as session:
        assert session.scalars(select(Account.balance).where(Account.id == account_id)).one() == \
            before + Decimal("7.25")
