"""`carrier-switch bench api`: the HTTP API under hundreds of concurrent clients, RADIUS alongside (see
switch_service.bench.api)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from switch_service.cli.context import Context


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    api = kinds.add_parser("api", parents=[common],
                           help="the API under concurrent clients with RADIUS calls alongside (needs an empty "
                                "scratch --db)")
    api.add_argument("--clients", type=int, default=500, help="concurrent API clients (default 500)")
    api.add_argument("--duration", type=float, default=60.0, help="seconds of API load (default 60)")
    api.add_argument("--radius-requests", type=int, default=5000,
                     help="Access-Requests of each RADIUS run, alone and during the API load (default 5000)")
    api.set_defaults(handler=bench_api)


def bench_api(args: argparse.Namespace, context: Context) -> int:
    from switch_service.bench import api as bench

    result = bench.bench_api(context.engine, context.settings, clients=args.clients, duration=args.duration,
                             radius_requests=args.radius_requests)
    print(json.dumps(result))
    return 0
