"""`carrier-switch --self-test` and `carrier-desk --self-test` from the source tree (the installed bundles run the
same checks in tests/installer): exit 0 when everything works, and a missing part named with exit 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from installer.build_translations import compile_catalogues

pytestmark = pytest.mark.peers  # the self-tests' own switch, RADIUS and desktop processes

SWITCH = [sys.executable, "-m", "switch_service", "--self-test"]
DESK = [sys.executable, "-m", "desktop.app", "--self-test"]


def run(command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "", **env})


def test_switch_self_test_passes_and_touches_nothing_of_the_operator(tmp_path: Path) -> None:
    done = run(SWITCH)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for check in ("database", "RADIUS dictionaries", "pjsua2", "SIP, RADIUS and API listeners"):
        assert any(line.startswith(f"ok     {check}: ") for line in lines), done.stdout
    assert lines[-1].startswith("self-test passed")
    assert not Path(os.environ["CARRIERDESK_DATA_DIR"]).exists()  # no data folder made
    assert not Path(os.environ["CARRIERDESK_CONFIG_DIR"]).exists()  # nor secrets written


def test_switch_self_test_names_what_is_missing(tmp_path: Path) -> None:
    done = run(SWITCH, CARRIERDESK_RADIUS_DICTIONARY_DIR=str(tmp_path))
    assert done.returncode == 1
    assert f"FAILED RADIUS dictionaries: FileNotFoundError: RADIUS dictionary not found at {tmp_path}" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("self-test FAILED (RADIUS dictionaries")


@pytest.mark.parametrize("broken", [False, True])
def test_desk_self_test_runs_offscreen(tmp_path: Path, broken: bool) -> None:
    if not broken:
        compile_catalogues(tmp_path)  # what `make translations` makes (and the bundle carries)
    done = run(DESK, CARRIERDESK_TRANSLATIONS_DIR=str(tmp_path))
    if not broken:
        assert done.returncode == 0, done.stdout + done.stderr
        assert "ok     windows: FirstRunWizard" in done.stdout and "platform offscreen" in done.stdout
        return
    assert done.returncode == 1
    assert f"FAILED translations: FileNotFoundError: carrierdesk_es.qm not in {tmp_path}" in done.stdout
