"""The switch's RADIUS requests with the contract's Cisco-AVPairs (`did=`, `account-id=`, `carrier-id=`, carried
in the requests' `avpairs`), and the AV-pairs of the reply (`account-id=`) read back.

Blocking like `RadiusClient`: run it in a thread executor, never on the event loop (radius_async.py is the
event-loop twin the controller uses by default).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from pyrad import packet as rp

from switch_service.aaa import cisco
from switch_service.aaa.client import RadiusClient, RadiusTimeoutError
from switch_service.aaa.messages import (
    AcctRecord,
    AuthDecision,
    AuthRequest,
    build_access_request,
    build_accounting_request,
    decision_from_reply,
)

AvPairs = Sequence[tuple[str, str]]
T = TypeVar("T", AuthRequest, AcctRecord)


def with_avpairs(item: T, avpairs: AvPairs) -> T:
    """`item` (AuthRequest or AcctRecord) with `avpairs` added as `key=value` strings (none twice)."""
    pairs = list(item.avpairs)
    for key, value in avpairs:
        pair = cisco.build_avpair(key, value)
        if pair not in pairs:
            pairs.append(pair)
    return replace(item, avpairs=tuple(pairs))


def reply_avpairs(reply: rp.Packet) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for raw in reply.get((cisco.VENDOR_ID, 1), []) or []:
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        try:
            key, value = cisco.parse_avpair(text)
        except ValueError:
            continue
        pairs.setdefault(key, value)
    return pairs


class SwitchRadius:
    def __init__(self, client: RadiusClient) -> None:
        self.client = client

    def authorize(self, request: AuthRequest, avpairs: AvPairs = ()) -> tuple[AuthDecision, dict[str, str]]:
        client = self.client
        if request.nas_ip_address is None and client.nas_ip_address is not None:
            request = replace(request, nas_ip_address=client.nas_ip_address)
        packet = build_access_request(with_avpairs(request, avpairs), client.secret, client._dictionary)
        reply = client._send(packet)
        return decision_from_reply(reply), reply_avpairs(reply)

    def account(self, record: AcctRecord, avpairs: AvPairs = ()) -> None:
        client = self.client
        if record.nas_ip_address is None and client.nas_ip_address is not None:
            record = replace(record, nas_ip_address=client.nas_ip_address)
        packet = build_accounting_request(with_avpairs(record, avpairs), client.secret, client._dictionary)
        reply = client._send(packet)
        if reply.code != rp.AccountingResponse:
            raise RadiusTimeoutError(f"unexpected reply code {reply.code} to an Accounting-Request")
