"""Column types that keep money exact and times in UTC on every supported database.

PostgreSQL and MariaDB store money as NUMERIC(18,6). SQLite has no exact decimal storage (its
NUMERIC affinity turns values into 8-byte floats), so there the same column holds the amount as a
whole number of millionths: sums and `balance = balance - :cost` stay exact integer arithmetic in
SQL, and Python always sees `Decimal`.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Numeric
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """NUMERIC(precision, scale); scaled BIGINT on SQLite. Values are rounded half-up to `scale`."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int = 18, scale: int = 6):
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self.precision = precision
        self.scale = scale
        self._quantum = Decimal(1).scaleb(-scale)
        self._factor: int = 10**scale

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must be Decimal, not float")
        amount = Decimal(value).quantize(self._quantum, rounding=ROUND_HALF_UP)
        if dialect.name == "sqlite":
            return int(amount.scaleb(self.scale))
        return amount

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return (Decimal(int(value)) / self._factor).quantize(self._quantum)
        return Decimal(str(value)).quantize(self._quantum)


def Money() -> ExactDecimal:  # noqa: N802 - reads like a type in column declarations
    """Money and rates: 18 digits, 6 after the point (sub-cent per-minute rates)."""
    return ExactDecimal(18, 6)


def Percent() -> ExactDecimal:  # noqa: N802
    """Percentages such as tax rates and margins: 9 digits, 4 after the point."""
    return ExactDecimal(9, 4)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in Python, naive UTC in the database (the same on all three engines)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise TypeError("timestamps must be timezone-aware datetimes")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        stamp: dt.datetime = value
        return stamp.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
