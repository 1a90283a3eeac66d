"""The prompt sets as the operator manages them (API `/ivr/prompts`): which languages and prompts there are, which
ones the operator replaced, and replacing or restoring one.

A replaced prompt is a file of the same name in the operator's folder (`ivr_prompts_dir`, else `prompts/` in the
data folder), which `PromptLibrary` prefers to the shipped one. Workers look a prompt's file up each time they
play it, so the next caller hears the new recording without a restart. A file is written beside its final name and
renamed over it, so a worker never opens half a file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from switch_service.media.prompts import (
    DID_WELCOMES,
    FALLBACK_LANGUAGE,
    PromptLibrary,
    PromptMissingError,
    default_root,
)

MANIFEST = "spoken.json"  # resources/prompts/generate.py: what each shipped file says
PLAIN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # a language or prompt name is one file name, no path


def operator_folder(configured: str, data_dir: str) -> Path:
    """Where the operator's recordings live: the setting `ivr_prompts_dir`, else `<data folder>/prompts`."""
    return Path(configured) if configured else Path(data_dir) / "prompts"


def _write(folder: Path, name: str, wav: bytes) -> None:
    """`folder/<name>.wav` replaced in one rename, so a worker never opens half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(wav)
        os.chmod(temporary, 0o644)  # a recording as readable as the shipped ones (mkstemp makes it 0600)
        os.replace(temporary, folder / f"{name}.wav")
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class PromptEntry:
    name: str
    text: str  # what the shipped recording says ("" when unknown)
    replaced: bool  # the operator's recording is the one played
    shipped: bool  # the product has a recording of its own (DELETE goes back to it)


class PromptSets:
    def __init__(self, operator_root: Path, root: Path | None = None) -> None:
        self.library = PromptLibrary(root if root is not None else default_root(), override_root=operator_root)
        self.operator_root = operator_root

    @property
    def root(self) -> Path:
        return self.library.root

    def languages(self) -> list[str]:
        return self.library.languages()

    def _names(self, base: Path, language: str) -> set[str]:
        folder = base / language
        return {file.stem for file in folder.glob("*.wav")} if folder.is_dir() else set()

    def _texts(self, language: str) -> dict[str, str]:
        try:
            manifest = json.loads((self.root / language / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        texts = manifest.get("texts", {}) if isinstance(manifest, dict) else {}
        return {str(name): str(text) for name, text in texts.items()}

    def prompts(self, language: str) -> list[PromptEntry]:
        """The language's prompts, shipped or the operator's, by name."""
        shipped = self._names(self.root, language)
        replaced = self._names(self.operator_root, language)
        texts = self._texts(language)
        return [PromptEntry(name, texts.get(name, ""), name in replaced, name in shipped)
                for name in sorted(shipped | replaced)]

    def known(self, language: str, name: str) -> bool:
        """A prompt the operator may replace: one the language has, or one it lacks that English has (played in
        English until the operator records it)."""
        if not (PLAIN.match(language) and PLAIN.match(name)) or language not in self.languages():
            return False
        return any((base / lang / f"{name}.wav").is_file()
                   for base in (self.root, self.operator_root) for lang in (language, FALLBACK_LANGUAGE))

    def file(self, language: str, name: str) -> Path:
        """The file played for the prompt (the operator's, the shipped one, or English's); KeyError if none."""
        return self.library.path(language, name)

    def replaced(self, language: str, name: str) -> bool:
        return (self.operator_root / language / f"{name}.wav").is_file()

    def replace(self, language: str, name: str, wav: bytes) -> None:
        """Store the operator's recording (already converted: media/prompt_import.py) in place of the prompt."""
        if not self.known(language, name):
            raise PromptMissingError(f"no prompt {name!r} in language {language!r}")
        _write(self.operator_root / language, name, wav)

    def restore(self, language: str, name: str) -> bool:
        """Remove the operator's recording (the shipped one plays again); False when there was none."""
        target = self.operator_root / language / f"{name}.wav"
        if not target.is_file():
            return False
        target.unlink()
        return True


class DidWelcomes:
    """Access numbers' own welcome recordings (API `/dids/{id}/welcome.wav`): `<operator folder>/_did/<digits>.wav`,
    beside the replaced prompts, so one folder (one setting, one backup) holds every recording of the operator and
    the workers, which already get that folder, find them without a new option (`PromptLibrary.did_welcome`)."""

    def __init__(self, operator_root: Path) -> None:
        self.library = PromptLibrary(default_root(), override_root=operator_root)
        self.folder = operator_root / DID_WELCOMES

    def file(self, did: str) -> Path | None:
        return self.library.did_welcome(did)

    def store(self, did: str, wav: bytes) -> None:
        """Store the recording (already converted: media/prompt_import.py); the next call on `did` hears it."""
        _write(self.folder, did.lstrip("+"), wav)

    def remove(self, did: str) -> bool:
        """Drop the recording (the language's standard welcome plays again); False when there was none."""
        found = self.file(did)
        if found is None:
            return False
        found.unlink()
        return True

    def follow(self, number: str, now: str | None) -> None:
        """Keep the recording with its DID: renamed when the number changed, dropped when the DID is deleted or is
        no longer an access number (`now` None)."""
        found = self.file(number)
        if found is None or now == number:
            return
        if now is None:
            found.unlink()
        else:
            os.replace(found, self.folder / f"{now.lstrip('+')}.wav")
