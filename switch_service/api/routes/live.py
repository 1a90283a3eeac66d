"""Live calls: server-sent events from the switch, the calls in progress, hangup, rolling counters, the
dashboard's figures, and test calls.

The stream (`GET /live/events`) sends one SSE message per call event (`event:` its kind, `data:` the call as
JSON), a `: ping` comment every 15 s of quiet, and an `overflow` event when this reader fell so far behind that
events were dropped (re-read `GET /live/calls` then). It ends when the client goes away or the service stops.
Admins see the carrier (by id and name) and the carrier gateways going down and up (`gateway_down`,
`gateway_up`); support and resellers do not; resellers see only the calls of their subtree's accounts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import zoneinfo
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Response, status
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import Field
from sqlalchemy import exists, func, literal, or_, select
from starlette.concurrency import run_in_threadpool

from switch_service.api.audit import record_audit
from switch_service.api.deps import Admin, ApiContext, Context, CurrentUser, DbSession, Staff
from switch_service.api.keyset import keyset_page
from switch_service.api.live import ASR_WINDOWS_S
from switch_service.api.params import After, Limit
from switch_service.api.request_errors import conflict, error_responses, not_found
from switch_service.api.routes.anis import e164, visible_account
from switch_service.api.routes.cdrs import CdrFilter
from switch_service.api.routes.reports import traffic_fields
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, CdrKind, ErrorOut
from switch_service.api.schemas.live import (
    AsrWindow,
    CarrierCounters,
    GatewayEventOut,
    HangupOut,
    KpisOut,
    LiveCallFullOut,
    LiveCallOut,
    LiveCallPage,
    LiveCallRestrictedPage,
    LiveCountersFullOut,
    LiveCountersOut,
    LiveEventFullOut,
    LiveEventOut,
    NodeCalls,
    TestCallIn,
    TestCallOut,
)
from switch_service.api.visibility import account_visible
from switch_service.cluster import hangups
from switch_service.events import CallEvent, GatewayEvent, GatewaySubscription, Subscription
from switch_service.phone_numbers import reading_region
from switch_service.sip.controller import HangupOutcome
from switch_service.sip.loopback import TestCallRequest
from switch_service.store.models import Account, Card, Carrier, Cdr, Gateway, LiveCall, User
from switch_service.store.models.enums import AccountKind, Role, Status
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.live_ivr import IVR_STATE
from switch_service.store.repositories.live_ivr import session_id as ivr_session_id
from switch_service.store.repositories.reports import recent_attempts, traffic_summary
from switch_service.store.repositories.routing import channels_in_use
from switch_service.store.types import Money

router = api_router(tags=["live"])

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


def gateway_subscription(context: Context) -> Iterator[GatewaySubscription]:
    subscription = context.live.subscribe_gateways()
    try:
        yield subscription
    finally:
        subscription.close()


class _CarrierNames:
    """Carrier id -> name for the admins' events, read again when an unknown id comes (a carrier just added)."""

    def __init__(self, context: ApiContext) -> None:
        self._context = context
        self._names: dict[int, str] = {}

    def _read(self) -> dict[int, str]:
        with self._context.sessions() as session:
            return {carrier_id: name for carrier_id, name in session.execute(select(Carrier.id, Carrier.name))}

    async def name(self, carrier_id: int | None) -> str | None:
        if carrier_id is not None and carrier_id not in self._names:
            self._names = await run_in_threadpool(self._read)
        return None if carrier_id is None else self._names.get(carrier_id)


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


def _event_out(event: CallEvent, carrier_name: str | None, full: bool, node: str) -> LiveEventOut:
    fields: dict[str, Any] = {"node": node,
        "kind": event.kind.value, "call_id": event.session_id or event.call_id, "sip_call_id": event.call_id,
        "caller": event.caller, "destination": event.destination, "account_id": event.account_id,
        "sell_rate": event.sell_rate, "started_at": event.started_at, "talk_time_left_s": event.talk_time_left_s,
        "codec": event.codec, "sip_code": event.sip_code, "duration_s": event.duration_s, "cause": event.cause,
        "destination_name": event.destination_name, "did": event.did, "ivr_stage": event.ivr_stage,
        "ivr_worker": event.ivr_worker,
    }
    if full:
        return LiveEventFullOut(**fields, carrier_id=event.carrier_id, carrier_name=carrier_name)
    return LiveEventOut(**fields)


def _gateway_out(event: GatewayEvent, carrier_name: str | None) -> GatewayEventOut:
    return GatewayEventOut(kind=event.kind.value, carrier_id=event.carrier_id, carrier_name=carrier_name,
                           gateway_id=event.gateway_id, address=event.address, sip_code=event.sip_code, at=event.at)


@router.get("/live/events", response_class=EventSourceResponse, responses={
    **_RESPONSES, 200: {"description": "text/event-stream: `event:` the kind, `data:` a LiveEventOut (admins: "
                                       "LiveEventFullOut) as JSON"}})
