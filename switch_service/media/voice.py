"""What a worker says, as one narrow seam: prompt names → WAV files, and numbers, money and minutes → prompt names.

The product's prompt library (media/prompts.py, `PromptLibrary`) and per-language grammar (media/speech.py) are
used when they are installed, with the operator's folder (`ivr_prompts_dir`) over the shipped files; without them
a folder of `<lang>/<name>.wav` files serves, and amounts are not spoken. The grammar's phrases are whole ("you
have twelve dollars and fifty cents", "you have 35 minutes"): the flow plays them as they come.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

FALLBACK_LANGUAGE = "en"


def _no_welcome(_did: str) -> Path | None:
    return None


@dataclass(frozen=True)
class Voice:
    prompt: Callable[[str, str], Path | None]  # (language, name) → the file, None when there is none
    money: Callable[[str, Decimal, str], list[str]]  # (language, amount, currency) → "you have 12 dollars 50 cents"
    minutes: Callable[[str, int], list[str]]  # (language, n) → "you have 35 minutes"
    welcome: Callable[[str], Path | None] = _no_welcome  # access number → its own welcome recording, if any


def folder_prompts(root: Path) -> Callable[[str, str], Path | None]:
    """`root/<language>/<name>.wav`, else the English one, else None."""
    def prompt(language: str, name: str) -> Path | None:
        for lang in (language, FALLBACK_LANGUAGE):
            path = root / lang / f"{name}.wav"
            if path.is_file():
                return path
        return None

    return prompt


def _silent_money(_language: str, _amount: Decimal, _currency: str) -> list[str]:
    return []


def _silent_minutes(_language: str, _n: int) -> list[str]:
    return []


def load_voice(prompts: Path | None = None) -> Voice:
    """The product's library and grammar when installed, `prompts` (a folder) overriding the library's files;
    without the library, `prompts` alone."""
    try:
        library = importlib.import_module("switch_service.media.prompts")
    except ImportError:
        library = None
    try:
        speech = importlib.import_module("switch_service.media.speech")
    except ImportError:
        speech = None
    lookup: Callable[[str, str], Path | None]
    if library is not None:
        prompt_library = library.PromptLibrary(library.default_root(), override_root=prompts)

        def from_library(language: str, name: str) -> Path | None:
            try:
                path: Path = prompt_library.path(language, name)
            except KeyError:  # PromptMissingError: not even in English
                return None
            return path

        lookup = from_library
        welcome: Callable[[str], Path | None] = prompt_library.did_welcome
    elif prompts is not None:
        lookup = folder_prompts(prompts)
        welcome = _no_welcome
    else:
        raise RuntimeError("no prompts: give a prompt folder (the prompt library is not installed)")
    if speech is None:
        return Voice(lookup, _silent_money, _silent_minutes, welcome)
    return Voice(lookup, speech.money, speech.minutes, welcome)
