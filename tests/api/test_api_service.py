"""The service process: `serve` answers on its port, logs its URL, and returns on SIGINT/SIGTERM."""

from __future__ import annotations

import enum
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import requests
from worker_ports import free_port

from switch_service import events
from switch_service.api import jobs, schemas
from switch_service.api.schemas import accounts as account_schemas
from switch_service.api.schemas import cards as card_schemas
from switch_service.api.schemas import carriers as carrier_schemas
from switch_service.api.schemas import dids as did_schemas
from switch_service.api.schemas import jobs as job_schemas
from switch_service.api.schemas import live as live_schemas
from switch_service.api.schemas import packages as package_schemas
from switch_service.api.schemas import rates as rate_schemas
from switch_service.api.schemas import resellers as reseller_schemas
from switch_service.api.schemas import routing as routing_schemas
from switch_service.billing import rates as billing_rates
from switch_service.errors import UserError
from switch_service.routing import carriers as routing_carriers
from switch_service.routing import dial_plans, results
from switch_service.service import bind
from switch_service.store.models import enums
from switch_service.store.repositories import call_readiness

SERVE_SCRIPT = textwrap.dedent("""
    import logging, sys
    from switch_service.config.settings import load
    from switch_service.service import serve
    from switch_service.store.engine import make_engine
    from switch_service.store.migrate import upgrade

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    engine = make_engine(sys.argv[1])
    upgrade(engine)
    serve(engine, load())
    print("serve returned", flush=True)
""")


@pytest.mark.peers  # a whole service in its own process
@pytest.mark.parametrize(("name", "stop"), [("sigterm", signal.SIGTERM), ("sigint", signal.SIGINT)])
def test_serve_answers_logs_its_url_and_returns_on_signal(tmp_path: Path, name: str, stop: int) -> None:
    port = free_port(socket.SOCK_STREAM)
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text(f"api_port = {port}\n", encoding="utf-8")
    env = dict(os.environ, CARRIERDESK_CONFIG_DIR=str(config), CARRIERDESK_DATA_DIR=str(tmp_path / "data"),
               CARRIERDESK_SECRETS="file")
    env.pop("CARRIERDESK_DB_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE_SCRIPT, f"sqlite:///{tmp_path}/{name}.db"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 20
        health = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health = requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).json()
                break
            except requests.ConnectionError:
                time.sleep(0.05)
        assert health is not None, process.communicate(timeout=5)
        assert health["database"] == "sqlite"
        assert health["secrets_fallback"] is True
        # Which installation this is, told to a client on this machine: the id made in its data folder at the first
        # start, the process, the database and its schema revision.
        assert health["instance_id"] == (tmp_path / "data" / "instance-id").read_text(encoding="ascii").strip()
        assert len(health["instance_id"]) == 32
        assert health["pid"] == process.pid
        assert health["database_url"] == f"sqlite:///{tmp_path}/{name}.db"
        assert health["data_dir"] == str(tmp_path / "data")
        assert health["schema_revision"] is not None
        process.send_signal(stop)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "serve returned" in out
    assert f"Carrierdesk API listening on http://127.0.0.1:{port}/api/v1" in err
    assert "Traceback" not in err


def test_taken_port_is_a_user_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UserError, match=f"cannot listen on 127.0.0.1:{port}"):
            bind("127.0.0.1", port)


@pytest.mark.parametrize(("mirror", "original"), [
    (schemas.Role, enums.Role),
    (live_schemas.LiveEventKind, events.CallEventKind),
    (schemas.AccountKind, enums.AccountKind),
    (schemas.Status, enums.Status),
    (schemas.PaymentKind, enums.PaymentKind),
    (job_schemas.JobState, jobs.JobState),
    (rate_schemas.TariffKind, enums.TariffKind),
    (rate_schemas.DisconnectFeeRule, enums.DisconnectFeeRule),
    (rate_schemas.DisconnectFeeRule, billing_rates.DisconnectFeeRule),
    (package_schemas.Period, enums.Period),
    (carrier_schemas.Transport, enums.Transport),
    (carrier_schemas.NumberFormat, routing_carriers.NumberFormat),
    (routing_schemas.RouteStrategy, enums.RouteStrategy),
    (routing_schemas.RouteStrategy, dial_plans.Strategy),
    (routing_schemas.Outcome, results.Outcome),
    (routing_schemas.SkipReason, results.SkipReason),
    (reseller_schemas.ResellerKind, enums.ResellerKind),
    (did_schemas.DidKind, enums.DidKind),
    (did_schemas.TrunkAuth, enums.TrunkAuth),
    (card_schemas.CardStatus, enums.CardStatus),
    (account_schemas.CallBlock, call_readiness.CallBlock),
])
def test_schema_enums_repeat_the_store_values(mirror: type[enum.StrEnum], original: type[enum.StrEnum]) -> None:
    assert [m.value for m in mirror] == [m.value for m in original]


def test_schemas_import_only_pydantic_and_the_standard_library() -> None:
    code = ("import sys, pkgutil, importlib, switch_service.api.schemas as s; "
            "[importlib.import_module(f'{s.__name__}.{m.name}') for m in pkgutil.iter_modules(s.__path__)]; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'fastapi', 'starlette', 'sqlalchemy', 'alembic', 'uvicorn', 'keyring'} "
            "or (m.startswith('switch_service.') and m != 'switch_service.api' "
            "and not m.startswith('switch_service.api.schemas'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
