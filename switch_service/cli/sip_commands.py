"""`carrier-switch bench sip`: the SIP B2BUA under SIPp load (optionally beside sippy's b2bua)."""

from __future__ import annotations

import argparse
from typing import Any

from switch_service.cli.context import Context


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    sip = kinds.add_parser("sip", help="SIPp caller → switch → SIPp carrier: cps, failures, setup time, CPU, RSS")
    sip.add_argument("--rate", type=float, default=150, help="calls per second")
    sip.add_argument("--duration", type=float, default=30, help="seconds of call generation")
    sip.add_argument("--hold", type=float, default=2, help="seconds each call is held")
    sip.add_argument("--concurrent", type=int, default=0, help="hold this many calls at once instead")
    sip.add_argument("--peer", choices=["none", "sippy"], default="none",
                     help="also run sippy's b2bua (installed by `make bench-peers`)")
    sip.add_argument("--controller", choices=["static-route", "switch"], default="static-route",
                     help="static routes (signalling only) or the real call control with RADIUS billing")
    sip.set_defaults(handler=sip_bench)


def sip_bench(args: argparse.Namespace, _context: Context) -> int:
    from switch_service.bench.sip import main

    argv = ["--rate", str(args.rate), "--duration", str(args.duration), "--hold", str(args.hold),
            "--concurrent", str(args.concurrent), "--peer", args.peer, "--controller", args.controller]
    exit_code: int = main(argv)
    return exit_code
