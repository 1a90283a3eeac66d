"""`make bench-desktop`: the accounts table of the desktop over a million accounts; one JSON line of figures.

Three processes, as in real use (the parent only sets up and cleans up, whatever happens to the others):
- the service: the real API (`switch_service.service.serve`) on a throw-away SQLite database holding
  ACCOUNTS accounts (bulk-inserted in one INSERT ... SELECT), with a synthetic switch publishing call events
  on its live bus at EVENTS_PER_S;
- the desktop: the real AccountsPage in a QApplication (offscreen unless QT_QPA_PLATFORM says otherwise),
  reading the live stream (`GET /live/events`) in a thread and showing each event on the GUI thread,
  while a heartbeat QTimer on the GUI thread records the longest gap between two of its ticks.

Figures: `first_rows_ms` (from giving the page its session until the first rows are painted),
`scroll_to_end_ms` (the user keeps the table scrolled to the bottom until the last account: one keyset page
per `fetchMore`, each request after the previous answer; `pages_to_end` of them), `back_to_top_ms` (the
evicted first page fetched again and painted), `max_gui_block_ms` (the longest wall-clock gap between two
heartbeats of HEARTBEAT_MS: how long a click could have waited), `max_gui_busy_ms` (the most CPU time the GUI
thread itself used between two heartbeats: its own work, without the time it waited for a CPU or the GIL on
a loaded machine), `longest_gc_ms` (the desktop collects garbage on the GUI thread).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from installer import temp_service

ACCOUNTS = 1_000_000
EVENTS_PER_S = 50
HEARTBEAT_MS = 5
MAX_SCROLL_S = 900
USER, PASSWORD = "bench", "bench password 1"
CHILD_TIMEOUT_S = MAX_SCROLL_S + 300


# --- the database ------------------------------------------------------------------------------------


def insert_accounts(db_url: str, count: int) -> None:
    """`count` prepaid accounts in one INSERT ... SELECT over a recursive counter (seconds, not minutes),
    values bound through the columns' own types; and the bench's admin user."""
    from sqlalchemy import Integer, bindparam, func, insert, literal_column, select
    from sqlalchemy.orm import Session

    from switch_service.store.engine import make_engine
    from switch_service.store.models import Account
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
            add_user(session, USER, PASSWORD, Role.ADMIN)
    finally:
        engine.dispose()


# --- the service (child process) ----------------------------------------------------------------------


def serve_with_synthetic_calls(events_per_s: int) -> None:
    """The API of `carrier-switch serve`, with a thread standing in for the switch: calls start, are
    answered and end on the live bus at `events_per_s` events a second."""
    from switch_service.api.live import LiveCalls
    from switch_service.config import settings
    from switch_service.events import CallEvent, CallEventKind
    from switch_service.service import serve
    from switch_service.store.engine import make_engine

    live = LiveCalls()
    stop = threading.Event()

    def switch() -> None:
        interval = 1 / events_per_s
        kinds = (CallEventKind.STARTED, CallEventKind.ANSWERED, CallEventKind.ENDED)
        for number in itertools.count():
            if stop.wait(interval):
                return
            call = number // len(kinds)
            live.bus.publish(CallEvent(kind=kinds[number % len(kinds)], call_id=f"bench-{call}",
                                       caller=f"1555{call % 10_000_000:07d}", destination="442071234567",
                                       account_id=call % ACCOUNTS + 1, started_at=dt.datetime.now(dt.UTC),
                                       sell_rate=Decimal("0.025")))

    config = settings.load()
    engine = make_engine(config["database_url"])
    publisher = threading.Thread(target=switch, name="synthetic-switch", daemon=True)
    publisher.start()
    try:
        serve(engine, config, live=live)
    finally:
        stop.set()
        engine.dispose()


# --- the desktop (child process) ----------------------------------------------------------------------


class LiveReader:
    """What a live page does: a thread reads the server-sent events, the GUI thread is told of each one."""

    def __init__(self, url: str, on_event: Callable[[str], None]) -> None:
        self._url, self._on_event = url, on_event
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="live-reader", daemon=True)
        self.error: str | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _read(self) -> None:
        import requests

        from desktop.api_client import ApiClient

        client = ApiClient(self._url)
        token = client.login(USER, PASSWORD).token
        try:
            with requests.get(f"{client.base_url}/api/v1/live/events", stream=True, timeout=30,
                              headers={"Authorization": f"Bearer {token}"}) as response:
                response.raise_for_status()
                for line in response.iter_lines():
                    if self._stop.is_set():
                        return
                    if line.startswith(b"event:"):
                        self._on_event(line.removeprefix(b"event:").strip().decode())
        except Exception as exc:  # reported in the figures, never a crash of the bench
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            client.close()


class DesktopBench:
    """The accounts page and its table, a heartbeat on the GUI thread, and the live stream beside them."""

    def __init__(self, url: str) -> None:
        from desktop.pages.accounts import AccountsPage
        from desktop.qt import QApplication, QLabel, QObject, Qt, QTimer, Signal
        from desktop.session import sign_in

        class Relay(QObject):
            arrived = Signal(str)

        existing = QApplication.instance()
        self.app = existing if isinstance(existing, QApplication) else QApplication(["carrier-desk-bench"])
        self.session = sign_in(url, USER, PASSWORD)
        self.max_gap_s = 0.0  # wall time between two heartbeats
        self.max_busy_s = 0.0  # CPU time the GUI thread itself spent between two heartbeats
        self._last_beat, self._last_cpu = time.perf_counter(), time.thread_time()
        self.heartbeat = QTimer()
        self.heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        self.heartbeat.timeout.connect(self._beat)
        self.live_label = QLabel()  # what a live page would update on every event
        self.events_shown = 0
        self.relay = Relay()
        self.relay.arrived.connect(self._show_event, Qt.ConnectionType.QueuedConnection)
        self.reader = LiveReader(url, self.relay.arrived.emit)
        self.page = AccountsPage()
        self.page.resize(1000, 640)
        self.page.show()
        self.model, self.table = self.page.model, self.page.table

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.max_gap_s = max(self.max_gap_s, now - self._last_beat)
        self.max_busy_s = max(self.max_busy_s, cpu - self._last_cpu)
        self._last_beat, self._last_cpu = now, cpu

    def _show_event(self, kind: str) -> None:
        self.events_shown += 1
        self.live_label.setText(f"{self.events_shown} {kind}")

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

    def first_rows_painted(self) -> bool:
        if self.model.rowCount() == 0:
            return False
        self.table.viewport().repaint()
        return True

    def first_page_painted_again(self) -> bool:
        if self.model.cached_account(0) is None or self.model.loading:
            return False
        self.table.viewport().repaint()
        return True

    def keep_at_bottom(self) -> None:
        from desktop.qt import QModelIndex

        if self.model.canFetchMore(QModelIndex()):
            self.table.scrollToBottom()  # the view asks fetchMore when its scroll bar reaches the end

    def run(self) -> dict[str, Any]:
        from desktop.qt import QTimer

        self.reader.start()
        self.heartbeat.start(HEARTBEAT_MS)
        self.timed(5, lambda: self.events_shown > 0)  # the stream flows before anything is measured
        self.reset_heartbeat()
        blocks: dict[str, float] = {}
        busy: dict[str, float] = {}

        self.page.set_session(self.session)
        first_rows_ms = self.timed(30, self.first_rows_painted)
        blocks["first_rows"] = self.max_gap_s
        busy["first_rows"] = self.max_busy_s
        self.reset_heartbeat()

        self.model.page_loaded.connect(lambda: QTimer.singleShot(0, self.keep_at_bottom))
        rows_before = self.model.rowCount()
        self.keep_at_bottom()
        scroll_to_end_ms = self.timed(MAX_SCROLL_S, lambda: self.model.at_end and not self.model.loading)
        blocks["scroll_to_end"] = self.max_gap_s
        busy["scroll_to_end"] = self.max_busy_s
        self.reset_heartbeat()

        self.table.scrollToTop()
        self.table.viewport().repaint()  # paints "…" and asks for the evicted first page
        back_to_top_ms = self.timed(30, self.first_page_painted_again)
        blocks["back_to_top"] = self.max_gap_s
        busy["back_to_top"] = self.max_busy_s

        self.heartbeat.stop()
        self.reader.stop()
        self.page.close()
        return {
            "first_rows_ms": round(first_rows_ms, 1),
            "scroll_to_end_ms": round(scroll_to_end_ms, 1),
            "reached_end": self.model.at_end,
            "rows_loaded": self.model.rowCount(),
            "pages_to_end": -(-(self.model.rowCount() - rows_before) // self.model.page_size),
            "page_size": self.model.page_size,
            "back_to_top_ms": round(back_to_top_ms, 1),
            "max_gui_block_ms": round(max(blocks.values()) * 1000, 1),
            "gui_block_ms_by_phase": {phase: round(gap * 1000, 1) for phase, gap in blocks.items()},
            "max_gui_busy_ms": round(max(busy.values()) * 1000, 1),
            "heartbeat_ms": HEARTBEAT_MS,
            "live_events_shown": self.events_shown,
            "live_stream_error": self.reader.error,
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


def measure_desktop(url: str) -> dict[str, Any]:
    import gc

    from desktop.main_thread_gc import MainThreadGarbageCollector

    bench = DesktopBench(url)
    collector = MainThreadGarbageCollector(bench.app)
    watch = GcWatch()
    gc.callbacks.append(watch)
    try:
        figures = bench.run()
    finally:
        gc.callbacks.remove(watch)
        collector.stop()
    return {**figures, "longest_gc_ms": round(watch.longest_s * 1000, 1), "longest_gc_generation": watch.generation}


# --- the parent -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=ACCOUNTS)
    parser.add_argument("--events-per-s", type=int, default=EVENTS_PER_S)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # the service child
    parser.add_argument("--desktop-for", metavar="URL", help=argparse.SUPPRESS)  # the desktop child
    args = parser.parse_args(argv)
    if args.serve:
        serve_with_synthetic_calls(args.events_per_s)
        return 0
    if args.desktop_for:
        print(json.dumps(measure_desktop(args.desktop_for)), flush=True)
        # PySide 6.12 may crash while the interpreter tears its objects down; the figures are out by now.
        os._exit(0)

    with tempfile.TemporaryDirectory(prefix="carrierdesk-bench-") as folder:
        service = temp_service.create(Path(folder))
        started = time.perf_counter()
        insert_accounts(service.db_url, args.accounts)
        insert_s = time.perf_counter() - started
        server = subprocess.Popen([sys.executable, "-m", "installer.desktop_bench", "--serve",
                                   "--events-per-s", str(args.events_per_s)], env=service.env)
        try:
            temp_service.wait_until_healthy(service.url, server)
            env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
            desktop = subprocess.run([sys.executable, "-m", "installer.desktop_bench", "--desktop-for", service.url],
                                     env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, check=False)
        finally:
            temp_service.stop(server)
    if desktop.returncode != 0:
        print(desktop.stdout + desktop.stderr, file=sys.stderr)
        return desktop.returncode
    figures = json.loads(desktop.stdout.strip().splitlines()[-1])
    print(json.dumps({"bench": "desktop_accounts", "accounts": args.accounts, "insert_s": round(insert_s, 1),
                      "live_events_per_s": args.events_per_s, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
