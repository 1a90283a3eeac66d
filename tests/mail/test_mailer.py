"""E-mail notifications against a real SMTP server (aiosmtpd, started here on 127.0.0.1), on the three databases:
a low balance told once per crossing, a card batch about to expire and a carrier down told to the operator, a
statement's PDF attached, and a mail server that is down or refusing loses nothing — the notice goes out when it
takes mail again."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cli_harness import cli_ok, run_cli
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.api.app import create_app
from switch_service.config import settings as settings_module
from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings
from switch_service.mail.mailer import Mailer
from switch_service.mail.notices import document_ready
from switch_service.mail.outbox import RETRY_FIRST_S
from switch_service.store.models import Carrier, Gateway, Notification
from switch_service.store.models.enums import Role
from switch_service.store.repositories.users import add_user

PASSWORD = "correct horse battery"
OPERATOR = "noc@carrier.example"


@dataclass
class Inbox:
    """What the SMTP server took; `refuse` answers every message with a temporary failure instead."""

    messages: list[Message] = field(default_factory=list)
    refuse: bool = False

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        if self.refuse:
            return "451 4.3.0 try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


def text(message: Message) -> str:
    """The message's text as a reader sees it (its transfer encoding undone)."""
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class World:
    client: TestClient
    headers: dict[str, str]
    engine: Engine
    settings: Settings
    port: int
    now: list[dt.datetime]

    def mailer(self) -> Mailer:
        return Mailer(self.engine, self.settings, SecretStore(fallback=None), clock=lambda: self.now[0])

    def wait_job(self, job_id: str) -> str:
        deadline = time.monotonic() + 60
        while True:
            state = str(self.client.get(f"/api/v1/jobs/{job_id}", headers=self.headers).json()["state"])
            if state not in ("queued", "running") or time.monotonic() > deadline:
                return state
            time.sleep(0.05)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        response = self.client.post(f"/api/v1{path}", headers=self.headers, json=body)
        assert response.status_code in (200, 201, 202), response.text
        return response.json()


@pytest.fixture
def world(db_engine: Engine) -> Iterator[World]:
    with Session(db_engine) as session:
        add_user(session, "admin", PASSWORD, Role.ADMIN)
        session.commit()
    loaded = settings_module.load()
    port = free_port()
    settings = Settings({**loaded.values, "smtp_host": "127.0.0.1", "smtp_port": port, "smtp_security": "none",
                         "smtp_from": "billing@carrier.example", "operator_email": OPERATOR}, loaded.source)
    with TestClient(create_app(db_engine, settings, secrets_fallback=True)) as client:
        login = client.post("/api/v1/auth/login", json={"username": "admin", "password": PASSWORD})
        yield World(client, {"Authorization": f"Bearer {login.json()['token']}"}, db_engine, settings, port,
                    [dt.datetime.now(dt.UTC)])


@pytest.fixture
def inbox(world: World) -> Iterator[Inbox]:
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=world.port)
    controller.start()
    yield handler
    controller.stop()


def test_a_low_balance_is_told_once_per_crossing(world: World, inbox: Inbox) -> None:
    account = world.post("/accounts", {"number": "C1", "name": "Carmen", "email": "carmen@example.com",
                                       "language": "es", "low_balance_threshold": "5.00"})
    world.post(f"/accounts/{account['id']}/payments", {"amount": "10.00"})
    mailer = world.mailer()
    mailer.run_once()
    assert inbox.messages == []  # 10.00 available: above the threshold
    world.post(f"/accounts/{account['id']}/payments", {"amount": "7.50", "kind": "refund"})
    mailer.run_once()
    mailer.run_once()  # still low: no second notice
    [notice] = inbox.messages
    assert notice["To"] == "carmen@example.com" and notice["From"] == "billing@carrier.example"
    assert notice["Subject"] == "Carrierdesk: saldo bajo en la cuenta C1"
    assert "2.50 USD" in text(notice) and "5.00 USD" in text(notice)
    world.post(f"/accounts/{account['id']}/payments", {"amount": "20.00"})
    mailer.run_once()  # above again: the crossing is forgotten
    world.post(f"/accounts/{account['id']}/payments", {"amount": "21.00", "kind": "refund"})
    mailer.run_once()
    assert len(inbox.messages) == 2 and "1.50 USD" in text(inbox.messages[1])


