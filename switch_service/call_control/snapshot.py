"""The store as the call control reads it: an in-memory snapshot (`lookups.SwitchData`) swapped when the store
changes, the carriers' minutes for their caps, and a cache of sell rates — so that deciding a call asks the
database nothing in the usual case. Database work runs in a small thread pool of its own, never on the loop."""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.billing.rates import Rate
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.lookups import AccountEntry, SwitchData, find_account, load_switch_data
from switch_service.call_control.lookups import change_signature as data_signature
from switch_service.store.callers import AniEntry, find_ani
from switch_service.store.change_notices import ChangeWaiter
from switch_service.store.repositories.routing import CarrierMinutes, minutes_used, sell_rate

log = logging.getLogger(__name__)

T = TypeVar("T")
SELL_CACHE_SIZE = 20_000


class Snapshot:
    """The current `SwitchData`, checked for changes every `check_interval_s`."""

    def __init__(self, engine: Engine, config: ControllerConfig, clock: Callable[[], dt.datetime],
                 spawn: Callable[[Any], asyncio.Future[Any]]) -> None:
        self.engine = engine
        self.config = config
        self.clock = clock
        self._spawn = spawn
        self.db_pool = concurrent.futures.ThreadPoolExecutor(2, "switch-db")
        self._data: SwitchData | None = None
        self._data_lock: asyncio.Lock | None = None
        self._last_check = 0.0
        self._refreshing: asyncio.Task[None] | None = None
        self._watcher: asyncio.Future[None] | None = None
        self.minutes: dict[int, CarrierMinutes] = {}
        self._minutes_at = -1e9
        self._sell_cache: collections.OrderedDict[tuple[int, str], Rate | None] = collections.OrderedDict()
        # called (on the loop) when the change signal says another node's API was asked to hang up a call: the
        # service looks for this node's calls among them (telephony.py, cluster/hangups.py)
        self.on_hangups: Callable[[], Awaitable[None]] | None = None
        self._hangups_seen: int | None = None

    async def in_db(self, fn: Callable[[Session], T]) -> T:
        def run() -> T:
            with Session(self.engine) as session:
                return fn(session)
        return await asyncio.get_running_loop().run_in_executor(self.db_pool, run)

    async def data(self) -> SwitchData:
        """The current snapshot; loaded on first use, checked for changes every `check_interval_s` (by the watcher
        once the switch listens, and here when a call comes after a longer pause)."""
        if self._data is None:
            await self.reload()
        now = time.monotonic()
        if now - self._last_check >= self.config.check_interval_s and self._refreshing is None:
            self._last_check = now
            self._refreshing = asyncio.ensure_future(self._refresh())
        if now - self._minutes_at >= self.config.minutes_refresh_s:
            self._minutes_at = now
            self._spawn(self._refresh_minutes())
        assert self._data is not None
        return self._data

    async def reload(self, *, routing: bool = False) -> None:
        """Rebuild the snapshot from the store now; the router only if routing data changed, or with `routing`."""
        if self._data_lock is None:
            self._data_lock = asyncio.Lock()
        async with self._data_lock:
            at = self.clock()
            previous = None if routing else self._data
            self._data = await self.in_db(lambda session: load_switch_data(session, at, previous))
            self._sell_cache.clear()
            self._last_check = time.monotonic()

    def watch(self) -> None:
        """The switch listens: look for changes every `check_interval_s`, calls or not (until `stop`)."""
        if self._watcher is None:
            self._watcher = asyncio.ensure_future(self._watch())

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            self._watcher = None

    async def _watch(self) -> None:
        """Every `check_interval_s`, or sooner when PostgreSQL announces a change (store/change_notices.py)."""
        waiter = ChangeWaiter(self.engine)
        try:
            while True:
                if waiter.listens:  # PostgreSQL: in a thread, as psycopg waits for the notice
                    await asyncio.to_thread(waiter.wait, self.config.check_interval_s)
                else:
                    await asyncio.sleep(self.config.check_interval_s)
                if self._refreshing is None:
                    self._last_check = time.monotonic()
                    self._refreshing = refreshing = asyncio.ensure_future(self._refresh())
                    await asyncio.wait([refreshing])
        finally:
            waiter.close()

    async def ani(self, data: SwitchData, number: str) -> AniEntry | None:
        """The caller number from the snapshot, else from the store (registered since the snapshot was built)."""
        if not number:
            return None
        return data.callers.anis.get(number) or await self.in_db(lambda session: find_ani(session, number))

    async def account(self, data: SwitchData, account_id: int | None) -> AccountEntry | None:
        """The account from the snapshot, else from the store (created since the snapshot was built)."""
        if account_id is None:
            return None
        return data.accounts.get(account_id) or await self.in_db(lambda session: find_account(session, account_id))

    async def _refresh(self) -> None:
        try:
            signature = await self.in_db(data_signature)
            if self._data is None or signature != self._data.signature:
                await self.reload()
            if signature.hangups != self._hangups_seen and self.on_hangups is not None:
                await self.on_hangups()
                self._hangups_seen = signature.hangups
        except Exception:
            log.exception("could not check the store for changes")
        finally:
            self._refreshing = None

    async def _refresh_minutes(self) -> None:
        at, tz = self.clock(), self.config.time_zone
        try:
            self.minutes = await self.in_db(lambda session: minutes_used(session, at, tz))
        except Exception:
            log.exception("could not load the carriers' minutes")

    async def sell_rate(self, tariff_id: int | None, number: str, at: dt.datetime) -> Rate | None:
        if tariff_id is None:
            return None
        key = (tariff_id, number)
        if key in self._sell_cache:
            self._sell_cache.move_to_end(key)
            return self._sell_cache[key]
        rate = await self.in_db(lambda session: sell_rate(session, tariff_id, number, at))
        self._sell_cache[key] = rate
        if len(self._sell_cache) > SELL_CACHE_SIZE:
            self._sell_cache.popitem(last=False)
        return rate

    def close(self) -> None:
        self.db_pool.shutdown(wait=True)
