"""The RADIUS listen address is a setting the whole service follows: on another address than 127.0.0.1 the switch's
own RADIUS client still reaches its server (it sends from that address), and a NAS client may not cover it."""

from __future__ import annotations

import asyncio
import dataclasses
import socket
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from worker_ports import free_port

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.messages import AuthRequest
from switch_service.config import settings as settings_module
from switch_service.config.secrets import SecretStore
from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.store.engine import make_engine
from switch_service.store.migrate import upgrade
from switch_service.store.repositories.nas_clients import (
    NasFieldError,
    NasValues,
    add_nas_client,
    listens_beyond_loopback,
    switch_nas_address,
)
from switch_service.telephony import prepare_telephony


@pytest.mark.parametrize(("host", "switch", "beyond"), [
    ("127.0.0.1", "127.0.0.1", False), ("127.0.0.5", "127.0.0.5", False), ("0.0.0.0", "127.0.0.1", True),
    ("::", "::1", True), ("::1", "::1", False), ("192.0.2.10", "192.0.2.10", True),
])
def test_the_switch_sends_from_the_listen_address_or_loopback_on_every_interface(host: str, switch: str,
                                                                                  beyond: bool) -> None:
    assert (switch_nas_address(host), listens_beyond_loopback(host)) == (switch, beyond)


def test_a_listen_address_that_is_not_an_ip_address_is_one_clear_error() -> None:
    with pytest.raises(UserError, match="radius_host must be an IP address"):
        switch_nas_address("localhost")


def test_on_127_0_0_5_the_switch_reaches_its_own_server_and_no_nas_may_cover_it(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'listen.db'}")
    upgrade(engine)
    loaded = settings_module.load()
    values = {**loaded.values, "radius_host": "127.0.0.5", "sip_host": "127.0.0.1", "radius_processes": 0,
              "sip_port": free_port(socket.SOCK_DGRAM), "radius_auth_port": free_port(socket.SOCK_DGRAM),
              "radius_acct_port": free_port(socket.SOCK_DGRAM), "sip_keepalive_interval_s": 0}
    telephony = prepare_telephony(engine, dataclasses.replace(loaded, values=values))
    try:
        telephony.start_radius()
        telephony.start_sip()
        assert telephony.radius is not None and telephony.controller is not None and telephony.sip is not None
        assert telephony.radius.auth_address[0] == "127.0.0.5"
        asked = telephony.controller.radius.authorize(AuthRequest("19995550000", conf_id="LISTEN-1"))
        decision, _pairs = asyncio.run_coroutine_threadsafe(asked, telephony.sip.loop).result(10)  # the switch's loop
        assert decision.return_code is ReturnCode.INVALID_ACCOUNT  # answered: the switch is a known client
    finally:
        telephony.stop()
        engine.dispose()

    cipher = PinCipher(SecretStore().get_or_create("pin_key"))
    engine = make_engine(f"sqlite:///{tmp_path / 'listen.db'}")
    try:
        with Session(engine) as session, pytest.raises(NasFieldError, match="the switch's own RADIUS client"):
            add_nas_client(session, NasValues("Local range", "127.0.0.4/30", "a-gateway-secret-of-24ch"), cipher,
                           switch_nas_address("127.0.0.5"))
    finally:
        engine.dispose()
