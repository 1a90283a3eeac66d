"""BillingPolicy on real databases: every authentication path, every reject code, credit time, accounting."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest, DigestCredentials
from switch_service.billing.max_duration import max_duration
from switch_service.billing.rating import RatingContext
from switch_service.security.pins import PinCipher
from switch_service.store.models import (
    Account,
    Card,
    CardBatch,
    Carrier,
    Cdr,
    CustomerTrunk,
    DialPlan,
    DialPlanRoute,
    Gateway,
    LiveCall,
    Rate,
    Reservation,
    Tariff,
)
from switch_service.store.models.accounts import Ani
from switch_service.store.models.enums import (
    AccountKind,
    CardStatus,
    ReservationStatus,
    Status,
    TariffKind,
    TrunkAuth,
)
from switch_service.store.repositories.routing import to_billing_rate

NOW = dt.datetime(2026, 3, 4, 15, 0, tzinfo=dt.UTC)  # a Wednesday
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
PIN_KEY = base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef").decode()
ANI = "15551230001"
DEST = "442071234567"


@dataclass(frozen=True, slots=True)
class SwitchAuthRequest(AuthRequest):
    """An AuthRequest with the Cisco-AVPairs the switch sends (account-id=, did=)."""

    avpairs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SwitchAcctRecord(AcctRecord):
    avpairs: tuple[str, ...] = ()


@dataclass
class World:
    account_id: int
    tariff_id: int
    carrier_id: int


def build_world(engine: Engine, *, balance: str = "1.00", price: str = "0.10", initial: int = 60,
                increment: int = 60, connect_fee: str = "0", **account: Any) -> World:
    """A sell tariff (44 at `price`), a carrier buying 44 at 0.04/min 1/1, one prepaid account with ANI."""
    stored = account.pop("stored", None)
    with Session(engine) as session, session.begin():
        sell = Tariff(name="Sell", kind=TariffKind.SELL)
        buy = Tariff(name="Carrier buy", kind=TariffKind.BUY)
        session.add_all([sell, buy])
        session.flush()
        session.add(Rate(tariff_id=sell.id, prefix="44", destination="United Kingdom",
                         price_per_minute=Decimal(price), initial_block_s=initial, increment_s=increment,
                         connect_fee=Decimal(connect_fee), valid_from=EPOCH))
        session.add(Rate(tariff_id=buy.id, prefix="44", destination="UK", price_per_minute=Decimal("0.04"),
                         initial_block_s=1, increment_s=1, valid_from=EPOCH))
        carrier = Carrier(name="Carrier", buy_tariff_id=buy.id)
        session.add(carrier)
        fields: dict[str, Any] = {"number": "A1", "name": "Alice", "balance": Decimal(balance),
                                  "tariff_id": sell.id, **account}
        row = Account(**fields)
        session.add(row)
        session.flush()
        session.add(Ani(account_id=row.id, number=ANI, destination=stored))
        return World(row.id, sell.id, carrier.id)


def make_policy(engine: Engine, **options: Any) -> BillingPolicy:
    return BillingPolicy(engine, pin_cipher=PinCipher(PIN_KEY), clock=lambda: NOW, **options)


def auth(policy: BillingPolicy, conf: str = "conf-1", *, user: str = ANI, called: str | None = DEST,
         avpairs: tuple[str, ...] = (), **fields: Any) -> Any:
    fields.setdefault("calling_station_id", user)
    fields.setdefault("source_address", "127.0.0.1")
    return policy.authorize(SwitchAuthRequest(user, called_station_id=called, conf_id=conf, call_id=f"{conf}@sw",
                                              avpairs=avpairs, **fields))


def account_row(engine: Engine, account_id: int) -> Account:
    with Session(engine) as session:
        return session.get_one(Account, account_id)


def acct(status: AcctStatus, conf: str = "conf-1", *, seconds: int | None = None, cause: int | None = None,
         connected: bool = True, carrier_id: int | None = None, user: str = ANI) -> SwitchAcctRecord:
    pairs = (f"call-id={conf}@sw",) + ((f"carrier-id={carrier_id}",) if carrier_id is not None else ())
    connect = NOW + dt.timedelta(seconds=5) if connected else None
    return SwitchAcctRecord(
        status=status, session_id=conf, user_name=user, calling_station_id=user, called_station_id=DEST,
        conf_id=conf, call_id=f"{conf}@sw", session_time=seconds, setup_time=NOW, connect_time=connect,
        disconnect_time=(connect or NOW) + dt.timedelta(seconds=seconds or 0) if status is AcctStatus.STOP else None,
        disconnect_cause=cause, source_address="127.0.0.1", avpairs=pairs)


# -- authorisation ------------------------------------------------------------------------------------------


def test_ani_accept_with_every_reply_attribute_and_one_reservation(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine)
    decision = auth(policy)
    assert decision.return_code is ReturnCode.OK
    assert decision.credit_time == 600  # 1.00 at 0.10/min, 60/60: ten minutes
    assert decision.credit_amount == Decimal("1.00")
    assert decision.billing_model is BillingModel.DEBIT
    assert decision.currency == "USD" and decision.preferred_lang == "en"
    assert decision.redirect_number is None
    assert decision.extra[0] == ("Cisco-AVPair", f"account-id={world.account_id}")
    # the switch shows the rate of the band the call starts in, and the destination's name, on its live calls
    assert {pair[1].split("=")[0] for pair in decision.extra[1:]} == {"rate", "destination"}
    assert account_row(db_engine, world.account_id).reserved == Decimal("1.00")
    again = auth(policy)  # a retry of the same conf-id: answered, not reserved twice
    assert again.return_code is ReturnCode.OK and again.credit_time == 600
    assert account_row(db_engine, world.account_id).reserved == Decimal("1.00")
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(Reservation)) == 1


def test_credit_time_30_6_with_connect_fee_is_max_duration(db_engine: Engine) -> None:
    build_world(db_engine, price="0.10", initial=30, increment=6, connect_fee="0.05")
    decision = auth(make_policy(db_engine))
    # 0.95 left after the 0.05 connect fee buys 570 s at 0.10/min; 570 = 30 + 90 * 6, so it is a block edge
    assert decision.credit_time == 570
    with Session(db_engine) as session:
        rate = to_billing_rate(session.scalars(select(Rate).where(Rate.prefix == "44")).first())  # type: ignore[arg-type]
    assert max_duration(Decimal("1.00"), rate, NOW, RatingContext(), 14400) == 570


def test_credit_time_is_capped_by_max_call_seconds(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="100")
    decision = auth(make_policy(db_engine, max_call_seconds=300))
    assert decision.credit_time == 300
    assert account_row(db_engine, world.account_id).reserved == Decimal("0.50")


def test_stored_destination_is_the_redirect_number(db_engine: Engine) -> None:
    build_world(db_engine, stored="447700900123")
    decision = auth(make_policy(db_engine), called="")
    assert decision.return_code is ReturnCode.OK and decision.redirect_number == "447700900123"


def _card(engine: Engine, world: World, pin: str, status: CardStatus, expires: dt.datetime | None) -> int:
    with Session(engine) as session, session.begin():
        batch = CardBatch(name=f"batch {pin}", count=1, face_value=Decimal(10), valid_days_after_first_use=30)
        session.add(batch)
        session.flush()
        cipher = PinCipher(PIN_KEY)
        card = Card(batch_id=batch.id, account_id=world.account_id, serial=pin, pin_ciphertext=cipher.encrypt(pin),
                    pin_index=cipher.index(pin), face_value=Decimal(10), status=status, expires_at=expires)
        session.add(card)
        session.flush()
        return card.id


@pytest.mark.parametrize(("status", "expires", "code"), [
    (CardStatus.NEW, None, ReturnCode.OK),
    (CardStatus.ACTIVE, NOW - dt.timedelta(days=1), ReturnCode.EXPIRED),
    (CardStatus.BLOCKED, None, ReturnCode.INVALID_CARD),
])
def test_pin_path(db_engine: Engine, status: CardStatus, expires: dt.datetime | None, code: ReturnCode) -> None:
    world = build_world(db_engine)
    card_id = _card(db_engine, world, "4242424242", status, expires)
    decision = auth(make_policy(db_engine), user="unknown", password="4242424242", calling_station_id="19999999999")
    assert decision.return_code is code
    if code is ReturnCode.OK:
        assert decision.credit_time == 600
        with Session(db_engine) as session:
            card = session.get_one(Card, card_id)
            assert card.status is CardStatus.ACTIVE and card.activated_at == NOW
            assert card.expires_at == NOW + dt.timedelta(days=30)
    assert auth(make_policy(db_engine), "conf-2", password="0000000000").return_code is ReturnCode.INVALID_PIN


def test_trunk_ip_and_switch_account_id_and_digest(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="1000")
    ha1 = hashlib.md5(b"pbx1:carrierdesk:s3cret").hexdigest()
    with Session(db_engine) as session, session.begin():
        session.add(CustomerTrunk(account_id=world.account_id, name="PBX", auth=TrunkAuth.IP, source_ip="10.9.8.7"))
        session.add(CustomerTrunk(account_id=world.account_id, name="PBX2", auth=TrunkAuth.DIGEST, username="pbx1",
                                  password_ha1=ha1))
    policy = make_policy(db_engine)
    stranger = "19998887777"
    assert auth(policy, "c1", user=stranger).return_code is ReturnCode.INVALID_ACCOUNT
    assert auth(policy, "c2", user=stranger, remote_address="10.9.8.7").return_code is ReturnCode.OK
    switch = (f"account-id={world.account_id}",)
    assert auth(policy, "c3", user=stranger, avpairs=switch).return_code is ReturnCode.OK
    untrusted = auth(policy, "c4", user=stranger, avpairs=switch, source_address="192.0.2.1")
    assert untrusted.return_code is ReturnCode.INVALID_ACCOUNT
    ha2 = hashlib.md5(b"INVITE:sip:442071234567@sw").hexdigest()
    response = hashlib.md5(f"{ha1}:n0nce:{ha2}".encode()).hexdigest()
    digest = DigestCredentials(response, realm="carrierdesk", nonce="n0nce", method="INVITE",
                               uri="sip:442071234567@sw", user_name="pbx1")
    assert auth(policy, "c5", user=stranger, digest=digest).return_code is ReturnCode.OK
    wrong = DigestCredentials("0" * 32, nonce="n0nce", method="INVITE", uri="sip:x", user_name="pbx1")
    assert auth(policy, "c6", user=stranger, digest=wrong).return_code is ReturnCode.INVALID_ACCOUNT


def _suspend(engine: Engine, world: World) -> None:
    with Session(engine) as session, session.begin():
        session.get_one(Account, world.account_id).status = Status.SUSPENDED


def _expire(engine: Engine, world: World) -> None:
    with Session(engine) as session, session.begin():
        session.get_one(Account, world.account_id).expires_at = NOW - dt.timedelta(seconds=1)


def _block_1900(engine: Engine, world: World) -> None:
    with Session(engine) as session, session.begin():
        plan = DialPlan(name="std")
        session.add(plan)
        session.flush()
        session.add(DialPlanRoute(dial_plan_id=plan.id, prefix="4420", blocked=True))
        session.get_one(Account, world.account_id).dial_plan_id = plan.id


def _busy_line(engine: Engine, world: World) -> None:
    with Session(engine) as session, session.begin():
        session.get_one(Account, world.account_id).max_concurrent_calls = 1
    assert auth(make_policy(engine), "other").return_code is ReturnCode.OK


REJECTS: list[tuple[str, dict[str, Any], Callable[[Engine, World], None] | None, dict[str, Any], ReturnCode]] = [
    ("unknown ani", {}, None, {"user": "19990000000"}, ReturnCode.INVALID_ACCOUNT),
    ("zero balance", {"balance": "0"}, None, {}, ReturnCode.ZERO_BALANCE),
    ("expired", {}, _expire, {}, ReturnCode.EXPIRED),
    ("credit limit", {"balance": "-50", "kind": AccountKind.POSTPAID, "credit_limit": Decimal(50)}, None, {},
     ReturnCode.CREDIT_LIMIT),
    ("suspended", {}, _suspend, {}, ReturnCode.DENIED),
    ("not in tariff", {}, None, {"called": "33123456789"}, ReturnCode.BLOCKED_NUMBER),
    ("blocked route", {}, _block_1900, {}, ReturnCode.BLOCKED_NUMBER),
    ("first stage of a stranger", {}, None, {"called": "", "user": "19990000000"}, ReturnCode.INVALID_ACCOUNT),
    ("first stage of a suspended account", {}, _suspend, {"called": ""}, ReturnCode.DENIED),
    ("insufficient", {"balance": "0.01"}, None, {}, ReturnCode.INSUFFICIENT_BALANCE),
    ("in use", {"balance": "100"}, _busy_line, {}, ReturnCode.IN_USE),
]


@pytest.mark.parametrize("case", REJECTS, ids=[case[0] for case in REJECTS])
def test_reject_codes(db_engine: Engine, case: tuple[str, dict[str, Any], Callable[[Engine, World], None] | None,
                                                     dict[str, Any], ReturnCode]) -> None:
    name, account, change, request_fields, code = case
    account = dict(account)  # the case table is shared by the backends
    balance = account.pop("balance", "1.00")
    world = build_world(db_engine, balance=balance, **account)
    if change is not None:
        change(db_engine, world)
    before = account_row(db_engine, world.account_id).reserved
    decision = auth(make_policy(db_engine), **request_fields)
    assert decision.return_code is code, name
    assert decision.credit_time is None
    assert account_row(db_engine, world.account_id).reserved == before


# -- accounting ---------------------------------------------------------------------------------------------


def test_start_interim_stop_bill_once(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine)
    assert auth(policy).return_code is ReturnCode.OK
    policy.account(acct(AcctStatus.START, carrier_id=world.carrier_id))
    with Session(db_engine) as session:
        live = session.scalars(select(LiveCall)).one()
        assert live.state == "answered" and live.answered_at == NOW + dt.timedelta(seconds=5)
        assert live.account_id == world.account_id and live.carrier_id == world.carrier_id
        assert live.sell_rate == Decimal("0.10") and live.buy_rate == Decimal("0.04")
    interim = SwitchAcctRecord(status=AcctStatus.INTERIM_UPDATE, session_id="conf-1", session_time=60,
                               connect_time=NOW + dt.timedelta(seconds=5), source_address="127.0.0.1")
    policy.account(interim)
    with Session(db_engine) as session:
        assert session.scalars(select(LiveCall)).one().last_seen_at == NOW + dt.timedelta(seconds=65)
    stop = acct(AcctStatus.STOP, seconds=95, cause=16, carrier_id=world.carrier_id)
    policy.account(stop)
    policy.account(stop)  # a duplicate Stop
    with Session(db_engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        assert session.scalar(select(func.count()).select_from(LiveCall)) == 0
        reservation = session.scalars(select(Reservation)).one()
    # 95 s at 0.10/min 60/60 -> 120 s billed = 0.20; carrier 95 s at 0.04/min 1/1 = 0.063333(3) -> 0.063333
    assert (cdr.price, cdr.cost, cdr.margin) == (Decimal("0.20"), Decimal("0.063333"), Decimal("0.136667"))
    assert (cdr.billed_s, cdr.free_s, cdr.duration_s) == (120, 0, 95)
    assert (cdr.sell_rate, cdr.buy_rate) == (Decimal("0.10"), Decimal("0.04"))
    assert (cdr.prefix, cdr.destination_name, cdr.destination) == ("44", "United Kingdom", DEST)
    assert cdr.started_at == NOW and cdr.answered_at == NOW + dt.timedelta(seconds=5)
    assert cdr.ended_at == NOW + dt.timedelta(seconds=100)
    assert (cdr.disconnect_cause, cdr.q850_cause, cdr.result) == ("10", 16, "answered")
    assert (cdr.account_id, cdr.carrier_id, cdr.currency) == (world.account_id, world.carrier_id, "USD")
    assert reservation.status is ReservationStatus.SETTLED and reservation.debited == Decimal("0.20")
    account = account_row(db_engine, world.account_id)
    assert (account.balance, account.reserved) == (Decimal("0.80"), Decimal(0))


def test_unanswered_stop_releases_and_writes_a_zero_cdr(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine)
    assert auth(policy).return_code is ReturnCode.OK
    policy.account(acct(AcctStatus.STOP, seconds=0, cause=0x11, connected=False))
    with Session(db_engine) as session:
        cdr = session.scalars(select(Cdr)).one()
        assert session.scalars(select(Reservation)).one().status is ReservationStatus.RELEASED
    assert (cdr.price, cdr.result, cdr.disconnect_cause, cdr.answered_at) == (Decimal(0), "busy", "11", None)
    account = account_row(db_engine, world.account_id)
    assert (account.balance, account.reserved) == (Decimal("1.00"), Decimal(0))


def test_stop_from_a_gateway_without_authorisation_still_bills(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine)
    stop = acct(AcctStatus.STOP, "gw-1", seconds=95, cause=16, carrier_id=world.carrier_id)
    policy.account(stop)
    policy.account(stop)
    with Session(db_engine) as session:
        cdr = session.scalars(select(Cdr)).one()
    assert cdr.price == Decimal("0.20") and cdr.account_id == world.account_id
    assert account_row(db_engine, world.account_id).balance == Decimal("0.80")


def test_the_call_row_says_who_hung_up_why_and_on_which_gateway(db_engine: Engine) -> None:
    """Our switch's Stop names the hang-up side, the SIP answer, the reason and the gateway; another gateway's
    Stop says none of it: "unknown", the Q.850 cause's name, and no gateway of ours even if it sends an id."""
    world = build_world(db_engine)
    with Session(db_engine) as session, session.begin():
        gateway = Gateway(carrier_id=world.carrier_id, host="192.0.2.50", port=5060)
        session.add(gateway)
        session.flush()
        gateway_id = gateway.id
    policy = make_policy(db_engine)
    ours = (f"gateway-id={gateway_id}", "hangup-by=callee", "sip-code=200", "disconnect-text=Normal clearing")
    assert auth(policy, "conf-ours").return_code is ReturnCode.OK
    start = acct(AcctStatus.START, "conf-ours", carrier_id=world.carrier_id)
    policy.account(dataclasses.replace(start, avpairs=(*start.avpairs, ours[0])))
    with Session(db_engine) as session:
        assert session.scalars(select(LiveCall)).one().gateway_id == gateway_id
    stop = acct(AcctStatus.STOP, "conf-ours", seconds=30, cause=16, carrier_id=world.carrier_id)
    policy.account(dataclasses.replace(stop, avpairs=(*stop.avpairs, *ours)))
    policy.trusted_nas = frozenset({"127.0.0.1"})
    foreign = acct(AcctStatus.STOP, "conf-foreign", seconds=0, cause=17, connected=False)
    policy.account(dataclasses.replace(foreign, source_address="192.0.2.7",
                                       avpairs=(*foreign.avpairs, f"gateway-id={gateway_id}")))
    with Session(db_engine) as session:
        rows = {c.call_id: c for c in session.scalars(select(Cdr))}
    mine, theirs = rows["conf-ours"], rows["conf-foreign"]
    assert (mine.hangup_by, mine.sip_code, mine.reason, mine.gateway_id) == (
        "callee", 200, "Normal clearing", gateway_id)
    assert (theirs.hangup_by, theirs.sip_code, theirs.reason, theirs.gateway_id, theirs.result) == (
        "unknown", None, "User busy", None, "busy")


# -- a prepaid IVR's two stages (media workers, third-party IVR gateways) -----------------------------------


def test_the_first_stage_authenticates_a_pin_and_holds_nothing(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="12.50")
    _card(db_engine, world, "4242424242", CardStatus.ACTIVE, None)
    policy = make_policy(db_engine)
    decision = auth(policy, called=None, user="19999999999", password="4242424242")
    assert decision.return_code is ReturnCode.OK
    assert (decision.credit_amount, decision.currency, decision.credit_time) == (Decimal("12.50"), "USD", None)
    assert auth(policy, "conf-2", called=None, user="19999999999",
                password="1111111111").return_code is ReturnCode.INVALID_PIN
    assert auth(policy, "conf-3", called=None).return_code is ReturnCode.OK  # by the ANI
    assert account_row(db_engine, world.account_id).reserved == Decimal(0)


def test_the_second_stage_quotes_the_minutes_and_holds_nothing(db_engine: Engine) -> None:
    world = build_world(db_engine)
    decision = auth(make_policy(db_engine), avpairs=("quote=1",))
    assert (decision.return_code, decision.credit_time) == (ReturnCode.OK, 600)
    assert account_row(db_engine, world.account_id).reserved == Decimal(0)
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(Reservation)) == 0
