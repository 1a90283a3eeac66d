"""Which installation a service is: an id made once, at the first start, and kept in the data folder.

The service reports it (GET /api/v1/health); the desktop on the same machine reads the same file through the same
config, so it can tell this computer's service from another installation answering at the same port (a second
copy started by hand, another user's service) and refuse to use that one.

Standard library only: the desktop imports this module (tests/desktop/test_desktop_imports.py allows it).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

from switch_service.config.settings import Settings

FILE_NAME = "instance-id"


def instance_id(data_dir: Path) -> str:
    """The id kept in `data_dir`, made there if it is missing. Two first starts at once agree on one id: the file
    is written aside and linked into place, which fails for the second, who then reads the first's."""
    path = data_dir / FILE_NAME
    found = _read(path)
    if found:
        return found
    data_dir.mkdir(parents=True, exist_ok=True)
    made = uuid.uuid4().hex
    handle, draft = tempfile.mkstemp(prefix=f".{FILE_NAME}-", dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(made + "\n")
        os.link(draft, path)
    except FileExistsError:
        return _read(path) or made
    finally:
        os.unlink(draft)
    return made


def instance_id_of(settings: Settings) -> str:
    """The id of the installation whose settings these are (its `data_dir`)."""
    return instance_id(Path(settings.typed.data_dir))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return ""
