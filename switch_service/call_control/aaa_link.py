"""The switch's RADIUS requests with the contract's Cisco-AVPairs (`did=`, `account-id=`, `carrier-id=`, carried
in the requests' `avpairs`), and the AV-pairs of the reply (`account-id=`) read back.

`SwitchRadius` is the call control's one door to RADIUS: `RadiusClient` on the switch's event loop.
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
from switch_service.number_keys import with_plus

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


def as_sent(item: T, avpairs: AvPairs) -> T:
    """`item` as the switch sends it: `avpairs` added, and its numbers (keys: E.164 digits) written with '+'. The
    server reads numbers by the rule of its region, and the bare E.164 digits of a foreign number can be a national
    number there (`switch_service.phone_numbers`); with the '+' every key reads back as itself."""
    def plus(text: str | None) -> str | None:
        return with_plus(text) if text is not None else None

    numbers = replace(item, calling_station_id=plus(item.calling_station_id),
                      called_station_id=plus(item.called_station_id))
    if numbers.user_name is not None:
        numbers = replace(numbers, user_name=with_plus(numbers.user_name))
    return with_avpairs(numbers, [(key, with_plus(value) if key == "did" else value) for key, value in avpairs])


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
    """`RadiusClient` on the switch's event loop, with the switch's AV-pairs added to requests and read back from
    replies."""

    def __init__(self, client: RadiusClient) -> None:
        self.client = client

    async def authorize(self, request: AuthRequest, avpairs: AvPairs = ()) -> tuple[AuthDecision, dict[str, str]]:
        decision = await self.client.authorize_async(as_sent(request, avpairs))
        return decision, reply_avpairs(decision)

    async def account(self, record: AcctRecord, avpairs: AvPairs = ()) -> None:
        await self.client.account_async(as_sent(record, avpairs))

    def close(self) -> None:
        """Close the loop's sockets (on the loop; reopened by the next request)."""
        self.client.close()
