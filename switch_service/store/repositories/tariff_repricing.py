"""Repricing a tariff without holding the database's write lock for long (SQLite has one writer, and the RADIUS
processes must store reservations and Stops meanwhile): the API's raise and blend jobs.

A raise in one transaction held the lock for its whole run (100 000 rates: 14 s). Here the new prices are worked
out batch by batch into a temporary table (`store.staging`), then one short transaction updates the rates from it (a
joined UPDATE, which on MariaDB also spares PyMySQL's row-by-row executemany: 117 s for 100 000 rates). A blend's
rates are staged likewise and replace the tariff's in one short transaction. Either bumps the tariff's version, but
only if it is still the one the prices were worked out at: an edit or import meanwhile makes the job change nothing
and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import cast

from sqlalchemy import Column, Engine, Integer, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from switch_service.billing.money import MONEY_QUANTUM
from switch_service.errors import UserError
from switch_service.routing.blend import BlendedRate, raise_by
from switch_service.store.models import Rate, Tariff
from switch_service.store.models.enums import TariffKind
from switch_service.store.staging import insert_values, staged, staging_table

PRICE_COLUMNS = ("price_per_minute", "step1_price", "step2_price", "step3_price", "offpeak_price", "weekend_price",
                 "holiday_price")
FEE_COLUMNS = ("connect_fee", "disconnect_fee", "min_cost")
RAISE_BATCH = 5_000
STAGING = "raised_rates"
BLEND_STAGING = "blended_rates"
_BLENDED = ("prefix", "destination", "price_per_minute", "initial_block_s", "increment_s", "connect_fee")


def raise_tariff(engine: Engine, tariff_id: int, percent: Decimal, *, step: Decimal | None = None,
                        fees: bool = False, progress: Callable[[int, int], None] | None = None,
                        finish: Callable[[Session, int], None] | None = None) -> int:
    """Raise every price of every rate of the tariff by `percent` % (`routing.blend.raise_by`; with `fees`, the
    connect and disconnect fees and the minimum cost too) and bump its version; commits, and returns the number of
    rates changed.

    `progress(done, total)` before the first batch and after each (raising there changes nothing);
    `finish(session, changed)` inside the writing transaction just before its commit. UserError when the tariff
    is deleted or changed while its new prices are worked out.
    """
    columns = PRICE_COLUMNS + (FEE_COLUMNS if fees else ())
    table = staging_table(STAGING, Column("id", Integer, primary_key=True),
                          *(Column(name, getattr(Rate, name).type) for name in columns))
    with engine.connect() as connection:
        with Session(bind=connection) as session:
            seen = session.scalar(select(Tariff.version).where(Tariff.id == tariff_id))
            total = session.scalar(select(func.count()).select_from(Rate).where(Rate.tariff_id == tariff_id)) or 0
        if seen is None:
            raise UserError(f"tariff {tariff_id} was deleted before the job ran; nothing changed")
        with staged(connection, table):
            done, after = 0, 0
            if progress is not None:
                progress(done, total)
            while True:
                with Session(bind=connection) as session:
                    rows = session.execute(select(Rate.id, *(getattr(Rate, name) for name in columns))
                                           .where(Rate.tariff_id == tariff_id, Rate.id > after).order_by(Rate.id)
                                           .limit(RAISE_BATCH)).all()
                if not rows:
                    break
                with connection.begin():
                    connection.execute(insert(table), [
                        {"id": row[0], **{name: None if value is None else raise_by(value, percent, step)
                                          for name, value in zip(columns, row[1:], strict=True)}} for row in rows])
                done, after = done + len(rows), rows[-1][0]
                if progress is not None:
                    progress(done, total)
            with Session(bind=connection) as session, session.begin():
                bumped = session.execute(update(Tariff).where(Tariff.id == tariff_id, Tariff.version == seen)
                                         .values(version=Tariff.version + 1)
                                         .execution_options(synchronize_session=False))
                if getattr(bumped, "rowcount", 0) != 1:
                    raise UserError(f"tariff {tariff_id} changed while its new prices were worked out; nothing "
                                    "changed: start the raise again")
                session.execute(update(Rate).where(Rate.id == table.c.id)
                                .values({name: table.c[name] for name in columns})
                                .execution_options(synchronize_session=False))
                if finish is not None:
                    finish(session, done)
    return done


def write_sell_tariff_staged(engine: Engine, tariff_id: int, rates: Sequence[BlendedRate], valid_from: dt.datetime,
                             *, seen_version: int, finish: Callable[[Session, int], None] | None = None) -> int:
    """Replace every rate of the sell tariff with `rates` (as `routing.write_sell_tariff`), staged; commits and
    returns the tariff's new version. `finish(session, version)` runs inside the writing transaction just before
    its commit. UserError when the tariff changed (its version is not `seen_version`, the one its prefixes were
    read at), became a buy tariff or was deleted meanwhile."""
    rates_table = cast(Table, Rate.__table__)
    table = staging_table(BLEND_STAGING, *(Column(name, rates_table.c[name].type) for name in _BLENDED))
    with engine.connect() as connection, staged(connection, table):
        for offset in range(0, len(rates), RAISE_BATCH):
            with connection.begin():
                connection.execute(insert(table), [
                    {"prefix": rate.prefix, "destination": rate.destination[:120],
                     "price_per_minute": rate.price_per_minute, "initial_block_s": rate.initial_block_s,
                     "increment_s": rate.increment_s, "connect_fee": rate.connect_fee}
                    for rate in rates[offset:offset + RAISE_BATCH]])
        with Session(bind=connection) as session, session.begin():
            bumped = session.execute(update(Tariff).where(Tariff.id == tariff_id, Tariff.version == seen_version,
                                                          Tariff.kind == TariffKind.SELL)
                                     .values(version=Tariff.version + 1)
                                     .execution_options(synchronize_session=False))
            if getattr(bumped, "rowcount", 0) != 1:
                raise UserError(f"tariff {tariff_id} changed while it was blended; nothing changed: start the blend "
                                "again")
            session.execute(delete(Rate).where(Rate.tariff_id == tariff_id)
                            .execution_options(synchronize_session=False))
            values = insert_values(rates_table, {"tariff_id": tariff_id, "valid_from": valid_from,
                                                 **{name: table.c[name] for name in _BLENDED}})
            session.execute(insert(Rate).from_select(list(values), select(*values.values()).select_from(table)
                                                     .order_by(table.c.prefix)))
            version = session.scalar(select(Tariff.version).where(Tariff.id == tariff_id)) or 0
            if finish is not None:
                finish(session, version)
    return version


# A white-label markup rounds every new price UP to the money quantum (ROUND_CEILING, `routing.blend.round_up`), so a
# marked-up price is never below the buy price it came from.
MARKUP_STEP = MONEY_QUANTUM


def markup_for(prefix: str, markup: Decimal, prefix_markups: Mapping[str, Decimal]) -> Decimal:
    """The percent for a rate's prefix: the longest `prefix_markups` key it starts with, else `markup`."""
    matching = [key for key in prefix_markups if prefix.startswith(key)]
    return prefix_markups[max(matching, key=len)] if matching else markup


