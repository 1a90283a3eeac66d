"""`carrier-switch bench api` on SQLite, small: one JSON line whose payment check holds (every acknowledged payment
committed once, balances exact) and whose RADIUS runs (alone, during, alone again) answered every request, with
their CPU measured; the database is empty again afterwards, and a database with accounts is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.cli import main
from switch_service.store.engine import make_engine
from switch_service.store.models import Account, Payment

pytestmark = pytest.mark.peers  # a whole `carrier-switch serve` under load, ~28 s of CPU


def test_bench_api_prints_its_figures_and_checks_the_money(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    assert main(["bench", "api", "--clients", "20", "--duration", "8", "--radius-requests", "300", "--db", url]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["backend"] == "sqlite" and figures["clients"] == 20
    assert figures["requests"] > 0 and figures["5xx"] == 0
    payments = figures["payments"]
    assert payments["acknowledged"] > 0
    assert payments["acknowledged_committed_once"] == payments["acknowledged"]
    assert payments["committed_twice"] == 0
    assert figures["balances_exact"] is True and figures["targets"]["payments_exact"] is True
    for run in ("radius_alone", "radius_during", "radius_alone_after"):  # alone, during the API load, alone again
        assert figures[run]["answered"] == figures[run]["accepted"] == 300
        assert figures[run]["server_cpu_ms_per_request"] > 0  # the RADIUS processes' own CPU, measured
    assert figures["radius_ratio"] > 0 and figures["p99_ms"] >= figures["p50_ms"] > 0
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            assert session.scalar(select(func.count()).select_from(Account)) == 0
            assert session.scalar(select(func.count()).select_from(Payment)) == 0
        with Session(engine) as session, session.begin():
            session.add(Account(number="1", name="a real customer"))
    finally:
        engine.dispose()
    assert main(["bench", "api", "--clients", "2", "--duration", "1", "--db", url]) == 2
    assert "scratch" in capsys.readouterr().err
