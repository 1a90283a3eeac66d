"""Admission limits: an account's concurrent calls and calls per second, a customer trunk's channels and CPS, and
the calls each carrier holds now (its channel and CPS caps, read by routing). A call is counted when admitted and
released once, at its end."""

from __future__ import annotations

import collections
import time

from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.lookups import AccountEntry
from switch_service.routing.caps import CarrierLoad
from switch_service.sip.controller import Reject
from switch_service.store.callers import TrunkEntry
from switch_service.store.repositories.routing import CarrierMinutes


class PerSecond:
    """Events per key in the last second (CPS limits)."""

    def __init__(self) -> None:
        self._times: dict[int, collections.deque[float]] = {}

    def count(self, key: int, now: float) -> int:
        times = self._times.get(key)
        if not times:
            return 0
        while times and times[0] <= now - 1.0:
            times.popleft()
        return len(times)

    def add(self, key: int, now: float) -> None:
        self._times.setdefault(key, collections.deque()).append(now)


def _release(counter: collections.Counter[int], key: int) -> None:
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]


class Admission:
    """The calls in progress per account, trunk and carrier, and the limits checked against them."""

    def __init__(self) -> None:
        self.account_calls: collections.Counter[int] = collections.Counter()
        self.trunk_calls: collections.Counter[int] = collections.Counter()
        self.carrier_calls: collections.Counter[int] = collections.Counter()
        self._account_cps = PerSecond()
        self._trunk_cps = PerSecond()
        self._carrier_cps = PerSecond()

    def admit_trunk(self, info: CallInfo, trunk: TrunkEntry) -> Reject | None:
        """A customer trunk's channel and calls-per-second limits; an admitted call is counted."""
        now = time.monotonic()
        if trunk.max_channels and self.trunk_calls[trunk.id] >= trunk.max_channels:
            return Reject(503, "Trunk Channels Exhausted", (("retry-after", "1"),))
        if trunk.cps_limit and self._trunk_cps.count(trunk.id, now) >= trunk.cps_limit:
            return Reject(503, "Trunk CPS Limit", (("retry-after", "1"),))
        self._trunk_cps.add(trunk.id, now)
        self.trunk_calls[trunk.id] += 1
        info.counted_trunk = True
        return None

    def admit_account(self, info: CallInfo, account: AccountEntry) -> Reject | None:
        """The account's concurrent-call and calls-per-second limits; an admitted call is counted."""
        info.account_id = account.id  # a refusal's row names the account
        now = time.monotonic()
        if account.max_concurrent_calls and self.account_calls[account.id] >= account.max_concurrent_calls:
            return Reject(486, "Too Many Calls", (("warning", '399 carrierdesk "concurrent-call limit"'),))
        if account.cps_limit and self._account_cps.count(account.id, now) >= account.cps_limit:
            return Reject(503, "Account CPS Limit", (("retry-after", "1"),))
        self._account_cps.add(account.id, now)
        self.account_calls[account.id] += 1
        info.counted_account = True
        return None

    def count_account(self, info: CallInfo, account_id: int) -> None:
        """The account the AAA server named (a digest trunk's, an ANI's): counted without its limits, as the
        server admitted it."""
        self.account_calls[account_id] += 1
        info.counted_account = True
        info.account_id = account_id

    def hold(self, info: CallInfo, index: int, now: float) -> None:
        """The carrier of target `index` has a channel of this call (from its INVITE to the end)."""
        if index >= len(info.target_order):
            return
        target = info.targets.get(info.target_order[index])
        if target is None:
            return
        info.holding_carrier = target.carrier_id
        self.carrier_calls[target.carrier_id] += 1
        self._carrier_cps.add(target.carrier_id, now)

    def release_carrier(self, info: CallInfo) -> None:
        if info.holding_carrier is not None:
            _release(self.carrier_calls, info.holding_carrier)
            info.holding_carrier = None

    def release(self, info: CallInfo) -> None:
        """The call ended: whatever it counted is free again."""
        self.release_carrier(info)
        if info.counted_account and info.account_id is not None:
            _release(self.account_calls, info.account_id)
            info.counted_account = False
        if info.counted_trunk and info.trunk_id is not None:
            _release(self.trunk_calls, info.trunk_id)
            info.counted_trunk = False

    def carrier_loads(self, carrier_ids: list[int], minutes: dict[int, CarrierMinutes]) -> dict[int, CarrierLoad]:
        """What routing's caps need of every carrier with calls, calls this second or minutes used."""
        now = time.monotonic()
        loads: dict[int, CarrierLoad] = {}
        for carrier_id in carrier_ids:
            used = minutes.get(carrier_id)
            channels = self.carrier_calls.get(carrier_id, 0)
            cps = self._carrier_cps.count(carrier_id, now)
            if used is None and not channels and not cps:
                continue
            loads[carrier_id] = CarrierLoad(channels, cps, used.seconds_today if used else 0,
                                            used.seconds_this_month if used else 0)
        return loads
