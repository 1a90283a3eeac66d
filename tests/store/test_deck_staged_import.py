"""The staged rate-deck import (the API job's) on every backend: the same result as a one-transaction import, and
nothing imported when it is cancelled while staging, refused at the switch-over, or clashes with a deck that was
switched in while it staged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.decks import DeckError, parse_deck, read_deck
from switch_service.store.deck_loader import ImportResult, import_deck, import_deck_staged
from switch_service.store.models import Rate, Tariff
from switch_service.store.repositories.rates import find_rate_sql, get_or_create_tariff

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
MIDNIGHT = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)


class StopError(Exception):
    pass


def _tariff(engine: Engine) -> int:
    with Session(engine) as session, session.begin():
        return get_or_create_tariff(session, "retail").id


def _state(engine: Engine, tariff_id: int) -> tuple[int, int]:
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(Rate).where(Rate.tariff_id == tariff_id)) or 0
        return count, session.scalars(select(Tariff.version).where(Tariff.id == tariff_id)).one()


def test_staged_import_dates_and_closes_like_the_one_transaction_import(db_engine: Engine) -> None:
    tariff_id = _tariff(db_engine)
    seen: list[tuple[int, int]] = []
    first = import_deck_staged(db_engine, tariff_id, read_deck(DECKS / "native.csv", starts=T0),
                               progress=lambda done, total: seen.append((done, total)), chunk=2)
    assert first == ImportResult(tariff_id, 2, 5, 0)
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]
    new = parse_deck(["prefix,destination,price_per_minute\n", "44,United Kingdom,0.02\n", "4420,London,0.015\n"],
                     starts=MIDNIGHT)
    assert import_deck_staged(db_engine, tariff_id, new) == ImportResult(tariff_id, 3, 2, 1)
    assert _state(db_engine, tariff_id) == (7, 3)
    with Session(db_engine) as session:
        before = find_rate_sql(session, tariff_id, "442071234567", MIDNIGHT - dt.timedelta(seconds=1))
        after = find_rate_sql(session, tariff_id, "442071234567", MIDNIGHT)
        assert before is not None and (before.prefix, before.valid_until) == ("44", MIDNIGHT)
        assert after is not None and (after.prefix, after.price_per_minute) == ("4420", Decimal("0.015"))


def test_cancelled_while_staging_imports_nothing_and_the_connection_is_reusable(db_engine: Engine) -> None:
    tariff_id = _tariff(db_engine)
    deck = read_deck(DECKS / "native.csv", starts=T0)

    def cancel_after_first_chunk(done: int, _total: int) -> None:
        if done > 0:
            raise StopError

    with pytest.raises(StopError):
        import_deck_staged(db_engine, tariff_id, deck, progress=cancel_after_first_chunk, chunk=2)
    assert _state(db_engine, tariff_id) == (0, 1)
    # the staging table went with the job: the next import on the pooled connection stages afresh
    assert import_deck_staged(db_engine, tariff_id, deck).rows == 5
    assert _state(db_engine, tariff_id) == (5, 2)


def test_refused_at_the_switch_over_imports_nothing(db_engine: Engine) -> None:
    tariff_id = _tariff(db_engine)

    def refuse(_session: Session, result: ImportResult) -> None:
        assert result.rows == 5
        raise StopError

    with pytest.raises(StopError):
        import_deck_staged(db_engine, tariff_id, read_deck(DECKS / "native.csv", starts=T0), finish=refuse)
    assert _state(db_engine, tariff_id) == (0, 1)


def test_a_clash_switched_in_while_staging_is_refused_line_by_line(db_engine: Engine) -> None:
    tariff_id = _tariff(db_engine)
    deck = read_deck(DECKS / "native.csv", starts=T0)

    def another_import_meanwhile(done: int, _total: int) -> None:
        if done == 2:
            with Session(db_engine) as session, session.begin():
                import_deck(session, "retail", deck)

    with pytest.raises(DeckError) as refused:
        import_deck_staged(db_engine, tariff_id, deck, progress=another_import_meanwhile, chunk=2)
    assert len(refused.value.problems) == 5
    assert refused.value.problems[0].startswith("line 2: prefix 1 already has a rate starting")
    assert _state(db_engine, tariff_id) == (5, 2)  # the other import's, and nothing of this one
