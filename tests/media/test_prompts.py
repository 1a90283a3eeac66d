"""The shipped prompt sets: every file a grammar or a flow can ask for exists in every language and is a clean 8 kHz
mono recording; the library prefers the operator's file and falls back to English."""

from __future__ import annotations

import array
import importlib.util
import json
import shutil
import subprocess
import sys
import wave
from pathlib import Path
from types import ModuleType

import pytest

from switch_service.media import speech
from switch_service.media.prompts import PromptLibrary, PromptMissingError, default_root

ROOT = default_root()
FULL_SCALE = 32767


def samples(path: Path) -> tuple[wave._wave_params, array.array[int]]:
    with wave.open(str(path), "rb") as recording:
        params = recording.getparams()
        frames = array.array("h", recording.readframes(params.nframes))
    if sys.byteorder == "big":
        frames.byteswap()
    return params, frames


def test_at_least_25_languages_each_with_its_texts() -> None:
    library = PromptLibrary(ROOT)
    assert len(library.languages()) >= 25
    assert library.languages() == speech.languages()
    assert sorted(path.stem for path in (ROOT / "texts").glob("*.toml")) == speech.languages()


@pytest.mark.parametrize("language", speech.languages())
def test_every_prompt_exists_and_is_a_clean_8khz_mono_recording(language: str) -> None:
    folder = ROOT / language
    needed = speech.prompt_names(language)
    present = {path.stem for path in folder.glob("*.wav")}
    assert sorted(needed - present) == [], "missing: regenerate with resources/prompts/generate.py"
    assert sorted(present - needed) == [], "files no grammar names"
    assert set(speech.FIXED_PROMPTS) <= needed
    for name in sorted(needed):
        params, frames = samples(folder / f"{name}.wav")
        assert (params.framerate, params.nchannels, params.sampwidth) == (8000, 1, 2), name
        assert 0.03 < params.nframes / params.framerate < 15, name  # Russian "и" is 41 ms
        peak = max(abs(sample) for sample in frames)
        rms = (sum(sample * sample for sample in frames) / len(frames)) ** 0.5
        assert rms > 1000, f"{name} is (nearly) silent"
        assert peak < FULL_SCALE, f"{name} is clipped"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_recordings_say_today_s_texts() -> None:
    """A text edited in texts/<lang>.toml (or a grammar's new piece) without running generate.py shows here: each
    set's spoken.json holds the voice and texts its files were rendered from."""
    generate = _generator()
    for language in speech.languages():
        manifest = json.loads((ROOT / language / "spoken.json").read_text(encoding="utf-8"))
        assert manifest["voice"] == generate.load_texts(language)["voice"], language
        stale = {name for name, text in generate.spoken_texts(language).items()
                 if manifest["texts"].get(name) != text}
        assert sorted(stale) == [], f"{language}: run resources/prompts/generate.py {language}"


def test_the_operator_s_file_wins_and_english_fills_a_gap(tmp_path: Path) -> None:
    shipped, operator = tmp_path / "shipped", tmp_path / "data" / "prompts"
    for language, name in (("en", "welcome"), ("en", "goodbye"), ("es", "welcome")):
        (shipped / language).mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / language / f"{name}.wav", shipped / language / f"{name}.wav")
    library = PromptLibrary(shipped, override_root=operator)
    assert library.path("es", "welcome") == shipped / "es" / "welcome.wav"
    assert library.path("es", "goodbye") == shipped / "en" / "goodbye.wav"  # Spanish lacks it: English
    assert library.path("../../etc", "welcome") == shipped / "en" / "welcome.wav"  # never a path outside

    (operator / "es").mkdir(parents=True)
    shutil.copy(ROOT / "es" / "goodbye.wav", operator / "es" / "welcome.wav")
    assert library.path("es", "welcome") == operator / "es" / "welcome.wav"
    assert library.languages() == ["en", "es"]

    with pytest.raises(KeyError, match="'enter_pin'") as missing:
        library.path("es", "enter_pin")
    assert isinstance(missing.value, PromptMissingError)
    with pytest.raises(KeyError, match="bad prompt name"):
        library.path("en", "../welcome")


_PLAY = """
import array, sys, wave, pjsua2 as pj
ep = pj.Endpoint(); ep.libCreate()
config = pj.EpConfig(); config.uaConfig.threadCnt = 0; config.uaConfig.mainThreadOnly = True
config.logConfig.level = 0; config.logConfig.consoleLevel = 0
ep.libInit(config); ep.audDevManager().setNullDev(); ep.libStart()
player = pj.AudioMediaPlayer(); player.createPlayer(sys.argv[1], pj.PJMEDIA_FILE_NO_LOOP)
recorder = pj.AudioMediaRecorder(); recorder.createRecorder(sys.argv[2])
player.startTransmit(recorder)
for _ in range(30):
    ep.libHandleEvents(50)
del player, recorder
ep.libDestroy()
"""


def test_pjsua2_plays_a_shipped_prompt(tmp_path: Path) -> None:
    """What a media worker does with the file: an AudioMediaPlayer through the conference bridge (null sound
    device), recorded back, carries the prompt's sound."""
    prompt, heard = ROOT / "en" / "welcome.wav", tmp_path / "heard.wav"
    subprocess.run([sys.executable, "-c", _PLAY, str(prompt), str(heard)], check=True, timeout=60)
    _, frames = samples(heard)
    rms = (sum(sample * sample for sample in frames) / max(len(frames), 1)) ** 0.5
    assert rms > 500
