"""The FreeRADIUS peer of `carrier-switch bench radius` does the job ours does: it holds each call's money.

The ratio the bench prints is only meaningful if the peer holds money per Access-Request the way our policy
does; these tests run the bench's generated FreeRADIUS configuration (rlm_sql on PostgreSQL and MariaDB) and
look at the database afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from switch_service.bench import radius as bench
from switch_service.store.engine import make_engine
from switch_service.store.models import Account, Reservation
from tests.aaa.conftest import radclient, require_binary
from tests.conftest import fresh_database

pytestmark = pytest.mark.peers

SECRET = bench.SECRET


@pytest.fixture(params=["postgresql", "mariadb"])
def bench_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    require_binary("freeradius")
    engine = make_engine(fresh_database(str(request.param), "benchpeer"))
    bench.fill(engine)
    try:
        yield engine
    finally:
        bench.empty(engine)
        engine.dispose()


def _access_request(tmp_path: Path, ani: str, conf_id: str) -> Path:
    path = tmp_path / f"{conf_id}.txt"
    path.write_text(f'User-Name = "{ani}"\nCalling-Station-Id = "{ani}"\nCalled-Station-Id = "{bench.DESTINATION}"\n'
                    f'h323-conf-id = "h323-conf-id={conf_id}"\n', encoding="utf-8")
    return path


def test_freeradius_peer_holds_each_calls_money_and_rejects_an_empty_account(bench_engine: Engine,
                                                                              tmp_path: Path) -> None:
    rich, empty = str(bench.ANI_BASE + 1), str(bench.ANI_BASE + 2)
    with Session(bench_engine) as session, session.begin():
        empty_id = session.scalar(select(Account.id).where(Account.number == "B000002"))
        session.execute(update(Account).where(Account.id == empty_id).values(balance=Decimal(0)))
    with bench.running_freeradius(bench_engine, threads=4) as peer:
        answers = [radclient(peer.auth_port, "auth", _access_request(tmp_path, rich, f"call-{n}"), SECRET)
                   for n in range(3)]
        refused = radclient(peer.auth_port, "auth", _access_request(tmp_path, empty, "call-empty"), SECRET)
    assert [answer.reply_code() for answer in answers] == ["Access-Accept"] * 3
    assert refused.reply_code() == "Access-Reject"
    assert refused.reply_attributes()["h323-return-code"] == ["h323-return-code=4"]
    with Session(bench_engine) as session:
        held = session.execute(select(Reservation.account_id, func.count(), func.sum(Reservation.amount))
                               .group_by(Reservation.account_id)).all()
        rich_account = session.get_one(Account, held[0][0])
    # 4 hours at the bench rate of 0.025/min = 6.00 per call, as our policy holds for a rich account
    assert [(count, total) for _, count, total in held] == [(3, Decimal("18.00"))]
    assert rich_account.number == "B000001"
    assert rich_account.reserved == Decimal("18.00")
