"""Closed vocabularies stored as short strings (portable: no native ENUM types)."""

from __future__ import annotations

import enum

from sqlalchemy import Enum


class Role(enum.StrEnum):
    ADMIN = "admin"
    SUPPORT = "support"
    RESELLER = "reseller"


class AccountKind(enum.StrEnum):
    PREPAID = "prepaid"
    POSTPAID = "postpaid"


class Status(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class DidKind(enum.StrEnum):
    FORWARD = "forward"
    ACCESS_NUMBER = "access_number"
    TRUNK = "trunk"


class CardStatus(enum.StrEnum):
    NEW = "new"
    ACTIVE = "active"
    USED = "used"
    EXPIRED = "expired"
    BLOCKED = "blocked"


class ResellerKind(enum.StrEnum):
    USAGE_BASED = "usage_based"
    PAYMENT_BASED = "payment_based"
    WHITE_LABEL = "white_label"
    PINLESS = "pinless"


class TariffKind(enum.StrEnum):
    SELL = "sell"
    BUY = "buy"


class DisconnectFeeRule(enum.StrEnum):
    BELOW_THRESHOLD = "below_threshold"
    FROM_THRESHOLD = "from_threshold"


class Period(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class Transport(enum.StrEnum):
    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"


class RouteStrategy(enum.StrEnum):
    LCR = "lcr"
    PRIORITY = "priority"
    WEIGHTED = "weighted"


class TrunkAuth(enum.StrEnum):
    IP = "ip"
    DIGEST = "digest"


class ReservationStatus(enum.StrEnum):
    OPEN = "open"
    SETTLED = "settled"
    RELEASED = "released"


class PaymentKind(enum.StrEnum):
    TOPUP = "topup"
    PAYMENT = "payment"
    REFUND = "refund"
    ADJUSTMENT = "adjustment"
    VOUCHER = "voucher"
    FEE = "fee"


class CdrKind(enum.StrEnum):
    CALL = "call"
    ATTEMPT = "attempt"


def enum_column(kind: type[enum.StrEnum]) -> Enum:
    """A VARCHAR holding the enum's value, validated in Python."""
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        validate_strings=True,
        length=max(len(m.value) for m in kind) + 4,
        values_callable=lambda members: [m.value for m in members],
    )
