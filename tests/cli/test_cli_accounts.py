"""`carrier-switch accounts add|edit|list|show` as an operator scripts it, on each database: the company's defaults
for a new account, edits by name or id, what stops an account calling, and bad input refused in one line with
nothing written."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from cli_harness import run_cli


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--db", db)


def out(db: str, *args: str) -> str:
    result = run(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def ok(db: str, *args: str) -> Any:
    return json.loads(out(db, *args))


def refused(db: str, *args: str) -> str:
    result = run(db, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("carrier-switch: error: "), result.stderr
    return lines[0]


@pytest.fixture
def demo_db(empty_db_url: str) -> str:
    for command in (("db", "upgrade"), ("demo-data",)):
        result = run(empty_db_url, *command)
        assert result.returncode == 0, result.stderr
    return empty_db_url


def test_accounts_from_the_command_line(demo_db: str) -> None:
    shown = ok(demo_db, "accounts", "show", "100001")
    retail, standard = shown["account"]["tariff_id"], shown["account"]["dial_plan_id"]
    assert shown["calling"]["can_call"] is True

    added = ok(demo_db, "accounts", "add", "300001", "--name", "Script Co", "--max-calls", "3",
               "--max-anis", "2", "--low-balance", "1.50", "--time-zone", "Europe/Paris")
    assert (added["tariff_id"], added["dial_plan_id"]) == (retail, standard)  # the company's defaults
    assert (added["max_concurrent_calls"], added["max_anis"], added["low_balance_threshold"]) == (3, 2, "1.500000")
    calling = ok(demo_db, "accounts", "show", "300001")["calling"]
    assert [block["code"] for block in calling["blocks"]] == ["no_money", "not_identified"]

    edited = ok(demo_db, "accounts", "edit", "300001", "--dial-plan", "premium", "--status", "suspended",
                "--email", "ops@script.example")
    assert (edited["status"], edited["email"]) == ("suspended", "ops@script.example")
    assert edited["dial_plan_id"] != standard
    assert ok(demo_db, "accounts", "edit", "300001", "--tariff", "none", "--email", "none")["tariff_id"] is None
    calling = ok(demo_db, "accounts", "show", "300001")["calling"]
    assert [block["code"] for block in calling["blocks"]][:2] == ["suspended", "no_tariff"]

    listed = [json.loads(line) for line in out(demo_db, "accounts", "list", "--search", "script").splitlines()]
    assert [account["number"] for account in listed] == ["300001"]

    # bad input: one line naming the field, and nothing written
    before = out(demo_db, "accounts", "list", "--limit", "1000")
    assert "buy tariff" in refused(demo_db, "accounts", "add", "300002", "--name", "X", "--tariff",
                                   "Atlantic Voice buy")
    assert "tariff_id: tariff 99999 does not exist" in refused(demo_db, "accounts", "add", "300002", "--name", "X",
                                                               "--tariff", "99999")
    assert "no dial plan named 'nowhere'" in refused(demo_db, "accounts", "add", "300002", "--name", "X",
                                                     "--dial-plan", "nowhere")
    assert "max_concurrent_calls" in refused(demo_db, "accounts", "edit", "100001", "--max-calls", "-1")
    assert "time_zone" in refused(demo_db, "accounts", "edit", "100001", "--time-zone", "Moon/Base")
    assert "already in use" in refused(demo_db, "accounts", "edit", "100001", "--number", "100002")
    assert out(demo_db, "accounts", "list", "--limit", "1000") == before
