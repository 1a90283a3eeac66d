"""A third-party gateway admitted through the product's doors: a NAS client registered through the API with its own
secret is answered by the running service (radclient sending from 127.0.0.2), within the stated reload bound and
without a restart; a source that is not registered is dropped and logged; a removed NAS is dropped again."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from cli_harness import cli_ok

from switch_service.aaa.dictionary import dictionary_dir
from switch_service.aaa.server import NAS_RELOAD_S
from tests.aaa.conftest import RadclientResult, require_binary
from tests.service.conftest import RunningService

pytestmark = pytest.mark.peers

DEMO_ANI = "13055550101"  # Maria Gonzalez in the demo data, stored destination +52 55 1234 5678
NAS_SECRET = "gateway-7-shared-secret"
ADMIN_PASSWORD = "nas-test-admin-pw"


def _api(service: RunningService, method: str, path: str, body: dict[str, Any] | None = None,
         token: str | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{service.ports['api_port']}/api/v1{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            text = answer.read()
            return answer.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _access_request(folder: Path, source: str, conf_id: str) -> Path:
    """An Access-Request for the demo ANI, sent from `source` (radclient binds to Packet-Src-IP-Address)."""
    path = folder / f"access-{source}-{conf_id}.txt"
    path.write_text(f'Packet-Src-IP-Address = {source}\nUser-Name = "{DEMO_ANI}"\nCalling-Station-Id = "{DEMO_ANI}"\n'
                    f'Called-Station-Id = ""\nh323-conf-id = "h323-conf-id={conf_id}"\nMessage-Authenticator = 0x00\n')
    return path


def _radclient(service: RunningService, request: Path, secret: str) -> RadclientResult:
    completed = subprocess.run(
        [require_binary("radclient"), "-x", "-d", str(dictionary_dir()), "-r", "1", "-t", "1", "-f", str(request),
         f"127.0.0.1:{service.ports['radius_auth_port']}", "auth", secret],
        check=False, capture_output=True, text=True, timeout=30)
    return RadclientResult(completed.returncode, completed.stdout, completed.stderr)


def _answered_within(service: RunningService, request: Path, bound: float) -> tuple[RadclientResult, float]:
    """radclient (1 s timeout) until it gets an answer or `bound` seconds passed; the last result and the wait."""
    started = time.monotonic()
    while True:
        result = _radclient(service, request, NAS_SECRET)
        waited = time.monotonic() - started
        if result.answered or waited > bound:
            return result, waited


def test_a_nas_registered_through_the_api_is_answered_without_a_restart(running_service: RunningService,
                                                                         tmp_path: Path) -> None:
    service = running_service
    cli_ok("user", "add", "boss", "--role", "admin", "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    status, login = _api(service, "POST", "/auth/login", {"username": "boss", "password": ADMIN_PASSWORD})
    assert status == 200, login
    token = login["token"]

    stranger = _radclient(service, _access_request(tmp_path, "127.0.0.3", "NAS-0"), NAS_SECRET)
    assert not stranger.answered, stranger.stdout  # the first drop of its kind: logged (later ones rate-limited)
    before = _radclient(service, _access_request(tmp_path, "127.0.0.2", "NAS-1"), NAS_SECRET)
    assert not before.answered, before.stdout

    status, nas = _api(service, "POST", "/nas-clients", {"name": "Gateway 7", "address": "127.0.0.2",
                                                         "secret": NAS_SECRET}, token)
    assert status == 201, nas
    assert "secret" not in nas and nas["secret_set"] is True

    result, waited = _answered_within(service, _access_request(tmp_path, "127.0.0.2", "NAS-2"), NAS_RELOAD_S + 4)
    assert result.reply_code() == "Access-Accept", result.stdout + result.stderr
    assert result.reply_attributes()["h323-return-code"] == ["h323-return-code=0"]
    assert "h323-credit-time" in result.reply_attributes()
    assert waited <= NAS_RELOAD_S + 2, waited

    still_a_stranger = _radclient(service, _access_request(tmp_path, "127.0.0.3", "NAS-3"), NAS_SECRET)
    assert not still_a_stranger.answered, still_a_stranger.stdout

    status, _ = _api(service, "DELETE", f"/nas-clients/{nas['id']}", token=token)
    assert status == 204
    time.sleep(NAS_RELOAD_S + 1)
    gone = _radclient(service, _access_request(tmp_path, "127.0.0.2", "NAS-4"), NAS_SECRET)
    assert not gone.answered, gone.stdout

    service.process.terminate()
    service.process.wait(timeout=20)
    log = service.log_text()
    assert "unknown_client" in log and "127.0.0.3" in log, log
    assert "NAS clients reloaded: Gateway 7 (127.0.0.2)" in log, log
    assert NAS_SECRET not in log