def mark_up_tariff(session: Session, buy_tariff_id: int, sell_tariff_id: int, markup: Decimal,
                   prefix_markups: Mapping[str, Decimal]) -> int:
    """Replace every rate of the sell tariff with a copy of the buy tariff's, every price and fee raised by its
    markup (`markup_for`, `raise_by` rounded up by MARKUP_STEP), and bump the sell tariff's version; in the
    caller's transaction, so a failure writes nothing. Returns the number of rates written."""
    rates_table = cast(Table, Rate.__table__)
    copied = [column.name for column in rates_table.c if column.name not in ("id", "tariff_id")]
    money = PRICE_COLUMNS + FEE_COLUMNS
    rows = session.execute(select(*(rates_table.c[name] for name in copied))
                           .where(rates_table.c.tariff_id == buy_tariff_id)
                           .order_by(rates_table.c.prefix, rates_table.c.valid_from)).mappings().all()
    session.execute(delete(Rate).where(Rate.tariff_id == sell_tariff_id).execution_options(synchronize_session=False))
    for offset in range(0, len(rows), RAISE_BATCH):
        batch = []
        for row in rows[offset:offset + RAISE_BATCH]:
            percent = markup_for(row["prefix"], markup, prefix_markups)
            batch.append({**row, "tariff_id": sell_tariff_id,
                          **{name: raise_by(row[name], percent, MARKUP_STEP) for name in money
                             if row[name] is not None}})
        session.execute(insert(Rate), batch)
    session.execute(update(Tariff).where(Tariff.id == sell_tariff_id).values(version=Tariff.version + 1)
                    .execution_options(synchronize_session=False))
    return len(rows)