async def live_events(user: CurrentUser, context: Context,
                      subscription: Annotated[Subscription, Depends(event_subscription)],
                      gateways: Annotated[GatewaySubscription, Depends(gateway_subscription)],
                      ) -> AsyncIterator[ServerSentEvent]:
    live = context.live
    full = _sees_carriers(user)
    accounts = _AccountFilter(context, user)
    carriers = _CarrierNames(context)
    node = context.settings.typed.node_name
    yield ServerSentEvent(comment="carrierdesk live calls", retry=RETRY_MS)
    dropped = 0
    while not live.stopping:
        events = subscription.drain()
        changes = gateways.drain()
        if subscription.dropped != dropped:
            dropped = subscription.dropped
            yield ServerSentEvent(event="overflow", data={"dropped": dropped})
        for event in events:
            if await accounts.visible(event.account_id):
                name = await carriers.name(event.carrier_id) if full else None
                yield ServerSentEvent(event=event.kind.value, data=_event_out(event, name, full, node))
        for change in changes if full else ():
            yield ServerSentEvent(event=change.kind.value,
                                  data=_gateway_out(change, await carriers.name(change.carrier_id)))
        if not events and not changes:
            await asyncio.sleep(POLL_S)


def _call_fields(row: LiveCall, now: dt.datetime, model: type[LiveCallOut]) -> dict[str, Any]:
    """The row's fields the model has, with the seconds talked so far and the talk time the credit leaves."""
    talked = max(0, int((now - row.answered_at).total_seconds())) if row.answered_at is not None else 0
    left = max(0, row.max_duration_s - talked) if row.max_duration_s is not None else None
    fields = {name: getattr(row, name) for name in model.model_fields if hasattr(row, name)}
    return fields | {"call_id": ivr_session_id(row.call_id), "duration_s": talked, "talk_time_left_s": left}


