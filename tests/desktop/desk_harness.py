"""What the desktop tests share besides fixtures (imported by bare name, like tests/api/api_harness.py)."""

from __future__ import annotations

from dataclasses import dataclass

PASSWORD = "desk password 1"


@dataclass(frozen=True)
class LiveService:
    url: str
    port: int
