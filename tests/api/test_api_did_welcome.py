"""An access number's own welcome prompt through the API (admins): a WAV or MP3 stored as 8 kHz mono 16-bit PCM
beside the operator's replaced prompts, served back, shown as `has_welcome`, kept with the DID when its number
changes, removed with DELETE; a bad file or a DID that is not an access number refused with a 422 naming why."""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

from api_harness import Api, Header
from sqlalchemy import select

from switch_service.store.models import AuditEntry

DATA = Path(__file__).parent.parent / "data" / "prompts"


def _put(api: Api, headers: dict[str, Any], did_id: int, data: bytes, media_type: str = "audio/mpeg") -> Any:
    return api.client.put(f"/api/v1/dids/{did_id}/welcome.wav", content=data,
                          headers={**headers, "Content-Type": media_type})


def _did(api: Api, headers: dict[str, Any], number: str, kind: str, **extra: Any) -> dict[str, Any]:
    made = api.client.post("/api/v1/dids", headers=headers, json={"number": number, "kind": kind, **extra})
    assert made.status_code == 201, made.text
    assert made.json()["has_welcome"] is False
    return dict(made.json())


def test_an_access_numbers_welcome_is_stored_converted_served_and_removed(api: Api, auth_header: Header,
                                                                           isolated_dirs: Path) -> None:
    admin = auth_header(api.login("admin"))
    did = _did(api, admin, "+1 800 555 0177", "access_number")
    other = _did(api, admin, "+1 800 555 0178", "access_number")
    url = f"/api/v1/dids/{did['id']}/welcome.wav"
    assert api.client.get(url, headers=admin).status_code == 404  # none yet: the standard welcome plays

    stored = _put(api, admin, did["id"], (DATA / "operator_hello.mp3").read_bytes())
    assert stored.status_code == 200, stored.text
    assert {k: stored.json()[k] for k in ("did_id", "number", "source_format", "sample_rate")} == {
        "did_id": did["id"], "number": "18005550177", "source_format": "MP3", "sample_rate": 8000}
    heard = api.client.get(url, headers=admin)
    assert heard.status_code == 200 and heard.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(heard.content)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 8000)
    folder = isolated_dirs / "data" / "prompts" / "_did"
    assert (folder / "18005550177.wav").read_bytes() == heard.content  # beside the replaced prompts
    assert api.client.get(f"/api/v1/dids/{did['id']}", headers=admin).json()["has_welcome"] is True
    assert api.client.get(f"/api/v1/dids/{other['id']}", headers=admin).json()["has_welcome"] is False
    assert "_did" not in {item["language"] for item in
                          api.client.get("/api/v1/ivr/prompts", headers=admin).json()["languages"]}

    renumbered = api.client.patch(f"/api/v1/dids/{did['id']}", headers=admin, json={"number": "+18005550179"})
    assert renumbered.status_code == 200 and renumbered.json()["has_welcome"] is True, renumbered.text
    assert sorted(p.name for p in folder.iterdir()) == ["18005550179.wav"]
    assert api.client.get(url, headers=admin).content == heard.content

    assert api.client.delete(url, headers=admin).status_code == 204
    assert api.client.get(url, headers=admin).status_code == 404
    assert api.client.get(f"/api/v1/dids/{did['id']}", headers=admin).json()["has_welcome"] is False
    assert api.client.delete(url, headers=admin).status_code == 404
    with api.session() as session:
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "did_welcome")
                                  .order_by(AuditEntry.id)).all()
    assert audited == ["update", "delete"]


def test_a_bad_file_or_another_kind_of_did_is_refused_naming_why(api: Api, auth_header: Header,
                                                                 isolated_dirs: Path) -> None:
    admin = auth_header(api.login("admin"))
    access = _did(api, admin, "+18005550177", "access_number")
    account = api.client.post("/api/v1/accounts", headers=admin, json={"number": "ACT-1", "name": "Payer"})
    assert account.status_code == 201, account.text
    forward = _did(api, admin, "+18005550188", "forward", account_id=account.json()["id"],
                   forward_to="+15557654321")
    silent = _put(api, admin, access["id"], (DATA / "silence.wav").read_bytes(), "audio/wav")
    assert silent.status_code == 422 and silent.json()["detail"][0]["msg"] == "the WAV file holds only silence"
    refused = _put(api, admin, forward["id"], (DATA / "operator_hello.mp3").read_bytes())
    assert refused.status_code == 422, refused.text
    assert refused.json()["detail"][0]["msg"] == ("DID 18005550188 is a forward DID: only an access number leads "
                                                   "callers to the IVR, which plays a welcome prompt")
    assert api.client.get(f"/api/v1/dids/{forward['id']}/welcome.wav", headers=admin).status_code == 422
    assert not (isolated_dirs / "data" / "prompts").exists()
    assert _put(api, admin, 999_999, (DATA / "operator_hello.mp3").read_bytes()).status_code == 404
    support = auth_header(api.login("support"))
    assert _put(api, support, access["id"], (DATA / "operator_hello.mp3").read_bytes()).status_code == 403
    assert api.client.get(f"/api/v1/dids/{access['id']}/welcome.wav", headers=support).status_code == 403


def test_the_recording_goes_with_its_did(api: Api, auth_header: Header, isolated_dirs: Path) -> None:
    """Deleting the access number drops its recording, so a new DID of the same number starts with the standard
    welcome."""
    admin = auth_header(api.login("admin"))
    did = _did(api, admin, "+18005550177", "access_number")
    assert _put(api, admin, did["id"], (DATA / "operator_hello.mp3").read_bytes()).status_code == 200
    deleted = api.client.delete(f"/api/v1/dids/{did['id']}", headers=admin)
    assert deleted.status_code == 200 and deleted.json()["outcome"] == "deleted", deleted.text
    assert not (isolated_dirs / "data" / "prompts" / "_did" / "18005550177.wav").exists()
    _did(api, admin, "+18005550177", "access_number")  # has_welcome false again (checked in _did)
