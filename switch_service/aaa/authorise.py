"""Authorisation of an identified account: its state, the dial plan's blocks, the sell rate, its free package
seconds, and the money for the longest affordable call (one slice of it for a NAS that re-authorises,
aaa/slices.py) held by one conditional UPDATE (`store.repositories.reservations`, through the ledger) — decided
again when another call spent the money between the read and the hold. A retried Access-Request is answered from
what the call holds already; a re-authorisation extends the hold by the next slice."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from switch_service.aaa import cisco, slices
from switch_service.aaa.cisco import BillingModel, ReturnCode
from switch_service.aaa.direct_sql import DirectConnection
from switch_service.aaa.identify import Reject
from switch_service.aaa.ivr_pairs import ANNOUNCE_PAIR, speed_dial_slot
from switch_service.aaa.messages import AuthDecision, AuthRequest
from switch_service.aaa.policy_context import PolicyContext
from switch_service.aaa.policy_rows import (
    AUTH_READ,
    CLAIM_SECONDS,
    EXTEND_READ,
    LIVE_GRANT,
    OPEN_CALLS,
    PACKAGE_ROWS,
    ZERO,
    AccountRow,
    account_row,
    avpairs_of,
    insert_once,
)
from switch_service.aaa.policy_snapshot import Rated, Snapshot, blocked, sell_rate, zone
from switch_service.billing.max_duration import max_duration
from switch_service.billing.periods import period_start
from switch_service.billing.rating import call_gross, price_at
from switch_service.store.callers import DidEntry
from switch_service.store.models import PackageClaim, SpeedDial
from switch_service.store.models.enums import AccountKind, Status
from switch_service.store.repositories import reservations

RESERVE_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class FreeSeconds:
    """Package seconds a call may draw on: its `account_packages` row, the package's seconds per period, and how
    many this call takes."""

    entry_id: int
    package_seconds: int
    seconds: int


def no_money(account: AccountRow) -> ReturnCode:
    """Why an account cannot pay for a call: zero when it has nothing to spend, insufficient when other calls hold
    it (or it is too little for the first block), credit limit for a postpaid account."""
    if account.kind is AccountKind.POSTPAID:
        return ReturnCode.CREDIT_LIMIT
    return ReturnCode.ZERO_BALANCE if account.balance + account.limit <= 0 else ReturnCode.INSUFFICIENT_BALANCE


def auth_key(request: AuthRequest) -> str:
    """The call an Access-Request is about: its h323-conf-id (else its call-id), as the reservation's key."""
    key = request.conf_id or request.call_id
    if not key:
        raise Reject(ReturnCode.INVALID_ARGUMENT)
    return key[:128]


def accept(account: AccountRow, credit_time: int, available: Decimal, redirect: str | None,  # noqa: PLR0917
           sell: Rated | None = None, now: dt.datetime | None = None) -> AuthDecision:
    """The Access-Accept; AV-pairs tell our switch the account, and the rate (of the band the call starts in)
    and destination name it shows on its live calls (a slice's extension repeats neither)."""
    pairs: tuple[tuple[str, object], ...] = (("account-id", account.id),)
    if sell is not None and now is not None:
        pairs += (("rate", price_at(sell.rate, now, sell.context)), ("destination", sell.rate.destination[:200]))
    return AuthDecision(
        ReturnCode.OK, credit_time=credit_time, credit_amount=available,
        billing_model=BillingModel.CREDIT if account.kind is AccountKind.POSTPAID else BillingModel.DEBIT,
        currency=account.currency, preferred_lang=account.language, redirect_number=redirect,
        extra=tuple(("Cisco-AVPair", cisco.build_avpair(key, value)) for key, value in pairs if value != ""))


def announced(decision: AuthDecision, credit_time: int, did: DidEntry | None) -> AuthDecision:
    """An IVR's quote with the time its caller is told (`announce-time=`): the credit time less the access
    number's minute-shrinking share (IPsmarx's "IVR minute shrinking"), rounded down. Only what is announced
    shrinks: the call is authorised, held and billed for its whole time when the switch routes it."""
    percent = min(max(did.minute_shrink_percent if did is not None else 0, 0), 100)
    seconds = credit_time * (100 - percent) // 100
    pair = ("Cisco-AVPair", cisco.build_avpair(ANNOUNCE_PAIR, seconds))
    return dataclasses.replace(decision, extra=(*decision.extra, pair))


