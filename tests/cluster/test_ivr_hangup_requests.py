"""An operator's hang-up of a caller in the IVR asked through another node's API: the request is found on the IVR
session's live row (key `ivr:<conf id>`, store/repositories/live_ivr.py) though the API names the call by its conf
id, and the carrying node reads it back under that conf id, which its switch knows the leg by."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.cluster import hangups
from switch_service.store.models import LiveCall
from switch_service.store.repositories.live_ivr import IVR_STATE, row_key


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mariadb"])
def test_a_hang_up_of_another_nodes_ivr_session_reaches_that_node(db_engine: Engine) -> None:
    now = dt.datetime.now(dt.UTC)
    with Session(db_engine) as session, session.begin():
        session.add(LiveCall(call_id=row_key("c0ffee"), caller="442079460000", destination="", did="18005550100",
                             state=IVR_STATE, ivr_stage="pin", ivr_worker=1, started_at=now, last_seen_at=now,
                             node="carrier"))
    with Session(db_engine) as session, session.begin():
        assert hangups.ask(session, "c0ffee", "other") == "carrier"
        assert hangups.ask(session, "c0ffee", "carrier") is None  # its own node hangs it up itself
    with Session(db_engine) as session:
        assert hangups.asked(session, "carrier") == ["c0ffee"]
        assert hangups.asked(session, "other") == []
        asked_at = session.scalar(select(LiveCall.hangup_requested_at).where(LiveCall.call_id == row_key("c0ffee")))
        assert asked_at is not None
