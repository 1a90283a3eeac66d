"""The IVR prompt sets through the API (admins): listed by language, each prompt marked as the product's or the
operator's; an operator's WAV or MP3 stored in place of a prompt as 8 kHz mono 16-bit PCM and served back; a file
that cannot be a prompt refused with a 422 naming why, nothing changed; DELETE brings the product's file back."""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import select

from switch_service.media.prompt_import import MAX_SECONDS
from switch_service.store.models import AuditEntry

DATA = Path(__file__).parent.parent / "data" / "prompts"
SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "prompts"
URL = "/api/v1/ivr/prompts"


def _put(api: Api, headers: dict[str, Any], path: str, data: bytes, media_type: str = "audio/wav") -> Any:
    return api.client.put(f"{URL}/{path}", content=data, headers={**headers, "Content-Type": media_type})


def _wav_format(data: bytes) -> tuple[int, int, int, float]:
    with wave.open(io.BytesIO(data)) as wav:
        return wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes() / wav.getframerate()


def _tone(seconds: float, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / rate)))
                                 for n in range(int(seconds * rate))))
    return out.getvalue()


def _listed(api: Api, headers: dict[str, Any], language: str) -> dict[str, dict[str, Any]]:
    answer = api.client.get(URL, headers=headers, params={"language": language})
    assert answer.status_code == 200, answer.text
    (only,) = answer.json()["languages"]
    return {prompt["name"]: prompt for prompt in only["prompts"]}


def test_the_prompt_sets_are_listed_by_language(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    answer = api.client.get(URL, headers=admin)
    assert answer.status_code == 200, answer.text
    languages = {item["language"]: item for item in answer.json()["languages"]}
    assert len(languages) >= 25 and {"en", "es", "fr", "de", "ar", "hi", "zh"} <= set(languages)
    assert (languages["es"]["name"], languages["es"]["native_name"]) == ("Spanish", "español")
    english = {prompt["name"]: prompt for prompt in languages["en"]["prompts"]}
    assert len(english) == len(list((SHIPPED / "en").glob("*.wav")))
    assert english["enter_pin"] == {"name": "enter_pin", "text": "Please enter your PIN, followed by the hash key.",
                                    "replaced": False, "shipped": True}
    assert languages["en"]["replaced"] == 0
    assert api.client.get(URL, headers=admin, params={"language": "xx"}).status_code == 404


def test_an_mp3_replaces_a_prompt_and_delete_restores_it(api: Api, auth_header: Header,
                                                          isolated_dirs: Path) -> None:
    admin = auth_header(api.login("admin"))
    shipped = (SHIPPED / "es" / "invalid_pin.wav").read_bytes()
    before = api.client.get(f"{URL}/es/invalid_pin.wav", headers=admin)
    assert before.status_code == 200 and before.content == shipped
    assert before.headers["x-prompt-replaced"] == "false"

    stored = _put(api, admin, "es/invalid_pin.wav", (DATA / "operator_hello.mp3").read_bytes(), "audio/mpeg")
    assert stored.status_code == 200, stored.text
    assert {k: stored.json()[k] for k in ("language", "name", "source_format", "sample_rate")} == {
        "language": "es", "name": "invalid_pin", "source_format": "MP3", "sample_rate": 8000}
    heard = api.client.get(f"{URL}/es/invalid_pin.wav", headers=admin)
    assert heard.headers["x-prompt-replaced"] == "true" and heard.headers["content-type"] == "audio/wav"
    channels, width, rate, seconds = _wav_format(heard.content)
    assert (channels, width, rate) == (1, 2, 8000)  # a 22 kHz stereo MP3 came in
    assert seconds == pytest.approx(2.8, abs=0.15) == stored.json()["seconds"]
    assert (isolated_dirs / "data" / "prompts" / "es" / "invalid_pin.wav").read_bytes() == heard.content
    listed = _listed(api, admin, "es")
    assert listed["invalid_pin"]["replaced"] is True and listed["enter_pin"]["replaced"] is False
    assert api.client.get(f"{URL}/fr/invalid_pin.wav", headers=admin).content != heard.content  # one language

    wav = _put(api, admin, "es/invalid_pin.wav", (DATA / "operator_hello_44k_stereo.wav").read_bytes())
    assert wav.status_code == 200 and wav.json()["source_format"] == "WAV", wav.text
    assert _wav_format(api.client.get(f"{URL}/es/invalid_pin.wav", headers=admin).content)[:3] == (1, 2, 8000)

    assert api.client.delete(f"{URL}/es/invalid_pin.wav", headers=admin).status_code == 204
    after = api.client.get(f"{URL}/es/invalid_pin.wav", headers=admin)
    assert after.content == shipped and after.headers["x-prompt-replaced"] == "false"
    assert _listed(api, admin, "es")["invalid_pin"]["replaced"] is False
    assert api.client.delete(f"{URL}/es/invalid_pin.wav", headers=admin).status_code == 404
    with api.session() as session:
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "ivr_prompt")
                                  .order_by(AuditEntry.id)).all()
    assert audited == ["update", "update", "delete"]


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "the file is empty"),
    (b"Name,Prefix\nUSA,1\n", "not a WAV or MP3 file"),
    ((DATA / "not_audio.wav").read_bytes(), "the WAV file cannot be read (damaged, or an encoding WAV players do "
                                           "not know)"),
    ((DATA / "silence.wav").read_bytes(), "the WAV file holds only silence"),
    (_tone(MAX_SECONDS + 1.5), f"the recording is 122 s long; a prompt may last {MAX_SECONDS} s at most"),
], ids=["empty", "text", "damaged", "silent", "too-long"])
def test_a_bad_file_is_refused_naming_why_and_nothing_changes(api: Api, auth_header: Header, isolated_dirs: Path,
                                                              data: bytes, reason: str) -> None:
    admin = auth_header(api.login("admin"))
    refused = _put(api, admin, "en/enter_pin.wav", data)
    assert refused.status_code == 422, refused.text
    assert refused.json()["detail"][0]["msg"] == reason
    assert api.client.get(f"{URL}/en/enter_pin.wav", headers=admin).content == (
        SHIPPED / "en" / "enter_pin.wav").read_bytes()
    assert not (isolated_dirs / "data" / "prompts").exists()


def test_unknown_prompts_and_other_roles_are_refused(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tone = _tone(1.0)
    assert _put(api, admin, "en/no_such_prompt.wav", tone).status_code == 404
    assert _put(api, admin, "xx/enter_pin.wav", tone).status_code == 404
    assert api.client.get(f"{URL}/en/no_such_prompt.wav", headers=admin).status_code == 404
    assert _put(api, admin, "en/..%2Fen%2Fenter_pin.wav", tone).status_code in (404, 422)
    for user in ("support", "north"):
        other = auth_header(api.login(user))
        assert api.client.get(URL, headers=other).status_code == 403
        assert api.client.get(f"{URL}/en/enter_pin.wav", headers=other).status_code == 403
        assert _put(api, other, "en/enter_pin.wav", tone).status_code == 403
        assert api.client.delete(f"{URL}/en/enter_pin.wav", headers=other).status_code == 403
