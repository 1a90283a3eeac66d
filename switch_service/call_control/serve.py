"""`python -m switch_service.call_control.serve`: the SIP switch from the command line (the SIP benchmark runs it),
with static routes (`--route`: the signalling path alone) or the real call control over a database (`--db`).

It lives here rather than in sip/ because `--db` wires the SIP stack to the call control, accounts and RADIUS,
which the SIP stack never imports.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from collections.abc import Callable, Sequence

from switch_service.sip.controller import CallController, StaticRouteController, Target
from switch_service.sip.switch import SipSwitch, SwitchConfig
from switch_service.sip.transactions import TimerConfig


def parse_target(text: str) -> Target:
    """`host:port[/transport]` → Target."""
    address, _, transport = text.partition("/")
    host, _, port = address.rpartition(":")
    return Target(host, int(port), (transport or "UDP").upper(), carrier_ref=text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="serve the SIP switch with a static route")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5060)
    parser.add_argument("--route", action="append", default=[], help="HOST:PORT[/TRANSPORT], in order")
    parser.add_argument("--db", default=None,
                        help="database URL: serve with the real SwitchController (DIDs, ANIs, trunks, RADIUS to an "
                             "in-process BillingPolicy, routing, CDRs) instead of static routes")
    parser.add_argument("--ivr", default=None, help="HOST:PORT of the IVR media endpoint (with --db)")
    parser.add_argument("--aaa-process", action="store_true",
                        help="with --db: run the RADIUS server and billing policy in a child process")
    parser.add_argument("--keepalive-interval", type=float, default=0.0,
                        help="with --db: seconds between OPTIONS to the carriers' gateways (default 0: off)")
    parser.add_argument("--max-duration", type=int, default=None)
    parser.add_argument("--invite-timeout", type=float, default=None)
    parser.add_argument("--flood-limit", type=float, default=0.0, help="messages/s per source IP, 0 = off")
    parser.add_argument("--log-level", default="WARNING")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.db and not args.route:
        parser.error("give --route (static routes) or --db (the real controller)")
    closers: list[Callable[[], None]] = []
    controller: CallController
    if args.db:  # imported here: static routes start without the database and RADIUS modules
        from switch_service.call_control.config import ControllerConfig
        from switch_service.call_control.controller import SwitchController
        from switch_service.call_control.local_aaa import start_aaa_process, start_local_aaa
        from switch_service.store.engine import make_engine
        from switch_service.store.target import DatabaseTarget

        controller_config = ControllerConfig(ivr=args.ivr, keepalive_interval_s=args.keepalive_interval)
        if args.aaa_process:
            aaa = start_aaa_process(DatabaseTarget.parse(args.db))
            closers.append(aaa.close)
            controller = SwitchController(make_engine(args.db), aaa.client, controller_config)
            closers.insert(0, controller.close)
        else:
            local = start_local_aaa(make_engine(args.db), controller_config)
            closers.append(local.close)
            controller = local.controller
    else:
        controller = StaticRouteController([parse_target(r) for r in args.route], args.max_duration)
    config = SwitchConfig(host=args.host, port=args.port, timers=TimerConfig(invite_timeout=args.invite_timeout),
                          flood_limit_per_s=args.flood_limit or None)

    async def serve() -> None:
        switch = SipSwitch(controller, config)
        await switch.start()
        print(f"listening {config.host}:{switch.port}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await switch.stop()
        print(f"stats {switch.stats}", flush=True)

    try:
        asyncio.run(serve())
    finally:
        for close in closers:
            close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
