"""Kamailio's dispatcher (the Debian package) in front of two `carrier-switch serve` nodes on one PostgreSQL, as
`carrier-switch cluster kamailio-config` writes it: calls spread over both nodes; one node killed with SIGKILL: only
the calls it held are lost (a survivor settles them and hangs them up), and every new call goes to the survivor —
none fails, those Kamailio sends to the dead node before its probe notices time out there and fail over.

Also: the generated configuration passes `kamailio -c`, and a bad --nodes is one clear error."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cluster_rig import CLI, FORWARD_DID, Node, prepare_demo, wait_until
from worker_ports import free_port

from switch_service.bench import cluster_failover
from switch_service.errors import UserError
from tests.conftest import IN_CI, fresh_database
from tests.sip.sip_peers import Sipp

pytestmark = pytest.mark.peers
UP_CALLS = 10  # held across the kill
NEW_CALLS = 20  # placed after it
PROBE_S = 2


def kamailio_binary() -> str:
    """Where the bench finds Kamailio; not installed is a failure in CI, a skip elsewhere."""
    try:
        return cluster_failover.kamailio_binary()
    except UserError as exc:
        if IN_CI:
            pytest.fail(f"{exc} (installer/test_peers.sh installs it)")
        pytest.skip(str(exc))


def write_config(out: Path, nodes: str, listen: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "cluster", "kamailio-config", "--nodes", nodes, "--out", str(out), "--listen", listen,
                           "--probe-interval", str(PROBE_S)], check=False, capture_output=True, text=True, timeout=60)


def test_the_generated_configuration_passes_kamailios_check(tmp_path: Path) -> None:
    binary = kamailio_binary()
    written = write_config(tmp_path / "kamailio", "127.0.0.1:5070,127.0.0.1:5080", "127.0.0.1:5090")
    assert written.returncode == 0, written.stderr
    listing = (tmp_path / "kamailio" / "dispatcher.list").read_text()
    assert "1 sip:127.0.0.1:5070 0 0\n1 sip:127.0.0.1:5080 0 0\n" in listing
    checked = subprocess.run([binary, "-c", "-f", str(tmp_path / "kamailio" / "kamailio.cfg")], check=False,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr[-3000:]


@pytest.mark.parametrize("nodes", ["127.0.0.1", "node-a:5070", "127.0.0.1:0", "127.0.0.1:5070,127.0.0.1:5070"])
def test_a_bad_node_list_is_one_clear_error(tmp_path: Path, nodes: str) -> None:
    written = write_config(tmp_path / "kamailio", nodes, "127.0.0.1:5090")
    assert written.returncode != 0 and "--nodes" in written.stderr
    assert not (tmp_path / "kamailio").exists()


def start_kamailio(binary: str, folder: Path, nodes: tuple[Node, ...],
                   started: list[subprocess.Popen[bytes]]) -> int:
    """Kamailio with the generated configuration in front of `nodes`, once it has probed them: its SIP port (chosen
    again when another test run took the first between its choice and the start)."""
    addresses = ",".join(f"127.0.0.1:{node.ports['sip_port']}" for node in nodes)
    for _ in range(5):
        port = free_port()
        written = write_config(folder / "kamailio", addresses, f"127.0.0.1:{port}")
        assert written.returncode == 0, written.stderr
        with (folder / "kamailio.log").open("wb") as log:
            process = subprocess.Popen([binary, "-DD", "-E", "-f", str(folder / "kamailio" / "kamailio.cfg"),
                                        "-Y", str(folder), "-w", str(folder)], stdout=log, stderr=log)
        started.append(process)
        time.sleep(PROBE_S * 2)  # Kamailio has probed both nodes (each answers OPTIONS 200)
        if process.poll() is None:
            return port
        assert "Address already in use" in (folder / "kamailio.log").read_text(), "Kamailio did not start"
    raise AssertionError("no free port for Kamailio")


def recovered_cdrs(node: Node) -> list[dict[str, object]]:
    return list(node.api("GET", "/cdrs?result=recovered&limit=500")["items"])


@pytest.fixture
def kamailio(tmp_path: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


@pytest.mark.slow
def test_calls_spread_over_two_nodes_and_move_to_the_survivor(tmp_path: Path, sipp: Sipp,
                                                              kamailio: list[subprocess.Popen[bytes]]) -> None:
    binary = kamailio_binary()
    url = fresh_database("postgresql", "kamailio")
    doomed, survivor = Node(tmp_path, "doomed", url), Node(tmp_path, "survivor", url)
    doomed.cli("db", "upgrade")
    doomed.cli("demo-data")
    try:
        doomed.start()
        survivor.start()
        carrier = sipp.start("carrier_answer", calls=UP_CALLS + NEW_CALLS, timeout_s=240)
        prepare_demo(doomed, carrier.port, UP_CALLS + NEW_CALLS)
        proxy_port = start_kamailio(binary, tmp_path, (doomed, survivor), kamailio)

        held = sipp.start("caller_via_proxy_wait_bye", remote_port=proxy_port, service=FORWARD_DID,
                          calls=UP_CALLS, rate=5, timeout_s=240)
        up = wait_until(lambda: calls if len(calls := survivor.live_calls()) == UP_CALLS else None, 60,
                        "the calls through Kamailio connected")
        shares = {name: sum(1 for call in up if call["node"] == name) for name in ("doomed", "survivor")}
        assert shares["doomed"] > 0 and shares["survivor"] > 0, shares  # each node carries a share
        doomed.kill()
        killed = time.monotonic()
        new = sipp.start("caller_via_proxy", remote_port=proxy_port, service=FORWARD_DID, calls=NEW_CALLS, rate=5,
                         hold_ms=500, timeout_s=240)
        assert new.wait(120) == 0, new.error_log()[-3000:]  # every new call connected, through the survivor
        print(f"shares {shares}; {NEW_CALLS} new calls at 5/s after the kill: 0 failed, done "
              f"{time.monotonic() - killed:.1f} s after it")  # the README's figure (pytest -s)
        recovered = wait_until(lambda: rows if len(rows := recovered_cdrs(survivor)) >= shares["doomed"] else None,
                               30, "the dead node's calls settled by the survivor")
        assert len(recovered) == shares["doomed"]  # lost: only the calls it held, each billed once
        answered = survivor.api("GET", "/cdrs?kind=call&result=answered&limit=500")["items"]
        assert len(answered) == NEW_CALLS
        still_up = wait_until(lambda: calls if len(calls := survivor.live_calls()) == shares["survivor"] else None, 20,
                              "the new calls' Stops")  # the last new call's Stop may still be on its way
        assert [call["node"] for call in still_up] == ["survivor"] * shares["survivor"]
        survivor.stop()  # its own held calls get their BYE now
        assert held.wait(60) == 0, held.error_log()[-3000:]  # and the dead node's got theirs from the survivor
    finally:
        doomed.stop()
        survivor.stop()
