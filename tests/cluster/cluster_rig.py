"""Switch nodes as an operator runs them: `carrier-switch serve --node NAME`, each in a config and data folder of
its own, all on one database; the HTTP API of each as the admin."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from cli_harness import cli_ok
from demo_api import call_api, demo_admin_token
from worker_ports import service_ports

CLI = [sys.executable, "-m", "switch_service"]
FORWARD_DID = "442079460000"  # demo data: forwarded to +1 305 555 0101, billed to Maria Gonzalez
# Short, so a survivor notices a dead node within seconds; not shorter: with 6 test workers on 2 cores a starting
# node's heartbeat once stalled past a 3 s lease, and the other node rightly took it over (its log: "lost its lease")
LEASE_S = 6
SNAPSHOT_BOUND_S = 2  # a change made through one node is used by every node 2 s later (test_snapshots_across_nodes)


class Node:
    """One `carrier-switch serve --node NAME`; `api` calls its HTTP API as the admin."""

    def __init__(self, folder: Path, name: str, database_url: str, **settings: Any) -> None:
        self.name = name
        self.env = {**os.environ, "CARRIERDESK_CONFIG_DIR": str(folder / name / "config"),
                    "CARRIERDESK_DATA_DIR": str(folder / name / "data")}
        self.settings: dict[str, Any] = {
            "database_url": database_url, "sip_host": "127.0.0.1", "radius_host": "127.0.0.1",
            "sip_keepalive_interval_s": 0, "radius_processes": 1, "ivr_max_workers": 0, "sip_test_carrier_port": 0,
            "node_lease_s": LEASE_S, "backup_interval_h": 0, **settings}
        self.config = folder / name / "config" / "config.toml"
        self.config.parent.mkdir(parents=True, exist_ok=True)
        self.ports: dict[str, int] = {}
        self.new_ports()
        self.process: subprocess.Popen[bytes] | None = None
        self.stderr = folder / name / "stderr.log"
        self.token = ""

    def new_ports(self) -> None:
        """Fresh ports, written to its config (other test runs on this machine may have taken the last ones)."""
        self.ports = service_ports()
        values = {**self.settings, **self.ports}
        self.config.write_text("".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items()))

    def cli(self, *command: str) -> str:
        return cli_ok(*command, env=self.env)

    def start(self, timeout: float = 60) -> None:
        """Start it and wait for its API (a restart waits out the lease its killed run held); a port taken between
        its choice and the start is chosen again."""
        deadline = time.monotonic() + timeout
        while True:
            with self.stderr.open("wb") as stderr:
                self.process = subprocess.Popen([*CLI, "serve", "--node", self.name], env=self.env,
                                                stdout=subprocess.DEVNULL, stderr=stderr)
            while self.process.poll() is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"{self.url}/health", timeout=1):
                        return
                except OSError:
                    time.sleep(0.2)
            failure = self.stderr.read_text()[-2000:]
            if "cannot listen" not in failure or time.monotonic() > deadline:
                raise AssertionError(f"node {self.name} did not start (exit {self.process.poll()}): {failure}")
            self.new_ports()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['api_port']}/api/v1"

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        if not self.token:
            self.token = demo_admin_token(self.url)
        return call_api(self.url, self.token, method, path, body)

    def live_calls(self) -> list[dict[str, Any]]:
        calls: list[dict[str, Any]] = []
        after = None
        while True:
            page = self.api("GET", "/live/calls?limit=500" + (f"&after={after}" if after else ""))
            calls += page["items"]
            after = page["next_after"]
            if after is None:
                return calls

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL: no BYE, no Stop, nothing settled, the lease left to run out
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def prepare_demo(node: Node, carrier_port: int, calls: int, topup: str | None = "1000.00") -> dict[str, Any]:
    """Demo data; every demo carrier's gateway is the SIPp carrier; Maria (the forwarded DID's account, answered)
    may hold `calls` calls at once and is topped up by `topup`."""
    for listed in node.api("GET", "/carriers")["items"]:
        for gateway in node.api("GET", f"/carriers/{listed['id']}/gateways"):
            node.api("PATCH", f"/carriers/{listed['id']}/gateways/{gateway['id']}",
                     {"host": "127.0.0.1", "port": carrier_port})
    maria = next(a for a in node.api("GET", "/accounts?limit=100")["items"] if a["name"] == "Maria Gonzalez")
    node.api("PATCH", f"/accounts/{maria['id']}", {"max_concurrent_calls": calls})
    if topup is not None:
        node.api("POST", f"/accounts/{maria['id']}/payments", {"amount": topup, "kind": "topup"})
    time.sleep(SNAPSHOT_BOUND_S)  # every node's switch has read the new limit (README, Cluster)
    return dict(maria)


def wait_until(probe: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)
