"""Log lines about dropped input, rate-limited per reason: a flood of junk must not fill the disk (160 000 junk
SIP datagrams once wrote 107 581 lines). The first drop of each reason is logged at once, then at most one line per
reason and interval, saying how many were not logged since. The RADIUS server and the SIP switch share it."""

from __future__ import annotations

import collections
import logging
import time
from collections.abc import Callable, Hashable
from typing import Any


class DropLog:
    def __init__(self, logger: logging.Logger, interval: float = 5.0, *, level: int = logging.WARNING,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._logger = logger
        self._interval = interval
        self._level = level
        self._clock = clock
        self._last: dict[Hashable, float] = {}
        self._suppressed: collections.Counter[Hashable] = collections.Counter()

    def note(self, reason: Hashable, message: str, *args: Any) -> bool:
        """Log `message % args` unless a line of this reason went out less than `interval` ago (then it is only
        counted); True when it was logged. The message is formatted only when it is logged."""
        now = self._clock()
        last = self._last.get(reason)
        if last is not None and now - last < self._interval:
            self._suppressed[reason] += 1
            return False
        self._last[reason] = now
        suppressed = self._suppressed.pop(reason, 0)
        if suppressed:
            message += "; %d not logged since the last line"
            args = (*args, suppressed)
        self._logger.log(self._level, message, *args)
        return True
