"""Rating is the same whether the in-memory index or the anchors' SQL query finds the rate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from switch_service.billing.prefix_index import PrefixIndex
from switch_service.billing.rating import rate_call
from switch_service.store.models import Rate, Tariff
from switch_service.store.repositories.rates import find_rate_sql, load_rates
from switch_service.store.repositories.routing import to_billing_rate

MIDNIGHT = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
prefixes = st.text(alphabet="0123456789", min_size=1, max_size=5)
deck = st.dictionaries(prefixes, st.tuples(st.integers(1, 99_999), st.booleans()), min_size=1, max_size=25)
calls = st.lists(st.tuples(st.text(alphabet="0123456789", min_size=4, max_size=9),
                           st.sampled_from([MIDNIGHT - dt.timedelta(hours=1), MIDNIGHT + dt.timedelta(hours=1)]),
                           st.integers(0, 3600)), min_size=1, max_size=20)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(deck=deck, calls=calls)
def test_index_and_sql_find_the_same_rate_and_price(db_engine: Engine, deck: dict[str, tuple[int, bool]],
                                                    calls: list[tuple[str, dt.datetime, int]]) -> None:
    with Session(db_engine) as session, session.begin():
        session.execute(delete(Rate))
        session.execute(delete(Tariff))
        tariff = Tariff(name="t")
        session.add(tariff)
        session.flush()
        for prefix, (micro_price, from_midnight) in deck.items():  # some rates start at midnight
            session.add(Rate(tariff_id=tariff.id, prefix=prefix, price_per_minute=Decimal(micro_price) / 10**6,
                             initial_block_s=30, increment_s=6, connect_fee=Decimal("0.01"),
                             valid_from=MIDNIGHT if from_midnight else MIDNIGHT - dt.timedelta(days=30)))
        tariff_id = tariff.id
    with Session(db_engine) as session:
        index = PrefixIndex((row.prefix, to_billing_rate(row)) for row in load_rates(session, tariff_id))
        for number, at, seconds in calls:
            row = find_rate_sql(session, tariff_id, number, at)
            from_sql = to_billing_rate(row) if row is not None else None
            from_index = index.lookup(number, at)
            assert from_sql == from_index, (number, at)
            if from_sql is not None and from_index is not None:
                assert rate_call(from_sql, at, seconds) == rate_call(from_index, at, seconds)
