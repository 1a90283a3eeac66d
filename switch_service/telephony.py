"""The telephony half of the daemon: the RADIUS server (for the switch and third-party gateways) and the SIP
switch, which is that server's first client. `carrier-switch serve` starts this, then the HTTP API.

Start order matters: calls left open by a crash are settled first, then RADIUS listens, then SIP.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.processes import RadiusService, start_radius
from switch_service.aaa.recovery import recover_at_startup
from switch_service.aaa.server import NasRegistry
from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings, test_carrier_port
from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.sip.call_control import ControllerConfig, SwitchController
from switch_service.sip.controller import HangupOutcome
from switch_service.sip.loopback import LOOPBACK, TestCaller, TestCallRequest, TestCallResult, TestCarrier
from switch_service.sip.switch import SwitchConfig, SwitchThread
from switch_service.sip.transactions import Peer
from switch_service.store.models import NasClient

log = logging.getLogger(__name__)
LOCAL_SWITCH_NAS = "127.0.0.1"
TEST_CALL_WAIT_S = 40.0  # the switch answers a test call's INVITE within its INVITE timeout (32 s)


@dataclass
class Telephony:
    radius: RadiusService
    controller: SwitchController
    sip: SwitchThread
    test_carrier: TestCarrier | None = None
    test_caller: TestCaller | None = None

    def start_loopback(self, carrier_port: int, hangup_s: float) -> None:
        """The test carrier (unless `carrier_port` is 0) and the test caller, on the switch's own loop."""
        if carrier_port:
            self.test_carrier = TestCarrier(carrier_port, hangup_s)
        self.test_caller = TestCaller(Peer("UDP", LOOPBACK, self.sip.switch.port))
        started = [endpoint for endpoint in (self.test_carrier, self.test_caller) if endpoint is not None]

        async def start() -> None:
            for endpoint in started:
                await endpoint.start()

        asyncio.run_coroutine_threadsafe(start(), self.sip.loop).result(5.0)
        self.controller.test_caller = self.test_caller

    def place_test_call(self, request: TestCallRequest) -> TestCallResult:
        """From any thread (the API): a real call from the test caller through the switch; the switch's final
        answer to it. TimeoutError when none came in time."""
        caller = self.test_caller
        if caller is None:
            raise RuntimeError("the test caller is not running")
        future = asyncio.run_coroutine_threadsafe(caller.place(request), self.sip.loop)
        try:
            return future.result(TEST_CALL_WAIT_S)
        except TimeoutError:
            future.cancel()
            raise

    def hangup(self, call_id: str, timeout: float = 5.0) -> HangupOutcome:
        """From any thread (the API): end a connected call on the switch's own loop, BYE to both legs."""

        async def on_switch_loop() -> HangupOutcome:
            b2bua = self.sip.switch.b2bua
            ref = self.controller.call_ref(call_id)
            if b2bua is None or ref is None:
                return HangupOutcome.NOT_FOUND
            return b2bua.hang_up(ref)

        try:
            future = asyncio.run_coroutine_threadsafe(on_switch_loop(), self.sip.loop)
        except RuntimeError:  # the switch's loop is closed: the service is stopping
            return HangupOutcome.NOT_FOUND
        try:
            return future.result(timeout)
        except TimeoutError:  # the API answers 503; the call is left alone
            future.cancel()
            raise

    def stop(self) -> None:
        """SIP first (its last Accounting-Stops still reach RADIUS), then RADIUS."""
        for endpoint in (self.test_caller, self.test_carrier):
            if endpoint is not None and self.sip.loop.is_running():
                asyncio.run_coroutine_threadsafe(endpoint.stop(), self.sip.loop).result(5.0)
        self.sip.stop()
        self.controller.close()
        self.radius.stop()


def start_telephony(engine: Engine, settings: Settings, secrets: SecretStore | None = None) -> Telephony:
    secrets = secrets or SecretStore()
    switch_config = ControllerConfig.from_settings(settings)  # a bad option stops us before anything runs
    recovered = recover_at_startup(engine, dt.datetime.now(dt.UTC))
    if recovered:
        log.warning("settled %d call(s) left open by the previous run", recovered)
    pin_key = secrets.get_or_create("pin_key")
    cipher = PinCipher(pin_key)
    switch_secret = secrets.get_or_create("radius_secret").encode()
    with Session(engine) as session:
        registry = NasRegistry.from_clients(session.scalars(select(NasClient)), cipher)
    registry.add(LOCAL_SWITCH_NAS, switch_secret, require_message_authenticator=True, name="local switch")
    try:
        radius = start_radius(engine, settings, registry, pin_key=pin_key)
    except OSError as exc:
        raise UserError(f"cannot listen for RADIUS on {settings['radius_host']}:{settings['radius_auth_port']}/"
                        f"{settings['radius_acct_port']}: {exc.strerror} (set radius_auth_port/radius_acct_port)"
                        ) from None
    client = RadiusClient(LOCAL_SWITCH_NAS, switch_secret, auth_port=radius.auth_address[1],
                          acct_port=radius.acct_address[1], timeout=2.0, retries=3)
    controller = SwitchController(engine, client, switch_config)
    sip = SwitchThread(controller, SwitchConfig(host=str(settings["sip_host"]), port=int(settings["sip_port"])))
    try:
        port = sip.start()
    except (RuntimeError, TimeoutError) as exc:
        controller.close()
        radius.stop()
        cause = exc.__cause__ or exc
        raise UserError(f"cannot listen for SIP on {settings['sip_host']}:{settings['sip_port']}: {cause}"
                        " (set sip_port)") from None
    log.info("RADIUS on %s:%s/%s, SIP on %s:%s (UDP and TCP)", settings["radius_host"], radius.auth_address[1],
             radius.acct_address[1], settings["sip_host"], port)
    telephony = Telephony(radius, controller, sip)
    carrier_port = test_carrier_port(settings)
    try:
        telephony.start_loopback(carrier_port, float(settings["sip_test_carrier_hangup_s"]))
    except OSError as exc:  # the switch works without it: only the test carrier's calls fail over
        log.warning("no test carrier: cannot listen on %s:%d: %s (set sip_test_carrier_port, 0 for none)",
                    LOOPBACK, carrier_port, exc.strerror)
        telephony.test_carrier = None
        telephony.start_loopback(0, 0)
    return telephony
