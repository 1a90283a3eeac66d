"""The Stop that rates a call writes one line per reseller up the account's tree, in the debit's transaction, and
the lines reconcile with the CDR's price and cost to the cent (on SQLite, PostgreSQL and MariaDB)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest
from switch_service.aaa.recovery import recover_at_startup
from switch_service.aaa.server import NasRegistry, RadiusServer
from switch_service.store.models import (
    Account,
    Cdr,
    CdrResellerLine,
    CommissionRule,
    LiveCall,
    Rate,
    Reseller,
    Tariff,
)
from switch_service.store.models.enums import ResellerKind, TariffKind
from tests.aaa.test_aaa_billing_policy import ANI, DEST, EPOCH, NOW, acct, auth, build_world, make_policy

D = Decimal
SECRET = b"reseller-lines"


def tree(engine: Engine, account_id: int) -> list[int]:
    """pin-less (top) ← payment-based ← white-label (buys 44 at 0.07/min) ← usage-based ← the account."""
    with Session(engine) as session, session.begin():
        own = Tariff(name="White-label buy", kind=TariffKind.SELL)
        session.add(own)
        session.flush()
        session.add(Rate(tariff_id=own.id, prefix="44", destination="UK", price_per_minute=D("0.07"),
                         initial_block_s=60, increment_s=60, valid_from=EPOCH))
        parent: int | None = None
        ids: list[int] = []
        for name, kind in (("Top", ResellerKind.PINLESS), ("Payments", ResellerKind.PAYMENT_BASED),
                           ("Label", ResellerKind.WHITE_LABEL), ("Usage", ResellerKind.USAGE_BASED)):
            reseller = Reseller(name=name, kind=kind, parent_id=parent,
                                tariff_id=own.id if kind is ResellerKind.WHITE_LABEL else None)
            session.add(reseller)
            session.flush()
            ids.insert(0, reseller.id)
            parent = reseller.id
        session.add_all([CommissionRule(reseller_id=ids[0], basis="sales_percent", prefix="", percent=D(10)),
                         CommissionRule(reseller_id=ids[0], basis="margin_percent", prefix="44", percent=D(20)),
                         CommissionRule(reseller_id=ids[2], basis="sales_percent", prefix="", percent=D(5)),
                         CommissionRule(reseller_id=ids[3], basis="sales_percent", prefix="", percent=D(5))])
        session.get_one(Account, account_id).reseller_id = ids[0]
    return ids


def test_stop_writes_reconciling_lines_for_a_four_leveltree(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="5.00")
    ids = tree(db_engine, world.account_id)
    policy = make_policy(db_engine)
    assert auth(policy).return_code is ReturnCode.OK
    policy.account(acct(AcctStatus.START, carrier_id=world.carrier_id))
    stop = acct(AcctStatus.STOP, seconds=180, cause=16, carrier_id=world.carrier_id)
    policy.account(stop)
    policy.account(stop)  # a duplicate Stop writes nothing more
    with Session(db_engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        lines = session.scalars(select(CdrResellerLine).order_by(CdrResellerLine.level)).all()
        balance = session.get_one(Account, world.account_id).balance
    assert (cdr.price, cdr.cost, cdr.reseller_id) == (D("0.30"), D("0.12"), ids[0])
    assert balance == D("4.70")
    assert [(line.call_id, line.reseller_id, line.level, line.sell, line.commission, line.buy, line.currency)
            for line in lines] == [
        (cdr.call_id, ids[0], 0, D("0.30"), D("0.036"), D("0.264"), "USD"),
        (cdr.call_id, ids[1], 1, D("0.264"), D("0.054"), D("0.21"), "USD"),
        (cdr.call_id, ids[2], 2, D("0.21"), D(0), D("0.21"), "USD"),
        (cdr.call_id, ids[3], 3, D("0.21"), D(0), D("0.21"), "USD"),
    ]
    assert sum(line.commission for line in lines) + lines[-1].buy == cdr.price
    assert lines[-1].buy - cdr.cost == cdr.margin - sum(line.commission for line in lines) == D("0.09")


def test_a_call_without_a_reseller_or_not_answered_has_no_lines(db_engine: Engine) -> None:
    world = build_world(db_engine)
    tree(db_engine, world.account_id)
    policy = make_policy(db_engine)
    assert auth(policy).return_code is ReturnCode.OK
    policy.account(acct(AcctStatus.STOP, seconds=0, cause=19, connected=False, carrier_id=world.carrier_id))
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(CdrResellerLine)) == 0


def test_a_commission_rule_edited_reaches_the_running_policy(db_engine: Engine) -> None:
    """The RADIUS snapshot holds the tree: an edit of a rule (or of the tree) is seen at the watcher's next check,
    and the next Stop pays by it."""
    world = build_world(db_engine, balance="5.00")
    ids = tree(db_engine, world.account_id)
    policy = make_policy(db_engine)
    assert not policy.refresh_if_changed()
    with Session(db_engine) as session, session.begin():
        rule = session.scalars(select(CommissionRule).where(CommissionRule.reseller_id == ids[0],
                                                            CommissionRule.prefix == "44")).one()
        rule.percent = D(50)
    assert policy.refresh_if_changed()
    with Session(db_engine) as session, session.begin():  # a balance moving is money, not a change of the tree
        session.get_one(Reseller, ids[0]).balance = D(7)
    assert not policy.refresh_if_changed()
    assert auth(policy).return_code is ReturnCode.OK
    policy.account(acct(AcctStatus.STOP, seconds=180, cause=16, carrier_id=world.carrier_id))
    with Session(db_engine) as session:
        line = session.scalars(select(CdrResellerLine).where(CdrResellerLine.level == 0)).one()
    assert line.commission == D("0.09")  # 50 % of the margin 0.18


def test_lines_of_a_call_sent_over_radius(db_engine: Engine) -> None:
    """Through the door: the switch's own RADIUS client sends the Access-Request and the Accounting Start and
    Stop to the real RadiusServer in front of the policy; the Stop writes the four lines with the CDR."""
    world = build_world(db_engine, balance="5.00")
    ids = tree(db_engine, world.account_id)
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, require_message_authenticator=False, name="switch")
    server = RadiusServer(make_policy(db_engine), registry, auth_port=0, acct_port=0, drop_log_interval=0.0)
    server.start()
    client = RadiusClient("127.0.0.1", SECRET, auth_port=server.auth_address[1], acct_port=server.acct_address[1],
                          timeout=5.0, retries=2)
    try:
        decision = client.authorize(AuthRequest(ANI, calling_station_id=ANI, called_station_id=DEST,
                                                conf_id="radius-1", call_id="radius-1@sw"))
        assert decision.accepted
        for status in (AcctStatus.START, AcctStatus.STOP):
            stop = status is AcctStatus.STOP
            client.account(AcctRecord(status=status, session_id="radius-1", user_name=ANI, calling_station_id=ANI,
                                      called_station_id=DEST, conf_id="radius-1", call_id="radius-1@sw",
                                      setup_time=NOW, connect_time=NOW, session_time=180 if stop else None,
                                      disconnect_time=NOW + dt.timedelta(seconds=180) if stop else None,
                                      disconnect_cause=16 if stop else None))
    finally:  # the blocking calls close their own sockets
        server.stop()
    with Session(db_engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        lines = session.scalars(select(CdrResellerLine).order_by(CdrResellerLine.level)).all()
    assert cdr.price == D("0.30") and [line.reseller_id for line in lines] == ids
    assert sum(line.commission for line in lines) + lines[-1].buy == cdr.price


def test_a_call_closed_by_crash_recovery_gets_its_lines(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="5.00")
    ids = tree(db_engine, world.account_id)
    policy = make_policy(db_engine)
    assert auth(policy, "crashed").return_code is ReturnCode.OK
    with Session(db_engine) as session, session.begin():  # what a Start and an Interim-Update left on disk
        session.add(LiveCall(call_id="crashed", conf_id="crashed", account_id=world.account_id,
                             carrier_id=world.carrier_id, caller=ANI, destination=DEST, state="answered",
                             sell_rate=D("0.10"), buy_rate=D("0.04"), started_at=NOW, answered_at=NOW,
                             last_seen_at=NOW + dt.timedelta(seconds=180)))
    assert recover_at_startup(db_engine, NOW + dt.timedelta(hours=1)).closed == 1
    with Session(db_engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        lines = session.scalars(select(CdrResellerLine).order_by(CdrResellerLine.level)).all()
    assert (cdr.result, cdr.price, cdr.cost) == ("recovered", D("0.30"), D("0.12"))
    assert [(line.call_id, line.reseller_id, line.commission) for line in lines] == [
        ("crashed", ids[0], D("0.036")), ("crashed", ids[1], D("0.054")), ("crashed", ids[2], D(0)),
        ("crashed", ids[3], D(0))]
