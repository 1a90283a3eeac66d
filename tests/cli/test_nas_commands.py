"""`carrier-switch nas add|list|remove` and the `config show` warning for a RADIUS port open to no NAS client."""

from __future__ import annotations

import os
from pathlib import Path

from cli_harness import assert_one_line_error
from cli_harness import run_cli as run
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.config.secrets import SecretStore
from switch_service.security.pins import PinCipher
from switch_service.store.engine import make_engine
from switch_service.store.models import NasClient

SECRET = "gateway-secret-from-stdin"


def _database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'nas.db'}"
    assert run("db", "upgrade", "--db", url).returncode == 0
    return url


def test_nas_add_reads_the_secret_from_stdin_lists_without_it_and_removes(tmp_path: Path) -> None:
    url = _database(tmp_path)
    added = run("nas", "add", "Gateway 7", "192.0.2.0/29", "--secret-stdin", "--db", url, stdin=SECRET + "\n")
    assert added.returncode == 0, added.stderr
    assert "'Gateway 7' added for 192.0.2.0/29" in added.stdout and "within 5 s" in added.stdout
    assert run("nas", "add", "Old PBX", "198.51.100.4", "--no-message-authenticator", "--disabled", "--secret-stdin",
               "--db", url, stdin=SECRET + "\n").returncode == 0

    listing = run("nas", "list", "--db", url)
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert lines[1].split()[1:] == ["Gateway", "7", "192.0.2.0/29", "yes", "required"]
    assert lines[2].split()[1:] == ["Old", "PBX", "198.51.100.4", "no", "optional"]
    assert SECRET not in listing.stdout

    engine = make_engine(url)
    try:
        with Session(engine) as session:
            stored = session.scalars(select(NasClient).where(NasClient.name == "Gateway 7")).one()
            assert PinCipher(SecretStore().get_or_create("pin_key")).decrypt(stored.secret_ciphertext) == SECRET
    finally:
        engine.dispose()

    removed = run("nas", "remove", "198.51.100.4", "--db", url)
    assert removed.returncode == 0 and "'Old PBX' (198.51.100.4) removed" in removed.stdout
    assert run("nas", "remove", "Gateway 7", "--db", url).returncode == 0
    assert len(run("nas", "list", "--db", url).stdout.splitlines()) == 1
    assert_one_line_error(run("nas", "remove", "Gateway 7", "--db", url), "no NAS client named or at 'Gateway 7'")


def test_nas_add_refuses_a_short_secret_an_overlap_and_no_terminal(tmp_path: Path) -> None:
    url = _database(tmp_path)
    assert run("nas", "add", "Office", "198.51.100.0/28", "--secret-stdin", "--db", url,
               stdin=SECRET + "\n").returncode == 0
    assert_one_line_error(run("nas", "add", "Short", "192.0.2.1", "--secret-stdin", "--db", url, stdin="tiny\n"),
                          "secret: the shared secret must be 16 to 128 characters (got 4)")
    assert_one_line_error(run("nas", "add", "Inside", "198.51.100.9", "--secret-stdin", "--db", url,
                              stdin=SECRET + "\n"), "address: 198.51.100.9 overlaps NAS client 'Office'")
    assert_one_line_error(run("nas", "add", "Prompted", "192.0.2.1", "--db", url, stdin=""),
                          "no terminal to ask for the shared secret: use --secret-stdin")
    assert len(run("nas", "list", "--db", url).stdout.splitlines()) == 2


def test_config_show_warns_when_radius_listens_beyond_loopback_without_a_nas_client(tmp_path: Path) -> None:
    url = _database(tmp_path)
    config = Path(os.environ["CARRIERDESK_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f'database_url = "{url}"\n')
    quiet = run("config", "show")
    assert quiet.returncode == 0 and "WARNING: RADIUS" not in quiet.stdout

    assert run("config", "set", "radius_host", "0.0.0.0").returncode == 0
    shown = run("config", "show")
    assert "radius_host = '0.0.0.0'" in shown.stdout
    assert ("# WARNING: RADIUS listens on 0.0.0.0, beyond this computer, but no NAS client is registered"
            in shown.stdout), shown.stdout

    assert run("nas", "add", "Gateway", "192.0.2.7", "--secret-stdin", stdin=SECRET + "\n").returncode == 0
    assert "WARNING: RADIUS" not in run("config", "show").stdout
