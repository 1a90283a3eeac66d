"""Live calls: the event stream, the snapshot of calls in progress, hangup and the rolling counters.

Support and reseller users see live calls without the carrier side (carrier, buy rate, per-carrier counters):
those fields are absent from their answers, not null.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Literal

from pydantic import Field

from switch_service.api.schemas import Id, InputModel, Money, OutputModel

CALL_ID_DESCRIPTION = "the accounting session id (h323-conf-id): the same as the call's CDRs' call_id"


class LiveEventKind(enum.StrEnum):
    STARTED = "started"
    ANSWERED = "answered"
    FAILED_OVER = "failed_over"
    ENDED = "ended"
    IVR = "ivr"  # the caller is in the IVR (came in, or its stage or account changed); started or ended follows


IVR_STAGE_DESCRIPTION = ("state ivr: where the caller is, as its media worker says: start (answering), language "
                         "(language menu), ani_check, pin, pin_check, register_offer, register_check, voucher, "
                         "voucher_check, card (another card's PIN, to move its balance), card_check, agent_pin, "
                         "agent_check, customer, amount, agent_recharge_check (a retail agent recharging a "
                         "customer), destination, "
                         "destination_check, announce (minutes said, hand-off next), "
                         "closing (a last message, then hang-up); null until the worker reports")
IVR_WORKER_DESCRIPTION = "state ivr: the media worker of the node that holds the caller (null: a fixed IVR endpoint)"


class LiveEventOut(OutputModel):
    """One call event: the `data:` of an SSE message whose `event:` is its kind."""

    kind: LiveEventKind
    call_id: str = Field(description=CALL_ID_DESCRIPTION)
    sip_call_id: str = Field(description="the caller leg's SIP Call-ID")
    caller: str
    destination: str
    account_id: int | None = None
    sell_rate: Money | None = Field(default=None, description="per minute")
    started_at: dt.datetime | None = None
    talk_time_left_s: int | None = Field(default=None, description="the talk time the account's credit allows")
    codec: str | None = None
    sip_code: int | None = Field(default=None, description="failed_over: the failed carrier's answer")
    duration_s: float | None = Field(default=None, description="ended: talk time")
    cause: str | None = Field(default=None, description="ended: e.g. normal-clearing, operator-hangup")
    destination_name: str | None = Field(default=None, description="the destination as rated (United Kingdom)")
    node: str | None = Field(default=None, description="the switch node the call is on: the one this API runs "
                                                       "beside (each node streams its own calls' events)")
    did: str | None = Field(default=None, description="ivr: the access number the caller dialled")
    ivr_stage: str | None = Field(default=None, description=IVR_STAGE_DESCRIPTION)
    ivr_worker: int | None = Field(default=None, description=IVR_WORKER_DESCRIPTION)


class LiveEventFullOut(LiveEventOut):
    """As `LiveEventOut`, with the carrier: what admins see."""

    carrier_id: int | None = None
    carrier_name: str | None = None


class GatewayEventOut(OutputModel):
    """A carrier gateway stopped answering the switch's OPTIONS keep-alive, or answers (again): the `data:` of an
    SSE message whose `event:` is gateway_down or gateway_up (admins only)."""

    kind: Literal["gateway_up", "gateway_down"]
    carrier_id: int
    carrier_name: str | None = None
    gateway_id: int
    address: str = Field(description="host:port/transport")
    sip_code: int | None = Field(default=None, description="the last answer to OPTIONS; null: none came")
    at: dt.datetime = Field(description="since when it is up or down")


class LiveCallOut(OutputModel):
    """An answered call in progress, or a caller in the IVR (state ivr: destination empty, `did` the access
    number, `account_id` once the IVR identified the card or account), as the store has it."""

    id: int
    call_id: str = Field(description=CALL_ID_DESCRIPTION)
    account_id: int | None = None
    caller: str
    destination: str
    did: str | None = None
    destination_name: str | None = None
    state: str = Field(description="answered, or ivr: the caller is in the IVR (it becomes the bridged call, with "
                                   "the same call_id, when the IVR hands it on)")
    ivr_stage: str | None = Field(default=None, description=IVR_STAGE_DESCRIPTION)
    ivr_worker: int | None = Field(default=None, description=IVR_WORKER_DESCRIPTION)
    sell_rate: Money | None = Field(default=None, description="per minute, in the band the call is billed at")
    codec: str | None = None
    started_at: dt.datetime
    answered_at: dt.datetime | None = None
    duration_s: int = Field(description="seconds since answer")
    talk_time_left_s: int | None = Field(default=None, description="credit time left; null when not known")
    node: str | None = Field(default=None, description="the switch node that carries the call (its RADIUS server "
                                                       "got the Start); null for a call from before nodes had names")


class LiveCallFullOut(LiveCallOut):
    carrier_id: int | None = None
    carrier_name: str | None = None
    buy_rate: Money | None = None


class LiveCallPage(OutputModel):
    """One keyset page, oldest first: pass `next_after` as `after` to get the next one; null means the end."""

    view: Literal["full"] = "full"
    items: list[LiveCallFullOut]
    next_after: int | None = None


class LiveCallRestrictedPage(OutputModel):
    """As `LiveCallPage`, for roles that may not see the carrier side of a call."""

    view: Literal["restricted"] = "restricted"
    items: list[LiveCallOut]
    next_after: int | None = None


class HangupOut(OutputModel):
    call_id: str
    ended: bool = Field(description="true: both legs were sent BYE and the call is over; false (202): another node "
                                    "carries it and was asked to hang it up, which it does within about a second")
    node: str | None = Field(default=None, description="the node asked to hang it up, when not this one (202)")


class KpisOut(OutputModel):
    """The dashboard's figures (`GET /live/kpis`): the calls now, and today's calls, ASR, ACD, minutes and money
    (as the traffic report counts them, from the call records, in the company's day and time zone), accounts with
    a low balance and carriers down. Money and carriers as the role may see them: absent otherwise."""

    currency: str = Field(description="the company's currency, of the money figures")
    time_zone: str = Field(description="the company's time zone: today is its day")
    day_started_at: dt.datetime
    calls_now: int = Field(description="answered calls in progress")
    calls_per_second: float = Field(description="calls routed per second over the last 10 seconds")
    calls_today: int
    answered_today: int
    asr_percent: float | None = Field(default=None, description="answered / calls today × 100; absent without calls")
    acd_s: float | None = Field(default=None, description="average talk seconds of today's answered calls; absent "
                                                          "without any")
    minutes_today: float
    revenue_today: Money | None = Field(default=None, description="admins and resellers")
    profit_today: Money | None = Field(default=None, description="admins")
    low_balance_accounts: int = Field(description="active customer accounts (prepaid, no cards) below the "
                                                  "company's low-balance threshold")
    low_balance_below: Money
    carriers_down: int | None = Field(default=None, description="admins: enabled carriers with no gateway that "
                                                                "answers the switch's keep-alive")
    carriers: int | None = Field(default=None, description="admins: enabled carriers")


class AsrWindow(OutputModel):
    minutes: int
    calls: int = Field(description="calls that ended in the window (per carrier: attempts)")
    answered: int
    asr_percent: float | None = Field(default=None, description="answered / calls × 100; null without calls")


class CarrierCounters(OutputModel):
    carrier_id: int
    carrier_name: str | None = None
    concurrent_calls: int
    asr: list[AsrWindow]


class NodeCalls(OutputModel):
    node: str | None = Field(description="the switch node (null: calls from before nodes had names)")
    concurrent_calls: int


class LiveCountersBase(OutputModel):
    concurrent_calls: int = Field(description="answered calls in progress (the live-call table, callers in the IVR "
                                              "aside): every node's")
    nodes: list[NodeCalls] = Field(default_factory=list, description="the answered calls in progress per switch "
                                   "node of the cluster (one entry on a single service); calls per second and ASR "
                                   "are this node's own, from its switch's events")
    calls_per_second: float = Field(description="calls routed per second over the last 10 seconds")
    asr: list[AsrWindow] = Field(description="over the last 5, 15 and 60 minutes")
    switch_attached: bool = Field(description="false: this service runs no SIP switch (no events, no hangup)")
    ivr_workers: int = Field(default=0, description="IVR media workers running")
    ivr_sessions: int = Field(default=0, description="callers in the IVR now (4 per worker at most)")
    ivr_busy: int = Field(default=0, description="callers refused with 503 since the start: every IVR slot was busy")
    ivr_pin_failures: int = Field(default=0, description="wrong PINs since the start (the RADIUS server's count, "
                                  "third-party gateways' included)")
    ivr_pin_lockouts: int = Field(default=0, description="PIN entries refused since the start because the caller "
                                  "number or the access number was locked after wrong PINs (ivr_lockout_*)")


class LiveCountersOut(LiveCountersBase):
    """What support sees: no carriers."""

    view: Literal["restricted"] = "restricted"


class LiveCountersFullOut(LiveCountersBase):
    """With per-carrier counters (attempts and answers from the attempt CDRs): what admins see."""

    view: Literal["full"] = "full"
    carriers: list[CarrierCounters]


class TestCallIn(InputModel):
    account_id: Id = Field(description="the account the call is billed to")
    number: str = Field(min_length=1, max_length=32, pattern=r"^\+?[0-9][0-9 ()-]*$",
                        description="the number dialled: E.164 (+44 20 7946 0018) or digits")
    seconds: int = Field(default=30, ge=1, le=3600, description="talk time: the test caller hangs up after it")


class TestCallOut(OutputModel):
    sip_call_id: str = Field(description="the test caller's SIP Call-ID (a live event's sip_call_id)")
    answered: bool
    sip_code: int = Field(description="the switch's final answer to the INVITE (408: none came)")
    reason: str
    warning: str = Field(default="", description="the switch's Warning header: why it refused, when it did")
    seconds: int
