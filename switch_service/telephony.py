"""The telephony half of the daemon: the RADIUS server (for the switch and third-party gateways) and the SIP
switch, which is that server's first client. `carrier-switch serve` starts this, then the HTTP API.

Start order matters: calls left open by a crash are settled first, then RADIUS listens, then SIP.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable

from sqlalchemy import Engine

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.nas_clients import stored_nas_loader
from switch_service.aaa.processes import RadiusService, start_radius
from switch_service.aaa.server import NasRegistry
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.controller import SwitchController
from switch_service.cluster import hangups
from switch_service.cluster.heartbeat import Heartbeat
from switch_service.cluster.leases import take_lease
from switch_service.cluster.node_names import checked_node_name
from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings, test_carrier_port
from switch_service.errors import UserError
from switch_service.events import EventBus, GatewayBus
from switch_service.media.pool import IvrPool, PoolOptions, prompts_folder
from switch_service.security.pins import PinCipher
from switch_service.sip import dialog_state
from switch_service.sip.b2bua import B2buaConfig
from switch_service.sip.controller import HangupOutcome
from switch_service.sip.loopback import LOOPBACK, TestCaller, TestCallRequest, TestCallResult, TestCarrier
from switch_service.sip.switch import SwitchConfig, SwitchThread
from switch_service.sip.transactions import Peer
from switch_service.store.repositories.nas_clients import listens_beyond_loopback, switch_nas_address

log = logging.getLogger(__name__)
TEST_CALL_WAIT_S = 40.0  # the switch answers a test call's INVITE within its INVITE timeout (32 s)


class Telephony:
    """The RADIUS server and the SIP switch, each started and stopped on its own (`RadiusPart`, `SipPart`: the
    supervisor's components). What outlives a restart is kept here: the switch's NAS secret, the PIN key, the
    event bus the API streams, and the ports RADIUS got, so the switch's RADIUS client still reaches it."""

    def __init__(self, engine: Engine, settings: Settings, secrets: SecretStore | None = None) -> None:
        secrets = secrets or SecretStore()
        self.engine = engine
        self.settings = settings
        self.switch_config = ControllerConfig.from_settings(settings)  # a bad option stops us before anything runs
        self.pin_key = secrets.get_or_create("pin_key")
        self.switch_secret = secrets.get_or_create("radius_secret").encode()
        self.switch_address = switch_nas_address(settings.typed.radius_host)  # the address RADIUS knows us by
        self.events = EventBus()
        self.gateway_events = GatewayBus()
        self.test_carrier: TestCarrier | None = None
        self.test_caller: TestCaller | None = None
        self.left_up: list[str] = []  # dialogs of calls the previous run left up, ended when SIP first listens
        self.radius: RadiusService | None = None
        self.controller: SwitchController | None = None
        self.sip: SwitchThread | None = None
        self.ivr: IvrPool | None = None
        self.heartbeat: Heartbeat | None = None  # this node's lease (prepare_telephony)
        self._radius_ports = (settings.typed.radius_auth_port, settings.typed.radius_acct_port)
        self._client: RadiusClient | None = None
        self.radius_part = RadiusPart(self)
        self.sip_part = SipPart(self)

    def start_radius(self) -> None:
        """Listen for RADIUS (again) on the ports it had, the NAS clients read afresh from the database."""
        radius_host = self.settings.typed.radius_host
        stored = stored_nas_loader(self.engine, PinCipher(self.pin_key))()
        registry = NasRegistry(stored)
        registry.add(self.switch_address, self.switch_secret, require_message_authenticator=True, name="local switch")
        if listens_beyond_loopback(radius_host) and not stored:
            log.warning("RADIUS listens on %s, beyond this computer, but no NAS client is registered: every "
                        "gateway's request is dropped (add one: carrier-switch nas add)", radius_host)
        auth_port, acct_port = self._radius_ports
        options = {**self.settings.values, "radius_auth_port": auth_port, "radius_acct_port": acct_port}
        try:
            self.radius = start_radius(self.engine, options, registry, pin_key=self.pin_key)
        except OSError as exc:
            raise UserError(f"cannot listen for RADIUS on {self.settings['radius_host']}:{auth_port}/{acct_port}: "
                            f"{exc.strerror} (set radius_auth_port/radius_acct_port)") from None
        self._radius_ports = (self.radius.auth_address[1], self.radius.acct_address[1])

    def stop_radius(self) -> None:
        radius, self.radius = self.radius, None
        if radius is not None:
            radius.stop()

    def start_sip(self) -> None:
        if self._client is None:
            auth_port, acct_port = self._radius_ports
            self._client = RadiusClient(self.switch_address, self.switch_secret, auth_port=auth_port,
                                        acct_port=acct_port, timeout=2.0, retries=3,
                                        source_address=self.switch_address)
        controller = SwitchController(self.engine, self._client, self.switch_config, events=self.events,
                                      gateway_events=self.gateway_events)
        settings = self.settings
        self.ivr = self._ivr_pool()
        controller.use_ivr_pool(self.ivr)
        sip = SwitchThread(controller, SwitchConfig(host=settings.typed.sip_host, port=settings.typed.sip_port,
                                                    advertised_host=settings.typed.sip_advertised_host or None,
                                                    b2bua=B2buaConfig(call_id_tag=settings.typed.node_name)))
        try:
            sip.start()
        except (RuntimeError, TimeoutError) as exc:
            controller.close()
            cause = exc.__cause__ or exc
            raise UserError(f"cannot listen for SIP on {settings['sip_host']}:{settings['sip_port']}: {cause}"
                            " (set sip_port)") from None
        self.controller, self.sip = controller, sip
        controller.snapshot.on_hangups = functools.partial(self._hang_up_asked, controller, sip)
        self._start_ivr(sip)
        left_up, self.left_up = self.left_up, []
        self.end_left_up(left_up)
        carrier_port = test_carrier_port(settings)
        try:
            self._start_loopback(carrier_port, settings.typed.sip_test_carrier_hangup_s)
        except OSError as exc:  # the switch works without it: only the test carrier's calls fail over
            log.warning("no test carrier: cannot listen on %s:%d: %s (set sip_test_carrier_port, 0 for none)",
                        LOOPBACK, carrier_port, exc.strerror)
            self.test_carrier = None
            self._start_loopback(0, 0)

    def _ivr_pool(self) -> IvrPool | None:
        """The IVR's media workers (none when ivr_max_workers is 0): RADIUS clients of our server, as the switch."""
        typed = self.settings.typed
        if typed.ivr_max_workers <= 0:
            return None
        auth_port, _acct_port = self._radius_ports
        options = PoolOptions(
            radius_host=self.switch_address, auth_port=auth_port, secret=self.switch_secret.decode(),
            source_address=self.switch_address, host=LOOPBACK, min_workers=min(typed.ivr_min_workers,
                                                                              typed.ivr_max_workers),
            max_workers=typed.ivr_max_workers, prompts=prompts_folder(typed.ivr_prompts_dir, typed.data_dir),
            max_pin_tries=typed.ivr_max_pin_tries, log_level=typed.log_level)
        return IvrPool(options)

    def _start_ivr(self, sip: SwitchThread) -> None:
        """The warm workers, started on the switch's loop; a dead worker's calls are ended by the switch."""
        pool = self.ivr
        if pool is None:
            return
        pool.on_lost = ended_by_switch(sip)
        try:
            asyncio.run_coroutine_threadsafe(pool.start(), sip.loop).result(30.0)
        except Exception:  # the switch works without: unknown callers of an access number get 503 until one starts
            log.exception("could not start the IVR media workers")

    def ivr_counters(self) -> dict[str, int]:
        """The IVR pool's figures for the API's live counters (empty without an IVR)."""
        pool = self.ivr
        if pool is None:
            return {}
        radius = self.radius.counters() if self.radius is not None else {}  # PINs are counted where they are checked
        return {"ivr_workers": len(pool.workers), "ivr_sessions": pool.legs, "ivr_busy": pool.busy_refusals,
                "ivr_restarts": pool.restarts, "ivr_pin_failures": radius.get("pin_failures", 0),
                "ivr_pin_lockouts": radius.get("pin_lockouts", 0)}

    def _start_loopback(self, carrier_port: int, hangup_s: float) -> None:
        """The test carrier (unless `carrier_port` is 0) and the test caller, on the switch's own loop."""
        assert self.sip is not None and self.controller is not None
        sip = self.sip
        if carrier_port:
            self.test_carrier = TestCarrier(carrier_port, hangup_s)
        self.test_caller = TestCaller(Peer("UDP", LOOPBACK, sip.switch.port))
        started = [endpoint for endpoint in (self.test_carrier, self.test_caller) if endpoint is not None]

        async def start() -> None:
            for endpoint in started:
                await endpoint.start()

        asyncio.run_coroutine_threadsafe(start(), sip.loop).result(5.0)
        self.controller.test_caller = self.test_caller

    def place_test_call(self, request: TestCallRequest) -> TestCallResult:
        """From any thread (the API): a real call from the test caller through the switch; the switch's final
        answer to it. TimeoutError when none came in time."""
        caller, sip = self.test_caller, self.sip
        if caller is None or sip is None:
            raise RuntimeError("the test caller is not running")
        future = asyncio.run_coroutine_threadsafe(caller.place(request), sip.loop)
        try:
            return future.result(TEST_CALL_WAIT_S)
        except TimeoutError:
            future.cancel()
            raise

    def stop_sip(self) -> None:
        """The calls in progress get their BYEs and their last Accounting-Stop, so RADIUS stops after SIP."""
        sip, controller = self.sip, self.controller
        self.sip = self.controller = None
        endpoints = (self.test_caller, self.test_carrier)
        self.test_caller = self.test_carrier = None
        for endpoint in endpoints:
            if endpoint is not None and sip is not None and sip.loop.is_running():
                asyncio.run_coroutine_threadsafe(endpoint.stop(), sip.loop).result(5.0)
        ivr, self.ivr = self.ivr, None
        if ivr is not None:  # the callers in the IVR hear the end of the call now: the switch stops next
            ivr.stop()
        if sip is not None:
            sip.stop()
        if controller is not None:
            controller.close()

    def hangup(self, call_id: str, timeout: float = 5.0) -> HangupOutcome:
        """From any thread (the API): end a connected call on the switch's own loop, BYE to both legs."""
        sip, controller = self.sip, self.controller
        if sip is None or controller is None:
            return HangupOutcome.NOT_FOUND

        async def on_switch_loop() -> HangupOutcome:
            b2bua = sip.switch.b2bua
            ref = controller.call_ref(call_id)
            if b2bua is None or ref is None:
                return HangupOutcome.NOT_FOUND
            return b2bua.hang_up(ref)

        try:
            future = asyncio.run_coroutine_threadsafe(on_switch_loop(), sip.loop)
        except RuntimeError:  # the switch's loop is closed: the service is stopping
            return HangupOutcome.NOT_FOUND
        try:
            return future.result(timeout)
        except TimeoutError:  # the API answers 503; the call is left alone
            future.cancel()
            raise

    async def _hang_up_asked(self, controller: SwitchController, sip: SwitchThread) -> None:
        """On the switch's loop, when the change signal says so: this node's calls that an operator asked another
        node's API to hang up, ended as this node's API would (cluster/hangups.py)."""
        node = self.settings.typed.node_name
        call_ids = await controller.snapshot.in_db(lambda session: hangups.asked(session, node))
        b2bua = sip.switch.b2bua
        for call_id in call_ids:
            ref = controller.call_ref(call_id)
            if b2bua is not None and ref is not None:
                outcome = b2bua.hang_up(ref)
                log.info("call %s hung up as asked through another node's API: %s", call_id, outcome.name.lower())

    def end_or_keep(self, kept: list[str]) -> None:
        """From any thread (a takeover of a dead node's calls): BYE on both legs now, or when SIP next listens."""
        if self.sip is None:
            self.left_up += kept
        else:
            self.end_left_up(kept)

    def end_left_up(self, kept: list[str]) -> None:
        """BYE on both legs of each call the previous run left up (its dialogs, kept with the live call); the
        answers are logged when they come, the service does not wait for them."""
        assert self.sip is not None
        sip = self.sip
        dialogs = []
        for state in kept:
            try:
                dialogs += dialog_state.load(state)
            except ValueError as exc:
                log.warning("cannot end a call left up by the previous run: %s", exc)
        if not dialogs:
            return

        async def end() -> None:
            try:
                answers = await sip.switch.end_dialogs(dialogs)
            except Exception:
                log.exception("could not end the calls left up by the previous run")
                return
            log.warning("ended %d call leg(s) left up by a crash (of this node's last run, or of a node taken over): "
                        "%d answered the BYE, %d did not",
                        len(answers), sum(1 for code in answers if code is not None),
                        sum(1 for code in answers if code is None))

        asyncio.run_coroutine_threadsafe(end(), sip.loop)

    def stop(self) -> None:
        """SIP first (its last Accounting-Stops still reach RADIUS), then RADIUS."""
        self.stop_sip()
        self.stop_radius()


def ended_by_switch(sip: SwitchThread) -> Callable[[list[str]], None]:
    """The IVR pool's `on_lost`: the switch ends the calls a dead worker held (BYE to the caller), on its loop."""
    def end(keys: list[str]) -> None:
        b2bua = sip.switch.b2bua
        for key in keys:
            if b2bua is not None:
                b2bua.hang_up(key)

    return end


class RadiusPart:
    """RADIUS as a supervisor component."""

    name = "radius"

    def __init__(self, telephony: Telephony) -> None:
        self.telephony = telephony

    def start(self) -> None:
        self.telephony.start_radius()

    def stop(self) -> None:
        self.telephony.stop_radius()

    def alive(self) -> bool:
        radius = self.telephony.radius
        return radius is not None and radius.alive()

    def ports(self) -> dict[str, int]:
        radius = self.telephony.radius
        return {} if radius is None else {"auth": radius.auth_address[1], "acct": radius.acct_address[1]}

    def counters(self) -> dict[str, int]:
        radius = self.telephony.radius
        return {} if radius is None else radius.counters()


class SipPart:
    """The SIP switch as a supervisor component."""

    name = "sip"

    def __init__(self, telephony: Telephony) -> None:
        self.telephony = telephony

    def start(self) -> None:
        self.telephony.start_sip()

    def stop(self) -> None:
        self.telephony.stop_sip()

    def alive(self) -> bool:
        sip = self.telephony.sip
        return sip is not None and sip.alive()

    def ports(self) -> dict[str, int]:
        sip = self.telephony.sip
        return {} if sip is None else {"udp": sip.switch.port, "tcp": sip.switch.port}

    def counters(self) -> dict[str, int]:
        sip = self.telephony.sip
        if sip is None:
            return {}
        stats, b2bua = sip.switch.stats, sip.switch.b2bua
        return {"calls": b2bua.active_calls if b2bua else 0, "calls_ended": b2bua.ended_calls if b2bua else 0,
                "received": stats.received, "dropped": stats.dropped_malformed + stats.dropped_flood,
                "errors": stats.errors, **self.telephony.ivr_counters()}


def prepare_telephony(engine: Engine, settings: Settings, secrets: SecretStore | None = None) -> Telephony:
    """Telephony with nothing started yet, once this node's lease is taken and the calls its previous run left
    open are settled (`telephony.heartbeat` then keeps the lease: the supervisor's first component)."""
    telephony = Telephony(engine, settings, secrets)
    typed = settings.typed
    node = checked_node_name(typed.node_name)
    address = f"{typed.sip_advertised_host or typed.sip_host}:{typed.sip_port}"
    lease, recovered = take_lease(engine, node, typed.node_lease_s, sip_address=address)
    if recovered.closed:
        log.warning("settled %d call(s) left open by the previous run", recovered.closed)
    telephony.left_up = list(recovered.dialogs)  # ended as soon as SIP listens
    telephony.heartbeat = Heartbeat(engine, lease, telephony.end_or_keep)
    return telephony