class Authoriser:
    def __init__(self, ctx: PolicyContext) -> None:
        self.ctx = ctx

    def authorize_account(self, snapshot: Snapshot, request: AuthRequest, account_id: int,
                          ani_destination: str | None, now: dt.datetime) -> AuthDecision:
        ctx = self.ctx
        key = auth_key(request)
        sliced = slices.wants_slices(avpairs_of(request))
        did = ctx.normalise(cisco.find_avpair(avpairs_of(request), "did")) or None
        number, redirect = self._dialled(request, account_id, ani_destination)
        if not number:  # no number to call: the first stage of a prepaid IVR (authenticate)
            return self._authenticated(account_id, key, now)
        with ctx.sql.connect() as conn:  # one connection for the request: read, decide, hold
            for _attempt in range(RESERVE_ATTEMPTS):
                conn.autocommit = True  # PostgreSQL: the read needs no transaction (no BEGIN round trip)
                row = conn.execute(AUTH_READ, {"account_id": account_id, "key": key}).one_or_none()
                ctx.end_read(conn)
                if row is None:
                    raise Reject(ReturnCode.INVALID_ACCOUNT)
                account = account_row(row)
                if account.status is not Status.ACTIVE:
                    raise Reject(ReturnCode.DENIED)
                if account.expires_at is not None and account.expires_at <= now:
                    raise Reject(ReturnCode.EXPIRED)
                if redirect is None and account.country:  # a national form, read as of the account's country
                    number = ctx.normalise(request.called_station_id, account.country)
                if blocked(snapshot, account.dial_plan_id, number):
                    raise Reject(ReturnCode.BLOCKED_NUMBER)
                sell = sell_rate(snapshot, account, number, now, did)
                if sell is None:
                    raise Reject(ReturnCode.BLOCKED_NUMBER)
                if row.held_account is not None or row.claimed is not None:
                    return self._retried(row, account, sell, now, redirect)
                free = self._free_seconds(conn, snapshot, account, number, now)
                context = sell.context
                available = account.available
                if free is not None:  # free seconds first: a call may use them with no money left
                    context = dataclasses.replace(context, free_seconds=free.seconds)
                    available = max(available, ZERO)
                credit_time = max_duration(available, sell.rate, now, context, ctx.max_call_seconds)
                if credit_time <= 0:
                    raise Reject(no_money(account))
                if free is not None:  # claim no more than the call can last
                    free = dataclasses.replace(free, seconds=min(free.seconds, credit_time))
                    context = dataclasses.replace(context, free_seconds=free.seconds)
                amount = call_gross(sell.rate, now, credit_time, context)
                if cisco.find_avpair(avpairs_of(request), slices.QUOTE_PAIR) == "1":  # an IVR's quote: no hold
                    return announced(accept(account, credit_time, available, redirect, sell, now), credit_time,
                                     snapshot.callers.dids.get(did or ""))
                if sliced and amount > 0:  # hold one slice; the NAS asks for the next one (aaa/slices.py)
                    credit_time = slices.first_grant(credit_time, free.seconds if free else 0, ctx.credit_slice_s)
                    amount = call_gross(sell.rate, now, credit_time, context)
                outcome = self._reserve(conn, account, key, amount, now, free=free, granted=credit_time)
                if outcome is ReturnCode.OK:
                    return accept(account, credit_time, available, redirect, sell, now)
                if outcome is not None:
                    raise Reject(outcome)
                # someone else spent the money between our read and the reservation: decide again
        raise Reject(ReturnCode.INSUFFICIENT_BALANCE)

    def _dialled(self, request: AuthRequest, account_id: int, ani_destination: str | None
                 ) -> tuple[str, str | None]:
        """The number to rate, and the one the NAS is told to call instead (h323-redirect-number) when that is not
        what was dialled: a speed-dial code (ivr_pairs.speed_dial_slot) is the account's stored number (an unset
        one is refused as an invalid argument); no number is the ANI's stored destination, if it has one."""
        slot = speed_dial_slot(request.called_station_id)
        if slot is not None:
            with self.ctx.engine.connect() as conn:
                stored = conn.execute(select(SpeedDial.number).where(SpeedDial.account_id == account_id,
                                                                     SpeedDial.slot == slot)).scalar()
            if not stored:
                raise Reject(ReturnCode.INVALID_ARGUMENT)
            return stored, stored
        number = self.ctx.normalise(request.called_station_id)
        if number or not ani_destination:
            return number, None
        return ani_destination, ani_destination

    def _authenticated(self, account_id: int, key: str, now: dt.datetime) -> AuthDecision:
        """The first stage of a Cisco prepaid IVR: the caller (PIN or ANI) is known; the answer says what the
        account may spend, in which currency and language (h323-credit-amount, -currency, -preferred-lang), and
        holds nothing (no number, no credit time yet)."""
        with self.ctx.sql.connect() as conn:
            conn.autocommit = True
            row = conn.execute(AUTH_READ, {"account_id": account_id, "key": key}).one_or_none()
            self.ctx.end_read(conn)
        if row is None:
            raise Reject(ReturnCode.INVALID_ACCOUNT)
        account = account_row(row)
        if account.status is not Status.ACTIVE:
            raise Reject(ReturnCode.DENIED)
        if account.expires_at is not None and account.expires_at <= now:
            raise Reject(ReturnCode.EXPIRED)
        decision = accept(account, 0, max(account.available, ZERO), None)
        return dataclasses.replace(decision, credit_time=None)

    def _retried(self, row: Any, account: AccountRow, sell: Rated, now: dt.datetime,
                 redirect: str | None) -> AuthDecision:
        """A retried Access-Request: answered from the money and free seconds the call already holds."""
        if row.held_account is not None and row.held_account != account.id:
            raise Reject(ReturnCode.INVALID_ARGUMENT)
        held = row.held_amount or ZERO
        credit_time = row.held_granted
        if credit_time is None:  # held before grants were stored
            context = dataclasses.replace(sell.context, free_seconds=row.claimed or 0)
            credit_time = max_duration(held, sell.rate, now, context, self.ctx.max_call_seconds)
        return accept(account, credit_time, account.available + held, redirect, sell, now)

    def extend(self, snapshot: Snapshot, request: AuthRequest, held_s: int, now: dt.datetime) -> AuthDecision:
        """The next slice of a call in progress (aaa/slices.py): its hold grows by what the longer call costs, by
        the same conditional UPDATE as a first hold, or the request is refused and the NAS ends the call when the
        time it holds runs out."""
        ctx = self.ctx
        key = auth_key(request)
        if held_s < 0:
            raise Reject(ReturnCode.INVALID_ARGUMENT)
        with ctx.sql.connect() as conn:
            for _attempt in range(RESERVE_ATTEMPTS):
                conn.autocommit = True
                row = conn.execute(EXTEND_READ, {"key": key}).one_or_none()
                ctx.end_read(conn)
                if row is None or row.held_granted is None:  # nothing held here (or held before grants were kept)
                    raise Reject(ReturnCode.INVALID_ARGUMENT)
                account = account_row(row)
                if row.held_granted > held_s:  # extended already: a retransmission or a retry
                    return accept(account, row.held_granted, account.available + row.held_amount, None)
                if account.status is not Status.ACTIVE:
                    raise Reject(ReturnCode.DENIED)
                if account.expires_at is not None and account.expires_at <= now:
                    raise Reject(ReturnCode.EXPIRED)
                at = row.live_answered_at or now
                number = ctx.normalise(request.called_station_id, account.country) or row.live_destination or ""
                did = ctx.normalise(cisco.find_avpair(avpairs_of(request), "did")) or row.live_did
                sell = sell_rate(snapshot, account, number, at, did)
                if sell is None:
                    raise Reject(ReturnCode.BLOCKED_NUMBER)
                context = dataclasses.replace(sell.context, free_seconds=row.claimed or 0)
                spendable = account.available + row.held_amount
                total = max_duration(spendable, sell.rate, at, context, ctx.max_call_seconds)
                granted = slices.next_grant(total, row.held_granted, ctx.credit_slice_s)
                if granted is None:
                    raise Reject(no_money(account))
                amount = call_gross(sell.rate, at, granted, context)
                with ctx.writes:
                    conn.autocommit = False
                    if reservations.extend(conn, account.id, key, granted_from=row.held_granted, granted_to=granted,
                                           delta=amount - row.held_amount):
                        conn.execute(LIVE_GRANT, {"key": key, "granted": granted})
                        conn.commit()
                        return accept(account, granted, spendable - amount, None)
                    conn.rollback()  # another extension, the Stop, or another call took the money: read again
        raise Reject(ReturnCode.INSUFFICIENT_BALANCE)

    def _free_seconds(self, conn: DirectConnection, snapshot: Snapshot, account: AccountRow, number: str,
                      now: dt.datetime) -> FreeSeconds | None:
        """The package seconds a call to `number` may draw on now: the first of the account's packages (in the
        order assigned) that covers the number and still has seconds in its current period. Accounts without
        packages cost no statement."""
        held = snapshot.account_packages.get(account.id)
        if not held:
            return None
        account_zone = zone(account.time_zone)
        covering = [(package_id, period_start(package.period, now, account_zone)) for package_id in held
                    if (package := snapshot.packages.get(package_id)) is not None and package.covers(number)]
        if not covering:
            return None
        rows = conn.execute(PACKAGE_ROWS, {"account_id": account.id,
                                           "since": min(start for _, start in covering)}).rows
        self.ctx.end_read(conn)  # the hold must still be its transaction's first statement (billing_policy.py)
        used = {(row.package_id, row.period_start): row for row in rows}
        for package_id, start in covering:
            entry = used.get((package_id, start))  # no row for this period: the package is not held now
            free = snapshot.packages[package_id].free_seconds
            if entry is not None and entry.used_seconds < free:
                return FreeSeconds(entry.id, free, free - entry.used_seconds)
        return None

    def _reserve(self, conn: DirectConnection, account: AccountRow, key: str, amount: Decimal,
                 now: dt.datetime, *, free: FreeSeconds | None = None, granted: int | None = None
                 ) -> ReturnCode | None:
        """OK when held, a reject code, or None when the money or the free seconds are gone (read again)."""
        if amount <= 0 and free is None:  # a free call (grace) holds nothing
            return ReturnCode.OK
        with self.ctx.writes:
            # PostgreSQL: `hold` is one statement, committing itself unless more must share its transaction
            conn.autocommit = account.max_concurrent_calls <= 0 and free is None
            if amount > 0 and reservations.hold(conn, account.id, key, amount, now=now, granted_s=granted,
                                                node=self.ctx.node) is None:
                conn.rollback()
                return None
            if free is not None and not _claim(conn, key, free, now, self.ctx.node):
                conn.rollback()
                return None
            if account.max_concurrent_calls > 0:  # counted after our row lock: exact on every backend
                open_calls = conn.execute(OPEN_CALLS, {"account_id": account.id}).scalar() or 0
                if open_calls > account.max_concurrent_calls:
                    conn.rollback()
                    return ReturnCode.IN_USE
            conn.commit()
        return ReturnCode.OK


def _claim(conn: DirectConnection, key: str, free: FreeSeconds, now: dt.datetime, node: str | None) -> bool:
    """Take the call's free seconds (after the money's hold: on SQLite that is the first write). False when
    another call took them first, or this call has its claim already."""
    if free.seconds <= 0:
        return True
    taken = conn.execute(CLAIM_SECONDS, {"entry": free.entry_id, "seconds": free.seconds,
                                         "free": free.package_seconds}).rowcount
    if taken != 1:
        return False
    return conn.execute(insert_once(PackageClaim, conn.dialect.name), {
        "call_id": key, "account_package_id": free.entry_id, "seconds": free.seconds,
        "claimed_at": now, "node": node}).rowcount == 1
