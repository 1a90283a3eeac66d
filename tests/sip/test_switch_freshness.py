"""The running switch follows the store without a restart: a caller number registered after its snapshot was built
is recognised on its first call (switch and RADIUS read it from the database), and an edited stored destination is
used once FRESHNESS_BOUND_S has passed (README "How fresh the switch and RADIUS are")."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from sip_peers import Sipp, wait_for
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from switch_rig import (
    ACCESS_NUMBER,
    CALLER_ANI,
    FR_DESTINATION,
    US_DESTINATION,
    call_cdrs,
    seed,
    start_rig,
)

from switch_service.store.models import Ani, Cdr

pytestmark = pytest.mark.peers

FRESHNESS_BOUND_S = 2.0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_new_ani_calls_at_once_and_an_edited_destination_is_used_within_the_bound(
        db_engine: Engine, sipp: Sipp) -> None:
    carrier = sipp.start("carrier_answer", calls=2)
    seeded = seed(db_engine, [carrier.port], ani=False)
    rig = start_rig(db_engine)
    try:
        unknown = sipp.start("caller_expect_480", remote_port=rig.port, service=ACCESS_NUMBER)
        assert unknown.wait(20) == 0, unknown.error_log()  # no such caller yet: the snapshot is loaded now

        with Session(db_engine) as session, session.begin():  # as POST /accounts/{id}/anis writes it
            session.add(Ani(account_id=seeded.account_id, number=CALLER_ANI, destination=US_DESTINATION))
        first = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=1000)
        assert first.wait(20) == 0, first.error_log()
        assert f"INVITE sip:{US_DESTINATION}@" in carrier.log()

        with Session(db_engine) as session, session.begin():  # as PATCH /anis/{id} writes it: in place
            session.scalars(select(Ani).where(Ani.number == CALLER_ANI)).one().destination = FR_DESTINATION
        time.sleep(FRESHNESS_BOUND_S)
        second = sipp.start("caller_basic", remote_port=rig.port, service=ACCESS_NUMBER, hold_ms=1000)
        assert second.wait(20) == 0, second.error_log()
        assert carrier.wait(10) == 0, carrier.error_log()
        assert f"INVITE sip:{FR_DESTINATION}@" in carrier.log()
        def answered() -> list[Cdr] | None:  # the refused first call has its row too (every attempt on record)
            rows = [cdr for cdr in call_cdrs(db_engine) if cdr.result == "answered"]
            return rows if len(rows) == 2 else None

        cdrs = wait_for(answered, what="two answered calls' CDRs")
        assert [cdr.destination for cdr in cdrs] == [US_DESTINATION, FR_DESTINATION]
        assert all(cdr.price > Decimal(0) for cdr in cdrs)
    finally:
        rig.stop()
