"""What a worker says, as one narrow seam: prompt names → WAV files, and numbers, money and minutes → prompt names.

The product's prompt library (media/prompts.py, `PromptLibrary`) and per-language grammar (media/speech.py) are
used when they are installed; until then a folder of `<lang>/<name>.wav` files serves (the tests' fixture), and
amounts are not spoken (the prompt around them still is).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Voice:
    prompt: Callable[[str, str], Path | None]  # (language, name) → the file, None when there is none
    money: Callable[[str, Decimal, str], list[str]]  # (language, amount, currency) → prompt names
    minutes: Callable[[str, int], list[str]]  # (language, n) → prompt names


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
    """The product's library and grammar when installed; `prompts` (a folder) overrides the library."""
    try:
        library = importlib.import_module("switch_service.media.prompts")
    except ImportError:
        library = None
    try:
        speech = importlib.import_module("switch_service.media.speech")
    except ImportError:
        speech = None
    if prompts is not None:
        lookup = folder_prompts(prompts)
    elif library is not None:
        prompt_library = library.PromptLibrary(library.default_root())

        def lookup(language: str, name: str) -> Path | None:
            path: Path = prompt_library.path(language, name)
            return path if path.is_file() else None
    else:
        raise RuntimeError("no prompts: give a prompt folder (the prompt library is not installed)")
    if speech is None:
        return Voice(lookup, _silent_money, _silent_minutes)
    return Voice(lookup, speech.money, speech.minutes)
