"""BillingPolicy behind the real RadiusServer, driven by Debian's radclient, over a demo-data SQLite database;
free package seconds show in the reply's credit time."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import NOW, PIN_KEY  # tests/aaa is on sys.path (pytest prepend mode)

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.cisco import format_time
from switch_service.aaa.dictionary import dictionary_dir
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.billing.periods import Period as BillingPeriod
from switch_service.billing.periods import period_start
from switch_service.security.pins import PinCipher
from switch_service.store.demo_data import load_demo_data
from switch_service.store.models import Account, AccountPackage, Ani, Cdr, Package, PackageClaim, Reservation
from switch_service.store.models.enums import Period, ReservationStatus

pytestmark = pytest.mark.peers

SECRET = b"t3st-secret"
MARIA = "13055550101"  # demo customer: 25.00 prepaid, Retail tariff, America/New_York
UK = "442071234567"  # Retail 44: 0.025/min peak, 30/6; 10:00 in New York on a Wednesday is peak
CONF = "DEMO0001 00000000 00000000 00000001"


@contextmanager
def serving_demo(engine: Engine, nas_name: str = "switch") -> Iterator[RadiusServer]:
    """The demo data loaded into `engine` (migrated, empty) and BillingPolicy behind a RadiusServer on free ports,
    the local host its NAS."""
    with Session(engine) as session, session.begin():
        load_demo_data(session, PinCipher(PIN_KEY))
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name=nas_name)
    server = RadiusServer(BillingPolicy(engine, pin_cipher=PinCipher(PIN_KEY), clock=lambda: NOW), registry,
                          auth_port=0, acct_port=0, drop_log_interval=0.0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[tuple[RadiusServer, Engine]]:
    from switch_service.store.engine import make_engine
    from switch_service.store.migrate import upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    upgrade(engine)
    try:
        with serving_demo(engine) as server:
            yield server, engine
    finally:
        engine.dispose()


class Reply:
    """What radclient -x printed: the reply code and the reply's attributes."""

    def __init__(self, stdout: str) -> None:
        self.stdout = stdout
        self.code: str | None = None
        self.attributes: dict[str, list[str]] = {}
        for line in stdout.splitlines():
            if line.startswith("Received "):
                self.code = line.split()[1]
            elif self.code and line.startswith("\t") and " = " in line:
                name, _, value = line.strip().partition(" = ")
                self.attributes.setdefault(name, []).append(value.strip('"'))


def radclient(port: int, command: str, request_file: Path) -> Reply:
    binary = shutil.which("radclient")
    if binary is None:
        pytest.skip("radclient is not installed (Debian package freeradius-utils)")
    completed = subprocess.run(
        [binary, "-x", "-d", str(dictionary_dir()), "-r", "1", "-t", "3", "-f", str(request_file),
         f"127.0.0.1:{port}", command, SECRET.decode()], capture_output=True, text=True, timeout=30, check=False)
    return Reply(completed.stdout + completed.stderr)


