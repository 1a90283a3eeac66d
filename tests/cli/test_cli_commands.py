"""`carrier-switch` as the operator runs it: real databases, one-line errors; the commands run in this process
(tests/cli_harness.py), the door itself (`python -m switch_service`: its exit codes, its one-line error, a reader
that goes away) as a real process."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from cli_harness import CLI, assert_one_line_error
from cli_harness import run_cli as run
from sqlalchemy.orm import Session

from switch_service.cli import build_parser
from switch_service.store.engine import make_engine
from switch_service.store.migrate import MIGRATIONS
from switch_service.store.models import Account, RecurringFee
from switch_service.store.models.enums import Period

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


def process(*args: str) -> subprocess.CompletedProcess[str]:
    """`carrier-switch ARGS` as a real process, through `python -m switch_service`."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, check=False)


def test_db_upgrade_then_current_then_demo_data(empty_db_url: str) -> None:
    assert run("db", "current", "--db", empty_db_url).returncode == 1
    upgraded = run("db", "upgrade", "--db", empty_db_url)
    assert upgraded.returncode == 0, upgraded.stderr
    current = run("db", "current", "--db", empty_db_url)
    assert current.returncode == 0 and current.stdout.strip() == f"{HEAD} (head)"
    demo = run("demo-data", "--db", empty_db_url)
    assert demo.returncode == 0, demo.stderr
    assert "4 carriers" in demo.stdout and "demo sign-in: admin / demo-admin" in demo.stdout  # with the test carrier
    again = run("demo-data", "--if-empty", "--db", empty_db_url)
    assert again.returncode == 0 and "already has data" in again.stdout



