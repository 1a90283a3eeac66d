"""The recorded prompts on disk: resources/prompts/<lang>/<name>.wav (8 kHz mono 16-bit PCM, made by
resources/prompts/generate.py), with an operator's own recording of any prompt taking precedence.

An operator replaces a prompt by putting a file of the same name in `<data folder>/prompts/<lang>/<name>.wav`;
the shipped file stays untouched so an upgrade never overwrites the operator's recording.
"""

from __future__ import annotations

import sys
from pathlib import Path

FALLBACK_LANGUAGE = "en"
DID_WELCOMES = "_did"  # <operator folder>/_did/<DID digits>.wav: an access number's own welcome (no language code
# starts with "_", so the folder never passes for a prompt set)


def default_root() -> Path:
    """The shipped prompt sets: resources/prompts in a source checkout, or inside a PyInstaller bundle
    (`_MEIPASS`), which carries resources/ (installer/bundle_parts.py)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    return root / "resources" / "prompts"


def _plain(part: str) -> bool:
    """A name or language code that stays one file or folder name (no path tricks from a RADIUS attribute)."""
    return bool(part) and all(ch.isalnum() or ch in "_-" for ch in part)


class PromptMissingError(KeyError):
    """No recording of a prompt, in the language asked for nor in English."""

    def __str__(self) -> str:
        return str(self.args[0])


class PromptLibrary:
    """Finds the file to play for a prompt name in a language."""

    def __init__(self, root: Path, override_root: Path | None = None) -> None:
        self.root = Path(root)
        self.override_root = Path(override_root) if override_root is not None else None

    def languages(self) -> list[str]:
        """Language codes with a prompt set (a folder holding at least one .wav), shipped or the operator's."""
        found: set[str] = set()
        for base in (self.root, self.override_root):
            if base is not None and base.is_dir():
                found.update(folder.name for folder in base.iterdir()
                             if folder.is_dir() and folder.name != DID_WELCOMES and any(folder.glob("*.wav")))
        return sorted(found)

    def did_welcome(self, did: str) -> Path | None:
        """The operator's welcome recording for calls that came in on access number `did` (E.164 digits, '+' or
        not), played instead of the language's `welcome`; None when it has none."""
        digits = did.lstrip("+")
        if self.override_root is None or not digits.isdigit():
            return None
        candidate = self.override_root / DID_WELCOMES / f"{digits}.wav"
        return candidate if candidate.is_file() else None

    def _find(self, language: str, name: str) -> Path | None:
        for base in (self.override_root, self.root):
            if base is not None:
                candidate = base / language / f"{name}.wav"
                if candidate.is_file():
                    return candidate
        return None

    def path(self, language: str, name: str) -> Path:
        """The file for `name`: the operator's, else the shipped one, else English's; PromptMissingError (a
        KeyError) naming the prompt when even English has none."""
        if not _plain(name):
            raise PromptMissingError(f"bad prompt name {name!r}")
        tried = (language, FALLBACK_LANGUAGE) if _plain(language) else (FALLBACK_LANGUAGE,)
        for candidate_language in dict.fromkeys(tried):
            found = self._find(candidate_language, name)
            if found is not None:
                return found
        raise PromptMissingError(f"no recording of prompt {name!r} for language {language!r} nor for "
                                 f"{FALLBACK_LANGUAGE!r} under {self.root}")
