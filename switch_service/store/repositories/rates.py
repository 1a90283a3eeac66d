"""Tariffs and their rates: the SQL longest-prefix lookup and the streaming load behind the in-memory index.

The hot path rates from an in-memory prefix index built from `load_rates`; `find_rate_sql` is the anchors'
query, kept as the reference the index is checked and benchmarked against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from switch_service.errors import UserError
from switch_service.store.models import Rate, Tariff


def tariff_by_name(session: Session, name: str) -> Tariff | None:
    return session.scalar(select(Tariff).where(Tariff.name == name))


def get_or_create_tariff(session: Session, name: str) -> Tariff:
    """The tariff called `name`, created (version 1, sell side) when missing."""
    name = name.strip()
    if not name or len(name) > 120:
        raise UserError(f"tariff name {name!r} must be 1-120 characters")
    tariff = tariff_by_name(session, name)
    if tariff is None:
        tariff = Tariff(name=name)
        session.add(tariff)
        session.flush()
    return tariff


def leading_prefixes(number: str) -> list[str]:
    """Every leading substring of the dialled digits ("4420" -> 4, 44, 442, 4420); [] if not digits."""
    digits = number.strip().removeprefix("+")
    if not digits.isdigit() or not digits.isascii():
        return []
    return [digits[:end] for end in range(1, len(digits) + 1)]


def in_force(at: dt.datetime) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """valid_from <= at < valid_until (an empty valid_until is open-ended)."""
    return Rate.valid_from <= at, or_(Rate.valid_until.is_(None), Rate.valid_until > at)


def find_rate_sql(session: Session, tariff_id: int, number: str, at: dt.datetime) -> Rate | None:
    """The rate of the longest prefix of `number` in force at `at` (valid_from <= at < valid_until)."""
    prefixes = leading_prefixes(number)
    if not prefixes:
        return None
    return session.scalars(
        select(Rate)
        .where(Rate.tariff_id == tariff_id, Rate.prefix.in_(prefixes), *in_force(at))
        .order_by(func.length(Rate.prefix).desc(), Rate.valid_from.desc())
        .limit(1)
    ).first()


def load_rates(session: Session, tariff_id: int, *, at: dt.datetime | None = None,
               batch: int = 10_000) -> Iterator[Rate]:
    """Stream the tariff's rates (those in force at `at`, else all) in batches, ordered by prefix, valid_from."""
    query = select(Rate).where(Rate.tariff_id == tariff_id)
    if at is not None:
        query = query.where(*in_force(at))
    query = query.order_by(Rate.prefix, Rate.valid_from).execution_options(yield_per=batch)
    yield from session.scalars(query)


def count_rates(session: Session, tariff_id: int) -> int:
    return rate_counts(session, [tariff_id]).get(tariff_id, 0)


def rate_counts(session: Session, tariff_ids: Sequence[int]) -> dict[int, int]:
    """Rates per tariff (every validity period counted) for a page of tariffs, in one grouped query."""
    if not tariff_ids:
        return {}
    rows = session.execute(select(Rate.tariff_id, func.count()).where(Rate.tariff_id.in_(tariff_ids))
                           .group_by(Rate.tariff_id))
    return {tariff_id: count for tariff_id, count in rows}
