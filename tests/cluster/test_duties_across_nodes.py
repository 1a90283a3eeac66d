"""The cluster's singleton duties (backups, mail, statements, fees) run on one node at a time, on PostgreSQL and
MariaDB: two `carrier-switch serve` nodes on one database and one SMTP server (aiosmtpd); a low-balance notice is
mailed once, by the node holding the duties; that node is killed (SIGKILL), the other takes the duties within the
lease and mails the next notice. Through the product's doors: the CLI, the HTTP API, SMTP."""

from __future__ import annotations

import email
import email.policy
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cluster_rig import LEASE_S, Node, wait_until
from worker_ports import free_port

from tests.conftest import fresh_database

pytestmark = pytest.mark.peers


@dataclass
class Inbox:
    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def to(self) -> list[str]:
        return [str(message["To"]) for message in self.messages]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port(socket.SOCK_STREAM)
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def duty_holders(node: Node) -> list[str]:
    return [listed["name"] for listed in node.api("GET", "/service/nodes")["items"] if listed["duties"]]


def mail_sent(node: Node) -> int:
    components = {part["name"]: part for part in node.api("GET", "/service")["components"]}
    assert components["duties"]["state"] == "running"
    return int(components["mail"]["counters"]["sent"])


def low_account(node: Node, number: str) -> None:
    """A new account with nothing on it and a threshold of 5.00: below it at once, so it is owed one notice."""
    node.api("POST", "/accounts", {"number": number, "name": f"Customer {number}",
                                   "email": f"{number.lower()}@example.com", "low_balance_threshold": "5.00"})


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_one_node_mails_and_a_survivor_takes_the_duties(backend: str, tmp_path: Path,
                                                        smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    url = fresh_database(backend, "duties")
    mail = {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_security": "none",
            "smtp_from": "billing@carrier.example", "mail_interval_s": 1}
    first, second = Node(tmp_path, "first", url, **mail), Node(tmp_path, "second", url, **mail)
    first.cli("db", "upgrade")
    first.cli("demo-data")
    try:
        first.start()
        second.start()
        assert duty_holders(second) == ["first"]  # the first to start took them; the second waits
        low_account(second, "LOW1")  # made through the node without the duties
        wait_until(lambda: inbox.messages, 20, "the first notice")
        time.sleep(3)  # three more mail rounds on each node: nobody mails it again
        assert inbox.to() == ["low1@example.com"]
        assert (mail_sent(first), mail_sent(second)) == (1, 0)

        first.kill()
        killed_at = time.monotonic()
        wait_until(lambda: duty_holders(second) == ["second"], 3 * LEASE_S, "the survivor taking the duties")
        took = time.monotonic() - killed_at
        print(f"{backend}: node second took the duties {took:.1f} s after the kill (lease {LEASE_S} s)")
        assert took <= LEASE_S + 2  # the lease, and a beat of the survivor (lease/5)
        listing = {line.split()[0]: line for line in second.cli("cluster", "nodes").splitlines()}
        assert "runs the duties" in listing["second"] and "runs the duties" not in listing["first"]

        low_account(second, "LOW2")
        wait_until(lambda: len(inbox.messages) == 2, 20, "the second notice")
        time.sleep(2)
        assert inbox.to() == ["low1@example.com", "low2@example.com"]
        assert mail_sent(second) == 1
    finally:
        first.stop()
        second.stop()


def test_a_clean_stop_hands_the_duties_on_at_once(tmp_path: Path) -> None:
    """A node that stops cleanly gives the duties up: the other takes them at its next beat, not a lease later."""
    url = fresh_database("postgresql", "duties_stop")
    first, second = Node(tmp_path, "first", url, node_lease_s=30), Node(tmp_path, "second", url, node_lease_s=30)
    first.cli("db", "upgrade")
    first.cli("demo-data")
    try:
        first.start()
        second.start()
        assert duty_holders(second) == ["first"]
        first.stop()
        wait_until(lambda: duty_holders(second) == ["second"], 10, "the duties handed on")  # a beat: 6 s
    finally:
        first.stop()
        second.stop()