@router.get("/live/calls", responses=_RESPONSES)
def list_live_calls(
    session: DbSession,
    user: CurrentUser,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Annotated[LiveCallPage | LiveCallRestrictedPage, Field(discriminator="view")]:
    """Answered calls in progress, from the store, with the talk time their credit leaves, and callers in the IVR
    (state ivr, with their stage), every node's."""
    query = select(LiveCall)
    if user.role is Role.RESELLER:
        query = query.where(LiveCall.account_id.in_(select(Account.id).where(account_visible(user))))
    rows, next_after = keyset_page(session, query, LiveCall.id, after, limit)
    now = dt.datetime.now(dt.UTC)
    if _sees_carriers(user):
        ids = {row.carrier_id for row in rows if row.carrier_id is not None}
        carriers = select(Carrier.id, Carrier.name).where(Carrier.id.in_(ids))
        names: dict[int | None, str] = {carrier_id: name for carrier_id, name in session.execute(carriers)}
        return LiveCallPage(items=[LiveCallFullOut(**_call_fields(row, now, LiveCallFullOut),
                                                   carrier_name=names.get(row.carrier_id)) for row in rows],
                            next_after=next_after)
    return LiveCallRestrictedPage(items=[LiveCallOut(**_call_fields(row, now, LiveCallOut)) for row in rows],
                                  next_after=next_after)


ALREADY_ENDED = "the call had already ended"


@router.post("/live/calls/{call_id}/hangup", responses={
    **_RESPONSES, 202: {"model": HangupOut, "description": "another node carries the call and was asked to end it"},
    404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 503: {"model": ErrorOut}})
def hang_up(call_id: Annotated[str, Path(min_length=1, max_length=128, description="the call's call_id")],
            session: DbSession, user: Staff, context: Context, response: Response) -> HangupOut:
    """End a connected call as the credit timer does (BYE to both legs); its CDR is written as for any call. A call
    another node of the cluster carries is asked of that node through the shared database: 202, and it ends within
    about a second (cluster/hangups.py). A call that ended while the request was on its way (its record is there,
    or its end is being billed) is a 409 whose detail starts "the call had already ended"."""
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
        node = hangups.ask(session, call_id, context.settings.typed.node_name)
        if node is not None:
            response.status_code = status.HTTP_202_ACCEPTED
            return HangupOut(call_id=call_id, ended=False, node=node)
        if _ended_here(session, call_id):
            raise conflict(f"{ALREADY_ENDED}: nothing was hung up")
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
    per_node = session.execute(select(LiveCall.node, func.count()).where(LiveCall.state != IVR_STATE)
                               .group_by(LiveCall.node).order_by(LiveCall.node))
    nodes = [NodeCalls(node=node, concurrent_calls=count) for node, count in per_node]
    fields: dict[str, Any] = {
        "concurrent_calls": sum(entry.concurrent_calls for entry in nodes), "nodes": nodes,
        "calls_per_second": counts.calls_per_second,
        "asr": [_asr(span, *counts.asr[span]) for span in ASR_WINDOWS_S],
        "switch_attached": live.switch_attached,
    }
    ivr = live.ivr()
    fields.update({name: ivr.get(name, 0) for name in ("ivr_workers", "ivr_sessions", "ivr_busy", "ivr_pin_failures",
                                                           "ivr_pin_lockouts")})
    if _sees_carriers(user):
        return LiveCountersFullOut(**fields, carriers=_carrier_counters(session))
    return LiveCountersOut(**fields)


def _ended_here(session: DbSession, call_id: str) -> bool:
    """The call is known here by its accounting id, but no longer in progress on the switch: its CDR is written, or
    its live row waits for the Accounting-Stop that the end sent."""
    for table in (Cdr.call_id, LiveCall.call_id):
        if session.scalar(select(table).where(table == call_id).limit(1)) is not None:
            return True
    return False


def company_day(time_zone: str, now: dt.datetime) -> dt.datetime:
    """Midnight of today in the company's time zone, as a UTC instant."""
    try:
        zone: dt.tzinfo = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    local = now.astimezone(zone)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


@router.get("/live/kpis", responses=_RESPONSES, response_model_exclude_none=True)
def live_kpis(session: DbSession, user: CurrentUser, context: Context) -> KpisOut:
    """The dashboard's tiles: calls now and today's figures from the call records (what the traffic report sums,
    so they agree with Reports), low-balance accounts and carriers down; each role sees what its reports show."""
    live = context.live
    live.feed()
    company = read_company(session, context.settings)
    now = dt.datetime.now(dt.UTC)
    since = company_day(company.time_zone, now)
    filters: dict[str, Any] = {"since": since, "until": now + dt.timedelta(seconds=1)}
    call_where = CdrFilter(user, **filters, kind=CdrKind.CALL).clauses
    attempt_where = CdrFilter(user, **filters, kind=CdrKind.ATTEMPT).clauses
    today, _unassigned = traffic_summary(session, "day", call_where, attempt_where)
    figures = traffic_fields(today, user.role)
    now_query = select(func.count()).select_from(LiveCall).where(LiveCall.state != IVR_STATE)
    if user.role is Role.RESELLER:
        now_query = now_query.where(LiveCall.account_id.in_(select(Account.id).where(account_visible(user))))
    low = (select(func.count()).select_from(Account)
           .where(account_visible(user), Account.status == Status.ACTIVE, Account.kind == AccountKind.PREPAID,
                  Account.balance < literal(company.low_balance, Money()),
                  ~exists().where(Card.account_id == Account.id)))
    out = KpisOut(currency=company.currency, time_zone=company.time_zone, day_started_at=since,
                  calls_now=session.scalar(now_query) or 0, calls_per_second=live.counters.snapshot().calls_per_second,
                  calls_today=figures["calls"], answered_today=figures["answered"],
                  asr_percent=figures["asr_percent"], acd_s=figures["acd_s"], minutes_today=figures["minutes"],
                  revenue_today=figures.get("revenue"), profit_today=figures.get("profit"),
                  low_balance_accounts=session.scalar(low) or 0, low_balance_below=company.low_balance)
    if _sees_carriers(user):
        out.carriers, out.carriers_down = carriers_down(session)
    return out


def carriers_down(session: DbSession) -> tuple[int, int]:
    """(enabled carriers, of them down): a carrier is down when none of its enabled gateways is up by the switch's
    OPTIONS keep-alive (stored on the gateway: false, or unknown while the keep-alive has not heard from it), or
    its circuit breaker holds it down."""
    now = dt.datetime.now(dt.UTC)
    up = exists().where(Gateway.carrier_id == Carrier.id, Gateway.enabled.is_(True), Gateway.options_up.is_(True))
    enabled = select(func.count()).select_from(Carrier).where(Carrier.enabled.is_(True))
    down = enabled.where(or_(~up, Carrier.down_until > now))
    return session.scalar(enabled) or 0, session.scalar(down) or 0


@router.post("/live/test-calls", responses={**_RESPONSES, 503: {"model": ErrorOut}})
def place_test_call(body: TestCallIn, session: DbSession, admin: Admin, context: Context) -> TestCallOut:
    """A real call from the service's own test caller through the switch, billed to the account like any call
    (authorised over RADIUS, routed by the account's dial plan, accounted, with its CDR): the answer comes once
    the switch answered the INVITE; an answered call shows on Live calls and hangs up after `seconds`."""
    live = context.live
    if live.test_call is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                            "this service runs no SIP switch, so it cannot place a test call")
    account = visible_account(session, admin, body.account_id)
    number = e164(body.number, "number", reading_region(context.settings["default_region"], account.country))
    record_audit(session, admin, "test_call", "account", body.account_id, body.model_dump(mode="json"))
    session.commit()  # the audit entry stays, whatever the call does
    try:
        result = live.test_call(TestCallRequest(body.account_id, number, body.seconds))
    except TimeoutError:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the SIP switch did not answer in time") from None
    return TestCallOut(sip_call_id=result.sip_call_id, answered=result.answered, sip_code=result.sip_code,
                       reason=result.reason, warning=result.warning, seconds=body.seconds)
