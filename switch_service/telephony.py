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
from switch_service.config.settings import Settings
from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.sip import dialog_state
from switch_service.sip.call_control import ControllerConfig, SwitchController
from switch_service.sip.controller import HangupOutcome
from switch_service.sip.switch import SwitchConfig, SwitchThread
from switch_service.store.models import NasClient

log = logging.getLogger(__name__)
LOCAL_SWITCH_NAS = "127.0.0.1"


@dataclass
class Telephony:
    radius: RadiusService
    controller: SwitchController
    sip: SwitchThread

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

    def end_left_up(self, kept: list[str]) -> None:
        """BYE on both legs of each call the previous run left up (its dialogs, kept with the live call); the
        answers are logged when they come, the service does not wait for them."""
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
                answers = await self.sip.switch.end_dialogs(dialogs)
            except Exception:
                log.exception("could not end the calls left up by the previous run")
                return
            log.warning("ended %d call leg(s) left up by the previous run: %d answered the BYE, %d did not",
                        len(answers), sum(1 for code in answers if code is not None),
                        sum(1 for code in answers if code is None))

        asyncio.run_coroutine_threadsafe(end(), self.sip.loop)

    def stop(self) -> None:
        """SIP first (its last Accounting-Stops still reach RADIUS), then RADIUS."""
        self.sip.stop()
        self.controller.close()
        self.radius.stop()


def start_telephony(engine: Engine, settings: Settings, secrets: SecretStore | None = None) -> Telephony:
    secrets = secrets or SecretStore()
    switch_config = ControllerConfig.from_settings(settings)  # a bad option stops us before anything runs
    recovered = recover_at_startup(engine, dt.datetime.now(dt.UTC))
    if recovered.closed:
        log.warning("settled %d call(s) left open by the previous run", recovered.closed)
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
    sip = SwitchThread(controller, SwitchConfig(host=str(settings["sip_host"]), port=int(settings["sip_port"]),
                                                advertised_host=str(settings["sip_advertised_host"]) or None))
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
    telephony.end_left_up(recovered.dialogs)
    return telephony
