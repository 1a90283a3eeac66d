"""Render the IVR prompt sets with espeak-ng into resources/prompts/<lang>/<name>.wav (8 kHz mono 16-bit PCM,
silence trimmed, peak-normalised to -1 dBFS), so the product plays recorded files and needs no speech engine.

Texts are data: resources/prompts/texts/<lang>.toml gives the espeak-ng voice, the fixed phrases, the nouns by CLDR
plural category and the number forms a grammar needs (switch_service/media/speech.py names every file). A number
piece without a text is the numeral itself, which espeak-ng speaks in the language's own words; a currency without
a text takes CLDR's name (babel).

Needs espeak-ng and sox (Debian packages; installer/test_peers.sh installs them). Run from the repository with the
project installed (`make install`):

    .venv/bin/python resources/prompts/generate.py            # every language
    .venv/bin/python resources/prompts/generate.py es fr      # some languages
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from babel.numbers import get_currency_name

from switch_service.media import speech

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
MANIFEST = "spoken.json"
SPEED = 150  # words per minute: a little slower than espeak-ng's 175, for a phone line
_NUMBER = re.compile(r"n_(\d+)(?:_([a-z]+))?$")
_COUNTED = re.compile(r"(.+)_(zero|one|two|few|many|other)$")


class TextMissingError(Exception):
    pass


def load_texts(language: str) -> dict[str, Any]:
    with (TEXTS / f"{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _sample(language: str, category: str) -> int:
    return next(n for n in range(0, 2000) if speech.plural_category(language, n) == category)


def text_for(language: str, texts: dict[str, Any], name: str) -> str:
    """What espeak-ng says for the prompt `name`."""
    phrases = texts.get("phrases", {})
    if name in phrases:
        return str(phrases[name])
    numbers = texts.get("numbers", {})
    number = _NUMBER.match(name)
    if number:
        value, form = number.groups()
        key = f"{value}_{form}" if form else value
        if key in numbers:
            return str(numbers[key])
        if form is None:
            return value
        raise TextMissingError(f"{language}: [numbers] lacks {key!r} (the {form} form of {value})")
    counted = _COUNTED.match(name)
    if counted:
        word, category = counted.groups()
        table = texts.get("scales", {}).get(word) or texts.get("nouns", {}).get(word)
        if table is None and word in ("eurocent", "centavo"):
            table = texts.get("nouns", {}).get("cent")
        if table is not None:
            if category in table or "other" in table:
                return str(table.get(category, table.get("other")))
            raise TextMissingError(f"{language}: {word!r} lacks the {category!r} form (or 'other')")
        if word in speech.CURRENCIES:
            return get_currency_name(word, count=_sample(language, category), locale=language)
        raise TextMissingError(f"{language}: no text for {word!r} (add it under [nouns] or [scales])")
    raise TextMissingError(f"{language}: [phrases] lacks {name!r}")


def spoken_texts(language: str) -> dict[str, str]:
    """Every prompt name of the language and what espeak-ng says for it; TextMissingError names all that lack a
    text."""
    texts = load_texts(language)
    jobs, missing = {}, []
    for name in sorted(speech.prompt_names(language)):
        try:
            jobs[name] = text_for(language, texts, name)
        except TextMissingError as error:
            missing.append(str(error))
    if missing:
        raise TextMissingError("\n".join(missing))
    return jobs


def render(voice: str, text: str, target: Path) -> None:
    """espeak-ng at 22 kHz, then sox: 8 kHz mono 16-bit, leading and trailing silence cut, peak at -1 dBFS."""
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(SPEED), "-w", str(raw), text], check=True,
                       capture_output=True)
        subprocess.run(["sox", str(raw), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", str(target),
                        "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse",
                        "norm", "-1"], check=True, capture_output=True)


def generate(language: str) -> int:
    """Render one language's whole set, removing files no grammar names any more; returns the file count."""
    voice = load_texts(language)["voice"]
    jobs = spoken_texts(language)  # every text first: fail before rendering, naming all that is missing
    folder = HERE / language
    folder.mkdir(exist_ok=True)
    for stale in set(folder.glob("*.wav")) - {folder / f"{name}.wav" for name in jobs}:
        stale.unlink()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda item: render(voice, item[1], folder / f"{item[0]}.wav"), jobs.items()))
    write_manifest(language, voice, jobs)
    return len(jobs)


def write_manifest(language: str, voice: str, jobs: dict[str, str]) -> None:
    """<lang>/spoken.json: the voice and text each file was rendered from, so a test sees a text edited without
    regenerating."""
    manifest = {"voice": voice, "speed": SPEED, "texts": jobs}
    (HERE / language / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                            encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*", help="language codes (default: every texts/<lang>.toml)")
    wanted = parser.parse_args().languages or sorted(path.stem for path in TEXTS.glob("*.toml"))
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: apt-get install espeak-ng sox")
    unknown = [code for code in wanted if code not in speech.GRAMMARS or not (TEXTS / f"{code}.toml").is_file()]
    if unknown:
        sys.exit(f"no grammar or no texts/<lang>.toml for: {', '.join(unknown)}")
    try:
        for code in wanted:
            print(f"{code}: {generate(code)} prompts", flush=True)
    except TextMissingError as missing:
        sys.exit(str(missing))


if __name__ == "__main__":
    main()
