"""`carrier-switch routes explain` and `carrier-switch tariffs blend` as the operator runs them (the CLI's entry
point, in this process: tests/cli_harness.py), against real databases on all three backends."""

from __future__ import annotations

import base64
import subprocess
from decimal import Decimal

from cli_harness import run_cli
from routing_db import AT, EPOCH, cdr, fill
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.security.pins import PinCipher
from switch_service.store.demo_data import load_demo_data
from switch_service.store.models import Account, Rate, Tariff


def run(engine: Engine, *args: str) -> subprocess.CompletedProcess[str]:
    url = engine.url.render_as_string(hide_password=False)
    return run_cli(*args, "--db", url)


def table(output: str) -> list[list[str]]:
    """The explanation's rows after the header line ('#  carrier ...'), split on runs of 2+ spaces."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#"))
    return [[cell for cell in line.split("  ") if cell.strip()] for line in lines[start + 1:]]


def test_routes_explain(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        ids = fill(session)
        session.add(cdr(ids["Delta"], AT.replace(hour=9), 660))
    result = run(db_engine, "routes", "explain", "+44 7700 900123", "--account", str(ids["account"]),
                 "--at", AT.isoformat())
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "number 447700900123  dial plan routing-test  route prefix ''  strategy lcr  outcome routed" in out
    assert "sell rate 0.060000/min (prefix 447)" in out
    rows = table(out)
    assert [(row[0].strip(), row[1].strip()) for row in rows] == [
        ("1", "Beta"), ("2", "Alpha"), ("-", "Gamma"), ("-", "Delta"), ("-", "Epsilon")]
    beta, alpha, gamma, delta, epsilon = (" ".join(row) for row in rows)
    assert "777#07700900123" in beta and "0.040000" in beta and "0.020000" in beta and "50.00" in beta
    assert "447700900123" in alpha and "0.050000" in alpha and "0.010000" in alpha
    assert "skipped: at a loss (buy 0.070000 > sell 0.060000)" in gamma
    assert "skipped: over cap (daily cap 10 min reached (11 min today))" in delta
    assert "skipped: disabled" in epsilon


def test_routes_explain_blocked_and_by_account_number(db_engine: Engine, backend: str) -> None:
    with Session(db_engine) as session, session.begin():
        fill(session)
    result = run(db_engine, "routes", "explain", "19005550100", "--account", "500001", "--at", AT.isoformat())
    assert result.returncode == 0, result.stderr
    assert "route prefix '1900'" in result.stdout and "outcome blocked" in result.stdout
    if backend != "sqlite":  # the error paths do not depend on the database
        return
    missing = run(db_engine, "routes", "explain", "19005550100", "--account", "nobody")
    assert missing.returncode == 2 and "no account 'nobody'" in missing.stderr


def test_routes_explain_on_demo_data(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        load_demo_data(session, PinCipher(base64.urlsafe_b64encode(bytes(32)).decode()))
        account = session.scalar(select(Account).where(Account.number == "100001"))
        assert account is not None
        account_id = account.id
    result = run(db_engine, "routes", "explain", "525512345678", "--account", str(account_id),
                 "--at", "2026-03-10T12:00:00Z")
    assert result.returncode == 0, result.stderr
    # Mexico sells at 0.045: Bluewave 0.0195, Atlantic 0.021, Cobalt 0.0225 (LCR, standard plan)
    assert [row[1].strip() for row in table(result.stdout)] == ["Bluewave Telecom", "Atlantic Voice",
                                                                "Cobalt Wholesale"]


def test_tariffs_blend(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        fill(session)
        blended = Tariff(name="Blended")
        session.add(blended)
        session.flush()
        session.add(Rate(tariff_id=blended.id, prefix="49", destination="Germany", price_per_minute=Decimal("0.5"),
                         valid_from=EPOCH))
    result = run(db_engine, "tariffs", "blend", "--tariff", "Blended", "--carriers", "Alpha,Beta,Gamma,Delta",
                 "--margin", "20%", "--round-up", "0.001", "--starts", AT.isoformat())
    assert result.returncode == 0, result.stderr
    assert "6 prefixes priced from 4 carrier(s)" in result.stdout
    assert "uncovered: 1 prefix(es) no carrier covers: 49" in result.stdout
    with Session(db_engine) as session:
        tariff = session.scalar(select(Tariff).where(Tariff.name == "Blended"))
        assert tariff is not None and tariff.version == 2
        stored = {rate.prefix: str(rate.price_per_minute)
                  for rate in session.scalars(select(Rate).where(Rate.tariff_id == tariff.id))}
    assert stored == {"1": "0.006000", "33": "0.014000", "336": "0.015000", "44": "0.011000", "4420": "0.010000",
                      "447": "0.014000"}


def test_tariffs_blend_best_n_and_errors(db_engine: Engine, backend: str) -> None:
    with Session(db_engine) as session, session.begin():
        fill(session)
    result = run(db_engine, "tariffs", "blend", "--tariff", "Best2", "--carriers", "Alpha,Beta,Gamma,Delta,Epsilon",
                 "--margin", "0.002", "--best", "2", "--min-margin", "0.004", "--starts", AT.isoformat())
    assert result.returncode == 0, result.stderr
    assert "skipping Epsilon: carrier switched off" in result.stdout
    assert "uncovered: none" in result.stdout
    with Session(db_engine) as session:
        tariff_id = session.scalar(select(Tariff.id).where(Tariff.name == "Best2"))
        stored = {rate.prefix: str(rate.price_per_minute)
                  for rate in session.scalars(select(Rate).where(Rate.tariff_id == tariff_id))}
    assert stored["447"] == "0.029500"  # (0.011 + 0.040) / 2 + max(0.002, 0.004)
    assert stored["44"] == "0.013500"  # (0.009 + 0.010) / 2 + 0.004
    if backend != "sqlite":  # the error paths do not depend on the database
        return
    bad = run(db_engine, "tariffs", "blend", "--tariff", "X", "--carriers", "Alpha,Nope", "--margin", "5%")
    assert bad.returncode == 2 and "no carrier called 'Nope'" in bad.stderr
    buy = run(db_engine, "tariffs", "blend", "--tariff", "Alpha buy", "--carriers", "Beta", "--margin", "5%")
    assert buy.returncode == 2 and "is a buy tariff" in buy.stderr
