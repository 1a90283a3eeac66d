"""ANI registration through the AAA server's RADIUS door, as an IVR uses it (radclient as the NAS), on SQLite,
PostgreSQL and MariaDB: a PIN's first-stage answer says whether the caller's number may be registered
(`ani-registrable=1`: the card's account has max_anis set and room, the number is nobody's); `register-ani=1` with
the PIN registers it, and a number taken or an account full is refused with why (3 in use, 7 denied)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session
from test_aaa_pin_lockout import ACCESS, Clock, locking_server, return_code  # noqa: F401 - the fixture
from test_aaa_policy_radclient import Reply, radclient

from switch_service.aaa.server import RadiusServer
from switch_service.store.models import Account, Ani, Card

pytestmark = [pytest.mark.databases, pytest.mark.peers]


def first_stage(server: RadiusServer, folder: Path, ani: str, pin: str, name: str, *, register: bool) -> Reply:
    request = folder / f"{name}.txt"
    lines = [f'User-Name = "{ani}"', f'User-Password = "{pin}"', f'Calling-Station-Id = "{ani}"',
             "NAS-IP-Address = 127.0.0.1", f'h323-conf-id = "h323-conf-id={name} 0 0 0"',
             f'Cisco-AVPair = "did={ACCESS}"', "Message-Authenticator = 0x00"]
    if register:
        lines.append('Cisco-AVPair = "register-ani=1"')
    request.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return radclient(server.auth_address[1], "auth", request)


def offered(reply: Reply) -> bool:
    return "ani-registrable=1" in reply.attributes.get("Cisco-AVPair", [])


def test_a_card_caller_registers_its_number_up_to_max_anis(locking_server: tuple[RadiusServer, Clock, str],  # noqa: F811
                                                          db_engine: Engine, tmp_path: Path) -> None:
    server, _clock, pin = locking_server
    with Session(db_engine) as session, session.begin():
        account_id = session.scalars(select(Card.account_id).order_by(Card.id).limit(1)).one()
    caller, other = "442079460301", "442079460302"
    assert not offered(first_stage(server, tmp_path, caller, pin, "A1", register=False))  # max_anis 0: no offer
    refused = first_stage(server, tmp_path, caller, pin, "A2", register=True)
    assert (refused.code, return_code(refused)) == ("Access-Reject", "7")

    with Session(db_engine) as session, session.begin():  # as the card batch's max_anis (or PATCH /accounts) does
        session.execute(update(Account).where(Account.id == account_id).values(max_anis=1))
    answer = first_stage(server, tmp_path, caller, pin, "A3", register=False)
    assert answer.code == "Access-Accept" and offered(answer), answer.stdout
    registered = first_stage(server, tmp_path, caller, pin, "A4", register=True)
    assert registered.code == "Access-Accept", registered.stdout
    with Session(db_engine) as session:
        assert session.scalars(select(Ani.number).where(Ani.account_id == account_id)).all() == [caller]
    again = first_stage(server, tmp_path, caller, pin, "A5", register=True)
    assert (again.code, return_code(again)) == ("Access-Reject", "3")  # registered already
    assert not offered(first_stage(server, tmp_path, other, pin, "A6", register=False))  # the card is full
    full = first_stage(server, tmp_path, other, pin, "A7", register=True)
    assert (full.code, return_code(full)) == ("Access-Reject", "7")
    with Session(db_engine) as session:
        assert session.scalars(select(Ani.number).where(Ani.account_id == account_id)).all() == [caller]
