"""Accounting of an authorised call: Start at answer, an Interim-Update every `interim_interval_s` (the server moves
the live call's last_seen_at, which crash recovery bills up to), Stop at the end with the real talk time and how the
call ended (`sip-code=`, `disconnect-text=`, `hangup-by=`: the AAA policy writes the call's row from them). Each is
sent until acknowledged for `acct_retry_s` (the policy is idempotent per session and status), Start before Stop."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from switch_service.aaa.client import RadiusTimeoutError
from switch_service.aaa.messages import AcctRecord, AcctStatus
from switch_service.call_control.aaa_link import AvPairs, SwitchRadius
from switch_service.call_control.call_info import CallInfo
from switch_service.call_control.call_outcome import CallOutcome
from switch_service.call_control.config import ControllerConfig
from switch_service.sip.controller import EndCause

log = logging.getLogger(__name__)


def acct_record(info: CallInfo, status: AcctStatus, **times: Any) -> AcctRecord:
    """An Accounting-Request of the call: what every status repeats, plus its times."""
    return AcctRecord(status=status, session_id=info.conf_id, user_name=info.caller or "anonymous",
                      calling_station_id=info.caller, called_station_id=info.destination, conf_id=info.conf_id,
                      call_id=info.call_id, setup_time=info.setup_at, remote_address=info.source_host, **times)


def acct_pairs(info: CallInfo) -> AvPairs:
    """The contract's AV-pairs of every Accounting-Request of the call."""
    pairs = []
    carrier = info.answered or info.last_tried  # the row of an unanswered call names the carrier tried last
    if carrier is not None:
        pairs += [("carrier-id", str(carrier.carrier_id)), ("gateway-id", str(carrier.gateway_id))]
    if info.account_id is not None:
        pairs.append(("account-id", str(info.account_id)))
    if info.did:
        pairs.append(("did", info.did))
    if info.credit_time is not None:  # the live-call row's talk time and codec
        pairs.append(("credit-time", str(info.credit_time)))
    if info.codec:
        pairs.append(("codec", info.codec))
    return pairs


class Accounting:
    def __init__(self, radius: SwitchRadius, config: ControllerConfig, clock: Callable[[], dt.datetime],
                 spawn: Callable[[Any], asyncio.Future[Any]]) -> None:
        self.radius = radius
        self.config = config
        self.clock = clock
        self._spawn = spawn
        self.errors = 0

    def start(self, info: CallInfo) -> None:
        """The call was answered at `info.answered_at`: Start, and the first Interim-Update armed."""
        record = acct_record(info, AcctStatus.START, connect_time=info.answered_at)
        info.start_sent = self._spawn(self._send(record, acct_pairs(info), None))
        if self.config.interim_interval_s > 0:
            info.interim = asyncio.get_running_loop().call_later(self.config.interim_interval_s, self._interim, info)

    def _interim(self, info: CallInfo) -> None:
        """Interim-Update with the talk time so far, then the next one."""
        info.interim = None
        if info.ended or info.answered_at is None:
            return
        talked = round((self.clock() - info.answered_at).total_seconds())
        record = acct_record(info, AcctStatus.INTERIM_UPDATE, connect_time=info.answered_at, session_time=talked)
        self._spawn(self._send(record, acct_pairs(info), info.start_sent))
        info.interim = asyncio.get_running_loop().call_later(self.config.interim_interval_s, self._interim, info)

    @staticmethod
    def stop_interim(info: CallInfo) -> None:
        if info.interim is not None:
            info.interim.cancel()
            info.interim = None

    def stop(self, info: CallInfo, duration_s: float, ended: CallOutcome) -> None:
        """Stop, once: talk time only of an answered call (a carrier's, or a trunk's with no route), and no more
        than the credit of a call cut for credit (the switch's own lag is not billed)."""
        info.stopped = True
        answered = info.answered_at is not None
        now = self.clock()
        talked = round(duration_s)
        if info.end_cause is EndCause.CREDIT_EXHAUSTED and info.credit_time is not None:
            talked = min(talked, info.credit_time)
        record = acct_record(
            info, AcctStatus.STOP, session_time=talked if answered else 0,
            connect_time=info.answered_at if answered else None, disconnect_time=now,
            disconnect_cause=ended.q850)
        pairs = [*acct_pairs(info), ("disconnect-text", ended.reason), ("hangup-by", info.hangup_by.value)]
        if ended.sip_code is not None:
            pairs.append(("sip-code", str(ended.sip_code)))
        self._spawn(self._send(record, pairs, info.start_sent))

    async def _send(self, record: AcctRecord, avpairs: AvPairs, after: asyncio.Future[None] | None) -> None:
        """Send until acknowledged, for `acct_retry_s`."""
        if after is not None:
            await asyncio.wait([after])  # Start before Stop, whatever became of the Start
        deadline = time.monotonic() + self.config.acct_retry_s
        delay = 1.0
        while True:
            try:
                await self.radius.account(record, avpairs)
                return
            except RadiusTimeoutError:
                if time.monotonic() + delay > deadline:
                    break
                log.warning("Accounting-%s for %s not acknowledged yet, sending again in %.0f s",
                            record.status.name, record.session_id, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 15.0)
            except Exception:
                break
        self.errors += 1
        log.error("Accounting-%s for %s was never acknowledged (crash recovery settles the call)",
                  record.status.name, record.session_id)
