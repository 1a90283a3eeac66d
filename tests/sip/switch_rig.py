"""The whole call path for the end-to-end tests: SIPp peers → switch (`SwitchController`) → RADIUS client →
the real `RadiusServer` running the real `BillingPolicy` → a migrated database the test filled (`seed`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sip_peers import CALLER, HOST, free_port
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.call_control.config import ControllerConfig
from switch_service.call_control.controller import SwitchController
from switch_service.sip.switch import SwitchConfig, SwitchThread
from switch_service.sip.transactions import TimerConfig
from switch_service.store.models import (
    Account,
    Ani,
    Carrier,
    Cdr,
    DialPlan,
    DialPlanRoute,
    Did,
    Gateway,
    Rate,
    RouteCarrier,
    Tariff,
)
from switch_service.store.models.enums import CdrKind, DidKind, RouteStrategy, TariffKind

SECRET = b"switch-e2e-secret"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
ACCESS_NUMBER = "18005550100"
FORWARD_DID = "18005550199"
CALLER_ANI = CALLER  # the From user of every SIPp caller scenario
US_DESTINATION = "15557654321"  # sold at 0.060000/min, 6 s + 6 s
FR_DESTINATION = "33123456789"  # sold at 0.060000/min, 1 s + 1 s (credit-timer and load tests)
BLOCKED_DESTINATION = "19005550000"  # the dial plan blocks 1900
T = TypeVar("T")


@dataclass
class Seeded:
    account_id: int
    forward_account_id: int
    carrier_ids: list[int] = field(default_factory=list)


def seed(engine: Engine, carrier_ports: Sequence[int], *, buy_prices: Sequence[str] = ("0.012000", "0.018000"),
         balance: str = "10.000000", max_calls: int = 0, ani: bool = True, ani_destination: str | None = US_DESTINATION,
         forward_balance: str = "5.000000", cps_limit: int = 0) -> Seeded:
    """A sell tariff, one carrier per port (cheapest first in LCR order), a dial plan, two accounts, DIDs."""
    with Session(engine) as session, session.begin():
        retail = Tariff(name="retail", kind=TariffKind.SELL)
        session.add(retail)
        session.flush()
        session.add_all([
            Rate(tariff_id=retail.id, prefix="1", destination="US", price_per_minute=Decimal("0.060000"),
                 initial_block_s=6, increment_s=6, valid_from=EPOCH),
            Rate(tariff_id=retail.id, prefix="33", destination="France", price_per_minute=Decimal("0.060000"),
                 initial_block_s=1, increment_s=1, valid_from=EPOCH),
        ])
        plan = DialPlan(name="default")
        session.add(plan)
        session.flush()
        route = DialPlanRoute(dial_plan_id=plan.id, prefix="", strategy=RouteStrategy.LCR)
        blocked = DialPlanRoute(dial_plan_id=plan.id, prefix="1900", strategy=RouteStrategy.LCR, blocked=True)
        session.add_all([route, blocked])
        session.flush()
        carrier_ids = []
        for index, port in enumerate(carrier_ports):
            buy = Tariff(name=f"buy-{index}", kind=TariffKind.BUY)
            session.add(buy)
            session.flush()
            price = Decimal(buy_prices[index])
            session.add_all([Rate(tariff_id=buy.id, prefix=prefix, destination=prefix, price_per_minute=price,
                                  initial_block_s=1, increment_s=1, valid_from=EPOCH) for prefix in ("1", "33")])
            carrier = Carrier(name=f"carrier-{index}", buy_tariff_id=buy.id)
            session.add(carrier)
            session.flush()
            session.add(Gateway(carrier_id=carrier.id, host=HOST, port=port))
            session.add(RouteCarrier(route_id=route.id, carrier_id=carrier.id, priority=index))
            carrier_ids.append(carrier.id)
        account = Account(number="100001", name="Maria", balance=Decimal(balance), tariff_id=retail.id,
                          dial_plan_id=plan.id, max_concurrent_calls=max_calls, cps_limit=cps_limit)
        forward_account = Account(number="200001", name="Forwarder", balance=Decimal(forward_balance),
                                  tariff_id=retail.id, dial_plan_id=plan.id)
        session.add_all([account, forward_account])
        session.flush()
        if ani:
            # digits only: BillingPolicy (04:35) indexes Ani.number as stored and looks up normalised digits
            session.add(Ani(account_id=account.id, number=CALLER_ANI, destination=ani_destination))
        session.add_all([
            Did(number=f"+{ACCESS_NUMBER}", kind=DidKind.ACCESS_NUMBER, dial_plan_id=plan.id),
            Did(number=f"+{FORWARD_DID}", kind=DidKind.FORWARD, account_id=forward_account.id,
                forward_to=f"+{US_DESTINATION}", dial_plan_id=plan.id),
        ])
        return Seeded(account.id, forward_account.id, carrier_ids)


@dataclass
class Rig:
    engine: Engine
    radius: RadiusServer
    policy: Any
    controller: SwitchController
    thread: SwitchThread
    port: int

    def stop(self) -> None:
        self.thread.stop()
        self.controller.close()
        self.radius.stop()


def start_rig(engine: Engine, *, ivr: str | None = None, max_call_seconds: int = 14400, credit_slice_s: int = 300,
              pin_cipher: Any = None, lockout: Any = None, **controller: Any) -> Rig:
    """The REAL BillingPolicy behind the REAL RadiusServer on fresh ports, and the switch in front of them.
    `controller`: ControllerConfig fields; the OPTIONS keep-alive is off unless given (SIPp's call scenarios would
    take a ping for a call).
    (Imported here, not at module level, so that a broken billing_policy.py fails these tests with its error
    instead of breaking the collection of the whole SIP suite.)"""
    from switch_service.aaa.billing_policy import BillingPolicy

    policy = BillingPolicy(engine, max_call_seconds=max_call_seconds, credit_slice_s=credit_slice_s,
                           pin_cipher=pin_cipher, lockout=lockout)
    registry = NasRegistry()
    registry.add(HOST, SECRET, require_message_authenticator=True, name="switch under test")
    radius = RadiusServer(policy, registry, host=HOST, auth_port=0, acct_port=0)
    radius.start()
    client = RadiusClient(HOST, SECRET, auth_port=radius.auth_address[1], acct_port=radius.acct_address[1],
                          timeout=2.0, retries=2)
    switch_controller = SwitchController(engine, client,
                                         ControllerConfig(ivr=ivr, **({"keepalive_interval_s": 0.0} | controller)))
    config = SwitchConfig(host=HOST, port=free_port(), flood_limit_per_s=None,
                          timers=TimerConfig(t1=0.5, invite_timeout=2.0))
    thread = SwitchThread(switch_controller, config)
    try:
        port = thread.start()
    except Exception:
        radius.stop()
        raise
    return Rig(engine, radius, policy, switch_controller, thread, port)


def call_cdrs(engine: Engine) -> list[Cdr]:
    with Session(engine) as session:
        return list(session.scalars(select(Cdr).where(Cdr.kind == CdrKind.CALL).order_by(Cdr.id)))


def attempt_rows(engine: Engine) -> list[Cdr]:
    with Session(engine) as session:
        return list(session.scalars(select(Cdr).where(Cdr.kind == CdrKind.ATTEMPT).order_by(Cdr.call_id, Cdr.attempt)))


def balance(engine: Engine, account_id: int) -> Decimal:
    with Session(engine) as session:
        account = session.get(Account, account_id)
        assert account is not None
        return account.balance


def reserved(engine: Engine, account_id: int) -> Decimal:
    with Session(engine) as session:
        account = session.get(Account, account_id)
        assert account is not None
        return account.reserved
