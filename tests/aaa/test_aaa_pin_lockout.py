"""The IVR's PIN lockout as a third-party prepaid gateway meets it: radclient sends PIN Access-Requests (first stage,
no number) for callers on one access number, on SQLite, PostgreSQL and MariaDB. Wrong PINs are counted per caller
number and per access number within the window; a locked caller, and any caller of a locked access number, is
refused with h323-return-code 10 (retries exceeded) even with a right PIN, until the window has passed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import NOW, PIN_KEY  # tests/aaa is on sys.path (pytest prepend mode)
from test_aaa_policy_radclient import SECRET, Reply, radclient

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.pin_lockout import LockoutRule
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.security.pins import PinCipher
from switch_service.store.demo_data import load_demo_data
from switch_service.store.models import Card, PinFailure

pytestmark = [pytest.mark.databases, pytest.mark.peers]

ACCESS = "18005550100"  # the demo's access number
WINDOW_S = 600


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def locking_server(db_engine: Engine) -> Iterator[tuple[RadiusServer, Clock, str]]:
    """The demo data, a RadiusServer whose policy locks after 2 wrong PINs per caller and 3 per access number, and
    one of the demo cards' PINs."""
    cipher = PinCipher(PIN_KEY)
    with Session(db_engine) as session, session.begin():
        load_demo_data(session, cipher)
        pin = cipher.decrypt(session.scalars(select(Card.pin_ciphertext).order_by(Card.id).limit(1)).one())
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name="prepaid gateway")
    clock = Clock()
    policy = BillingPolicy(db_engine, pin_cipher=cipher, clock=clock,
                           lockout=LockoutRule(failures=2, did_failures=3, window_s=WINDOW_S))
    server = RadiusServer(policy, registry, auth_port=0, acct_port=0, drop_log_interval=0.0)
    server.start()
    try:
        yield server, clock, pin
    finally:
        server.stop()


def ask_pin(server: RadiusServer, folder: Path, ani: str, pin: str, n: int, *, dialled: str = "") -> Reply:
    """A PIN's first stage (no number), or with `dialled` a request that names the number too."""
    request = folder / f"pin-{n}.txt"
    request.write_text("\n".join([
        f'User-Name = "{ani}"', f'User-Password = "{pin}"', f'Calling-Station-Id = "{ani}"',
        "NAS-IP-Address = 127.0.0.1", f'h323-conf-id = "h323-conf-id=LOCK{n:04d} 0 0 0"',
        f'Cisco-AVPair = "did={ACCESS}"', "Message-Authenticator = 0x00",
        *([f'Called-Station-Id = "{dialled}"'] if dialled else [])]) + "\n", encoding="utf-8")
    return radclient(server.auth_address[1], "auth", request)


def return_code(reply: Reply) -> str:
    [value] = reply.attributes.get("h323-return-code", ["h323-return-code=0"])
    return value.removeprefix("h323-return-code=")


def wrong(pin: str) -> str:
    return "".join(str((int(d) + 1) % 10) for d in pin)


def test_wrong_pins_lock_the_caller_then_the_window_passes(locking_server: tuple[RadiusServer, Clock, str],
                                                          db_engine: Engine, tmp_path: Path) -> None:
    server, clock, pin = locking_server
    caller = "442079460001"
    first = ask_pin(server, tmp_path, caller, wrong(pin), 1)
    assert (first.code, return_code(first)) == ("Access-Reject", "2")  # invalid PIN: may try again
    second = ask_pin(server, tmp_path, caller, wrong(pin), 2)
    assert (second.code, return_code(second)) == ("Access-Reject", "10")  # the limit: locked from now on
    clock.now += dt.timedelta(seconds=WINDOW_S - 1)
    right = ask_pin(server, tmp_path, caller, pin, 3)
    assert (right.code, return_code(right)) == ("Access-Reject", "10")  # even the right PIN, while locked
    other = ask_pin(server, tmp_path, "442079460002", pin, 4)
    assert other.code == "Access-Accept", other.stdout  # another caller on the same access number is not
    clock.now += dt.timedelta(seconds=2)  # the window has passed the failures
    again = ask_pin(server, tmp_path, caller, pin, 5)
    assert again.code == "Access-Accept", again.stdout
    assert server.counters()["pin_failures"] == 2 and server.counters()["pin_lockouts"] == 2
    with Session(db_engine) as session:
        stored = session.execute(select(PinFailure.ani, PinFailure.did)).all()
    assert [tuple(row) for row in stored] == [(caller, ACCESS)] * 2  # who and where, never the PIN


def test_wrong_pins_from_many_callers_lock_the_access_number(locking_server: tuple[RadiusServer, Clock, str],
                                                            db_engine: Engine, tmp_path: Path) -> None:
    server, clock, pin = locking_server
    codes = [return_code(ask_pin(server, tmp_path, f"44207946010{n}", wrong(pin), n)) for n in range(3)]
    assert codes == ["2", "2", "10"]  # each caller once: the third failure on the DID locks it
    fresh = ask_pin(server, tmp_path, "442079460199", pin, 9)
    assert (fresh.code, return_code(fresh)) == ("Access-Reject", "10")
    # our own switch (a trusted NAS) handing a call on with the number and a PIN its IVR accepted before the lock
    handed = ask_pin(server, tmp_path, "442079460198", pin, 11, dialled="442071234567")
    assert handed.code == "Access-Accept", handed.stdout
    clock.now += dt.timedelta(seconds=WINDOW_S + 1)
    later = ask_pin(server, tmp_path, "442079460200", wrong(pin), 10)
    assert return_code(later) == "2"  # counting starts again; the old rows are gone
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(PinFailure)) == 1
