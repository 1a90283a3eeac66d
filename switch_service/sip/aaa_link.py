"""The switch's RADIUS requests with the contract's Cisco-AVPairs (`did=`, `account-id=`, `carrier-id=`, carried
in the requests' `avpairs`), and the AV-pairs of the reply (`account-id=`) read back.

Blocking like `RadiusClient`: run it in a thread executor, never on the event loop (radius_async.py is the
event-loop twin the controller uses by default).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from switch_service.aaa import cisco
from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import (
    AcctRecord,
    AuthDecision,
    AuthRequest,
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


def reply_avpairs(decision: AuthDecision) -> dict[str, str]:
    """The reply's Cisco-AVPairs (`account-id=`...) as a dict; the codec keeps them in `decision.extra`."""
    pairs: dict[str, str] = {}
    for name, text in decision.extra:
        if name != "Cisco-AVPair":
            continue
        try:
            key, value = cisco.parse_avpair(text)
        except ValueError:
            continue
        pairs.setdefault(key, value)
    return pairs


class SwitchRadius:
    """`RadiusClient` with the switch's AV-pairs added to requests and read back from replies."""

    def __init__(self, client: RadiusClient) -> None:
        self.client = client

    def authorize(self, request: AuthRequest, avpairs: AvPairs = ()) -> tuple[AuthDecision, dict[str, str]]:
        decision = self.client.authorize(with_avpairs(request, avpairs))
        return decision, reply_avpairs(decision)

    def account(self, record: AcctRecord, avpairs: AvPairs = ()) -> None:
        self.client.account(with_avpairs(record, avpairs))
