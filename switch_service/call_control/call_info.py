"""What the call control knows of one call, from its INVITE to its end: every concern reads and writes it."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from switch_service.call_control.targets import TargetInfo
from switch_service.sip.controller import EndCause, HangupBy, Reject


@dataclass
class CallInfo:
    """One call, keyed by the B2BUA's switch_ref."""

    key: str
    call_id: str
    conf_id: str
    caller: str
    source_host: str
    setup_at: dt.datetime
    did: str | None = None
    destination: str = ""
    account_id: int | None = None
    trunk_id: int | None = None
    ivr: bool = False
    ivr_shown: bool = False  # it was in the IVR, shown as a live call (ivr_sessions.py): its end is announced
    ivr_stage: str | None = None  # where the IVR's worker says the caller is
    ivr_worker: int | None = None
    ivr_account_id: int | None = None  # the account the IVR identified (the IVR leg's CDR does not name it)
    pin: str | None = field(default=None, repr=False)  # keyed in the IVR: a re-entry sends it back to a worker
    language: str | None = None  # chosen in the IVR's language menu: a re-entry sends it back too
    authorised: bool = False
    credit_time: int | None = None
    sell_rate: Decimal | None = None  # per minute, in the band the call starts in (the AAA server's `rate=`)
    destination_name: str | None = None  # as rated (the AAA server's `destination=`)
    targets: dict[str, TargetInfo] = field(default_factory=dict)
    target_order: list[str] = field(default_factory=list)
    attempts: int = 0
    attempt_started: dt.datetime | None = None
    last_code: int = 0
    holding_carrier: int | None = None
    answered: TargetInfo | None = None
    answered_at: dt.datetime | None = None
    last_tried: TargetInfo | None = None  # the carrier tried last: an unanswered call's row names it
    refusal: Reject | None = None  # what the switch answered when it refused the call
    hangup_by: HangupBy = HangupBy.SWITCH
    end_cause: EndCause | None = None
    dialled: str = ""  # the request-URI's number, normalised
    authorising: bool = False  # an Access-Request is under way
    recorded: bool = False  # the switch wrote the call's row itself (no Stop will come)
    challenged: bool = False  # answered 407: not an attempt yet
    dialogs: str | None = None  # both legs' dialogs as JSON (sip/dialog_state.py), kept with the live call
    dialogs_wait_for_start: bool = False
    codec: str | None = None
    counted_account: bool = False
    counted_trunk: bool = False
    ended: bool = False
    stopped: bool = False
    start_sent: asyncio.Future[None] | None = None
    interim: asyncio.TimerHandle | None = None
