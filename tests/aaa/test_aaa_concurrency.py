"""50 simultaneous Access-Requests on one account through the real server: never more reserved than there is."""

from __future__ import annotations

import concurrent.futures
from decimal import Decimal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import ANI, DEST, build_world, make_policy  # tests/aaa is on sys.path

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AuthDecision, AuthRequest
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.store.models import Account, Reservation

SECRET = b"concurrency-secret"
CALLS = 50


def test_fifty_parallel_authorisations_never_overspend(db_engine: Engine) -> None:
    # 1.00 at 0.10/min 60/60 with calls capped at 60 s: each call holds 0.10, so exactly ten fit
    world = build_world(db_engine, balance="1.00")
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name="switch")
    server = RadiusServer(make_policy(db_engine, max_call_seconds=60), registry, auth_port=0, acct_port=0,
                          workers=8, drop_log_interval=0.0)
    server.start()
    try:
        def one(number: int) -> AuthDecision:
            client = RadiusClient("127.0.0.1", SECRET, auth_port=server.auth_address[1],
                                  acct_port=server.acct_address[1], timeout=10.0, retries=2)
            return client.authorize(AuthRequest(ANI, calling_station_id=ANI, called_station_id=DEST,
                                                conf_id=f"parallel-{number}", call_id=f"p{number}@sw"))

        with concurrent.futures.ThreadPoolExecutor(CALLS) as pool:
            decisions = list(pool.map(one, range(CALLS)))
    finally:
        server.stop()
    assert len(decisions) == CALLS  # every request answered (a timeout would have raised)
    accepted = [d for d in decisions if d.accepted]
    assert len(accepted) == 10
    assert all(d.credit_time == 60 for d in accepted)
    # the balance is there, held by the other calls: "insufficient", never "zero balance" (SIP 402's reason)
    assert {d.return_code for d in decisions if not d.accepted} == {ReturnCode.INSUFFICIENT_BALANCE}
    with Session(db_engine) as session:
        held = session.scalar(select(func.coalesce(func.sum(Reservation.amount), 0)))
        count = session.scalar(select(func.count()).select_from(Reservation))
        account = session.get_one(Account, world.account_id)
    assert count == 10
    assert Decimal(str(held)) == account.reserved == Decimal("1.00")
    assert account.reserved <= account.balance + account.overdraft