def _file(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _access(tmp_path: Path, ani: str) -> Path:
    return _file(tmp_path, f"access_{ani}.txt", [
        f'User-Name = "{ani}"', f'Calling-Station-Id = "{ani}"', f'Called-Station-Id = "{UK}"',
        "NAS-IP-Address = 127.0.0.1", f'h323-conf-id = "h323-conf-id={CONF}"',
        'Cisco-AVPair = "call-id=demo-1@switch"', "Message-Authenticator = 0x00"])


def _acct(tmp_path: Path, status: str) -> Path:
    connect = NOW + dt.timedelta(seconds=5)
    lines = [f"Acct-Status-Type = {status}", f'Acct-Session-Id = "{CONF}"', f'User-Name = "{MARIA}"',
             f'Calling-Station-Id = "{MARIA}"', f'Called-Station-Id = "{UK}"', "NAS-IP-Address = 127.0.0.1",
             f'h323-conf-id = "h323-conf-id={CONF}"', f'h323-setup-time = "h323-setup-time={format_time(NOW)}"',
             f'h323-connect-time = "h323-connect-time={format_time(connect)}"',
             'Cisco-AVPair = "call-id=demo-1@switch"']
    if status == "Stop":
        lines += ["Acct-Session-Time = 95",
                  f'h323-disconnect-time = "h323-disconnect-time={format_time(connect + dt.timedelta(seconds=95))}"',
                  'h323-disconnect-cause = "h323-disconnect-cause=10"']
    return _file(tmp_path, f"acct_{status}.txt", lines)


def test_radclient_accept_reject_and_accounting(demo_server: tuple[RadiusServer, Engine], tmp_path: Path) -> None:
    server, engine = demo_server
    with Session(engine) as session:
        account_id = session.scalars(select(Ani.account_id).where(Ani.number == MARIA)).one()
    result = radclient(server.auth_address[1], "auth", _access(tmp_path, MARIA))
    assert result.code == "Access-Accept", result.stdout
    attributes = result.attributes
    assert attributes["h323-return-code"] == ["h323-return-code=0"]
    assert attributes["h323-credit-time"] == ["h323-credit-time=14400"]  # 25.00 buys 1000 min: the 4 h cap
    [amount] = attributes["h323-credit-amount"]
    assert Decimal(amount.removeprefix("h323-credit-amount=")) == Decimal(25)
    assert attributes["h323-billing-model"] == ["h323-billing-model=1"]
    assert attributes["h323-currency"] == ["h323-currency=USD"]
    assert attributes["h323-preferred-lang"] == ["h323-preferred-lang=en"]
    assert "h323-redirect-number" not in attributes  # a destination was dialled
    assert "Message-Authenticator" in attributes
    with Session(engine) as session:
        reservation = session.scalars(select(Reservation)).one()
        assert (reservation.call_id, reservation.account_id) == (CONF, account_id)
        assert reservation.amount == Decimal("6.00")  # 14400 s at 0.025/min, all of it peak

    unknown = radclient(server.auth_address[1], "auth", _access(tmp_path, "19995550000"))
    assert unknown.code == "Access-Reject", unknown.stdout
    assert unknown.attributes["h323-return-code"] == ["h323-return-code=1"]
    assert "h323-credit-time" not in unknown.attributes

    for status in ("Start", "Stop"):
        answer = radclient(server.acct_address[1], "acct", _acct(tmp_path, status))
        assert answer.code == "Accounting-Response", answer.stdout
    with Session(engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        account = session.get_one(Account, account_id)
        reservation = session.scalars(select(Reservation)).one()
    # 95 s at 0.025/min billed 30/6 -> 96 s -> 0.04
    assert (cdr.call_id, cdr.price, cdr.billed_s, cdr.duration_s) == (CONF, Decimal("0.04"), 96, 95)
    assert (cdr.prefix, cdr.destination_name, cdr.result, cdr.disconnect_cause) == (
        "44", "United Kingdom", "answered", "10")
    assert (account.balance, account.reserved) == (Decimal("24.96"), Decimal(0))
    assert reservation.status is ReservationStatus.SETTLED and reservation.debited == Decimal("0.04")


def test_radclient_a_zero_balance_account_talks_for_its_free_seconds(demo_server: tuple[RadiusServer, Engine],
                                                                     tmp_path: Path) -> None:
    server, engine = demo_server
    with Session(engine) as session, session.begin():
        account = session.get_one(Account, session.scalars(select(Ani.account_id).where(Ani.number == MARIA)).one())
        account.balance = Decimal(0)
        account_id = account.id
    refused = radclient(server.auth_address[1], "auth", _access(tmp_path, MARIA))
    assert refused.code == "Access-Reject", refused.stdout
    assert refused.attributes["h323-return-code"] == ["h323-return-code=4"]  # zero balance
    with Session(engine) as session, session.begin():
        package = Package(name="UK 5 min", free_seconds=300, prefixes="44", period=Period.MONTHLY)
        session.add(package)
        session.flush()
        march = period_start(BillingPeriod.MONTHLY, NOW, ZoneInfo("America/New_York"))  # 1 March, local midnight
        session.add(AccountPackage(account_id=account_id, package_id=package.id, period_start=march))
    policy = server.policy
    assert isinstance(policy, BillingPolicy)
    policy.reload()  # the package is in the snapshot now, not within a second
    result = radclient(server.auth_address[1], "auth", _access(tmp_path, MARIA))
    assert result.code == "Access-Accept", result.stdout
    assert result.attributes["h323-credit-time"] == ["h323-credit-time=300"]  # the free seconds, no money
    with Session(engine) as session:
        assert session.scalars(select(Reservation)).all() == []  # nothing to hold
        assert session.scalars(select(PackageClaim.seconds)).all() == [300]
