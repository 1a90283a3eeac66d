"""`make bench-desktop`: the desktop's main window over a million accounts while 500 calls are live; one JSON line.

Three processes, as in real use (the parent only sets up and cleans up, whatever happens to the others):
- the service: the real API (`switch_service.service.serve`) on a throw-away SQLite database holding
  ACCOUNTS accounts (bulk-inserted in one INSERT ... SELECT) and a few carriers, with a synthetic switch that keeps
  LIVE_CALLS calls in progress at once: each call starts, may fail over, is answered (or not) and ends after a
  random hold, and a new one takes its place; every step is published on the live bus with the fields the real
  switch gives it (`switch_service.call_control.controller.SwitchController._publish`);
- the desktop: the real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise), signed in as an admin, the
  accounts page in front: its live stream feeds the Live calls table (accounts looked up in batches) and the
  dashboard's graphs and KPI tiles (read again from the service after calls end) as in daily use,
  while a heartbeat QTimer on the GUI thread records the longest gap between two of its ticks.

Figures: `first_rows_ms` (from giving the accounts page its session until its first rows are painted),
`row_count_ms` (until the whole id list is in, so the scroll bar is true), `scroll_to_end_ms` (the user presses
Ctrl+End, until the last account's row is painted), `middle_ms` (the scroll bar dragged to the middle, until the
rows shown there are painted), `back_to_top_ms` (Ctrl+Home, until the first row is painted), `max_gui_block_ms`
(the longest wall-clock gap between two heartbeats of HEARTBEAT_MS: how long a click could have waited), and per
phase, the last being LIVE_ONLY_S of nothing but the live stream; `max_gui_busy_ms` (the most CPU time the GUI
thread itself used between two heartbeats: its own work, without the time it waited for a CPU or the GIL on a
loaded machine), `longest_gc_ms` (the desktop collects garbage on the GUI thread), `live_events_per_s` (call
events the desktop received per second while measuring) and `live_calls_shown` (rows of the Live calls table).
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from installer import temp_service

if TYPE_CHECKING:
    from switch_service.events import CallEventKind, EventBus

ACCOUNTS = 1_000_000
CARRIERS = 3
LIVE_CALLS = 500
RAMP_S = 2.0  # the first LIVE_CALLS calls start over this long
RING_S = (0.5, 4.0)  # from start to answer (or to giving up), uniform
HOLD_S = (10.0, 50.0)  # talk time of an answered call, uniform
ANSWERED_SHARE = 0.8  # the rest end unanswered (busy, cancelled)
FAILOVER_SHARE = 0.1  # calls whose first carrier fails (503) before the next one rings
HEARTBEAT_MS = 5
LIVE_ONLY_S = 10.0
WARM_UP_S = 30
PHASE_LIMIT_S = 120
USER, PASSWORD = "bench", "bench password 1"
CHILD_TIMEOUT_S = 600


# --- the database ------------------------------------------------------------------------------------


def insert_accounts(db_url: str, count: int) -> None:
    """`count` prepaid accounts in one INSERT ... SELECT over a recursive counter (seconds, not minutes),
    values bound through the columns' own types; CARRIERS carriers (ids 1...) and the bench's admin user."""
    from sqlalchemy import Integer, bindparam, func, insert, literal_column, select
    from sqlalchemy.orm import Session

    from switch_service.store.engine import make_engine
    from switch_service.store.models import Account, Carrier
    from switch_service.store.models.enums import AccountKind, Role, Status
    from switch_service.store.repositories.users import add_user

    table = Account.__table__
    counter = select(literal_column("1", Integer).label("i")).cte("counter", recursive=True)
    counter = counter.union_all(select(counter.c.i + 1).where(counter.c.i < count))
    now = dt.datetime.now(dt.UTC)
    values = {
        "number": func.printf("B%07d", counter.c.i),
        "name": func.printf("Bench customer %d", counter.c.i),
        "kind": bindparam("kind", AccountKind.PREPAID, type_=table.c.kind.type),
        "status": bindparam("status", Status.ACTIVE, type_=table.c.status.type),
        "balance": bindparam("balance", Decimal("10"), type_=table.c.balance.type),
        "overdraft": bindparam("overdraft", Decimal(0), type_=table.c.overdraft.type),
        "credit_limit": bindparam("credit_limit", Decimal(0), type_=table.c.credit_limit.type),
        "reserved": bindparam("reserved", Decimal(0), type_=table.c.reserved.type),
        "currency": bindparam("currency", "USD"),
        "language": bindparam("language", "en"),
        "time_zone": bindparam("time_zone", "UTC"),
        "max_concurrent_calls": bindparam("max_calls", 0),
        "cps_limit": bindparam("cps_limit", 0),
        "created_at": bindparam("created_at", now, type_=table.c.created_at.type),
        "updated_at": bindparam("updated_at", now, type_=table.c.updated_at.type),
    }
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            session.execute(insert(Account).from_select(list(values), select(*values.values())))
            session.add_all(Carrier(name=f"Bench carrier {n}") for n in range(1, CARRIERS + 1))
            add_user(session, USER, PASSWORD, Role.ADMIN)
    finally:
        engine.dispose()


# --- the service (child process) ----------------------------------------------------------------------


@dataclass
class SyntheticCall:
    """What the switch knows of a call when it publishes (`CallInfo` in switch_service.call_control.call_info)."""

    call_id: str  # the caller leg's SIP Call-ID
    conf_id: str  # h323-conf-id: the accounting session
    caller: str
    destination: str
    account_id: int
    setup_at: dt.datetime
    credit_time: int
    answered_carrier: int | None = None
    codec: str | None = None


class SyntheticSwitch:
    """Keeps `live_calls` calls in progress: each starts, may fail over, is answered or not, ends after a random
    hold and is replaced by a new one at once. One thread runs a timetable (a heap) of the calls' next steps."""

    def __init__(self, bus: EventBus, live_calls: int, accounts: int, seed: int = 8) -> None:
        self._bus, self._live_calls, self._accounts = bus, live_calls, accounts
        self._rng = random.Random(seed)
        self._due: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()
        self._numbers = itertools.count(1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="synthetic-switch", daemon=True)

    def start(self) -> None:
        now = time.monotonic()
        for n in range(self._live_calls):
            self._at(now + n * RAMP_S / self._live_calls, lambda: self._start_call(first=True))
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _at(self, when: float, step: Callable[[], None]) -> None:
        heapq.heappush(self._due, (when, next(self._order), step))

    def _run(self) -> None:
        while not self._stop.wait(max(0.0, self._due[0][0] - time.monotonic())):
            now = time.monotonic()
            while self._due and self._due[0][0] <= now:
                heapq.heappop(self._due)[2]()

    def _publish(self, call: SyntheticCall, kind: CallEventKind, **extra: Any) -> None:
        """As SwitchController._publish: the answered carrier unless the step names one, the codec once answered."""
        from switch_service.events import CallEvent

        carrier_id = extra.pop("carrier_id", call.answered_carrier)
        self._bus.publish(CallEvent(
            kind=kind, call_id=call.call_id, caller=call.caller, destination=call.destination,
            account_id=call.account_id, carrier_id=carrier_id, sell_rate=Decimal("0.025"), started_at=call.setup_at,
            talk_time_left_s=call.credit_time, codec=call.codec, session_id=call.conf_id, **extra))

    def _start_call(self, *, first: bool = False) -> None:
        """A new call; the `first` ones stand for calls met at any point of their lives (so the end of calls and
        the start of new ones begin at once at the steady rate, not after the first holds)."""
        from switch_service.events import CallEventKind

        n, rng = next(self._numbers), self._rng
        call = SyntheticCall(call_id=f"{n:08x}-bench@127.0.0.1", conf_id=f"BENCH{n:011d} 00000000 00000000",
                             caller=f"1555{rng.randrange(10**7):07d}", destination=f"4420{rng.randrange(10**7):07d}",
                             account_id=rng.randrange(self._accounts) + 1, setup_at=dt.datetime.now(dt.UTC),
                             credit_time=rng.randrange(600, 7200))
        self._publish(call, CallEventKind.STARTED)
        now, ring = time.monotonic(), rng.uniform(*RING_S)
        carriers = rng.sample(range(1, CARRIERS + 1), 2)
        if rng.random() < FAILOVER_SHARE:
            self._at(now + ring / 2, lambda: self._publish(call, CallEventKind.FAILED_OVER, carrier_id=carriers[1],
                                                           sip_code=503))
        if first or rng.random() < ANSWERED_SHARE:
            self._at(now + ring, lambda: self._answer(call, carriers[0], first))
        else:
            self._at(now + ring, lambda: self._end(call, 0.0, rng.choice(("rejected", "cancelled"))))

    def _answer(self, call: SyntheticCall, carrier_id: int, first: bool) -> None:
        from switch_service.events import CallEventKind

        call.answered_carrier, call.codec = carrier_id, "PCMA"
        self._publish(call, CallEventKind.ANSWERED)
        hold = self._rng.uniform(0, HOLD_S[1]) if first else self._rng.uniform(*HOLD_S)
        self._at(time.monotonic() + hold, lambda: self._end(call, hold, "normal-clearing"))

    def _end(self, call: SyntheticCall, duration_s: float, cause: str) -> None:
        from switch_service.events import CallEventKind

        self._publish(call, CallEventKind.ENDED, duration_s=duration_s, cause=cause)
        self._start_call()  # another caller takes the channel


