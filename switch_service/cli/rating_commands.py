"""`carrier-switch bench rating`: the in-memory rating index against the SQL lookups of the anchors."""

from __future__ import annotations

import argparse
from typing import Any

from switch_service.cli.context import Context


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    rating = kinds.add_parser("rating", help="prefix lookup and rating throughput, against SQL lookups")
    rating.add_argument("--prefixes", type=int, default=1_000_000)
    rating.add_argument("--calls", type=int, default=200_000)
    rating.add_argument("--seed", type=int, default=1)
    rating.set_defaults(handler=rating_bench)


def rating_bench(args: argparse.Namespace, _context: Context) -> int:
    from switch_service.bench.rating import main

    exit_code: int = main(["--prefixes", str(args.prefixes), "--calls", str(args.calls), "--seed", str(args.seed)])
    return exit_code
