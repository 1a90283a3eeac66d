"""The in-process `carrier-switch` of tests/cli_harness.py gives what a process gives (argparse's exit codes, the
logging main() sets up on stderr, its own environment) and fails a test whose command leaves something behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_harness import run_cli

from switch_service.cli.context import Context


def test_argparse_exits_become_exit_codes_and_nothing_stays_changed() -> None:
    helped = run_cli("db", "--help")
    assert (helped.returncode, helped.stderr) == (0, "") and helped.stdout.startswith("usage: carrier-switch db")
    wrong = run_cli("db", "sideways")
    assert wrong.returncode == 2 and "invalid choice: 'sideways'" in wrong.stderr.splitlines()[-1]
    shown = run_cli("config", "show", env={"CARRIERDESK_DB_URL": "sqlite:////nowhere/from-env.db"})
    assert "database_url = 'sqlite:////nowhere/from-env.db'" in shown.stdout, shown.stdout
    assert "CARRIERDESK_DB_URL" not in os.environ


def test_a_command_that_leaves_its_database_open_fails_the_test(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'open.db'}"
    assert run_cli("db", "upgrade", "--db", url).returncode == 0
    monkeypatch.setattr(Context, "close", lambda _self: None)  # the engine is never disposed
    with pytest.raises(AssertionError, match=r"left behind \{'open files'.*open\.db"):
        run_cli("accounts", "list", "--db", url)
