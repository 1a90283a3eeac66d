"""How the call control sends its RADIUS requests: on the event loop (radius_async.py, the default) or with the
blocking client in a thread pool of its own (aaa_link.py); authorisation and accounting both go through here."""

from __future__ import annotations

import asyncio
import concurrent.futures

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AcctRecord, AuthDecision, AuthRequest
from switch_service.call_control.aaa_link import AvPairs, SwitchRadius
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.radius_async import AsyncRadius


class RadiusLink:
    def __init__(self, client: RadiusClient, config: ControllerConfig) -> None:
        self.radius = SwitchRadius(client)
        self.aio_radius = AsyncRadius(client)
        self.on_loop = config.radius_async
        self._pool = concurrent.futures.ThreadPoolExecutor(config.radius_threads, "switch-radius")

    async def authorize(self, request: AuthRequest, avpairs: AvPairs) -> tuple[AuthDecision, dict[str, str]]:
        if self.on_loop:
            return await self.aio_radius.authorize(request, avpairs)
        return await asyncio.get_running_loop().run_in_executor(self._pool, self.radius.authorize, request, avpairs)

    async def account(self, record: AcctRecord, avpairs: AvPairs) -> None:
        if self.on_loop:
            await self.aio_radius.account(record, avpairs)
        else:
            await asyncio.get_running_loop().run_in_executor(self._pool, self.radius.account, record, avpairs)

    def close_sockets(self) -> None:
        """The loop's sockets belong to this loop (reopened on the next request)."""
        self.aio_radius.close()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
