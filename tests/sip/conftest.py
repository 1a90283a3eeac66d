"""SIPp as the real peer: the switch runs in-process (asyncio in a background thread), SIPp plays the caller and
the carriers on fresh free ports (the `sipp` fixture is in tests/conftest.py: the end-to-end and desktop tests use it
too). With CI=true a missing `sipp` fails the tests; elsewhere they skip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sip_peers import Blackhole, SwitchFactory


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

