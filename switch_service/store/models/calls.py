"""Money held for calls, calls in progress and call detail records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base
from switch_service.store.models.enums import CdrKind, ReservationStatus, enum_column
from switch_service.store.types import Money, UTCDateTime, utcnow


class Reservation(Base):
    """Money held for one call; `accounts.reserved` is the sum of the open ones, kept in the same statement."""

    __tablename__ = "reservations"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    call_id: Mapped[str] = mapped_column(String(128), unique=True)
    amount: Mapped[Decimal] = mapped_column(Money())
    status: Mapped[ReservationStatus] = mapped_column(
        enum_column(ReservationStatus), default=ReservationStatus.OPEN, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    settled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    debited: Mapped[Decimal | None] = mapped_column(Money())
    # talk seconds `amount` pays for: the slices granted so far (aaa/slices.py); None when the NAS does not
    # re-authorise and the whole affordable call is held
    granted_s: Mapped[int | None] = mapped_column()
    # the switch node whose RADIUS server took the hold: only it, or the survivor that takes over its lease,
    # recovers the call (None: held before nodes had names, recovered by whichever node starts)
    node: Mapped[str | None] = mapped_column(String(64), index=True)


class LiveCall(Base):
    """A call from answer on, kept on disk so a crash loses no call: at restart it is closed and settled. A caller
    in the IVR has a row too (state "ivr", its own key: call_control/ivr_sessions.py), so every node's API lists it;
    it is dropped when the caller leaves the IVR."""

    __tablename__ = "live_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(String(128), unique=True)
    conf_id: Mapped[str | None] = mapped_column(String(64), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    carrier_id: Mapped[int | None] = mapped_column(ForeignKey("carriers.id"))
    gateway_id: Mapped[int | None] = mapped_column(ForeignKey("gateways.id"))
    caller: Mapped[str] = mapped_column(String(64))
    destination: Mapped[str] = mapped_column(String(64))
    destination_name: Mapped[str | None] = mapped_column(String(120))  # as rated (the sell deck's name)
    did: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="setup")  # setup | ringing | answered | ivr
    sell_rate: Mapped[Decimal | None] = mapped_column(Money())
    buy_rate: Mapped[Decimal | None] = mapped_column(Money())
    codec: Mapped[str | None] = mapped_column(String(16))
    max_duration_s: Mapped[int | None] = mapped_column()
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # what our switch needs to end both legs of the call after a crash (sip/dialog_state.py; JSON)
    sip_dialogs: Mapped[str | None] = mapped_column(Text())
    node: Mapped[str | None] = mapped_column(String(64), index=True)  # the node whose RADIUS server got the Start
    # an operator asked another node's API to hang it up: its node does (switch_service/cluster/hangups.py)
    hangup_requested_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # a caller in the IVR: where the worker says it is (media/card_flow.py `Step`: pin, destination...), and which
    # of this node's media workers holds it
    ivr_stage: Mapped[str | None] = mapped_column(String(24))
    ivr_worker: Mapped[int | None] = mapped_column()


class Cdr(Base):
    """One row per call (kind=call) and one per carrier attempt (kind=attempt), sharing `call_id`."""

    __tablename__ = "cdrs"
    __table_args__ = (
        Index("ix_cdrs_started_at", "started_at"),
        Index("ix_cdrs_account_started", "account_id", "started_at"),
        Index("ix_cdrs_carrier_started", "carrier_id", "started_at"),
        Index("ix_cdrs_reseller_started", "reseller_id", "started_at"),
        Index("ix_cdrs_call_id", "call_id"),
        # the traffic reports (store/repositories/reports.py): a range of one kind, read from the index alone
        Index("ix_cdrs_kind_started", "kind", "started_at", "carrier_id", "account_id", "reseller_id", "result",
              "duration_s", "price", "cost"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CdrKind] = mapped_column(enum_column(CdrKind), default=CdrKind.CALL)
    call_id: Mapped[str] = mapped_column(String(128))
    attempt: Mapped[int] = mapped_column(default=0)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    reseller_id: Mapped[int | None] = mapped_column(ForeignKey("resellers.id"))
    carrier_id: Mapped[int | None] = mapped_column(ForeignKey("carriers.id"))
    gateway_id: Mapped[int | None] = mapped_column(ForeignKey("gateways.id"))
    caller: Mapped[str] = mapped_column(String(64))
    destination: Mapped[str] = mapped_column(String(64))
    did: Mapped[str | None] = mapped_column(String(32))
    prefix: Mapped[str | None] = mapped_column(String(24))
    destination_name: Mapped[str | None] = mapped_column(String(120))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    duration_s: Mapped[int] = mapped_column(default=0)
    billed_s: Mapped[int] = mapped_column(default=0)
    free_s: Mapped[int] = mapped_column(default=0)
    sell_rate: Mapped[Decimal | None] = mapped_column(Money())
    buy_rate: Mapped[Decimal | None] = mapped_column(Money())
    price: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    margin: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    result: Mapped[str] = mapped_column(String(16))  # answered | busy | no_answer | failed | cancelled | rejected
    sip_code: Mapped[int | None] = mapped_column()
    q850_cause: Mapped[int | None] = mapped_column()
    disconnect_cause: Mapped[str | None] = mapped_column(String(8))  # h323-disconnect-cause (hex)
    hangup_by: Mapped[str | None] = mapped_column(String(16))  # caller | callee | switch | unknown
    reason: Mapped[str | None] = mapped_column(String(120))  # readable: why the call was refused or ended
