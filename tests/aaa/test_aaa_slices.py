"""Money in slices (aaa/slices.py) on SQLite, PostgreSQL and MariaDB: a re-authorising NAS's call holds one slice,
gets the next for the same h323-conf-id while the money lasts, never twice for one request, and the holds of all
calls never exceed what the account may spend. A NAS that does not re-authorise holds the whole call, as before.

The world of test_aaa_billing_policy: 1.00 of balance, 44 sold at 0.10/min in 60 s blocks, so the money buys
600 s; slices of 120 s hold 0.20 each."""

from __future__ import annotations

import concurrent.futures
from decimal import Decimal

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.messages import AcctStatus
from switch_service.store.models import Account, LiveCall, Reservation
from switch_service.store.models.enums import ReservationStatus, Status
from tests.aaa.test_aaa_billing_policy import acct, auth, build_world, make_policy

SLICED = ("credit-slices=1",)


def extend(policy: BillingPolicy, conf: str, held: int) -> tuple[ReturnCode, int | None]:
    decision = auth(policy, conf, avpairs=(f"credit-extend={held}",))
    return decision.return_code, decision.credit_time


def holds(engine: Engine, account_id: int) -> tuple[Decimal, Decimal, Decimal]:
    """(accounts.reserved, the sum of the open reservations, balance)."""
    with Session(engine) as session:
        account = session.get_one(Account, account_id)
        open_sum = session.scalar(select(func.coalesce(func.sum(Reservation.amount), 0)).where(
            Reservation.status == ReservationStatus.OPEN))
        return account.reserved, Decimal(str(open_sum)), account.balance


def test_a_slice_at_a_time_until_the_money_is_gone(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine, credit_slice_s=120)
    first = auth(policy, avpairs=SLICED)
    assert (first.return_code, first.credit_time) == (ReturnCode.OK, 120)
    assert holds(db_engine, world.account_id)[:2] == (Decimal("0.20"), Decimal("0.20"))
    policy.account(acct(AcctStatus.START))
    assert extend(policy, "conf-1", 120) == (ReturnCode.OK, 240)
    assert extend(policy, "conf-1", 120) == (ReturnCode.OK, 240)  # the same request again: no second slice
    assert holds(db_engine, world.account_id)[:2] == (Decimal("0.40"), Decimal("0.40"))
    with Session(db_engine) as session:  # the live call's talk time follows (GET /live/calls shows it)
        assert session.scalars(select(LiveCall)).one().max_duration_s == 240
    assert [extend(policy, "conf-1", held) for held in (240, 360, 480)] == [
        (ReturnCode.OK, 360), (ReturnCode.OK, 480), (ReturnCode.OK, 600)]
    assert extend(policy, "conf-1", 600) == (ReturnCode.INSUFFICIENT_BALANCE, None)  # all 1.00 is this call's
    assert holds(db_engine, world.account_id)[:2] == (Decimal("1.00"), Decimal("1.00"))
    policy.account(acct(AcctStatus.STOP, seconds=590, cause=0x66))
    assert holds(db_engine, world.account_id) == (Decimal(0), Decimal(0), Decimal("0.00"))


def test_a_nas_that_does_not_reauthorise_holds_the_whole_call(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine, credit_slice_s=120)
    whole = auth(policy)
    assert (whole.return_code, whole.credit_time) == (ReturnCode.OK, 600)
    assert holds(db_engine, world.account_id)[:2] == (Decimal("1.00"), Decimal("1.00"))
    assert extend(policy, "conf-1", 600) == (ReturnCode.INSUFFICIENT_BALANCE, None)  # it holds all there is
    assert extend(policy, "conf-unknown", 120) == (ReturnCode.INVALID_ARGUMENT, None)  # holds nothing here


def test_calls_share_the_balance_and_a_freed_slice_goes_to_the_next_request(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine, credit_slice_s=120)
    granted = [auth(policy, f"conf-{n}", avpairs=SLICED) for n in range(6)]
    assert [(d.return_code, d.credit_time) for d in granted] == [(ReturnCode.OK, 120)] * 5 + [
        (ReturnCode.INSUFFICIENT_BALANCE, None)]  # 5 x 0.20 held: the sixth finds money, but held by the others
    assert extend(policy, "conf-0", 120) == (ReturnCode.INSUFFICIENT_BALANCE, None)
    policy.account(acct(AcctStatus.START, "conf-1"))
    policy.account(acct(AcctStatus.STOP, "conf-1", seconds=30, cause=16))  # 0.10 debited, 0.10 of its hold free
    assert extend(policy, "conf-0", 120) == (ReturnCode.OK, 180)  # what is left buys 60 s more, not a slice
    reserved, open_sum, balance = holds(db_engine, world.account_id)
    assert (reserved, open_sum, balance) == (Decimal("0.90"), Decimal("0.90"), Decimal("0.90"))


def test_a_blocked_account_gets_no_more_time(db_engine: Engine) -> None:
    world = build_world(db_engine)
    policy = make_policy(db_engine, credit_slice_s=120)
    assert auth(policy, avpairs=SLICED).credit_time == 120
    with Session(db_engine) as session, session.begin():
        session.execute(update(Account).where(Account.id == world.account_id).values(status=Status.SUSPENDED))
    assert extend(policy, "conf-1", 120) == (ReturnCode.DENIED, None)


def test_simultaneous_extensions_never_hold_more_than_the_account_may_spend(db_engine: Engine) -> None:
    """Ten calls of one account ask for slices from eight threads until refused: each slice is the conditional
    UPDATE of a first hold, so the holds add up to the money and never more."""
    world = build_world(db_engine, balance="3.00", overdraft=Decimal("0.50"))  # 3.50 to spend: 2 100 s
    policy = make_policy(db_engine, credit_slice_s=60)
    calls = [f"conf-{n}" for n in range(10)]
    assert all(auth(policy, conf, avpairs=SLICED).credit_time == 60 for conf in calls)

    def keep_extending(conf: str) -> int:
        held = 60
        while True:
            code, total = extend(policy, conf, held)
            if code is not ReturnCode.OK or total is None:
                return held
            held = total

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        totals = list(pool.map(keep_extending, calls))
    assert sum(totals) == 2100  # every second the money buys was granted to some call, none twice
    reserved, open_sum, _balance = holds(db_engine, world.account_id)
    assert reserved == open_sum == Decimal("3.50")