def serve_with_synthetic_calls(live_calls: int, accounts: int) -> None:
    """The API of `carrier-switch serve`, with a SyntheticSwitch standing in for the switch."""
    from switch_service.api.live import LiveCalls
    from switch_service.config import settings
    from switch_service.service import serve
    from switch_service.store.engine import make_engine

    live = LiveCalls()
    switch = SyntheticSwitch(live.bus, live_calls, accounts)
    config = settings.load()
    engine = make_engine(config["database_url"])
    switch.start()
    try:
        serve(engine, config, live=live)
    finally:
        switch.stop()
        engine.dispose()


# --- the desktop (child process) ----------------------------------------------------------------------


class DesktopBench:
    """The main window as after sign-in, the accounts page in front, and a heartbeat on the GUI thread."""

    def __init__(self, url: str, settings_dir: str, live_calls: int) -> None:
        from desktop.main_window import MainWindow
        from desktop.qt import QApplication, QSettings, Qt, QTimer
        from desktop.session import sign_in

        existing = QApplication.instance()
        self.app = existing if isinstance(existing, QApplication) else QApplication(["carrier-desk-bench"])
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)  # not the user's
        self.live_calls = live_calls
        self.session = sign_in(url, USER, PASSWORD)
        self.max_gap_s = 0.0  # wall time between two heartbeats
        self.max_busy_s = 0.0  # CPU time the GUI thread itself spent between two heartbeats
        self._last_beat, self._last_cpu = time.perf_counter(), time.thread_time()
        self.heartbeat = QTimer()
        self.heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        self.heartbeat.timeout.connect(self._beat)
        self.events = 0
        self.window = MainWindow(self.session)  # every page gets the session; the live stream starts
        self.window.live_stream.event_received.connect(self._count_event)
        self.window.resize(1200, 800)
        self.window.show()
        self.window.show_page("accounts")
        self.page = self.window.accounts_page
        self.model, self.table = self.page.model, self.page.table

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.max_gap_s = max(self.max_gap_s, now - self._last_beat)
        self.max_busy_s = max(self.max_busy_s, cpu - self._last_cpu)
        self._last_beat, self._last_cpu = now, cpu

    def _count_event(self, _event: object) -> None:
        self.events += 1

    def reset_heartbeat(self) -> None:
        self._last_beat, self._last_cpu = time.perf_counter(), time.thread_time()
        self.max_gap_s = self.max_busy_s = 0.0

    def timed(self, limit_s: float, done: Callable[[], bool]) -> float:
        """Milliseconds of Qt event loop until `done()`, checked on every model signal and every 5 ms."""
        from desktop.qt import QTimer

        started = time.perf_counter()

        def check() -> None:
            if done() or time.perf_counter() - started > limit_s:
                self.app.exit(0)  # not quit(): in Qt 6 that also closes every window

        poll = QTimer()
        poll.timeout.connect(check)
        signals = (self.model.page_loaded, self.model.loading_changed, self.model.dataChanged)
        for signal in signals:
            signal.connect(check)
        if not done():
            poll.start(5)
            self.app.exec()
        elapsed = time.perf_counter() - started
        poll.stop()
        for signal in signals:
            signal.disconnect(check)
        return elapsed * 1000

    def painted(self, rows: range) -> bool:
        """The rows' data is in and the view has been painted with it."""
        count = self.model.rowCount()
        if not rows or any(not 0 <= row < count or self.model.cached_account(row) is None for row in rows):
            return False
        self.table.viewport().repaint()
        return True

    def shown_rows(self) -> range:
        top, bottom = self.table.rowAt(0), self.table.rowAt(self.table.viewport().height() - 1)
        return range(top, (bottom if bottom >= 0 else self.model.rowCount() - 1) + 1)

    def press(self, key: Any) -> None:
        """The user presses Ctrl+`key` in the table."""
        from desktop.qt import QApplication, QEvent, QKeyEvent, Qt

        QApplication.sendEvent(self.table, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.ControlModifier))

    def run(self) -> dict[str, Any]:
        from desktop.pages.accounts import COL_NAME
        from desktop.qt import Qt

        live_model = self.window.live_calls_page.model
        blocks: dict[str, float] = {}
        busy: dict[str, float] = {}
        self.reset_heartbeat()  # the window's construction is start-up, before the event loop runs
        self.heartbeat.start(HEARTBEAT_MS)
        # the window opens: every page loads, the live calls fill the Live calls table (the calls ramp up)
        self.timed(WARM_UP_S, lambda: live_model.rowCount() >= self.live_calls * 0.9 and not self.model.loading)
        blocks["open_window"], busy["open_window"] = self.max_gap_s, self.max_busy_s
        self.reset_heartbeat()
        events_before, measuring_since = self.events, time.perf_counter()
        figures: dict[str, float] = {}

        def phase(name: str, done: Callable[[], bool], start: Callable[[], None] | None = None) -> None:
            if start is not None:
                start()
            figures[name] = round(self.timed(PHASE_LIMIT_S, done), 1)
            blocks[name], busy[name] = self.max_gap_s, self.max_busy_s
            self.reset_heartbeat()

        self.page.set_session(self.session)  # as at sign-in: the table starts over
        phase("first_rows_ms", lambda: self.painted(range(1)))
        phase("row_count_ms", lambda: not self.model.ids_pending)
        rows = self.model.rowCount()
        self.table.setCurrentIndex(self.model.index(0, COL_NAME))  # the user clicked the first row
        phase("scroll_to_end_ms", lambda: self.painted(range(rows - 1, rows)), lambda: self.press(Qt.Key.Key_End))
        bar = self.table.verticalScrollBar()
        phase("middle_ms", lambda: self.painted(self.shown_rows()), lambda: bar.setValue(bar.maximum() // 2))
        phase("back_to_top_ms", lambda: self.painted(range(1)), lambda: self.press(Qt.Key.Key_Home))

        self.timed(LIVE_ONLY_S, lambda: False)  # nothing but the live stream
        blocks["live_only"], busy["live_only"] = self.max_gap_s, self.max_busy_s
        events_per_s = (self.events - events_before) / (time.perf_counter() - measuring_since)

        self.heartbeat.stop()
        return {
            **figures,
            "rows": rows,
            "page_size": self.model.page_size,
            "last_row": self.model.data(self.model.index(rows - 1, COL_NAME)),
            "max_gui_block_ms": round(max(blocks.values()) * 1000, 1),
            "gui_block_ms_by_phase": {name: round(gap * 1000, 1) for name, gap in blocks.items()},
            "max_gui_busy_ms": round(max(busy.values()) * 1000, 1),
            "gui_busy_ms_by_phase": {name: round(cpu * 1000, 1) for name, cpu in busy.items()},
            "heartbeat_ms": HEARTBEAT_MS,
            "live_events_per_s": round(events_per_s, 1),
            "live_calls_shown": live_model.rowCount(),
            "live_stream_connected": self.window.live_stream.connected,
            "qt_platform": self.app.platformName(),
        }


class GcWatch:
    """The longest garbage collection (the desktop collects on the GUI thread, see desktop.main_thread_gc)."""

    def __init__(self) -> None:
        self.longest_s = 0.0
        self.generation = -1
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif (took := time.perf_counter() - self._started) > self.longest_s:
            self.longest_s, self.generation = took, info["generation"]


def measure_desktop(url: str, live_calls: int, profile: str | None) -> dict[str, Any]:
    """The figures; with `profile`, the GUI thread's cProfile statistics of the measured run go to that file."""
    import cProfile
    import gc

    from desktop.main_thread_gc import MainThreadGarbageCollector

    with tempfile.TemporaryDirectory(prefix="carrierdesk-bench-settings-") as settings_dir:
        bench = DesktopBench(url, settings_dir, live_calls)
        collector = MainThreadGarbageCollector(bench.app)
        watch = GcWatch()
        gc.callbacks.append(watch)
        profiler = cProfile.Profile() if profile else None
        try:
            if profiler is not None:
                profiler.enable()  # this thread only: the GUI thread
            figures = bench.run()
        finally:
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(str(profile))
            gc.callbacks.remove(watch)
            collector.stop()
    return {**figures, "longest_gc_ms": round(watch.longest_s * 1000, 1), "longest_gc_generation": watch.generation}


# --- the parent -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=ACCOUNTS)
    parser.add_argument("--live-calls", type=int, default=LIVE_CALLS, help="calls in progress at any time")
    parser.add_argument("--profile", metavar="FILE", help="write the GUI thread's cProfile statistics to FILE")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # the service child
    parser.add_argument("--desktop-for", metavar="URL", help=argparse.SUPPRESS)  # the desktop child
    args = parser.parse_args(argv)
    if args.serve:
        serve_with_synthetic_calls(args.live_calls, args.accounts)
        return 0
    if args.desktop_for:
        print(json.dumps(measure_desktop(args.desktop_for, args.live_calls, args.profile)), flush=True)
        # PySide 6.12 may crash while the interpreter tears its objects down; the figures are out by now.
        os._exit(0)

    with tempfile.TemporaryDirectory(prefix="carrierdesk-bench-") as folder:
        service = temp_service.create(Path(folder))
        started = time.perf_counter()
        insert_accounts(service.db_url, args.accounts)
        insert_s = time.perf_counter() - started
        server = subprocess.Popen([sys.executable, "-m", "installer.desktop_bench", "--serve",
                                   "--live-calls", str(args.live_calls), "--accounts", str(args.accounts)],
                                  env=service.env)
        try:
            temp_service.wait_until_healthy(service.url, server)
            env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
            desktop = subprocess.run([sys.executable, "-m", "installer.desktop_bench", "--desktop-for", service.url,
                                      "--live-calls", str(args.live_calls),
                                      *(["--profile", str(Path(args.profile).resolve())] if args.profile else [])],
                                     env=env, capture_output=True, text=True,
                                     timeout=CHILD_TIMEOUT_S, check=False)
        finally:
            temp_service.stop(server)
    if desktop.returncode != 0:
        print(desktop.stdout + desktop.stderr, file=sys.stderr)
        return desktop.returncode
    figures = json.loads(desktop.stdout.strip().splitlines()[-1])
    print(json.dumps({"bench": "desktop_main_window", "accounts": args.accounts, "insert_s": round(insert_s, 1),
                      "live_calls": args.live_calls, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
