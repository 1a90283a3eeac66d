"""The RADIUS dictionary shipped in resources/radius, loaded once per process.

pyrad ships no dictionary; ours is written in FreeRADIUS syntax so that the same directory also works
as `radclient -d resources/radius`.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

from pyrad.dictionary import Dictionary

_ENV_OVERRIDE = "CARRIERDESK_RADIUS_DICTIONARY_DIR"


def dictionary_dir() -> Path:
    """Folder holding `dictionary` and the files it includes.

    A frozen build carries resources/ next to the executable's data (PyInstaller `_MEIPASS`); a source
    checkout or editable install finds it at the repository root.
    """
    override = os.environ.get(_ENV_OVERRIDE)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    return root / "resources" / "radius"


@functools.cache
def load_dictionary() -> Dictionary:
    """Parse the shipped dictionary once; pyrad's note that it skips the `vsa` type is silenced."""
    path = dictionary_dir() / "dictionary"
    if not path.is_file():
        raise FileNotFoundError(f"RADIUS dictionary not found at {path}")
    pyrad_log = logging.getLogger("pyrad")
    previous = pyrad_log.level
    pyrad_log.setLevel(logging.ERROR)
    try:
        return Dictionary(str(path))
    finally:
        pyrad_log.setLevel(previous)
