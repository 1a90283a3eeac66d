"""Accounting: a Start opens the call's live row (with the rates it is billed at), an Interim-Update moves its
last_seen_at (what crash recovery bills up to), a Stop rates both sides for the real duration, settles the
reservation (or debits the account through the ledger), gives back unused free seconds, writes the one call CDR
and its resellers' commission lines, and drops the live row — each at most once, however often a record is repeated
(the reservation's flip, or the account row's lock, orders duplicate Stops). Records are matched to their
authorisation by h323-conf-id, else the `call-id` AV-pair, and only then by Acct-Session-Id (a Cisco gateway's own
counter)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.aaa import cisco
from switch_service.aaa.cdr_rows import CallFacts, cdr_values, ending, release_claim, reseller_line_values
from switch_service.aaa.direct_sql import DirectConnection
from switch_service.aaa.identify import Identifier
from switch_service.aaa.messages import AcctRecord, AcctStatus
from switch_service.aaa.policy_context import PolicyContext
from switch_service.aaa.policy_rows import (
    BILLED,
    CALL_READ,
    CARRIER,
    DROP_LIVE,
    GATEWAY,
    INSERT_CDR,
    SEEN,
    ZERO,
    account_row,
    avpair_int,
    avpairs_of,
    insert_once,
    insert_reseller_lines,
    load_account,
    reseller_line_params,
)
from switch_service.aaa.policy_snapshot import Rated, Snapshot, SnapshotKeeper, buy_rate, sell_rate
from switch_service.billing.rating import Charge, price_at, rate_call
from switch_service.store.models import Cdr, CdrResellerLine, LiveCall, PackageClaim
from switch_service.store.models.enums import ReservationStatus
from switch_service.store.repositories import ledger, reservations
from switch_service.store.repositories.cdrs import result_for_cause


class Accounting:
    def __init__(self, ctx: PolicyContext, snapshots: SnapshotKeeper, identifier: Identifier) -> None:
        self.ctx = ctx
        self.snapshots = snapshots
        self.identifier = identifier

    def account(self, record: AcctRecord) -> None:
        if record.status is AcctStatus.START:
            self._start(record)
        elif record.status is AcctStatus.INTERIM_UPDATE:
            self._interim(record)
        elif record.status is AcctStatus.STOP:
            self._stop(record)
        # Accounting-On/Off and the rest: nothing to store (open calls are closed by recovery at start)

    @staticmethod
    def _session_key(record: AcctRecord) -> str:
        """The call's key, as authorisation chose it (conf-id, else call-id): a Cisco gateway's Acct-Session-Id is
        its own counter, so it comes last."""
        key = record.conf_id or record.call_id or record.session_id
        if not key:
            raise ValueError("Accounting-Request without a session id")
        return key[:128]

    def _read_call(self, conn: DirectConnection, snapshot: Snapshot, record: AcctRecord, key: str) -> Any:
        return conn.execute(CALL_READ, {"key": key,
                                        "fallback": self.identifier.fallback_account(snapshot, record)}).one()

    @staticmethod
    def _carrier(conn: DirectConnection, snapshot: Snapshot, carrier_id: int | None) -> int | None:
        """The carrier id if such a carrier exists (the snapshot knows those with a buy tariff)."""
        if carrier_id is None or carrier_id in snapshot.buy_tariffs:
            return carrier_id
        return carrier_id if conn.execute(CARRIER, {"carrier_id": carrier_id}).first() is not None else None

    def _gateway(self, conn: DirectConnection, record: AcctRecord) -> int | None:
        """The `gateway-id=` our switch sends (a carrier gateway's row), if it still exists; others' are not ours."""
        gateway_id = avpair_int(avpairs_of(record), "gateway-id")
        if gateway_id is None or record.source_address not in self.ctx.trusted_nas:
            return None
        return gateway_id if conn.execute(GATEWAY, {"gateway_id": gateway_id}).first() is not None else None

    def _start(self, record: AcctRecord) -> None:
        ctx = self.ctx
        snapshot = self.snapshots.current()
        now = ctx.clock()
        key = self._session_key(record)
        with ctx.sql.connect() as conn:
            row = self._read_call(conn, snapshot, record, key)
            if row.live_id is not None or row.billed:
                return  # a repeated Start, or the Stop overtook the Start
            account = account_row(row) if row.id is not None else None
            pairs = avpairs_of(record)
            number = ctx.normalise(record.called_station_id, account.country if account is not None else None)
            did = ctx.normalise(cisco.find_avpair(pairs, "did")) or None
            answered = record.connect_time or now
            sell = sell_rate(snapshot, account, number, answered, did) if account is not None else None
            carrier_id = self._carrier(conn, snapshot, avpair_int(pairs, "carrier-id"))
            gateway_id = self._gateway(conn, record)
            ctx.end_read(conn)
            buy = buy_rate(snapshot, carrier_id, number, answered)
            values = {
                "call_id": key, "conf_id": (record.conf_id or "")[:64] or None,
                "account_id": account.id if account is not None else None, "carrier_id": carrier_id,
                "gateway_id": gateway_id,
                "caller": (ctx.normalise(record.calling_station_id, snapshot.callers.did_country(did))
                           or (record.user_name or "")[:64]),
                "destination": number or (record.called_station_id or "")[:64], "did": did, "state": "answered",
                "destination_name": (sell.rate.destination or None) if sell else None,
                "sell_rate": price_at(sell.rate, answered, sell.context) if sell else None,
                "buy_rate": price_at(buy.rate, answered, buy.context) if buy else None,
                "started_at": record.setup_time or answered, "answered_at": answered, "last_seen_at": now,
                "max_duration_s": avpair_int(pairs, "credit-time"),  # sent by our switch: the talk time it allows
                "codec": (cisco.find_avpair(pairs, "codec") or "")[:16] or None, "node": ctx.node,
            }
            with ctx.writes:
                conn.execute(insert_once(LiveCall, conn.dialect.name), values)
                conn.commit()

    def _interim(self, record: AcctRecord) -> None:
        key = self._session_key(record)
        seen = self.ctx.clock()
        if record.connect_time is not None and record.session_time is not None:
            seen = record.connect_time + dt.timedelta(seconds=record.session_time)
        for attempt in range(2):
            with self.ctx.sql.connect() as conn, self.ctx.writes:
                changed = conn.execute(SEEN, {"key": key, "seen": seen}).rowcount
                conn.commit()
            if changed or attempt:
                return
            self._start(record)  # the Start was lost: open the call now

    def _stop(self, record: AcctRecord) -> None:
        ctx = self.ctx
        snapshot = self.snapshots.current()
        now = ctx.clock()
        key = self._session_key(record)
        with ctx.sql.connect() as conn:
            row = self._read_call(conn, snapshot, record, key)  # what the call was
            if row.billed:
                return
            account = account_row(row) if row.id is not None else None
            live = row.live_id is not None
            pairs = avpairs_of(record)
            carrier_id = avpair_int(pairs, "carrier-id")
            carrier_id = self._carrier(conn, snapshot, carrier_id if carrier_id is not None else row.live_carrier_id)
            gateway_id = self._gateway(conn, record) or (row.live_gateway_id if live else None)
            ctx.end_read(conn)
            duration = record.session_time
            if duration is None and record.connect_time and record.disconnect_time:
                duration = max(0, int((record.disconnect_time - record.connect_time).total_seconds()))
            duration = duration or 0
            answered_at = record.connect_time or row.live_answered_at
            answered = duration > 0 or record.connect_time is not None
            ended = record.disconnect_time or now
            if answered and answered_at is None:
                answered_at = ended - dt.timedelta(seconds=duration)
            number = (ctx.normalise(record.called_station_id, account.country if account is not None else None)
                      or (row.live_destination if live else ""))
            did = ctx.normalise(cisco.find_avpair(pairs, "did")) or row.live_did
            country = snapshot.callers.did_country(did)
            started = record.setup_time or row.live_started_at or answered_at or ended
            call = CallFacts(
                key=key, account=account, carrier_id=carrier_id, number=number, did=did,
                caller=(ctx.normalise(record.calling_station_id, country) or ctx.normalise(record.user_name, country)
                        or (row.live_caller if live else "")),
                started_at=started, answered_at=answered_at if answered else None, ended_at=ended,
                duration=duration, cause=record.disconnect_cause,
                result="answered" if answered else result_for_cause(record.disconnect_cause),
                claimed=row.claimed or 0, claim_entry=row.claim_entry, gateway_id=gateway_id, **ending(pairs, record))
            self._close_call(conn, snapshot, call, has_reservation=row.reservation_id is not None, now=now)

    @staticmethod
    def _rate(snapshot: Snapshot, call: CallFacts) -> tuple[Rated | None, Rated | None, Charge | None, Charge | None]:
        """Sell and buy rate of a call and what each side charges for its real duration."""
        at = call.answered_at or call.started_at
        sell = sell_rate(snapshot, call.account, call.number, at, call.did) if call.account is not None else None
        if sell is not None and call.claimed:
            sell = Rated(sell.rate, dataclasses.replace(sell.context, free_seconds=call.claimed))
        buy = buy_rate(snapshot, call.carrier_id, call.number, at)
        seconds = call.duration if call.answered_at is not None else 0
        price = rate_call(sell.rate, at, seconds, sell.context) if sell else None
        cost = rate_call(buy.rate, at, seconds, buy.context) if buy else None
        return sell, buy, price, cost

    def recovered_call(self, session: Session, live: LiveCall, restarted_at: dt.datetime) -> tuple[Decimal, Cdr]:
        """A live call a crash left open, closed (result "recovered"): the sell-side gross and the CDR, rated as
        a Stop would have been; its package claim is released, and its resellers' lines added, in `session` as a
        Stop does.

        A call of our switch (its dialogs kept, sip/dialog_state.py) was up until the restart sends BYE on both
        legs — the media never went through the switch, and the carrier bills its leg until that BYE — so it is
        billed to `restarted_at`, but never beyond the talk time it held (`max_duration_s`: the switch would have
        cut it there). Another gateway's call is billed to the last moment it was reported (`last_seen_at`, moved
        by Interim-Updates)."""
        account = load_account(session, live.account_id) if live.account_id is not None else None
        claim = session.execute(select(PackageClaim.seconds, PackageClaim.account_package_id)
                                .where(PackageClaim.call_id == live.call_id)).one_or_none()
        answered = live.answered_at
        end = live.last_seen_at
        if answered is not None and live.sip_dialogs:
            end = restarted_at
            if live.max_duration_s is not None:
                end = min(end, answered + dt.timedelta(seconds=live.max_duration_s))
        end = end if answered is None else max(end, answered)
        duration = int((end - answered).total_seconds()) if answered is not None else 0
        reason = ("Left up by a crash: ended at the restart (BYE on both legs)" if live.sip_dialogs else
                  "Left open by a crash: billed to its last report")
        call = CallFacts(key=live.call_id, account=account, carrier_id=live.carrier_id, number=live.destination,
                         did=live.did, caller=live.caller, started_at=live.started_at, answered_at=answered,
                         ended_at=end, duration=duration, cause=None, result="recovered", hangup_by="switch",
                         claimed=claim.seconds if claim else 0,
                         claim_entry=claim.account_package_id if claim else None, gateway_id=live.gateway_id,
                         reason=reason)
        sell, buy, price, cost = self._rate(self.snapshots.current(), call)
        if claim is not None:
            release_claim(session.connection(), call, price.free_seconds if price else 0)
        session.add_all(CdrResellerLine(**line) for line in
                        reseller_line_values(self.snapshots.current(), call, price, cost))
        return (price.gross if price else ZERO), Cdr(**cdr_values(call, sell, buy, price=price, cost=cost))

    def _close_call(self, conn: DirectConnection, snapshot: Snapshot, call: CallFacts, *, has_reservation: bool,
                    now: dt.datetime) -> None:
        """Rate both sides, settle (or debit), write the one call CDR, drop the live row; nothing if billed before."""
        account = call.account
        sell, buy, price, cost = self._rate(snapshot, call)
        gross = price.gross if price else ZERO
        lines = reseller_line_values(snapshot, call, price, cost)
        with self.ctx.writes:
            if has_reservation:  # write first: flipping the reservation orders duplicate Stops
                status = ReservationStatus.SETTLED if call.answered_at is not None else ReservationStatus.RELEASED
                claimed, _debited = reservations.close(conn, call.key, status, gross if call.answered_at else ZERO, now)
                if not claimed and _billed(conn, call.key):
                    conn.rollback()
                    return
            else:
                if account is not None:  # write first: the account row lock orders duplicate Stops
                    ledger.lock(conn, account.id)
                if _billed(conn, call.key):
                    conn.rollback()
                    return
                if account is not None and gross > 0:
                    ledger.debit_call(conn, account.id, gross)
            if call.claim_entry is not None:
                release_claim(conn, call, price.free_seconds if price else 0)
            conn.execute(INSERT_CDR, cdr_values(call, sell, buy, price=price, cost=cost))
            if lines:  # the resellers' commissions, in the transaction of the debit and the CDR
                conn.execute(insert_reseller_lines(len(lines)), reseller_line_params(lines))
            conn.execute(DROP_LIVE, {"key": call.key})
            conn.commit()


def _billed(conn: DirectConnection, key: str) -> bool:
    return bool(conn.execute(BILLED, {"key": key}).scalar())