def test_a_mail_server_that_is_down_or_refusing_loses_nothing(world: World) -> None:
    account = world.post("/accounts", {"number": "C2", "name": "Chen", "email": "chen@example.com",
                                       "low_balance_threshold": "1.00"})
    mailer = world.mailer()
    mailer.run_once()  # nobody listens on the port
    with Session(world.engine) as session:
        [notice] = session.scalars(select(Notification).where(Notification.account_id == account["id"])).all()
        assert notice.sent_at is None and notice.attempts == 1 and "Connection refused" in (notice.last_error or "")
    handler = Inbox(refuse=True)
    controller = Controller(handler, hostname="127.0.0.1", port=world.port)
    controller.start()
    try:
        mailer.run_once()  # not due yet: the back-off holds it
        assert mailer.failed == 1
        world.now[0] += dt.timedelta(seconds=RETRY_FIRST_S)
        mailer.run_once()  # due, and refused with 451
        assert mailer.failed == 2 and handler.messages == []
        handler.refuse = False
        world.now[0] += dt.timedelta(seconds=2 * RETRY_FIRST_S)
        mailer.run_once()
        [taken] = handler.messages
        assert taken["Subject"] == "Carrierdesk: low balance on account C2"
        mailer.run_once()
        assert len(handler.messages) == 1  # sent once
    finally:
        controller.stop()
    with Session(world.engine) as session:
        notice = session.scalars(select(Notification).where(Notification.account_id == account["id"])).one()
        assert notice.sent_at is not None and notice.attempts == 2 and notice.last_error is None


def test_the_operator_hears_of_an_expiring_batch_and_a_carrier_down(world: World, inbox: Inbox) -> None:
    world.client.patch("/api/v1/company", headers=world.headers, json={"name": "Acme Telecom"})
    expires = (world.now[0] + dt.timedelta(days=3)).replace(microsecond=0)
    job = world.post("/card-batches", {"name": "Summer", "count": 3, "face_value": "5.00",
                                       "expires_at": expires.isoformat()})
    assert world.wait_job(job["id"]) == "succeeded"
    carrier = world.post("/carriers", {"name": "Transit One"})
    world.post(f"/carriers/{carrier['id']}/gateways", {"host": "127.0.0.1", "port": 5090})
    with Session(world.engine) as session, session.begin():  # as the switch's OPTIONS keep-alive records it
        session.scalars(select(Gateway)).one().options_up = False
    mailer = world.mailer()
    mailer.run_once()
    mailer.run_once()
    subjects = sorted(message["Subject"] for message in inbox.messages)
    assert subjects == ["Acme Telecom: card batch Summer expires on " + expires.strftime("%Y-%m-%d %H:%M"),
                        "Acme Telecom: carrier Transit One is down"]
    assert {message["To"] for message in inbox.messages} == {OPERATOR}
    assert "3 of its cards have never been used" in next(
        text(m) for m in inbox.messages if "Summer" in m["Subject"])
    with Session(world.engine) as session, session.begin():  # it answers its probes again, then fails again
        session.scalars(select(Gateway)).one().options_up = True
    mailer.run_once()
    with Session(world.engine) as session, session.begin():
        session.scalars(select(Gateway)).one().options_up = False
        assert session.get_one(Carrier, carrier["id"]).down_notified_at is None
    mailer.run_once()
    assert len(inbox.messages) == 3


def test_a_statement_goes_out_with_its_pdf(world: World, inbox: Inbox, tmp_path: Path) -> None:
    pdf = tmp_path / "statement-2026-11.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a statement\n")
    with Session(world.engine) as session, session.begin():
        document_ready(session, to="ana@example.com", name="Ana", language="fr", company="Acme Telecom",
                       document="relevé 2026-11", pdf=pdf)
    world.mailer().run_once()
    [message] = inbox.messages
    assert message["Subject"] == "Acme Telecom : relevé 2026-11"
    [attachment] = [part for part in message.walk() if part.get_filename()]
    assert attachment.get_filename() == "statement-2026-11.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_payload(decode=True) == pdf.read_bytes()


