"""The switch's RADIUS requests with the Cisco-AVPairs of the contract that `AuthRequest`/`AcctRecord` have no
field for (`did=`, `account-id=`, `carrier-id=`), and the AV-pairs of the reply (`account-id=`).

Blocking like `RadiusClient`: run it in a thread executor, never on the event loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

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


def _add_avpairs(packet: rp.Packet, avpairs: AvPairs) -> None:
    present = {raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
               for raw in packet.get((cisco.VENDOR_ID, 1), []) or []}
    for key, value in avpairs:
        pair = cisco.build_avpair(key, value)
        if pair not in present:  # a newer messages.py may already write it
            packet.AddAttribute("Cisco-AVPair", pair)


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
        packet = build_access_request(request, client.secret, client._dictionary)
        _add_avpairs(packet, avpairs)
        reply = client._send(packet)
        return decision_from_reply(reply), reply_avpairs(reply)

    def account(self, record: AcctRecord, avpairs: AvPairs = ()) -> None:
        client = self.client
        if record.nas_ip_address is None and client.nas_ip_address is not None:
            record = replace(record, nas_ip_address=client.nas_ip_address)
        packet = build_accounting_request(record, client.secret, client._dictionary)
        _add_avpairs(packet, avpairs)
        reply = client._send(packet)
        if reply.code != rp.AccountingResponse:
            raise RadiusTimeoutError(f"unexpected reply code {reply.code} to an Accounting-Request")
