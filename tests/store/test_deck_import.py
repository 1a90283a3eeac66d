"""Rate decks into and out of every backend: all or nothing, dated decks, byte-identical export, SQL lookup."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from cli_harness import run_cli
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.decks import DeckError, parse_deck, read_deck
from switch_service.store.deck_loader import export_deck, import_deck
from switch_service.store.models import Rate, Tariff
from switch_service.store.repositories.rates import find_rate_sql, load_rates, tariff_by_name

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
MIDNIGHT = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)


def rate_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Rate)) or 0


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def test_import_then_export_is_byte_identical(db_engine: Engine) -> None:
    deck = read_deck(DECKS / "native.csv", starts=T0)
    seen: list[tuple[int, int]] = []
    with Session(db_engine) as session, session.begin():
        result = import_deck(session, "retail", deck, progress=lambda done, total: seen.append((done, total)),
                             chunk=2)
    assert (result.rows, result.version, result.closed) == (5, 2, 0)
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    out = io.StringIO()
    with Session(db_engine) as session:
        assert export_deck(session, "retail", out) == 5
    assert out.getvalue().encode() == (DECKS / "native.csv").read_bytes()


def test_awkward_text_survives_every_fast_path(db_engine: Engine) -> None:
    name = 'Tab\there, back\\slash, "quote", 50% off, Ünïcode'
    deck = parse_deck(["prefix,destination,price_per_minute\n", f'44,"{name.replace(chr(34), 2 * chr(34))}",0.1\n'],
                      starts=T0)
    with Session(db_engine) as session, session.begin():
        import_deck(session, "odd", deck)
    with Session(db_engine) as session:
        rate = session.scalars(select(Rate)).one()
        assert (rate.destination, rate.price_per_minute, rate.valid_from) == (name, Decimal("0.1"), T0)


def test_new_deck_starts_at_midnight_and_the_old_one_stays_until_then(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        import_deck(session, "retail", read_deck(DECKS / "native.csv", starts=T0))
    new = parse_deck(["prefix,destination,price_per_minute\n", "44,United Kingdom,0.02\n", "4420,London,0.015\n"],
                     starts=MIDNIGHT)
    with Session(db_engine) as session, session.begin():
        result = import_deck(session, "retail", new)
    assert (result.closed, result.version) == (1, 3)
    with Session(db_engine) as session:
        tariff = tariff_by_name(session, "retail")
        assert tariff is not None
        before = find_rate_sql(session, tariff.id, "442071234567", MIDNIGHT - dt.timedelta(seconds=1))
        after = find_rate_sql(session, tariff.id, "442071234567", MIDNIGHT)
        uk_after = find_rate_sql(session, tariff.id, "441234", MIDNIGHT)
        assert before is not None and (before.prefix, before.price_per_minute) == ("44", Decimal("0.012345"))
        assert before.valid_until == MIDNIGHT
        assert after is not None and (after.prefix, after.price_per_minute) == ("4420", Decimal("0.015"))
        assert uk_after is not None and uk_after.price_per_minute == Decimal("0.02")
        assert [r.prefix for r in load_rates(session, tariff.id, at=MIDNIGHT)] == ["1", "33", "336", "44", "4420",
                                                                                  "447"]
    with Session(db_engine) as session, session.begin(), pytest.raises(DeckError, match="line 2: prefix 44 already"):
        import_deck(session, "retail", new)  # the same deck again: nothing new, refused
    assert rate_count(db_engine) == 7


def test_sql_lookup_takes_the_longest_prefix_in_force(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        tariff_id = import_deck(session, "retail", read_deck(DECKS / "native.csv", starts=T0)).tariff_id
    with Session(db_engine) as session:
        mobile = find_rate_sql(session, tariff_id, "+447911123456", T0 + dt.timedelta(days=1))
        assert mobile is not None and mobile.prefix == "447"
        expired = find_rate_sql(session, tariff_id, "447911123456", dt.datetime(2026, 7, 1, tzinfo=dt.UTC))
        assert expired is not None and expired.prefix == "44"
        assert find_rate_sql(session, tariff_id, "447911", T0 - dt.timedelta(seconds=1)) is None
        assert find_rate_sql(session, tariff_id, "999", T0) is None
        assert find_rate_sql(session, tariff_id, "44x", T0) is None


def test_cli_refuses_a_bad_deck_listing_every_line(db_engine: Engine) -> None:
    url = db_engine.url.render_as_string(hide_password=False)
    done = cli("rates", "import", str(DECKS / "bad.csv"), "--tariff", "retail", "--db", url)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    for line in ("line 1:", "line 3:", "line 4:", "line 5:", "line 6:", "line 7:"):
        assert line in done.stderr
    assert rate_count(db_engine) == 0


def test_cli_import_and_export(db_engine: Engine, tmp_path: Path) -> None:
    url = db_engine.url.render_as_string(hide_password=False)
    done = cli("rates", "import", str(DECKS / "astpp.csv"), "--tariff", "wholesale", "--starts",
               "2026-01-01T00:00:00Z", "--db", url)
    assert done.returncode == 0, done.stderr
    assert "imported 4 rates (astpp layout)" in done.stdout
    out = tmp_path / "out.csv"
    done = cli("rates", "export", "--tariff", "wholesale", str(out), "--db", url)
    assert done.returncode == 0, done.stderr
    again = read_deck(out, starts=MIDNIGHT)
    assert [r.prefix for r in again.rows] == ["1", "33", "44", "447"]
    assert again.rows == read_deck(DECKS / "astpp.csv", starts=T0).rows
    with Session(db_engine) as session:
        assert session.scalar(select(Tariff.version).where(Tariff.name == "wholesale")) == 2
    missing = cli("rates", "export", "--tariff", "nope", str(out), "--db", url)
    assert missing.returncode == 2 and "tariff 'nope' does not exist" in missing.stderr