def test_the_operator_checks_the_mail_settings_from_the_command_line(tmp_path: Path) -> None:
    """`carrier-switch config set` the mail server, `mail test ADDRESS`: the message arrives; with the server down
    the command says why (rc 2) and the message waits in the outbox (`mail outbox`)."""
    url = f"sqlite:///{tmp_path / 'mail.db'}"
    port = free_port()
    cli_ok("db", "upgrade", "--db", url)
    for key, value in (("smtp_host", "127.0.0.1"), ("smtp_port", str(port)), ("smtp_security", "none")):
        cli_ok("config", "set", key, value)
    refused = run_cli("mail", "test", "owner@carrier.example", "--db", url)
    assert refused.returncode == 2 and "did not take the message" in refused.stderr
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        cli_ok("mail", "test", "owner@carrier.example", "--db", url)
    finally:
        controller.stop()
    assert [m["To"] for m in handler.messages] == ["owner@carrier.example"]
    rows = [json.loads(line) for line in cli_ok("mail", "outbox", "--db", url).splitlines()]
    assert [(row["kind"], row["sent_at"] is not None, row["attempts"]) for row in rows] == [
        ("test", True, 0), ("test", False, 1)]


def test_an_issued_statement_is_mailed_with_its_pdf(world: World, inbox: Inbox) -> None:
    """A month's statement, issued when it is first asked for (the desktop, the API, the monthly run), goes to the
    account's address in its language with the very PDF the service keeps."""
    account = world.post("/accounts", {"number": "F1", "name": "Fanny", "email": "fanny@example.fr",
                                       "language": "fr"})
    first = world.now[0].replace(day=1)
    period = (first - dt.timedelta(days=1)).strftime("%Y-%m")
    response = world.client.get(f"/api/v1/accounts/{account['id']}/statements/{period}.pdf", headers=world.headers)
    assert response.status_code == 200, response.text
    number = response.headers["x-document-number"]
    world.mailer().run_once()
    [message] = inbox.messages
    assert message["To"] == "fanny@example.fr"
    assert message["Subject"] == f"Carrierdesk : relevé {number} de {period}"
    [attachment] = [part for part in message.walk() if part.get_filename()]
    assert attachment.get_filename() == f"{number}.pdf"
    assert attachment.get_payload(decode=True) == response.content


def test_a_statement_is_sent_again_on_request(world: World, inbox: Inbox) -> None:
    """POST …/statements/{period}/mail (the desktop's "Send by e-mail"): an issued month is mailed again with the
    same PDF; the current month (provisional) and an account without an address are refused, nothing queued."""
    account = world.post("/accounts", {"number": "G1", "name": "Greta", "email": "greta@example.de"})
    silent = world.post("/accounts", {"number": "G2", "name": "Gunnar"})
    first = world.now[0].replace(day=1)
    period = (first - dt.timedelta(days=1)).strftime("%Y-%m")
    sent = world.client.post(f"/api/v1/accounts/{account['id']}/statements/{period}/mail", headers=world.headers)
    assert sent.status_code == 202, sent.text  # issued by this request: its one e-mail is queued with it
    number = sent.json()["number"]
    assert sent.json() == {"number": number, "to": "greta@example.de"}
    again = world.client.post(f"/api/v1/accounts/{account['id']}/statements/{period}/mail", headers=world.headers)
    assert again.status_code == 202 and again.json()["number"] == number
    current = world.now[0].strftime("%Y-%m")
    provisional = world.client.post(f"/api/v1/accounts/{account['id']}/statements/{current}/mail",
                                    headers=world.headers)
    assert provisional.status_code == 422 and "provisional" in provisional.text
    nowhere = world.client.post(f"/api/v1/accounts/{silent['id']}/statements/{period}/mail", headers=world.headers)
    assert nowhere.status_code == 422 and "no e-mail address" in nowhere.text
    world.mailer().run_once()
    assert [m["Subject"] for m in inbox.messages] == [f"Carrierdesk: statement {number} for {period}"] * 2
    pdf = world.client.get(f"/api/v1/accounts/{account['id']}/statements/{period}.pdf", headers=world.headers)
    for message in inbox.messages:
        [attachment] = [part for part in message.walk() if part.get_filename()]
        assert attachment.get_payload(decode=True) == pdf.content
