"""How a caller in the IVR is kept among the live calls (call_control/ivr_sessions.py writes it; the API and the
cluster's hang-up requests read it): state "ivr", under the key `ivr:<conf id>`. Not the conf id itself: the bridged
call's Accounting-Start inserts its row under the conf id only when none is there (aaa/accounting.py), so the two
never share a key and the AAA server never takes an IVR row for the call's own. The API shows the row under the
conf id, the key of the call's events and CDR."""

from __future__ import annotations

IVR_STATE = "ivr"
ROW_PREFIX = "ivr:"


def row_key(conf_id: str) -> str:
    """The live-call row key of the IVR leg whose accounting session id is `conf_id`."""
    return ROW_PREFIX + conf_id


def session_id(key: str) -> str:
    """The accounting session id (the events' and CDR's call_id) of a live-call row key."""
    return key.removeprefix(ROW_PREFIX)
