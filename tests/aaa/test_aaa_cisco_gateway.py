"""A Cisco-style gateway as the RADIUS peer, driven by radclient, on SQLite, PostgreSQL and MariaDB: its
Acct-Session-Id is its own counter (`0000A1B2`), not the h323-conf-id it authorised the call with. Accounting is
matched to the authorisation by h323-conf-id (else the call-id AV-pair): the Stop settles the call's reservation,
so the account's money is free again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import NOW  # tests/aaa is on sys.path (pytest prepend mode)
from test_aaa_policy_radclient import MARIA, UK, Reply, radclient, serving_demo

from switch_service.aaa.cisco import format_time
from switch_service.aaa.server import RadiusServer
from switch_service.store.models import Account, Ani, Cdr, LiveCall, Reservation
from switch_service.store.models.enums import ReservationStatus

pytestmark = [pytest.mark.databases, pytest.mark.peers]

GATEWAY_SESSION = "0000A1B2"  # the gateway's own accounting counter


@pytest.fixture
def gateway_server(db_engine: Engine) -> Iterator[RadiusServer]:
    with serving_demo(db_engine, "cisco gateway") as server:
        yield server


def _file(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _call(conf: str, call_id: str | None) -> list[str]:
    lines = [f'User-Name = "{MARIA}"', f'Calling-Station-Id = "{MARIA}"', f'Called-Station-Id = "{UK}"',
             "NAS-IP-Address = 127.0.0.1"]
    if conf:
        lines.append(f'h323-conf-id = "h323-conf-id={conf}"')
    if call_id:
        lines.append(f'Cisco-AVPair = "call-id={call_id}"')
    return lines


def _accounting(folder: Path, status: str, conf: str, call_id: str | None, session: str) -> Path:
    connect = NOW + dt.timedelta(seconds=5)
    lines = [f"Acct-Status-Type = {status}", f'Acct-Session-Id = "{session}"', *_call(conf, call_id),
             f'h323-setup-time = "h323-setup-time={format_time(NOW)}"',
             f'h323-connect-time = "h323-connect-time={format_time(connect)}"']
    if status == "Stop":
        lines += ["Acct-Session-Time = 95",
                  f'h323-disconnect-time = "h323-disconnect-time={format_time(connect + dt.timedelta(seconds=95))}"',
                  'h323-disconnect-cause = "h323-disconnect-cause=10"']
    return _file(folder, f"{status}-{session}.txt", lines)


def _credit_amount(reply: Reply) -> Decimal:
    [amount] = reply.attributes["h323-credit-amount"]
    return Decimal(amount.removeprefix("h323-credit-amount="))


@pytest.mark.parametrize(("conf", "call_id"), [
    ("3F0A1B2C 11223344 55667788 99AABBCC", "9C5E2A10-11D2-4A6B@192.0.2.10"),  # both, as a Cisco gateway sends
    ("", "9C5E2A10-11D2-4A6B@192.0.2.10"),  # only the call-id AV-pair
])
def test_a_stop_under_the_gateways_own_session_id_settles_the_authorised_call(
        gateway_server: RadiusServer, db_engine: Engine, tmp_path: Path, conf: str, call_id: str) -> None:
    server = gateway_server
    auth = radclient(server.auth_address[1], "auth",
                     _file(tmp_path, "auth.txt", [*_call(conf, call_id), "Message-Authenticator = 0x00"]))
    assert auth.code == "Access-Accept", auth.stdout
    assert _credit_amount(auth) == Decimal(25)  # Maria's whole balance
    key = conf or call_id
    with Session(db_engine) as session:
        held = session.scalars(select(Reservation)).one()
        assert (held.call_id, held.status) == (key, ReservationStatus.OPEN)

    for status in ("Start", "Stop"):
        answer = radclient(server.acct_address[1], "acct", _accounting(tmp_path, status, conf, call_id,
                                                                       GATEWAY_SESSION))
        assert answer.code == "Accounting-Response", answer.stdout

    with Session(db_engine) as session:
        reservation = session.scalars(select(Reservation)).one()
        account = session.get_one(Account, session.scalars(select(Ani.account_id).where(Ani.number == MARIA)).one())
        cdr = session.scalars(select(Cdr)).one()
        assert session.scalars(select(LiveCall)).all() == []
    assert (reservation.status, reservation.debited) == (ReservationStatus.SETTLED, Decimal("0.04"))
    assert (account.balance, account.reserved) == (Decimal("24.96"), Decimal(0))  # nothing left held
    assert (cdr.call_id, cdr.price, cdr.duration_s) == (key, Decimal("0.04"), 95)

    # the next call may spend everything that is left, as after a restart
    later = radclient(server.auth_address[1], "auth", _file(tmp_path, "auth-2.txt", [
        *_call(f"{conf}-2" if conf else "", f"{call_id}-2"), "Message-Authenticator = 0x00"]))
    assert later.code == "Access-Accept", later.stdout
    assert _credit_amount(later) == Decimal("24.96")
