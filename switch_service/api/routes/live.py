"""Live calls: server-sent events from the switch, the calls in progress, hangup, and rolling counters.

The stream (`GET /live/events`) sends one SSE message per call event (`event:` its kind, `data:` the call as
JSON), a `: ping` comment every 15 s of quiet, and an `overflow` event when this reader fell so far behind that
events were dropped (re-read `GET /live/calls` then). It ends when the client goes away or the service stops.
Admins see the carrier; support and resellers do not; resellers see only the calls of their subtree's accounts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, status
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import Field
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from switch_service.api.audit import record_audit
from switch_service.api.deps import ApiContext, Context, CurrentUser, DbSession, Staff
from switch_service.api.keyset import keyset_page
from switch_service.api.live import ASR_WINDOWS_S
from switch_service.api.params import After, Limit
from switch_service.api.request_errors import conflict, error_responses, not_found
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, ErrorOut
from switch_service.api.schemas.live import (
    AsrWindow,
    CarrierCounters,
    HangupOut,
    LiveCallFullOut,
    LiveCallOut,
    LiveCallPage,
    LiveCallRestrictedPage,
    LiveCountersFullOut,
    LiveCountersOut,
    LiveEventFullOut,
    LiveEventOut,
)
from switch_service.api.visibility import account_visible
from switch_service.events import CallEvent, Subscription
from switch_service.sip.controller import HangupOutcome
from switch_service.store.models import Account, Carrier, LiveCall, User
from switch_service.store.models.enums import Role
from switch_service.store.repositories.reports import recent_attempts
from switch_service.store.repositories.routing import channels_in_use

router = APIRouter(tags=["live"])

POLL_S = 0.2  # how often a stream looks for new events (no thread waits per stream)
RETRY_MS = 3000  # what an EventSource client waits before reconnecting

_RESPONSES = error_responses(401, 403)


def _sees_carriers(user: User) -> bool:
    return user.role is Role.ADMIN


def event_subscription(context: Context) -> Iterator[Subscription]:
    """Subscribed before the response starts, so no event after the request is missed; closed when it ends."""
    subscription = context.live.subscribe()
    try:
        yield subscription
    finally:
        subscription.close()


class _AccountFilter:
    """Whether an event's account is the user's to see: everyone's for staff, the subtree's for a reseller
    (looked up once per account, off the event loop)."""

    def __init__(self, context: ApiContext, user: User) -> None:
        self._context = context
        self._user = user
        self._known: dict[int, bool] = {}

    def _lookup(self, account_id: int) -> bool:
        with self._context.sessions() as session:
            query = select(Account.id).where(Account.id == account_id, account_visible(self._user))
            return session.scalar(query) is not None

    async def visible(self, account_id: int | None) -> bool:
        if self._user.role is not Role.RESELLER:
            return True
        if account_id is None:
            return False
        if account_id not in self._known:
            if len(self._known) > 10_000:
                self._known.clear()
            self._known[account_id] = await run_in_threadpool(self._lookup, account_id)
        return self._known[account_id]


def _event_out(event: CallEvent, full: bool) -> LiveEventOut:
    fields: dict[str, Any] = {
        "kind": event.kind.value, "call_id": event.session_id or event.call_id, "sip_call_id": event.call_id,
        "caller": event.caller, "destination": event.destination, "account_id": event.account_id,
        "sell_rate": event.sell_rate, "started_at": event.started_at, "talk_time_left_s": event.talk_time_left_s,
        "codec": event.codec, "sip_code": event.sip_code, "duration_s": event.duration_s, "cause": event.cause,
    }
    if full:
        return LiveEventFullOut(**fields, carrier_id=event.carrier_id)
    return LiveEventOut(**fields)


@router.get("/live/events", response_class=EventSourceResponse, responses={
    **_RESPONSES, 200: {"description": "text/event-stream: `event:` the kind, `data:` a LiveEventOut (admins: "
                                       "LiveEventFullOut) as JSON"}})
async def live_events(user: CurrentUser, context: Context,
                      subscription: Annotated[Subscription, Depends(event_subscription)],
                      ) -> AsyncIterator[ServerSentEvent]:
    live = context.live
    full = _sees_carriers(user)
    accounts = _AccountFilter(context, user)
    yield ServerSentEvent(comment="carrierdesk live calls", retry=RETRY_MS)
    dropped = 0
    while not live.stopping:
        events = subscription.drain()
        if subscription.dropped != dropped:
            dropped = subscription.dropped
            yield ServerSentEvent(event="overflow", data={"dropped": dropped})
        for event in events:
            if await accounts.visible(event.account_id):
                yield ServerSentEvent(event=event.kind.value, data=_event_out(event, full))
        if not events:
            await asyncio.sleep(POLL_S)


def _call_fields(row: LiveCall, now: dt.datetime, model: type[LiveCallOut]) -> dict[str, Any]:
    """The row's fields the model has, with the seconds talked so far and the talk time the credit leaves."""
    talked = max(0, int((now - row.answered_at).total_seconds())) if row.answered_at is not None else 0
    left = max(0, row.max_duration_s - talked) if row.max_duration_s is not None else None
    fields = {name: getattr(row, name) for name in model.model_fields if hasattr(row, name)}
    return fields | {"duration_s": talked, "talk_time_left_s": left}


