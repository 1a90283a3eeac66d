"""The switch: transport → flood limit → parse → transactions → B2BUA → `CallController`.

`SipSwitch.start()` / `stop()` run it on the current asyncio loop; `SwitchThread` runs one in a background thread
(tests); `python -m switch_service.call_control.serve` serves one from the command line (the benchmark).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from switch_service.drop_log import DropLog
from switch_service.sip import dialog_state
from switch_service.sip.b2bua import B2BUA, B2buaConfig
from switch_service.sip.controller import CallController
from switch_service.sip.dialogs import Dialog
from switch_service.sip.limits import FloodLimiter
from switch_service.sip.local_addresses import LocalAddresses
from switch_service.sip.message import SipParseError, SipRequest, SipResponse, parse_message
from switch_service.sip.transactions import Peer, TimerConfig, TransactionLayer, TransactionLayerFull
from switch_service.sip.transport import SipTransport

log = logging.getLogger(__name__)


@dataclass
class SwitchConfig:
    host: str = "127.0.0.1"
    port: int = 5060
    advertised_host: str | None = None  # written in Via/Contact/From/Call-ID; None: see local_addresses.py
    tcp: bool = True
    timers: TimerConfig = field(default_factory=TimerConfig)
    b2bua: B2buaConfig = field(default_factory=B2buaConfig)
    flood_limit_per_s: float | None = 2000.0
    drop_log_interval_s: float = 5.0  # at most one log line per kind of dropped input and interval


@dataclass
class SwitchStats:
    received: int = 0
    dropped_malformed: int = 0
    dropped_flood: int = 0
    dropped_overload: int = 0  # new requests answered 503 without state: the transaction table was full
    errors: int = 0
    last_drop_reason: str = ""


class SipSwitch:
    def __init__(self, controller: CallController, config: SwitchConfig | None = None) -> None:
        self.controller = controller
        self.config = config or SwitchConfig()
        self.stats = SwitchStats()
        self.limiter = (FloodLimiter(self.config.flood_limit_per_s) if self.config.flood_limit_per_s else None)
        self.transport: SipTransport | None = None
        self.layer: TransactionLayer | None = None
        self.b2bua: B2BUA | None = None
        self._drop_log = DropLog(log, self.config.drop_log_interval_s)

    @property
    def port(self) -> int:
        assert self.transport is not None
        return self.transport.port

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self.transport = SipTransport(self.config.host, self.config.port, self.receive, self._dropped,
                                      tcp=self.config.tcp)
        await self.transport.start()
        self.layer = TransactionLayer(loop, self.transport.send, self.config.timers)
        addresses = LocalAddresses(self.config.host, self.transport.port, self.config.advertised_host)
        self.b2bua = B2BUA(self.layer, self.controller, addresses, loop, self.config.b2bua)
        attach = getattr(self.controller, "attach", None)
        if attach is not None:  # a controller that sends requests of its own (the gateways' OPTIONS keep-alive)
            attach(self.layer, addresses)
        log.info("SIP switch listening on %s:%d (UDP%s)", self.config.host, self.transport.port,
                 ", TCP" if self.config.tcp else "")

    async def stop(self) -> None:
        if self.b2bua is not None:
            self.b2bua.close()
        drain = getattr(self.controller, "drain", None)
        if drain is not None:  # accounting and CDR rows still under way
            await drain()
        if self.layer is not None:
            self.layer.close()
        if self.transport is not None:
            await asyncio.sleep(0.05)  # let the BYEs of close() leave
            await self.transport.stop()

    async def end_dialogs(self, dialogs: Sequence[Dialog]) -> list[int | None]:
        """BYE on each dialog (the legs of calls a crash left up, sip/dialog_state.py): each answer's status, None
        where no answer came (the transaction's retransmissions and timeout are the usual ones)."""
        assert self.layer is not None
        loop = asyncio.get_running_loop()
        answers: list[asyncio.Future[int | None]] = []
        for request, peer in dialog_state.byes(dialogs):
            answer: asyncio.Future[int | None] = loop.create_future()

            def answered(response: SipResponse, answer: asyncio.Future[int | None] = answer) -> None:
                if response.status >= 200 and not answer.done():
                    answer.set_result(response.status)

            def silent(answer: asyncio.Future[int | None] = answer) -> None:
                if not answer.done():
                    answer.set_result(None)

            self.layer.start_client(request, peer, on_response=answered, on_timeout=silent)
            answers.append(answer)
        return list(await asyncio.gather(*answers))

    def receive(self, data: bytes, peer: Peer) -> None:
        stats = self.stats
        stats.received += 1
        if self.limiter is not None and not self.limiter.allow(peer.host):
            stats.dropped_flood += 1
            return
        if not data.strip(b"\r\n\x00 "):
            return  # keep-alive
        try:
            message = parse_message(data)
        except SipParseError as exc:
            self._dropped("malformed message", f"from {peer.host}:{peer.port}: {exc}")
            return
        except Exception as exc:  # a parser bug must not take the switch down
            self._dropped("unparsable message", f"from {peer.host}:{peer.port}: {type(exc).__name__}: {exc}")
            return
        if isinstance(message, SipRequest):
            _mark_received(message, peer)
        try:
            assert self.layer is not None
            self.layer.receive(message, peer)
        except SipParseError as exc:  # a header parsed lazily (Contact, P-Asserted-Identity...) is malformed
            self._dropped("malformed header", f"{message.first_line()[:40]!r} from {peer.host}:{peer.port}: {exc}")
        except TransactionLayerFull as exc:
            stats.dropped_overload += 1
            self._drop_log.note("overload", "SIP: answered %s from %s:%d with 503 (%s); %d so far",
                                message.first_line()[:40], peer.host, peer.port, exc, stats.dropped_overload)
        except Exception:
            stats.errors += 1
            log.exception("error handling %s from %s:%d", message.first_line()[:80], peer.host, peer.port)

    def _dropped(self, reason: str, detail: str) -> None:
        """Malformed input: counted, and logged at most once per reason and `drop_log_interval_s`."""
        stats = self.stats
        stats.dropped_malformed += 1
        stats.last_drop_reason = f"{reason} {detail}"
        self._drop_log.note(reason, "SIP: dropped %s %s; %d malformed dropped so far", reason, detail,
                            stats.dropped_malformed)


def _mark_received(request: SipRequest, peer: Peer) -> None:
    """RFC 3261 §18.2.1 received= and RFC 3581 rport= on the top Via, so responses carry the real source."""
    via = request.top_via
    changed = False
    if via.host != peer.host:
        via.params["received"] = peer.host
        changed = True
    if "rport" in via.params:
        via.params["rport"] = str(peer.port)
        changed = True
    if changed:
        request.headers.replace_first_value("via", str(via))


class SwitchThread:
    """A switch on its own event loop in a background thread (tests, embedding)."""

    def __init__(self, controller: CallController, config: SwitchConfig | None = None) -> None:
        self.switch = SipSwitch(controller, config)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="sip-switch", daemon=True)
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self.switch.start())
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.switch.stop())
        self.loop.close()

    def start(self, timeout: float = 5.0) -> int:
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("switch did not start")
        if self._error is not None:
            raise RuntimeError("switch failed to start") from self._error
        return self.switch.port

    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        if self._thread.is_alive():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout)
