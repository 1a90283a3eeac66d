"""`carrier-switch bench radius`: RADIUS authorisation and accounting throughput (see switch_service.bench.radius)."""

from __future__ import annotations

import argparse
from typing import Any

from switch_service.cli.context import Context


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    radius = kinds.add_parser("radius", parents=[common],
                              help="our RADIUS server + billing policy under load (needs an empty scratch --db)")
    radius.add_argument("--requests", type=int, default=20000, help="Access-Requests to send (default 20000)")
    radius.add_argument("--concurrency", type=int, default=32, help="client threads, one socket each (default 32)")
    radius.add_argument("--workers", type=int, default=None, help="server policy threads (default: 4 per CPU, max 32)")
    radius.add_argument("--peer", choices=["freeradius"], default=None,
                        help="run the same load against FreeRADIUS with rlm_sql on the same database")
    radius.add_argument("--reseller-levels", type=int, default=0, choices=range(0, 9), metavar="0-8",
                        help="put the bench accounts under a reseller tree this deep, each level with a commission "
                             "rule, so every Stop also writes that many reseller lines (default 0)")
    radius.set_defaults(handler=bench_radius)


def bench_radius(args: argparse.Namespace, context: Context) -> int:
    from switch_service.bench import radius as bench

    result = bench.bench_radius(context.engine, requests=args.requests, concurrency=args.concurrency,
                                peer=args.peer, workers=args.workers, reseller_levels=args.reseller_levels)
    print(bench.main_json(result))
    return 0
