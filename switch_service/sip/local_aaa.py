"""The switch and its AAA in one process: the store-backed `BillingPolicy` behind a `RadiusServer` on free
loopback ports, and a `SwitchController` whose `RadiusClient` talks to it (the daemon's layout; the benchmark)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import Engine

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.sip.call_control import ControllerConfig, SwitchController


@dataclass
class LocalAaa:
    server: RadiusServer
    controller: SwitchController

    def close(self) -> None:
        self.controller.close()
        self.server.stop()


def start_local_aaa(engine: Engine, config: ControllerConfig | None = None, *, host: str = "127.0.0.1",
                    workers: int = 8, max_call_seconds: int = 14400) -> LocalAaa:
    from switch_service.aaa.billing_policy import BillingPolicy

    secret = secrets.token_bytes(16)
    registry = NasRegistry()
    registry.add(host, secret, require_message_authenticator=True, name="local switch")
    server = RadiusServer(BillingPolicy(engine, max_call_seconds=max_call_seconds), registry, host=host,
                          auth_port=0, acct_port=0, workers=workers, max_pending=4096)
    server.start()
    client = RadiusClient(host, secret, auth_port=server.auth_address[1], acct_port=server.acct_address[1],
                          timeout=2.0, retries=3)
    return LocalAaa(server, SwitchController(engine, client, config))
