"""`carrier-switch rates import|export` and `carrier-switch bench import`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

from switch_service.cli.context import Context
from switch_service.decks import FORMATS, read_deck
from switch_service.errors import UserError


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    rates = commands.add_parser("rates", help="rate decks: import and export CSV")
    actions = rates.add_subparsers(dest="rates_command", metavar="ACTION", required=True)
    load = actions.add_parser("import", parents=[common], help="import a rate deck CSV into a tariff (all or nothing)")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--tariff", required=True, metavar="NAME", help="tariff name (created if missing)")
    load.add_argument("--format", choices=sorted(FORMATS), default=None,
                      help="deck layout (default: recognised from the header)")
    load.add_argument("--starts", metavar="ISO", default=None,
                      help="when the deck takes effect, e.g. 2026-04-01T00:00:00Z (default: now, UTC)")
    load.set_defaults(handler=import_command)
    export = actions.add_parser("export", parents=[common], help="write a tariff in the native CSV layout")
    export.add_argument("--tariff", required=True, metavar="NAME")
    export.add_argument("file", type=Path, metavar="FILE", help="output file ('-' for standard output)")
    export.add_argument("--at", metavar="ISO", default=None, help="only the rates in force at this time")
    export.set_defaults(handler=export_command)


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    bench = kinds.add_parser("import", parents=[common], help="rate-deck import throughput on the database")
    bench.add_argument("--rows", type=int, default=1_000_000)
    bench.add_argument("--seed", type=int, default=1)
    bench.set_defaults(handler=bench_import)


def parse_time(text: str, option: str) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} {text!r} is not an ISO date or time (example: 2026-04-01T00:00:00Z)") from None
    return stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)


class ProgressBar:
    """One line on stderr, redrawn in place; silent when stderr is not a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.label = label
        self.enabled = self.stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        percent = 100 if total == 0 else done * 100 // total
        if percent == self._last and done != total:
            return
        self._last = percent
        filled = percent * 30 // 100
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {percent:3d}% {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def import_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.store.deck_loader import import_deck

    starts = parse_time(args.starts, "--starts") if args.starts else dt.datetime.now(dt.UTC)
    deck = read_deck(args.file, starts=starts, fmt=args.format)
    with context.session() as session, session.begin():
        result = import_deck(session, args.tariff, deck, progress=ProgressBar(f"importing {args.file.name}"))
    print(f"imported {result.rows} rates ({deck.format} layout) into tariff {args.tariff!r} "
          f"(version {result.version}); {result.closed} earlier rates end at the new ones' start")
    return 0


def export_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.store.deck_loader import export_deck

    at = parse_time(args.at, "--at") if args.at else None
    with context.session() as session:
        if str(args.file) == "-":
            count = export_deck(session, args.tariff, sys.stdout, at=at)
        else:
            with args.file.open("w", encoding="utf-8", newline="") as out:
                count = export_deck(session, args.tariff, out, at=at)
            print(f"exported {count} rates of tariff {args.tariff!r} to {args.file}", file=sys.stderr)
    return 0


def write_synthetic_deck(path: Path, rows: int, seed: int) -> None:
    """A native deck of `rows` distinct prefixes with realistic repeated prices and billing rules."""
    rng = random.Random(seed)
    prices = [f"0.{rng.randrange(1, 999999):06d}".rstrip("0") for _ in range(2000)]
    blocks = [("60", "60"), ("30", "6"), ("1", "1"), ("60", "1")]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("prefix,destination,price_per_minute,initial_block_s,increment_s,connect_fee,disconnect_fee,"
                  "min_duration_s,min_cost,grace_s\n")
        for index in range(rows):
            initial, increment = blocks[index % 4]
            out.write(f"{10_000_000 + index},Destination {index % 5000},{prices[index % 2000]},{initial},"
                      f"{increment},0.01,0,0,0,{index % 3}\n")


def bench_import(args: argparse.Namespace, context: Context) -> int:
    from sqlalchemy import delete

    from switch_service.store.deck_loader import import_deck
    from switch_service.store.models import Rate, Tariff
    from switch_service.store.repositories.rates import tariff_by_name

    name = f"bench-import-{os.getpid()}"
    handle, temp = tempfile.mkstemp(suffix=".csv", prefix="carrierdesk-bench-")
    os.close(handle)
    path = Path(temp)
    try:
        write_synthetic_deck(path, args.rows, args.seed)
        engine = context.engine
        started = time.perf_counter()
        deck = read_deck(path, starts=dt.datetime.now(dt.UTC))
        with context.session() as session, session.begin():
            result = import_deck(session, name, deck, progress=ProgressBar("bench import"))
        seconds = time.perf_counter() - started
        del deck
        with context.session() as session, session.begin():
            tariff = tariff_by_name(session, name)
            if tariff is not None:
                session.execute(delete(Rate).where(Rate.tariff_id == tariff.id))
                session.execute(delete(Tariff).where(Tariff.id == tariff.id))
    finally:
        path.unlink(missing_ok=True)
    print(json.dumps({"rows": result.rows, "rows_per_s": round(result.rows / seconds), "seconds": round(seconds, 2),
                      "backend": engine.dialect.name}))
    return 0
