"""SIPp as the real peer: the switch runs in-process (asyncio in a background thread), SIPp plays the caller and
the carriers on fresh free ports. With CI=true a missing `sipp` fails the tests; elsewhere they skip."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sip_peers import IN_CI, Blackhole, Sipp, SwitchFactory


@pytest.fixture(scope="session")
def sipp_binary() -> str:
    path = shutil.which("sipp")
    if path is None:
        message = "sipp (Debian sip-tester) is not installed"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: a missing peer is a failure)")
        pytest.skip(message)
    return path


@pytest.fixture
def sipp(sipp_binary: str, tmp_path: Path) -> Iterator[Sipp]:
    peers = Sipp(sipp_binary, tmp_path)
    yield peers
    peers.stop_all()


@pytest.fixture
def start_switch() -> Iterator[SwitchFactory]:
    factory = SwitchFactory()
    yield factory
    for thread in factory.started:
        thread.stop()


@pytest.fixture
def blackhole() -> Iterator[Blackhole]:
    hole = Blackhole()
    yield hole
    hole.close()

