"""The running service through the API, as the desktop's Service page uses it (admin only): components and their
restart, the log's last lines with a filter, and backups taken, downloaded and restored as jobs."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from worker_ports import service_ports

from installer import temp_service
from switch_service.store import backup
from switch_service.store.engine import make_engine

pytestmark = pytest.mark.peers  # a whole `carrier-switch serve`

API = "/api/v1"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[temp_service.TempService]:
    created = temp_service.create(tmp_path_factory.mktemp("svc"), **service_ports(), radius_processes=0,
                                  log_level="INFO", backup_keep=3, backup_interval_h=0, sip_keepalive_interval_s=0)
    created.command("demo-data")
    with temp_service.running(created):
        yield created


def login(service: temp_service.TempService, user: str, password: str) -> dict[str, str]:
    answer = requests.post(f"{service.url}{API}/auth/login", json={"username": user, "password": password},
                           timeout=10)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


@pytest.fixture(scope="module")
def admin(service: temp_service.TempService) -> dict[str, str]:
    return login(service, "admin", "demo-admin")


def finished(service: temp_service.TempService, headers: dict[str, str], job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while job["state"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
        job = requests.get(f"{service.url}{API}/jobs/{job['id']}", headers=headers, timeout=10).json()
    return job


def test_status_is_for_admins_and_names_every_component(service: temp_service.TempService,
                                                        admin: dict[str, str]) -> None:
    support = login(service, "support", "demo-support")
    assert requests.get(f"{service.url}{API}/service", headers=support, timeout=10).status_code == 403
    assert requests.get(f"{service.url}{API}/service/log", headers=support, timeout=10).status_code == 403
    status = requests.get(f"{service.url}{API}/service", headers=admin, timeout=10).json()
    assert {c["name"]: c["state"] for c in status["components"]} == {
        "node": "running", "duties": "running", "radius": "running", "sip": "running", "api": "running",
        "backups": "running", "mail": "running"}
    api = next(c for c in status["components"] if c["name"] == "api")
    assert api["ports"] == {"http": int(service.url.rsplit(":", 1)[1])}
    assert api["counters"]["requests"] >= 2
    assert status["schema_revision"] and status["version"]


def test_restart_radius_then_the_api_itself(service: temp_service.TempService, admin: dict[str, str]) -> None:
    url = f"{service.url}{API}/service/components"
    assert requests.post(f"{url}/media/restart", headers=admin, timeout=10).status_code == 404
    radius = requests.post(f"{url}/radius/restart", headers=admin, timeout=30)
    assert radius.status_code == 200 and radius.json()["state"] == "running" and radius.json()["restarts"] == 1
    api = requests.post(f"{url}/api/restart", headers=admin, timeout=30)
    assert api.status_code == 202
    deadline = time.monotonic() + 20
    while True:  # the same token works on the new API: sign-ins live in the database
        try:
            status = requests.get(f"{service.url}{API}/service", headers=admin, timeout=5).json()
            if next(c for c in status["components"] if c["name"] == "api")["restarts"] == 1:
                break
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, "the API did not come back"
        time.sleep(0.2)
    audit = requests.get(f"{service.url}{API}/service/log", headers=admin, params={"contains": "restarting"},
                         timeout=10).json()
    assert [line.split(": ", 1)[1] for line in audit["lines"]] == ["restarting radius", "restarting api"]


def test_log_tail_filters_by_text_and_level(service: temp_service.TempService, admin: dict[str, str]) -> None:
    url = f"{service.url}{API}/service/log"
    everything = requests.get(url, headers=admin, params={"lines": 2000}, timeout=10).json()
    assert everything["path"].endswith("service.log") and len(everything["lines"]) > 3
    assert any("SIP switch listening" in line for line in everything["lines"])
    warnings = requests.get(url, headers=admin, params={"level": "WARNING"}, timeout=10).json()["lines"]
    assert warnings and all(" INFO " not in line for line in warnings)
    last_two = requests.get(url, headers=admin, params={"lines": 2}, timeout=10).json()["lines"]
    assert last_two == everything["lines"][-2:]
    bad = requests.get(url, headers=admin, params={"level": "LOUD"}, timeout=10)
    assert bad.status_code == 422 and "level" in bad.text


def test_backup_job_download_and_restore(service: temp_service.TempService, admin: dict[str, str],
                                         tmp_path: Path) -> None:
    url = f"{service.url}{API}/backups"
    previous = (dt.datetime.now(dt.UTC).replace(day=1) - dt.timedelta(days=20)).strftime("%Y-%m")
    document = f"{service.url}{API}/accounts/1/statements/{previous}.pdf"
    issued = requests.get(document, headers=admin, timeout=30)
    assert issued.status_code == 200, issued.text
    job = finished(service, admin, requests.post(url, headers=admin, timeout=10).json())
    assert job["state"] == "succeeded", job
    name = job["result"]["name"]
    listed = requests.get(url, headers=admin, timeout=10).json()
    assert listed["keep"] == 3 and [b["name"] for b in listed["backups"]] == [name]
    saved = tmp_path / name
    saved.write_bytes(requests.get(f"{url}/{name}", headers=admin, timeout=30).content)
    manifest = backup.read_manifest(saved)
    assert manifest.tables["users"].rows == 2

    # a change after the backup, then the restore puts the data back as it was
    extra = requests.post(f"{service.url}{API}/users", headers=admin, timeout=10,
                          json={"username": "late", "password": "late password 1", "role": "support"})
    assert extra.status_code == 201, extra.text
    shutil.rmtree(service.folder / "data" / "documents")  # the kept PDFs lost after the backup
    job = finished(service, admin, requests.post(f"{url}/restore", headers=admin, json={"name": name},
                                                 timeout=10).json())
    assert job["state"] == "succeeded", job
    assert job["result"]["safety_backup"].endswith("-before-restore.cdbackup")
    engine = make_engine(service.db_url)
    try:
        restored = backup.table_checksums(engine)
    finally:
        engine.dispose()
    for table in ("users", "accounts", "rates", "cdrs"):
        assert restored[table] == manifest.tables[table]
    again = login(service, "admin", "demo-admin")  # the backup's users sign in
    reopened = requests.get(document, headers=again, timeout=30)  # its file came back with the restore
    assert reopened.status_code == 200 and reopened.content == issued.content, reopened.text
    assert reopened.headers["x-document-number"] == issued.headers["x-document-number"]
    status = requests.get(f"{service.url}{API}/service", headers=again, timeout=10).json()
    assert {c["name"]: c["state"] for c in status["components"]}["sip"] == "running"
    bad = requests.post(f"{url}/restore", headers=again, json={"name": "../etc/passwd"}, timeout=10)
    assert bad.status_code == 422
    missing = requests.post(f"{url}/restore", headers=again, json={"name": "nothing.cdbackup"}, timeout=10)
    assert missing.status_code == 404
