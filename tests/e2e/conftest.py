"""SIPp for the end-to-end tests (the peers of tests/sip, here as callers and a carrier of a real service)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sip.sip_peers import IN_CI, Sipp


@pytest.fixture
def sipp(tmp_path: Path) -> Iterator[Sipp]:
    binary = shutil.which("sipp")
    if binary is None:
        message = "sipp (Debian sip-tester) is not installed"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: a missing peer is a failure)")
        pytest.skip(message)
    peers = Sipp(binary, tmp_path)
    yield peers
    peers.stop_all()
