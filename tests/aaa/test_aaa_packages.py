"""Free-minute packages on real calls: claimed at Access-Request, used before money, the rest given back at Stop."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from test_aaa_billing_policy import NOW, acct, auth, build_world, make_policy  # tests/aaa is on sys.path

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.messages import AcctStatus
from switch_service.aaa.recovery import recover_at_startup
from switch_service.store.models import Account, AccountPackage, Cdr, Package, PackageClaim, Reservation

MARCH = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)  # the monthly period holding NOW, in the account's zone (UTC)


def give_package(engine: Engine, account_id: int, *, seconds: int = 60, prefixes: str = "44",
                 period_start: dt.datetime = MARCH, used: int = 0) -> int:
    with Session(engine) as session, session.begin():
        package = Package(name=f"{prefixes} {seconds} s from {period_start:%Y-%m}", free_seconds=seconds,
                          prefixes=prefixes)
        session.add(package)
        session.flush()
        entry = AccountPackage(account_id=account_id, package_id=package.id, period_start=period_start,
                               used_seconds=used)
        session.add(entry)
        session.flush()
        return entry.id


def used_seconds(engine: Engine, entry_id: int) -> int:
    with Session(engine) as session:
        return session.get_one(AccountPackage, entry_id).used_seconds


def call_cdr(engine: Engine, conf: str = "conf-1") -> Cdr:
    with Session(engine) as session:
        return session.scalars(select(Cdr).where(Cdr.call_id == conf)).one()


def balance(engine: Engine, account_id: int) -> Decimal:
    with Session(engine) as session:
        return session.get_one(Account, account_id).balance


def test_free_seconds_are_used_before_money_and_shown_on_the_cdr(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="1.00")  # 0.10/min, 60/60
    entry = give_package(db_engine, world.account_id, seconds=60)
    policy = make_policy(db_engine)
    decision = auth(policy)
    assert decision.return_code is ReturnCode.OK
    assert decision.credit_time == 660  # 60 free seconds, then ten paid minutes
    assert used_seconds(db_engine, entry) == 60  # claimed: no other call can spend them meanwhile
    policy.account(acct(AcctStatus.START))
    policy.account(acct(AcctStatus.STOP, seconds=90, cause=16))
    cdr = call_cdr(db_engine)
    # 90 s: the first 60 free, the other 30 s billed as one 60 s block at 0.10/min
    assert (cdr.free_s, cdr.billed_s, cdr.price) == (60, 120, Decimal("0.10"))
    assert balance(db_engine, world.account_id) == Decimal("0.90")
    assert used_seconds(db_engine, entry) == 60


def test_the_unused_part_of_a_claim_goes_back_once_even_with_a_duplicate_stop(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="1.00")
    entry = give_package(db_engine, world.account_id, seconds=60)
    policy = make_policy(db_engine)
    assert auth(policy).return_code is ReturnCode.OK
    policy.account(acct(AcctStatus.START))
    policy.account(acct(AcctStatus.STOP, seconds=20, cause=16))
    policy.account(acct(AcctStatus.STOP, seconds=20, cause=16))
    cdr = call_cdr(db_engine)
    assert (cdr.free_s, cdr.price) == (20, Decimal(0))
    assert used_seconds(db_engine, entry) == 20
    assert balance(db_engine, world.account_id) == Decimal("1.00")
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(PackageClaim)) == 0


def test_an_account_without_money_may_still_call_for_its_free_seconds(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="0")
    policy = make_policy(db_engine)
    assert auth(policy, "no-package").return_code is ReturnCode.ZERO_BALANCE
    entry = give_package(db_engine, world.account_id, seconds=90)
    policy.reload()
    decision = auth(policy)
    assert (decision.return_code, decision.credit_time) == (ReturnCode.OK, 90)
    with Session(db_engine) as session:  # nothing to hold: the whole call is free
        assert session.scalar(select(func.count()).select_from(Reservation)) == 0
    policy.account(acct(AcctStatus.START))
    policy.account(acct(AcctStatus.STOP, seconds=90, cause=16))
    assert (call_cdr(db_engine).free_s, call_cdr(db_engine).price) == (90, Decimal(0))
    assert used_seconds(db_engine, entry) == 90
    assert auth(policy, "conf-2").return_code is ReturnCode.ZERO_BALANCE  # the period's seconds are spent


def test_a_retried_access_request_keeps_its_claim_and_claims_nothing_more(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="0")
    entry = give_package(db_engine, world.account_id, seconds=120)
    policy = make_policy(db_engine)
    first, again = auth(policy), auth(policy)
    assert first.credit_time == again.credit_time == 120
    assert used_seconds(db_engine, entry) == 120


def test_numbers_outside_the_package_and_periods_without_a_row_pay_money(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="1.00")
    france = give_package(db_engine, world.account_id, seconds=60, prefixes="33")
    last_month = give_package(db_engine, world.account_id, seconds=60, period_start=dt.datetime(2026, 2, 1,
                                                                                                  tzinfo=dt.UTC))
    policy = make_policy(db_engine)
    assert auth(policy).credit_time == 600  # money only
    policy.account(acct(AcctStatus.START))
    policy.account(acct(AcctStatus.STOP, seconds=60, cause=16))
    assert (call_cdr(db_engine).free_s, call_cdr(db_engine).price) == (0, Decimal("0.10"))
    assert used_seconds(db_engine, france) == used_seconds(db_engine, last_month) == 0


def test_parallel_calls_never_claim_more_free_seconds_than_the_period_has(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="0")
    entry = give_package(db_engine, world.account_id, seconds=60, used=30)
    policy = make_policy(db_engine)
    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        decisions = list(pool.map(lambda n: auth(policy, f"race-{n}"), range(10)))
    accepted = [d for d in decisions if d.return_code is ReturnCode.OK]
    assert [d.credit_time for d in accepted] == [30]
    assert {d.return_code for d in decisions if d not in accepted} == {ReturnCode.ZERO_BALANCE}
    assert used_seconds(db_engine, entry) == 60
    with Session(db_engine) as session:
        assert session.scalars(select(PackageClaim.seconds)).all() == [30]


def test_recovery_gives_back_the_seconds_of_calls_a_crash_left_open(db_engine: Engine) -> None:
    world = build_world(db_engine, balance="1.00")
    entry = give_package(db_engine, world.account_id, seconds=60)
    policy = make_policy(db_engine)
    auth(policy, "answered")
    policy.account(acct(AcctStatus.START, "answered"))  # answered at NOW + 5 s, last seen then
    auth(policy, "ringing")
    assert used_seconds(db_engine, entry) == 60  # the first call took them all
    recover_at_startup(db_engine, NOW + dt.timedelta(seconds=60))
    assert call_cdr(db_engine, "answered").free_s == 0  # last seen at answer: 0 s talked
    assert used_seconds(db_engine, entry) == 0
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(PackageClaim)) == 0
