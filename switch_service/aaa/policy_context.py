"""What every part of the billing policy shares (identify.py, authorise.py, accounting.py): the database and how
it is written, the clock, the region numbers are read in, the limits, and the NAS whose word is believed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from switch_service.aaa.direct_sql import DirectConnection, DirectSql
from switch_service.phone_numbers import normalise_number, reading_region
from switch_service.security.pins import PinCipher

LOCAL_SWITCH = frozenset({"127.0.0.1", "::1"})


@dataclass
class PolicyContext:
    engine: Engine
    sql: DirectSql
    clock: Callable[[], dt.datetime]
    pin_cipher: PinCipher | None
    default_region: str
    max_call_seconds: int
    credit_slice_s: int
    node: str | None = None  # the switch node this server belongs to: it owns the calls it holds money for
    trusted_nas: frozenset[str] = LOCAL_SWITCH  # whose `account-id=` AV-pair is believed (the switch)
    read_committed: bool = False  # known once the engine connected (see `end_read`)
    # SQLite has one writer at a time and its busy handler retries after sleeps growing to 100 ms: this process's
    # writers queue on a lock instead, which hands over at once.
    writes: contextlib.AbstractContextManager[Any] = field(default_factory=contextlib.nullcontext)

    def normalise(self, raw: str | None, *countries: str | None) -> str:
        """The key of a number as a NAS sends it: the one rule (`switch_service.phone_numbers`), national forms read
        as of the first of `countries` set (the account's for a dialled number, the DID's for a caller), else the
        default region."""
        return normalise_number(raw, reading_region(self.default_region, *countries))

    def end_read(self, conn: DirectConnection) -> None:
        """Between the reads that decide and the writes: on a READ COMMITTED database (PostgreSQL's default) each
        statement sees what is committed when it runs, so the writes go on in the same transaction; elsewhere
        they get a transaction of their own that writes first (see billing_policy.py)."""
        if not self.read_committed:
            conn.rollback()
