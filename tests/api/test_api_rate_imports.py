"""Rate-deck imports through the API as background jobs: progress visible while loading, every bad line listed with
nothing imported, cancel imports nothing, export -> import -> export identical; and the loader rolls back when its
progress callback cancels, on every database."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.api.jobs import JobCancelledError
from switch_service.cli.rates_commands import write_synthetic_deck
from switch_service.decks import read_deck
from switch_service.store.deck_loader import CHUNK, import_deck
from switch_service.store.models import AuditEntry, Rate, Tariff

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

Job = dict[str, Any]


def _tariff(api: Api, name: str = "Retail") -> int:
    admin = {"Authorization": f"Bearer {api.login('admin')}"}
    return int(api.client.post("/api/v1/tariffs", headers=admin, json={"name": name}).json()["id"])


def _rates(api: Api, tariff_id: int) -> int:
    with api.session() as session:
        return session.scalar(select(func.count()).where(Rate.tariff_id == tariff_id)) or 0


def _version(api: Api, tariff_id: int) -> int:
    with api.session() as session:
        return session.scalars(select(Tariff.version).where(Tariff.id == tariff_id)).one()


def _start(api: Api, headers: dict[str, Any], tariff_id: int, content: bytes, name: str = "deck.csv",
           **options: str) -> Any:
    return api.client.post(f"/api/v1/tariffs/{tariff_id}/imports", headers=headers, data=options,
                           files={"file": (name, content, "text/csv")})


def _wait(api: Api, headers: dict[str, Any], job_id: str, until: Callable[[Job], bool] = lambda job: job[
        "state"] in {"succeeded", "failed", "cancelled"}) -> Job:
    deadline = time.monotonic() + 30
    while True:
        job: Job = api.client.get(f"/api/v1/jobs/{job_id}", headers=headers).json()
        if until(job) or time.monotonic() > deadline:
            return job
        time.sleep(0.02)


def _import(api: Api, headers: dict[str, Any], tariff_id: int, content: bytes, **options: str) -> Job:
    started = _start(api, headers, tariff_id, content, **options)
    assert started.status_code == 202, started.text
    return _wait(api, headers, started.json()["id"])


@contextmanager
def _database_held(api: Api) -> Iterator[None]:
    """Another writer holds SQLite's write lock: the import job reads its deck, then waits at its first INSERT."""
    holder = sqlite3.connect(str(api.engine.url.database), timeout=30, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_import_runs_as_a_job_and_the_rates_are_there_after(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    started = _start(api, admin, tariff_id, (DECKS / "native.csv").read_bytes(), name="uk-fr.csv")
    assert started.status_code == 202, started.text
    assert started.headers["location"] == f"/api/v1/jobs/{started.json()['id']}"
    assert started.json()["kind"] == "rates_import"
    job = _wait(api, admin, started.json()["id"])
    assert job["state"] == "succeeded", job
    assert (job["done"], job["total"]) == (5, 5)
    assert job["result"] == {"tariff_id": tariff_id, "file": "uk-fr.csv", "format": "native", "rows": 5,
                             "closed": 0, "version": 2}
    page = api.client.get(f"/api/v1/tariffs/{tariff_id}/rates?prefix=33", headers=admin).json()
    assert [(r["prefix"], r["destination"]) for r in page["items"]] == [("33", "France"),
                                                                         ("336", "France, Mobile")]
    assert _version(api, tariff_id) == 2
    with api.session() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
        assert (audit.entity, audit.entity_id, audit.actor) == ("tariff", str(tariff_id), "admin")


def test_progress_is_visible_while_the_rows_load(api: Api, auth_header: Header, tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, 2 * CHUNK + 5, seed=3)
    with _database_held(api):  # staging takes no lock: the job stages every row, then waits to switch them in
        job_id = _start(api, admin, tariff_id, deck.read_bytes()).json()["id"]
        loading = _wait(api, admin, job_id, lambda job: job["done"] == 2 * CHUNK + 5)
        assert (loading["state"], loading["done"], loading["total"]) == ("running", 2 * CHUNK + 5, 2 * CHUNK + 5)
        assert loading["message"] == f"loading rates: {2 * CHUNK + 5} of {2 * CHUNK + 5}"
        time.sleep(0.2)
        assert api.client.get(f"/api/v1/jobs/{job_id}", headers=admin).json()["state"] == "running"
        assert _rates(api, tariff_id) == 0  # nothing shows before the switch-over
    finished = _wait(api, admin, job_id)
    assert (finished["state"], finished["done"], finished["result"]["rows"]) == ("succeeded", 2 * CHUNK + 5,
                                                                                2 * CHUNK + 5)
    assert _rates(api, tariff_id) == 2 * CHUNK + 5


def test_a_deck_with_bad_rows_fails_listing_every_line_and_imports_nothing(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    job = _import(api, admin, tariff_id, (DECKS / "bad_rows.csv").read_bytes(), name="bad_rows.csv")
    assert job["state"] == "failed"
    assert job["message"] == "bad_rows.csv refused, nothing imported: 5 problems"
    assert job["errors"] == [
        "line 3: bad prefix '44a' (digits only)",
        "line 4: price_per_minute '-0.01' is negative",
        "line 5: increment_s '0' must be at least 1",
        "line 6: price_per_minute '0.0200001234' has more than 6 decimal places",
        "line 8: duplicate prefix 1 (also on line 2)",
    ]
    assert job["result"] is None
    assert (_rates(api, tariff_id), _version(api, tariff_id)) == (0, 1)


def test_rows_clashing_with_the_tariff_fail_the_job_and_import_nothing(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    assert _import(api, admin, tariff_id, (DECKS / "native.csv").read_bytes())["state"] == "succeeded"
    again = _import(api, admin, tariff_id, (DECKS / "native.csv").read_bytes())
    assert again["state"] == "failed"
    assert len(again["errors"]) == 5
    assert again["errors"][0] == "line 2: prefix 1 already has a rate starting 2026-01-01T00:00:00+00:00 in this tariff"
    assert (_rates(api, tariff_id), _version(api, tariff_id)) == (5, 2)


def test_cancel_while_loading_imports_nothing(api: Api, auth_header: Header, tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    deck = tmp_path / "big.csv"
    write_synthetic_deck(deck, 3 * CHUNK, seed=5)
    with _database_held(api):  # the job stages every row and waits for the lock to switch them in
        job_id = _start(api, admin, tariff_id, deck.read_bytes()).json()["id"]
        _wait(api, admin, job_id, lambda job: job["done"] == 3 * CHUNK)
        cancelled = api.client.post(f"/api/v1/jobs/{job_id}/cancel", headers=admin)
        assert cancelled.status_code == 200
    job = _wait(api, admin, job_id)  # the switch-over runs, then sees the cancel before its commit
    assert (job["state"], job["message"], job["done"]) == ("cancelled", "cancelled; nothing was written", 3 * CHUNK)
    assert (_rates(api, tariff_id), _version(api, tariff_id)) == (0, 1)
    with api.session() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "import")) == 0


def test_export_then_import_then_export_is_identical(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    first, second = _tariff(api, "First"), _tariff(api, "Second")
    assert _import(api, admin, first, (DECKS / "native.csv").read_bytes())["state"] == "succeeded"
    api.client.post(f"/api/v1/tariffs/{first}/rates", headers=admin,
                    json={"prefix": "44", "destination": "UK from April", "price_per_minute": "0.011",
                          "valid_from": "2026-04-01T00:00:00Z", "offpeak_price": "0.005"})
    exported = api.client.get(f"/api/v1/tariffs/{first}/rates.csv", headers=admin).content
    assert _import(api, admin, second, exported)["state"] == "succeeded"
    again = api.client.get(f"/api/v1/tariffs/{second}/rates.csv", headers=admin).content
    assert again == exported
    assert len(exported.splitlines()) == 1 + 6


@pytest.mark.parametrize("deck", ["a2billing.csv", "astpp.csv", "magnus.csv"])
def test_other_layouts_and_the_start_option(api: Api, auth_header: Header, deck: str) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    job = _import(api, admin, tariff_id, (DECKS / deck).read_bytes(), format=deck.removesuffix(".csv"),
                  starts="2026-03-01T00:00:00+01:00")
    assert job["state"] == "succeeded", job
    assert job["result"]["format"] == deck.removesuffix(".csv")
    rates = api.client.get(f"/api/v1/tariffs/{tariff_id}/rates?prefix=447", headers=admin).json()["items"]
    assert [(r["price_per_minute"], r["increment_s"]) for r in rates] == [("0.036500", 1)]
    # A2Billing decks carry their own start date; the others start at `starts` (in UTC).
    assert rates[0]["valid_from"] == ("2026-01-01T00:00:00Z" if deck == "a2billing.csv" else "2026-02-28T23:00:00Z")


def test_bad_options_are_a_422_naming_the_field(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    content = (DECKS / "native.csv").read_bytes()
    for options, field in (({"format": "excel"}, "format"), ({"starts": "tomorrow"}, "starts"),
                           ({"starts": "2026-04-01T00:00:00"}, "starts")):
        response = _start(api, admin, tariff_id, content, **options)
        assert response.status_code == 422, options
        assert response.json()["detail"][0]["loc"] == ["body", field]
    missing = api.client.post(f"/api/v1/tariffs/{tariff_id}/imports", headers=admin)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "file"]
    assert _start(api, admin, 999, content).status_code == 404
    not_utf8 = _import(api, admin, tariff_id, "prefix,price_per_minute\n44,0.1\n33,Bogotá\n".encode("latin-1"))
    assert (not_utf8["state"], "is not UTF-8 text" in not_utf8["message"]) == ("failed", True)
    assert _rates(api, tariff_id) == 0


def test_the_loader_rolls_back_when_its_callback_cancels(db_engine: Engine) -> None:
    """The API's cancel raises from the loader's progress callback: the COPY (PostgreSQL), multi-row INSERT
    (MariaDB) or executemany (SQLite) already under way must leave nothing behind."""
    deck = read_deck(DECKS / "native.csv", starts=T0)
    seen: list[int] = []

    def cancel_after_first_chunk(done: int, _total: int) -> None:
        seen.append(done)
        if done > 0:
            raise JobCancelledError

    with pytest.raises(JobCancelledError), Session(db_engine) as session, session.begin():
        import_deck(session, "retail", deck, progress=cancel_after_first_chunk, chunk=2)
    assert seen == [0, 2]
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(Rate)) == 0
        assert session.scalar(select(func.count()).select_from(Tariff)) == 0
        import_deck(session, "retail", deck)  # the connection is fine afterwards
        session.commit()
        assert session.scalar(select(func.count()).select_from(Rate)) == 5
