"""The call control's pure parts: SIP codes of RADIUS rejects, Q.850 causes, numbers, SDP codecs, targets, and
the call-event bus."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from switch_service.aaa.cisco import ReturnCode
from switch_service.billing.rates import Rate
from switch_service.call_control.authorise import reject_for
from switch_service.call_control.call_outcome import q850_cause
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.routing_handoff import sdp_codecs
from switch_service.call_control.targets import parse_ref, routes_to_targets
from switch_service.config import settings
from switch_service.errors import UserError
from switch_service.events import CallEvent, CallEventKind, EventBus
from switch_service.routing.carriers import CarrierView, GatewayView
from switch_service.routing.results import Route
from switch_service.sip.controller import EndCause


@pytest.mark.parametrize(("code", "sip"), [
    (ReturnCode.INVALID_ACCOUNT, 403), (ReturnCode.INVALID_PIN, 403), (ReturnCode.INVALID_CARD, 403),
    (ReturnCode.ZERO_BALANCE, 402), (ReturnCode.INSUFFICIENT_BALANCE, 402), (ReturnCode.CREDIT_LIMIT, 402),
    (ReturnCode.EXPIRED, 403), (ReturnCode.DENIED, 403), (ReturnCode.BLOCKED_NUMBER, 403),
    (ReturnCode.IN_USE, 486), (ReturnCode.INVALID_ARGUMENT, 484), (ReturnCode.UNAVAILABLE, 503),
])
def test_radius_reject_codes_map_to_sip(code: ReturnCode, sip: int) -> None:
    reject = reject_for(code)
    assert reject.code == sip
    assert ("warning", f'399 carrierdesk "h323-return-code={int(code)}"') in reject.headers


@pytest.mark.parametrize(("cause", "last", "q850"), [
    (EndCause.NORMAL, 200, 16), (EndCause.CREDIT_EXHAUSTED, 200, 102), (EndCause.REJECTED, 486, 17),
    (EndCause.REJECTED, 480, 19), (EndCause.REJECTED, 408, 19), (EndCause.REJECTED, 404, 1),
    (EndCause.ALL_ROUTES_FAILED, 503, 34), (EndCause.CANCELLED, 0, 16), (EndCause.REJECTED, 500, 31),
])
def test_q850_causes(cause: EndCause, last: int, q850: int) -> None:
    assert q850_cause(cause, last) == q850


def test_sdp_codecs_in_offered_order() -> None:
    sdp = b"v=0\r\nm=audio 4000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"
    assert sdp_codecs(sdp) == ["PCMA", "PCMU", "TELEPHONE-EVENT"]
    assert sdp_codecs(b"") == []


def test_routes_become_targets_per_gateway_with_refs() -> None:
    gateways = (GatewayView(7, "10.0.0.1", 5060, "udp", weight=2), GatewayView(8, "10.0.0.2", 5080, "tcp"))
    carrier = CarrierView(3, "c", gateways=gateways, failover_codes=frozenset({404}))
    rate = Rate(prefix="1", destination="US", price_per_minute=Decimal("0.01"))
    targets, info = routes_to_targets([Route(carrier, gateways, "0015551234567", rate, Decimal("0.02"))])
    assert [(t.host, t.port, t.transport, t.number, t.carrier_ref) for t in targets] == [
        ("10.0.0.1", 5060, "UDP", "0015551234567", "3:7"), ("10.0.0.2", 5080, "TCP", "0015551234567", "3:8")]
    assert targets[0].failure_codes == frozenset({404})
    assert info["3:8"].gateway_id == 8 and info["3:8"].carrier_id == 3
    assert parse_ref("3:8") == (3, 8) and parse_ref("ivr") is None


def event(n: int) -> CallEvent:
    return CallEvent(CallEventKind.STARTED, f"call-{n}", "442070000001", "15557654321", account_id=1,
                     sell_rate=Decimal("0.060000"), started_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


def test_event_bus_bounded_per_subscriber_drops_oldest() -> None:
    bus = EventBus()
    slow = bus.subscribe(maxsize=3)
    fast = bus.subscribe(maxsize=100)
    for n in range(10):
        bus.publish(event(n))
    assert [e.call_id for e in slow.drain()] == ["call-7", "call-8", "call-9"]
    assert slow.dropped == 7
    assert len(fast.drain()) == 10 and fast.dropped == 0
    slow.close()
    bus.publish(event(11))
    assert slow.drain() == [] and bus.subscriber_count == 1


def test_event_bus_get_blocks_until_published_from_another_thread() -> None:
    bus = EventBus()
    with bus.subscribe() as subscription:
        threading.Timer(0.05, lambda: bus.publish(event(1))).start()
        got = subscription.get(timeout=2)
        assert got is not None and got.call_id == "call-1"
        assert subscription.get(timeout=0.01) is None


def test_event_as_dict_is_json_ready() -> None:
    data = event(1).as_dict()
    assert data["kind"] == "started" and data["sell_rate"] == "0.060000"
    assert data["started_at"] == "2026-01-01T00:00:00+00:00"


def test_contract_avpairs_join_the_request_once() -> None:
    from switch_service.aaa.messages import AuthRequest
    from switch_service.call_control.aaa_link import with_avpairs

    request = with_avpairs(AuthRequest("442070000001", avpairs=("did=18005550100",)),
                           [("did", "18005550100"), ("account-id", "7")])
    assert request.avpairs == ("did=18005550100", "account-id=7")


def test_the_switch_sends_its_numbers_with_plus() -> None:
    """Keys go to RADIUS as +E.164: read in the server's region, bare 4755123456 (Norway's key) would be a US number."""
    from switch_service.aaa.messages import AuthRequest
    from switch_service.call_control.aaa_link import as_sent

    request = as_sent(AuthRequest("4755123456", calling_station_id="4755123456", called_station_id="13055550101"),
                      [("did", "18005550100"), ("account-id", "7")])
    assert (request.user_name, request.calling_station_id, request.called_station_id) == (
        "+4755123456", "+4755123456", "+13055550101")
    assert request.avpairs == ("did=+18005550100", "account-id=7")
    assert as_sent(AuthRequest("anonymous"), []).user_name == "anonymous"


def test_switch_options_come_from_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("sip_keepalive_interval_s = 0\nsip_register_min_expires_s = 120\nsip_interim_interval_s = 30\n")
    config = ControllerConfig.from_settings(settings.load(path))
    assert (config.keepalive_interval_s, config.keepalive_failures, config.interim_interval_s) == (0, 3, 30)
    assert (config.registrar.min_expires_s, config.registrar.max_expires_s) == (120, 3600)
    path.write_text("sip_register_min_expires_s = 7200\n")
    with pytest.raises(UserError, match="sip_register_min_expires_s"):
        ControllerConfig.from_settings(settings.load(path))
    path.write_text("sip_keepalive_failures = 0\n")
    with pytest.raises(UserError, match="sip_keepalive_failures must be at least 1"):
        ControllerConfig.from_settings(settings.load(path))