@pytest.mark.peers  # the CLI in its own process
def test_a_reader_that_goes_away_ends_a_command_without_a_traceback(tmp_path: Path) -> None:
    """`carrier-switch demo-data | head -1`: the pipe is closed before the command prints its lines."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    upgraded = process("db", "upgrade", "--db", url)
    assert (upgraded.returncode, upgraded.stderr) == (0, ""), upgraded.stderr
    assert upgraded.stdout == f"database at revision {HEAD} (head)\n"
    command = subprocess.Popen([*CLI, "demo-data", "--db", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert command.stdout is not None and command.stderr is not None
    command.stdout.close()  # the reader has gone before the first line
    errors = command.stderr.read()
    assert command.wait(timeout=120) == 141
    assert "Traceback" not in errors and errors == ""
    engine = make_engine(url)
    try:
        with Session(engine) as session:  # the data was written all the same
            assert session.query(Account).count() > 0
    finally:
        engine.dispose()

def test_a_fresh_machine_gets_its_data_folder_for_the_embedded_database(tmp_path: Path) -> None:
    """`make run` on a new machine: no per-user data folder yet, no URL given -> the folder is made (0700)."""
    data = tmp_path / "never-made" / "carrierdesk"
    upgraded = run("db", "upgrade", env={"CARRIERDESK_DATA_DIR": str(data)})
    assert upgraded.returncode == 0, upgraded.stderr
    assert (data / "carrierdesk.db").is_file()
    assert data.stat().st_mode & 0o777 == 0o700


def test_db_url_precedence_option_then_environment_then_config(tmp_path: Path) -> None:
    config_dir = Path(os.environ["CARRIERDESK_CONFIG_DIR"])
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text(f'database_url = "sqlite:///{tmp_path}/from-config.db"\n')
    assert run("db", "upgrade").returncode == 0
    assert (tmp_path / "from-config.db").exists()
    env = {"CARRIERDESK_DB_URL": f"sqlite:///{tmp_path}/from-env.db"}
    assert run("db", "upgrade", env=env).returncode == 0
    assert (tmp_path / "from-env.db").exists()
    assert run("db", "upgrade", "--db", f"sqlite:///{tmp_path}/from-option.db", env=env).returncode == 0
    assert (tmp_path / "from-option.db").exists()


@pytest.mark.parametrize(("url", "fragments"), [
    ("postgresql://nobody@127.0.0.1:1/nothing", ("cannot reach database", "127.0.0.1:1")),
    ("mysql://root@127.0.0.1:1/nothing", ("cannot reach database",)),
    ("oracle://scott@127.0.0.1/orcl", ("no database driver for 'oracle'",)),
    ("sqlite:////no/such/folder/x.db", ("folder /no/such/folder does not exist",)),
    ("::not a url::", ("is not a valid URL",)),
])
def test_unusable_database_is_one_clear_line(url: str, fragments: tuple[str, ...]) -> None:
    assert_one_line_error(run("db", "upgrade", "--db", url), *fragments)


def test_config_file_with_a_wrong_type_is_one_clear_line() -> None:
    config_dir = Path(os.environ["CARRIERDESK_CONFIG_DIR"])
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text('sip_port = "5060"\n')
    assert_one_line_error(run("config", "show"), "'sip_port' must be int, got str")


def test_config_show_reports_the_insecure_secrets_fallback() -> None:
    shown = run("config", "show")
    assert shown.returncode == 0
    assert "database_url = " in shown.stdout and "api_port = 8470" in shown.stdout
    assert "WARNING: insecure fallback in use" in shown.stdout


def test_user_add_hashes_the_password_and_refuses_duplicates(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/users.db"
    assert run("db", "upgrade", "--db", url).returncode == 0
    added = run("user", "add", "rita", "--role", "support", "--password-stdin", "--db", url, stdin="s3cret-pass\n")
    assert added.returncode == 0 and "role support" in added.stdout
    assert_one_line_error(run("user", "add", "rita", "--role", "admin", "--password-stdin", "--db", url,
                              stdin="another-pass\n"), "already exists")
    assert_one_line_error(run("user", "add", "bo", "--role", "admin", "--password-stdin", "--db", url,
                              stdin="short\n"), "at least 8 characters")
    assert_one_line_error(run("user", "add", "rex", "--role", "reseller", "--password-stdin", "--db", url,
                              stdin="long-enough\n"), "needs --reseller")
    import sqlite3

    with sqlite3.connect(tmp_path / "users.db") as conn:
        stored = conn.execute("SELECT password_hash FROM users WHERE username = 'rita'").fetchone()[0]
    assert stored.startswith("scrypt$") and "s3cret-pass" not in stored


def test_a_failed_demo_load_leaves_nothing_behind(tmp_path: Path) -> None:
    """Demo data is one transaction: if a demo user already exists, nothing else is created either."""
    url = f"sqlite:///{tmp_path}/half.db"
    assert run("db", "upgrade", "--db", url).returncode == 0
    assert run("user", "add", "admin", "--role", "admin", "--password-stdin", "--db", url,
               stdin="already-here\n").returncode == 0
    assert_one_line_error(run("demo-data", "--db", url), "user 'admin' already exists")
    import sqlite3

    with sqlite3.connect(tmp_path / "half.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM tariffs").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 0


def test_fees_run_charges_what_is_due_once_and_prints_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/fees.db"
    assert run("db", "upgrade", "--db", url).returncode == 0
    due = dt.datetime(2026, 1, 31, 9, tzinfo=dt.UTC)
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        account = Account(number="9001", name="Ana", balance=Decimal("5"))
        session.add(account)
        session.flush()
        session.add(RecurringFee(name="DID rent", account_id=account.id, amount=Decimal("2"), period=Period.MONTHLY,
                                 anchor_at=due, next_due_at=due))
    engine.dispose()
    first = run("fees", "run", "--db", url)
    assert first.returncode == 0, first.stderr
    (line,) = first.stdout.splitlines()
    printed = json.loads(line)
    assert (printed["name"], printed["accounts"], printed["occurrences"][:2]) == (
        "DID rent", 1, ["2026-01-31T09:00:00+00:00", "2026-02-28T09:00:00+00:00"])
    again = run("fees", "run", "--db", url)
    assert (again.returncode, again.stdout) == (0, "")


def _database_commands(folder: Path) -> list[list[str]]:
    """Every command that works on the database's schema, with placeholder values for what it requires (a file
    for FILE): each is to stop at the schema check, before it uses any of them."""
    placeholder = folder / "deck.csv"
    placeholder.write_text("prefix,destination,price\n", encoding="utf-8")

    def argv(parser: argparse.ArgumentParser, words: list[str]) -> list[list[str]]:
        found: list[list[str]] = []
        for action in parser._actions:  # argparse keeps its tree there
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found += argv(sub, [*words, name])
                return found
        if not parser.get_default("needs_schema"):
            return found
        for action in parser._actions:
            if action.required or not action.option_strings:
                value = str(action.choices[0] if action.choices else placeholder if action.dest == "file" else 1)
                words += [action.option_strings[0], value] if action.option_strings else [value]
        return [words]

    return argv(build_parser(), [])


def test_every_command_on_a_database_without_its_schema_is_one_line_naming_db_upgrade(
        empty_db_url: str, tmp_path: Path) -> None:
    """One `carrier-switch` process as the operator runs it, then every other command through the same `main()` in
    this process (sixty processes per database cost minutes of the suite and test no other line: the check is
    main()'s, before any command's handler)."""
    advice = ("no Carrierdesk schema", "run `carrier-switch db upgrade`")
    assert_one_line_error(process("accounts", "list", "--db", empty_db_url), *advice)
    commands = _database_commands(tmp_path)
    assert ["rates", "import", str(tmp_path / "deck.csv"), "--tariff", "1"] in commands
    assert ["serve"] in commands and ["db", "upgrade"] not in commands
    for command in commands:
        extra = ["--password-stdin"] if command[:2] == ["user", "add"] else []  # else it would ask a terminal first
        assert_one_line_error(run(*command, "--db", empty_db_url, *extra), *advice)
