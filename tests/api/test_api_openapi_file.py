"""The OpenAPI document kept in the repo (docs/openapi.json) is the one the service serves."""

from __future__ import annotations

from installer.export_openapi import TARGET, render


def test_committed_openapi_matches_the_code() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), "docs/openapi.json is stale: run `make openapi`"
