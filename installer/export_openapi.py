"""Write the HTTP API's OpenAPI document to docs/openapi.json (`make openapi`); a test keeps it current."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from switch_service.api.app import create_app
from switch_service.config import settings
from switch_service.store.engine import make_engine

TARGET = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"


def openapi_document() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/openapi.db", check=False)
        try:
            document: dict[str, Any] = create_app(engine, settings.load()).openapi()
        finally:
            engine.dispose()
    return document


def render() -> str:
    return json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