@router.get("/live/calls", responses=_RESPONSES)
def list_live_calls(
    session: DbSession,
    user: CurrentUser,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Annotated[LiveCallPage | LiveCallRestrictedPage, Field(discriminator="view")]:
    """Answered calls in progress, from the store, with the talk time their credit leaves."""
    query = select(LiveCall)
    if user.role is Role.RESELLER:
        query = query.where(LiveCall.account_id.in_(select(Account.id).where(account_visible(user))))
    rows, next_after = keyset_page(session, query, LiveCall.id, after, limit)
    now = dt.datetime.now(dt.UTC)
    if _sees_carriers(user):
        return LiveCallPage(items=[LiveCallFullOut(**_call_fields(row, now, LiveCallFullOut)) for row in rows],
                            next_after=next_after)
    return LiveCallRestrictedPage(items=[LiveCallOut(**_call_fields(row, now, LiveCallOut)) for row in rows],
                                  next_after=next_after)


@router.post("/live/calls/{call_id}/hangup", responses={
    **_RESPONSES, 404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 503: {"model": ErrorOut}})
def hang_up(call_id: Annotated[str, Path(min_length=1, max_length=128, description="the call's call_id")],
            session: DbSession, user: Staff, context: Context) -> HangupOut:
    """End a connected call as the credit timer does (BYE to both legs); its CDR is written as for any call."""
    live = context.live
    if not live.switch_attached:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                            "this service runs no SIP switch, so it cannot hang up calls")
    record_audit(session, user, "hangup", "live_call", call_id, {"cause": "operator-hangup"})
    try:
        outcome = live.hangup(call_id)
    except TimeoutError:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the SIP switch did not answer in time") from None
    if outcome is HangupOutcome.NOT_FOUND:
        raise not_found("call in progress on this switch", call_id)
    if outcome is HangupOutcome.NOT_CONNECTED:
        raise conflict(f"call {call_id} is not connected (still ringing, or moving to another leg): "
                       "only a connected call can be hung up")
    return HangupOut(call_id=call_id, ended=True)


def _asr(seconds: int, calls: int, answered: int) -> AsrWindow:
    percent = round(answered * 100 / calls, 2) if calls else None
    return AsrWindow(minutes=seconds // 60, calls=calls, answered=answered, asr_percent=percent)


def _carrier_counters(session: DbSession) -> list[CarrierCounters]:
    channels = channels_in_use(session)
    recent = {row.carrier_id: row.attempts for row in recent_attempts(session, dt.datetime.now(dt.UTC),
                                                                      ASR_WINDOWS_S)}
    ids = sorted(set(channels) | set(recent))
    names = dict(session.execute(select(Carrier.id, Carrier.name).where(Carrier.id.in_(ids))).all()) if ids else {}
    return [CarrierCounters(carrier_id=carrier_id, carrier_name=names.get(carrier_id),
                            concurrent_calls=channels.get(carrier_id, 0),
                            asr=[_asr(span, *recent.get(carrier_id, {}).get(span, (0, 0))) for span in ASR_WINDOWS_S])
            for carrier_id in ids]


@router.get("/live/counters", responses=_RESPONSES)
def live_counters(session: DbSession, user: Staff,
                  context: Context) -> Annotated[LiveCountersFullOut | LiveCountersOut, Field(discriminator="view")]:
    """Concurrent calls (the store), calls per second and ASR (the switch's events); per carrier for admins."""
    live = context.live
    live.feed()
    counts = live.counters.snapshot()
    fields: dict[str, Any] = {
        "concurrent_calls": session.scalar(select(func.count()).select_from(LiveCall)) or 0,
        "calls_per_second": counts.calls_per_second,
        "asr": [_asr(span, *counts.asr[span]) for span in ASR_WINDOWS_S],
        "switch_attached": live.switch_attached,
    }
    if _sees_carriers(user):
        return LiveCountersFullOut(**fields, carriers=_carrier_counters(session))
    return LiveCountersOut(**fields)
