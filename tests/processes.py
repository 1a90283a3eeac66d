"""Whether a process the tests started (or one it started) still runs; imported by bare name, as the other test
harness modules (tests/conftest.py puts this folder on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path


def alive(pid: int) -> bool:
    """Running: it exists and is not a zombie (a zombie has ended, its parent has not reaped it yet)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
