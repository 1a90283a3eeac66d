"""`carrier-switch backup` / `restore` carry the operator's recordings: a prompt replaced through the API
(`PUT /ivr/prompts/{lang}/{name}.wav`) and an access number's own welcome (`PUT /dids/{id}/welcome.wav`) come back,
byte for byte and served as in use by the API, in a fresh data folder after a restore into an empty database; a
recording the backup does not hold is removed there, and a recording altered inside the backup is refused."""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cli_harness import run_cli
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from switch_service.api.app import create_app
from switch_service.config import settings as settings_module
from switch_service.store.engine import make_engine
from switch_service.store.models.enums import Role
from switch_service.store.repositories.users import add_user
from tests.conftest import fresh_database

OPERATOR_MP3 = Path(__file__).parent.parent / "data" / "prompts" / "operator_hello.mp3"
ACCESS_NUMBER = "18005550100"


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--db", db)


@contextmanager
def admin_api(url: str, *, add_admin: bool) -> Iterator[TestClient]:
    """The service's API over `url` and the data folder of CARRIERDESK_DATA_DIR, signed in as an admin."""
    engine = make_engine(url)
    try:
        if add_admin:
            with Session(engine) as session:
                add_user(session, "admin", "correct horse battery", Role.ADMIN)
                session.commit()
        with TestClient(create_app(engine, settings_module.load(), secrets_fallback=True)) as client:
            token = client.post("/api/v1/auth/login", json={"username": "admin", "password": "correct horse battery"})
            assert token.status_code == 200, token.text
            client.headers["Authorization"] = f"Bearer {token.json()['token']}"
            yield client
    finally:
        engine.dispose()


def test_replaced_prompts_and_did_welcomes_survive_backup_and_restore(
        empty_db_url: str, backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    office = tmp_path / "data"  # CARRIERDESK_DATA_DIR (tests/conftest.py)
    assert run(empty_db_url, "db", "upgrade").returncode == 0
    mp3 = OPERATOR_MP3.read_bytes()
    with admin_api(empty_db_url, add_admin=True) as api:
        did = api.post("/api/v1/dids", json={"number": f"+{ACCESS_NUMBER}", "kind": "access_number"})
        assert did.status_code == 201, did.text
        for url in ("/api/v1/ivr/prompts/es/enter_pin.wav", f"/api/v1/dids/{did.json()['id']}/welcome.wav"):
            stored = api.put(url, content=mp3, headers={"Content-Type": "audio/mpeg"})
            assert stored.status_code == 200, stored.text
        served = {"prompt": api.get("/api/v1/ivr/prompts/es/enter_pin.wav").content,
                  "welcome": api.get(f"/api/v1/dids/{did.json()['id']}/welcome.wav").content}
    kept = {"prompt": office / "prompts" / "es" / "enter_pin.wav",
            "welcome": office / "prompts" / "_did" / f"{ACCESS_NUMBER}.wav"}
    assert {name: path.read_bytes() for name, path in kept.items()} == served
    (office / "prompts" / "es" / ".enter_pin.x.part").write_bytes(b"half a file")  # being written: not carried

    saved = run(empty_db_url, "backup", str(tmp_path / "office.cdbackup"))
    assert saved.returncode == 0 and "0 document files, 2 recordings" in saved.stdout, saved.stdout + saved.stderr

    elsewhere = tmp_path / "elsewhere"  # another machine: a fresh data folder, an empty database
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(elsewhere))
    stray = elsewhere / "prompts" / "fr" / "goodbye.wav"  # a recording of that folder the backup does not hold
    stray.parent.mkdir(parents=True)
    stray.write_bytes(served["prompt"])
    target = f"sqlite:///{tmp_path / 'restored.db'}" if backend == "sqlite" else fresh_database(backend, "restored")
    restored = run(target, "restore", str(tmp_path / "office.cdbackup"))
    assert restored.returncode == 0 and "0 document files, 2 recordings" in restored.stdout, restored.stderr
    assert not stray.exists() and not (elsewhere / "prompts" / "es" / ".enter_pin.x.part").exists()
    with admin_api(target, add_admin=False) as api:  # the backup's admin
        (did,) = api.get("/api/v1/dids").json()["items"]
        assert did["has_welcome"] is True
        assert api.get(f"/api/v1/dids/{did['id']}/welcome.wav").content == served["welcome"]
        (es,) = api.get("/api/v1/ivr/prompts", params={"language": "es"}).json()["languages"]
        spanish = {entry["name"]: entry for entry in es["prompts"]}
        assert spanish["enter_pin"]["replaced"] is True and spanish["goodbye"]["replaced"] is False
        assert api.get("/api/v1/ivr/prompts/es/enter_pin.wav").content == served["prompt"]
        assert api.get("/api/v1/ivr/prompts/fr/goodbye.wav").content != served["prompt"]  # the shipped one again


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_restore_refuses_a_recording_changed_inside_the_backup(empty_db_url: str, tmp_path: Path) -> None:
    assert run(empty_db_url, "db", "upgrade").returncode == 0
    recording = tmp_path / "data" / "prompts" / "en" / "welcome.wav"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"RIFF-not-checked-here")
    assert run(empty_db_url, "backup", str(tmp_path / "a.cdbackup")).returncode == 0
    with zipfile.ZipFile(tmp_path / "a.cdbackup") as source, \
            zipfile.ZipFile(tmp_path / "b.cdbackup", "w") as tampered:
        for item in source.infolist():
            data = source.read(item)
            tampered.writestr(item, b"RIFF-changed" if item.filename == "files/prompts/en/welcome.wav" else data)
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    refused = run(target, "restore", str(tmp_path / "b.cdbackup"))
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "the backup's file prompts/en/welcome.wav differs from its checksum" in refused.stderr
    assert "Traceback" not in refused.stderr
